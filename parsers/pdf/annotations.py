"""Reviewer comments kept as PDF annotations: what you get back are `AnnotDraft`s
(author, text, date, rectangle, highlighted text) read straight from the raw
/Annots array.

pdfplumber's `page.annots` raises KeyError('Rect') on an annotation without a
rectangle and then loses every annotation of the page, so each annotation is
read here on its own, and a missing key only costs that key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from .layout import Word, join_words

# Annotations that carry no reviewer text of their own.
NOT_COMMENTS = frozenset({"Link", "Popup", "Widget", "Screen", "PrinterMark", "TrapNet", "Watermark",
                          "3D", "Movie", "Sound", "FileAttachment"})
# LibreOffice writes the comment's date into the author: "Marie Dupont [HCDH], 11/22/26, "
# (the date itself is in /M or /CreationDate too).
AUTHOR_DATE = re.compile(r",\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?\s*([AaPp][Mm])?)?\s*,?\s*$")
PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+\-])?(\d{2})?'?(\d{2})?")


@dataclass
class AnnotDraft:
    """One comment-like annotation on a page (top-down coordinates, None when absent)."""

    page: int
    objid: int | None
    subtype: str
    author: str | None
    text: str
    date: str | None
    box: tuple[float, float, float, float] | None  # x0, top, x1, bottom
    quads: list[tuple[float, float, float, float]] = field(default_factory=list)
    parent_objid: int | None = None
    missing: list[str] = field(default_factory=list)
    anchor_text: str | None = None


def read_annotations(page, page_no: int) -> list[AnnotDraft]:
    """The comment annotations of a pdfplumber page, in the order the page lists them."""
    try:
        raw = resolve1(page.page_obj.annots)
    except Exception:  # a broken /Annots entry must not lose the page
        return []
    if not isinstance(raw, list):
        return []
    height_top = float(page.mediabox[3])
    x_off = float(page.mediabox[0])
    out = []
    for ref in raw:
        try:
            draft = _read_one(ref, page_no, height_top, x_off)
        except Exception:  # one malformed annotation must not lose the others
            continue
        if draft is not None:
            out.append(draft)
    return out


def _read_one(ref, page_no: int, height_top: float, x_off: float) -> AnnotDraft | None:
    d = resolve1(ref)
    if not isinstance(d, dict):
        return None
    subtype = _name(d.get("Subtype"))
    if subtype in NOT_COMMENTS:
        return None
    missing = []
    box = None
    rect = _numbers(d.get("Rect"), 4)
    if rect is None:
        missing.append("/Rect")
    else:
        x0, y0, x1, y1 = rect
        box = (min(x0, x1) - x_off, height_top - max(y0, y1), max(x0, x1) - x_off, height_top - min(y0, y1))
    quads = []
    qp = _numbers(d.get("QuadPoints"), None)
    if qp:
        for i in range(0, len(qp) - 7, 8):
            xs, ys = qp[i:i + 8:2], qp[i + 1:i + 8:2]
            quads.append((min(xs) - x_off, height_top - max(ys), max(xs) - x_off, height_top - min(ys)))
    elif subtype in ("Highlight", "Underline", "StrikeOut", "Squiggly"):
        missing.append("/QuadPoints")
    text = _text(d.get("Contents")) or _text(d.get("RC")) or ""
    author = clean_author(_text(d.get("T")))
    if subtype in ("Text", "FreeText") and not text:
        missing.append("/Contents")
    parent = d.get("IRT")
    return AnnotDraft(page_no, ref.objid if isinstance(ref, PDFObjRef) else None, subtype or "?",
                      author or None, text.strip(), iso_date(_text(d.get("M")) or _text(d.get("CreationDate"))),
                      box, quads, parent.objid if isinstance(parent, PDFObjRef) else None, missing)


def _name(value) -> str | None:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    return str(value) if value is not None else None


def _text(value) -> str | None:
    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, str):
        return value
    return None


def _numbers(value, n: int | None) -> list[float] | None:
    value = resolve1(value)
    if not isinstance(value, (list, tuple)):
        return None
    try:
        nums = [float(resolve1(v)) for v in value]
    except (TypeError, ValueError):
        return None
    if n is not None and len(nums) != n:
        return None
    return nums


def clean_author(raw: str | None) -> str | None:
    """The annotation's author without a trailing ", <date>," that LibreOffice adds;
    None when empty."""
    if raw is None:
        return None
    return AUTHOR_DATE.sub("", raw).strip() or None


def iso_date(raw: str | None) -> str | None:
    """A PDF date ("D:20210504141200+02'00'") as ISO 8601; None when unreadable."""
    if not raw:
        return None
    m = PDF_DATE.match(raw.strip())
    if not m:
        return None
    year, month, day, hour, minute, sec, tz, tzh, tzm = m.groups()
    if year == "0000" or month == "00" or day == "00":
        return None  # LibreOffice writes D:00000000000000Z for a comment with no date
    out = f"{year}-{month or '01'}-{day or '01'}"
    if hour:
        out += f"T{hour}:{minute or '00'}:{sec or '00'}"
        offset = f"{tzh or '00'}:{tzm or '00'}"
        if tz in ("Z", "z") or (tz in ("+", "-") and offset == "00:00"):
            out += "Z"
        elif tz in ("+", "-"):
            out += f"{tz}{offset}"
    return out


def quad_text(draft: AnnotDraft, words: list[Word]) -> str | None:
    """The words covered by the annotation's quads (its highlighted text), None without quads."""
    if not draft.quads:
        return None
    hit = [w for w in words if any(q[0] - 1 <= w.xc <= q[2] + 1 and q[1] - 1 <= w.yc <= q[3] + 1
                                   for q in draft.quads)]
    if not hit:
        return None
    hit.sort(key=lambda w: (round(w.top), w.x0))
    lines: list[list[Word]] = []
    for w in hit:
        if lines and abs(lines[-1][0].top - w.top) < 0.5 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    return " ".join(join_words(ln) for ln in lines)
