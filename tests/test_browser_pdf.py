"""The shared plans printed to PDF by a browser from pandoc's HTML
(tests/documents/generated/*.chrome.pdf), scored against the shared hand-checked gold.

Made with pandoc 2.17.1.1 and Chromium 156.0.8078.114 (Debian 12) from
../shared/fixtures/<name>.docx:

    pandoc <name>.docx -s -t html -o <name>.html --metadata title=" "
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \\
      --disable-background-networking --disable-component-update --disable-sync \\
      --user-data-dir=<tmp> --no-pdf-header-footer --print-to-pdf=<name>.chrome.pdf file://<name>.html

The tables come out booktabs style (issue 10): a rule above the header, one under
it and one under the table, no column or row rules, cells wrapped over several
lines and centred vertically, the header repeated on each page the table runs
over. pandoc drops the reviewers' comments, so that table cannot score; its notes
become an endnote list at the end of the HTML, each closed by a "↩" back link,
and the browser prints the note marks as <sup> (a little smaller, well raised)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import score_with_shared_gold

GENERATED = Path(__file__).resolve().parent / "documents" / "generated"




# Before the booktabs reader (parsers/pdf/booktabs.py): EMG overall 0.104 (activities
# 0.221), IMG 0.201 (activities 0.408). With it: EMG 0.827, IMG 0.724 (the endnotes
# read as text). With the "↩" endnotes and browser superscripts read: EMG 1.000, IMG
# 0.875 (every table 1.000 but the comments pandoc drops).


@pytest.mark.parametrize("name", ["emg-workplan-2018", "img-hre-draft-workplan"])
def test_browser_printed_plan_scores_against_the_shared_gold(tmp_path, shared_dir, name):
    row = score_with_shared_gold(tmp_path, shared_dir, GENERATED / f"{name}.chrome.pdf", name)
    scores = {t: v.get("f1") for t, v in row["tables"].items()}
    for table in ("activities", "participants", "timelines", "sections", "notes"):
        assert scores[table] >= 0.95, scores
    assert row["fields"] >= 0.95, row["fields"]


def test_browser_printed_table_header_repeated_on_each_page_is_dropped_and_split_row_joined():
    from parsers.model import Table
    from parsers.pdf import parse_pdf

    doc = parse_pdf(GENERATED / "img-hre-draft-workplan.chrome.pdf")
    unccd = next(t for t in doc.blocks if isinstance(t, Table)
                 and any("relation to UNCCD" in c.text for c in t.rows[0].cells))
    texts = [[" ".join(c.text.split()) for c in row.cells] for row in unccd.rows]
    # its only label spans the header, so it is not bold in every column: still one header, not one per page
    assert sum("relation to UNCCD" in row[0] for row in texts) == 1
    # the row cut by the page break is one row again
    assert texts[1][0] == "Draft outline with key entry points and priorities developed"
    assert texts[1][2] == "Focus area lead (UNCCD and OHCHR others welcome to join)"
    assert texts[2][0] == "Review of draft outline and meeting of task team"


def test_browser_printed_cell_list_keeps_its_levels_over_the_page_break():
    from parsers.model import Table
    from parsers.pdf import parse_pdf

    doc = parse_pdf(GENERATED / "emg-workplan-2018.chrome.pdf")
    (table,) = [t for t in doc.blocks if isinstance(t, Table)]
    cell = next(c for row in table.rows for c in row.cells
                if any(p.text.startswith("IMG on Environmental Sustainability") for p in c.blocks))
    items = [(p.list_label, p.list_level) for p in cell.blocks if p.list_label]
    # "2. IMG on ..." heads items a. to j. on two pages; "3. Peer-Reviews ..." heads the next run
    assert items[:11] == [("2.", 0)] + [(f"{x}.", 1) for x in "abcdefghij"]
    assert items[11] == ("3.", 0)


def test_browser_printed_rows_with_an_empty_first_cell_are_rows():
    from parsers.model import Table
    from parsers.pdf import parse_pdf

    doc = parse_pdf(GENERATED / "emg-workplan-2018.chrome.pdf")
    (table,) = [t for t in doc.blocks if isinstance(t, Table)]
    texts = [[[(p.list_label or "") + p.text for p in c.blocks] for c in row.cells] for row in table.rows]
    som = next(r for r in texts if r[1] and r[1][0].startswith("2. Senior Officials"))
    # set off by the row's padding, not by the first column: its own row, with its own schedule
    assert som[0] == [] and len(som[1]) == 3 and som[2] == ["May 2018", "Sept 2018"]
    # the next such row runs over the page break: a. on page 9, b. and c. on page 10, one row
    reporting = texts[texts.index(som) + 1]
    assert reporting[1][0].startswith("3. Reporting") and [t[:2] for t in reporting[1][1:]] == ["a.", "b.", "c."]
    assert texts[-1] == reporting
