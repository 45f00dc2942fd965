"""Word list labels computed from numbering.xml, paragraph by paragraph.

Word stores no list numbers in document.xml: each list paragraph names a numbering
instance (w:num, via w:numId) and a level (w:ilvl), directly or through its style,
and Word counts. This module replays that count. The rules and where they come from:

* Counters belong to the abstract definition, not to the w:num: instances that share
  an abstractNum continue one sequence (ECMA-376 Part 1 17.9.6 "Subsequent numbered
  paragraphs with this abstract numbering definition..."; the same fix was made in
  nerdy-pro/dxpdf#230, firecrawl/anydoc#129, yukiyokotani/office-open-xml-viewer#590).
* A w:num whose lvlOverride has a startOverride restarts those levels the first time
  one of its paragraphs appears (17.9.27); this is how Word writes "Restart at 1".
* A level restarts when any higher level is used, or, with lvlRestart n, when level n
  or any higher one is used; 0 means never. Word ignores lvlRestart inside an
  lvlOverride (MS-OI29500 2.1.282 on 17.9.10).
* isLgl shows every placeholder of that level's text in decimal (17.9.4).
* A missing w:start means 0 (17.9.25); a missing numFmt means decimal (17.9.17).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .numformats import format_number

TRANSITIONAL_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_LEVELS = 9  # ilvl 0..8 (17.9.3)
_PLACEHOLDER = re.compile(r"%([1-9])")
_TRUE = {"1", "true", "on", None}  # a bare <w:isLgl/> is true (ST_OnOff)


@dataclass(frozen=True)
class ListLabel:
    """The label Word displays in front of a list paragraph.

    text: As displayed, suffix punctuation included ("a)", "1.", "2.1.3", "•");
        "" when the level's lvlText is empty (numFmt none).
    level: 0-based list level (w:ilvl).
    kind: "number" for an ordered format, "bullet" for a glyph.
    num_id: The w:numId the paragraph uses (directly or through its style).
    """

    text: str
    level: int
    kind: Literal["number", "bullet"]
    num_id: str


@dataclass(frozen=True)
class _Level:
    """One w:lvl; None fields were absent (an override then falls back to the abstract)."""

    fmt: str | None = None
    custom: str | None = None
    text: str | None = None
    start: int | None = None
    restart: int | None = None
    legal: bool | None = None
    pstyle: str | None = None


@dataclass
class _Abstract:
    levels: dict[int, _Level] = field(default_factory=dict)
    num_style_link: str | None = None


@dataclass
class _Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # full w:lvl overrides


@dataclass
class _Style:
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None


class _Reader:
    """Finds w: children and w:val whichever WordprocessingML namespace a tree uses."""

    def __init__(self, element):
        tag = element.tag if isinstance(element.tag, str) else ""
        ns = tag[1:tag.index("}")] if tag.startswith("{") else TRANSITIONAL_NS
        self.ns = ns if ns in (TRANSITIONAL_NS, STRICT_NS) else TRANSITIONAL_NS

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def child(self, el, name: str):
        return None if el is None else el.find(self.q(name))

    def attr(self, el, name: str) -> str | None:
        if el is None:
            return None
        value = el.get(self.q(name))
        return value if value is not None else el.get(name)

    def val(self, el, name: str) -> str | None:
        """The w:val of child `name` of `el`; None when either is absent."""
        return self.attr(self.child(el, name), "val")


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


class NumberingResolver:
    """Computes list labels paragraph by paragraph, in document order (stateful counters).

    numbering_root / styles_root: the lxml roots of word/numbering.xml and
    word/styles.xml; None when the package has no such part. Transitional or
    Strict namespaces are both accepted.

    missing_num_ids: numIds that paragraphs used but numbering.xml does not define
        (for a `numbering_missing` diagnostic); filled as label() runs.
    """

    def __init__(self, numbering_root=None, styles_root=None):
        self.numbering_root = numbering_root
        self.styles_root = styles_root
        self.missing_num_ids: set[str] = set()
        self._abstracts: dict[str, _Abstract] = {}
        self._nums: dict[str, _Num] = {}
        self._styles: dict[str, _Style] = {}
        self._default_style: str | None = None
        self._counters: dict[str, list[int | None]] = {}
        self._seen_nums: set[str] = set()
        if numbering_root is not None:
            self._read_numbering(numbering_root)
        if styles_root is not None:
            self._read_styles(styles_root)

    # -- public -------------------------------------------------------------------

    def label(self, p, style_id: str | None = None) -> ListLabel | None:
        """The label of w:p element `p` (its style id given), or None if not a list item.

        style_id: the paragraph's style; None reads w:pStyle (then the default style).
        Must be called for every body paragraph in reading order, so counters advance.
        """
        found = self._numbering_of(p, style_id)
        if found is None:
            return None
        num_id, ilvl, style = found
        resolved = self._resolve(num_id)
        if resolved is None:
            self.missing_num_ids.add(num_id)
            return None
        num, abstract_id, abstract = resolved
        if ilvl is None:
            ilvl = self._level_for_style(abstract, style)
        if not 0 <= ilvl < MAX_LEVELS or ilvl not in abstract.levels and ilvl not in num.levels:
            return None
        values = self._count(num_id, num, abstract_id, abstract, ilvl)
        level = self._level(num, abstract, ilvl)
        kind = "bullet" if level.fmt == "bullet" else "number"
        template = level.text or ""
        if kind == "bullet":
            return ListLabel(template, ilvl, kind, num_id)
        text = _PLACEHOLDER.sub(
            lambda m: self._placeholder(int(m.group(1)) - 1, ilvl, values, num, abstract, level),
            template,
        )
        return ListLabel(text, ilvl, kind, num_id)

    # -- reading the parts --------------------------------------------------------

    def _read_numbering(self, root) -> None:
        r = _Reader(root)
        for el in root.iterchildren(r.q("abstractNum")):
            abstract = _Abstract(num_style_link=r.val(el, "numStyleLink"))
            for lvl in el.iterchildren(r.q("lvl")):
                ilvl = _int(r.attr(lvl, "ilvl"))
                if ilvl is not None:
                    abstract.levels[ilvl] = _read_level(r, lvl)
            self._abstracts[r.attr(el, "abstractNumId") or ""] = abstract
        for el in root.iterchildren(r.q("num")):
            abstract_id = r.val(el, "abstractNumId")
            if abstract_id is None:
                continue
            num = _Num(abstract_id)
            for override in el.iterchildren(r.q("lvlOverride")):
                ilvl = _int(r.attr(override, "ilvl"))
                if ilvl is None:
                    continue
                start = _int(r.val(override, "startOverride"))
                if start is not None:
                    num.starts[ilvl] = start
                lvl = r.child(override, "lvl")
                if lvl is not None:
                    # Word ignores lvlRestart in an override (MS-OI29500 2.1.282 b).
                    num.levels[ilvl] = _read_level(r, lvl, keep_restart=False)
            self._nums[r.attr(el, "numId") or ""] = num

    def _read_styles(self, root) -> None:
        r = _Reader(root)
        for el in root.iterchildren(r.q("style")):
            style_id = r.attr(el, "styleId")
            if style_id is None:
                continue
            ppr = r.child(el, "pPr")
            num_pr = r.child(ppr, "numPr")
            self._styles[style_id] = _Style(
                based_on=r.val(el, "basedOn"),
                num_id=r.val(num_pr, "numId"),
                ilvl=_int(r.val(num_pr, "ilvl")),
            )
            if r.attr(el, "type") == "paragraph" and r.attr(el, "default") in ("1", "true", "on"):
                self._default_style = style_id

    # -- which list and level ------------------------------------------------------

    def _numbering_of(self, p, style_id):
        """(numId, ilvl or None, style that gave the numbering) of `p`, or None."""
        r = _Reader(p)
        ppr = r.child(p, "pPr")
        num_pr = r.child(ppr, "numPr")
        num_id = r.val(num_pr, "numId")
        ilvl = _int(r.val(num_pr, "ilvl"))
        style = style_id if style_id is not None else r.val(ppr, "pStyle")
        if style is None:
            style = self._default_style
        source_style = None
        # numId and ilvl inherit separately along basedOn (a direct ilvl often
        # picks a level of the list that the heading style brings).
        seen: set[str] = set()
        current = style
        while current is not None and current not in seen and (num_id is None or ilvl is None):
            seen.add(current)
            st = self._styles.get(current)
            if st is None:
                break
            if num_id is None and st.num_id is not None:
                num_id, source_style = st.num_id, current
            if ilvl is None and st.ilvl is not None:
                ilvl = st.ilvl
            current = st.based_on
        # numId 0 (direct or in a style) means "no numbering" (17.9.18).
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl, source_style or style

    def _resolve(self, num_id: str):
        """(num, counter key, abstract with levels) for numId, following numStyleLink."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = num.abstract_id
        seen: set[str] = set()
        while abstract_id not in seen:
            seen.add(abstract_id)
            abstract = self._abstracts.get(abstract_id)
            if abstract is None:
                return None
            link = abstract.num_style_link
            if link is None or abstract.levels:
                return num, abstract_id, abstract
            # numStyleLink: the numbering style's own numPr names the real definition.
            style = self._styles.get(link)
            target = self._nums.get(style.num_id) if style and style.num_id else None
            if target is None:
                return None
            abstract_id = target.abstract_id
        return None

    def _level_for_style(self, abstract: _Abstract, style: str | None) -> int:
        # Without an ilvl, Word uses the level that names the style in w:pStyle.
        for ilvl, level in sorted(abstract.levels.items()):
            if style is not None and level.pstyle == style:
                return ilvl
        return 0

    # -- counting ------------------------------------------------------------------

    def _level(self, num: _Num, abstract: _Abstract, ilvl: int) -> _Level:
        """The effective definition of `ilvl` for this instance (override over abstract)."""
        base = abstract.levels.get(ilvl, _Level())
        over = num.levels.get(ilvl)
        if over is None:
            return base
        return _Level(
            fmt=over.fmt if over.fmt is not None else base.fmt,
            custom=over.custom if over.fmt is not None else base.custom,
            text=over.text if over.text is not None else base.text,
            start=over.start if over.start is not None else base.start,
            restart=base.restart,
            legal=over.legal if over.legal is not None else base.legal,
            pstyle=over.pstyle if over.pstyle is not None else base.pstyle,
        )

    def _start(self, num: _Num, abstract: _Abstract, ilvl: int) -> int:
        if ilvl in num.starts:
            return num.starts[ilvl]
        start = self._level(num, abstract, ilvl).start
        return start if start is not None else 0

    def _count(self, num_id, num, abstract_id, abstract, ilvl) -> list[int | None]:
        """Advance the shared counters for a paragraph at `ilvl`; the values after it."""
        values = self._counters.setdefault(abstract_id, [None] * MAX_LEVELS)
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for over_ilvl in num.starts:
                if 0 <= over_ilvl < MAX_LEVELS:
                    values[over_ilvl] = None  # next use starts at the override
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = abstract.levels.get(deeper, _Level()).restart
            if restart is None or restart > deeper:
                restart = deeper  # default: any higher level restarts it
            # Word restarts on level `restart` (1-based) or any higher (MS-OI29500 c).
            if restart != 0 and ilvl < restart:
                values[deeper] = None
        current = values[ilvl]
        values[ilvl] = self._start(num, abstract, ilvl) if current is None else current + 1
        return values

    def _placeholder(self, ref, ilvl, values, num, abstract, level) -> str:
        """The text for %<ref+1> in the lvlText of `level` at `ilvl`."""
        if ref > ilvl:
            return ""  # a deeper level has no current value while this one is shown
        value = values[ref]
        if value is None:  # skipped level (1. then 1.1.1): Word shows its start value
            value = self._start(num, abstract, ref)
        ref_level = self._level(num, abstract, ref)
        fmt = ref_level.fmt
        if level.legal and fmt not in ("none", "bullet"):
            fmt = "decimal"
        return format_number(value, fmt, ref_level.custom)


def _read_level(r: _Reader, lvl, keep_restart: bool = True) -> _Level:
    fmt_el = r.child(lvl, "numFmt")
    if fmt_el is None:
        fmt_el = _alternate_num_fmt(r, lvl)
    legal = r.child(lvl, "isLgl")
    return _Level(
        fmt=r.attr(fmt_el, "val"),
        custom=r.attr(fmt_el, "format"),
        text=r.val(lvl, "lvlText"),
        start=_int(r.val(lvl, "start")),
        restart=_int(r.val(lvl, "lvlRestart")) if keep_restart else None,
        legal=None if legal is None else r.attr(legal, "val") in _TRUE,
        pstyle=r.val(lvl, "pStyle"),
    )


def _alternate_num_fmt(r: _Reader, lvl):
    """numFmt inside mc:AlternateContent (Word 2010 custom formats): Choice, else Fallback."""
    alt = lvl.find(f"{{{MC_NS}}}AlternateContent")
    if alt is None:
        return None
    for branch in alt:
        fmt = r.child(branch, "numFmt")
        if fmt is not None:
            return fmt
    return None
