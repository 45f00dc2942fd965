"""Read an output folder's tables back, as the report, the DuckDB export and the
diff see them: the SPEC CSVs (the contract), one dict per row, "" for null.

`run` and `report` both go through `load_folder`, so a report rebuilt from an
existing folder is the report `run` wrote.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..schema import TABLES

LEAD_ROLES = ("lead", "responsible")
CONTRIBUTOR_ROLES = ("contributor",)


class MissingTables(Exception):
    """Raised when a folder lacks the CSV tables of a workplan-ingest output."""


def read_table(folder: Path, name: str) -> list[dict]:
    """Rows of `<folder>/<name>.csv` as dicts of str (empty string = null).

    A table missing from the folder reads as no rows, except `documents`,
    without which the folder is no output (MissingTables).
    """
    path = Path(folder) / f"{name}.csv"
    if not path.is_file():
        if name == "documents":
            raise MissingTables(f"{folder} holds no documents.csv: it is not a workplan-ingest output folder.")
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@dataclass
class Dataset:
    """All tables of one output folder, with the look-ups the report needs.

    tables (dict[str, list[dict]]): table name -> rows, in file order.
    """

    folder: Path
    tables: dict[str, list[dict]]
    _by_subject: dict = field(default_factory=dict, repr=False)

    def rows(self, name: str) -> list[dict]:
        return self.tables.get(name, [])

    def of_doc(self, name: str, doc_id: str) -> list[dict]:
        """Rows of table `name` that belong to document `doc_id`, by position."""
        return sorted((r for r in self.rows(name) if r.get("doc_id") == doc_id), key=_position)

    def by_subject(self, name: str) -> dict[tuple[str, str], list[dict]]:
        """Rows of `name` grouped by (doc_id, subject_id), each group by position."""
        if name not in self._by_subject:
            groups = defaultdict(list)
            for row in sorted(self.rows(name), key=_position):
                groups[(row.get("doc_id", ""), row.get("subject_id", ""))].append(row)
            self._by_subject[name] = dict(groups)
        return self._by_subject[name]

    def of_subject(self, name: str, doc_id: str, subject_id: str) -> list[dict]:
        return self.by_subject(name).get((doc_id, subject_id), [])

    def orgs(self, doc_id: str, activity_id: str, roles: tuple[str, ...]) -> list[dict]:
        """Participants of one activity in the given roles, one per org_id, by position."""
        seen, out = set(), []
        for p in self.of_subject("participants", doc_id, activity_id):
            if p.get("subject_type") == "activity" and p.get("role") in roles and p["org_id"] not in seen:
                seen.add(p["org_id"])
                out.append(p)
        return out


def _position(row: dict) -> tuple[int, str]:
    pos = row.get("position") or ""
    return (int(pos) if pos.isdigit() else 0, "")


def load_folder(folder: Path) -> Dataset:
    """Every SPEC table of an output folder (raises MissingTables for a folder that
    is not one)."""
    folder = Path(folder)
    return Dataset(folder, {name: read_table(folder, name) for name in TABLES})


def activity_dates(timelines: list[dict], period_end: str = "") -> tuple[str, str] | None:
    """The span an activity's timeline rows cover, as (start, end) ISO dates, or
    None when no row has a date. A deadline (no start) starts on the first of its
    month; an open end runs to `period_end`, else to the end of its start month.
    """
    starts, ends = [], []
    for t in timelines:
        start, end = t.get("start", ""), t.get("end", "")
        if not start and not end:
            continue
        starts.append(start or end[:8] + "01")
        ends.append(end or (period_end if period_end and period_end >= start else _month_end(start)))
    if not starts:
        return None
    return min(starts), max(ends)


def _month_end(iso: str) -> str:
    import calendar

    year, month = int(iso[:4]), int(iso[5:7])
    return f"{iso[:8]}{calendar.monthrange(year, month)[1]:02d}"
