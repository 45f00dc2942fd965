"""Tracked changes (w:ins, w:del, w:moveFrom, w:moveTo) collected while walking a story."""

from __future__ import annotations

from ..model import TrackedChange
from .package import W

INS, DEL, MOVE_FROM, MOVE_TO = W + "ins", W + "del", W + "moveFrom", W + "moveTo"
KINDS = {INS: "insert", DEL: "delete", MOVE_FROM: "move_from", MOVE_TO: "move_to"}
# Text inside these is not what the reader sees (SPEC: deleted text kept only as a change).
HIDING = frozenset((DEL, MOVE_FROM))


class ChangeBuilder:
    """A tracked change being filled: text pieces arrive while the walker is inside it.

    block_id: the block the change sits in; None when it sits between blocks or in
        a note/comment story.
    """

    __slots__ = ("kind", "author", "date", "parts", "block_id", "source_ref")

    def __init__(self, el, block_id: int | None, source_ref: str):
        self.kind = KINDS[el.tag]
        self.author = el.get(W + "author")
        self.date = el.get(W + "date")
        self.parts: list[str] = []
        self.block_id = block_id
        self.source_ref = source_ref

    def freeze(self, block_id: int | None = -1, source_ref: str | None = None) -> TrackedChange:
        """The finished TrackedChange (text joined); block_id/source_ref override when given.

        A change of a paragraph mark or a table row has text "" (no characters changed).
        """
        return TrackedChange(
            kind=self.kind,
            text="".join(self.parts),
            source_ref=source_ref if source_ref is not None else self.source_ref,
            author=self.author,
            date=self.date,
            block_id=self.block_id if block_id == -1 else block_id,
        )
