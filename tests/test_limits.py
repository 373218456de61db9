"""Limits on draws, sweep points and memory, checked before anything is allocated.

Named after what users saw before: ``simulate --draws 100000000`` grew past 12 GiB, a sweep of
100,000 x 1,000 values reached 8 GiB, a 19,000-line scenario failed with ``MemoryError`` in a
1,000-draw simulation. No test here is timed; the peak memory is measured in
``bench/limits.py``.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from businesscase import limits
from businesscase.batch import sweep
from businesscase.examples import load_example
from businesscase.limits import LimitError
from businesscase.scenario import scenario_from_dict
from businesscase.uncertainty import WORKERS, run_draws, sensitivity, simulate, switching_values


def many_lines(lines: int, years: int, uncertain: bool = False):
    """``lines`` cost lines over ``years`` years (uncertain amounts if asked), one subsidy."""
    amount = {"dist": "uniform", "low": 900, "high": 1_100} if uncertain else 1_000
    return scenario_from_dict(
        {
            "scenario": {"name": "Veel regels", "start_year": 2027, "horizon_years": years},
            "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
            "costs": [
                {"name": f"Kosten {i}", "amount": amount, "duration": years} for i in range(lines)
            ],
            "funding": [
                {
                    "name": "Subsidie",
                    "funder": "gemeente",
                    "kind": "subsidy",
                    "amount": 1e6,
                    "duration": years,
                }
            ],
        }
    )


def test_chunk_size_arithmetic_for_a_small_and_a_large_scenario():
    # 10 lines (9 costs + the subsidy) over 30 years: 8 x 30 x (4 x 10 + 48) = 21,120 bytes a
    # draw; 512 MiB / (2 workers x 21,120) = 12,709 draws, capped at 5,000
    small = many_lines(9, 30)
    assert limits.draw_bytes(small) == 21_120
    assert limits.chunk_size(small, workers=2) == 5_000
    # 2,000 lines over 200 years: 8 x 200 x (4 x 2,000 + 48) = 12,876,800 bytes a draw;
    # 536,870,912 / (2 x 12,876,800) = 20.8 -> 20 draws a chunk
    large = many_lines(1_999, 200)
    assert limits.draw_bytes(large) == 12_876_800
    assert limits.chunk_size(large, workers=2) == 20
    assert limits.chunk_size(large, workers=1) == 41


def test_max_draws_arithmetic():
    # 35 figures + 200 cash balances of 8 bytes: 1,880 bytes a draw while the chunks are
    # evaluated, in half the budget: 536,870,912 / 1,880 = 285,569 draws; with its one input
    # drawn again (3 copies of 8 bytes) 1,904 bytes in the whole budget would allow 563,940
    long = many_lines(1, 200, uncertain=True)
    assert limits.kept_bytes(long) == 1_880 and limits.input_bytes(long) == 24
    assert limits.max_draws(long) == 285_569
    # 300 uncertain amounts over 10 years: 8 x 45 = 360 bytes kept, and the inputs drawn again
    # 3 x 8 x 300 = 7,200: 1,073,741,824 / 7,560 = 142,029 draws (the kept figures alone would
    # allow 1,491,308)
    many = many_lines(300, 10, uncertain=True)
    assert limits.kept_within(many) == (7_560, 1 << 30)
    assert limits.max_draws(many) == 142_029
    # one line over 2 years, nothing uncertain: 8 x 37 = 296 bytes; 1,813,753 fit, a million
    # are allowed
    assert limits.max_draws(many_lines(1, 2)) == 1_000_000


@pytest.mark.parametrize("lines, years", [(1, 200), (300, 10), (40, 30), (1, 2)])
def test_the_most_draws_fit_both_peaks_and_one_more_would_not(lines, years):
    """The rule behind max_draws: while the chunks are evaluated the figures and cash
    balances of every draw fit in half the budget; once they are done, these and the sampled
    inputs drawn again fit in the whole; one draw more breaks one of the two (or the cap)."""
    scenario = many_lines(lines, years, uncertain=True)
    kept, inputs = limits.kept_bytes(scenario), limits.input_bytes(scenario)

    def fits(draws: int) -> bool:
        half = limits.MEMORY_BUDGET // 2
        return draws * kept <= half and draws * (kept + inputs) <= limits.MEMORY_BUDGET

    most = limits.max_draws(scenario)
    assert fits(most)
    assert most == limits.MAX_DRAWS or not fits(most + 1)


def test_simulate_with_100_million_draws_is_refused_before_sampling():
    with pytest.raises(LimitError, match=r"^draws = 100,000,000: at most 1,000,000 draws$"):
        simulate(load_example("nabuurschap"), 100_000_000, seed=1)


def test_simulate_with_more_draws_than_a_long_scenario_keeps_in_memory_is_refused():
    scenario = many_lines(1, 200, uncertain=True)
    message = (
        r"^draws = 300,000: this scenario allows at most 285,569 draws: each keeps 1.84 KiB "
        r"of results, within 512 MiB$"
    )
    with pytest.raises(LimitError, match=message):
        simulate(scenario, 300_000, seed=1)
    many = many_lines(300, 10, uncertain=True)  # bound by its inputs drawn again
    message = r"allows at most 142,029 draws: each keeps 7.38 KiB of results, within 1.00 GiB$"
    with pytest.raises(LimitError, match=message):
        simulate(many, 150_000, seed=1)


def test_simulate_with_zero_draws_is_refused():
    with pytest.raises(LimitError, match=r"^draws = 0: must be at least 1$"):
        simulate(load_example("nabuurschap"), 0, seed=1)


def test_a_sweep_of_100_000_by_1_000_values_is_refused_before_the_grid_is_built():
    grid = {"outcomes[0].proxy": range(100_000), "costs[0].amount": range(1_000)}
    message = (
        r"^the sweep has 100,000 x 1,000 = 100,000,000 points; at most 1,000,000 in one sweep$"
    )
    with pytest.raises(LimitError, match=message):
        sweep(load_example("west_practice"), grid)


def test_a_sweep_over_10_to_the_12_values_is_refused_without_allocating_them():
    with pytest.raises(LimitError, match="1,000,000,000,000 points"):
        sweep(load_example("west_practice"), {"outcomes[0].proxy": range(10**12)})


def test_switching_values_of_900_uncertain_inputs_are_refused_with_the_count():
    # 900 inputs x 102 grid points = 91,800 evaluations; each keeps 8 x (35 + 10) bytes and
    # its inputs 3 x 8 x 900: 1,073,741,824 / 21,960 = 48,895 fit
    scenario = many_lines(900, 10, uncertain=True)
    message = (
        r"^the switching values of 900 uncertain inputs need 91,800 evaluations of the "
        r"scenario; at most 48,895 fit in 1.00 GiB: write fewer inputs as distributions$"
    )
    with pytest.raises(LimitError, match=message):
        switching_values(scenario)
    assert len(sensitivity(scenario).table) == 900  # 1,801 evaluations fit


def test_a_scenario_too_large_for_one_evaluation_is_refused(monkeypatch):
    # 4 x 2,000 line-years of 8 bytes over 200 years = 12.3 MiB a draw; with a budget of
    # 16 MiB (half for the evaluation: 8 MiB) a single draw does not fit
    monkeypatch.setattr(limits, "MEMORY_BUDGET", 16 << 20)
    with pytest.raises(LimitError, match=r"^2,000 lines over 200 years need 12.3 MiB for one "):
        limits.chunk_size(many_lines(1_999, 200), workers=1)


def test_run_draws_in_budget_sized_chunks_gives_the_same_figures(monkeypatch):
    # the tornado of nabuurschap (33 evaluations) in one piece, then with a budget so small
    # that run_draws evaluates 3 draws at a time
    scenario = load_example("nabuurschap")
    inputs = sensitivity(scenario).table
    values = {
        path: np.linspace(0.5, 1.5, 33) * base
        for path, base in zip(inputs["path"], inputs["base"], strict=True)
    }
    whole = run_draws(scenario, 33, values)
    monkeypatch.setattr(limits, "MEMORY_BUDGET", 2 * 3 * limits.draw_bytes(scenario))
    assert limits.chunk_size(scenario, workers=1) == 3
    chunked = run_draws(scenario, 33, values)
    for name, figure in whole.items():
        assert_allclose(chunked[name], figure, rtol=0, atol=0, err_msg=name)


def test_simulate_never_uses_chunks_larger_than_the_budget_allows(monkeypatch):
    budget = 2 * WORKERS * 7 * limits.draw_bytes(many_lines(1, 5))  # 7 draws per thread
    monkeypatch.setattr(limits, "MEMORY_BUDGET", budget)
    sizes = []
    simulate(
        many_lines(1, 5, uncertain=True),
        45,  # the tiny budget keeps 8 x (35 + 5) = 320 bytes a draw in its half: at most 98
        seed=1,
        chunk_size=20,
        progress=lambda done, total: sizes.append(done),
    )
    # draw_bytes is the same for the certain and the uncertain scenario: 7 draws per chunk
    assert sizes[:3] == [7, 14, 21] and sizes[-1] == 45


def test_limit_messages_in_dutch_write_numbers_and_sizes_as_dutch_does():
    scenario = many_lines(1, 200, uncertain=True)
    with pytest.raises(LimitError) as caught:
        simulate(scenario, 300_000, seed=1)
    assert caught.value.text("nl") == (
        "draws = 300.000: dit scenario staat hoogstens 285.569 trekkingen toe: elke trekking "
        "bewaart 1,84 KiB aan uitkomsten, binnen 512 MiB"
    )
    with pytest.raises(LimitError) as caught:
        sweep(
            load_example("west_practice"),
            {"outcomes[0].proxy": range(100_000), "costs[0].amount": range(1_000)},
        )
    assert caught.value.text("nl") == (
        "de sweep heeft 100.000 x 1.000 = 100.000.000 punten; hoogstens 1.000.000 in één sweep"
    )
