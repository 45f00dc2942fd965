"""`workplan-ingest timeline` options of issue 11: --fiscal-year-start makes a fiscal
year firm, --lang only orders the languages tried (every language is still read)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from normalize.timelines import language_order
from normalize.timelines.reader import _dateparser

runner = CliRunner()


def read(*args: str) -> dict:
    result = runner.invoke(app, ["timeline", "--reference-year", "2021", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_fiscal_year_start_option():
    got = read("--fiscal-year-start", "7", "Q4 FY2021")
    assert (got["start"], got["end"], got["certainty"], got["note"]) == \
        ("2021-04-01", "2021-06-30", "firm", "fiscal year from July")
    got = read("Q4 FY2021")
    assert (got["start"], got["end"], got["certainty"]) == ("2021-10-01", "2021-12-31", "assumed")


def test_fiscal_year_start_must_be_a_month():
    assert runner.invoke(app, ["timeline", "--fiscal-year-start", "13", "FY2021"]).exit_code != 0


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("cell", ["first quarter 2021", "premier trimestre 2021", "primer trimestre 2021",
                                  "du 3 au 5 mai", "entre marzo y mayo", "by year end"])
def test_every_language_is_read_whatever_lang_comes_first(lang, cell):
    assert read("--lang", lang, cell) == read(cell)


def test_lang_orders_the_attempts():
    assert language_order(["fr"]) == ("fr", "en", "es")
    assert language_order([None]) == ("en", "fr", "es")
    # the dateparser fallback (words the grammar does not know) tries the preferred language first
    assert _dateparser(language_order(["es"])).languages[0] == "es"
    assert runner.invoke(app, ["timeline", "--lang", "de", "June"]).exit_code != 0
