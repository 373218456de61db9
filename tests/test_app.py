"""The app's wiring (AppTest): it opens on the BoTu programme with the engine's figures."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from businesscase import evaluate, examples
from businesscase import formatting as fmt

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    return at


def test_opens_on_the_botu_programme_with_the_engines_figures(app):
    expected = evaluate(examples.load_botu()).metrics
    values = [metric.value for metric in app.metric]
    assert fmt.number(expected["sroi_ratio"], "nl") in values
    assert fmt.money(expected["npv_social"], "nl") in values
    assert app.metric[0].label.startswith("SROI-ratio, bruto")


def test_switches_language_and_shows_the_gap_of_a_case_that_does_not_close(app):
    app.sidebar.radio[0].set_value("en").run()
    assert app.metric[0].label.startswith("SROI ratio, gross")
    app.sidebar.selectbox[0].set_value("nabuurschap").run()
    gap = evaluate(examples.load_example("nabuurschap")).metrics["funding_gap"]
    assert gap > 0
    assert fmt.money(gap, "en") in app.error[0].value
