"""Project time: "M6", "M6-M12", "Month 1–48", "M0-M48@.2; M10-M12", "within 6
months", "Completed within 3 months" (SPEC timelines, kind `relative`).

Offsets count months from the project's start, which a plan rarely states, so the
reading keeps them in `note` ("M6-M12") and leaves the dates null; with a known
start they become dates (the first day of the start month is month 1, and "M0"
is the start itself).
"""

from __future__ import annotations

import datetime as dt
import re

from .model import TimelineReading

_MONTH = r"(?:M|Month\s*|Mois\s*|Mes\s*)"
# "M6", "M6-M12", "M6 – 12", "Month 1–48", "Months: 1-48", effort fractions "@.2" ignored
_SPAN = re.compile(rf"{_MONTH}(?:s?:?\s*)?(\d{{1,3}})(?:\s*[-\u2013]\s*{_MONTH}?(\d{{1,3}}))?(?:@[\d.]+)?", re.I)
_SPANS = re.compile(rf"^\s*(?:{_SPAN.pattern})(?:\s*[;,]\s*(?:{_SPAN.pattern}))*\s*$", re.I)
# "within 6 months", "Completed within 3 months", "dans les 6 mois", "en un plazo de 6 meses"
_WITHIN = re.compile(r"^(?:completed\s+|achevé\s+|completado\s+)?(?:within|in|dans les|dans un délai de|"
                     r"en un plazo de|en)\s+(\d{1,3})\s+(?:months?|mois|mes(?:es)?)\s*\.?$", re.I)


def read_relative(raw: str, project_start: dt.date | None = None) -> TimelineReading | None:
    """A `relative` reading for project time, None for any other text."""
    text = raw.strip()
    within = _WITHIN.match(text)
    if within:
        months = int(within.group(1))
        return _reading(raw, 0, months, f"M0-M{months}", project_start, "deadline")
    if not _SPANS.match(text):
        return None
    spans = [(int(a), int(b) if b else int(a)) for a, b in _SPAN.findall(text)]
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    note = "; ".join(f"M{a}" if a == b else f"M{a}-M{b}" for a, b in spans)
    return _reading(raw, first, last, note, project_start, "range" if first != last else "point")


def _reading(raw, first, last, note, start, shape) -> TimelineReading:
    if start is None:
        return TimelineReading(raw, None, None, "relative", "month", "firm", note)
    # SPEC: project time stays `relative`; a stated start only gives it dates.
    begin = _add_months(start, max(first - 1, 0))
    end = _add_months(start, last) - dt.timedelta(days=1)
    return TimelineReading(raw, None if shape == "deadline" else begin, end, "relative", "month", "firm", note)


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    return dt.date(day.year + total // 12, total % 12 + 1, 1)
