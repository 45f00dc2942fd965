"""The case table tests/normalize/timeline_cases.tsv: every gold timeline cell of both
gold files, the SPEC table rows and hand-written cells, with the first reading expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from normalize.timelines import TimelineContext, read_timeline

CASES = Path(__file__).resolve().parent / "timeline_cases.tsv"


def load_cases() -> list[tuple]:
    """(raw, context, expected dict, source) per data line of the table."""
    rows = []
    lines = [ln for ln in CASES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        expected = {k: (None if row[k] == "-" else row[k])
                    for k in ("start", "end", "kind", "precision", "certainty", "note")}
        rows.append((row["raw"].replace("\\n", "\n"), context(row["context"]), expected, row["source"]))
    return rows


def context(spec: str) -> TimelineContext:
    """A TimelineContext from the table's context column ("2021", "2018yy", "none")."""
    if spec == "none":
        return TimelineContext()
    return TimelineContext(reference_year=int(spec[:4]), two_digit_years=spec.endswith("yy"))


def first_reading(raw: str, ctx: TimelineContext) -> dict:
    r = read_timeline(raw, ctx).readings[0]
    return {"start": r.start and r.start.isoformat(), "end": r.end and r.end.isoformat(), "kind": r.kind,
            "precision": r.precision, "certainty": r.certainty, "note": r.note}


@pytest.mark.parametrize(("raw", "ctx", "expected", "source"), load_cases(),
                         ids=[f"{c[0][:40]}|{c[1].reference_year}" for c in load_cases()])
def test_timelines_case_table(raw, ctx, expected, source):
    assert first_reading(raw, ctx) == expected, source


def test_timelines_case_table_is_big_and_covers_gold():
    cases = load_cases()
    assert len(cases) >= 150
    assert sum(1 for c in cases if c[3].startswith("gold")) >= 55
    assert len({(c[0], c[1]) for c in cases}) == len(cases), "duplicate rows"


def test_timelines_date_types():
    r = read_timeline("Q3 2021").readings[0]
    assert isinstance(r.start, dt.date) and isinstance(r.end, dt.date)
