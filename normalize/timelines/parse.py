"""Date groups in one timeline cell: the parser over `normalize.timegrammar` tokens.

`scan(text)` reads tokens left to right into `Atom`s (one date each, perhaps
without a year yet) and connector names, then groups them: atoms joined by range
words form a segment, segments joined by list words form a group, and deadline /
open-ended words set the group's flags. Years are filled in by `normalize.timelines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import load_timewords
from .grammar import Atom, certainty_of, tokens
from .model import is_year


@dataclass
class Group:
    """Atoms that belong together.

    segments: Lists of atoms joined by range words ("15 June – 15 July" is one
        segment of two atoms); consecutive segments were joined by list words
        ("/", "and", ",").
    deadline: A deadline word came first ("By 15 July"). open_start: an
        open-ended word came first ("from June"). open_end: one came last ("May 18 – onwards").
    """

    segments: list[list[Atom]] = field(default_factory=list)
    deadline: bool = False
    open_start: bool = False
    open_end: bool = False


@dataclass
class Scan:
    """What one cell's text holds: date groups and the words that qualify them.

    ongoing / recurring: the cell used such a word ("Ongoing", "annually").
    n_words: words that are not date words at all (decides notes and diagnostics).
    """

    groups: list[Group]
    certainty: str = "firm"
    recurring: bool = False
    ongoing: bool = False
    n_words: int = 0


# words between a month-part word and its month; not "in": "start in June" is June
_PART_GLUE = frozenset({"of", "the", "de", "del", "du", "des", "la", "le", "el"})


def scan(text: str, two_digit_years: bool = False, reference_year: int | None = None) -> Scan:
    """The date groups and qualifying words of one cell's text (brackets already removed)."""
    return _Parser(tokens(text), two_digit_years, reference_year).run()


