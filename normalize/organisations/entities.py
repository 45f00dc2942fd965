"""The reference list of organisations (normalize/data/organisations.csv) and the
references a list cell gives (`OrgRef`), with the key names are looked up by."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..data import load_organisations

_DASHES_RE = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212_-]")


@dataclass(frozen=True)
class Organisation:
    """One entity of the reference list.

    org_id (str): canonical id, the acronym SPEC uses (UNEP, UN-Women, MINAMATA).
    name (str): English name.
    category (str): fund_programme | specialized_agency | related_organization |
        department_office | regional_commission | research_training |
        convention_secretariat | coordination_body | partner | other.
    acronyms (tuple): acronyms in all languages; matched case-sensitively in free text.
    names (tuple): other names and aliases (French, Spanish, former names).
    ambiguous (tuple): acronyms that are also ordinary words (WHO); free-text
        matches need a non-shouting context.
    list_only (tuple): terms never matched in free text (ODA = official development
        assistance far more often than the Office for Disarmament Affairs).
    parent (str | None): org_id of the parent entity; None when independent.
    """

    org_id: str
    name: str
    category: str
    acronyms: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    list_only: tuple[str, ...] = ()
    parent: str | None = None

    def terms(self) -> tuple[str, ...]:
        """Every string that names this organisation: id, name, acronyms, other names."""
        return (self.org_id, self.name, *self.acronyms, *self.names)


@dataclass(frozen=True)
class OrgRef:
    """One organisation, group or role reference found in a list cell.

    raw (str): the piece of text it came from ("WWF (tbc)", "UN Women").
    org_id (str | None): canonical id; "group:<text>" for a non-organisation body
        ("group:Task team"); None for a role reference, an unknown name, or a
        placeholder cell that holds only a qualifier ("TBD").
    org_name (str | None): English name, or the group's text; None when org_id is None.
    qualifier (str | None): "tbc", "others welcome to join", several joined "; ";
        None when there is none.
    role_ref (str | None): normalized role key ("focus area lead") when the piece
        refers to a role; the caller resolves it to the holder. None otherwise.
    known (bool): False when the piece names an organisation that is not in the data.
    suggestion (str | None): org_id of a near miss for an unknown name; None if none.
    """

    raw: str
    org_id: str | None
    org_name: str | None
    qualifier: str | None = None
    role_ref: str | None = None
    known: bool = True
    suggestion: str | None = None


def org_key(text: str) -> str:
    """The lookup key of a name: lower case, accents, dots and dashes dropped, spacing unified."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub("[\u2018\u2019`\u00b4]", "'", s)
    s = _DASHES_RE.sub(" ", s).replace(".", "")
    s = re.sub(r"\s*([/,&:;])\s*", r"\1", s)
    return re.sub(r"\s+", " ", s).strip(" ,;:/&'\"()[]")


def compact_key(key: str) -> str:
    """A key without spaces, so "UNWomen" and "UN Women" meet; used for one-piece lookups only."""
    return key.replace(" ", "")


def organisations_from_rows(rows: Sequence[dict]) -> tuple[Organisation, ...]:
    """Organisation records for the row dicts of `load_organisations()`."""
    out = []
    for r in rows:
        names = tuple(n for n in (r.get("name_fr"), r.get("name_es"), *r.get("aliases", ())) if n)
        out.append(Organisation(
            org_id=r["org_id"], name=r.get("name_en") or r["org_id"], category=r.get("category") or "other",
            acronyms=tuple(r.get("acronyms", ())), names=names, ambiguous=tuple(r.get("ambiguous", ())),
            list_only=tuple(r.get("list_only", ())), parent=r.get("parent") or None))
    return tuple(out)


@functools.cache
def default_organisations() -> tuple[Organisation, ...]:
    """The organisations of normalize/data/organisations.csv."""
    return organisations_from_rows(load_organisations())
