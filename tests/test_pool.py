"""The pool over the years and who lends to whom (businesscase.projects.pool_by_year and
lending; docs/methodology.md, "A programme of projects"): a hand-worked programme, then the
invariants on random programmes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import programmes

from businesscase import evaluate, examples
from businesscase.projects import LENDING_COLUMNS, POOL_COLUMNS, lending, pool_by_year
from businesscase.scenario import scenario_from_dict
from businesscase.vocabulary import CLOSE_TOLERANCE

approx = pytest.approx


def grant(name: str, amount: float, start: int, project: str | None, **extra) -> dict:
    line = {"name": name, "funder": "gemeente", "kind": "subsidy", "amount": amount}
    line |= {"start": start, "duration": 1, **extra}
    return line if project is None else line | {"project": project}


def cost(name: str, amount: float, start: int, project: str) -> dict:
    return {"name": name, "amount": amount, "start": start, "duration": 1, "project": project}


def three_projects() -> dict:
    """Over three years (discount rate 0, no inflation):

    - ``a`` spends 100 in year 0 and 40 in year 2; its own subsidy of 100 comes in year 1;
    - ``b`` brings 30 of pooled money in year 0 and spends nothing;
    - ``c`` has an earmarked subsidy of 200 in year 0 and spends 220 in year 2;
    - the programme's own neighbourhood fund brings 50 in year 0 (pooled, a programme line).
    """
    return {
        "scenario": {"name": "p", "start_year": 2026, "horizon_years": 3, "discount_rate": 0.0},
        "stakeholders": [{"id": "gemeente", "name": "Gemeente", "kind": "public"}],
        "projects": [{"id": p, "name": p.upper()} for p in ("a", "b", "c")],
        "costs": [cost("a0", 100.0, 0, "a"), cost("a2", 40.0, 2, "a"), cost("c", 220.0, 2, "c")],
        "funding": [
            grant("a", 100.0, 1, "a"),
            grant("b", 30.0, 0, "b", pooled=True),
            grant("c", 200.0, 0, "c"),
            grant("wijkfonds", 50.0, 0, None),
        ],
    }


def test_each_parts_position_in_the_pool_by_hand():
    scenario = scenario_from_dict(three_projects())
    pool = pool_by_year(scenario)
    assert tuple(pool.columns) == POOL_COLUMNS
    assert list(pool["part"]) == ["a", "b", "c", ""] * 3
    assert list(pool["year"]) == [2026] * 4 + [2027] * 4 + [2028] * 4
    # year 0: a has spent 100 of which none is its own money yet; b and the fund bring 30 + 50
    # year 1: a's subsidy has come (100 - 100 = 0); year 2: a 140 - 100, c 220 - 200
    assert list(pool["brought"]) == [0, 30, 0, 50] * 3
    assert list(pool["drawn"]) == [100, 0, 0, 0, 0, 0, 0, 0, 40, 0, 20, 0]
    # b(t) = 80 - 100, 80 - 0, 80 - 60: the programme's cash balance
    balance = pool.groupby("year")["net"].sum()
    assert list(balance) == [-20.0, 80.0, 20.0]
    assert list(evaluate(scenario).yearly["cash_balance"]) == approx([-20.0, 80.0, 20.0])


def test_who_lends_to_whom_by_hand():
    table = lending(pool_by_year(scenario_from_dict(three_projects())))
    assert tuple(table.columns) == LENDING_COLUMNS
    rows = [
        (year, borrower, lender, amount)
        for year, _, borrower, lender, amount in table.itertuples(index=False)
    ]
    assert rows == [
        # year 0: a needs 100; b lends its 30, the fund its 50; 20 is not covered (b(0) = -20)
        (2026, "a", "b", approx(30.0)),
        (2026, "a", "", approx(50.0)),
        (2026, "a", None, approx(20.0)),
        # year 1: nobody needs the pool. Year 2: a needs 40 and c 20 of the 80 on hand: each
        # lender covers them in proportion to what it has (30/80 and 50/80)
        (2028, "a", "b", approx(15.0)),
        (2028, "a", "", approx(25.0)),
        (2028, "c", "b", approx(7.5)),
        (2028, "c", "", approx(12.5)),
    ]


def test_the_botu_programme_has_no_pooled_money_so_nothing_of_its_need_is_covered():
    botu = examples.load_botu()
    pool = pool_by_year(botu)
    assert (pool["brought"] == 0.0).all()
    table = lending(pool)
    assert table["lender"].isna().all()
    last = table[table["year"] == 2036].set_index("borrower")["amount"]
    assert last.sum() == approx(evaluate(botu).metrics["funding_gap"])
    assert list(last.index) == ["west_practice", "nabuurschap"]


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(programmes())
def test_the_pool_adds_up_to_the_cash_balance_and_lending_to_each_need(data):
    scenario = scenario_from_dict(data)
    pool = pool_by_year(scenario)
    balance = pool.groupby("t")["net"].sum().to_numpy()
    expected = evaluate(scenario).yearly["cash_balance"].to_numpy()
    scale = 1e-6 + 1e-9 * max(1.0, float(np.abs(expected).max()))
    assert balance == approx(expected, abs=scale, rel=1e-9)
    table = lending(pool)
    for t, parts in pool.groupby("t"):
        lent = table[table["t"] == t]
        needs = (-parts.set_index("part")["net"]).clip(lower=0.0)
        spare = parts.set_index("part")["net"].clip(lower=0.0)
        # each borrower's need is covered or said to be uncovered, to the cent
        got = lent.groupby("borrower")["amount"].sum().reindex(needs.index, fill_value=0.0)
        tolerance = CLOSE_TOLERANCE * (len(parts) + 1) + scale
        assert got.to_numpy() == approx(
            needs.where(needs > CLOSE_TOLERANCE, 0.0).to_numpy(), abs=tolerance, rel=1e-9
        )
        # no lender lends more than it has, and what is uncovered is the programme's shortfall
        given_ = lent.dropna(subset=["lender"]).groupby("lender")["amount"].sum()
        assert (given_ <= spare.reindex(given_.index) + tolerance).all()
        uncovered = lent[lent["lender"].isna()]["amount"].sum()
        assert uncovered == approx(max(0.0, -balance[t]), abs=tolerance, rel=1e-9)


def test_a_scenario_without_projects_is_the_programmes_own_part():
    data = three_projects()
    del data["projects"]
    for line in data["costs"] + data["funding"]:
        line.pop("project", None)
        line.pop("pooled", None)
    pool = pool_by_year(scenario_from_dict(data))
    # every euro pooled: 280 in and 100 out in year 0, a's 100 in year 1, 260 out in year 2
    assert set(pool["part"]) == {""}
    assert list(pool["net"]) == approx([180.0, 280.0, 20.0])
    assert lending(pool).empty
    assert isinstance(lending(pool), pd.DataFrame)
