"""Word list labels computed from numbering.xml (placeholder until the real engine lands)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


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


class NumberingResolver:
    """Computes list labels paragraph by paragraph, in document order (stateful counters).

    numbering_root / styles_root: the lxml roots of word/numbering.xml and
    word/styles.xml; None when the package has no such part.
    """

    def __init__(self, numbering_root=None, styles_root=None):
        self.numbering_root = numbering_root
        self.styles_root = styles_root

    def label(self, p, style_id: str | None = None) -> ListLabel | None:
        """The label of w:p element `p` (its style id given), or None if not a list item.

        Must be called for every body paragraph in reading order, so counters advance.
        """
        return None
