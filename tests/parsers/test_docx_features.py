"""parse_docx on small generated packages, one WordprocessingML feature at a time.

`make_docx` writes a package by hand (zipfile) so each test states the exact XML it
feeds the parser: python-docx cannot author tracked changes, fields or text boxes.
"""

from __future__ import annotations

import zipfile

import pytest

from parsers.docx import parse_docx
from parsers.model import Paragraph, Table

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
DECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PARTS = {  # part name -> (root element, relationship type)
    "styles": ("w:styles", REL + "styles"),
    "footnotes": ("w:footnotes", REL + "footnotes"),
    "comments": ("w:comments", REL + "comments"),
    "commentsExtended": ("w15:commentsEx", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"),
}


def write_docx(path, body: str, **parts: str):
    """A .docx at `path` whose w:body holds `body`; `parts` gives inner XML of side parts."""
    rels = "".join(f'<Relationship Id="rId{i}" Type="{PARTS[k][1]}" Target="{k}.xml"/>'
                   for i, k in enumerate(parts, start=1))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f"{rels}</Relationships>")
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {DECL}><w:body>{body}</w:body></w:document>')
        for name, inner in parts.items():
            root = PARTS[name][0]
            z.writestr(f"word/{name}.xml", f'<?xml version="1.0"?><{root} {DECL}>{inner}</{root}>')
    return path


@pytest.fixture
def make_docx(tmp_path):
    counter = iter(range(1000))

    def make(body: str, **parts: str):
        return parse_docx(write_docx(tmp_path / f"t{next(counter)}.docx", body, **parts))
    return make


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(content)}</w:p>"


def test_docx_tracked_changes_text_and_records(make_docx):
    doc = make_docx(para(
        run("Keep "),
        '<w:ins w:id="1" w:author="Ann" w:date="2021-05-04T10:00:00Z">' + run("added ") + "</w:ins>",
        '<w:del w:id="2" w:author="Bob"><w:r><w:delText>gone </w:delText></w:r></w:del>',
        '<w:moveFrom w:id="3" w:author="Cy">' + run("moved ") + "</w:moveFrom>",
        run("end"),
        '<w:moveTo w:id="4" w:author="Cy">' + run(" moved") + "</w:moveTo>",
        ppr='<w:pPr><w:rPr><w:del w:id="5" w:author="Dee"/></w:rPr></w:pPr>',
    ))
    p = doc.blocks[0]
    assert p.text == "Keep added end moved"
    kinds = [(c.kind, c.text, c.author) for c in doc.changes]
    assert kinds == [("delete", "", "Dee"), ("insert", "added ", "Ann"), ("delete", "gone ", "Bob"),
                     ("move_from", "moved ", "Cy"), ("move_to", " moved", "Cy")]
    assert {c.block_id for c in doc.changes} == {p.block_id}
    assert doc.changes[1].date == "2021-05-04T10:00:00Z"


def test_docx_fields_keep_result_drop_instructions(make_docx):
    def fld(kind):
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'
    doc = make_docx(
        para(run("Page "), fld("begin"), '<w:r><w:instrText> PAGE </w:instrText></w:r>',
             fld("separate"), run("7"), fld("end"), run(" of "),
             '<w:fldSimple w:instr=" NUMPAGES ">' + run("9") + "</w:fldSimple>")
        + para(run("A"), fld("begin"), '<w:r><w:instrText>IF </w:instrText></w:r>', fld("begin"),
               '<w:r><w:instrText>DATE</w:instrText></w:r>', fld("separate"), run("hidden"),
               fld("end"), fld("separate"), run("B"), fld("end"), run("C"))
        + para(run("x"), fld("begin"), '<w:r><w:instrText>XE "entry"</w:instrText></w:r>',
               fld("end"), run("y"))
        + para(run("next"), fld("begin"), '<w:r><w:instrText>broken</w:instrText></w:r>')
        + para(run("still visible")))
    assert [b.text for b in doc.blocks] == ["Page 7 of 9", "ABC", "xy", "next", "still visible"]


