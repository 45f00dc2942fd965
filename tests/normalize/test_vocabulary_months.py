"""Month names (issue 9): Gantt headers know the months of data/timewords.json in
every language, so a Spanish "Dic | Ene" rolls into the next year as "Dec | Jan" does."""

from __future__ import annotations

import docx
import pytest

import parsers
from normalize.pipeline import normalize_document


def _gantt(tmp_path, months: list[str]) -> list[tuple]:
    """A two-year Gantt header ("2023" over three months, "2024" over three) read end to end."""
    d = docx.Document()
    d.add_paragraph("Plan de trabajo 2023")
    rows = [["Actividad", "Responsable", "", "", "", "", "", ""], ["", "", *months],
            ["Taller regional", "PNUD", "", "", "X", "X", "", ""],
            ["Informe anual", "CEPAL", "", "", "", "X", "", ""]]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(0, 2).merge(table.cell(0, 4)).text = "2023"
    table.cell(0, 5).merge(table.cell(0, 7)).text = "2024"
    path = tmp_path / "gantt.docx"
    d.save(path)
    records, _ = normalize_document(parsers.parse(path), "doc")
    text = {a.activity_id: a.text for a in records.tables["activities"]}
    return sorted((text[t.subject_id], t.start, t.end) for t in records.tables["timelines"])


@pytest.mark.parametrize("months", [["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"],
                                    ["Oct", "Nov", "Dic", "Ene", "Feb", "Mar"],
                                    ["oct.", "nov.", "déc.", "janv.", "févr.", "mars"]])
def test_gantt_months_roll_into_the_next_year_in_every_language(tmp_path, months):
    assert _gantt(tmp_path, months) == [("Informe anual", "2024-01-01", "2024-01-31"),
                                        ("Taller regional", "2023-12-01", "2024-01-31")]
