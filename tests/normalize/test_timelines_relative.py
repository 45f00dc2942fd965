"""Project time (SPEC timelines, kind relative): "M6", "Month 1–48", "within 6 months"."""

from __future__ import annotations

import datetime as dt

import pytest

from normalize.timelines import TimelineContext, read_timeline
from normalize.timelines.relative import read_relative


@pytest.mark.parametrize("raw, note", [
    ("M6", "M6"), ("M6-M12", "M6-M12"), ("M6 – 12", "M6-M12"), ("Month 1–48", "M1-M48"),
    ("Months: 1-48", "M1-M48"), ("M0-M48@.2; M0-M3; M10-M12", "M0-M48; M0-M3; M10-M12"),
    ("Completed within 3 months", "M0-M3"), ("dans les 6 mois", "M0-M6"),
])
def test_project_time_is_relative_with_offsets_in_the_note(raw, note):
    (r,) = read_timeline(raw, TimelineContext(reference_year=2021)).readings
    assert (r.kind, r.start, r.end, r.note, r.precision) == ("relative", None, None, note, "month")


@pytest.mark.parametrize("raw", ["May 2021", "Mar 18", "M&E plan", "M2M module", "Q2 2021"])
def test_calendar_dates_and_words_are_not_project_time(raw):
    assert read_relative(raw) is None


def test_a_stated_project_start_gives_dates():
    r = read_relative("M6-M12", project_start=dt.date(2016, 9, 1))
    assert (r.kind, r.start, r.end) == ("relative", dt.date(2017, 2, 1), dt.date(2017, 8, 31))


@pytest.mark.parametrize("raw, note", [
    ("Months 1-3 and 10-12", "M1-M3; M10-M12"), ("Years 1 and 3", "M1-M12; M25-M36"), ("year 2", "M13-M24"),
    ("M6 AND M9", "M6; M9"), ("Mes 3 y 6", "M3; M6"), ("within twelve months", "M0-M12"),
])
def test_later_spans_may_leave_out_the_unit(raw, note):
    (r,) = read_timeline(raw, TimelineContext(reference_year=2021)).readings
    assert (r.kind, r.start, r.end, r.note) == ("relative", None, None, note)
