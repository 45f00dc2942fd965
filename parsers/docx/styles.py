"""Style facts from word/styles.xml: display names, heading levels, boldness.

Each answer follows the w:basedOn chain and is cached per style id, so the body
walker pays one dict lookup per paragraph or run.
"""

from __future__ import annotations

import re

from docx.styles import BabelFish
from lxml import etree

from .package import W, W_NS, to_transitional

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


# styles.xml of Word and python-docx templates holds hundreds of style definitions
# (349 KB in python-docx's default template, ten times a typical document.xml) of
# which a document uses a dozen. Parsing all of it would dominate the parse time,
# so we index the w:style elements by byte offset and parse only those used. The
# index is a shortcut, not a parser: any surprise falls back to a full parse.
_ROOT_TAG = re.compile(rb"<w:styles[\s>]")
_STYLE_WITH_ID = re.compile(rb'<w:style\s[^>]*?w:styleId\s*=\s*"([^"]*)"[^>]*>')
_DEFAULT_ATTR = re.compile(rb'\sw:default\s*=\s*"(?:1|true|on)"')
_CLOSE = b"</w:style>"


class _StyleIndex:
    """Byte offsets of each w:style in a styles part, parsed one by one on demand."""

    def __init__(self, data: bytes, parse):
        self.data = data
        self.parse = parse
        root_tag = _ROOT_TAG.search(data)
        if root_tag is None or b"<!DOCTYPE" in data[:root_tag.start()] or _ns_of(data, root_tag.start()) != W_NS:
            raise ValueError("styles part without the usual w: prefix")
        self.header = data[root_tag.start():data.index(b">", root_tag.start()) + 1]
        if self.header.endswith(b"/>"):
            raise ValueError("empty styles part")
        self.starts: dict[str, int] = {}
        self.defaults: list[str] = []  # ids of styles marked w:default="1"
        for m in _STYLE_WITH_ID.finditer(data):
            style_id = m.group(1).decode("utf-8")
            self.starts.setdefault(style_id, m.start())
            if b"w:default" in m.group(0) and _DEFAULT_ATTR.search(m.group(0)):
                self.defaults.append(style_id)
        d0 = data.find(b"<w:docDefaults")
        d1 = data.find(b"</w:docDefaults>", d0)
        self.doc_defaults = data[d0:d1 + len(b"</w:docDefaults>")] if d0 >= 0 and d1 >= 0 else b""

    def span(self, style_id: str) -> bytes:
        """The bytes of one w:style element."""
        start = self.starts[style_id]
        tag_end = self.data.index(b">", start) + 1
        if self.data[tag_end - 2:tag_end] == b"/>":
            return self.data[start:tag_end]
        return self.data[start:self.data.index(_CLOSE, tag_end) + len(_CLOSE)]

    def root(self, ids) -> object:
        """A w:styles element holding docDefaults and the styles `ids` (unknown ids skipped)."""
        parts = [self.header, self.doc_defaults]
        parts.extend(self.span(i) for i in sorted(ids) if i in self.starts)
        parts.append(b"</w:styles>")
        return self.parse(b"".join(parts))

    def load(self, style_id: str):
        """The w:style element of that id, None when the part has none."""
        if style_id not in self.starts:
            return None
        root = self.root([style_id])
        return root[len(root) - 1]


def _ns_of(data: bytes, start: int) -> str:
    tag = data[start:data.index(b">", start)]
    m = re.search(rb'xmlns:w\s*=\s*["\']([^"\']*)["\']', tag)
    return m.group(1).decode() if m else ""


def load_styles(data: bytes | None, used: set[str], parse) -> tuple[Styles, object]:
    """Styles of a document from the bytes of its styles part, and the w:styles root
    to hand the numbering resolver (holding the styles in `used`, their basedOn
    ancestors and the default styles); (empty Styles, None) when there is no part.

    parse: the hardened XML parser (package.parse_xml).
    """
    if data is None:
        return Styles(), None
    data = to_transitional(data)
    try:
        index = _StyleIndex(data, parse)
        wanted = set(used)
        wanted.update(index.defaults)
        root = index.root(wanted)
        # basedOn ancestors, breadth first until closed
        while True:
            missing = {b.get(W + "val") for b in root.iter(W + "basedOn")} - wanted
            missing &= index.starts.keys()
            if not missing:
                break
            wanted |= missing
            root = index.root(wanted)
        return Styles(root, index.load), root
    except (ValueError, IndexError, UnicodeDecodeError, etree.XMLSyntaxError):
        root = parse(data)
        return Styles(root), root
