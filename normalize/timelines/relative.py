"""Project time: "M6", "M6-M12", "M6 – 12", "Month 1–48", "M0-M48@.2; M10-M12",
"Year 2", "within 6 months", "Completed within 3 months" (SPEC timelines, kind `relative`).

Offsets count months from the project's start, which a plan rarely states, so the
reading keeps them in `note` ("M6-M12"; "Year 2" is "M13-M24") and leaves the dates
null; with a known start they become dates (the first day of the start month is
month 1, and "M0" is the start itself).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..data import load_timewords
from .model import TimelineReading

_MONTH = r"(?:M|(?:Project\s+)?Months?\s*|(?:Mois|Meses|Mes)(?:\s+du\s+projet|\s+del\s+proyecto)?\s*)"
_TO = r"\s*(?:[-\u2013]|to|à|au|a|al)\s*"
# "M6", "M6-M12", "M6 – 12", "Month 1–48", "Months: 1-48", "Months 1 to 6"; effort fractions "@.2" ignored
_SPAN = rf"{_MONTH}(?:s?:?\s*)?(\d{{1,3}})(?:{_TO}{_MONTH}?(\d{{1,3}}))?(?:@[\d.]+)?"
# "Year 2", "Years 1-2", "Y1-Y3"; "Year 1 Q3" / "Y1Q2" is a quarter of a project year
_YEAR = rf"(?:Years?|Années?|Annees?|Años?|Anos?|Y)\s*:?\s*(\d{{1,2}})(?:{_TO}Y?(\d{{1,2}}))?(?:\s*,?\s*[QT]([1-4]))?"
_ONE = re.compile(rf"(?:{_SPAN})|(?:{_YEAR})", re.I)
# a later span may leave out its "M": "Months 1-3 and 10-12"
_BARE = rf"(\d{{1,3}})(?:{_TO}(\d{{1,3}}))?"
_SEP = r"\s*(?:[;,&]|\b(?:and|et|y)\b)\s*"
_SPANS = re.compile(rf"^\s*(?:{_SPAN}|{_YEAR})(?:{_SEP}(?:{_SPAN}|{_YEAR}|{_BARE}))*\s*\.?$", re.I)
_YEAR_QUARTER_COMMA = re.compile(r"(\d)\s*,\s*([QT][1-4])\b", re.I)
_PIECE = re.compile(rf"^(?:{_SPAN}|{_YEAR}|{_BARE})$", re.I)


@functools.cache
def _within() -> re.Pattern:
    """ "within 6 months", "Completed within twelve months", "dans les 6 mois", "sous 6 mois",
    "dentro de los 6 meses", "en un plazo de 6 meses"."""
    words = "|".join(sorted(load_timewords()["number_words"], key=len, reverse=True))
    return re.compile(r"^(?:completed\s+|achevé\s+|completado\s+)?(?:within|in|dans les|dans un délai de|sous|"
                      r"en un plazo de|dentro de(?: los)?|en)\s+(\d{1,3}|" + words +
                      r")\s+(?:months?|mois|mes(?:es)?)\s*\.?$", re.I)


def read_relative(raw: str, project_start: dt.date | None = None) -> TimelineReading | None:
    """A `relative` reading for project time, None for any other text."""
    text = raw.strip()
    within = _within().match(text)
    if within:
        n = within.group(1).lower()
        months = int(n) if n.isdigit() else load_timewords()["number_words"][n]
        return _reading(raw, 0, months, f"M0-M{months}", project_start, "deadline")
    text = _YEAR_QUARTER_COMMA.sub(r"\1 \2", text)          # "Year 2, Q4" is one span
    if not _SPANS.match(text):
        return None
    spans = []
    unit = "M"
    for piece in re.split(_SEP, text.strip().rstrip("."), flags=re.I):
        m = _PIECE.match(piece.strip())
        if m is None:
            return None
        a, b, ya, yb, q, ba, bb = m.groups()
        if a is not None:
            unit = "M"
            spans.append((int(a), int(b) if b else int(a)))
        elif ya is not None and q is not None:
            if yb:                                   # "Year 1-2 Q3" names no one quarter
                return None
            first = 12 * (int(ya) - 1) + 3 * (int(q) - 1) + 1
            spans.append((first, first + 2))
        elif ya is not None:
            unit = "Y"
            spans.append((12 * (int(ya) - 1) + 1, 12 * int(yb or ya)))
        elif unit == "M":                        # "Months 1-3 and 10-12": the unit of the span before
            spans.append((int(ba), int(bb) if bb else int(ba)))
        else:
            spans.append((12 * (int(ba) - 1) + 1, 12 * int(bb or ba)))
    if not spans or any(a > b for a, b in spans):
        return None
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    note = "; ".join(f"M{a}" if a == b else f"M{a}-M{b}" for a, b in spans)
    return _reading(raw, first, last, note, project_start, "range" if first != last else "point")


def _reading(raw, first, last, note, start, shape) -> TimelineReading:
    if start is None:
        return TimelineReading(raw, None, None, "relative", "month", "firm", note)
    # SPEC: project time stays `relative`; a stated start only gives it dates.
    begin = _add_months(start, max(first - 1, 0))
    end = max(_add_months(start, last) - dt.timedelta(days=1), begin)     # "M0": the start itself
    return TimelineReading(raw, None if shape == "deadline" else begin, end, "relative", "month", "firm", note)


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    return dt.date(day.year + total // 12, total % 12 + 1, 1)
