"""Reading styles.xml fast: only the styles a document uses are parsed.

Word's and python-docx's templates carry the whole style gallery: styles.xml is
about 350 KB (both fixtures, every bench file), ten times a typical
document.xml, while a document uses a dozen styles, defined near the start.
Inflating and parsing all of it took more time than the rest of the parse
(bench/bench_docx.py). So we inflate the part in chunks, index the w:style start
tags of each chunk, stop once every wanted style is found, and parse only those.
The index is a shortcut, not a parser: any surprise falls back to a full parse.
"""

from __future__ import annotations

import re

from lxml import etree

from .package import W_NS, W, to_transitional
from .styles import Styles

CHUNK = 32 * 1024
_ROOT_TAG = re.compile(rb"<w:styles[\s>]")
_STYLE_TAG = re.compile(rb'<w:style\s[^>]*?w:styleId\s*=\s*"([^"]*)"[^>]*>')
_DEFAULT_PARAGRAPH = re.compile(rb'\sw:default\s*=\s*"(?:1|true|on)"')
_W_DECL = re.compile(rb'xmlns:w\s*=\s*["\']([^"\']*)["\']')
_CLOSE = b"</w:style>"
_DEFAULTS_END = b"</w:docDefaults>"


class _StyleIndex:
    """The w:style start tags of a styles part read so far, by id; reads on as asked."""

    def __init__(self, stream, parse):
        self.stream = stream
        self.parse = parse
        self.data = b""
        self.scanned = 0
        self.eof = False
        self.header: bytes | None = None
        self.starts: dict[str, int] = {}
        self.default_paragraph: str | None = None

    def start(self) -> None:
        """Read up to the root start tag; ValueError if the part is not as expected."""
        while self.header is None and self._more():
            pass
        if self.header is None:
            raise ValueError("no <w:styles> root with the usual prefix")

    def _more(self) -> bool:
        """Inflate one more chunk and index the start tags it completes; False at the end."""
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK)
        if chunk:
            self.data += chunk
            safe = self.data.rfind(b">") + 1  # tags before this are complete
        else:
            self.eof = True
            safe = len(self.data)
        data = self.data
        if self.header is None:
            m = _ROOT_TAG.search(data)
            if m is None:
                if len(data) > 4 * CHUNK or self.eof:
                    raise ValueError("no <w:styles> root with the usual prefix")
                return True
            end = data.find(b">", m.start())
            if end < 0:
                return True
            header = data[m.start():end + 1]
            decl = _W_DECL.search(header)
            if b"<!DOCTYPE" in data[:m.start()] or header.endswith(b"/>") or \
                    decl is None or decl.group(1).decode() != W_NS:
                raise ValueError("styles part without the usual w: prefix")
            self.header = header
        for m in _STYLE_TAG.finditer(data, self.scanned, safe):
            style_id = m.group(1).decode("utf-8")
            if style_id not in self.starts:
                self.starts[style_id] = m.start()
                tag = m.group(0)
                if (self.default_paragraph is None and b'w:type="paragraph"' in tag
                        and _DEFAULT_PARAGRAPH.search(tag)):
                    self.default_paragraph = style_id
        self.scanned = max(self.scanned, safe)
        return True

    def find(self, ids) -> None:
        """Read on until every style in `ids` (and the default paragraph style) is indexed."""
        while (self.default_paragraph is None or not self.starts.keys() >= ids) and self._more():
            pass

    def _span(self, style_id: str) -> bytes:
        start = self.starts[style_id]
        while True:
            tag_end = self.data.find(b">", start) + 1
            if tag_end and self.data[tag_end - 2:tag_end] == b"/>":
                return self.data[start:tag_end]
            close = self.data.find(_CLOSE, start) if tag_end else -1
            if close >= 0:
                return self.data[start:close + len(_CLOSE)]
            if not self._more():
                raise ValueError(f"style {style_id!r} is not closed")

    def doc_defaults(self) -> bytes:
        """The w:docDefaults element's bytes (it precedes the styles), b"" if absent."""
        start = self.data.find(b"<w:docDefaults")
        end = self.data.find(_DEFAULTS_END, start)
        return self.data[start:end + len(_DEFAULTS_END)] if 0 <= start < end else b""

    def root(self, ids) -> object:
        """A w:styles element holding docDefaults and the styles `ids` (unknown ids skipped)."""
        ids = set(ids)
        self.find(ids)
        spans = [self._span(i) for i in sorted(ids) if i in self.starts]
        return self.parse(b"".join([self.header, self.doc_defaults(), *spans, b"</w:styles>"]))

    def load(self, style_id: str):
        """The w:style element of that id, None when the part has none."""
        self.find({style_id})
        if style_id not in self.starts:
            return None
        root = self.root([style_id])
        return root[len(root) - 1]

    def rest(self) -> bytes:
        """All bytes of the part (reads what is left)."""
        while self._more():
            pass
        return self.data


def load_styles(stream, used: set[str], parse) -> tuple[Styles, object]:
    """Styles of a document, read from a binary stream of its styles part, and the
    w:styles root to hand the numbering resolver: it holds the styles in `used`,
    their basedOn ancestors and the default paragraph style. (empty Styles, None)
    when `stream` is None (no styles part).

    parse: the hardened XML parser (package.parse_xml). The stream must stay open
    while the Styles are in use: styles asked for later are read on demand.
    """
    if stream is None:
        return Styles(), None
    index = _StyleIndex(stream, parse)
    try:
        index.start()
        wanted = set(used)
        index.find(wanted)
        if index.default_paragraph is not None:
            wanted.add(index.default_paragraph)
        root = index.root(wanted)
        while True:  # basedOn ancestors, until closed
            missing = {b.get(W + "val") for b in root.iter(W + "basedOn")} - wanted
            missing.discard(None)
            if not missing:
                break
            wanted |= missing
            root = index.root(wanted)
        return Styles(root, index.load), root
    except (ValueError, IndexError, UnicodeDecodeError, etree.XMLSyntaxError):
        root = parse(to_transitional(index.data + stream.read()))
        return Styles(root), root
