"""What changed between two drafts of one plan (`workplan-ingest diff OLD NEW --out DIR`).

Ids change from one draft to the next, so activities are matched by what they
say: the same text first, then the most similar texts (rapidfuzz), where a
shared label or section lets a reworded activity match at a lower similarity.
The changes go to `DIR/changes.csv` (change, table, old_key, new_key, field, old,
new) and `DIR/diff.html`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from .drafts import Activity, DiffError, Draft, load_draft
from .html import render, write_atomic

__all__ = ["DiffError", "DiffResult", "match_activities", "diff_drafts", "run_diff"]

COLUMNS = ("change", "table", "old_key", "new_key", "field", "old", "new")
SAME = 90  # similarity (0-100) at which two texts are one activity whatever their place
SAME_PLACE = 60  # ... when they also share their label or their section
CHANGES_NAME, HTML_NAME = "changes.csv", "diff.html"


@dataclass
class DiffResult:
    """The rows of changes.csv, the pairs of matched activities and where it all went."""

    old: Draft
    new: Draft
    rows: list[dict]
    pairs: list[tuple[Activity | None, Activity | None]]
    out: Path

    def count(self, change: str, table: str, fld: str | None = None) -> int:
        return sum(r["change"] == change and r["table"] == table and (fld is None or r["field"] == fld)
                   for r in self.rows)

    def summary_lines(self) -> list[str]:
        """A short summary for the terminal."""
        c = self.count
        return [
            f"activities: {c('added', 'activities')} added, {c('removed', 'activities')} removed, "
            f"{c('changed', 'activities', 'text')} reworded, {c('changed', 'activities', 'section')} moved section",
            f"leads: {c('added', 'participants', 'lead')} added, {c('removed', 'participants', 'lead')} removed; "
            f"contributors: {c('added', 'participants', 'contributor')} added, "
            f"{c('removed', 'participants', 'contributor')} removed",
            f"timelines: {c('changed', 'timelines') + c('added', 'timelines') + c('removed', 'timelines')} changed; "
            f"comments: {c('added', 'comments')} new, {c('removed', 'comments')} resolved",
            f"wrote {self.out / CHANGES_NAME} ({len(self.rows)} rows) and {self.out / HTML_NAME}",
        ]


def match_activities(old: list[Activity], new: list[Activity]) -> list[tuple[Activity, Activity]]:
    """Pairs (old, new) of the same activity, found by text and place, never by id."""
    pairs, used_old, used_new = [], set(), set()
    by_text = {}
    for j, n in enumerate(new):
        by_text.setdefault(_norm(n.text), []).append(j)
    for i, o in enumerate(old):  # the very same text: in order of appearance
        free = [j for j in by_text.get(_norm(o.text), []) if j not in used_new]
        if free:
            used_old.add(i)
            used_new.add(free[0])
            pairs.append((i, free[0]))
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]
    if rest_old and rest_new:
        scores = process.cdist([_norm(old[i].text) for i in rest_old], [_norm(new[j].text) for j in rest_new],
                               scorer=fuzz.token_sort_ratio)
        candidates = []
        for a, i in enumerate(rest_old):
            for b, j in enumerate(rest_new):
                score = float(scores[a][b])
                same_label = bool(old[i].label) and old[i].label == new[j].label
                same_section = old[i].section == new[j].section
                if score >= SAME or (score >= SAME_PLACE and (same_label or same_section)):
                    candidates.append((-(score + 5 * same_label + 5 * same_section), i, j))
        for _, i, j in sorted(candidates):
            if i not in used_old and j not in used_new:
                used_old.add(i)
                used_new.add(j)
                pairs.append((i, j))
    return [(old[i], new[j]) for i, j in sorted(pairs, key=lambda p: (p[1], p[0]))]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def diff_drafts(old: Draft, new: Draft, out: Path) -> DiffResult:
    """Every change from `old` to `new`, as rows of changes.csv."""
    rows = []

    def add(change, table, old_key, new_key, fld, old_value, new_value):
        rows.append(dict(zip(COLUMNS, (change, table, old_key, new_key, fld, old_value, new_value), strict=True)))

    for fld in ("title", "period_start", "period_end"):
        if old.document[fld] != new.document[fld]:
            add("changed", "documents", old.document["doc_id"], new.document["doc_id"], fld,
                old.document[fld], new.document[fld])
    matched = match_activities(old.activities, new.activities)
    matched_old = {id(o) for o, _ in matched}
    matched_new = {id(n): o for o, n in matched}
    pairs = []
    for n in new.activities:  # in the new draft's order, removed ones where they stood
        o = matched_new.get(id(n))
        pairs.append((o, n))
    for o in old.activities:
        if id(o) not in matched_old:
            pairs.append((o, None))
    pairs.sort(key=lambda p: (p[1].position if p[1] else _after(p[0], matched), p[1] is None))
    for o, n in pairs:
        if o is None:
            add("added", "activities", "", n.key, "text", "", _labelled(n))
        elif n is None:
            add("removed", "activities", o.key, "", "text", _labelled(o), "")
        else:
            _compare(o, n, add)
    for name in sorted(set(old.section_people) & set(new.section_people)):
        for part in ("lead", "contributor"):
            _people(name, name, part, old.section_people[name][part], new.section_people[name][part],
                    add, "section")
    _comments(old, new, add)
    return DiffResult(old, new, rows, pairs, Path(out))


def _after(o: Activity, matched: list[tuple[Activity, Activity]]) -> float:
    # A removed activity sorts just after the new place of the old activity before it.
    before = [n.position for mo, n in matched if mo.position < o.position]
    return (max(before) if before else 0) + 0.5


def _labelled(a: Activity) -> str:
    return f"{a.label} {a.text}".strip()


def _compare(o: Activity, n: Activity, add) -> None:
    if o.text != n.text:
        add("changed", "activities", o.key, n.key, "text", o.text, n.text)
    if o.label != n.label:
        add("changed", "activities", o.key, n.key, "label", o.label, n.label)
    if o.section != n.section:
        add("changed", "activities", o.key, n.key, "section", o.section, n.section)
    _people(o.key, n.key, "lead", o.leads, n.leads, add)
    _people(o.key, n.key, "contributor", o.contributors, n.contributors, add)
    if o.dates() != n.dates() or (not o.dates() and o.timeline_text() != n.timeline_text()):
        change = "added" if not o.timelines else "removed" if not n.timelines else "changed"
        add(change, "timelines", o.key, n.key, "timeline", o.timeline_text(), n.timeline_text())


def _people(old_key, new_key, part, old_orgs, new_orgs, add, subject="activity") -> None:
    for org in old_orgs:
        if org not in new_orgs:
            add("removed", "participants", old_key, new_key, part if subject == "activity" else f"section {part}",
                org, "")
    for org in new_orgs:
        if org not in old_orgs:
            add("added", "participants", old_key, new_key, part if subject == "activity" else f"section {part}",
                "", org)


def _comments(old: Draft, new: Draft, add) -> None:
    def sig(c):
        return (_norm(c["author"]), _norm(c["text"]))

    old_sigs = {sig(c) for c in old.comments}
    new_sigs = {sig(c) for c in new.comments}
    for c in old.comments:
        if sig(c) not in new_sigs:
            add("removed", "comments", c["comment_id"], "", "comment", f"{c['author']}: {c['text']}", "")
    for c in new.comments:
        if sig(c) not in old_sigs:
            add("added", "comments", "", c["comment_id"], "comment", "", f"{c['author']}: {c['text']}")


def changes_csv(rows: list[dict]) -> str:
    """changes.csv as text: RFC 4180, `\\n` line ends, like the SPEC tables."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def run_diff(old_path: Path, new_path: Path, out: Path) -> DiffResult:
    """Read both drafts, compare them and write changes.csv and diff.html into `out`."""
    from .diffpage import render_diff

    old, new = load_draft(old_path), load_draft(new_path)
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DiffError(f"Cannot create {out}: {e.strerror or e}.", "Choose another --out folder.") from e
    result = diff_drafts(old, new, out)
    write_atomic(out / CHANGES_NAME, changes_csv(result.rows))
    write_atomic(out / HTML_NAME, render_diff(result, render))
    return result
