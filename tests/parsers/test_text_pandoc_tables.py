"""Pandoc's simple, multiline and grid tables in plain and Markdown exports
(parsers/text/pandoc_tables.py), pandoc plain notes and wrapped paragraphs
(parsers/text/pandoc_plain.py). Inputs: tests/parsers/texts/ (README.md there)."""

from pathlib import Path

import pytest

from parsers.model import Paragraph, Table
from parsers.text import parse_text

TEXTS = Path(__file__).resolve().parent / "texts"


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _grid_texts(table: Table) -> list[list[str]]:
    return [[(c.text if c else "") for c in row] for row in table.grid]


def _ids_in_order(doc) -> list[int]:
    ids = []
    for b in doc.blocks:
        ids.append(b.block_id)
        if isinstance(b, Table):
            ids += [p.block_id for c in b.cells for p in c.blocks]
    return ids


@pytest.mark.parametrize("name", ["plan-fr.pandoc-plain.txt", "plan-fr.pandoc-plain-nowrap.txt",
                                  "plan-fr.pandoc.md"])
def test_plan_fr_tables_same_grid_in_every_export(name):
    doc = parse_text(TEXTS / name)
    assert doc.properties["dialect"] == ("markdown" if name.endswith(".md") else "plain")
    outputs, gantt, annex = _tables(doc)
    # multiline table: wrapped cells joined, empty cells kept, header row marked
    assert _grid_texts(outputs) == [
        ["Produit et activités", "Calendrier", "Responsable"],
        ["Note d'orientation sur les CDN", "", ""],
        ["Première ébauche", "d'ici mi-mars", "Chef de file"],
        ["Consultation des équipes de pays", "avril - mai 2022", "PNUD et HCDH (à confirmer)"],
        ["Version finale", "à déterminer", "Chef de file + groupe de travail"],
    ]
    assert [r.is_header for r in outputs.rows] == [True, False, False, False, False]
    # grid table: "2022" spans the four quarter columns
    year = gantt.rows[0].cells[1]
    assert (year.text, year.col, year.col_span) == ("2022", 1, 4)
    assert _grid_texts(gantt)[0] == ["Activités possibles"] + ["2022"] * 4
    assert _grid_texts(gantt)[2] == ["Webinaire sur le droit à un environnement sain", "", "X", "X", ""]
    assert _grid_texts(annex) == [["T1 2022", "UNEA-5.2, CDH 49"],
                                  ["T3 2022", "Forum politique de haut niveau"]]
    # no table text leaks into paragraphs; blocks keep reading order and unique ids
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert not any("---" in t or "+==" in t or "|" in t for t in paras)
    assert paras.index("Chef de file : HCDH") < len(paras)
    ids = _ids_in_order(doc)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert outputs.rows[2].cells[1].source_ref.startswith("table 1, row 3, col 2 (line ")


def test_grid_cell_paragraphs_and_spanning_row_in_markdown():
    doc = parse_text(TEXTS / "emg-excerpt.pandoc.md")
    (table,) = _tables(doc)
    assert table.n_cols == 3
    assert _grid_texts(table)[1] == ["A. Programmatic issues"] * 3  # bold markup dropped
    activities = table.rows[2].cells[1].paragraphs
    assert activities[0].text == "1. The Issue Management Group on Tackling E-waste:"
    assert activities[1].text.startswith("a)  List available options for facilitating knowledge")
    assert "\n" not in activities[1].text
    schedule = [p.text for p in table.rows[2].cells[2].paragraphs]
    assert schedule[:3] == ["Sept 17 -- Jan 18", "Oct 17", "Oct 17 -- Mar 18"]
    # the header's "[^1]" is a linked footnote
    (note,) = doc.notes
    header_activities = table.rows[0].cells[1].paragraphs[0]
    assert (note.anchor_block, note.anchor_offset) == (header_activities.block_id, len("Activities"))
    assert header_activities.text == "Activities"


