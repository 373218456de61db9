"""Moving through the guided build in Streamlit's AppTest: the steps and the case being built,
shared by the AppTests of the guided build's forms."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

NEW = "Nieuw plan"
"""The name the guided build gives a new plan."""


def step(at: AppTest, name: str) -> None:
    """Open the guided build's step ``name`` (its key in the address, ``?stap=``)."""
    at.session_state["stap"] = name
    at.run()
    assert not at.exception


def case(at: AppTest) -> dict:
    """The new plan's data as the guided build keeps it."""
    return at.session_state["variants"][NEW].data
