"""Gantt-style grids: column headers become periods, marks under them become
timeline rows (SPEC "timelines": adjacent marks merge, a gap splits, a spanning cell
covers all its columns)."""

from __future__ import annotations

import datetime as dt

import pytest

from normalize.timelines import TimelineContext, column_period, gantt_readings, to_json

CTX = TimelineContext(reference_year=2021)
D = dt.date


@pytest.fixture
def hre_periods():
    """The img-hre grid: a "2021" header over Q1-Q4 and "2022" over Q1-Q2, then a non-period column."""
    return [column_period(h, y, CTX) for h, y in
            [("Q1", 2021), ("Q2", 2021), ("Q3", 2021), ("Q4", 2021), ("Q1", 2022), ("Q2", 2022),
             ("Lead agency", None)]]


@pytest.mark.parametrize(("header", "year", "expected"), [
    ("Q1", 2022, (D(2022, 1, 1), D(2022, 3, 31), "quarter")),
    ("Q3 2021", None, (D(2021, 7, 1), D(2021, 9, 30), "quarter")),
    ("Q3 2021", 2030, (D(2021, 7, 1), D(2021, 9, 30), "quarter")),   # the header's own year wins
    ("Jan", None, (D(2021, 1, 1), D(2021, 1, 31), "month")),
    ("Feb", 2024, (D(2024, 2, 1), D(2024, 2, 29), "month")),
    ("T1", 2022, (D(2022, 1, 1), D(2022, 3, 31), "quarter")),
    ("S2", 2022, (D(2022, 7, 1), D(2022, 12, 31), "half")),
    ("2021", None, (D(2021, 1, 1), D(2021, 12, 31), "year")),
    ("juillet", 2022, (D(2022, 7, 1), D(2022, 7, 31), "month")),
    ("Lead agency", 2021, None),
    ("", 2021, None),
])
def test_timelines_column_period(header, year, expected):
    assert column_period(header, year, CTX) == expected


def test_timelines_column_period_without_any_year():
    assert column_period("Q1", None, TimelineContext()) is None


def test_timelines_gantt_gold_rows(hre_periods):
    """The three grid rows of the img-hre gold (A45, A46, A47)."""
    empty = [""] * 7
    x_q3 = gantt_readings(hre_periods, ["", "", "X", "", "", "", "UNEP"], CTX)
    assert [to_json(r) for r in x_q3] == [{"raw": "X", "start": "2021-07-01", "end": "2021-09-30",
                                           "kind": "point", "precision": "quarter", "certainty": "firm",
                                           "note": None}]
    spanning = list(empty)
    spanning[4] = spanning[5] = "1st, 2nd and 3rd"       # one cell spanning the 2022 Q1-Q2 columns
    (r,) = gantt_readings(hre_periods, spanning, CTX)
    assert (r.raw, r.start, r.end, r.kind, r.precision) == \
        ("1st, 2nd and 3rd", D(2022, 1, 1), D(2022, 6, 30), "range", "quarter")
    (r,) = gantt_readings(hre_periods, ["", "", "", "x", "", "", ""], CTX)
    assert (r.start, r.end, r.kind) == (D(2021, 10, 1), D(2021, 12, 31), "point")


def test_timelines_gantt_adjacent_marks_merge_across_a_year(hre_periods):
    (r,) = gantt_readings(hre_periods, ["", "", "X", "X", "✓", "", ""], CTX)
    assert (r.start, r.end, r.kind, r.raw) == (D(2021, 7, 1), D(2022, 3, 31), "range", "X ✓")


def test_timelines_gantt_gap_splits(hre_periods):
    rows = gantt_readings(hre_periods, ["X", "", "•", "", "", "x", "X"], CTX)
    assert [(r.start, r.end, r.kind) for r in rows] == [
        (D(2021, 1, 1), D(2021, 3, 31), "point"),
        (D(2021, 7, 1), D(2021, 9, 30), "point"),
        (D(2022, 4, 1), D(2022, 6, 30), "point"),      # the mark under "Lead agency" is no period
    ]


def test_timelines_gantt_months_and_no_marks():
    periods = [column_period(m, 2021, CTX) for m in ("Jan", "Feb", "Mar", "Apr")]
    assert gantt_readings(periods, ["", "-", " ", ""], CTX) == ()
    (r,) = gantt_readings(periods, ["x", "x (tbc)", "", ""], CTX)
    assert (r.start, r.end, r.precision, r.certainty) == (D(2021, 1, 1), D(2021, 2, 28), "month", "tbc")
    assert gantt_readings(periods, ["x"], CTX)[0].end == D(2021, 1, 31)   # fewer marks than columns
