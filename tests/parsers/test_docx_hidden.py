"""What Word does not show is not content: runs with w:vanish (set on the run, through
its character style, its paragraph style or the document defaults) and the header and
footer parts."""

from __future__ import annotations

import zipfile

import docx
import pytest

from parsers.docx import parse_docx
from parsers.model import Table

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr>{default}</w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="HiddenNote"><w:name w:val="Hidden Note"/>
  <w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="HiddenChild"><w:name w:val="Hidden Child"/>
  <w:basedOn w:val="HiddenNote"/></w:style>
<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Shown"><w:name w:val="Shown"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
"""


def write_docx(path, body: str, default: str = "", footnotes: str | None = None):
    """A .docx whose w:body holds `body`, with the styles above (and footnotes)."""
    parts = {"styles": f"<w:styles xmlns:w=\"{W_NS}\">{STYLES.format(default=default)}</w:styles>"}
    if footnotes is not None:
        parts["footnotes"] = f"<w:footnotes xmlns:w=\"{W_NS}\">{footnotes}</w:footnotes>"
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}{k}" Target="{k}.xml"/>'
                   for i, k in enumerate(parts, 1))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG_RELS}">'
                   f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
                   "</Relationships>")
        z.writestr("word/_rels/document.xml.rels",
                   f'<?xml version="1.0"?><Relationships xmlns="{PKG_RELS}">{rels}</Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}">'
                   f"<w:body>{body}</w:body></w:document>")
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", '<?xml version="1.0"?>' + xml)
    return path


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


@pytest.fixture
def make(tmp_path):
    counter = iter(range(1000))

    def make_doc(body: str, **kw):
        return parse_docx(write_docx(tmp_path / f"h{next(counter)}.docx", body, **kw))
    return make_doc


def texts(doc) -> list[str]:
    return [p.text for p in doc.iter_paragraphs()]


def test_docx_vanish_on_the_run(make):
    doc = make(para(run("Draft the survey"), run(" (internal: ask JD)", "<w:vanish/>"), run(" by May")))
    assert texts(doc) == ["Draft the survey by May"]


def test_docx_vanish_false_and_off_values_show(make):
    doc = make(para(run("a", '<w:vanish w:val="0"/>'), run("b", '<w:vanish w:val="false"/>'),
                    run("c", '<w:vanish w:val="true"/>')))
    assert texts(doc) == ["ab"]


def test_docx_vanish_through_character_style(make):
    doc = make(para(run("Shown "), run("secret ", '<w:rStyle w:val="Secret"/>'),
                    run("strong", '<w:rStyle w:val="Strong"/>')))
    assert texts(doc) == ["Shown strong"]


def test_docx_vanish_through_paragraph_style_and_overrides(make):
    doc = make(
        para(run("all hidden"), style="HiddenNote")
        + para(run("hidden by inheritance"), style="HiddenChild")
        + para(run("hidden "), run("shown by the run", '<w:vanish w:val="0"/>'),
               run(" and by its style", '<w:rStyle w:val="Shown"/>'), style="HiddenNote")
        + para(run("Body text"))
    )
    assert texts(doc) == ["", "", "shown by the run and by its style", "Body text"]


def test_docx_vanish_from_document_defaults(make):
    doc = make(para(run("hidden by default"), run("visible", '<w:vanish w:val="0"/>')),
               default="<w:vanish/>")
    assert texts(doc) == ["visible"]


def test_docx_vanish_in_table_cells_and_breaks(make):
    cell = ('<w:tc><w:p>' + run("Q3 2021") + '<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>old date</w:t>'
            '<w:br/></w:r></w:p></w:tc>')
    doc = make(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>")
    (table,) = doc.blocks
    assert isinstance(table, Table) and table.rows[0].cells[0].text == "Q3 2021"


def test_docx_vanish_hides_a_note_reference(make):
    notes = ('<w:footnote w:id="1"><w:p>' + run("Visible note.") + "</w:p></w:footnote>"
             '<w:footnote w:id="2"><w:p>' + run("Hidden note.") + "</w:p></w:footnote>")
    doc = make(para(run("Cited"), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(" text"),
                    '<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="2"/></w:r>'),
               footnotes=notes)
    (p,) = doc.blocks
    assert p.text == "Cited text"
    assert [(r.note_id, r.offset) for r in p.note_refs] == [("1", 5)]


def test_docx_bold_ignores_hidden_runs(make):
    doc = make(para(run("Heading", "<w:b/>"), run(" (draft)", "<w:vanish/>")))
    (p,) = doc.blocks
    assert p.text == "Heading" and p.bold


def test_docx_headers_and_footers_are_no_blocks(tmp_path):
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "HEADER: Draft workplan v3"
    header_table = section.header.add_table(rows=1, cols=2, width=docx.shared.Cm(10))
    header_table.cell(0, 0).text = "HEADER CELL"
    section.footer.paragraphs[0].text = "FOOTER: page 1"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "FIRST PAGE HEADER"
    d.add_paragraph("Body paragraph")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Output"
    table.cell(0, 1).text = "Q3 2021"
    path = tmp_path / "headers.docx"
    d.save(path)
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("word/header") for n in z.namelist())
        assert any(n.startswith("word/footer") for n in z.namelist())
    doc = parse_docx(path)
    assert [t for t in texts(doc) if t] == ["Body paragraph", "Output", "Q3 2021"]
    assert len(list(doc.iter_tables())) == 1
    assert not any("HEADER" in t or "FOOTER" in t for t in texts(doc))
