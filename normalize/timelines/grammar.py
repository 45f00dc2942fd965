"""Date expressions found in one timeline cell: the small grammar behind
`normalize.timelines` (SPEC "timelines").

Hand-written rather than dateparser/dateutil because those read one date, not
the spans workplans use ("Qs 1 and 2, 2022", "mid-late May", "Oct 17 – Mar 18"
with two-digit years, "Dec-Jan" rolling over), and because they guess silently
where SPEC wants a diagnostic. The hot path is one regex pass and dict lookups.

This module holds the words and tokens (`tokens(text)`) and the `Atom` a
date expression becomes; `normalize.timeparse` parses tokens into atoms and
groups, `normalize.timelines` fills in years and makes readings.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ..data import load_timewords

# precisions, finest first (SPEC: a range's precision is that of its finer end)
PRECISIONS = ("day", "month_part", "month", "quarter", "half", "year")

_TOKEN_RE = re.compile(
    r"""
    (?P<time>\d{1,2}[:h]\d{2}(?:\s?[ap]\.?m\b\.?)?)(?!\d)
   |(?P<iso>\d{4}(?P<isep>[-./])\d{1,2}(?P=isep)\d{1,2})(?!\d)
   |(?P<dmy>\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{1,2}\.\d{1,2}\.\s\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2})(?![\d/]|\.\d)
   |(?P<yy>\d{4}[/-]\d{2}(?:\d{2})?)(?![\d/-])
   |(?P<my>\d{1,2}[./]\d{4}|\d{2}-\d{4})(?!\d)
   |(?P<dm>\d{1,2}/\d{1,2})(?![\d/])
   |(?P<qy>(?:[1-4][qh]|[qth][1-4])(?:\d{4}|\d{2}))(?!\d)
   |(?P<q>[qt][1-4]|[1-4][qt]|[hs][12]|[12][hs])(?![^\W_])
   |(?P<apy>'\d{2})(?!\d)
   |(?<!\d)(?P<num>\d{1,4})(?P<ord>st|nd|rd|th|er|re|ère|ème|eme|e|º|°|ª)?(?![^\W_])
   |(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)\.?
   |(?P<punct>[-/,;&+:])
    """,
    re.X | re.I,
)
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2192"}
                        | {"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u202f": " "})


@dataclass
class Atom:
    """One date as written, before its year is known.

    prec: One of PRECISIONS. year: None until stated or filled in;
    year_from: "stated", "shared" (from a neighbour) or "ref" (context).
    month/day: None when the precision does not use them (a bare "15" in
    "15 - 30 July" is prec "day" with month None until its neighbour fills it).
    lo/hi: day bounds for month_part (hi 31 = month end), month bounds for a
    part of a year ("early 2022" -> 1..4). n: the quarter or half number.
    yy_guess: the two-digit number read as a day although it could be a year.
    """

    prec: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    lo: int | None = None
    hi: int | None = None
    n: int | None = None
    unit: str | None = None          # "quarter" | "half" for prec quarter/half
    year_from: str = "stated"
    yy_guess: int | None = None
    offset: int | None = None        # "next year": the reference year + offset


# "assumed" (the reader's own assumption) ranks above firm and below what the plan itself doubts
_CERT_RANK = {"firm": 0, "assumed": 1, "tentative": 2, "tbc": 3, "tbd": 4}


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@functools.cache
def _months() -> dict[str, int]:
    """Month name or short form (lower case, accented and not) -> month number."""
    months = load_timewords()["months"]
    return {**{_strip_accents(k): v for k, v in months.items()}, **months}


def month_number(word: str) -> int | None:
    """The month (1-12) a name or short form names in any language of parsers/data/months.json
    ("Ene" and "janv." are 1, "Dic" and "déc" 12); None for any other word."""
    key = word.strip().rstrip(".").lower()
    return _months().get(key) or _months().get(_strip_accents(key))


def _nota_bene_form(spelling: str) -> str:
    if spelling.isupper() and "." not in spelling:
        return "(?-i:" + re.escape(spelling) + ")"  # "NB" as written: French "Nb" is "nombre"
    parts = [re.escape(p.strip()) for p in spelling.rstrip(".").split(".")]
    return r"\.\s?".join(parts) + (r"\.?" if spelling.endswith(".") else "")


@functools.cache
def nota_bene_re() -> re.Pattern:
    """A line that opens an "N.B." note (timewords.json "nota_bene": "N.B.", "n. b",
    "NB:", "Nota bene"); group 1 is the rest of the line."""
    forms = "|".join(_nota_bene_form(s) for s in sorted(load_timewords()["nota_bene"], key=len, reverse=True))
    return re.compile(r"^\s*(?:" + forms + r")(?![^\W\d_])\s*[:.\-]?\s*(.*)$", re.I)


def _raw_tokens(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, ordinal suffix) for each token of lower-cased text."""
    out = []
    for m in _TOKEN_RE.finditer(text.translate(_DASHES)):
        kind = m.lastgroup
        if kind == "ord":
            kind = "num"
        tok = m.group(kind)
        if kind == "time" and re.fullmatch(r"[12]H\d\d", tok):
            kind = "qy"              # "1H21" in capitals is a half-year; "1h21" a time of day
        if kind == "word" and tok in ("may", "MAY") and re.match(r"\s+[^\W\d_]", text[m.end():m.end() + 3]):
            kind = "modal"           # "activities may start in June": the verb, not the month ("begins in may")
        out.append((kind, tok.lower(), m.group("ord") if kind == "num" else None))
    return out


@functools.cache
def _lexicon() -> tuple[dict[tuple[str, ...], tuple[str, object]], dict[str, int]]:
    """Phrase (tuple of token texts) -> (category, value), and per first word the
    length of the longest phrase it starts.

    Earlier categories win when a phrase is listed twice; unaccented spellings are
    added unless they clash with another word ("dès" vs "des")."""
    w = load_timewords()
    entries: list[tuple[str, str, object]] = []
    entries += [(p, "CERT", v) for p, v in w["certainty"].items()]
    entries += [(p, "RECUR", v) for p, v in w["recurring"].items()]
    entries += [(p, "YEARWORD", v) for p, v in w["year_offsets"].items()]
    entries += [(p, "BETWEEN", None) for p in w["between"]]
    entries += [(p, "PERIOD", None) for p in w["period_words"]]
    entries += [(p, "EVERY", None) for p in ("every", "each", "cada", "tous les", "toutes les")]
    entries += [(p, "ONG", None) for p in w["ongoing"]]
    entries += [(p, "DL", None) for p in w["deadline"]]
    entries += [(p, "UNTIL", None) for p in w["until"]]
    entries += [(p, "OPEN", None) for p in w["open_prefix"]]
    entries += [(p, "AFTER", None) for p in w["after"]]
    entries += [(p, "SUF", None) for p in w["open_suffix"]]
    entries += [(p, "MONTH", v) for p, v in w["months"].items()]
    entries += [(p, "PART", v) for p, v in w["month_parts"].items()]
    entries += [(p, "ORD", v) for p, v in w["ordinals"].items()]
    entries += [(p, "QLIST", None) for p in w["quarter_list_words"]]
    entries += [(p, "QWORD", None) for p in w["quarter_words"]]
    entries += [(p, "HWORD", None) for p in w["half_words"]]
    entries += [(p, "WEEK", None) for p in w["week_words"]]
    entries += [(p, "YEARWORD", None) for p in w["year_words"]]
    entries += [(p, "R", None) for p in w["range_connectors"]]
    entries += [(p, "L", None) for p in w["list_connectors"]]
    entries += [(p, "FILL", None) for p in w["fillers"]]
    lex: dict[tuple[str, ...], tuple[str, object]] = {}
    for phrase, cat, value in entries:
        key = tuple(t[1] for t in _raw_tokens(phrase))
        lex.setdefault(key, (cat, value))
    for phrase, cat, value in entries:
        plain = tuple(t[1] for t in _raw_tokens(_strip_accents(phrase)))
        lex.setdefault(plain, (cat, value))
    # the longest phrase starting with each word, so that most words need one lookup
    longest: dict[str, int] = {}
    for key in lex:
        longest[key[0]] = max(longest.get(key[0], 1), len(key))
    return lex, longest


def tokens(text: str) -> list[tuple[str, object, str]]:
    """(category, value, text) for each word or phrase of the text, phrases matched longest first.

    Categories: the lexicon's (MONTH, PART, DL, ...), "NUM" (value (int, digits, ordinal)),
    "Q" (value ("quarter"|"half", n)), "LIT" (a ready Atom), ":" and "WORD" (unknown).
    Typed short forms are read as their words first ("EOY" as "end of year"), and a word
    one slip away from a month name is that month ("Febuary", "Jnue")."""
    lex, longest = _lexicon()
    raw = _expanded(_raw_tokens(text))
    out: list[tuple[str, object, str]] = []
    i = 0
    while i < len(raw):
        kind, tok, ordinal = raw[i]
        if kind in ("time", "modal"):        # "10:30" is a time of day; "may" the verb
            out.append(("WORD", None, tok))
            i += 1
            continue
        if kind == "punct" and tok == "/" and out and out[-1][0] == "LIT" and i + 1 < len(raw) \
                and raw[i + 1][0] == "iso":
            out.append(("R", None, "/"))          # "2022-07-01/2023-06-30": an ISO interval
            i += 1
            continue
        if kind in ("word", "punct"):
            for n in range(min(longest.get(tok, 1), len(raw) - i), 0, -1):
                key = (tok,) if n == 1 else tuple(t[1] for t in raw[i:i + n])
                hit = lex.get(key)
                if hit:
                    out.append((hit[0], hit[1], " ".join(key)))
                    i += n
                    break
            else:
                month = misspelt_month(tok) if kind == "word" else None
                out.append(("MONTH", month, tok) if month else (":" if tok == ":" else "WORD", None, tok))
                i += 1
            continue
        if kind == "num":
            out.append(("NUM", (int(tok), len(tok), ordinal), tok))
        elif kind == "apy":                  # "Mar '20": the apostrophe makes it a year
            out.append(("NUM", (2000 + int(tok[1:]), 4, None), tok))
        elif kind in ("q", "qy"):            # "Q3", "3Q19", "2H2020"
            unit = "half" if ("h" in tok[:2] or "s" in tok[:2]) else "quarter"
            n = int(tok[0]) if tok[0].isdigit() else int(tok[1])
            out.append(("Q", (unit, n), tok[:2]))
            if kind == "qy":
                y = int(tok[2:])
                out.append(("NUM", (y + 2000 if y < 100 else y, 4, None), tok[2:]))
        elif kind == "dm" and _month_next(raw, i + 1):
            a, b = (int(x) for x in tok.split("/"))
            out += [("NUM", (a, len(str(a)), None), str(a)), ("R", None, "-"), ("NUM", (b, len(str(b)), None), str(b))]
        else:
            atoms = _literal(kind, tok)
            if not atoms:
                out.append(("WORD", None, tok))
            for k, a in enumerate(atoms):
                if k:                    # "2021-22": two years make a range
                    out.append(("R", None, "-"))
                out.append(("LIT", a, tok))
        i += 1
    return out


def _month_next(raw: list, i: int) -> bool:
    """Whether raw token i is a month name ("23/24 October": two days, not 23 April)."""
    return i < len(raw) and raw[i][0] == "word" and month_number(raw[i][1]) is not None


@functools.cache
def _abbreviations() -> dict[tuple[str, ...], list]:
    """Token tuple of a typed short form -> the raw tokens of its words (timewords "abbreviations")."""
    return {tuple(t[1] for t in _raw_tokens(k)): _raw_tokens(v) for k, v in load_timewords()["abbreviations"].items()}


def _expanded(raw: list) -> list:
    """The raw tokens with typed short forms replaced by their words."""
    abbr = _abbreviations()
    if not any((t[1],) in abbr or t[1] in ("year", "end", "n") for t in raw):
        return raw
    out, i = [], 0
    while i < len(raw):
        for n in (3, 2, 1):
            key = tuple(t[1] for t in raw[i:i + n])
            if len(key) == n and key in abbr:
                out += abbr[key]
                i += n
                break
        else:
            out.append(raw[i])
            i += 1
    return out


@functools.cache
def _long_month_names() -> tuple[tuple[str, int], ...]:
    """Full month names (no short forms), unaccented, with their numbers."""
    return tuple((k, v) for k, v in _months().items() if len(k) >= 4 and "." not in k)


@functools.cache
def misspelt_month(word: str) -> int | None:
    """The month a word names when it is one slip away from a full month name: for
    names of six letters or more one letter added, dropped, changed or two swapped
    ("Febuary", "Setember", "Ocotber"); for shorter names only two letters swapped
    or one doubled ("Jnue", "Apirl", "Jully"), so that names like "Mario" or "Julie"
    stay words. None for any other word, and when two months are that close."""
    w = _strip_accents(word.lower())
    if len(w) < 4 or not w.isalpha() or w in _months():
        return None
    found = set()
    for name, m in _long_month_names():
        if abs(len(name) - len(w)) > 1 or name[0] != w[0]:
            continue
        if len(name) >= 6:
            if OSA.distance(w, name, score_cutoff=1) <= 1:
                found.add(m)
        elif (sorted(w) == sorted(name) and OSA.distance(w, name, score_cutoff=1) <= 1) or \
                any(w == name[:k] + name[k - 1] + name[k:] for k in range(1, len(name) + 1)):
            found.add(m)
    return found.pop() if len(found) == 1 else None


def _literal(kind: str, tok: str) -> list[Atom]:
    """Atoms for an all-numeric date; day-first unless impossible (SPEC)."""
    parts = [int(p) for p in re.split(r"[./-]\s?", tok)]
    if kind == "iso":
        y, m, d = parts
        return [Atom("day", y, m, d)] if _valid(y, m, d) else []
    if kind == "dmy":
        a, b, y = parts
        y = y + 2000 if y < 100 else y
        if _valid(y, b, a):
            return [Atom("day", y, b, a)]
        return [Atom("day", y, a, b)] if _valid(y, a, b) else []
    if kind == "my":
        m, y = parts
        return [Atom("month", y, m)] if 1 <= m <= 12 else []
    if kind == "dm":
        a, b = parts
        if _valid(2000, b, a):
            return [Atom("day", None, b, a, year_from="ref")]
        return [Atom("day", None, a, b, year_from="ref")] if _valid(2000, a, b) else []
    # "yy": 2021-22, 2021/2022, or an ISO month 2021-07
    y, rest = parts
    digits = tok[5:]
    if len(digits) == 4 and rest > y:
        return [Atom("year", y), Atom("year", rest)]
    if len(digits) == 2 and rest > y % 100 and not (rest <= 12 and digits.startswith("0")):
        return [Atom("year", y), Atom("year", y - y % 100 + rest)]
    return [Atom("month", y, rest)] if 1 <= rest <= 12 else []


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def certainty_of(found: list[str]) -> str:
    """The least certain of the certainty levels found ("firm" when none)."""
    return max(found, key=_CERT_RANK.__getitem__, default="firm")


