"""Cells whose dates rest on something the words do not settle (SPEC timelines,
certainty `assumed`): fiscal and academic years, seasons, "week of 12 July"; and
cells that name no dates at all but must not pass silently: planning horizons
("Short-term") and seasons that differ by country ("rainy season").

`read_special(text, ctx, read)` returns a `Special` for such a cell, None for any
other. `read` is the cell reader, used for the day after "week of". Fiscal years
are named by the year they end in ("FY2021" with a July start is July 2020 - June
2021), as US federal, Australian and World Bank plans do; a split name
("FY2020/21", "2021-22") starts in its first year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from ..data import load_timewords
from .model import TimelineContext
from .resolve import month_period

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Special:
    """What such a cell gives: dates (None when it has none), kind, precision, the
    certainty the reading has, the note, and the diagnostic to raise (code and its
    detail; None for none)."""

    start: dt.date | None
    end: dt.date | None
    kind: str
    precision: str | None
    certainty: str
    note: str | None
    code: str | None = None
    detail: str | None = None
    rest: str = ""


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns(inner: bool = False) -> dict[str, re.Pattern]:
    """The forms, as a whole cell (inner False) or among other words (inner True: a
    season then needs its year, "Workshop, Summer 2021")."""
    w = load_timewords()
    period = r"(?:q[1-4]|h[12]|[1-4]q|[12]h|t[1-4]|s[12])"
    year = r"(\d{4}|\d{2})"
    fiscal = rf"(?:{_alternation(w['fiscal_words'])})"
    lead = r"(?:(?:in|during|en|durante|pendant|el|the|l')\s*)*"
    start, end = (r"(?<![^\W_])", r"(?![^\W_])") if inner else ("^", "$")
    season_year = r"(\d{4})" if inner else r"(\d{4})?"
    return {
        "fiscal": re.compile(
            rf"{start}{lead}(?:({period})\s*,?\s*)?{fiscal}\s*-?\s*{year}(?:\s*[/-]\s*({fiscal})?\s*-?\s*{year})?"
            rf"(?:\s*[,-]?\s*({period}))?{end}"),
        "split": re.compile(rf"{start}(\d{{4}})\s*[/-]\s*(\d{{2}}|\d{{4}}){end}"),
        "academic": re.compile(rf"{start}{lead}(?:{_alternation(w['academic_words'])})\s*(\d{{4}})\s*[/-]\s*"
                               rf"(\d{{2}}|\d{{4}}){end}"),
        "season": re.compile(rf"{start}{lead}({_alternation(w['seasons'])})(?:\s+(?:of|de|del|d'))?\s*{season_year}"
                             rf"(?:\s*[/-]\s*(\d{{2}}|\d{{4}}))?{end}"),
        "local": re.compile(rf"(?<![^\W\d_])(?:{_alternation(w['local_seasons'])})(?![^\W\d_])"),
        "anyfiscal": re.compile(rf"(?<![^\W\d_])(?:e?o?fy|{_alternation(w['fiscal_statement'])})(?![^\W_])|"
                                rf"(?<![^\W\d_])fy(?=\d)"),
        "anyseason": re.compile(rf"(?<![^\W\d_])(?:{_alternation(w['seasons'])})(?![^\W\d_])"),
        "horizon": re.compile(rf"^(?:{_alternation(w['horizons'])})[.:]?$"),
        "week": re.compile(rf"{start}({_alternation(w['week_of'])})\s+(.+)$"),
        # any word a form starts with: most cells have none and skip the forms
        "trigger": re.compile(r"(?<![^\W\d_])(?:" + _alternation(
            [*w["fiscal_words"], *w["academic_words"], *w["seasons"], *w["week_of"], *w["horizons"],
             *w["local_seasons"]]) + ")"),
    }


_SPLIT_HINT = re.compile(r"\d{4}\s*[/-]\s*\d\d")


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").split())


def read_special(text: str, ctx: TimelineContext, read: Callable, dated: Callable | None = None) -> Special | None:
    """The reading of a fiscal / academic year, season, "week of" or horizon cell
    (brackets already taken out); None for any other text. Such a form among other
    words counts when those words hold no other date (`dated(rest)` False); the
    Special's `rest` then keeps them (their certainty words still count)."""
    t = _norm(text)
    if not t or not (_patterns()["trigger"].search(t) or (ctx.fiscal_year_start and _SPLIT_HINT.search(t))):
        return None
    for inner in (False, True):
        p = _patterns(inner)
        for name, fn in _FORMS:
            if inner and name in ("horizon", "local"):
                continue
            m = p[name].search(t) if inner or name == "local" else p[name].match(t)
            if not m:
                continue
            rest = (t[:m.start()] + " " + t[m.end():]).strip() if inner else ""
            if rest and (dated is None or dated(rest)):
                continue
            found = fn(m, ctx, read) if name == "week" else fn(m, ctx)
            if found:
                return replace(found, rest=rest) if rest else found
    return None


