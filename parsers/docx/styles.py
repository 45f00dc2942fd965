"""Style facts from word/styles.xml: display names, heading levels, boldness.

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
        self._names: dict[str, str | None] = {}
        self._levels: dict[str, int | None] = {}
        self._bold: dict[str, bool | None] = {}
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
        if not style_id:
            return None
        if style_id in self._bold:
            return self._bold[style_id]
        value = None
        for st in self._chain(style_id):
            b = st.find(f"{W}rPr/{W}b")
            if b is not None:
                value = on_off(b)
                break
        self._bold[style_id] = value
        return value

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
