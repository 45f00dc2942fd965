"""Issue 11's timeline families (tests/normalize/timeline_families.tsv): every cell gets
an exact reading, a reading marked `assumed` with a note saying what was assumed, or no
reading and a diagnostic; nothing is read silently wider than its words."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from normalize.timelines import TimelineContext, read_timeline

TABLE = Path(__file__).resolve().parent / "timeline_families.tsv"
FIELDS = ("start", "end", "kind", "precision", "certainty", "note")


def context(spec: str) -> TimelineContext:
    """A TimelineContext from the table's context column ("2021", "2018yy", "none",
    "2021;fy=7;ps=2021-03-01;period=2021-04-01..2022-03-31")."""
    base, *settings = spec.split(";")
    kw: dict = {}
    if base != "none":
        kw = {"reference_year": int(base[:4]), "two_digit_years": base.endswith("yy")}
    for item in settings:
        key, value = item.split("=", 1)
        if key == "fy":
            kw["fiscal_year_start"] = int(value)
        elif key == "ps":
            kw["project_start"] = dt.date.fromisoformat(value)
        elif key == "period":
            start, end = value.split("..")
            kw["period_start"], kw["period_end"] = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        else:
            raise ValueError(f"unknown context setting {key!r}")
    return TimelineContext(**kw)


def load_table() -> list[dict]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def outcome(row: dict) -> dict:
    """The first reading of the row's cell, and the warnings it raised."""
    result = read_timeline(row["raw"], context(row["context"]))
    r = result.readings[0]
    got = {"start": r.start and r.start.isoformat(), "end": r.end and r.end.isoformat(), "kind": r.kind,
           "precision": r.precision, "certainty": r.certainty, "note": r.note}
    got["diagnostic"] = sorted({d.code for d in result.diagnostics if d.severity != "info"})
    return got


def expected(row: dict) -> dict:
    want = {k: None if row[k] == "-" else row[k] for k in FIELDS}
    want["diagnostic"] = [] if row["diagnostic"] == "-" else [row["diagnostic"]]
    return want


ROWS = load_table()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['family']}:{r['raw'][:40]}|{r['context']}" for r in ROWS])
def test_timeline_family_cell(row):
    assert outcome(row) == expected(row), row["source"]


def test_the_table_is_big_covers_every_family_and_names_its_sources():
    assert len(ROWS) >= 300
    families = Counter(r["family"] for r in ROWS)
    assert set(families) == {"spacing", "spelling", "relative", "project", "fiscal", "recurring", "enum", "season"}
    assert min(families.values()) >= 30
    assert all(r["source"].strip() for r in ROWS)
    assert len({(r["raw"], r["context"]) for r in ROWS}) == len(ROWS), "duplicate rows"


def test_nothing_is_silent():
    """Each cell is exact, assumed with a note and a diagnostic, or unread with a diagnostic."""
    for row in ROWS:
        result = read_timeline(row["raw"], context(row["context"]))
        codes = {d.code for d in result.diagnostics}
        for r in result.readings:
            if r.certainty == "assumed":
                assert r.note and "assumed" in r.note and "assumed_date" in codes, row
            if r.kind == "unknown" and r.certainty == "firm":
                assert codes & {"ambiguous_date", "unparsed_timeline"}, row


@pytest.mark.parametrize(("raw", "start", "end"), [
    ("Summer school, July 2021", "2021-07-01", "2021-07-31"),          # a date beside a season word stays
    ("Activities that fall under Output 2, Q3 2021", "2021-07-01", "2021-09-30"),
    ("Spring Meetings 2021", None, None),                               # never the whole year for a season
    ("FY2021 budget, Q2", None, None),
])
def test_season_and_fiscal_words_among_others_never_widen_a_reading(raw, start, end):
    result = read_timeline(raw, TimelineContext(reference_year=2021))
    r = result.readings[0]
    assert (r.start and r.start.isoformat(), r.end and r.end.isoformat()) == (start, end)
    assert (start is not None) or {d.code for d in result.diagnostics} == {"ambiguous_date"}


# cells written after the table, checked by hand once the reader met it: kept so they stay right
LATER = [
    ("2S 2021", "2021-07-01", "2021-12-31", "half"), ("1T 2022", "2022-01-01", "2022-03-31", "quarter"),
    ("2021.06.30", "2021-06-30", "2021-06-30", "day"), ("2021/06/30", "2021-06-30", "2021-06-30", "day"),
    ("dernier trimestre 2021", "2021-10-01", "2021-12-31", "quarter"),
    ("último trimestre de 2021", "2021-10-01", "2021-12-31", "quarter"),
    ("segunda quincena de marzo", "2021-03-16", "2021-03-31", "month_part"),
    ("first fortnight of June", "2021-06-01", "2021-06-15", "month_part"),
    ("Q4/21", "2021-10-01", "2021-12-31", "quarter"), ("3rd qtr 2021", "2021-07-01", "2021-09-30", "quarter"),
    ("Jun–Dec '21", "2021-06-01", "2021-12-31", "month"), ("Sept 15 & 16, 2021", "2021-09-15", "2021-09-16", "day"),
    ("premier trimestre de l'année prochaine", "2022-01-01", "2022-03-31", "quarter"),
    ("entre juin et août 2021", "2021-06-01", "2021-08-31", "month"),
]


