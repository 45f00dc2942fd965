"""The two sides of a diff: a draft given as a document file (read through
`workplan-ingest run` into a temporary folder) or as an output folder, reduced to
what the diff compares: the document, its sections, its activities with their
own leads, contributors and timelines, and its comments."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .tables import CONTRIBUTOR_ROLES, LEAD_ROLES, Dataset, MissingTables, load_folder


class DiffError(Exception):
    """Raised when a draft cannot be compared: what went wrong, and what to do."""

    def __init__(self, message: str, remedy: str = "") -> None:
        super().__init__(message)
        self.message, self.remedy = message, remedy


@dataclass
class Activity:
    """One activity as the diff sees it (ids are keys for the reader, never matched)."""

    key: str
    position: int
    label: str
    text: str
    section: str
    leads: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    timelines: list[dict] = field(default_factory=list)
    source_ref: str = ""

    @property
    def orgs(self) -> list[str]:
        return list(dict.fromkeys(self.leads + self.contributors))

    def timeline_text(self) -> str:
        """The timeline as written, with the dates read: 'Q3 2021 (2021-07-01 – 2021-09-30)'."""
        parts = []
        for t in self.timelines:
            dates = f" ({t['start'] or '…'} – {t['end'] or '…'})" if t["start"] or t["end"] else ""
            parts.append(f"{t['raw']}{dates}")
        return " | ".join(parts)

    def dates(self) -> tuple:
        return tuple((t["start"], t["end"]) for t in self.timelines)


@dataclass
class Draft:
    """One side of the diff: `name` as given, its document row, activities in order,
    top-level comments and the sections' people."""

    name: str
    document: dict
    activities: list[Activity]
    comments: list[dict]
    section_people: dict[str, dict[str, list[str]]]


def load_draft(path: Path) -> Draft:
    """Read `path` (a document file or an output folder) as one draft."""
    path = Path(path)
    if path.is_dir():
        try:
            return _draft(str(path), load_folder(path))
        except MissingTables as e:
            raise DiffError(str(e), "Give a document file or an output folder of workplan-ingest run.") from e
    if not path.is_file():
        raise DiffError(f"No such file or folder: {path}.", "Check the path.")
    with tempfile.TemporaryDirectory(prefix="wpi-diff-") as tmp:
        out = Path(tmp) / "out"
        # Through the command line, as a user would: the same reading as `run`.
        done = subprocess.run([sys.executable, "-m", "ingest.cli", "run", str(path), "--out", str(out),
                               "--quiet", "--no-report"], capture_output=True, text=True)
        if done.returncode != 0:
            raise DiffError(f"Could not read {path}: {done.stderr.strip() or done.stdout.strip()}",
                            "Run workplan-ingest run on it to see why.")
        return _draft(str(path), load_folder(out))


def _draft(name: str, data: Dataset) -> Draft:
    docs = [d for d in data.rows("documents") if d["status"] in ("ok", "partial")]
    if not docs:
        failed = data.rows("documents")
        why = "; ".join(f"{d['file_name']}: {d['status']} {d['error']}".strip() for d in failed) or "no documents"
        raise DiffError(f"{name} holds no readable document ({why}).", "Fix the file, or give another draft.")
    if len({d["doc_id"] for d in docs}) > 1:
        raise DiffError(f"{name} holds {len(docs)} documents; a diff compares one draft with another.",
                        "Give the two document files, or output folders of one document each.")
    doc = docs[0]
    doc_id = doc["doc_id"]
    sections = {s["section_id"]: _section_name(s) for s in data.of_doc("sections", doc_id)}
    activities = []
    for row in data.of_doc("activities", doc_id):
        aid = row["activity_id"]
        people = [p for p in data.of_subject("participants", doc_id, aid) if p["subject_type"] == "activity"]
        activities.append(Activity(
            key=aid, position=int(row.get("position") or 0), label=row["label"], text=row["text"],
            section=sections.get(row["section_id"], ""),
            leads=_orgs(people, LEAD_ROLES), contributors=_orgs(people, CONTRIBUTOR_ROLES),
            timelines=data.of_subject("timelines", doc_id, aid), source_ref=row["source_ref"]))
    section_people = {}
    for sid, name_ in sections.items():
        people = [p for p in data.of_subject("participants", doc_id, sid) if p["subject_type"] == "section"]
        section_people[name_] = {"lead": _orgs(people, LEAD_ROLES + ("co_chair",)),
                                 "contributor": _orgs(people, CONTRIBUTOR_ROLES)}
    comments = [c for c in data.of_doc("comments", doc_id) if not c.get("parent_comment_id")]
    return Draft(name, doc, activities, comments, section_people)


def _section_name(section: dict) -> str:
    return " ".join(x for x in (section["label"], section["title"]) if x)


def _orgs(people: list[dict], roles: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(p["org_id"] for p in people if p["role"] in roles))
