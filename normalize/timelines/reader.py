"""Timeline rows for one cell (SPEC "timelines"), and the external events its
"N.B. <period>: <name>" notes mention (SPEC "events", source=note).

`read_timeline(text, ctx)` is a pure cell-level reader: the grammar lives in
`grammar` (words, tokens), `parse` (atoms and groups) and `resolve` (years,
roll-over, merging); Gantt grids and document-level inference live in `grid`. Nothing here guesses silently: a cell with no year and no reference
year gives null dates and an `ambiguous_date` diagnostic.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from parsers.diagnostics import make
from parsers.model import Diagnostic

from ..data import load_timewords
from .grammar import PRECISIONS, certainty_of, nota_bene_re
from .model import (
    DEFAULT_CONTEXT,
    TimelineContext,
    TimelineEvent,
    TimelineReading,
    TimelineResult,
    iso_date,
    years_in,
)
from .parse import Scan, scan
from .relative import read_relative
from .resolve import Piece, finest, month_period, resolve
from .special import read_special, unit_wider_than_read

_BRACKET_RE = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_WRAPPED_RE = re.compile(r"\s*\(([^()\[\]]*)\)\s*|\s*\[([^()\[\]]*)\]\s*")
_NAME_END_RE = re.compile(r":(?=\s|$)")
# "International Day ... 2021: “We’re part of the solution”": the slogan is not the name
_SLOGAN_RE = re.compile(r"\s*:\s*[“\"«‘'].*$")


def read_timeline(text: str, ctx: TimelineContext = DEFAULT_CONTEXT, *,
                  source_ref: str | None = None) -> TimelineResult:
    """The timeline readings, N.B. events and diagnostics of one cell's text.

    source_ref (str | None): put on the diagnostics; None leaves that to the caller.
    """
    if not text or not text.strip():
        return TimelineResult((), (), ())
    own, notes = _split_notes(text)
    diags: list[Diagnostic] = []
    readings = _read_own(" ".join(own.split()), ctx, source_ref, diags)
    events = []
    for period, names in notes:
        found = _read_own(period, ctx, source_ref, diags)
        start = found[0].start if found else None
        end = found[0].end if found else None
        events.extend(TimelineEvent(name, period, start, end) for name in names)
    return TimelineResult(tuple(readings), tuple(events), tuple(diags))


# A year for the probe: whether a text reads as a date does not depend on which year.
_PROBE = TimelineContext(reference_year=2000)


def reads_as_date(text: str) -> bool:
    """True when `text` reads as a time frame at all ("Q1 2021", "by 15 March", "M6"),
    whatever year it falls in: the test the structure detectors use on cells."""
    return any(r.kind != "unknown" for r in read_timeline(text, _PROBE).readings)


def to_json(reading: TimelineReading) -> dict:
    """The reading as a JSON-ready dict, ISO dates or None, keys in SPEC order."""
    return {
        "raw": reading.raw,
        "start": iso_date(reading.start),
        "end": iso_date(reading.end),
        "kind": reading.kind,
        "precision": reading.precision,
        "certainty": reading.certainty,
        "note": reading.note,
    }


def timeline_command_lines(texts: Iterable[str], ctx: TimelineContext = DEFAULT_CONTEXT) -> Iterator[str]:
    """One JSON object per input text: its first reading (an "unknown"/tbd reading
    for an empty cell, as in SPEC's table). N.B. events are not printed."""
    for text in texts:
        result = read_timeline(text, ctx)
        reading = result.readings[0] if result.readings else \
            TimelineReading(text.strip(), None, None, "unknown", None, "tbd", None)
        yield json.dumps(to_json(reading), ensure_ascii=False)


def _first_note(lines: list[str]) -> int:
    """The index of the line that opens the cell's first N.B. note (len(lines) when none)."""
    return next((i for i, line in enumerate(lines) if nota_bene_re().match(line)), len(lines))


def without_notes(text: str) -> str:
    """The cell's own text: the lines before its first N.B. note (the notes are events)."""
    lines = text.splitlines()
    return "\n".join(lines[:_first_note(lines)])


def _split_notes(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The cell's own text, and (period, [event names]) for each N.B. note in it:
    "N.B. 3 May – 13 June" followed by one name a line gives one event per line."""
    lines = text.splitlines()
    first = _first_note(lines)
    notes: list[tuple[str, list[str]]] = []
    for line in lines[first:]:
        m = nota_bene_re().match(line)
        if m:
            period, *name = _NAME_END_RE.split(m.group(1), maxsplit=1)
            if not name or scan(period).n_words:
                lead = _split_leading_period(m.group(1))
                if len(lead) == 2:
                    period, name = lead[0], [lead[1]]
            notes.append((" ".join(period.split()), []))
            line = name[0] if name else ""
        name = " ".join(_SLOGAN_RE.sub("", line).split()).strip(" :;,")
        if name and notes:
            notes[-1][1].append(name)
    return "\n".join(lines[:first]), notes


def _split_leading_period(text: str) -> list[str]:
    """["3 May – 13 June", "Twenty-fourth meeting ..."] for an N.B. line whose period and
    event name were run together without a colon (a PDF that merged two lines): the
    longest run of date words followed by a capitalised word. [text] when none."""
    words = text.split()
    best = 0
    for k in range(1, len(words)):
        if words[k][:1].isupper():
            sc = scan(" ".join(words[:k]))
            if sc.groups and not sc.n_words and scan(" ".join(words[k:])).n_words:
                best = k
    if not best:
        return [text]
    return [" ".join(words[:best]), " ".join(words[best:])]


@functools.cache
def _not_dates() -> frozenset[str]:
    """Cell texts that are plainly not dates ("N/A", a lone "X")."""
    return frozenset(load_timewords()["not_dates"])


def _plan_period(ctx: TimelineContext) -> tuple[dt.date, dt.date, str] | None:
    """The plan period (SPEC: period_start–period_end, else the reference year)."""
    if ctx.period_start:
        return ctx.period_start, ctx.period_end or dt.date(ctx.period_start.year, 12, 31), "day"
    if ctx.reference_year:
        return dt.date(ctx.reference_year, 1, 1), dt.date(ctx.reference_year, 12, 31), "year"
    return None


def _read_own(raw: str, ctx: TimelineContext, source_ref: str | None,
              diags: list[Diagnostic]) -> list[TimelineReading]:
    """Readings for a cell's own text (whitespace already collapsed)."""
    if not raw:
        return []
    not_dates = _not_dates()
    if raw.lower() in not_dates or raw.lower().strip(" .") in not_dates:
        return [TimelineReading(raw, None, None, "unknown", None, "firm", None)]
    text = _unwrapped(raw)
    relative = read_relative(text, ctx.project_start)
    if relative:
        return [replace(relative, raw=raw)]
    bare, doubt = _without_certainty(text)
    relative = read_relative(bare, ctx.project_start) if doubt else None
    if relative:                                 # "Tentatively M6", "Year 2 - to be confirmed"
        return [replace(relative, raw=raw, certainty=doubt)]
    special = _special(raw, text, ctx, source_ref, diags)
    if special:
        return [special]
    sc, certainty, notes = _scan_with_brackets(text, ctx)

    def reading(start, end, kind, precision, note_list=notes) -> TimelineReading:
        return TimelineReading(raw, start, end, kind, precision, certainty, "; ".join(note_list) or None)

    pieces = resolve(sc.groups, ctx.reference_year)
    _flag_two_digit_guesses(raw, sc, ctx, source_ref, diags)
    out: list[TimelineReading] = []
    recurring = ["recurring", sc.recurring] + notes if sc.recurring else notes
    period = _plan_period(ctx)
    for p in pieces:
        if p.start is None:
            detail = ("the cell gives no year and there is no reference year" if p.missing_year
                      else "it names no calendar day")
            diags.append(make("ambiguous_date", source_ref, raw=raw, detail=detail))
            out.append(reading(None, None, "unknown", None))
            continue
        shaped = _shape(p)
        if shaped[0] and shaped[1] and shaped[0] > shaped[1]:
            # "mid - early 2021": a range that ends before it starts is no date at all.
            diags.append(make("ambiguous_date", source_ref, raw=raw, detail="its end comes before its start"))
            out.append(reading(None, None, "unknown", None))
            continue
        if sc.recurring and shaped[2] == "open_ended":
            shaped = _recurring_from(shaped, period)     # "Quarterly from Q2": to the plan's end
        out.append(reading(*shaped, recurring))
    if pieces:
        if sc.n_words and len(out) == 1 and out[0].kind == "point" and len(raw.split()) <= 4:
            # "15. Juli 2021": an unknown month word left only the year; dateparser may know it
            fallback = _dateparser_fallback(raw, ctx)
            if fallback and PRECISIONS.index(fallback[3]) < PRECISIONS.index(out[0].precision):
                return [reading(*fallback)]
        wider = unit_wider_than_read(raw, out)
        if wider:                # "Spring Meetings 2021": a year where the words name a season
            diags.append(make("ambiguous_date", source_ref, raw=raw, detail=wider))
            return [reading(None, None, "unknown", None)]
        return out
    if sc.recurring or sc.ongoing:
        if period is None:
            diags.append(make("ambiguous_date", source_ref, raw=raw,
                              detail="it spans the plan period, which is unknown"))
            return [reading(None, None, "unknown", None, recurring)]
        if sc.recurring or sc.whole_period:              # "throughout the period": all of it
            return [reading(period[0], period[1], "range", period[2], recurring)]
        return [reading(period[0], None, "open_ended", period[2])]
    if certainty != "firm":                        # "TBD", "Date TBC": SPEC counts them as tbd
        certainty = "tbd"
        return [reading(None, None, "unknown", None)]
    fallback = _dateparser_fallback(raw, ctx)
    if fallback:
        return [reading(*fallback)]
    diags.append(make("unparsed_timeline", source_ref, raw=raw))
    return [reading(None, None, "unknown", None)]


def _recurring_from(shaped: tuple, period: tuple | None) -> tuple:
    """A recurring cell that says from when ("Monthly from March") ranges from then to
    the plan period's end, or to the end of the start's year when the plan ends before."""
    start, _, _, precision = shaped
    if period and period[1] >= start:
        return start, period[1], "range", finest([precision, period[2]])
    return start, dt.date(start.year, 12, 31), "range", finest([precision, "year"])


@functools.cache
def _certainty_re() -> re.Pattern:
    words = sorted(load_timewords()["certainty"], key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])\.?", re.I)


def _without_certainty(text: str) -> tuple[str, str | None]:
    """The text without its certainty words, and the certainty they give (None when none)."""
    found = [m.group(0).rstrip(".").lower() for m in _certainty_re().finditer(text)]
    if not found:
        return text, None
    words = load_timewords()["certainty"]
    bare = _certainty_re().sub(" ", text).strip(" -\u2013,:;.")
    return bare, certainty_of([words.get(w, "tentative") for w in found])


def _unwrapped(raw: str) -> str:
    """The words to read: a cell wholly in brackets ("(M6)", "[Q3 2021]") without them,
    and without a closing full stop or comma ("FY2021.")."""
    m = _WRAPPED_RE.fullmatch(raw)
    text = (m.group(1) or m.group(2)) if m else raw
    return text.rstrip(" .,;") or text


def _special(raw: str, text: str, ctx: TimelineContext, source_ref: str | None,
             diags: list[Diagnostic]) -> TimelineReading | None:
    """The reading of a fiscal / academic year, season, "week of" or horizon cell
    (normalize.timelines.special), its certainty lowered by any bracketed certainty word."""
    main = _BRACKET_RE.sub(" ", text).rstrip(" .,;") if "(" in text or "[" in text else text
    found = read_special(main, ctx, read_timeline, lambda rest: bool(scan(rest).groups))
    if found is None:
        bare, doubt = _without_certainty(main)       # "Tentatively summer"
        found = read_special(bare, ctx, read_timeline, lambda rest: bool(scan(rest).groups)) if doubt else None
        if found is None:
            return None
        found = replace(found, rest=main)
    certs = [found.certainty, scan(found.rest).certainty] + \
        [scan(m.group(1) or m.group(2) or "").certainty for m in _BRACKET_RE.finditer(text)]
    if found.code:
        diags.append(make(found.code, source_ref, raw=raw, detail=found.detail))
    return TimelineReading(raw, found.start, found.end, found.kind, found.precision, certainty_of(certs), found.note)


def _shape(p: Piece) -> tuple[dt.date | None, dt.date | None, str, str]:
    """(start, end, kind, precision) for a dated piece."""
    if p.deadline:
        return None, p.end, "deadline", p.precision
    if p.after:                                      # "after Q2 2022": from 1 July 2022
        return p.end + dt.timedelta(days=1), None, "open_ended", p.precision
    if p.open_end or (p.open_start and not p.multi):
        return p.start, None, "open_ended", p.precision
    return p.start, p.end, "range" if p.multi else "point", p.precision


def _scan_with_brackets(raw: str, ctx: TimelineContext) -> tuple[Scan, str, list[str]]:
    """The scan of the text outside brackets, the cell's certainty, and the notes:
    bracketed text that is not a date or a certainty word ("(check this timeline ...)")."""
    def run(t: str) -> Scan:
        return scan(t, ctx.two_digit_years, ctx.reference_year)

    brackets = [m.group(1) if m.group(1) is not None else m.group(2) for m in _BRACKET_RE.finditer(raw)]
    main = run(_BRACKET_RE.sub(" ", raw)) if brackets else run(raw)
    certs, notes = [main.certainty], []
    recurring, ongoing = main.recurring, main.ongoing
    inner = [run(b) for b in brackets]
    for b, s in zip(brackets, inner, strict=True):
        certs.append(s.certainty)
        recurring = recurring or s.recurring
        if s.n_words or (_has_dates(s) and _has_dates(main)):
            notes.append(" ".join(b.split()))
    if not _has_dates(main) and any(_has_dates(s) for s in inner):
        # "TBD (possibly June)": the only date is in brackets
        main = run(_BRACKET_RE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", raw))
        notes = [" ".join(b.split()) for b, s in zip(brackets, inner, strict=True)
                 if s.n_words and not _has_dates(s)]
    main.recurring, main.ongoing = recurring, ongoing or main.ongoing
    return main, certainty_of(certs), notes


def _has_dates(sc: Scan) -> bool:
    """Whether a scan found a date other than a lone day number ("COP 26")."""
    return any(a.month is not None or a.prec != "day" for g in sc.groups for seg in g.segments for a in seg)


def _flag_two_digit_guesses(raw: str, sc: Scan, ctx: TimelineContext, source_ref: str | None,
                            diags: list[Diagnostic]) -> None:
    """An info diagnostic where "Oct 17" was read as a day but could be a year."""
    for g in sc.groups:
        for seg in g.segments:
            for a in seg:
                if a.yy_guess is not None and ctx.reference_year is not None \
                        and abs(2000 + a.yy_guess - ctx.reference_year) <= 1:
                    diags.append(make("ambiguous_date", source_ref, severity="info", raw=raw,
                                      detail=f"{a.yy_guess} after a month read as a day; it may be the year "
                                             f"20{a.yy_guess:02d}"))
                    return


def _dateparser_fallback(raw: str, ctx: TimelineContext) -> tuple | None:
    """(start, end, kind, precision) from dateparser for a single date the grammar
    does not know ("15. Juli 2021", "luglio 2021"); only when the text states a
    4-digit year (dateparser would otherwise guess one) and is short."""
    if not years_in(raw) or len(raw.split()) > 5:
        return None
    data = _dateparser(ctx.languages).get_date_data(raw)
    if data is None or data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    d = data.date_obj.date()
    if data.period == "day":
        return d, d, "point", "day"
    if data.period == "month":
        return (*month_period(d.month, d.year), "point", "month")
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "point", "year"


_FALLBACK_LANGUAGES = ("en", "fr", "es", "de", "it", "pt")


@functools.cache
def _dateparser(preferred: tuple[str, ...] = ()):
    """A DateDataParser limited to absolute dates in a few European languages, the
    preferred ones (--lang) tried first (created once per order; language detection
    over all languages reads "X" as Hungarian)."""
    from dateparser.date import DateDataParser
    order = [lang for lang in preferred if lang in _FALLBACK_LANGUAGES]
    order += [lang for lang in _FALLBACK_LANGUAGES if lang not in order]
    return DateDataParser(
        languages=order,
        settings={"PARSERS": ["absolute-time"], "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                  "RELATIVE_BASE": dt.datetime(2000, 1, 1), "TIMEZONE": "UTC"})
