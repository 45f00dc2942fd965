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
    return load_json("timewords.json")