def test_plain_notes_linked_and_wrapped_paragraphs_joined():
    doc = parse_text(TEXTS / "img-hre.pandoc-plain.txt")
    tables = _tables(doc)
    assert [(len(t.rows), t.n_cols) for t in tables] == [(7, 3), (19, 3), (10, 3), (5, 7), (6, 2)]
    first = tables[0]
    ndc = first.rows[2].cells[0].paragraphs[0]
    assert ndc.text == ("Joint guidance for UNCTs and national level agencies on integrating "
                        "human rights in NDCs")
    notes = {n.note_id: n for n in doc.notes}
    assert notes["1"].anchor_block == ndc.block_id and notes["1"].anchor_offset == len(ndc.text)
    assert notes["1"].text == ("To be aligned with guidance on NBSAPs below, in coordination "
                               "with the relevant MEA secretariats")
    assert notes["2"].anchor_block == first.rows[3].cells[0].paragraphs[0].block_id
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert not any(t.startswith("[1]") for t in texts)
    assert any(t.startswith("Contributing Agencies: UN Women, UNDP, Secretariat of the Minamata "
                            "Convention on Mercury,") for t in texts)
    # a grid cell's blank-separated paragraphs stay apart; a row span is read
    timeline = [p.text for p in tables[1].rows[4].cells[1].paragraphs]
    assert timeline == ["By 15 July", "N.B. 31 May - 17 June 2021:", "UNFCCC virtual meeting"]
    gantt = tables[3]
    assert gantt.rows[0].cells[0].row_span == 2 and gantt.grid[1][0] is gantt.rows[0].cells[0]
    assert [r.is_header for r in gantt.rows] == [True, True, False, False, False]
    assert _grid_texts(gantt)[3][5:] == ["1st, 2nd and 3rd"] * 2
    # bullets stay list items
    assert any(b.list_label == "-" and b.text.startswith("In close coordination")
               for b in doc.blocks if isinstance(b, Paragraph))


SIMPLE = """Table des activités

  Activité      Période
  ------------- ---------
  Webinaire     T2 2022
  Formation     T4 2022

Texte après le tableau.

-------- ---------
Atelier  mars 2023
Rapport  mai 2023
-------- ---------
"""


def test_simple_tables_with_and_without_header(tmp_path):
    path = tmp_path / "simple.txt"
    path.write_text(SIMPLE, encoding="utf-8")
    doc = parse_text(path)
    with_header, headerless = _tables(doc)
    assert _grid_texts(with_header) == [["Activité", "Période"], ["Webinaire", "T2 2022"],
                                        ["Formation", "T4 2022"]]
    assert with_header.rows[0].is_header and not headerless.rows[0].is_header
    assert _grid_texts(headerless) == [["Atelier", "mars 2023"], ["Rapport", "mai 2023"]]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        "Table des activités", "Texte après le tableau."]


PROSE = """Introduction
------------

- une puce
- une autre puce

- - -

Un paragraphe
----- -----
qui continue ici.

+ pas une grille
| pas non plus |

+-----+-----+
| cassé     |
"""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_no_false_tables_from_prose_rules_or_lists(tmp_path, suffix):
    path = tmp_path / f"prose{suffix}"
    path.write_text(PROSE, encoding="utf-8")
    doc = parse_text(path)
    assert _tables(doc) == []
    assert any("une puce" in b.text for b in doc.blocks)
    assert any("cassé" in b.text for b in doc.blocks)


def test_bracketed_numbers_without_trailing_notes_stay_text(tmp_path):
    path = tmp_path / "brackets.txt"
    path.write_text("Voir [1] ci-dessous.\n\n[1] Une note\n\nMais du texte suit.\n",
                    encoding="utf-8")
    doc = parse_text(path)
    assert doc.notes == ()
    assert doc.blocks[0].text == "Voir [1] ci-dessous."