def _year(text: str | None, base: int | None = None) -> int | None:
    """A 4-digit year, or a 2-digit one (in the century of `base` when given)."""
    if not text:
        return None
    y = int(text)
    if y >= 100:
        return y
    return (base - base % 100 if base else 2000) + y


def _horizon(m, ctx) -> Special:
    label = load_timewords()["horizons"][m.group(0).rstrip(".:")]
    return Special(None, None, "unknown", None, "firm", label, "ambiguous_date",
                   f"'{label}' is a planning horizon with no dates")


def _local(m, ctx) -> Special:
    return Special(None, None, "unknown", None, "firm", None, "ambiguous_date",
                   f"the months of '{m.group(0)}' depend on the country")


def unit_wider_than_read(text: str, readings) -> str | None:
    """Why the readings of a cell the special forms did not read span more than its
    words say: a week named by its number ("CW 23 2022"), a season ("Spring Meetings
    2021", "Sommer 2021") or a fiscal year among other words read as a calendar year or
    more; None when they do not."""
    spans = [(r.end - r.start).days + 1 for r in readings if r.start and r.end]
    if not spans:
        return None
    t = _norm(text)
    week = _WEEK_NUMBER.search(t)
    if week and max(spans) > 7:
        return f"'{week.group(0)}' names a week by its number"
    if max(spans) <= 92:
        return None
    p = _patterns()
    season = p["anyseason"].search(t) or p["local"].search(t)
    if season:
        return f"'{season.group(0)}' names a season, whose months depend on the hemisphere"
    slip = next((w for w in re.findall(r"[^\W\d_]{5,}", t) if _near_season(w)), None)
    if slip:
        return f"'{slip}' looks like a season, whose months depend on the hemisphere"
    fiscal = p["anyfiscal"].search(t)
    if fiscal and any(r.precision == "year" for r in readings if r.start and r.end):
        return f"'{fiscal.group(0)}' names a fiscal year in words the reader cannot place"
    return None


_WEEK_NUMBER = re.compile(r"(?<![^\W\d_])(?:cw|kw|wk|week|semaine|semana|w)\.?\s*\d{1,2}(?!\d)")


@functools.cache
def _near_season(word: str) -> bool:
    """A word one slip from a season's name of five letters or more ("Sommer")."""
    return any(len(name) >= 5 and OSA.distance(word, name, score_cutoff=1) <= 1
               for name in load_timewords()["seasons"])


def _fiscal(m, ctx) -> Special | None:
    before, y1, second_word, y2, after = m.groups()
    part = (before or after or "").strip()
    first = _year(y1)
    last = _year(y2, first) if y2 else None
    start_month = ctx.fiscal_year_start
    if last is not None and last <= first:
        return None
    # "FY2020/21": one fiscal year named by both its years; "FY2021-FY2022": two
    split = last == first + 1 and not second_word
    if start_month is None:
        if split:
            return Special(None, None, "unknown", None, "firm", "fiscal year: start month not stated",
                           "ambiguous_date", "a fiscal year over two calendar years whose first month is not stated")
        note = "fiscal year: start month not stated, January assumed"
        start, end = _fiscal_year(first, 1)
        end = _fiscal_year(last, 1)[1] if last else end
        return _fiscal_part(start, end, part, "assumed", note, last is not None and not split,
                            "the fiscal year's first month is not stated; January assumed")
    note = f"fiscal year from {_MONTH_NAMES[start_month - 1]}"
    if split:
        start = dt.date(first, start_month, 1)
        return _fiscal_part(start, _add_year(start), part, "firm", note, False, None)
    start, end = _fiscal_year(first, start_month)
    if last:
        end = _fiscal_year(last, start_month)[1]
    return _fiscal_part(start, end, part, "firm", note, last is not None, None)


