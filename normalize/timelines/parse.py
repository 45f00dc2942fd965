"""Date groups in one timeline cell: the parser over `normalize.timegrammar` tokens.

`scan(text)` reads tokens left to right into `Atom`s (one date each, perhaps
without a year yet) and connector names, then groups them: atoms joined by range
words form a segment, segments joined by list words form a group, and deadline /
open-ended words set the group's flags. Years are filled in by `normalize.timelines`.
"""

from __future__ import annotations

from ..data import load_timewords
from .grammar import Atom, certainty_of, tokens
from .groups import Scan, group
from .model import is_year

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
        j = self.i + k
        return self.t[j][1] if j < self.n else None

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
        recurring: str | None = None
        ongoing = whole_period = between = False
        n_words = 0
        while self.i < self.n:
            atoms = self.atom()
            if atoms:
                stream.extend(atoms)
                continue
            c = self.cat()
            if c == "CERT":
                certs.append(self.val())
            elif c == "RECUR":
                recurring = recurring or self.val()
                stream.append(c)
            elif c == "EVERY" and self.every():
                recurring = recurring or self.every()
                stream.append("RECUR")
                self.i += 2
            elif c == "ONG":
                ongoing = True
                stream.append(c)
            elif c == "PERIOD" and stream and stream[-1] == "ONG":
                whole_period = True              # "throughout the period"
            elif c == "YEARWORD" and stream and stream[-1] == "ONG":
                whole_period = True              # "throughout the year"
            elif c == "BETWEEN":
                between = True
            elif c == "L" and between and self.text() in ("and", "y", "et", "e"):
                stream.append("R")               # "between March and May", "entre marzo y mayo"
                between = False
            elif c in ("DL", "UNTIL", "OPEN", "AFTER", "SUF", "R", "L", ":"):
                stream.append(c)
            elif c not in ("FILL", "PART", "YEARWORD"):
                n_words += c in ("WORD", "PERIOD", "EVERY")
                stream.append("W")        # an unknown word or a stray number ends a group
            self.i += 1
        return Scan(group(stream), certainty_of(certs), recurring, ongoing, n_words, whole_period)

    def every(self) -> str | None:
        """ "every 6 months", "cada dos años": the frequency, when a number and a unit follow."""
        w = load_timewords()
        if self.cat(1) == "NUM":
            n = self.val(1)[0]
        else:
            n = w["number_words"].get(self.text(1) or "")
        unit = w["frequency_units"].get(self.text(2) or "")
        if n is None or unit is None:
            return None
        return f"every {n} {unit}"

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
            top = 4 if unit == "quarter" else 2
            if self.cat() == "R" and self.cat(1) == "NUM" and self.val(1)[1] == 1 and not self.val(1)[2] \
                    and 1 <= self.val(1)[0] <= top and self.cat(2) != "MONTH":
                m = self.val(1)[0]                           # "Q2-3 2021"
                self.i += 2
                return [Atom(unit, n=n, unit=unit, year_from="ref"), "R", self.with_year(Atom(unit, n=m, unit=unit))]
            return [self.with_year(Atom(unit, n=n, unit=unit))]
        if c == "YEARWORD" and self.val() is not None:      # "next year", "l'année prochaine"
            self.i += 1
            return [Atom("year", year_from="ref", offset=self.val(-1))]
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
        """`a` with a following year attached ("June 2021", "Qs 1 and 2, 2022", "mayo de
        2022", "Oct-2019", "Q1/2020", "Q2/21", "Q1 next year"); year_from "ref" when the
        atom still has none."""
        if a.year is not None:
            return a
        k = 0
        while k < 3 and (self.cat(k) == "FILL" or self.text(k) in (",", "-", "/")):
            k += 1                                          # "Q2 of - 2021", "March, 2021"
        y = self.year4(k)
        if y is None and a.prec in ("quarter", "half") and self.cat(k) == "NUM" \
                and self.val(k)[1] == 2 and not self.val(k)[2] and self.cat(k + 1) != "MONTH":
            y = 2000 + self.val(k)[0]                       # "Q2/21": no day follows a quarter
        if y is not None:
            a.year, a.year_from = y, "stated"
            self.i += k + 1
        elif self.cat(k) == "YEARWORD" and self.val(k) is not None:
            a.year_from, a.offset = "ref", self.val(k)
            self.i += k + 1
        else:
            a.year_from = "ref"
        return a

    def after_month(self, a: Atom) -> Atom:
        """`a` (a month) with a following number read as its day or its two-digit year
        (SPEC: a year when the document's other dates say so, a day otherwise)."""
        if self.yy and self.text() == "-" and self.cat(1) == "NUM" and self.val(1)[1] == 2 \
                and not self.val(1)[2]:
            self.i += 2                                     # "Sep-20" in a plan of two-digit years
            a.year, a.year_from = 2000 + self.val(-1)[0], "stated"
            return a
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
            return [self.year_first(y)]
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

    def year_first(self, y: int) -> Atom:
        """ "2021 Q3", "2021-Q3", "2021, Q2": a year written before its quarter, half or
        month is that period's year; otherwise the year itself."""
        start = self.i
        if self.text() in (",", "-", "/"):
            self.i += 1
        if self.cat() in ("Q", "MONTH"):
            found = self.atom()
            if len(found) == 1 and isinstance(found[0], Atom) and found[0].year_from == "ref" \
                    and found[0].offset is None:
                found[0].year, found[0].year_from = y, "stated"
                return found[0]
        self.i = start
        return Atom("year", y)

    def ordinal_unit(self) -> list[Atom]:
        """ "third quarter", "1st half", "premier semestre", "first half of June",
        "second week of May"; [] when the ordinal is not followed by such a unit."""
        if self.cat() == "NUM":
            v, nd, ordinal = self.val()
            if not ordinal:
                return []
        else:
            v = self.val()
        listed = self.ordinal_list()
        if listed:
            return listed
        unit = self.cat(1)
        j = self.past_fill(2)
        if unit == "QWORD" and v == -1:                   # "dernier trimestre", "last quarter"
            v = 4
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

    def ordinal_at(self, k: int) -> int | None:
        """The ordinal at offset k ("second", "2e", "III"), None when there is none."""
        c = self.cat(k)
        if c == "ORD":
            return self.val(k)
        if c == "NUM" and self.val(k)[2]:
            return self.val(k)[0]
        return None

    def ordinal_list(self) -> list:
        """ "Primer y segundo trimestre 2020", "1er et 2e trimestres", "III y IV trimestre":
        ordinals joined by list or range words before one quarter or half word."""
        ords, conns, k = [self.ordinal_at(0)], [], 1
        while self.cat(k) in ("L", "R") and self.ordinal_at(k + 1) is not None:
            conns.append(self.cat(k))
            ords.append(self.ordinal_at(k + 1))
            k += 2
        if len(ords) < 2 or self.cat(k) not in ("QWORD", "QLIST", "HWORD"):
            return []
        unit = "half" if self.cat(k) == "HWORD" else "quarter"
        if not all(1 <= n <= (4 if unit == "quarter" else 2) for n in ords):
            return []
        self.i += k + 1
        out: list = []
        for j, n in enumerate(ords):
            if j:
                out.append(conns[j - 1])
            out.append(Atom(unit, n=n, unit=unit, year_from="ref"))
        self.with_year(out[-1])
        return out

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
        k = 0
        while self.cat(k) == "R" and self.cat(k + 1) == "R":      # "mid-to-end 2022"
            k += 1
        if self.cat(k) == "R" and self.cat(k + 1) == "PART":     # "mid-late May"
            hi_p = self.val(k + 1)
            self.i += k + 2
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
            offset = self.val()
            self.i += 1
            y = self.year4(self.past_fill(0))
            if y is not None:                               # "fin de l'année 2021"
                self.i += self.past_fill(0) + 1
                return [Atom("year", y, lo=lo, hi=hi)]
            return [Atom("year", lo=lo, hi=hi, year_from="ref", offset=offset)]
        if c == "Q":                                        # "end of Q3": its third month
            found = self.atom()
            if len(found) == 1 and found[0].prec == "quarter":
                q = found[0]
                first, last = (3 * (q.n - 1) + w["part_quarter_months"][p] for p in (lo_p, hi_p))
                months = [Atom("month", q.year, m, year_from=q.year_from, offset=q.offset) for m in (first, last)]
                return months[:1] if first == last else [months[0], "R", months[1]]
            return found
        self.i = start
        return []
