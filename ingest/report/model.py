"""What the review report shows, computed from an output folder's tables
(`tables.Dataset`): documents with their sections, activities, people, timelines,
comments, notes, diagnostics and the gaps a reviewer chases.

Everything here is plain data (dicts and lists) for the Jinja2 templates and the
Gantt; nothing here knows HTML.
"""

from __future__ import annotations

from collections import defaultdict

from .tables import CONTRIBUTOR_ROLES, LEAD_ROLES, Dataset, activity_dates

# Failed and partial documents first: they need the reader's attention.
STATUS_ORDER = {"failed": 0, "partial": 1, "ok": 2, "duplicate": 3}
# Least firm last; an activity's bar takes its least firm reading.
CERTAINTY_RANK = {"firm": 0, "tentative": 1, "tbc": 2, "assumed": 3, "tbd": 4}
SECTION_LEAD_ROLES = LEAD_ROLES + ("co_chair",)
NO_LEAD = "(no lead)"


def remedies() -> dict[str, str]:
    """Diagnostic code -> remedy, from the one catalogue (parsers.diagnostics)."""
    from ..codes import catalogue_rows

    return {row["code"]: row["remedy"] for row in catalogue_rows()}


def build(data: Dataset) -> dict:
    """The report's content: `overview` (documents, failed and partial first),
    `documents` (one entry per document with records), `orgs` (every organisation
    that leads or contributes, for the filter) and `totals`."""
    fixes = remedies()
    docs = sorted(data.rows("documents"), key=lambda d: (STATUS_ORDER.get(d["status"], 9), d["source_path"]))
    diagnostics = defaultdict(list)
    for row in data.rows("diagnostics"):
        diagnostics[row.get("source_path") or row.get("doc_id", "")].append(
            {**row, "remedy": fixes.get(row["code"], "")})
    overview, documents, seen = [], [], set()
    for doc in docs:
        diags = diagnostics.get(doc["source_path"], [])
        overview.append({**doc, "diagnostics": diags, "anchor": _anchor(doc),
                         "n_errors": sum(d["severity"] == "error" for d in diags)})
        if doc["status"] in ("failed", "duplicate") or doc["doc_id"] in seen:
            continue
        seen.add(doc["doc_id"])
        documents.append(_document(data, doc, diags))
    orgs = sorted({o for d in documents for a in d["activities"] for o in a["orgs"]}, key=str.casefold)
    totals = {name: len(rows) for name, rows in data.tables.items()}
    return {"overview": overview, "documents": documents, "orgs": orgs, "totals": totals}


def _anchor(doc: dict) -> str:
    """A stable HTML id for a document (a failed file may have no doc_id)."""
    import hashlib

    return "doc-" + (doc.get("doc_id") or hashlib.sha256(doc["source_path"].encode()).hexdigest()[:16])


def _document(data: Dataset, doc: dict, diags: list[dict]) -> dict:
    doc_id = doc["doc_id"]
    sections = {s["section_id"]: {**s, "activities": [], "leads": [], "contributors": [],
                                  "comments": [], "notes": []}
                for s in data.of_doc("sections", doc_id)}
    for sid, sec in sections.items():
        people = data.of_subject("participants", doc_id, sid)
        sec["leads"] = _unique(p for p in people if p["role"] in SECTION_LEAD_ROLES)
        sec["contributors"] = _unique(p for p in people if p["role"] in CONTRIBUTOR_ROLES)
        sec["comments"] = _threads(data.of_subject("comments", doc_id, sid), "section")
        sec["notes"] = [n for n in data.of_subject("notes", doc_id, sid) if n["subject_type"] == "section"]
    loose = {"section_id": "", "label": "", "title": "Outside any section", "kind": "", "source_ref": "",
             "activities": [], "leads": [], "contributors": [], "comments": [], "notes": []}
    activities, by_id = [], {}
    for row in data.of_doc("activities", doc_id):
        parent = by_id.get(row["parent_activity_id"])
        act = _activity(data, doc, row, parent, sections.get(row["section_id"]))
        act["depth"] = parent["depth"] + 1 if parent else 0
        by_id[row["activity_id"]] = act
        activities.append(act)
        sections.get(row["section_id"], loose)["activities"].append(act)
    ordered = list(sections.values()) + ([loose] if loose["activities"] else [])
    doc_people = data.of_subject("participants", doc_id, doc_id)
    return {
        **doc, "anchor": _anchor(doc), "sections": ordered, "activities": activities,
        "diagnostics": diags,
        "chairs": _unique(p for p in doc_people if p["subject_type"] == "document" and p["role"] != "mentioned"),
        "comments": _threads(data.of_subject("comments", doc_id, doc_id), "document"),
        "notes": [n for n in data.of_subject("notes", doc_id, doc_id) if n["subject_type"] == "document"],
        "events": [e for e in data.of_doc("events", doc_id) if not e.get("subject_id")],
        "gaps": _gaps(data, doc_id, activities),
        "dated": [a for a in activities if a["span"]],
        "undated": [a for a in activities if not a["span"]],
    }


