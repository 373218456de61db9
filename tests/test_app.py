"""The app's wiring (AppTest): pages, language, variants and the engine's figures on screen."""

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


def metric_values(at):
    return [metric.value for metric in at.metric]


def test_opens_on_the_results_of_the_botu_programme(app):
    expected = evaluate(examples.load_botu()).metrics
    assert fmt.number(expected["sroi_ratio"], "nl") in metric_values(app)
    assert fmt.money(expected["npv_social"], "nl") in metric_values(app)
    assert app.metric[0].label.startswith("SROI-ratio, bruto")
    assert app.sidebar.selectbox[0].value == examples.PROGRAMME


def test_switches_language(app):
    app.sidebar.radio[0].set_value("en").run()
    assert not app.exception
    assert app.metric[0].label.startswith("SROI ratio, gross")
    expected = evaluate(examples.load_botu()).metrics
    assert fmt.money(expected["npv_social"], "en") in metric_values(app)
    assert app.sidebar.selectbox[0].label == "Variant shown"
