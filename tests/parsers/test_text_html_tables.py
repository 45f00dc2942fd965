"""HTML tables and notes inside Markdown (parsers/text/html.py), as pandoc's gfm
writer and GitHub exports write them."""

from __future__ import annotations

from parsers.model import Paragraph, Table
from parsers.text import parse_text

PLAN = """# Work plan 2025

Agreed by the members[^a].

<table>
<thead>
<tr class="header">
<th>Output</th>
<th>Activities<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a></th>
<th>Lead</th>
</tr>
</thead>
<tbody>
<tr><td colspan="3"><strong>A. Programmatic issues</strong></td></tr>
<tr>
<td rowspan="2"><strong>Shared data</strong></td>
<td><p><strong>1. Registries:</strong></p>
<ol type="a" start="3">
<li><p>Map the national registries of<br />
chemicals;</p></li>
<li><p>Publish the map</p>
<ul><li>online</li></ul></li>
</ol></td>
<td>UNEP</td>
</tr>
<tr><td>Train customs officers</td><td>UNITAR &amp; WCO</td></tr>
</tbody>
</table>

[^a]: At the spring meeting.

<section class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1" role="doc-endnote"><p>Activities are indicative.<a
href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
"""


def test_html_table_in_markdown_is_a_table_with_spans_lists_and_notes(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    doc = parse_text(path)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.n_cols == 3 and [r.is_header for r in table.rows] == [True, False, False, False]
    cells = {(c.row, c.col): c for c in table.cells}
    assert cells[(1, 0)].col_span == 3 and cells[(1, 0)].text == "A. Programmatic issues"
    assert cells[(2, 0)].row_span == 2
    # the row below the rowspan starts in the second column
    assert (cells[(3, 1)].text, cells[(3, 2)].text) == ("Train customs officers", "UNITAR & WCO")
    paras = cells[(2, 1)].paragraphs
    assert [(p.list_label, p.list_level, p.text) for p in paras] == [
        (None, None, "1. Registries:"),
        ("c.", 0, "Map the national registries of\nchemicals;"),
        ("d.", 0, "Publish the map"),
        ("•", 1, "online")]
    header = cells[(0, 1)].paragraphs[0]
    assert header.text == "Activities" and [r.note_id for r in header.note_refs] == ["1"]
    notes = {n.note_id: n for n in doc.notes}
    assert notes["1"].text == "Activities are indicative."
    assert notes["1"].anchor_block == header.block_id
    assert notes["a"].text == "At the spring meeting."
    # no tag reaches the text of any paragraph
    assert not any("<" in b.text for b in doc.blocks if isinstance(b, Paragraph))


def test_broken_html_table_never_crashes_and_keeps_its_text(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("# Plan\n\n<table><tr><td colspan='x'>Map registries<td rowspan=99999>UNEP\n\nAfter\n",
                    encoding="utf-8")
    doc = parse_text(path)
    texts = [c.text for b in doc.blocks if isinstance(b, Table) for c in b.cells]
    assert "Map registries" in texts and "UNEP" in texts
    assert any(isinstance(b, Paragraph) and b.text == "After" for b in doc.blocks)