def test_docx_special_characters(make_docx):
    doc = make_docx(para(
        run("a"), "<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/></w:r>",
        '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Arial" w:char="F041"/>'
        '<w:sym w:font="Arial" w:char="2013"/><w:noBreakHyphen/><w:softHyphen/><w:t>z</w:t></w:r>',
        '<w:hyperlink r:id="rId9">' + run("link") + "</w:hyperlink>",
        '<w:smartTag w:element="place">' + run(" tag") + "</w:smartTag>",
        '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' + run(" ctl") + "</w:sdtContent></w:sdt>",
    ))
    assert doc.blocks[0].text == "a\tb\nc\n\uf0b7A\u2013-zlink tag ctl"


def test_docx_grid_spans_merges_and_offsets(make_docx):
    def tc(text, tcpr=""):
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(run(text))}</w:tc>"
    body = ("<w:tbl><w:tblGrid/>"
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + tc("A", '<w:gridSpan w:val="2"/>') + tc("B", '<w:vMerge w:val="restart"/>') + "</w:tr>"
            "<w:tr>" + tc("C") + tc("D") + tc("", "<w:vMerge/>") + "</w:tr>"
            '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("E") + tc("", '<w:vMerge w:val="continue"/>') + "</w:tr>"
            '<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>' + tc("F") + "</w:tr>"
            "</w:tbl>")
    table = make_docx(body).blocks[0]
    assert isinstance(table, Table) and table.n_cols == 3
    assert [r.is_header for r in table.rows] == [True, False, False, False]
    cells = {(c.row, c.col): c for c in table.cells}
    assert cells[(0, 0)].col_span == 2 and cells[(0, 2)].row_span == 3
    assert cells[(1, 2)].merged and cells[(2, 2)].merged
    assert cells[(2, 1)].text == "E" and cells[(2, 1)].source_ref == "table 1, row 3, col 2"
    assert sum(1 for _ in table.cells) == 8
    grid = table.grid
    assert grid[2][0] is None and grid[2][2] is cells[(0, 2)] and grid[0][1] is cells[(0, 0)]
    assert grid[3] == [cells[(3, 0)], None, None]


def test_docx_cell_shading_is_the_cell_fill(make_docx):
    # Word writes a plain fill as pattern "clear" with w:fill; "solid" paints w:color;
    # auto, white, "nil" and theme-only fills are no colour a reader could see as a bar
    def tc(shd):
        return f"<w:tc><w:tcPr>{shd}</w:tcPr>{para(run('x'))}</w:tc>"
    shadings = ['<w:shd w:val="clear" w:color="auto" w:fill="2e75b6"/>',
                '<w:shd w:val="solid" w:color="C00000" w:fill="FFFFFF"/>',
                '<w:shd w:val="clear" w:color="auto" w:fill="auto"/>',
                '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>',
                '<w:shd w:val="nil"/>',
                '<w:shd w:val="clear" w:themeFill="accent1"/>',
                '']
    table = make_docx("<w:tbl><w:tblGrid/><w:tr>" + "".join(tc(s) for s in shadings) + "</w:tr></w:tbl>").blocks[0]
    assert [c.fill for c in table.cells] == ["2E75B6", "C00000", None, None, None, None, None]


