"""A page's words, lines and table cells held compactly between the passes over a
document: what you get back from `PackedWords.unpack` are the very `Word`s that
were packed (same text, same coordinates to the last bit, same order), from
`PackedLines.unpack` the same `Line`s over them, from `unpack_boxes` the boxes.

Paragraphs can only be built once measures over the whole document are known
(body size, line spacing, text width, vocabulary), so every page's words must be
kept until the last page is read. As `Word` objects they cost about 300 bytes
each, several times the Document they end up in; packed, the numbers sit in
arrays and the text in one string, about 50 bytes a word, and compressed about
17. Each pass unpacks one page at a time, so only one page's worth of `Word`s is
alive at once.
"""

from __future__ import annotations

import zlib
from array import array
from itertools import accumulate

from .layout import Line, Word

_BOLD, _ITALIC = 1, 2


class PackedWords:
    """One page's words: text, boxes, sizes and styles (all on page `page`), in one
    zlib-compressed string (coordinates and text compress about threefold, and a
    page's worth is packed or unpacked in well under a millisecond)."""

    __slots__ = ("page", "_count", "_blob")

    def __init__(self, words: list[Word], page: int):
        self.page = page
        self._count = len(words)
        # float64, as the Words hold them: layout decisions see the same values
        numbers = array("d", [v for w in words for v in (w.x0, w.x1, w.top, w.bottom, w.size)])
        ends = array("I", accumulate(len(w.text) for w in words))
        styles = bytes((_BOLD if w.bold else 0) | (_ITALIC if w.italic else 0) for w in words)
        text = "".join(w.text for w in words).encode("utf-8", "surrogatepass")  # any str comes back
        self._blob = zlib.compress(numbers.tobytes() + ends.tobytes() + styles + text, 1)

    def __len__(self) -> int:
        return self._count

    def unpack(self) -> list[Word]:
        """The page's words, as new `Word` objects, in the order they were packed."""
        n, page = self._count, self.page
        data = zlib.decompress(self._blob)
        nums, ends = array("d"), array("I")
        nums.frombytes(data[:5 * nums.itemsize * n])
        at = 5 * nums.itemsize * n
        ends.frombytes(data[at:at + ends.itemsize * n])
        at += ends.itemsize * n
        styles = data[at:at + n]
        text = data[at + n:].decode("utf-8", "surrogatepass")
        out = []
        start = 0
        for i, (end, style) in enumerate(zip(ends, styles, strict=True)):
            k = 5 * i
            out.append(Word(text[start:end], nums[k], nums[k + 1], nums[k + 2], nums[k + 3], nums[k + 4],
                            bool(style & _BOLD), bool(style & _ITALIC), page))
            start = end
        return out


class PackedLines:
    """A page's lines as positions in its word list (see `PackedWords`)."""

    __slots__ = ("_order", "_ends", "_sup")

    def __init__(self, words: list[Word], lines: list[Line]):
        where = {id(w): i for i, w in enumerate(words)}
        self._order = array("I", [where[id(w)] for ln in lines for w in ln.words])
        self._ends = array("I", accumulate(len(ln.words) for ln in lines))
        self._sup = bytes(s for ln in lines for _, s in zip(ln.words, ln.sup, strict=True))

    def __len__(self) -> int:
        return len(self._ends)

    def unpack(self, words: list[Word]) -> list[Line]:
        """The lines over `words`, the page's words as `PackedWords.unpack` gives them."""
        out = []
        start = 0
        for end in self._ends:
            out.append(Line([words[i] for i in self._order[start:end]], [bool(s) for s in self._sup[start:end]]))
            start = end
        return out


def pack_boxes(boxes: list[tuple]) -> array:
    """Boxes (x0, top, x1, bottom), such as a table's cells, as one array: a tuple
    of four floats costs about 170 bytes, its place in the array 32."""
    return array("d", [float(v) for b in boxes for v in b])


def unpack_boxes(packed: array) -> list[tuple[float, float, float, float]]:
    # cells share their edges: one float object per edge, as pdfplumber gave them
    # (zero is left alone: 0.0 == -0.0, and the sign is kept)
    same: dict[float, float] = {}
    values = [v if v == 0 else same.setdefault(v, v) for v in packed]
    return [tuple(values[k:k + 4]) for k in range(0, len(values), 4)]