def _activity(data: Dataset, doc: dict, row: dict, parent: dict | None, section: dict | None) -> dict:
    """One activity with its people: its own leads and contributors, else those of its
    nearest parent activity that names them (an output's lead leads its lettered
    activities), else its section's; `inherited_*` says when they are not its own."""
    doc_id, aid = doc["doc_id"], row["activity_id"]
    people = data.of_subject("participants", doc_id, aid)
    own = {"leads": _unique(p for p in people if p["subject_type"] == "activity" and p["role"] in LEAD_ROLES),
           "contributors": _unique(p for p in people
                                   if p["subject_type"] == "activity" and p["role"] in CONTRIBUTOR_ROLES)}
    found, inherited = {}, {}
    for part in ("leads", "contributors"):
        found[part], inherited[part] = own[part], False
        ancestor = parent
        while not found[part] and ancestor is not None:
            found[part], inherited[part] = ancestor["own"][part], True
            ancestor = ancestor["parent"]
        if not found[part] and section and section[part]:
            found[part], inherited[part] = section[part], True
    leads, contributors = found["leads"], found["contributors"]
    timelines = [{**t, "uncertain": _uncertain(t)} for t in data.of_subject("timelines", doc_id, aid)]
    span = activity_dates(timelines, doc.get("period_end", ""))
    certainty = max((t["certainty"] for t in timelines if t["start"] or t["end"]),
                    key=lambda c: CERTAINTY_RANK.get(c, 0), default="")
    orgs = [p["org_id"] for p in leads + contributors]
    return {
        **row, "leads": leads, "contributors": contributors,
        "inherited_leads": inherited["leads"], "inherited_contributors": inherited["contributors"],
        "own": own, "parent": parent,
        "mentioned": _unique(p for p in people if p["role"] == "mentioned"),
        "timelines": timelines, "span": span, "certainty": certainty,
        "comments": _threads(data.of_subject("comments", doc_id, aid), "activity"),
        "notes": [n for n in data.of_subject("notes", doc_id, aid) if n["subject_type"] == "activity"],
        "events": data.of_subject("events", doc_id, aid),
        "orgs": list(dict.fromkeys(orgs)),
        "lead_group": " + ".join(p["org_id"] for p in leads) or NO_LEAD,
    }


def _uncertain(t: dict) -> str:
    """Why a timeline reading needs a second look ("" when it does not)."""
    if t["certainty"] and t["certainty"] != "firm":
        return t["certainty"] + (f": {t['note']}" if t.get("note") else "")
    if not t["start"] and not t["end"]:
        return "no dates read" + (f" ({t['note']})" if t.get("note") else "")
    return ""


def _unique(people) -> list[dict]:
    seen, out = set(), []
    for p in people:
        if p["org_id"] not in seen:
            seen.add(p["org_id"])
            out.append({**p, "unlisted": p["org_id"].startswith("unlisted:")})
    return out


def _threads(comments: list[dict], subject_type: str) -> list[dict]:
    """Top-level comments with their replies under them, in document order."""
    mine = [c for c in comments if c["subject_type"] == subject_type]
    ids = {c["comment_id"] for c in mine}
    replies = defaultdict(list)
    for c in mine:
        if c.get("parent_comment_id") in ids:
            replies[c["parent_comment_id"]].append({**c, "replies": []})  # one level, as Word shows
    return [{**c, "replies": replies.get(c["comment_id"], [])}
            for c in mine if c.get("parent_comment_id") not in ids]


def _gaps(data: Dataset, doc_id: str, activities: list[dict]) -> list[dict]:
    """What a reviewer sends back to the drafting team: one row per gap, with what
    it is, the activity it concerns and where to find it."""
    gaps = []

    def add(kind, act, detail, ref):
        gaps.append({"kind": kind, "label": act.get("label", ""), "text": act.get("text", ""),
                     "detail": detail, "source_ref": ref, "orgs": act.get("orgs", [])})

    for act in activities:
        if not act["leads"]:
            add("no lead", act, "", act["source_ref"])
        if not act["timelines"]:
            add("no timeline", act, "", act["source_ref"])
        elif not act["span"]:
            add("timeline without dates", act, " | ".join(t["raw"] for t in act["timelines"]),
                act["timelines"][0]["source_ref"])
        for t in act["timelines"]:
            if t["certainty"] == "assumed":
                add("assumed timeline", act, f"{t['raw']}: {t['note']}".rstrip(": "), t["source_ref"])
    by_id = {a["activity_id"]: a for a in activities}
    for p in data.of_doc("participants", doc_id):
        if p["org_id"].startswith("unlisted:"):
            act = by_id.get(p["subject_id"], {}) if p["subject_type"] == "activity" else {}
            add("organisation not in the list", act, f"{p['raw'] or p['org_name']} ({p['role']})", p["source_ref"])
    for c in data.of_doc("comments", doc_id):
        if not c.get("parent_comment_id") and c.get("resolved") != "true":
            act = by_id.get(c["subject_id"], {}) if c["subject_type"] == "activity" else {}
            add("open comment", act, f"{c['author']}: {c['text']}", c["source_ref"])
    return gaps
