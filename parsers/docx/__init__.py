"""The .docx parser: `parse_docx(path) -> Document`.

Reads the package with lxml (package.py), walks the body (body.py, tables.py), then
reads the side stories: notes (notes.py), comments (comments.py). List labels come
from numbering.py; style facts from styles.py.
"""

from __future__ import annotations

import functools
import zipfile
import zlib
from pathlib import Path

from docx.opc.coreprops import CoreProperties
from docx.oxml.parser import parse_xml as docx_parse_xml
from lxml import etree

from ..diagnostics import make
from ..errors import IngestError, UnreadableFile
from ..model import Diagnostic, Document, TrackedChange
from .body import BodyReader
from .comments import read_comments
from .notes import read_notes
from .numbering import NumberingResolver
from .package import Package, W, open_package, parse_xml
from .stories import Container
from .styles import Styles
from .stylesheet import load_styles

__all__ = ["parse_docx"]

_SIDE_ERRORS = (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                KeyError)


# What each side part holds, for the message when it cannot be read.
_ROLES = {"numbering": "list numbering definitions", "footnotes": "footnotes", "endnotes": "endnotes",
          "comments": "comments", "commentsExtended": "comment replies and states",
          "styles": "styles (headings, list styles)"}


def _unreadable(pkg: Package, kind: str, error: Exception) -> Diagnostic:
    """The loss diagnostic for a side part that could not be read (its content is skipped)."""
    part = pkg.related_name(kind) or kind
    return make("part_unreadable", part, part=part, role=_ROLES[kind],
                error=f"{type(error).__name__}: {error}")


def _side_root(pkg: Package, kind: str, diagnostics: list[Diagnostic]):
    """The parsed root of a related part, None (with a diagnostic if damaged) when unusable."""
    try:
        data = pkg.related_bytes(kind)
        return parse_xml(data, pkg.related_name(kind)) if data is not None else None
    except _SIDE_ERRORS as e:
        diagnostics.append(_unreadable(pkg, kind, e))
        return None


def _styles(pkg: Package, roots, diagnostics: list[Diagnostic]):
    """Styles and the w:styles root for the numbering resolver (stylesheet.load_styles),
    reading only the styles that the parts in `roots` refer to."""
    used = set()
    for root in roots:
        if root is not None:
            used.update(el.get(W + "val") for el in root.iter(
                W + "pStyle", W + "rStyle", W + "styleLink", W + "numStyleLink"))
    used.discard(None)
    parse = functools.partial(parse_xml, part=pkg.related_name("styles"))
    try:
        stream = pkg.related_stream("styles")
        try:
            return load_styles(stream, used, parse)
        except BaseException:
            if stream is not None:  # the Styles that would keep it open are not made
                stream.close()
            raise
    except _SIDE_ERRORS as e:
        diagnostics.append(_unreadable(pkg, "styles", e))
        return Styles(), None


_DCTERMS = "{http://purl.org/dc/terms/}"


def _core_properties(pkg: Package, diagnostics: list[Diagnostic]) -> dict:
    """Core properties (title, author...) from docProps/core.xml; dates as written (ISO 8601)."""
    part = "docProps/core.xml"
    if not pkg.has(part):
        return {}
    try:
        element = docx_parse_xml(pkg.read(part))
        core = CoreProperties(element)
        props = {key: getattr(core, key) for key in
                 ("title", "subject", "author", "last_modified_by", "keywords", "category")}
        # python-docx turns dates into datetimes with strptime (slow, and it drops
        # what it cannot read); the model wants the text as written.
        for key in ("created", "modified"):
            el = element.find(_DCTERMS + key)
            props[key] = el.text.strip() if el is not None and el.text else None
        return {k: v for k, v in props.items() if v not in (None, "")}
    except IngestError:  # a DTD refuses the whole file, wherever it sits
        raise
    except Exception as e:  # noqa: BLE001 - metadata is optional; python-docx raises varied errors
        diagnostics.append(make("properties_unreadable", part, part=part,
                                error=f"{type(e).__name__}: {e}"))
        return {}


def parse_docx(path: str | Path) -> Document:
    """The Document of a .docx file: blocks in reading order, notes, comments, changes.

    Raises EncryptedFile (password-protected), UnsupportedFormat (legacy .doc, or
    an Office package that is not a Word document), UnreadableFile (corrupt zip,
    missing or malformed main part), LimitExceeded (a part too large to inflate).
    """
    path = Path(path)
    with open_package(path) as pkg:
        try:
            return _parse(path, pkg)
        except IngestError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
            raise UnreadableFile(f"{path.name}: damaged zip data ({e}).") from e
        except RecursionError as e:
            raise UnreadableFile(f"{path.name}: document nested too deeply to read.") from e


def _parse(path: Path, pkg: Package) -> Document:
    diagnostics: list[Diagnostic] = []
    root = pkg.main_root()
    side = {kind: _side_root(pkg, kind, diagnostics) for kind in
            ("numbering", "footnotes", "endnotes", "comments", "commentsExtended")}
    styles, styles_root = _styles(pkg, [root, *side.values()], diagnostics)
    numbering = NumberingResolver(side["numbering"], styles_root)
    reader = BodyReader(styles, numbering)
    body = root.find(W + "body")
    blocks = reader.read_blocks(body, Container()) if body is not None else []
    if body is None:
        diagnostics.append(make("no_body", None, part=pkg.main_part))
    diagnostics.extend(reader.diagnostics)
    changes: list[TrackedChange] = [c.freeze() for c in reader.changes]

    notes = []
    for kind, part in (("footnote", "footnotes"), ("endnote", "endnotes")):
        notes_root = side[part]
        if notes_root is not None:
            notes.extend(read_notes(notes_root, kind, styles, reader.note_anchors, changes,
                                    diagnostics))
    for (kind, note_id), _ in reader.note_anchors.items():
        part_missing = pkg.related_name(kind + "s") is None
        if part_missing:
            diagnostics.append(make("unresolved_note", f"{kind} {note_id}", note_id=note_id))

    comments = []
    if side["comments"] is not None:
        comments = read_comments(side["comments"], styles, reader.comment_ranges, reader.comment_refs,
                                 side["commentsExtended"], changes)

    properties = _core_properties(pkg, diagnostics)
    return Document(
        path=str(path),
        format="docx",
        blocks=tuple(blocks),
        notes=tuple(notes),
        comments=tuple(comments),
        changes=tuple(changes),
        title=properties.get("title") or None,
        diagnostics=tuple(diagnostics),
        properties=properties,
    )
