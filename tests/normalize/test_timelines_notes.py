"""N.B. notes inside timeline cells become events, not readings (SPEC "events",
source=note); diagnostics instead of silent guesses; the CLI's JSON lines."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from normalize.timelines import (
    TimelineContext,
    TimelineEvent,
    read_timeline,
    timeline_command_lines,
)
from parsers.diagnostics import CODES

CTX = TimelineContext(reference_year=2021)
D = dt.date


def test_timelines_nb_note_is_an_event_not_a_reading():
    result = read_timeline("By 15 July\nN.B. 31 May - 17 June 2021:\nUNFCCC virtual meeting ", CTX)
    assert [(r.raw, r.kind, r.end) for r in result.readings] == [("By 15 July", "deadline", D(2021, 7, 15))]
    assert result.events == (TimelineEvent("UNFCCC virtual meeting", "31 May - 17 June 2021",
                                           D(2021, 5, 31), D(2021, 6, 17)),)


def test_timelines_nb_note_with_two_names_gives_two_events():
    text = ("Meeting in mid-June\nN.B. 3 May – 13 June\nTwenty-fourth meeting of the Subsidiary Body on "
            "Scientific, Technical and Technological Advice\nThird meeting of the Subsidiary Body on Implementation")
    events = read_timeline(text, CTX).events
    assert [e.name for e in events] == [
        "Twenty-fourth meeting of the Subsidiary Body on Scientific, Technical and Technological Advice",
        "Third meeting of the Subsidiary Body on Implementation"]
    assert {(e.raw_period, e.start, e.end) for e in events} == {("3 May – 13 June", D(2021, 5, 3), D(2021, 6, 13))}


@pytest.mark.parametrize(("text", "name", "period", "day"), [
    ("15 June – 15 July\nN.B. 22 May:  \nInternational Day for Biological Diversity 2021: "
     "“We’re part of the solution”", "International Day for Biological Diversity 2021", "22 May", D(2021, 5, 22)),
    ("June \nN.B. 17 June:  \nDesertification and Drought Day 2021: “Restoration. Land. Recovery. "
     "We build back better with healthy land”", "Desertification and Drought Day 2021", "17 June", D(2021, 6, 17)),
    ("Q3\nN.B. 5 July: HLPF side event", "HLPF side event", "5 July", D(2021, 7, 5)),
    ("Q3\nNB: 5 July: HLPF side event: \"Slogan\"", "HLPF side event", "5 July", D(2021, 7, 5)),
])
def test_timelines_nb_event_names_drop_slogans(text, name, period, day):
    (event,) = read_timeline(text, CTX).events
    assert (event.name, event.raw_period, event.start, event.end) == (name, period, day, day)


def test_timelines_cell_with_only_a_note_has_no_reading():
    result = read_timeline("N.B. 22 May:\nInternational Day for Biological Diversity", CTX)
    assert result.readings == () and len(result.events) == 1


def test_timelines_empty_cell_gives_nothing():
    assert read_timeline("", CTX) == read_timeline("  \n ", CTX)
    assert read_timeline("", CTX).readings == () and read_timeline("", CTX).diagnostics == ()


def test_timelines_multi_line_cell_gives_a_reading_per_date():
    rows = read_timeline("Q3 2021\nQ1 2022", CTX).readings
    assert [(r.start, r.end, r.kind) for r in rows] == [(D(2021, 7, 1), D(2021, 9, 30), "point"),
                                                        (D(2022, 1, 1), D(2022, 3, 31), "point")]
    rows = read_timeline("June and October 2021", CTX).readings
    assert [(r.start, r.end) for r in rows] == [(D(2021, 6, 1), D(2021, 6, 30)), (D(2021, 10, 1), D(2021, 10, 31))]


def test_timelines_plan_period_drives_ongoing_and_recurring():
    ctx = TimelineContext(reference_year=2021, period_start=D(2021, 4, 1), period_end=D(2022, 3, 31))
    (r,) = read_timeline("Ongoing", ctx).readings
    assert (r.start, r.end, r.kind) == (D(2021, 4, 1), None, "open_ended")
    (r,) = read_timeline("Quarterly", ctx).readings
    assert (r.start, r.end, r.kind, r.note) == (D(2021, 4, 1), D(2022, 3, 31), "range", "recurring; quarterly")


@pytest.mark.parametrize(("text", "ctx", "code", "severity"), [
    ("June", TimelineContext(), "ambiguous_date", "warning"),          # no year anywhere
    ("Oct 17", TimelineContext(), "ambiguous_date", "warning"),
    ("Oct 17", TimelineContext(reference_year=2018), "ambiguous_date", "info"),   # 17 may be 2017
    ("31 June", CTX, "ambiguous_date", "warning"),
    ("See annex 2", CTX, "unparsed_timeline", "warning"),
    ("Ongoing", TimelineContext(), "ambiguous_date", "warning"),
])
def test_timelines_diagnostics_instead_of_guesses(text, ctx, code, severity):
    result = read_timeline(text, ctx, source_ref="table 2, row 5, col 1")
    assert [(d.code, d.severity, d.source_ref) for d in result.diagnostics] == \
        [(code, severity, "table 2, row 5, col 1")]
    assert code in CODES and text in result.diagnostics[0].message


@pytest.mark.parametrize("text", ["TBD", "N/A", "X", "June", "Oct 17 – Mar 18", "15 June – 15 July"])
def test_timelines_clean_cells_have_no_diagnostics(text):
    assert read_timeline(text, CTX).diagnostics == ()


def test_timelines_dateparser_fallback_for_other_languages():
    (r,) = read_timeline("15. Juli 2021", CTX).readings
    assert (r.start, r.end, r.kind, r.precision) == (D(2021, 7, 15), D(2021, 7, 15), "point", "day")
    (r,) = read_timeline("luglio 2022", CTX).readings
    assert (r.start, r.end, r.precision) == (D(2022, 7, 1), D(2022, 7, 31), "month")


def test_timelines_command_lines():
    lines = list(timeline_command_lines(["Q3 2021", "", "By 15 July\nN.B. 22 May:\nDay"], CTX))
    assert [json.loads(x) for x in lines] == [
        {"raw": "Q3 2021", "start": "2021-07-01", "end": "2021-09-30", "kind": "point",
         "precision": "quarter", "certainty": "firm", "note": None},
        {"raw": "", "start": None, "end": None, "kind": "unknown", "precision": None,
         "certainty": "tbd", "note": None},
        {"raw": "By 15 July", "start": None, "end": "2021-07-15", "kind": "deadline",
         "precision": "day", "certainty": "firm", "note": None},
    ]
    assert list(json.loads(lines[0])) == ["raw", "start", "end", "kind", "precision", "certainty", "note"]


@pytest.mark.parametrize(("text", "names", "period"), [
    # a PDF merged the period line and the first name line (no colon between them)
    ("Meeting in mid-June\nN.B. 3 May – 13 June Twenty-fourth meeting of the Subsidiary Body\nThird meeting of the SBI",
     ["Twenty-fourth meeting of the Subsidiary Body", "Third meeting of the SBI"], "3 May – 13 June"),
    ("June\nN.B. 17 June Desertification and Drought Day 2021: “Restoration.”",
     ["Desertification and Drought Day 2021"], "17 June"),
])
def test_timelines_nb_period_run_into_the_name(text, names, period):
    events = read_timeline(text, CTX).events
    assert [e.name for e in events] == names
    assert {e.raw_period for e in events} == {period}
