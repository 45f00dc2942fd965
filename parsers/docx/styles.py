"""Style facts from word/styles.xml: display names, heading levels, boldness, hidden
text (w:vanish).

Each answer follows the w:basedOn chain and is cached per style id, so the body
walker pays one dict lookup per paragraph or run.
"""

from __future__ import annotations

import re

from docx.styles import BabelFish

from .package import W

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_FALSE = {"0", "false", "off", "none"}
_MAX_CHAIN = 32  # basedOn chains longer than this are cycles or garbage
_RPR, _RSTYLE, _B, _VANISH = W + "rPr", W + "rStyle", W + "b", W + "vanish"


def on_off(el) -> bool:
    """The value of an OOXML on/off element (w:b, w:tblHeader): absent val means on."""
    val = el.get(W + "val")
    return val is None or val.lower() not in _FALSE


def int_val(el, default: int | None = None) -> int | None:
    """The integer w:val of an element, `default` when absent or not a number."""
    if el is None:
        return default
    try:
        return int(el.get(W + "val"))
    except (TypeError, ValueError):
        return default


class Styles:
    """Resolved style facts of one document.

    root: a w:styles element (possibly holding only the styles the document uses),
        None when there is no styles part; loader: fetches a w:style element by id
        that `root` lacks (see `load_styles`), None when `root` is complete.
    """

    def __init__(self, root=None, loader=None):
        self._by_id: dict[str, object] = {}
        self._loader = loader
        self.default_paragraph: str | None = None
        self.default_bold = False
        self.default_vanish = False
        self._names: dict[str, str | None] = {}
        self._levels: dict[str, int | None] = {}
        self._flags: dict[tuple[str, str], bool | None] = {}  # (style id, tag) -> on/off
        self._facts: dict[str | None, tuple] = {}
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid is None:
                continue
            self._by_id.setdefault(sid, st)
            if (st.get(W + "type") == "paragraph" and self.default_paragraph is None
                    and on_off_attr(st.get(W + "default"))):
                self.default_paragraph = sid
        b = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}b")
        self.default_bold = b is not None and on_off(b)
        v = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}vanish")
        self.default_vanish = v is not None and on_off(v)

    def element(self, style_id: str | None):
        """The w:style element of that id, None when unknown."""
        if not style_id:
            return None
        try:
            return self._by_id[style_id]
        except KeyError:
            el = self._loader(style_id) if self._loader is not None else None
            self._by_id[style_id] = el
            return el

    def facts(self, style_id: str | None) -> tuple[str | None, int | None, bool | None]:
        """(name, heading_level, bold) of a style, cached: one lookup per paragraph."""
        try:
            return self._facts[style_id]
        except KeyError:
            facts = (self.name(style_id), self.heading_level(style_id), self.bold(style_id))
            self._facts[style_id] = facts
            return facts

    def name(self, style_id: str | None) -> str | None:
        """The style's display name ("Heading 1"); None for an unknown id."""
        if not style_id:
            return None
        if style_id in self._names:
            return self._names[style_id]
        st = self.element(style_id)
        name = None
        if st is not None:
            el = st.find(W + "name")
            raw = el.get(W + "val") if el is not None else None
            name = BabelFish.internal2ui(raw) if raw else style_id
        self._names[style_id] = name
        return name

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level from w:outlineLvl along basedOn, else from the name
        ("heading N", "Title" = 1); None for body-text styles."""
        if not style_id:
            return None
        if style_id in self._levels:
            return self._levels[style_id]
        level = None
        chain = self._chain(style_id)
        for st in chain:
            lvl = st.find(f"{W}pPr/{W}outlineLvl")
            if lvl is not None:
                n = int_val(lvl)
                level = n + 1 if n is not None and 0 <= n < 9 else None
                break
        else:
            for st in chain:
                el = st.find(W + "name")
                raw = (el.get(W + "val") or "") if el is not None else ""
                m = _HEADING_NAME.match(raw.strip())
                if m:
                    level = int(m.group(1))
                    break
                if raw.strip().lower() == "title":
                    level = 1
                    break
        self._levels[style_id] = level
        return level

    def bold(self, style_id: str | None) -> bool | None:
        """Whether the style makes text bold (w:b along basedOn); None when it says nothing."""
        return self.flag(style_id, _B)

    def vanish(self, style_id: str | None) -> bool | None:
        """Whether the style hides its text (w:vanish along basedOn); None when it says nothing."""
        return self.flag(style_id, _VANISH)

    def flag(self, style_id: str | None, tag: str) -> bool | None:
        """An on/off run property (w:b, w:vanish) of a style along basedOn, cached;
        None when no style of the chain sets it."""
        if not style_id:
            return None
        key = (style_id, tag)
        if key in self._flags:
            return self._flags[key]
        value = None
        for st in self._chain(style_id):
            el = st.find(f"{W}rPr/{tag}")
            if el is not None:
                value = on_off(el)
                break
        self._flags[key] = value
        return value

    def run_flag(self, run, tag: str, inherited: bool) -> bool:
        """An on/off property (w:b, w:vanish) of one w:r: its own w:rPr wins, then its
        character style (w:rStyle), then `inherited` (the paragraph style's or the
        document default)."""
        if run is not None and len(run) and run[0].tag == _RPR:
            char_style = None
            for prop in run[0]:
                if prop.tag == tag:
                    return on_off(prop)
                if prop.tag == _RSTYLE:
                    char_style = prop.get(W + "val")
            if char_style is not None:
                value = self.flag(char_style, tag)
                if value is not None:
                    return value
        return inherited

    def _chain(self, style_id: str) -> list:
        chain, seen = [], set()
        st = self.element(style_id)
        while st is not None and len(chain) < _MAX_CHAIN:
            sid = st.get(W + "styleId")
            if sid in seen:
                break
            seen.add(sid)
            chain.append(st)
            based = st.find(W + "basedOn")
            st = self.element(based.get(W + "val")) if based is not None else None
        return chain


def on_off_attr(val: str | None) -> bool:
    """The value of an on/off attribute (w:default="1"); absent means off."""
    return val is not None and val.lower() not in _FALSE
