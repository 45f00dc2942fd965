""".csv / .tsv exports read by the spreadsheet layout (parsers.xlsx.delimited): the
dialect sniffed, the encoding decoded as text exports are, quoted multi-line cells
kept whole, --max-rows applied."""

from __future__ import annotations

import pytest

import parsers
from parsers.limits import Limits
from parsers.model import Paragraph, Table

ROWS = [["Activity", "Lead", "Timeline"],
        ["Draft the guidance", "UNDP, OHCHR", "Q3 2021"],
        ["Review \"Phase 1\" results", "UNEP", "By 15 July"]]


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def table_rows(doc) -> list[list[str]]:
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_dialect_is_sniffed(tmp_path, delimiter):
    def quote(v):
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in (delimiter, '"', ",")) else v

    text = "\r\n".join(delimiter.join(quote(v) for v in row) for row in ROWS) + "\r\n"
    doc = parsers.parse(write(tmp_path, "plan.csv", text))
    assert doc.format == "csv"
    assert table_rows(doc) == ROWS


def test_tsv_is_tab_separated_and_quoted_multiline_cells_stay_whole(tmp_path):
    text = 'Activity\tLead\n"Draft the outline\nReview it with the task team"\tOHCHR\nHold the workshop\tUNEP\n'
    doc = parsers.parse(write(tmp_path, "plan.tsv", text))
    rows = table_rows(doc)
    assert rows[1] == ["Draft the outline\nReview it with the task team", "OHCHR"]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cell = table.rows[1].cells[0]
    assert [p.text for p in cell.paragraphs] == ["Draft the outline", "Review it with the task team"]
    assert cell.source_ref == "row 2, col A" and table.rows[2].source_ref == "row 3"


def test_legacy_code_page_is_guessed_and_noted(tmp_path):
    text = "Activité;Responsable;Calendrier\nÉlaborer la note d'orientation;PNUD;d'ici mi-mars\n"
    doc = parsers.parse(write(tmp_path, "plan.csv", text * 3, encoding="cp1252"))
    assert table_rows(doc)[1] == ["Élaborer la note d'orientation", "PNUD", "d'ici mi-mars"]
    assert [d.code for d in doc.diagnostics] == ["encoding_guess"]


def test_utf8_bom_title_block_and_margin(tmp_path):
    text = ("\ufeffJoint Work Plan 2025,,,,\n,,,,\nActivity,Lead,Q1,,\nMap the registries,UNICEF,X,,Approved\n"
            "Train social workers,ILO,,,\n")
    doc = parsers.parse(write(tmp_path, "plan.csv", text))
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["Joint Work Plan 2025", "Approved"]
    assert table_rows(doc) == [["Activity", "Lead", "Q1"], ["Map the registries", "UNICEF", "X"],
                               ["Train social workers", "ILO"]]
    assert not doc.diagnostics


def test_max_rows_counts_the_rest_without_keeping_it(tmp_path):
    text = "Activity,Lead\n" + "".join(f"Task {n},UNDP\n" for n in range(1, 501))
    doc = parsers.parse(write(tmp_path, "long.csv", text), Limits(max_rows=100))
    assert len(table_rows(doc)) == 100
    (warning,) = doc.diagnostics
    assert warning.code == "rows_truncated" and "hold 501 rows" in warning.message
    assert warning.source_ref == "row 101"


def test_binary_named_csv_is_refused(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(parsers.IngestError):
        parsers.parse(path)
