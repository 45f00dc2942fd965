"""Arbitrary text never crashes the text parser, and never loses its words."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.text import parse_text

# Lines built from the pieces the Tika and Markdown readers react to
PIECES = st.sampled_from([
    "\t", "\t ", "", " ", "Text", "a) item", "\u25cf  OHCHR", "- dash", "# Head", "| a | b |",
    "|---|---|", "[footnoteRef:1]", "[1:  note]", "[2: [x] y]", "\tComment by A [B]: c",
    "\ufffdLost", "[^1]", "[^1]: def", "===", "]]", "[[", "\tComment by ", "[endnoteRef:2]",
])
MARKS = re.compile(r"\[(?:foot|end)noteRef:\d\]")
LINES = st.lists(st.lists(PIECES, min_size=0, max_size=4).map("".join), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_text_any_mix_of_markup_parses(tmp_path, lines):
    text = "\n".join(lines) + "\nZ"
    path = tmp_path / "fuzz.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_text(path)
    ids = [b.block_id for b in doc.iter_blocks()]
    assert ids == sorted(set(ids))
    by_id = doc.block_by_id()
    assert all(n.anchor_block is None or n.anchor_block in by_id for n in doc.notes)
    assert all(c.anchor_block in by_id for c in doc.comments)
    # Every plain word of the input is somewhere in the output (text, notes or comments)
    out = " ".join([p.text for p in doc.iter_paragraphs()] + [n.text for n in doc.notes]
                   + [c.text + " " + (c.author or "") for c in doc.comments])
    for word in ("Text", "item", "OHCHR", "dash", "Head", "note", "def", "Lost", "Z"):
        assert MARKS.sub(" ", text).count(word) <= out.count(word), word


def test_text_large_table_is_segmented_quickly(tmp_path):
    rows = "".join(f"\tOutput {i}\n\tQ{i % 4 + 1} 2021\n\tUNDP\n\n" for i in range(10_000))
    path = tmp_path / "big-table.txt"
    path.write_text("\tOutput\n\tTimeline\n\tLead\n\n" + rows, encoding="utf-8")
    (table,) = list(parse_text(path).iter_tables())
    assert len(table.rows) == 10_001 and table.n_cols == 3
    assert re.fullmatch(r"Output 9999", table.rows[-1].cells[0].text)
