"""Every page opened in Dutch shows Dutch: no English interface words (the list below), no
``None`` in a visible cell, no field path (``costs[1].amount``) in the visible text.

The visible text is what a person reads: the page's rendered text and the cells of its tables
(drawn on a canvas; their text is in the grid's cells for assistive technology).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import settle

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="no browser: /usr/bin/chromium is missing (CI installs it)",
)

ENGLISH = (
    "Choose",
    "options",
    "Drag and drop",
    "Browse files",
    "Deploy",
    "Upload",
    "Download",
    "Results",
    "Build",
    "Compare",
    "Report",
    "Uncertainty",
    "Step",
    "loan",
    "loans",
    "subsidy",
    "grant",
    "contribution",
    "revenue",
    "public",
    "housing",
    "residents",
    "fiscal",
    "economic",
    "opex",
    "capex",
    "must",
    "between",
    "required",
    "the",
    "and",
    "per year",
    "still owed",
    "principal",
    "variant shown",
)
"""English words a Dutch page must not show (whole words, case-sensitive)."""
PAINT_TRIES = 10
"""Looks at a page, a second apart, before English on it counts."""
FIELD_PATH = re.compile(r"\b[a-z_]+\[\d+\]\.[a-z_]+|\bscenario\.[a-z_]+\b")
PAGES = [
    "",
    "stappen?stap=baten",
    "stappen?stap=betalen",
    "stappen?stap=sluit",
    "build",
    "results",
    "uncertainty",
    "report",
    "compare",
    "monitoren",
]


def visible_text(page) -> tuple[str, list[str]]:
    text = page.locator("[data-testid=stMain]").inner_text()
    cells = page.locator("td[role=gridcell]").all_inner_texts()
    return text, cells


@pytest.mark.parametrize("path", PAGES)
def test_a_page_in_dutch_shows_no_english_no_none_and_no_field_path(page, server, path):
    page.goto(f"{server}/{path}")
    page.get_by_test_id("stSidebar").wait_for(timeout=45_000)
    settle(page)
    # a grid may paint its cells' codes before their words on a busy machine: judge the page
    # once it has had a few seconds to finish drawing
    for _ in range(PAINT_TRIES):
        text, cells = visible_text(page)
        everything = "\n".join([text, *cells])
        english = english_words(everything)
        if not english:
            break
        page.wait_for_timeout(1_000)
    where = [line[:200] for line in everything.splitlines() if english_words(line)]
    assert english == [], f"/{path} shows English: {english} in {where}"
    assert "None" not in cells, f"/{path} shows None in a cell"
    assert FIELD_PATH.findall(everything) == [], f"/{path} shows a field path"


def english_words(text: str) -> list[str]:
    """The words of :data:`ENGLISH` that ``text`` holds as whole words."""
    return sorted(
        {word for word in ENGLISH if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)}
    )
