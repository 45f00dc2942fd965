"""The groups one timeline cell's dates fall into (`Group`, `Scan`), and `group()`,
which builds them from the parser's flat stream of atoms and connector names
(`normalize.timelines.parse`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .grammar import Atom


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
    after: bool = False              # "after Q2": from the day after


@dataclass
class Scan:
    """What one cell's text holds: date groups and the words that qualify them.

    ongoing: the cell used such a word ("Ongoing"). recurring: the frequency a
    recurring word names ("quarterly", "every 6 months"), None when none.
    whole_period: "throughout the period / the project / the year": the plan period.
    n_words: words that are not date words at all (decides notes and diagnostics).
    """

    groups: list[Group]
    certainty: str = "firm"
    recurring: str | None = None
    ongoing: bool = False
    n_words: int = 0
    whole_period: bool = False


def group(stream: list) -> list[Group]:
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
        elif el in ("DL", "OPEN", "AFTER") or (el == "UNTIL" and not g.segments):
            close()
            g.deadline = el not in ("OPEN", "AFTER")
            g.open_start = el in ("OPEN", "AFTER")
            g.after = el == "AFTER"
        elif el == ":" and not g.segments:
            prev = None                   # "Deadline: 30 June" keeps the deadline
        elif el in (":", "W"):
            close()
        elif el != "RECUR":
            prev = el                     # R, L, UNTIL between atoms
    close()
    return groups
