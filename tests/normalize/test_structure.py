"""Structure: sections and activities from the fixtures, in every format, and from
small generated documents of other layouts."""

from __future__ import annotations

import pytest

import parsers
from normalize.context import Context
from normalize.structure import step as structure
from normalize.structure.labels import Item, label_class, nest_items, split_label
from parsers.model import Cell, Document, Paragraph, Row, Table


def outline_of(path):
    doc = parsers.parse(path)
    ctx = Context(doc)
    structure.run(doc, ctx)
    return ctx.outline


def para(block_id, text, **kw):
    return Paragraph(block_id=block_id, text=text, source_ref=f"paragraph {block_id}", **kw)


@pytest.fixture(scope="module", params=["img-hre-draft-workplan.txt", "img-hre-draft-workplan.docx"])
def img_hre(request, shared_dir):
    folder = "seeds" if request.param.endswith(".txt") else "fixtures"
    return outline_of(shared_dir / folder / request.param)


@pytest.fixture(scope="module", params=["emg-workplan-2018.txt", "emg-workplan-2018.docx"])
def emg(request, shared_dir):
    folder = "seeds" if request.param.endswith(".txt") else "fixtures"
    return outline_of(shared_dir / folder / request.param)


def test_structure_focus_areas_and_annex(img_hre):
    got = [(s.label, s.kind, s.level) for s in img_hre.sections]
    assert got == [("1", "focus_area", 1), ("2", "focus_area", 1), ("3", "focus_area", 1),
                   ("ANNEX 1", "annex", 1)]
    assert img_hre.sections[3].title == "Indicative key events in 2021-2022"


def test_structure_activity_kinds_and_groups(img_hre):
    acts = img_hre.activities
    assert len(acts) == 47
    kinds = [a.kind for a in acts]
    assert kinds.count("indicative") == 10
    groups = [a for a in acts if a.text.startswith("Engagement strategy")]
    assert [g.kind for g in groups] == ["output"] * 3
    # each heading row groups the rows under it: 8, 8 and 9 activities
    assert [sum(1 for a in acts if a.parent_id == g.activity_id) for g in groups] == [8, 8, 9]


def test_structure_roles_of_sections_and_rows(img_hre):
    assert [(r.role, r.raw) for r in img_hre.doc_roles] == [("co_chair", "OHCHR"), ("co_chair", "UNDP"),
                                                            ("co_chair", "UNEP")]
    assert img_hre.sections[0].roles[0].role == "lead"
    first_output = next(a for a in img_hre.activities if a.kind == "output")
    assert first_output.timeline.raw == "August/throughout mandate"
    assert [(r.role, r.raw) for r in first_output.roles] == [("lead", "UNDP")]


def test_structure_gantt_rows_carry_period_headers(img_hre):
    gantt = [a for a in img_hre.activities if a.gantt]
    assert len(gantt) == 3
    headers = gantt[0].gantt.headers
    assert headers[0] == ["2021", "Q1"] and headers[-1] == ["2022", "Q2"]
    assert gantt[0].gantt.marks[2] == "X"


def test_structure_annex_event_rows(img_hre):
    assert [(e.raw_period, e.names_text) for e in img_hre.event_rows][:2] == [
        ("Q1 2021", "UNEA-5.1, HRC 46"), ("Q2 2021", "HRC 47")]


def test_structure_parts_accomplishments_and_positional_schedule(emg):
    assert [(s.label, s.kind, s.level) for s in emg.sections] == [
        ("A", "part", 1), (None, "accomplishment", 2), ("B", "part", 1), (None, "accomplishment", 2),
        (None, "accomplishment", 2), ("C", "part", 1), ("D", "part", 1)]
    acts = emg.activities
    assert len(acts) == 73
    first = acts[0]
    assert (first.label, first.kind, first.text) == ("1.", "output", "The Issue Management Group on Tackling E-waste:")
    assert [a.label for a in acts[1:11]] == [f"{c})" for c in "abcdefghij"]
    assert all(a.parent_id == first.activity_id for a in acts[1:11])
    assert acts[1].timeline.raw == "Sept 17 – Jan 18"
    assert acts[8].timeline.raw == "May 18 – onwards"
    # group rows get no date; the intro's numbered prose is not an activity
    assert first.timeline is None
    assert not any(a.text.startswith("This note presents") for a in acts)


def test_structure_continuation_line_joins_its_item(emg):
    a = emg.activities[1]
    assert a.text.endswith("current state of e-waste-related issues across countries;")