def _split(m, ctx) -> Special | None:
    """ "2021/22" in a document that states its fiscal year's start: that fiscal year."""
    first, last = int(m.group(1)), _year(m.group(2), int(m.group(1)))
    if ctx.fiscal_year_start is None or last != first + 1 or ctx.fiscal_year_start == 1:
        return None
    start = dt.date(first, ctx.fiscal_year_start, 1)
    return Special(start, _add_year(start), "point", "year", "firm",
                   f"fiscal year from {_MONTH_NAMES[ctx.fiscal_year_start - 1]}")


def _add_year(start: dt.date) -> dt.date:
    return dt.date(start.year + 1, start.month, 1) - _ONE_DAY


def _fiscal_year(named: int, start_month: int) -> tuple[dt.date, dt.date]:
    """First and last day of the fiscal year named `named` (the year it ends in)."""
    start = dt.date(named if start_month == 1 else named - 1, start_month, 1)
    return start, _add_year(start)


def _fiscal_part(start, end, part, certainty, note, multi, detail) -> Special:
    code = "assumed_date" if detail else None
    if not part:
        return Special(start, end, "range" if multi else "point", "year", certainty, note, code, detail)
    n = int(part[1]) if part[0].isalpha() else int(part[0])
    unit = "half" if part[0] in "hs" or part[1] in "hs" else "quarter"
    months = 3 if unit == "quarter" else 6
    first = start.month - 1 + months * (n - 1)
    y, mo = start.year + first // 12, first % 12 + 1
    ps = dt.date(y, mo, 1)
    last = first + months
    pe = dt.date(start.year + last // 12, last % 12 + 1, 1) - _ONE_DAY
    return Special(ps, pe, "point", unit, certainty, note, code, detail)


def _academic(m, ctx) -> Special | None:
    first = int(m.group(1))
    last = _year(m.group(2), first)
    if last != first + 1:
        return None
    return Special(dt.date(first, 9, 1), dt.date(last, 8, 31), "point", "year", "assumed",
                   "academic year: September-August assumed", "assumed_date",
                   "an academic year's months differ by country; September-August assumed")


def _season(m, ctx) -> Special | None:
    word, y1, y2 = m.groups()
    lo, hi = load_timewords()["seasons"][word]
    year = _year(y2, _year(y1)) if y2 else (int(y1) if y1 else ctx.reference_year)
    if year is None:
        return Special(None, None, "unknown", None, "firm", None, "ambiguous_date",
                       "the cell names a season but no year, and there is no reference year")
    if lo > hi:                                   # winter: the one that ends in the year named
        start, end = month_period(lo, year - 1)[0], month_period(hi, year)[1]
    else:
        start, end = month_period(lo, year)[0], month_period(hi, year)[1]
    span = f"{_MONTH_NAMES[lo - 1]}-{_MONTH_NAMES[hi - 1]}"
    return Special(start, end, "point", "month", "assumed", f"season: northern hemisphere assumed ({span})",
                   "assumed_date", f"a season's months depend on the hemisphere; {span} assumed")


def _week(m, ctx, read) -> Special | None:
    mode = load_timewords()["week_of"][m.group(1)]
    found = read(m.group(2), ctx).readings
    if len(found) != 1 or found[0].precision != "day" or found[0].kind != "point":
        return None
    day = found[0].start
    if mode == "start":                           # "week commencing 6 September": the day starts it
        return Special(day, day + dt.timedelta(days=6), "range", "day", "firm", None)
    monday = day - dt.timedelta(days=day.weekday())
    return Special(monday, monday + dt.timedelta(days=6), "range", "day", "assumed",
                   "week of: Monday-Sunday week assumed", "assumed_date",
                   "a week may start on Sunday or Monday; the Monday-Sunday week holding the day assumed")


# the forms in the order they are tried (a horizon or a local season only as a whole cell)
_FORMS = (("horizon", _horizon), ("fiscal", _fiscal), ("academic", _academic), ("season", _season),
          ("week", _week), ("split", _split), ("local", _local))