class _Parser:
    """Turns the token list into a flat stream of atoms and connector names."""

    def __init__(self, toks, two_digit_years: bool, reference_year: int | None):
        self.t = toks
        self.n = len(toks)
        self.i = 0
        self.yy = two_digit_years
        self.ref = reference_year

    # -- token helpers: k is an offset from the current position
    def cat(self, k: int = 0) -> str | None:
        j = self.i + k
        return self.t[j][0] if j < self.n else None

    def val(self, k: int = 0):
        return self.t[self.i + k][1]

    def text(self, k: int = 0) -> str | None:
        j = self.i + k
        return self.t[j][2] if j < self.n else None

    def past_fill(self, k: int) -> int:
        while self.cat(k) == "FILL":
            k += 1
        return k

    def year4(self, k: int = 0) -> int | None:
        """The 4-digit year at offset k, if that token is one."""
        if self.cat(k) == "NUM":
            v, nd, ordinal = self.val(k)
            if nd == 4 and not ordinal and is_year(str(v)):
                return v
        return None

    # -- the stream
    def run(self) -> Scan:
        stream: list = []
        certs: list[str] = []
        flags = {"RECUR": False, "ONG": False}
        n_words = 0
        while self.i < self.n:
            atoms = self.atom()
            if atoms:
                stream.extend(atoms)
                continue
            c = self.cat()
            if c == "CERT":
                certs.append(self.val())
            elif c in ("RECUR", "ONG"):
                flags[c] = True
                stream.append(c)
            elif c in ("DL", "UNTIL", "OPEN", "SUF", "R", "L", ":"):
                stream.append(c)
            elif c not in ("FILL", "PART", "YEARWORD"):
                n_words += c == "WORD"
                stream.append("W")        # an unknown word or a stray number ends a group
            self.i += 1
        return Scan(_group(stream), certainty_of(certs), flags["RECUR"], flags["ONG"], n_words)

    def atom(self) -> list:
        """Atoms (with the connectors between them, for "Qs 1 and 2") starting here;
        [] and the position unchanged when none starts here."""
        c = self.cat()
        if c == "LIT":
            self.i += 1
            return [self.with_year(self.val(-1))]
        if c == "Q":
            unit, n = self.val()
            self.i += 1
            return [self.with_year(Atom(unit, n=n, unit=unit))]
        if c == "MONTH":
            self.i += 1
            return [self.after_month(Atom("month", month=self.val(-1)))]
        if c == "PART":
            return self.part()
        if c in ("ORD", "NUM"):
            found = self.ordinal_unit()
            if found or c == "ORD":
                return found
            return self.number()
        if c == "QLIST":
            return self.quarter_list()
        if c in ("QWORD", "HWORD") and self.cat(1) == "NUM":
            unit = "quarter" if c == "QWORD" else "half"
            n = self.val(1)[0]
            if 1 <= n <= (4 if unit == "quarter" else 2):
                self.i += 2
                return [self.with_year(Atom(unit, n=n, unit=unit))]
        return []

    def with_year(self, a: Atom) -> Atom:
        """`a` with a following 4-digit year attached ("June 2021", "Qs 1 and 2, 2022",
        "mayo de 2022"); year_from "ref" when the atom still has none."""
        if a.year is not None:
            return a
        k = self.past_fill(1 if self.text() == "," else 0)
        y = self.year4(k)
        if y is not None:
            a.year, a.year_from = y, "stated"
            self.i += k + 1
        else:
            a.year_from = "ref"
        return a

    def after_month(self, a: Atom) -> Atom:
        """`a` (a month) with a following number read as its day or its two-digit year
        (SPEC: a year when the document's other dates say so, a day otherwise)."""
        if self.cat() != "NUM":
            return self.with_year(a)
        v, nd, ordinal = self.val()
        if nd > 2:
            return self.with_year(a)
        then_year = self.year4(2 if self.text(1) == "," else 1) is not None
        if ordinal or nd == 1 or then_year:
            is_year = False
        elif v > 31 or v == 0:
            is_year = True
        else:
            # a two-digit year far from the document's year is more likely a day
            is_year = self.yy and (self.ref is None or abs(2000 + v - self.ref) <= 5)
        if not is_year and not 1 <= v <= 31:
            return self.with_year(a)
        self.i += 1
        if is_year:
            a.year, a.year_from = 2000 + v, "stated"
            return a
        a.prec, a.day = "day", v
        if nd == 2 and not self.yy:
            a.yy_guess = v
        return self.with_year(a)

    def number(self) -> list[Atom]:
        """A year, a day before a month ("15 July", "3-11 of September", "1er juin"),
        or a bare day that takes its month from a neighbour ("15" of "15 - 30 July")."""
        v, nd, ordinal = self.val()
        y = self.year4()
        if y is not None:
            self.i += 1
            return [Atom("year", y)]
        if not 1 <= v <= 31 or nd > 2:
            return []
        j = self.past_fill(1)
        if self.cat(j) != "MONTH":
            self.i += 1
            return [Atom("day", day=v, year_from="ref")]
        a = Atom("day", month=self.val(j), day=v)
        self.i += j + 1
        # "15 July 21": a two-digit number after day and month can only be a year
        if self.cat() == "NUM" and self.val()[1] == 2 and not self.val()[2] \
                and self.cat(self.past_fill(1)) != "MONTH":
            a.year, a.year_from = 2000 + self.val()[0], "stated"
            self.i += 1
            return [a]
        return [self.with_year(a)]

    def ordinal_unit(self) -> list[Atom]:
        """ "third quarter", "1st half", "premier semestre", "first half of June",
        "second week of May"; [] when the ordinal is not followed by such a unit."""
        if self.cat() == "NUM":
            v, nd, ordinal = self.val()
            if not ordinal:
                return []
        else:
            v = self.val()
        unit = self.cat(1)
        j = self.past_fill(2)
        if unit == "QWORD" and 1 <= v <= 4:
            self.i += 2
            return [self.with_year(Atom("quarter", n=v, unit="quarter"))]
        if unit == "HWORD" and v in (1, 2, -1):
            v = 2 if v == -1 else v
            if self.cat(j) == "MONTH":
                a = Atom("month_part", month=self.val(j), lo=1 if v == 1 else 16, hi=15 if v == 1 else 31)
                self.i += j + 1
                return [self.with_year(a)]
            self.i += 2
            return [self.with_year(Atom("half", n=v, unit="half"))]
        if unit == "WEEK" and self.cat(j) == "MONTH" and (1 <= v <= 5 or v == -1):
            lo, hi = (22, 31) if v == -1 else (7 * v - 6, min(7 * v, 31))
            a = Atom("month_part", month=self.val(j), lo=lo, hi=hi)
            self.i += j + 1
            return [self.with_year(a)]
        return []

    def quarter_list(self) -> list:
        """ "Qs 1 and 2" / "quarters 3-4": quarter atoms with the connectors between them."""
        out: list = []
        j = 1
        while self.cat(j) == "NUM" and self.val(j)[1] == 1 and 1 <= self.val(j)[0] <= 4:
            out.append(Atom("quarter", n=self.val(j)[0], unit="quarter", year_from="ref"))
            j += 1
            if self.cat(j) in ("L", "R") and self.cat(j + 1) == "NUM" and self.val(j + 1)[1] == 1:
                out.append(self.cat(j))
                j += 1
            else:
                break
        if not out:
            return []
        self.i += j
        self.with_year(out[-1])
        return out

    def part(self) -> list[Atom]:
        """early / mid / late / end (also "mid-late") + a month, a year or the word "year"."""
        w = load_timewords()
        start = self.i
        lo_p = hi_p = self.val()
        self.i += 1
        if self.cat() == "R" and self.cat(1) == "PART":     # "mid-late May"
            hi_p = self.val(1)
            self.i += 2
        while (self.cat() == "R" or self.text() in _PART_GLUE) \
                and self.cat(1) in ("FILL", "MONTH", "NUM", "YEARWORD", "Q"):
            self.i += 1                                     # "mid-June", "end of June", "fin de juin"
        c = self.cat()
        if c == "MONTH":
            a = Atom("month_part", month=self.val(), lo=w["part_days"][lo_p][0], hi=w["part_days"][hi_p][1])
            self.i += 1
            if self.yy and self.cat() == "NUM" and self.val()[1] == 2 and not self.val()[2]:
                a.year, a.year_from = 2000 + self.val()[0], "stated"
                self.i += 1
                return [a]
            return [self.with_year(a)]
        lo, hi = w["part_months"][lo_p][0], w["part_months"][hi_p][1]
        y = self.year4()
        if y is not None:
            self.i += 1
            return [Atom("year", y, lo=lo, hi=hi)]
        if c == "YEARWORD":
            self.i += 1
            return [Atom("year", lo=lo, hi=hi, year_from="ref")]
        if c == "Q":                                        # "end of Q3": the quarter
            return self.atom()
        self.i = start
        return []