def _table(block_id, rows):
    n_cols = max(len(r) for r in rows)
    out, bid = [], block_id + 1
    for r, texts in enumerate(rows):
        cells = []
        for c, text in enumerate(texts):
            paras = []
            for line in text.split("\n"):
                paras.append(Paragraph(bid, line, f"table 1, row {r + 1}, col {c + 1}"))
                bid += 1
            cells.append(Cell(r, c, tuple(paras), f"table 1, row {r + 1}, col {c + 1}"))
        out.append(Row(r, tuple(cells), f"table 1, row {r + 1}"))
    return Table(block_id, 1, tuple(out), n_cols, "table 1")


def test_structure_positional_schedule_mismatch_pairs_nothing():
    table = _table(10, [["Activités", "Calendrier"],
                        ["1. Groupe:\na) Premier\nb) Deuxième\nc) Troisième", "janvier 2022\nmars 2022"]])
    doc = Document("x.txt", "txt", (para(1, "Domaines prioritaires"), para(2, "1) Premier domaine"),
                                    para(3, "Chef de file: PNUD"), table))
    ctx = Context(doc)
    records = structure.run(doc, ctx)
    acts = ctx.outline.activities
    assert [a.label for a in acts] == ["1.", "a)", "b)", "c)"]
    assert all(a.timeline is None for a in acts)
    assert [d.code for d in records.diagnostics] == ["schedule_mismatch"]
    assert ctx.outline.sections[0].roles[0].role == "lead"


def test_structure_spanish_table_by_header_words():
    table = _table(10, [["Actividad", "Calendario", "Responsable"],
                        ["Preparar el informe", "marzo de 2022", "PNUD"],
                        ["Taller regional", "Q2 2022", "ONU Mujeres"]])
    doc = Document("x.txt", "txt", (table,))
    ctx = Context(doc)
    structure.run(doc, ctx)
    acts = ctx.outline.activities
    assert [(a.kind, a.text, a.timeline.raw, a.roles[0].role) for a in acts] == [
        ("activity", "Preparar el informe", "marzo de 2022", "responsible"),
        ("activity", "Taller regional", "Q2 2022", "responsible")]


def test_structure_lettered_paragraphs_inside_a_section():
    doc = Document("x.txt", "txt", (
        para(1, "1. Introductory prose that is numbered but is not an activity."),
        para(2, "Focus Areas"), para(3, "1) Climate"), para(4, "Focus Area Lead: UNEP"),
        para(5, "a) Draft the guidance"), para(6, "b) Review the guidance")))
    ctx = Context(doc)
    structure.run(doc, ctx)
    assert [(a.label, a.kind, a.text) for a in ctx.outline.activities] == [
        ("a)", "activity", "Draft the guidance"), ("b)", "activity", "Review the guidance")]
    assert ctx.outline.activities[0].section_id == ctx.outline.sections[0].section_id


@pytest.mark.parametrize("text,label,body", [
    ("a) List available options", "a)", "List available options"),
    ("1.  The Issue Management Group", "1.", "The Issue Management Group"),
    ("(iv) Fourth", "(iv)", "Fourth"),
    ("A. Programmatic issues", "A.", "Programmatic issues"),
    ("2018 was a year", None, "2018 was a year"),
    ("e-waste issues", None, "e-waste issues"),
])
def test_labels_split_typed_label(text, label, body):
    got_label, got_body, bullet = split_label(para(1, text))
    assert (got_label, got_body, bullet) == (label, body, False)


def test_labels_word_generated_label_wins():
    p = para(1, "List available options", list_label="a)", list_level=0, list_kind="number")
    assert split_label(p) == ("a)", "List available options", False)


def test_labels_i_after_h_is_a_letter():
    assert label_class("i)", "h)") == "lower"
    assert label_class("ii)") == "roman"


def test_labels_nest_numbers_over_letters():
    items = [Item(lbl, "x", False, [para(n, "x")]) for n, lbl in enumerate(["1.", "a)", "b)", "2.", "a)"])]
    top = nest_items(items)
    assert [i.label for i in top] == ["1.", "2."]
    assert [len(i.children) for i in top] == [2, 1]


def test_structure_data_rows_are_not_taken_for_header_rows():
    # "a) Task 1" holds the word "task" and "Q3 2021" looks like a period header, yet
    # below the header only a row of period sub-headers may be header too.
    table = _table(10, [["Activity", "Timeline", "Lead"]] +
                   [[f"a) Task {i} support review", "Q3 2021", "UNEP"] for i in range(1, 6)])
    doc = Document("x.txt", "txt", (table,))
    ctx = Context(doc)
    structure.run(doc, ctx)
    assert len(ctx.outline.activities) == 5
