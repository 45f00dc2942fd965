"""List definitions from numbering.xml and styles.xml: `Definitions(numbering, styles)`.

What numbering.py needs to count list items: the numbering instances (w:num), the
abstract definitions they point to (w:abstractNum, levels w:lvl) and the numPr and
basedOn of each style. Abstract definitions and styles are read when first asked
for: a numbering part often holds dozens of definitions and a document uses a few.
Elements are read with child loops, not find(): ElementPath costs ~30x more.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TRANSITIONAL_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NAMESPACES = (f"{{{TRANSITIONAL_NS}}}", f"{{{STRICT_NS}}}")
_W_VAL = _NAMESPACES[0] + "val"
_ALT = f"{{{MC_NS}}}AlternateContent"
_TRUE = {"1", "true", "on", None}  # a bare <w:isLgl/> is true (ST_OnOff)


def tags(name: str) -> frozenset[str]:
    """The Clark names of w:`name` in the Transitional and Strict namespaces."""
    # Both: parse_xml maps Strict to Transitional, but callers may hand us Strict
    # trees directly (tests, other tools), and a set lookup costs what == costs.
    return frozenset(ns + name for ns in _NAMESPACES)


def _names(*names: str) -> dict[str, str]:
    """Clark name -> local name, for w:`names` in both namespaces (see first_children)."""
    return {ns + name: name for ns in _NAMESPACES for name in names}


PPR, NUMPR, PSTYLE, NUMID, ILVL = tags("pPr"), tags("numPr"), tags("pStyle"), tags("numId"), tags("ilvl")
_STYLE, _NUMFMT = tags("style"), tags("numFmt")
_ABSTRACT_NUM, _NUM, _OVERRIDE = tags("abstractNum"), tags("num"), tags("lvlOverride")
_STYLE_PARTS, _NUM_PARTS = _names("pPr", "basedOn"), _names("abstractNumId")
_LEVEL_PARTS = _names("numFmt", "lvlText", "start", "lvlRestart", "isLgl", "pStyle")
_OVERRIDE_PARTS, _ABSTRACT_PARTS = _names("startOverride", "lvl"), _names("numStyleLink", "lvl")


@dataclass(frozen=True)
class Level:
    """One w:lvl; None fields were absent (an override then falls back to the abstract)."""

    fmt: str | None = None
    custom: str | None = None
    text: str | None = None
    start: int | None = None
    restart: int | None = None
    legal: bool | None = None
    pstyle: str | None = None


NO_LEVEL = Level()


@dataclass
class Abstract:
    """A w:abstractNum: levels by ilvl; num_style_link None when it has none."""

    levels: dict[int, Level] = field(default_factory=dict)
    num_style_link: str | None = None


@dataclass
class Num:
    """A w:num: its abstractNum id and its lvlOverrides."""

    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # full w:lvl overrides


@dataclass
class Style:
    """What a w:style says about numbering; None fields are absent."""

    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None


class Definitions:
    """The list definitions of one document.

    numbering_root / styles_root: lxml roots of word/numbering.xml and word/styles.xml
    (Transitional or Strict), None when absent. default_style: the default paragraph
    style id, None when styles name none.
    """

    def __init__(self, numbering_root=None, styles_root=None):
        self.default_style: str | None = None
        self._num_els: dict[str, list] = {}
        self._nums: dict[str, Num | None] = {}
        self._abstract_els: dict[str, object] = {}
        self._abstracts: dict[str, Abstract | None] = {}
        self._style_els: dict[str, object] = {}
        self._styles: dict[str, Style | None] = {}
        for el in () if numbering_root is None else numbering_root:
            tag = el.tag
            if tag in _ABSTRACT_NUM:
                self._abstract_els[attr(el, "abstractNumId") or ""] = el
            elif tag in _NUM:
                self._num_els.setdefault(attr(el, "numId") or "", []).append(el)
        for el in () if styles_root is None else styles_root:
            if el.tag not in _STYLE:
                continue
            style_id = attr(el, "styleId")
            if style_id is None:
                continue
            self._style_els[style_id] = el
            if attr(el, "type") == "paragraph" and attr(el, "default") in ("1", "true", "on"):
                self.default_style = style_id

    def num(self, num_id: str) -> Num | None:
        """The w:num of that id (the last one with an abstractNumId), None when none."""
        try:
            return self._nums[num_id]
        except KeyError:
            pass
        num = None
        for el in reversed(self._num_els.get(num_id, ())):
            num = _read_num(el)
            if num is not None:
                break
        self._nums[num_id] = num
        return num

    def abstract(self, abstract_id: str) -> Abstract | None:
        """The w:abstractNum of that id, None when numbering.xml has none."""
        try:
            return self._abstracts[abstract_id]
        except KeyError:
            pass
        el = self._abstract_els.get(abstract_id)
        abstract = None
        if el is not None:
            abstract, link = Abstract(), None
            for child in el:
                name = _ABSTRACT_PARTS.get(child.tag)
                if name == "lvl":
                    ilvl = to_int(attr(child, "ilvl"))
                    if ilvl is not None:
                        abstract.levels[ilvl] = _read_level(child)
                elif name is not None and link is None:
                    link = child  # the first numStyleLink
            abstract.num_style_link = val_of(link)
        self._abstracts[abstract_id] = abstract
        return abstract

    def style(self, style_id: str) -> Style | None:
        """The numbering facts of the w:style of that id, None when styles.xml has none."""
        try:
            return self._styles[style_id]
        except KeyError:
            pass
        el = self._style_els.get(style_id)
        style = None
        if el is not None:
            found = first_children(el, _STYLE_PARTS)
            style = Style(based_on=val_of(found.get("basedOn")))
            ppr = found.get("pPr")
            for num_pr in () if ppr is None else ppr:
                if num_pr.tag in NUMPR:
                    style.num_id = child_val(num_pr, NUMID)
                    style.ilvl = to_int(child_val(num_pr, ILVL))
                    break
        self._styles[style_id] = style
        return style


def effective_level(num: Num, abstract: Abstract, ilvl: int) -> Level:
    """The definition of `ilvl` for this instance (override over abstract)."""
    base = abstract.levels.get(ilvl, NO_LEVEL)
    over = num.levels.get(ilvl)
    if over is None:
        return base
    return Level(
        fmt=over.fmt if over.fmt is not None else base.fmt,
        custom=over.custom if over.fmt is not None else base.custom,
        text=over.text if over.text is not None else base.text,
        start=over.start if over.start is not None else base.start,
        restart=base.restart,
        legal=over.legal if over.legal is not None else base.legal,
        pstyle=over.pstyle if over.pstyle is not None else base.pstyle,
    )


def start_value(num: Num, abstract: Abstract, ilvl: int) -> int:
    """The first value of level `ilvl` of this instance (startOverride, w:start, else 0)."""
    if ilvl in num.starts:
        return num.starts[ilvl]
    start = effective_level(num, abstract, ilvl).start
    return start if start is not None else 0


# -- element helpers --------------------------------------------------------------------

def val(el) -> str | None:
    """The w:val attribute of `el`, in either namespace or unqualified."""
    value = el.get(_W_VAL)
    return value if value is not None else attr(el, "val")


def val_of(el) -> str | None:
    """The w:val of `el`; None when `el` or its w:val is absent."""
    return None if el is None else val(el)


def attr(el, name: str) -> str | None:
    """Attribute w:`name` of `el`, in either namespace or unqualified; None when absent."""
    for ns in _NAMESPACES:
        value = el.get(ns + name)
        if value is not None:
            return value
    return el.get(name)


def child_val(el, names: frozenset[str]) -> str | None:
    """The w:val of the first child of `el` with a tag in `names`; None when absent."""
    for child in el:
        if child.tag in names:
            return val(child)
    return None


def first_children(el, names: dict[str, str]) -> dict[str, object]:
    """The first child of `el` per local name ("numFmt" -> element), for the tags in
    `names` (Clark name -> local name, made by _names)."""
    found: dict[str, object] = {}
    for child in el:
        name = names.get(child.tag)
        if name is not None and name not in found:
            found[name] = child
    return found


def to_int(text: str | None) -> int | None:
    """`text` as an integer; None when absent or not a number."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _read_num(el) -> Num | None:
    """A w:num; None without an abstractNumId."""
    abstract_id = val_of(first_children(el, _NUM_PARTS).get("abstractNumId"))
    if abstract_id is None:
        return None
    num = Num(abstract_id)
    for override in el:
        if override.tag not in _OVERRIDE:
            continue
        ilvl = to_int(attr(override, "ilvl"))
        if ilvl is None:
            continue
        found = first_children(override, _OVERRIDE_PARTS)
        start = to_int(val_of(found.get("startOverride")))
        if start is not None:
            num.starts[ilvl] = start
        lvl = found.get("lvl")
        if lvl is not None:
            # Word ignores lvlRestart in an override (MS-OI29500 2.1.282 b).
            num.levels[ilvl] = _read_level(lvl, keep_restart=False)
    return num


def _read_level(lvl, keep_restart: bool = True) -> Level:
    found = first_children(lvl, _LEVEL_PARTS)
    fmt_el = found.get("numFmt")
    if fmt_el is None:
        fmt_el = _alternate_num_fmt(lvl)
    legal = found.get("isLgl")
    return Level(
        fmt=val_of(fmt_el),
        custom=None if fmt_el is None else attr(fmt_el, "format"),
        text=val_of(found.get("lvlText")),
        start=to_int(val_of(found.get("start"))),
        restart=to_int(val_of(found.get("lvlRestart"))) if keep_restart else None,
        legal=None if legal is None else val(legal) in _TRUE,
        pstyle=val_of(found.get("pStyle")),
    )


def _alternate_num_fmt(lvl):
    """numFmt inside mc:AlternateContent (Word 2010 custom formats): Choice, else Fallback."""
    for alt in lvl:
        if alt.tag == _ALT:
            for branch in alt:
                for fmt in branch:
                    if fmt.tag in _NUMFMT:
                        return fmt
            return None
    return None
