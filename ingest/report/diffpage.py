"""diff.html: the changes between two drafts, activity by activity, in the style of
the review report (same stylesheet and organisation filter)."""

from __future__ import annotations

import difflib
from collections import defaultdict

from markupsafe import Markup, escape


def words_diff(old: str, new: str) -> Markup:
    """`new` with the words taken out of `old` in <del> and the words put in, in <ins>."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(Markup("<del>{}</del>").format(" ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(Markup("<ins>{}</ins>").format(" ".join(b[j1:j2])))
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
    return Markup(" ").join(out)


def render_diff(result, render) -> str:
    """The diff page of a `diff.DiffResult`, rendered with `html.render`."""
    by_pair = defaultdict(list)
    for row in result.rows:
        if row["table"] in ("activities", "participants", "timelines") and not row["field"].startswith("section "):
            by_pair[(row["old_key"], row["new_key"])].append(row)
    items, unchanged = [], 0
    for o, n in result.pairs:
        key = (o.key if o else "", n.key if n else "")
        changes = by_pair.get(key, [])
        if o and n and not changes:
            unchanged += 1
            continue
        kind = "added" if o is None else "removed" if n is None else "changed"
        text = words_diff(o.text, n.text) if o and n and o.text != n.text else (n or o).text
        orgs = list(dict.fromkeys((o.orgs if o else []) + (n.orgs if n else [])))
        items.append({"kind": kind, "old": o, "new": n, "text": text, "changes": changes,
                      "orgs": orgs, "label": (n or o).label, "section": (n or o).section})
    others = [r for r in result.rows if r["table"] in ("documents", "comments") or r["field"].startswith("section ")]
    orgs = sorted({org for item in items for org in item["orgs"]}, key=str.casefold)
    return render("diff.html.j2", charts=False, result=result, items=items, others=others,
                  unchanged=unchanged, orgs=orgs, summary=result.summary_lines()[:-1])
