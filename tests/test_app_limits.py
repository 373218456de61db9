"""The app with a scenario whose figures overflow: the reason on the page, never a traceback."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from app_pages import state
from businesscase import dump_scenario, examples
from businesscase.scenario import scenario_from_dict, scenario_to_dict
from businesscase.text import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def overflowing_variant() -> state.Variant:
    """West Practice with a first outcome of 1e200 outcomes worth 1e200 each (valid input)."""
    data = scenario_to_dict(examples.load_example("west_practice"))
    data["outcomes"][0].update(quantity=1e200, proxy=1e200)
    del data["correlations"]  # a fixed count no longer moves with the second outcome's
    return state.Variant("Te groot", dump_scenario(scenario_from_dict(data)))


def test_results_of_numbers_too_large_show_the_reason_in_the_users_language():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    variant = overflowing_variant()
    at.session_state[state.VARIANTS_KEY] = dict(at.session_state[state.VARIANTS_KEY]) | {
        variant.name: variant
    }
    at.session_state[state.CURRENT_KEY] = variant.name
    at.switch_page("app_pages/results.py").run()
    assert not at.exception
    [shown] = [error.value for error in at.error]
    reason = (
        "West Practice: opleiding naar werk: outcomes[0]: numbers too large to compute: "
        "quantity x proxy x (1 + growth)^t is larger than 1e300"
    )
    assert shown == t("cannot_compute", "nl", reason=state.markdown_text(reason))
