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

Speed: label() runs for every paragraph of every document (bench/bench_docx.py), and
most paragraphs are not list items. So the numbering a style chain brings is cached
per style, a caller that has read the pPr hands over its numPr, definitions are read
on first use (numdefs.py), and each (numId, ilvl) gets a _Plan once: its counter
start, the levels it restarts and its label text split into pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .numdefs import (
    ILVL,
    NO_LEVEL,
    NUMID,
    NUMPR,
    PPR,
    PSTYLE,
    STRICT_NS,
    TRANSITIONAL_NS,
    Abstract,
    Definitions,
    Num,
    child_val,
    effective_level,
    start_value,
    to_int,
    val,
)
from .numformats import format_number

__all__ = ["FIND", "STRICT_NS", "TRANSITIONAL_NS", "ListLabel", "NumberingResolver"]

MAX_LEVELS = 9  # ilvl 0..8 (17.9.3)
_PLACEHOLDER = re.compile(r"%([1-9])")
FIND = object()  # label(num_pr=FIND): look for the paragraph's numPr


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


@dataclass
class _List:
    """A numId resolved to its abstract definition; plans and style levels filled as used."""

    num_id: str
    num: Num
    abstract: Abstract
    counters: list[int | None]  # current value per level, shared by its abstractNum's lists
    unused: bool = True  # no item yet: its startOverrides still have to restart counters
    plans: dict[int, _Plan | None] = field(default_factory=dict)
    style_levels: dict[str | None, int] = field(default_factory=dict)


@dataclass
class _Plan:
    """What a paragraph at one (numId, ilvl) does: counts, then shows its label.

    start: the value of the first item; resets: deeper levels that restart;
    bullet: the finished label of a bullet level, None for numbers; head and pieces:
    the number label's text, head + (value of level ref, format, custom, start of
    ref, literal that follows)...
    """

    ilvl: int
    start: int
    resets: tuple[int, ...]
    bullet: ListLabel | None
    head: str
    pieces: tuple[tuple[int, str | None, str | None, int, str], ...]
    labels: dict[str, ListLabel] = field(default_factory=dict)  # made ones, by text


def _num_pr_and_style(p) -> tuple[object, str | None]:
    """(first w:numPr, w:val of the first w:pStyle) in the pPr of w:p `p`; None when absent."""
    num_pr = pstyle = None
    for ppr in p:  # the schema puts pPr first; a loop also tolerates other orders
        if ppr.tag in PPR:
            for prop in ppr:
                tag = prop.tag
                if tag in NUMPR:
                    if num_pr is None:
                        num_pr = prop
                elif tag in PSTYLE and pstyle is None:
                    pstyle = prop
            return num_pr, None if pstyle is None else val(pstyle)
    return None, None


