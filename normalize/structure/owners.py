"""Owners written as initials: "(JD, by 15 March 2024)" under a key such as
"Key to initials: JD = Jana Dvořák (SEI); MO = Mercy Otieno (CIFOR-ICRAF)".

The key maps each set of initials to whom they stand for, preferring the
organisation in brackets, so that participants can name the organisation while
`raw` keeps the initials as printed (as a role reference keeps its words, SPEC
participants)."""

from __future__ import annotations

import re

from parsers.model import Document

from .labels import clean

# "JD = Jana Dvořák (SEI)", "MO: Mercy Otieno (CIFOR-ICRAF)", "AK – Aiko Kimura"
_KEY_ENTRY = re.compile(r"(?<![\w.])(?P<initials>[A-Z]{2,4})\s*(?:=|:|\u2013|-)\s*(?P<name>[^;=()\n]{2,60}?)"
                        r"\s*(?:\((?P<org>[^()]{2,40})\))?\s*(?=;|,\s*[A-Z]{2,4}\s*[=:]|\.\s|$|\n)")
# A key has at least this many entries: one "XX = ..." is ordinary prose.
MIN_KEY_ENTRIES = 2
_OWNER_SPLIT = re.compile(r"\s*(?:\+|&|/|,|\band\b)\s*")


def initials_key(doc: Document) -> dict[str, str]:
    """Initials -> the organisation (or person) they stand for, from the first
    paragraph that lists several "XX = Name (Org)" entries."""
    for p in doc.iter_paragraphs():
        entries = list(_KEY_ENTRY.finditer(p.text))
        if len(entries) >= MIN_KEY_ENTRIES:
            return {m.group("initials"): clean(m.group("org") or m.group("name")).rstrip(".")
                    for m in entries}
    return {}


def is_initials_key(text: str) -> bool:
    """True for a line that keys initials to people ("AB = Ana Beltrán (UNDP); CD = ...")."""
    return len(_KEY_ENTRY.findall(text)) >= MIN_KEY_ENTRIES


def owner_text(text: str, key: dict[str, str]) -> str | None:
    """`text` when it names owners by initials of the key ("MO + JD"), else None."""
    parts = [p for p in _OWNER_SPLIT.split(clean(text)) if p]
    return clean(text) if parts and all(p in key for p in parts) else None


def expand_initials(text: str, key: dict[str, str]) -> str:
    """"MO + JD" -> "CIFOR-ICRAF, SEI" for a participants list; other text unchanged."""
    if not key or owner_text(text, key) is None:
        return text
    return ", ".join(key[p] for p in _OWNER_SPLIT.split(clean(text)) if p)
