"""What a document states about its own time frame, read from its paragraphs:
the project's start ("The project starts on 1 March 2021", "Project start: 01/2022",
"duration 36 months starting January 2020", "Le projet démarre le 1er mars 2021",
"El proyecto comienza el 1 de marzo de 2021") and the fiscal year's first month
("fiscal year starting 1 July", "financial year (July-June)", "exercice budgétaire
du 1er juillet au 30 juin", "año fiscal que comienza en julio").

Used by the timelines step: project time (M6, Year 2) gets dates only from a stated
start, fiscal years a firm reading only from a stated (or given) first month.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from ..data import load_timewords
from .grammar import tokens
from .model import TimelineContext

# how far after the phrase its date or month may come (characters)
_WINDOW = 80
_ANY_YEAR = TimelineContext(reference_year=2000)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


@functools.cache
def _phrase_re(key: str) -> re.Pattern:
    words = sorted(load_timewords()[key], key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W\d_])", re.I)


def fiscal_year_start(texts: Iterable[str]) -> int | None:
    """The month (1-12) the document's fiscal year starts in, from the first
    paragraph that says so; None when none does."""
    for text in texts:
        for m in _phrase_re("fiscal_statement").finditer(text):
            month = _start_month(text[m.end():m.end() + _WINDOW])
            if month:
                return month
    return None


def _start_month(window: str) -> int | None:
    """The month a fiscal statement's words name as the start: the first month after a
    start word ("starting 1 July"), or the first of a month pair that closes a year
    ("(July-June)")."""
    seen_start = False
    months = []
    for cat, value, text in tokens(_SENTENCE_END.split(window)[0]):
        if cat == "MONTH":
            if seen_start:
                return value
            months.append(value)
        elif text in load_timewords()["start_words"] or cat == "OPEN":
            seen_start = True
    if len(months) >= 2 and months[1] == (months[0] - 2) % 12 + 1:
        return months[0]
    return None


def project_start(texts: Iterable[str], pairs: Iterable[tuple[str, str]] = ()) -> dt.date | None:
    """The project's first day as the document states it (the first day of the month
    when it names only a month), in a sentence or in a two-cell table row (`pairs`:
    "Starting date | 01/09/2015"); None when it does not."""
    from .reader import read_timeline

    keys = frozenset(load_timewords()["project_start_keys"])
    for key, value in pairs:
        if " ".join(key.lower().split()).strip(" :") in keys:
            found = read_timeline(value, _ANY_YEAR).readings
            if len(found) == 1 and found[0].kind == "point" and found[0].precision in ("day", "month"):
                return found[0].start
    for text in texts:
        for m in _phrase_re("project_start_statement").finditer(text):
            window = _SENTENCE_END.split(text[m.end():m.end() + _WINDOW])[0].strip(" :-–")
            readings = read_timeline(window, _ANY_YEAR).readings if window else ()
            if m.group(0).lower() in load_timewords()["duration_phrases"]:             # "duration 36 months starting January 2020"
                readings = [r for r in readings if r.kind == "open_ended"]
            for r in readings:
                if r.start and r.kind in ("point", "open_ended", "range") and r.precision in ("day", "month"):
                    return r.start
    return None