def test_docx_nested_table_ids_and_refs(make_docx):
    inner = "<w:tbl><w:tr><w:tc>" + para(run("inner")) + "</w:tc></w:tr></w:tbl>"
    body = (para(run("before"))
            + "<w:tbl><w:tr><w:tc>" + para(run("outer")) + inner + para(run("after inner"))
            + "</w:tc><w:tc>" + para(run("right")) + "</w:tc></w:tr></w:tbl>"
            + "<w:tbl><w:tr><w:tc>" + para(run("second")) + "</w:tc></w:tr></w:tbl>"
            + para(run("end")))
    doc = make_docx(body)
    blocks = list(doc.iter_blocks())
    assert [b.block_id for b in blocks] == list(range(1, len(blocks) + 1))
    refs = [(b.source_ref, getattr(b, "text", None)) for b in blocks]
    assert refs == [
        ("paragraph 1", "before"), ("table 1", None),
        ("table 1, row 1, col 1, paragraph 1", "outer"), ("table 2", None),
        ("table 2, row 1, col 1, paragraph 1", "inner"),
        ("table 1, row 1, col 1, paragraph 2", "after inner"),
        ("table 1, row 1, col 2, paragraph 1", "right"), ("table 3", None),
        ("table 3, row 1, col 1, paragraph 1", "second"), ("paragraph 2", "end")]
    assert [t.index for t in doc.iter_tables()] == [1, 2, 3]


def test_docx_tables_inside_content_controls(make_docx):
    row = "<w:tr><w:tc>" + para(run("r")) + "</w:tc></w:tr>"
    body = ("<w:sdt><w:sdtContent><w:tbl>" + row
            + "<w:sdt><w:sdtContent>" + row + "</w:sdtContent></w:sdt>"
            + "<w:tr><w:sdt><w:sdtContent><w:tc>" + para(run("c")) + "</w:tc></w:sdtContent></w:sdt></w:tr>"
            + "</w:tbl></w:sdtContent></w:sdt>")
    table = make_docx(body).blocks[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.cells] == ["r", "r", "c"]


def test_docx_text_box_read_once_after_anchor(make_docx):
    box = "<w:txbxContent>" + para(run("boxed")) + "<w:tbl><w:tr><w:tc>" + para(run("cell")) + "</w:tc></w:tr></w:tbl></w:txbxContent>"
    body = (para(run("anchor "),
                 "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
                 f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                 f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
                 "</mc:AlternateContent></w:r>", run("text"))
            + para(run("next")))
    doc = make_docx(body)
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in doc.blocks]
    assert kinds == [("Paragraph", "anchor text"), ("Paragraph", "boxed"), ("Table", ""), ("Paragraph", "next")]
    assert sum(1 for _ in doc.iter_tables()) == 1


COMMENTS = (
    '<w:comment w:id="0" w:author="Gita Parihar [HOTMAIL]" w:initials="GP" w:date="2021-05-04T14:12:00Z">'
    '<w:p w14:paraId="0000000A"><w:r><w:annotationRef/></w:r>' + run("First line") + "</w:p>"
    '<w:p w14:paraId="0000000B">' + run("second line") + "</w:p></w:comment>"
    '<w:comment w:id="1" w:author="Reply Person"><w:p w14:paraId="0000000C">' + run("I agree") + "</w:p></w:comment>"
    '<w:comment w:id="2" w:author="Point"><w:p w14:paraId="0000000D">' + run("here") + "</w:p></w:comment>")
COMMENTS_EX = ('<w15:commentEx w15:paraId="0000000B" w15:done="0"/>'
               '<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000B" w15:done="0"/>'
               '<w15:commentEx w15:paraId="0000000D" w15:done="0"/>')


def test_docx_comments_ranges_replies_and_points(make_docx):
    ref = '<w:r><w:commentReference w:id="{}"/></w:r>'
    body = (para(run("Intro "), '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>',
                 run("commented"))
            + "<w:tbl><w:tr><w:tc>" + para(run("in cell"), '<w:commentRangeEnd w:id="0"/>',
                                            '<w:commentRangeEnd w:id="1"/>', ref.format(0), ref.format(1),
                                            run(" after")) + "</w:tc></w:tr></w:tbl>"
            + para(run("Point"), ref.format(2), run(" here")))
    doc = make_docx(body, comments=COMMENTS, commentsExtended=COMMENTS_EX)
    first, reply, point = doc.comments
    assert (first.author, first.initials, first.date) == ("Gita Parihar [HOTMAIL]", "GP", "2021-05-04T14:12:00Z")
    assert first.text == "First line\nsecond line"
    assert first.anchor_text == "commented\nin cell" and first.anchor_block == doc.blocks[0].block_id
    assert reply.parent_id == "0" and first.parent_id is None and reply.anchor_text == "commented\nin cell"
    assert point.anchor_text is None and point.anchor_block == doc.blocks[2].block_id
    assert [p.text for p in doc.iter_paragraphs()] == ["Intro commented", "in cell after", "Point here"]


FOOTNOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + run(" Note one.") + "</w:p></w:footnote>"
    '<w:footnote w:id="2"><w:p>' + run("Never cited") + "</w:p></w:footnote>")


def test_docx_footnote_anchor_and_offsets(make_docx):
    body = para(run("First sentence. Second part"),
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
                run(" goes on."), '<w:r><w:footnoteReference w:id="7"/></w:r>')
    doc = make_docx(body, footnotes=FOOTNOTES)
    p = doc.blocks[0]
    assert p.text == "First sentence. Second part goes on."
    assert [(r.note_id, r.offset) for r in p.note_refs] == [("1", 27), ("7", 36)]
    one, two = doc.notes
    assert (one.note_id, one.text, one.anchor_block, one.anchor_offset) == ("1", "Note one.", p.block_id, 27)
    assert one.anchor_text == "Second part"
    assert two.anchor_block is None
    codes = sorted(d.code for d in doc.diagnostics)
    assert codes == ["lost_note_reference", "unresolved_note"]


STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My Head"/><w:basedOn w:val="Heading2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>')


def test_docx_styles_headings_and_bold(make_docx):
    def styled(sid, *runs, extra=""):
        return para(*runs, ppr=f'<w:pPr><w:pStyle w:val="{sid}"/>{extra}</w:pPr>')
    doc = make_docx(
        styled("MyHead", run("Inherited"))
        + styled("Title", run("The title"))
        + styled("Normal", run("Outlined"), extra='<w:outlineLvl w:val="0"/>')
        + para(run("Bold", "<w:rPr><w:b/></w:rPr>"), run(" "), run("strong", '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>'))
        + para(run("Half", "<w:rPr><w:b/></w:rPr>"), run(" plain"))
        + styled("MyHead", run("not bold", '<w:rPr><w:b w:val="0"/></w:rPr>'))
        + para(), styles=STYLES)
    got = [(p.style, p.heading_level, p.bold) for p in doc.blocks]
    assert got == [("My Head", 2, True), ("Title", 1, False), ("Normal", 1, False), ("Normal", None, True),
                   ("Normal", None, False), ("My Head", 2, False), ("Normal", None, False)]


def test_docx_built_with_python_docx(tmp_path):
    import docx
    d = docx.Document()
    d.core_properties.title = "Workplan 2021"
    d.add_heading("Focus area", level=1)
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 2).text = "merged down"
    d.add_paragraph("Item", style="List Number")
    path = tmp_path / "pd.docx"
    d.save(path)
    doc = parse_docx(path)
    assert doc.title == "Workplan 2021"
    heading, table_, item = doc.blocks
    assert (heading.style, heading.heading_level, heading.text) == ("Heading 1", 1, "Focus area")
    assert isinstance(item, Paragraph) and item.style == "List Number"
    origin = table_.grid[2][2]
    assert origin.text == "merged down" and origin.row_span == 2 and table_.grid[0][1].col_span == 2


def test_docx_build_makes_the_same_model_objects():
    from parsers.docx.oxml import _FAST_FIELDS, build
    from parsers.model import Cell
    values = dict(block_id=1, text="x", source_ref="paragraph 1", style="Normal", heading_level=None,
                  list_label=None, list_level=None, list_kind=None, note_refs=(), bold=False)
    fast, slow = build(Paragraph, **values), Paragraph(**values)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert set(_FAST_FIELDS) == {Paragraph, Cell, __import__("parsers.model").model.Row}
    partial = build(Cell, row=0, col=0, blocks=(), source_ref="c")  # falls back to __init__
    assert partial == Cell(0, 0, (), "c")