def _group(stream: list) -> list[Group]:
    """Groups of segments from the flat stream of atoms and connector names."""
    groups: list[Group] = []
    g = Group()
    prev: object = None                   # the last atom or connector within the group

    def close() -> None:
        nonlocal g, prev
        if g.segments:
            groups.append(g)
        g, prev = Group(), None

    for el in stream:
        if isinstance(el, Atom):
            if g.open_end:                # "June onwards; September": a new group
                close()
            if isinstance(prev, Atom) and prev.month is None and prev.prec == "day" and g.segments[-1] == [prev]:
                g.segments.pop()          # "COP 26 1-12 November": 26 is no day of a date
            if prev in ("R", "UNTIL") and g.segments:
                g.segments[-1].append(el)
            else:
                g.segments.append([el])
            prev = el
        elif el in ("SUF", "ONG"):
            # "May 18 – onwards", "August/throughout mandate"; an ongoing word before
            # any date ("Throughout 2019") just introduces that date
            if g.segments and (el == "SUF" or prev is not None):
                g.open_end = True
        elif el in ("DL", "OPEN") or (el == "UNTIL" and not g.segments):
            close()
            g.deadline = el != "OPEN"
            g.open_start = el == "OPEN"
        elif el == ":" and not g.segments:
            prev = None                   # "Deadline: 30 June" keeps the deadline
        elif el in (":", "W"):
            close()
        elif el != "RECUR":
            prev = el                     # R, L, UNTIL between atoms
    close()
    return groups