@pytest.mark.parametrize(("raw", "start", "end", "precision"), LATER)
def test_later_cells(raw, start, end, precision):
    r = read_timeline(raw, TimelineContext(reference_year=2021)).readings[0]
    assert (r.start.isoformat(), r.end.isoformat(), r.precision, r.certainty) == (start, end, precision, "firm")


def test_case_spacing_a_closing_full_stop_or_brackets_change_no_reading():
    """A cell read one way is read the same in capitals, with doubled spaces, a closing
    full stop, or wrapped in brackets ("(M6)", "FY2021.")."""
    changed = []
    for row in ROWS:
        ctx = context(row["context"])
        first = read_timeline(row["raw"], ctx).readings[0]
        want = (first.start, first.end, first.kind, first.precision)
        variants = [row["raw"].upper(), row["raw"].replace(" ", "  "), row["raw"] + "."]
        if "(" not in row["raw"] and "[" not in row["raw"]:
            variants.append(f"({row['raw']})")
        for text in variants:
            r = read_timeline(text, ctx).readings[0]
            if (r.start, r.end, r.kind, r.precision) != want:
                changed.append(text)
    assert not changed


@pytest.mark.parametrize("around", ["Timeline: {}", "{} (indicative)", "{} - to be confirmed", "Workshop, {}",
                                    "Tentatively {}"])
def test_words_around_a_cell_never_change_its_dates(around):
    """'Workshop, FY21 Q4', 'AY 2020-21 - to be confirmed': words around a cell keep its
    dates (a certainty word may lower its certainty), or leave it unread with a diagnostic."""
    changed = []
    for row in ROWS:
        ctx = context(row["context"])
        first = read_timeline(row["raw"], ctx).readings[0]
        result = read_timeline(around.format(row["raw"]), ctx)
        r = result.readings[0]
        if r.kind == "unknown":
            if first.kind != "unknown" and not result.diagnostics:
                changed.append(around.format(row["raw"]))
        elif (r.start, r.end) != (first.start, first.end):
            changed.append(around.format(row["raw"]))
    assert not changed


@pytest.mark.parametrize(("raw", "note"), [
    ("Y1 Q2", "M4-M6"), ("Year 1 Q3", "M7-M9"), ("Year 2, Q4", "M22-M24"), ("Y1-Y3", "M1-M36"),
    ("Project month 6", "M6"), ("Mes del proyecto 6", "M6"),
])
def test_later_project_time_cells(raw, note):
    r = read_timeline(raw, TimelineContext(reference_year=2022)).readings[0]
    assert (r.kind, r.start, r.end, r.note) == ("relative", None, None, note)


@pytest.mark.parametrize("raw", ["CW 23 2022", "Week 23, 2022", "Semaine 12 (2022)", "Sommer 2021"])
def test_later_cells_whose_unit_the_reader_cannot_place_get_no_dates(raw):
    result = read_timeline(raw, TimelineContext(reference_year=2022))
    assert result.readings[0].kind == "unknown"
    assert [d.code for d in result.diagnostics] == ["ambiguous_date"]


@pytest.mark.parametrize(("raw", "start", "end", "kind", "precision"), [
    ("After Q2 2022", "2022-07-01", None, "open_ended", "quarter"),      # from the day after
    ("Post-2022", "2023-01-01", None, "open_ended", "year"),
    ("early Q2 2022", "2022-04-01", "2022-04-30", "point", "month"),     # a part of a quarter is its month
    ("end of Q3", "2022-09-01", "2022-09-30", "point", "month"),
    ("mid-late Q3 2022", "2022-08-01", "2022-09-30", "range", "month"),
    ("latter half of 2022", "2022-07-01", "2022-12-31", "point", "half"),
    ("mid-to-end 2022", "2022-05-01", "2022-12-31", "point", "year"),
    ("2022-07-01/2023-06-30", "2022-07-01", "2023-06-30", "range", "day"),   # an ISO interval
])
def test_later_cells_after_parts_of_quarters_and_intervals(raw, start, end, kind, precision):
    r = read_timeline(raw, TimelineContext(reference_year=2022)).readings[0]
    assert (r.start and r.start.isoformat(), r.end and r.end.isoformat(), r.kind, r.precision) == \
        (start, end, kind, precision)
