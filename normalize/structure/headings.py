"""The vocabulary of workplan structure: section headings, role lines, list headers.

Words live in data/structure.json (English, French, Spanish); this module turns a
line of text into what it announces: a section ("Workstream 1: Data", "ANNEX 1:
Key events", "A. Programmatic issues"), a role line ("Focus Area Lead: UNDP"), or
the header of a list of activities ("Indicative activities:").
"""

from __future__ import annotations

import re
from functools import cache

from ..data import load_json
from .labels import clean

# A heading or a numbered section title longer than this (characters) is prose.
MAX_HEADING_CHARS = 250
PART_LABEL = re.compile(r"^\s*([A-H])[.)]\s+(\S.*)$")
# "<Keyword> <number or letter>: title" ("Workstream 1: Data", "Outcome 2 – Finance", "Axe 1 : ...")
_KEYWORD_NUMBER = r"(?P<label>\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[A-H])"


@cache
def words() -> dict:
    """The parsed data/structure.json."""
    return load_json("structure.json")


def _annex_re() -> re.Pattern:
    """An annex heading: an annex word of section_kinds, an optional number or letter
    (group 1, "ANNEX 1"), then the title (group 2)."""
    names = sorted(dict(words()["section_kinds"])["annex"], key=len, reverse=True)
    return re.compile(r"^\s*((?:" + "|".join(map(re.escape, names)) + r")\b(?:\s+(?:\d+|[IVX]+|[A-Z])\b)?)"
                      r"\s*[:.\-–—]?\s*(.*)$", re.I)


ANNEX = _annex_re()


@cache
def words_re(candidates: tuple[str, ...]) -> re.Pattern:
    """Finds any of `candidates` as whole words in lower-case text: a word may take a
    plural -s/-es, one written with a closing "*" is a stem ("activit*" finds
    "activités"), and no letter runs on at either side ("date" is not in "update",
    nor "lead" in "leadership")."""
    forms = [re.escape(w[:-1]) + r"[^\W\d_]*" if w.endswith("*") else re.escape(w) + "(?:e?s)?"
             for w in sorted(candidates, key=len, reverse=True)]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(forms) + r")(?![^\W\d_])")


@cache
def _keyword_heading_re() -> re.Pattern:
    keys = sorted({w for _, ws in words()["section_kinds"] for w in ws} | set(words()["section_keywords"]),
                  key=len, reverse=True)
    alternatives = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"^\s*(?P<key>{alternatives})s?\s+{_KEYWORD_NUMBER}\s*[:.)\-–—]\s*(?P<title>\S.*)$",
                      re.I)


def _starts_with_any(text: str, candidates: list[str]) -> str | None:
    t = text.lower()
    for w in sorted(candidates, key=len, reverse=True):
        if t.startswith(w) and (len(t) == len(w) or not t[len(w)].isalpha()):
            return w
    return None


def role_line(text: str) -> tuple[str, str] | None:
    """(role, value) for a line such as "Focus Area Lead: UNDP"; None otherwise.

    "Role of Co-Chairs: ..." describes a role and is not a role line."""
    t = clean(text)
    if ":" not in t:
        return None
    head, _, value = t.partition(":")
    head = head.strip()
    if len(head) > 50:
        return None
    for role, candidates in words()["role_lines"]:
        found = _starts_with_any(head, candidates)
        if found and len(head) <= len(found) + 3:
            return role, value.strip()
    return None


def _header_key(text: str) -> str:
    return clean(text).rstrip(":").strip().lower()


def is_indicative_header(text: str) -> bool:
    """True for "Indicative activities:", "Purpose:" (their bullets are `indicative`)."""
    t = _header_key(text)
    return bool(t) and t in words()["indicative_headers"]


def is_activities_header(text: str) -> bool:
    """True for "Activities:", "Activités :" (their items are plain activities)."""
    t = _header_key(text)
    return bool(t) and t in words()["activities_headers"]


def is_region_header(text: str) -> bool:
    """True for a line that opens the list of sections ("Focus Areas", "Domaines prioritaires")."""
    return _header_key(text) in words()["section_regions"]


def is_generic_heading(text: str) -> bool:
    """True for headings that frame a document rather than divide its plan ("Introduction")."""
    return _header_key(text) in words()["generic_headings"]


def is_workplan_heading(text: str) -> bool:
    """True for a heading that names the document itself ("Draft Workplan", "Plan de travail 2022")."""
    t = _header_key(text)
    return len(t.split()) <= 8 and names_workplan(t)


def names_workplan(text: str) -> bool:
    """True when the text calls something a work plan ("Draft Workplan", "plan de
    travail"), as whole words ("network plan" holds "work plan" but is none)."""
    return bool(words_re(tuple(words()["workplan_words"])).search(text.lower()))


def section_kind(*texts: str) -> str:
    """focus_area | accomplishment | part | annex | other, from the words of a heading."""
    joined = " ".join(texts).lower()
    for kind, candidates in words()["section_kinds"]:
        if any(re.search(rf"\b{re.escape(w)}\b", joined) for w in candidates):
            return kind
    return "other"


def keyword_heading(text: str) -> tuple[str, str, str] | None:
    """(label, title, kind) for "Workstream 1: Data and monitoring"; None otherwise."""
    m = _keyword_heading_re().match(clean(text))
    if not m or len(text) > MAX_HEADING_CHARS:
        return None
    return m.group("label"), clean(m.group("title")), section_kind(m.group("key"))
