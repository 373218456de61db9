"""The app in a real browser: edit a cost in the Build grid, see the engine's figures on Results.

Starts ``streamlit run app.py`` on a free port and drives Debian's Chromium with Playwright.
Screenshots of every page land in ``test-artifacts/screenshots/`` (not in git). Skipped, with
the reason, only when /usr/bin/chromium is missing (CI installs it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app_pages import tables
from businesscase import evaluate, examples
from businesscase import formatting as fmt
from tests.e2e.conftest import ROOT, SCREENSHOTS, go_to, settle, shoot

CHROMIUM = Path("/usr/bin/chromium")
ROW_HEIGHT = 35
"""Height of a grid row in Streamlit's data editor [px] (header row included)."""
NAME_X = 150
"""A point inside the name column, right of the row marker and index columns [px]."""
NEW_AMOUNT = 1_000_000.0

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no browser: /usr/bin/chromium is missing (CI installs it)"
)


def sroi_shown(page) -> str:
    label = "SROI-ratio, bruto (waarde per geïnvesteerde euro)"
    card = page.get_by_test_id("stMetric").filter(has_text=label).first
    return card.get_by_test_id("stMetricValue").inner_text()


def test_a_cost_typed_into_the_build_grid_reaches_the_results(page, server):
    page.goto(f"{server}/results")  # a page's own address opens it directly
    page.get_by_test_id("stMetricValue").first.wait_for(timeout=45_000)
    settle(page)
    assert page.get_by_text("Page not found").count() == 0
    botu = examples.load_botu()
    assert sroi_shown(page) == fmt.number(evaluate(botu).metrics["sroi_ratio"], "nl")
    shoot(page, "results")

    go_to(page, "Opbouwen")
    costs = page.get_by_test_id("stDataFrame").nth(tables.TABLES.index("costs"))
    costs.wait_for()
    page.get_by_test_id("stTextInput").first.wait_for()
    settle(page)
    shoot(page, "build")
    costs.scroll_into_view_if_needed()
    frame = tables.frames(botu, "nl")["costs"]
    row = int(frame.index[frame["amount~"] == ""][0])  # a fixed amount, no distribution
    changed = list(botu.costs)
    changed[row] = changed[row].model_copy(update={"amount": NEW_AMOUNT})
    expected = evaluate(botu.model_copy(update={"costs": changed})).metrics
    assert expected["sroi_ratio"] != evaluate(botu).metrics["sroi_ratio"]
    # columns: row marker (deletes), index, name, project (in a programme), amount, ...: select
    # the name cell of the first row, move down to the row and right to "amount", open its
    # editor (Enter), replace the number and commit (Enter)
    costs.click(position={"x": NAME_X, "y": ROW_HEIGHT * 1.5})
    for key in ["ArrowDown"] * row + ["ArrowRight"] * 2 + ["Enter"]:
        page.keyboard.press(key)
    editor = page.get_by_test_id("portal").locator("input, textarea").first
    editor.fill(str(int(NEW_AMOUNT)))
    editor.press("Enter")
    settle(page)
    # the Build page's own figures follow the valid edit
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(
        fmt.number(expected["sroi_ratio"], "nl"), timeout=30_000
    )
    shoot(page, "build_edited")

    go_to(page, "Resultaten")
    assert sroi_shown(page) == fmt.number(expected["sroi_ratio"], "nl")
    shoot(page, "results_edited")
    for title, name in (
        ("Onzekerheid", "uncertainty"),
        ("Vergelijken", "compare"),
        ("Rapport", "report"),
    ):
        nav = page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True)
        if nav.count():
            go_to(page, title)
            shoot(page, name)


def test_the_reports_download_is_the_cli_export_and_every_page_is_shot(page, server, tmp_path):
    """One report, whoever builds it: the app's HTML download (built in a process where
    Streamlit's plotly template is the default) equals ``businesscase export`` of the same
    scenario, language, draws and seed, byte for byte, and carries no colour of the app's
    theme. Screenshots of Results, Uncertainty, Compare, Report and of the report itself, in
    Dutch and in English."""
    page.goto(f"{server}/results")
    page.get_by_test_id("stMetricValue").first.wait_for(timeout=45_000)
    settle(page)
    for lang, language in (("nl", "Nederlands"), ("en", "English")):
        page.get_by_test_id("stSidebar").get_by_text(language, exact=True).click()
        settle(page)
        titles = {
            "nl": ("Resultaten", "Onzekerheid", "Vergelijken", "Rapport"),
            "en": ("Results", "Uncertainty", "Compare", "Report"),
        }[lang]
        go_to(page, titles[0])
        shoot(page, f"outputs_results_{lang}")
        go_to(page, titles[1])
        page.get_by_test_id("stFormSubmitButton").first.click()
        settle(page)
        page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=60_000)
        shoot(page, f"outputs_uncertainty_{lang}")
        go_to(page, titles[2])
        page.get_by_test_id("stDataFrame").first.wait_for(timeout=60_000)
        shoot(page, f"outputs_compare_{lang}")
        go_to(page, titles[3])
        shoot(page, f"outputs_report_{lang}")
        button = page.get_by_test_id("stDownloadButton").filter(has_text="HTML")
        with page.expect_download(timeout=180_000) as download:
            button.click()
        downloaded = Path(download.value.path()).read_bytes()
        exported = tmp_path / f"botu_{lang}.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "businesscase",
                "export",
                str(examples.example_path("botu_programma")),
                "--html",
                str(exported),
                "--lang",
                lang,
                "--draws",
                "2000",
                "--seed",
                "1",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=600,
        )
        assert downloaded == exported.read_bytes()
        assert b"#000001" not in downloaded  # Streamlit's placeholder colours
        report = page.context.browser.new_page(viewport={"width": 1200, "height": 900})
        report.goto(exported.as_uri())
        report.wait_for_timeout(3_000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        report.screenshot(
            path=str(SCREENSHOTS / f"outputs_html_report_{lang}.png"),
            full_page=True,
            timeout=120_000,
        )
        report.close()
