"""Cell comments of a sheet: legacy notes (author, text; no date) and threaded
comments (Excel 365: author from the persons part, date, replies).

Excel writes each threaded comment a second time as a legacy note ("[Threaded
comment] ... Comment: ..."), for older versions; a cell with threaded comments
keeps only those. Parts are found through the sheet's relationships; every XML
part was checked for DTDs before the workbook was opened (parsers.safety), and
lxml is told not to resolve entities or touch the network anyway.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree
from openpyxl.utils.cell import coordinate_to_tuple

_TC = "{http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments}"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class RawComment:
    row: int
    col: int
    author: str | None
    text: str
    date: str | None = None
    key: str | None = None  # threaded comment id
    parent: str | None = None  # threaded comment id of the comment this one answers
    resolved: bool | None = None  # a threaded comment's thread marked done; None for a note


def sheet_rels(archive, sheet_path: str) -> dict[str, tuple[str, str]]:
    """The sheet's relationships: id -> (type, target). Targets of parts are resolved
    to archive names; external targets (hyperlinks) are kept as written."""
    folder, name = posixpath.split(sheet_path)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(rels_name), _PARSER)
    out = {}
    for rel in root.iter(f"{_REL}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External":
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type") or "", target)
    return out


def read_comments(archive, rels: dict[str, tuple[str, str]], persons: dict[str, str]) -> list[RawComment]:
    threaded, legacy = [], []
    names = set(archive.namelist())
    for kind, target in rels.values():
        if target not in names:
            continue
        if kind.endswith("/threadedComment"):
            threaded += _threaded(archive.read(target), persons)
        elif kind.endswith("/comments"):
            legacy += _legacy(archive.read(target))
    cells = {(c.row, c.col) for c in threaded}
    return threaded + [c for c in legacy if (c.row, c.col) not in cells]


def persons(archive) -> dict[str, str]:
    """Person id -> display name, from the workbook's persons part(s)."""
    out = {}
    for name in archive.namelist():
        if name.startswith("xl/persons/") and name.endswith(".xml"):
            root = etree.fromstring(archive.read(name), _PARSER)
            for person in root.iter(f"{_TC}person"):
                out[person.get("id")] = person.get("displayName")
    return out


def _threaded(xml: bytes, people: dict[str, str]) -> list[RawComment]:
    root = etree.fromstring(xml, _PARSER)
    out = []
    for tc in root.iter(f"{_TC}threadedComment"):
        ref = tc.get("ref")
        if not ref:
            continue
        row, col = coordinate_to_tuple(ref)
        text = "".join(tc.findtext(f"{_TC}text") or "").strip()
        out.append(RawComment(row, col, people.get(tc.get("personId")), text, tc.get("dT"), tc.get("id"),
                              tc.get("parentId"), tc.get("done") in ("1", "true")))
    return out


def _legacy(xml: bytes) -> list[RawComment]:
    root = etree.fromstring(xml, _PARSER)
    authors = [a.text or "" for a in root.iter(f"{_MAIN}author")]
    out = []
    for comment in root.iter(f"{_MAIN}comment"):
        ref = comment.get("ref")
        if not ref:
            continue
        row, col = coordinate_to_tuple(ref)
        text = "".join(t.text or "" for t in comment.iter(f"{_MAIN}t")).strip()
        try:
            author = authors[int(comment.get("authorId", "0"))] or None
        except (ValueError, IndexError):
            author = None
        if author and text.startswith(f"{author}:"):
            text = text[len(author) + 1:].strip()  # Excel puts "Author:" in the note's text
        out.append(RawComment(row, col, author, text))
    return out
