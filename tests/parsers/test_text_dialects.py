"""Text exports other than Tika's: Markdown / pandoc markdown and LibreOffice "Text"."""

from __future__ import annotations

import pytest

from parsers.model import Paragraph, Table
from parsers.text import detect_dialect, parse_text

MARKDOWN = """\
# Work plan 2021

Objective: integrate the human right to a healthy environment[^1] into
the work of the UN.

## 1) Joint policy support

- In close coordination with DCO
- Develop guidance
  1. nested step

| Proposed output | Indicative timeline | Lead agency |
|-----------------|---------------------|-------------|
| Joint guidance[^2] | Q3 2021 | OHCHR |
| Support to pilot | Qs 1 and 2, 2022 | UNDP/OHCHR |

Annex
=====

[^1]: The right recognised in 2021.
[^2]: To be aligned with guidance on NBSAPs,
    in coordination with MEA secretariats.
[^3]: A note nobody cites.
"""

LIBREOFFICE = """\
Issue Management Group on Human Rights and the Environment
Draft Workplan

Co-Chairs:
\u2022\tOHCHR
\u2022\tUNDP
1) Joint and integrated policy
Proposed output
Indicative timeline
"""


@pytest.fixture()
def markdown_doc(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return parse_text(path)


def test_text_markdown_headings_lists_and_paragraphs(markdown_doc):
    assert markdown_doc.properties["dialect"] == "markdown"
    paras = [b for b in markdown_doc.blocks if isinstance(b, Paragraph)]
    assert [(p.heading_level, p.text) for p in paras if p.heading_level] == [
        (1, "Work plan 2021"), (2, "1) Joint policy support"), (1, "Annex")]
    # a soft line break stays a line break (one field per line in text exports)
    assert paras[1].text == ("Objective: integrate the human right to a healthy environment into\n"
                             "the work of the UN.")
    items = [(p.list_label, p.list_kind, p.list_level, p.text) for p in paras if p.is_list_item]
    assert items == [("-", "bullet", 0, "In close coordination with DCO"),
                     ("-", "bullet", 0, "Develop guidance"), ("1.", "number", 1, "nested step")]


def test_text_markdown_pipe_table_and_footnotes(markdown_doc):
    (table,) = [b for b in markdown_doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Proposed output", "Indicative timeline", "Lead agency"],
        ["Joint guidance", "Q3 2021", "OHCHR"], ["Support to pilot", "Qs 1 and 2, 2022", "UNDP/OHCHR"]]
    assert table.rows[1].cells[0].source_ref == "table 1, row 2, col 1 (line 14)"
    by_id = markdown_doc.block_by_id()
    notes = {n.note_id: n for n in markdown_doc.notes}
    assert set(notes) == {"1", "2", "3"}
    assert by_id[notes["1"].anchor_block].text.startswith("Objective:")
    assert notes["1"].anchor_offset == len("Objective: integrate the human right to a healthy environment")
    assert by_id[notes["2"].anchor_block].text == "Joint guidance"
    assert notes["2"].text == "To be aligned with guidance on NBSAPs,\nin coordination with MEA secretariats."
    assert notes["3"].anchor_block is None
    assert [d.code for d in markdown_doc.diagnostics] == ["lost_note_reference"]
    assert "[^" not in "".join(p.text for p in markdown_doc.iter_paragraphs())


def test_text_libreoffice_text_is_one_paragraph_a_line(tmp_path):
    path = tmp_path / "lo.txt"
    path.write_text(LIBREOFFICE, encoding="utf-8")
    doc = parse_text(path)
    assert doc.properties["dialect"] == "plain"
    assert [(p.list_label, p.text) for p in doc.iter_paragraphs()] == [
        (None, "Issue Management Group on Human Rights and the Environment"), (None, "Draft Workplan"),
        (None, "Co-Chairs:"), ("\u2022", "OHCHR"), ("\u2022", "UNDP"),
        (None, "1) Joint and integrated policy"), (None, "Proposed output"), (None, "Indicative timeline")]
    assert [p.source_ref for p in doc.iter_paragraphs()][3] == "paragraph 4 (line 5)"


@pytest.mark.parametrize("text,dialect", [
    ("Title\n\tcell\n", "tika"),
    ("# Heading\n\tindented code\n", "markdown"),
    ("# Heading\nText[footnoteRef:1] [1:  n]\n", "tika"),
    ("a | b\n--- | ---\n1 | 2\n", "markdown"),
    ("Just text\n#hashtag is not a heading\n", "plain"),
])
def test_text_dialect_is_told_from_the_content(text, dialect):
    assert detect_dialect(text) == dialect
