"""People's names in role cells: "Jane Doe (ODI)" names a person and the organisation
they work for; the organisation is the participant (SPEC participants list
organisations), never the person."""

from __future__ import annotations

import re

# a word of a person's name: "Jane", "O'Neill", "Dvořák", "Jean-Luc", or an initial "J."
_PERSON_WORD = re.compile(r"^(?:[^\W\d_][.]|[^\W\d_][^\W\d_A-Z]+(?:[-'’][^\W\d_]+)*)$")


def is_person(name: str, body_words: set[str] | frozenset[str]) -> bool:
    """True for a name written as a person's: two to four capitalised words or
    initials ("Jane Doe", "J. M. Diallo"), none of them an acronym or a word that
    names a body (`body_words`: "ministry", "institute", from org_terms.csv)."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(_PERSON_WORD.match(w) for w in words) \
        and not any(w.lower() in body_words for w in words)
