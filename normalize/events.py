"""Events step: external events the plan refers to (SPEC events).

* rows of a key-events annex ("Q1 2021 | UNEA-5.1, HRC 46" gives two events);
* dated events named inside activity text ("IUCN World Conservation Congress
  scheduled for 3-11 of September", source=text).
"N.B." notes inside timeline cells are read by the timelines step.
"""

from __future__ import annotations

import re

from parsers.model import Document

from . import timelines as tl
from .context import Context
from .records import Records
from .rows import EventRecord
from .structure.labels import clean
from .timelines.model import iso_date as _iso

# A capitalised name (joiners allowed), then a word that introduces its date.
_TEXT_EVENT = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.+-]*|\d+(?:st|nd|rd|th)?)(?:\s+(?:(?:of|on|for|the|and|de|du|des|la|le|del)\s+)?"
    r"(?:[A-Z][\w'’.+-]*|\d+)){1,9})\s+"
    r"(?:scheduled\s+(?:for|on|in)|to\s+be\s+held\s+(?:on|in|from)|taking\s+place\s+(?:on|in|from)|"
    r"held\s+(?:on|in|from)|prévue?s?\s+(?:le|du|en)|programado\s+para|previsto\s+para)\s+"
    r"(?P<period>[^,;()]+?)(?=\s*(?:[,;()]|\band\b|\bet\b|\by\b|$))")


def split_names(text: str) -> list[str]:
    """Event names of one annex cell: split on commas and semicolons outside brackets."""
    names, depth, current = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ",;\n" and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(ch)
    names.append("".join(current))
    names = [clean(n) for n in names if clean(n)]
    # A comma inside a name ("Workshop on monitoring, reporting and verification")
    # separates nothing: split only where every piece starts as a name does.
    if len(names) > 1 and not all(n[:1].isupper() or n[:1].isdigit() for n in names):
        return [clean(text.replace("\n", " "))]
    return names


def run(doc: Document, ctx: Context) -> Records:
    """events rows from key-event tables and from activity text."""
    records = Records()
    base = tl.TimelineContext(reference_year=ctx.reference_year, two_digit_years=ctx.two_digit_years)
    for row in ctx.outline.event_rows:
        reading = _first(tl.read_timeline(row.raw_period, base))
        for name in split_names(row.names_text):
            records.add(EventRecord(event_id=None, name=name, raw_period=row.raw_period,
                                    start=_iso(reading.start) if reading else None,
                                    end=_iso(reading.end) if reading else None, source="annex",
                                    subject_id=row.section_id, source_ref=row.source_ref))
    for a in ctx.outline.activities:
        for m in _TEXT_EVENT.finditer(a.text):
            period = clean(m.group("period"))
            reading = _first(tl.read_timeline(period, base))
            if reading is None or reading.kind == "unknown":
                continue
            records.add(EventRecord(event_id=None, name=clean(m.group("name")), raw_period=period,
                                    start=_iso(reading.start), end=_iso(reading.end), source="text",
                                    subject_id=a.activity_id, source_ref=a.source_ref))
    return records


def _first(result):
    return result.readings[0] if result.readings else None
