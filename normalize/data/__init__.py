"""Reference data for the normalizers (organisations, timeline words, structure words).

Data lives in files beside this module; each loader reads its file once
(functools.cache) and returns plain Python structures.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


@functools.cache
def load_json(name: str):
    """The parsed content of a JSON data file in this folder."""
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def load_timewords() -> dict:
    """The timeline word lists (months, early/mid/late, deadline, open-ended, certainty,
    recurring and ongoing words in English, French and Spanish) from timewords.json."""
    from parsers.vocabulary import MONTHS  # month names live on the parsers' floor, shared

    return {**load_json("timewords.json"), "months": MONTHS}


def _split_bar(value: str | None) -> tuple[str, ...]:
    """The non-empty |-separated items of a CSV field, stripped."""
    return tuple(p.strip() for p in (value or "").split("|") if p.strip())


@functools.cache
def load_organisations() -> tuple[dict, ...]:
    """The organisation rows of organisations.csv, one dict per entity.

    Keys: org_id, name_en, name_fr, name_es, category, parent (str, "" when
    missing) and acronyms, aliases, ambiguous, list_only (tuples of strings,
    split on "|"). `ambiguous` holds acronyms that are also ordinary words
    (WHO, IMO); `list_only` holds terms never matched in free text (ODA).
    """
    import csv

    rows = []
    with open(DATA_DIR / "organisations.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not (row.get("org_id") or "").strip():
                continue
            rec = {k: (row.get(k) or "").strip()
                   for k in ("org_id", "name_en", "name_fr", "name_es", "category", "parent")}
            for k in ("acronyms", "aliases", "ambiguous", "list_only"):
                rec[k] = _split_bar(row.get(k))
            rows.append(rec)
    return tuple(rows)


@functools.cache
def load_org_terms() -> tuple[dict, ...]:
    """The participant words of org_terms.csv: role references, non-organisation
    groups, qualifiers and list labels, one dict (term, kind, key, scope, holder) per
    row; rows whose term starts with "#" are comments and are skipped."""
    import csv

    with open(DATA_DIR / "org_terms.csv", encoding="utf-8", newline="") as f:
        return tuple({k: (row.get(k) or "").strip() for k in ("term", "kind", "key", "scope", "holder")}
                     for row in csv.DictReader(f)
                     if (row.get("term") or "").strip() and not row["term"].startswith("#"))