class NumberingResolver:
    """Computes list labels paragraph by paragraph, in document order (stateful counters).

    numbering_root / styles_root: the lxml roots of word/numbering.xml and
    word/styles.xml; None when the package has no such part. Transitional or
    Strict namespaces are both accepted.

    missing_num_ids: numIds that paragraphs used but numbering.xml does not define
        (BodyReader reports each as `numbering_missing`); filled as label() runs.
    """

    def __init__(self, numbering_root=None, styles_root=None):
        self.numbering_root = numbering_root
        self.styles_root = styles_root
        self.missing_num_ids: set[str] = set()
        self._defs = Definitions(numbering_root, styles_root)
        self._default_style = self._defs.default_style
        self._style_numbering: dict[str | None, tuple] = {}  # see _chain_numbering
        self._lists: dict[str, _List | None] = {}
        self._counters: dict[str, list[int | None]] = {}  # per abstractNum id

    # -- public -------------------------------------------------------------------

    def label(self, p, style_id: str | None = None, num_pr=FIND) -> ListLabel | None:
        """The label of w:p element `p` (its style id given), or None if not a list item.

        style_id: the paragraph's style; None reads w:pStyle (then the default style).
        num_pr: the paragraph's w:numPr element, or None when its pPr has none, for a
            caller that has read the pPr already; left out (FIND), label() finds it.
        Must be called for every body paragraph in reading order, so counters advance.
        """
        style = style_id
        if style is None or num_pr is FIND:
            found, pstyle = _num_pr_and_style(p)
            if num_pr is FIND:
                num_pr = found
            if style is None:
                style = pstyle
        if style is None:
            style = self._default_style
        if num_pr is None:  # most paragraphs: only the style chain can make a list item
            try:
                num_id, ilvl, source_style = self._style_numbering[style]
            except KeyError:
                num_id, ilvl, source_style = self._chain_numbering(style)
            if num_id is None or num_id == "0":
                return None
            return self._label(num_id, ilvl, source_style)
        num_id = child_val(num_pr, NUMID)
        ilvl_text = child_val(num_pr, ILVL)
        ilvl = None if ilvl_text is None else to_int(ilvl_text)
        source_style = style
        if num_id is None or ilvl is None:
            # numId and ilvl inherit separately along basedOn (a direct ilvl often
            # picks a level of the list that the heading style brings).
            try:
                style_num, style_ilvl, style_source = self._style_numbering[style]
            except KeyError:
                style_num, style_ilvl, style_source = self._chain_numbering(style)
            if num_id is None:
                num_id, source_style = style_num, style_source
            if ilvl is None:
                ilvl = style_ilvl
        # numId 0 (direct or in a style) means "no numbering" (17.9.18).
        if num_id is None or num_id == "0":
            return None
        return self._label(num_id, ilvl, source_style)

    def _label(self, num_id: str, ilvl: int | None, style: str | None) -> ListLabel | None:
        """The label of an item of list `num_id` at `ilvl` (None: the level that names
        `style`, the style that gave the numbering), counting it; None if no such list."""
        try:
            lst = self._lists[num_id]
        except KeyError:
            lst = self._lists[num_id] = self._resolve(num_id)
        if lst is None:
            self.missing_num_ids.add(num_id)
            return None
        if ilvl is None:
            ilvl = lst.style_levels.get(style)
            if ilvl is None:
                ilvl = self._level_for_style(lst, style)
        try:
            plan = lst.plans[ilvl]
        except KeyError:
            plan = lst.plans[ilvl] = self._plan(lst, ilvl)
        if plan is None:
            return None
        # Count: advance the shared counters for this level, restart the deeper ones.
        values = lst.counters
        if lst.unused:
            lst.unused = False
            for over_ilvl in lst.num.starts:
                if 0 <= over_ilvl < MAX_LEVELS:
                    values[over_ilvl] = None  # next use starts at the override
        for deeper in plan.resets:
            values[deeper] = None
        current = values[ilvl]
        values[ilvl] = plan.start if current is None else current + 1
        if plan.bullet is not None:
            return plan.bullet
        parts = [plan.head]
        for ref, fmt, custom, start, tail in plan.pieces:
            value = values[ref]
            if value is None:  # skipped level (1. then 1.1.1): Word shows its start value
                value = start
            parts.append(str(value) if fmt == "decimal" else format_number(value, fmt, custom))
            parts.append(tail)
        text = "".join(parts)
        try:  # labels are immutable: "1." is made once per list level
            return plan.labels[text]
        except KeyError:
            made = plan.labels[text] = ListLabel(text, ilvl, "number", num_id)
            return made

    # -- which list and level ------------------------------------------------------

    def _chain_numbering(self, style: str | None) -> tuple:
        """(numId, ilvl, style that gave the numId) along the basedOn chain of `style`,
        each None when no style in the chain sets it; cached per style."""
        num_id = ilvl = source = None
        seen: set[str] = set()
        current = style
        while current is not None and current not in seen and (num_id is None or ilvl is None):
            seen.add(current)
            st = self._defs.style(current)
            if st is None:
                break
            if num_id is None and st.num_id is not None:
                num_id, source = st.num_id, current
            if ilvl is None and st.ilvl is not None:
                ilvl = st.ilvl
            current = st.based_on
        found = self._style_numbering[style] = (num_id, ilvl, source)
        return found

    def _resolve(self, num_id: str) -> _List | None:
        """numId resolved to its abstract definition with levels, following numStyleLink."""
        num = self._defs.num(num_id)
        if num is None:
            return None
        abstract_id = num.abstract_id
        seen: set[str] = set()
        while abstract_id not in seen:
            seen.add(abstract_id)
            abstract = self._defs.abstract(abstract_id)
            if abstract is None:
                return None
            link = abstract.num_style_link
            if link is None or abstract.levels:
                counters = self._counters.setdefault(abstract_id, [None] * MAX_LEVELS)
                return _List(num_id, num, abstract, counters)
            # numStyleLink: the numbering style's own numPr names the real definition.
            style = self._defs.style(link)
            target = self._defs.num(style.num_id) if style and style.num_id else None
            if target is None:
                return None
            abstract_id = target.abstract_id
        return None

    @staticmethod
    def _level_for_style(lst: _List, style: str | None) -> int:
        # Without an ilvl, Word uses the level that names the style in w:pStyle.
        try:
            return lst.style_levels[style]
        except KeyError:
            pass
        found = 0
        if style is not None:
            found = next((ilvl for ilvl, level in sorted(lst.abstract.levels.items())
                          if level.pstyle == style), 0)
        lst.style_levels[style] = found
        return found

    # -- counting ------------------------------------------------------------------

    def _plan(self, lst: _List, ilvl: int) -> _Plan | None:
        """The _Plan of level `ilvl` of a list, None when the list has no such level."""
        num, abstract = lst.num, lst.abstract
        if not 0 <= ilvl < MAX_LEVELS or ilvl not in abstract.levels and ilvl not in num.levels:
            return None
        resets = []
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = abstract.levels.get(deeper, NO_LEVEL).restart
            if restart is None or restart > deeper:
                restart = deeper  # default: any higher level restarts it
            # Word restarts on level `restart` (1-based) or any higher (MS-OI29500 c).
            if restart != 0 and ilvl < restart:
                resets.append(deeper)
        level = effective_level(num, abstract, ilvl)
        template = level.text or ""
        start = start_value(num, abstract, ilvl)
        if level.fmt == "bullet":
            bullet = ListLabel(template, ilvl, "bullet", lst.num_id)
            return _Plan(ilvl, start, tuple(resets), bullet, "", ())
        split = _PLACEHOLDER.split(template)  # literal, digit, literal, digit, ..., literal
        head, pieces = split[0], []
        for i in range(1, len(split), 2):
            ref = int(split[i]) - 1
            if ref > ilvl:  # a deeper level has no current value while this one is shown
                if pieces:
                    pieces[-1] = (*pieces[-1][:4], pieces[-1][4] + split[i + 1])
                else:
                    head += split[i + 1]
                continue
            ref_level = effective_level(num, abstract, ref)
            fmt = ref_level.fmt or "decimal"
            if level.legal and fmt not in ("none", "bullet"):
                fmt = "decimal"
            pieces.append((ref, fmt, ref_level.custom, start_value(num, abstract, ref), split[i + 1]))
        return _Plan(ilvl, start, tuple(resets), None, head, tuple(pieces))


