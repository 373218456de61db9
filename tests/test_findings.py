"""Findings of an evaluation in English and Dutch (docs/methodology.md, Findings)."""

import pickle
from pathlib import Path

from businesscase import evaluate, load_scenario
from businesscase.findings import FINDINGS, Finding

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def test_the_loan_still_owed_reads_dutch_on_a_dutch_page():
    # energiecooperatie's loan is not paid off within ten years
    result = evaluate(load_scenario(SCENARIOS / "energiecooperatie.toml"))
    owed = [w for w in result.warnings if w.key == "loan_owed"]
    assert len(owed) == 1
    amount = result.metrics["loan_outstanding_at_horizon"]
    assert owed[0] == f"loans: {amount:,.2f} of principal is still owed after the last year"
    dutch = owed[0].text("nl")
    assert dutch.startswith("Leningen: na het laatste jaar is nog € ")
    assert "loans" not in dutch and "principal" not in dutch


def test_a_finding_about_a_line_names_the_line_in_words_not_by_its_path():
    finding = Finding("no_additionality", "avoided_costs", 2, "Minder zorggebruik")
    assert finding.startswith("avoided_costs[2] (Minder zorggebruik): deadweight")
    dutch = finding.text("nl")
    assert dutch.startswith('Vermeden kosten "Minder zorggebruik": deadweight, verdringing')
    assert "avoided_costs" not in dutch and "[" not in dutch
    assert finding.text("en") == finding


def test_every_finding_has_both_languages_with_the_same_placeholders():
    for key, texts in FINDINGS.items():
        assert set(texts) == {"en", "nl"}, key
        assert ("{amount}" in texts["en"]) == ("{amount}" in texts["nl"]), key


def test_a_finding_survives_the_copy_the_app_cache_makes():
    finding = Finding("no_proxy_source", "outcomes", 1, "Minder eenzaamheid")
    copy = pickle.loads(pickle.dumps(finding))
    assert copy == finding and copy.text("nl") == finding.text("nl") and copy.key == finding.key
