"""What a document states about its time frame (issue 11): the project's start gives
project time (M6, Year 2) dates, a stated fiscal year's first month makes fiscal
readings firm; without either, project time stays relative with null dates and a
fiscal year is `assumed` with a diagnostic. Read end to end from generated plans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import parsers
from normalize.pipeline import normalize_document
from normalize.timelines.statements import fiscal_year_start, project_start

TABLE = """
| Activity | Lead | Timeline |
|---|---|---|
| 1. Kick-off meeting | UNDP | M1 |
| 2. Baseline survey | UNEP | M6-M12 |
| 3. Budget review | UNDP | FY2022 Q2 |
| 4. Second year review | UNEP | Year 2 |
"""


def timelines(tmp_path: Path, intro: str, **options) -> dict[str, tuple]:
    path = tmp_path / "plan.md"
    path.write_text(f"# Work plan of the SOLAR project\n\n{intro}\n{TABLE}", encoding="utf-8")
    records, _ = normalize_document(parsers.parse(path), "d1", **options)
    codes = {d.code for d in records.diagnostics}
    day = lambda iso: iso and dt.date.fromisoformat(iso)  # noqa: E731 - rows carry ISO text
    rows = {t.raw: (day(t.start), day(t.end), t.kind, t.certainty, t.note) for t in records.tables["timelines"]}
    return rows | {"codes": codes}


@pytest.mark.parametrize("intro", [
    "The project starts on 1 March 2021. Our fiscal year starting 1 July is used for budgets.",
    "Le projet démarre le 1er mars 2021. L'exercice budgétaire commence le 1er juillet.",
    "El proyecto comienza el 1 de marzo de 2021. El año fiscal comienza en julio.",
])
def test_a_stated_start_and_fiscal_year_give_dates(tmp_path, intro):
    got = timelines(tmp_path, intro)
    D = dt.date
    assert got["M1"] == (D(2021, 3, 1), D(2021, 3, 31), "relative", "firm", "M1")
    assert got["M6-M12"] == (D(2021, 8, 1), D(2022, 2, 28), "relative", "firm", "M6-M12")
    assert got["Year 2"] == (D(2022, 3, 1), D(2023, 2, 28), "relative", "firm", "M13-M24")
    assert got["FY2022 Q2"] == (D(2021, 10, 1), D(2021, 12, 31), "point", "firm", "fiscal year from July")
    assert "assumed_date" not in got["codes"]


def test_without_statements_project_time_stays_relative_and_fiscal_years_are_assumed(tmp_path):
    got = timelines(tmp_path, "A plan for the coming years.")
    assert got["M6-M12"] == (None, None, "relative", "firm", "M6-M12")
    start, end, kind, certainty, note = got["FY2022 Q2"]
    assert (start, end, certainty) == (dt.date(2022, 4, 1), dt.date(2022, 6, 30), "assumed")
    assert "January assumed" in note and "assumed_date" in got["codes"]


def test_the_fiscal_year_option_is_used_unless_the_document_states_one(tmp_path):
    got = timelines(tmp_path, "A plan for the coming years.", fiscal_year_start=10)
    assert got["FY2022 Q2"][:4] == (dt.date(2022, 1, 1), dt.date(2022, 3, 31), "point", "firm")
    got = timelines(tmp_path, "Our fiscal year starting 1 July.", fiscal_year_start=10)
    assert got["FY2022 Q2"][:2] == (dt.date(2021, 10, 1), dt.date(2021, 12, 31))


@pytest.mark.parametrize(("text", "month"), [
    ("Our fiscal year starting 1 July.", 7), ("The financial year (July-June) applies.", 7),
    ("exercice budgétaire du 1er juillet au 30 juin", 7), ("año fiscal que comienza en julio", 7),
    ("The fiscal year begins October 1.", 10),
    ("The fiscal year report is due in March.", None), ("A fiscal year plan.", None),
])
def test_fiscal_year_statements(text, month):
    assert fiscal_year_start([text]) == month


@pytest.mark.parametrize(("text", "start"), [
    ("The project starts on 1 March 2021.", dt.date(2021, 3, 1)),
    ("Project start: 01/2022", dt.date(2022, 1, 1)),
    ("Project start: 01.2022", dt.date(2022, 1, 1)),
    ("The action has a duration 36 months starting January 2020.", dt.date(2020, 1, 1)),
    ("Date de début du projet : 01/03/2021", dt.date(2021, 3, 1)),
    ("Fecha de inicio: enero 2022", dt.date(2022, 1, 1)),
    ("Project duration: 36 months.", None),
    ("Deliverables are due by M6.", None),
    ("The project will start soon.", None),
])
def test_project_start_statements(text, start):
    assert project_start([text]) == start


def test_run_options_reach_the_timelines_and_the_ledger_key(tmp_path):
    """`run --fiscal-year-start` / `--lang` travel in RunOptions to each document, and a
    rerun with other options does not reuse the outcome read with the first ones."""
    from ingest.batch import RunOptions, run_batch
    from ingest.ledger import Ledger

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.md").write_text(f"# Work plan\n\nA plan for the coming years.\n{TABLE}", encoding="utf-8")

    def fiscal_row(ledger, **options):
        result = run_batch([tmp_path / "in"], ledger=ledger, options=RunOptions(workers=0, **options))
        ledger.finish()
        return next(t for t in result.tables["timelines"] if t.raw == "FY2022 Q2")

    first = tmp_path / "first.sqlite"
    assert fiscal_row(Ledger.open(first)).certainty == "assumed"
    row = fiscal_row(Ledger.open(tmp_path / "second.sqlite", [first]), fiscal_year_start=7, lang="fr")
    assert (row.start, row.end, row.certainty) == ("2021-10-01", "2021-12-31", "firm")
    assert RunOptions(lang="fr", fiscal_year_start=7).reading() == (("languages", ("fr",)), ("fiscal_year_start", 7))
    assert RunOptions().reading() == ()


@pytest.mark.parametrize(("pairs", "start"), [
    ([("Starting date", "01/09/2015"), ("Duration in months", "48")], dt.date(2015, 9, 1)),
    ([("Date de début :", "mars 2021")], dt.date(2021, 3, 1)),
    ([("Start date", "End date")], None),                 # a header row names no date
    ([("Activity", "15 May 2021")], None),                # any row is no statement
])
def test_project_start_from_a_two_cell_row(pairs, start):
    assert project_start([], pairs) == start
