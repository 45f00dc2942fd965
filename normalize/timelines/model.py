"""The timeline model: what a document tells about its dates (`TimelineContext`)
and what one cell gives (`TimelineReading`, `TimelineEvent`, `TimelineResult`).
Every other module of the package reads these; they import nothing of it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parsers.model import Diagnostic

KINDS = ("point", "range", "deadline", "open_ended", "relative", "unknown")
CERTAINTIES = ("firm", "tentative", "tbc", "tbd", "assumed")
#: A year a plan states, 1950-2099: the one pattern every reader of years builds on.
YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR_RE = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
_ONLY_YEAR_RE = re.compile(YEAR)


def years_in(text: str) -> list[int]:
    """The 4-digit years (1950-2099) a text states, in order, repeats kept."""
    return [int(y) for y in _YEAR_RE.findall(text or "")]


def is_year(text: str) -> bool:
    """True when `text` is a year (1950-2099) and nothing else ("2021")."""
    return _ONLY_YEAR_RE.fullmatch(text) is not None


def iso_date(d: dt.date | None) -> str | None:
    """The date as ISO text ("2021-07-01"), None for None (an open or unknown side)."""
    return d.isoformat() if d else None


@dataclass(frozen=True)
class TimelineContext:
    """What the document tells about the dates of its cells.

    reference_year: The year for cells that state none; None when unknown (such
        cells then get null dates and an ambiguous_date diagnostic).
    two_digit_years: True when the document writes "Oct 17" for October 2017
        (a document-level decision, see `infer_two_digit_years`); otherwise a
        number after a month is a day.
    period_start / period_end: The plan period (ongoing and recurring cells use
        it); None when the document states none (then the whole reference year).
    fiscal_year_start: The month (1-12) the document's fiscal year starts in ("fiscal
        year starting 1 July", or --fiscal-year-start); None when unknown (a fiscal
        year is then read as a calendar year, certainty assumed).
    project_start: The project's first day when the document states it ("The project
        starts on 1 March 2021"); project time (M6, Year 2) gets dates only then.
    languages: The order languages are tried in (--lang puts one first); every
        language is still read.
    """

    reference_year: int | None = None
    two_digit_years: bool = False
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    fiscal_year_start: int | None = None
    project_start: dt.date | None = None
    languages: tuple[str, ...] = ("en", "fr", "es")


DEFAULT_CONTEXT = TimelineContext()


def language_order(preferred) -> tuple[str, ...]:
    """The languages to try, the preferred ones first ("fr" -> fr, en, es): --lang only
    orders the attempts, every language is still read."""
    first = tuple(lang for lang in preferred or () if lang)
    return first + tuple(lang for lang in DEFAULT_CONTEXT.languages if lang not in first)


@dataclass(frozen=True)
class TimelineReading:
    """One timelines row (SPEC "timelines").

    raw: The cell's own text, whitespace collapsed (N.B. notes left out).
    start / end: First and last day covered; None for an open side (deadline:
        start None; open_ended: end None) and both None for kind "unknown".
    kind: point | range | deadline | open_ended | relative (project time) | unknown.
    precision: day | month_part | month | quarter | half | year; None when the
        cell states no date (kind unknown).
    certainty: firm | tentative | tbc | tbd | assumed (the reading rests on an
        assumption the words do not settle; the note says which).
    note: Bracketed text that is not a date, "recurring; <frequency>" for recurring
        cells, the month offsets of project time ("M6-M12"), what was assumed
        (several joined with "; "); None when there is none.
    """

    raw: str
    start: dt.date | None
    end: dt.date | None
    kind: str
    precision: str | None
    certainty: str
    note: str | None


@dataclass(frozen=True)
class TimelineEvent:
    """An external event named by an "N.B. <period>: <name>" note inside a cell.

    start / end: The period's first and last day; None when it cannot be read."""

    name: str
    raw_period: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class TimelineResult:
    """Everything one cell gives: readings (empty for an empty cell), events from
    its N.B. notes, and diagnostics (ambiguous_date, unparsed_timeline)."""

    readings: tuple[TimelineReading, ...]
    events: tuple[TimelineEvent, ...]
    diagnostics: tuple[Diagnostic, ...]
