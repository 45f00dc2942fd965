"""Where the blocks of a story land while the body reader walks it: a `Container`
(the document body, a table cell, a note, a comment), and the comment ranges
(`CommentRanges` of `CommentAnchor`s) that collect the text each comment covers."""

from __future__ import annotations


class Container:
    """Where blocks land; hands out the source_ref of each paragraph.

    prefix: "" for the document body, "table 2, row 5, col 1" for a cell,
        "footnote 3" for a note story.
    """

    __slots__ = ("prefix", "n_paragraphs")

    def __init__(self, prefix: str = ""):
        self.prefix = prefix
        self.n_paragraphs = 0

    def paragraph_ref(self) -> str:
        self.n_paragraphs += 1
        if self.prefix:
            return f"{self.prefix}, paragraph {self.n_paragraphs}"
        return f"paragraph {self.n_paragraphs}"


class CommentAnchor:
    """The text a comment range covers, filled while the walker is inside the range."""

    __slots__ = ("block_id", "parts", "closed")

    def __init__(self, block_id: int | None):
        self.block_id = block_id
        self.parts: list[str] = []
        self.closed = False


class CommentRanges:
    """The comment ranges met in a walk: every range by comment id (`anchors`), the
    ones still open (`open_anchors`, which collect the text the walker emits), and
    those opened between paragraphs, anchored to the next paragraph."""

    __slots__ = ("anchors", "open_anchors", "_unanchored")

    def __init__(self):
        self.anchors: dict[str, CommentAnchor] = {}
        self.open_anchors: dict[str, CommentAnchor] = {}
        self._unanchored: list[CommentAnchor] = []

    def open(self, comment_id: str, block_id: int | None) -> None:
        """A w:commentRangeStart, inside paragraph `block_id` or between paragraphs (None)."""
        anchor = CommentAnchor(block_id)
        self.anchors.setdefault(comment_id, anchor)
        self.open_anchors[comment_id] = anchor
        if block_id is None:
            self._unanchored.append(anchor)

    def close(self, comment_id: str) -> None:
        """A w:commentRangeEnd."""
        anchor = self.open_anchors.pop(comment_id, None)
        if anchor is not None:
            anchor.closed = True

    def new_paragraph(self, block_id: int) -> None:
        """A paragraph starts: open ranges break their text; waiting ones anchor here."""
        for anchor in self.open_anchors.values():
            if anchor.parts:
                anchor.parts.append("\n")
        for anchor in self._unanchored:
            anchor.block_id = block_id
        self._unanchored.clear()
