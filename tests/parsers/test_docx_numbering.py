"""Word list labels: parsers/docx/numbering.py on hand-built XML and on real files."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from parsers.docx.numbering import STRICT_NS, TRANSITIONAL_NS, ListLabel, NumberingResolver

W = TRANSITIONAL_NS
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


# -- small XML factories --------------------------------------------------------------

def lvl(ilvl, fmt="decimal", text=None, start=1, extra=""):
    """A w:lvl; text defaults to "%<ilvl+1>."; start=None leaves w:start out."""
    text = f"%{ilvl + 1}." if text is None else text
    start_el = "" if start is None else f'<w:start w:val="{start}"/>'
    fmt_el = "" if fmt is None else f'<w:numFmt w:val="{fmt}"/>'
    text_el = "" if text is False else f'<w:lvlText w:val="{text}"/>'
    return f'<w:lvl w:ilvl="{ilvl}">{start_el}{fmt_el}{extra}{text_el}</w:lvl>'


def abstract(aid, *levels, extra=""):
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid, aid, overrides=""):
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def start_override(ilvl, value):
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


def numbering(*parts, ns=W):
    xml = f'<w:numbering xmlns:w="{ns}" xmlns:mc="{MC}">{"".join(parts)}</w:numbering>'
    return etree.fromstring(xml)


def styles(*parts, ns=W):
    return etree.fromstring(f'<w:styles xmlns:w="{ns}">{"".join(parts)}</w:styles>')


def style(sid, num_id=None, ilvl=None, based_on=None, kind="paragraph", default=False):
    num_pr = ""
    if num_id is not None or ilvl is not None:
        num_pr = "<w:numPr>"
        num_pr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        num_pr += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        num_pr += "</w:numPr>"
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"{flag}>{base}'
            f"<w:pPr>{num_pr}</w:pPr></w:style>")


def para(num_id=None, ilvl=None, pstyle=None, ns=W, text="x"):
    ppr = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    if num_id is not None or ilvl is not None:
        ppr += "<w:numPr>"
        ppr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        ppr += "</w:numPr>"
    return etree.fromstring(
        f'<w:p xmlns:w="{ns}"><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>')


def texts(resolver, *paras):
    """Label texts for paragraphs given as (numId, ilvl) pairs or ready elements."""
    out = []
    for item in paras:
        p = item if isinstance(item, etree._Element) else para(*item)
        found = resolver.label(p)
        out.append(None if found is None else found.text)
    return out


MULTI = abstract(
    0,
    lvl(0, "decimal", "%1."),
    lvl(1, "lowerLetter", "%1.%2"),
    lvl(2, "lowerRoman", "%1.%2.%3"),
)


# -- formats and templates ----------------------------------------------------------

def test_numbering_decimal_counts_up_in_reading_order():
    r = NumberingResolver(numbering(abstract(0, lvl(0)), num(1, 0)))
    assert texts(r, (1, 0), (1, 0), (1, 0)) == ["1.", "2.", "3."]


def test_numbering_label_fields():
    r = NumberingResolver(numbering(abstract(0, lvl(0, text="%1)")), num(7, 0)))
    assert r.label(para(7, 0)) == ListLabel("1)", 0, "number", "7")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.label(para(7, 0)).text = "z"


@pytest.mark.parametrize(
    ("fmt", "template", "expected"),
    [
        ("decimal", "(%1)", ["(1)", "(2)", "(3)"]),
        ("decimal", "%1)", ["1)", "2)", "3)"]),
        ("lowerLetter", "%1)", ["a)", "b)", "c)"]),
        ("upperLetter", "%1.", ["A.", "B.", "C."]),
        ("lowerRoman", "(%1)", ["(i)", "(ii)", "(iii)"]),
        ("upperRoman", "%1.", ["I.", "II.", "III."]),
        ("decimalZero", "%1.", ["01.", "02.", "03."]),
        ("ordinal", "%1", ["1st", "2nd", "3rd"]),
        ("cardinalText", "%1:", ["One:", "Two:", "Three:"]),
        ("ordinalText", "%1", ["First", "Second", "Third"]),
        ("decimalEnclosedCircle", "%1", ["1", "2", "3"]),
        ("martian", "%1.", ["1.", "2.", "3."]),
        (None, "%1.", ["1.", "2.", "3."]),  # numFmt omitted: decimal
        ("none", "%1.", [".", ".", "."]),
    ],
)
def test_numbering_formats_in_templates(fmt, template, expected):
    r = NumberingResolver(numbering(abstract(0, lvl(0, fmt, template)), num(1, 0)))
    assert texts(r, (1, 0), (1, 0), (1, 0)) == expected


def test_numbering_custom_format_inside_alternate_content():
    fmt = ('<mc:AlternateContent><mc:Choice Requires="w14">'
           '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
           '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>')
    r = NumberingResolver(numbering(abstract(0, lvl(0, None, "%1.", extra=fmt)), num(1, 0)))
    assert texts(r, (1, 0), (1, 0)) == ["001.", "002."]


def test_numbering_multilevel_templates_and_default_restart():
    r = NumberingResolver(numbering(MULTI, num(1, 0)))
    got = texts(r, (1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 0), (1, 2))
    # The last item skips level 1: Word shows that level's start value.
    assert got == ["1.", "1.a", "1.a.i", "1.a.ii", "1.b", "1.b.i", "2.", "2.a", "3.", "3.a.i"]


def test_numbering_suffix_is_layout_not_label():
    for suff in ("tab", "space", "nothing"):
        level = lvl(0, "decimal", "%1.", extra=f'<w:suff w:val="{suff}"/>')
        r = NumberingResolver(numbering(abstract(0, level), num(1, 0)))
        assert r.label(para(1, 0)).text == "1."


@pytest.mark.parametrize(("flag", "expected"), [
    ("<w:isLgl/>", ["II.", "2.1"]),
    ('<w:isLgl w:val="true"/>', ["II.", "2.1"]),
    ('<w:isLgl w:val="0"/>', ["II.", "II.a"]),
    ("", ["II.", "II.a"]),
])
def test_numbering_legal_numbering_shows_decimal(flag, expected):
    levels = abstract(0, lvl(0, "upperRoman", "%1.", start=2),
                      lvl(1, "lowerLetter", "%1.%2", extra=flag))
    r = NumberingResolver(numbering(levels, num(1, 0)))
    assert texts(r, (1, 0), (1, 1)) == expected


def test_numbering_lvl_restart_only_after_named_level():
    # Level 2 restarts only when level 1 (w:val="1", 1-based) or a higher one is used.
    levels = abstract(0, lvl(0, text="%1"), lvl(1, text="%1.%2"),
                      lvl(2, text="%1.%2.%3", extra='<w:lvlRestart w:val="1"/>'))
    r = NumberingResolver(numbering(levels, num(1, 0)))
    got = texts(r, (1, 0), (1, 1), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2))
    assert got == ["1", "1.1", "1.1.1", "1.2", "1.2.2", "2", "2.1", "2.1.1"]


def test_numbering_lvl_restart_zero_never_restarts():
    levels = abstract(0, lvl(0, text="%1"), lvl(1, text="(%2)", extra='<w:lvlRestart w:val="0"/>'))
    r = NumberingResolver(numbering(levels, num(1, 0)))
    assert texts(r, (1, 0), (1, 1), (1, 0), (1, 1)) == ["1", "(1)", "2", "(2)"]


def test_numbering_start_values():
    levels = abstract(0, lvl(0, start=5), lvl(1, "lowerLetter", "%2)", start=3))
    r = NumberingResolver(numbering(levels, num(1, 0)))
    assert texts(r, (1, 0), (1, 1), (1, 1), (1, 0), (1, 1)) == ["5.", "c)", "d)", "6.", "c)"]


def test_numbering_missing_start_counts_from_zero():
    # ECMA-376 17.9.25: an omitted w:start means 0.
    r = NumberingResolver(numbering(abstract(0, lvl(0, start=None)), num(1, 0)))
    assert texts(r, (1, 0), (1, 0)) == ["0.", "1."]


# -- counters shared between instances -------------------------------------------

def test_numbering_instances_of_one_abstract_share_counters():
    r = NumberingResolver(numbering(abstract(0, lvl(0)), num(1, 0), num(2, 0)))
    assert texts(r, (1, 0), (1, 0), (2, 0), (1, 0)) == ["1.", "2.", "3.", "4."]


def test_numbering_start_override_restarts_on_first_use_then_shares():
    # As in nerdy-pro/dxpdf#230: 1..3 on numId 1, numId 2 restarts, numId 1 continues it.
    nums = num(1, 0) + num(2, 0, start_override(0, 1)) + num(3, 0, start_override(0, 8))
    r = NumberingResolver(numbering(abstract(0, lvl(0)), nums))
    got = texts(r, (1, 0), (1, 0), (1, 0), (2, 0), (2, 0), (1, 0), (2, 0), (3, 0), (1, 0))
    assert got == ["1.", "2.", "3.", "1.", "2.", "3.", "4.", "8.", "9."]


def test_numbering_start_override_of_a_higher_level_restarts_it():
    nums = num(1, 0) + num(2, 0, start_override(0, 1))
    r = NumberingResolver(numbering(MULTI, nums))
    assert texts(r, (1, 0), (1, 1), (1, 0), (2, 0), (2, 1)) == ["1.", "1.a", "2.", "1.", "1.a"]


def test_numbering_separate_abstracts_count_separately():
    r = NumberingResolver(numbering(abstract(0, lvl(0)), abstract(1, lvl(0, text="%1)")),
                                    num(1, 0), num(2, 1)))
    assert texts(r, (1, 0), (2, 0), (1, 0), (2, 0)) == ["1.", "1)", "2.", "2)"]


def test_numbering_level_override_replaces_definition_for_one_instance():
    over = ('<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1)"/><w:lvlRestart w:val="0"/></w:lvl></w:lvlOverride>')
    r = NumberingResolver(numbering(MULTI, num(1, 0), num(2, 0, over)))
    # Same counters; numId 2 draws them its own way; the override's lvlRestart is
    # ignored as in Word (MS-OI29500 2.1.282), so level 1 still restarts.
    got = texts(r, (1, 0), (1, 1), (2, 0), (2, 1), (1, 0))
    assert got == ["1.", "1.a", "II)", "II.a", "3."]


# -- numbering from styles ----------------------------------------------------------

NUMBERED_STYLES = styles(
    style("ListNum", num_id=1),
    style("ListNum2", num_id=1, ilvl=1),
    style("Child", based_on="ListNum"),
    style("Plain", num_id=0, based_on="ListNum"),
    style("Loop1", based_on="Loop2"),
    style("Loop2", based_on="Loop1"),
    style("NoNumbers"),
)


def test_numbering_inherited_from_paragraph_style():
    r = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    got = texts(r, para(pstyle="ListNum"), para(pstyle="ListNum2"), para(pstyle="Child"))
    assert got == ["1.", "1.a", "2."]
    assert r.label(para(pstyle="ListNum2")).num_id == "1"


def test_numbering_direct_ilvl_picks_level_of_style_list():
    r = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    assert texts(r, para(pstyle="ListNum"), para(ilvl=1, pstyle="ListNum")) == ["1.", "1.a"]


def test_numbering_zero_num_id_cancels_style_numbering():
    r = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    got = texts(r, para(num_id=0, pstyle="ListNum"), para(pstyle="Plain"), para(pstyle="ListNum"))
    assert got == [None, None, "1."]


def test_numbering_style_id_argument_wins_over_pstyle():
    r = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    assert r.label(para(pstyle="NoNumbers"), style_id="ListNum").text == "1."
    assert r.label(para(pstyle="ListNum"), style_id="NoNumbers") is None


def test_numbering_default_paragraph_style_and_style_loops():
    sty = styles(style("Normal", num_id=1, default=True), style("Loop1", based_on="Loop1"))
    r = NumberingResolver(numbering(MULTI, num(1, 0)), sty)
    assert texts(r, para(), para(pstyle="Loop1"), para(pstyle="Unknown")) == ["1.", None, None]


def test_numbering_level_found_through_lvl_pstyle():
    # A heading style with numId only: Word takes the level whose w:pStyle names it.
    levels = abstract(0, lvl(0, text="%1", extra='<w:pStyle w:val="Heading1"/>'),
                      lvl(1, text="%1.%2", extra='<w:pStyle w:val="Heading2"/>'))
    sty = styles(style("Heading1", num_id=1), style("Heading2", num_id=1))
    r = NumberingResolver(numbering(levels, num(1, 0)), sty)
    got = texts(r, para(pstyle="Heading1"), para(pstyle="Heading2"), para(pstyle="Heading2"))
    assert got == ["1", "1.1", "1.2"]


def test_numbering_num_style_link_indirection():
    parts = (abstract(0, extra='<w:numStyleLink w:val="OutlineList"/>')
             + abstract(1, lvl(0, "upperLetter", "%1."), extra='<w:styleLink w:val="OutlineList"/>')
             + num(1, 0) + num(9, 1))
    sty = styles(style("OutlineList", num_id=9, kind="numbering"))
    r = NumberingResolver(numbering(parts), sty)
    # Both instances reach abstract 1, so they also share its counters.
    assert texts(r, (1, 0), (9, 0), (1, 0)) == ["A.", "B.", "C."]


def test_numbering_num_style_link_loop_is_not_a_list():
    parts = abstract(0, extra='<w:numStyleLink w:val="S"/>') + num(1, 0)
    r = NumberingResolver(numbering(parts), styles(style("S", num_id=1, kind="numbering")))
    assert r.label(para(1, 0)) is None
    assert r.missing_num_ids == {"1"}


# -- bullets and empty labels ---------------------------------------------------------

@pytest.mark.parametrize("glyph", ["\uf0b7", "\u2022", "o", "-", "\uf0a7", "\u2013"])
def test_numbering_bullet_glyph_as_is(glyph):
    r = NumberingResolver(numbering(abstract(0, lvl(0, "bullet", glyph)), num(1, 0)))
    assert r.label(para(1, 0)) == ListLabel(glyph, 0, "bullet", "1")


@pytest.mark.parametrize(("fmt", "text", "kind"), [
    ("none", "", "number"), ("decimal", "", "number"), ("bullet", "", "bullet"),
    ("decimal", False, "number"),  # no w:lvlText at all
])
def test_numbering_empty_level_text_gives_empty_label(fmt, text, kind):
    r = NumberingResolver(numbering(abstract(0, lvl(0, fmt, text)), num(1, 0)))
    assert r.label(para(1, 0)) == ListLabel("", 0, kind, "1")


# -- bad or missing input ----------------------------------------------------------

def test_numbering_missing_definitions_give_none():
    parts = abstract(0, lvl(0)) + num(1, 0) + num(2, 99) + '<w:num w:numId="3"/>'
    r = NumberingResolver(numbering(parts))
    got = texts(r, (5, 0), (2, 0), (3, 0), (1, 4), (1, 9), (1, -1), (0, 0), para(), (1, 0))
    assert got == [None, None, None, None, None, None, None, None, "1."]
    assert r.missing_num_ids == {"5", "2", "3"}


def test_numbering_non_numeric_ilvl_means_level_zero():
    r = NumberingResolver(numbering(MULTI, num(1, 0)))
    assert texts(r, (1, "x"), (1, None)) == ["1.", "2."]


def test_numbering_without_parts_labels_nothing():
    r = NumberingResolver(None, None)
    assert texts(r, (1, 0)) == [None]
    r = NumberingResolver(None, NUMBERED_STYLES)
    assert texts(r, para(pstyle="ListNum")) == [None]
    assert r.missing_num_ids == {"1"}


def test_numbering_accepts_strict_namespace():
    parts = MULTI + num(1, 0) + num(2, 0, start_override(0, 1))
    r = NumberingResolver(numbering(parts, ns=STRICT_NS),
                          styles(style("ListNum2", num_id=1, ilvl=1), ns=STRICT_NS))
    got = texts(r, para(1, 0, ns=STRICT_NS), para(pstyle="ListNum2", ns=STRICT_NS),
                para(2, 0, ns=STRICT_NS), para(1, 1))  # a transitional paragraph too
    assert got == ["1.", "1.a", "1.", "1.a"]


# -- real files ------------------------------------------------------------------------
# The core docx parser walks the package itself; these tests walk document.xml
# directly so the resolver is checked on its own.

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_TYPES = ("document.main+xml", "document.macroEnabled.main+xml", "template.main+xml")


def _part(z: zipfile.ZipFile, suffix: str):
    """The root of the part whose content type ends with `suffix`, or None."""
    types = etree.fromstring(z.read("[Content_Types].xml"))
    for override in types.iter(f"{{{CT_NS}}}Override"):
        if override.get("ContentType", "").endswith(suffix):
            return etree.fromstring(z.read(override.get("PartName").lstrip("/")))
    return None


def load(path: Path):
    """(document, numbering, styles) roots of a package; the last two may be None."""
    with zipfile.ZipFile(path) as z:
        doc = next((d for d in (_part(z, t) for t in MAIN_TYPES) if d is not None), None)
        if doc is None:
            raise KeyError(f"no main document part in {path.name}")
        return doc, _part(z, "numbering+xml"), _part(z, "styles+xml")


def labelled(path: Path, parts=None) -> list[tuple[ListLabel | None, str]]:
    """(label, text) of every w:p of the main document, in reading order."""
    doc, numbering_root, styles_root = parts or load(path)
    resolver = NumberingResolver(numbering_root, styles_root)
    out = []
    for p in doc.iter(f"{{{W}}}p", f"{{{STRICT_NS}}}p"):
        # Text boxes appear twice (DrawingML and a VML fallback); Word counts one.
        if any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors()):
            continue
        text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t", f"{{{STRICT_NS}}}t"))
        out.append((resolver.label(p), text.strip()))
    return out


def listed(path: Path) -> list[tuple[str, str]]:
    return [(lab.text, text) for lab, text in labelled(path) if lab is not None]


def test_numbering_emg_lettered_activities_restart_per_output(fixtures_dir):
    items = listed(fixtures_dir / "emg-workplan-2018.docx")
    assert [lab for lab, _ in items[:3]] == ["1.", "2.", "3."]
    first = next(i for i, (_, t) in enumerate(items) if t.startswith("List available options"))
    letters = [lab for lab, _ in items[first:first + 11]]
    # numIds 21..30 share one abstractNum; each has startOverride 1, so each restarts.
    assert letters == [f"{c})" for c in "abcdefghij"] + ["a)"]
    assert items[first + 10][1].startswith("New issues to be proposed")
    assert items[first + 11][0] == "a)" and items[first + 11][1].startswith("Arrange thematic")
    assert items[first + 23][0] == "m)" and items[first + 24][0] == "a)"
    assert sum(lab == "a)" for lab, _ in items) == 10


def test_numbering_img_hre_focus_areas_and_bullets(fixtures_dir):
    items = labelled(fixtures_dir / "img-hre-draft-workplan.docx")
    numbers = [(lab.text, text) for lab, text in items if lab and lab.kind == "number"]
    assert [lab for lab, _ in numbers] == ["1)", "2)", "3)"]
    assert numbers[0][1].startswith("Joint and integrated policy")
    assert numbers[2][1].startswith("Global deep-dive webinars")
    bullets = {lab.text for lab, _ in items if lab and lab.kind == "bullet"}
    assert bullets == {"\uf06c", "-", "\uf0b7"}


def test_numbering_docxfix_legal_list(external_dir):
    # legal-list.md: "1., 1.1., 2., 2.1, and 2.1.1"; lvlText is "%1.%2." etc.
    items = listed(external_dir / "docxfix/corpus/legal-list.docx")
    assert [lab for lab, _ in items] == ["1.", "1.1.", "2.", "2.1.", "2.1.1."]


def test_numbering_docxfix_styled_heading_numbering(external_dir):
    # styled-numbering.md: numbering only in Heading1..4 styles, "1, 1.1, (a), (i)".
    items = listed(external_dir / "docxfix/corpus/styled-numbering.docx")
    assert [(lab, text.split(".")[0]) for lab, text in items] == [
        ("1", "One"), ("1.1", "Two"), ("(a)", "Three"), ("(i)", "Four")]


def test_numbering_docxfix_sections_multilevel(external_dir):
    items = listed(external_dir / "docxfix/corpus/sections.docx")
    assert [lab for lab, _ in items] == ["1)", "a)", "b)", "i)", "2)", "3)", "a)", "i)", "ii)", "4)"]


@pytest.mark.parametrize(("name", "expected"), [
    # Start numbers agree with pandoc's saved .native (OrderedList (start, ...)).
    ("lists_restarting", ["2.", "3.", "4.", "1."]),
    ("lists_continuing", ["1.", "2.", "3.", "4."]),
    ("lists_restart_8367", ["1.", "2.", "3.", "1.", "2.", "3.", "4."]),
    ("lists_level_override", ["1.", "2.", "3.", "4.", "5.", "6."]),
    # Level 1 has the literal template "1.%2", so "Head 2.1" shows "1.1" in Word.
    ("lists_sublist_reset", ["1.", "1.1", "1.2", "2.", "1.1"]),
    ("enumerated_headings", ["1", "1.1", "1.1.1"]),
    ("german_styled_lists", ["\u2013"] * 4),
    ("table_with_list_cell", ["\uf0b7"] * 3 + ["1.", "2.", "3."]),
])
def test_numbering_pandoc_list_files(external_dir, name, expected):
    assert [lab for lab, _ in listed(external_dir / f"pandoc/test/docx/{name}.docx")] == expected


@pytest.mark.parametrize("name", ["example.docx", "example_numbering.docx"])
def test_numbering_docx2python_expect_texts(external_dir, name):
    # Paragraph texts say what Word shows: "expect II", "This should be A), not C)".
    items = listed(external_dir / "docx2python/tests/resources" / name)
    checked = 0
    for lab, text in items:
        if text.startswith(("expect ", "This should be ")):
            wanted = text.split()[-1] if text.startswith("expect") else text.split()[3]
            assert lab.strip("().") == wanted.strip("(),."), text
            checked += 1
    assert checked >= 10


def test_numbering_strict_namespace_file(external_dir):
    # docx2python strict.docx is Strict OOXML: bullets, then "1." and "2.".
    items = labelled(external_dir / "docx2python/tests/resources/strict.docx")
    found = [(lab.kind, lab.text if lab.kind == "number" else "") for lab, _ in items if lab]
    assert found == [("bullet", ""), ("bullet", ""), ("number", "1."), ("number", "2.")]


def test_numbering_whole_external_corpus_does_not_raise(external_dir):
    with_labels = 0
    for path in sorted(external_dir.rglob("*.docx")):
        try:
            parts = load(path)
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
            continue  # not a readable package: the core parser's business, not ours
        labels = [lab for lab, _ in labelled(path, parts) if lab is not None]
        assert all(0 <= lab.level < 9 and lab.kind in ("number", "bullet") for lab in labels)
        with_labels += bool(labels)
    assert with_labels >= 30


# -- the caller's numPr (parsers/docx/body.py reads pPr once and hands it over) -------

def _num_pr(p):
    return next((el for el in p.iter(f"{{{W}}}numPr")), None)


def test_numbering_given_num_pr_gives_the_same_labels():
    sequence = [(1, 0), (1, 1), (1, 1), (None, None), (1, 0), (0, 0), (1, 2)]
    paras = [para(n, i, pstyle="ListNum" if n is None else None) for n, i in sequence]
    found = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    given = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    expected = [found.label(p) for p in paras]
    assert [given.label(p, None, _num_pr(p)) for p in paras] == expected
    assert [lab and lab.text for lab in expected] == ["1.", "1.a", "1.b", "2.", "3.", None, "3.a.i"]


def test_numbering_given_num_pr_is_used_instead_of_the_paragraph():
    r = NumberingResolver(numbering(abstract(0, lvl(0)), abstract(1, lvl(0, text="%1)")),
                                    num(1, 0), num(2, 1)))
    other = _num_pr(para(2, 0))
    assert r.label(para(1, 0), None, other).text == "1)"
    assert r.label(para(1, 0), None, None) is None  # the caller saw no numPr
    assert r.label(para(1, 0)).text == "1."


def test_numbering_ppr_after_runs_and_repeated_elements():
    # Out of schema order, and two numPr/pStyle: the first of each counts, as find() did.
    p = etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:r><w:t>x</w:t></w:r><w:pPr><w:pStyle w:val="NoNumbers"/>'
        '<w:pStyle w:val="ListNum"/><w:numPr><w:ilvl w:val="1"/></w:numPr>'
        '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>')
    r = NumberingResolver(numbering(MULTI, num(1, 0)), NUMBERED_STYLES)
    assert r.label(p) is None  # NoNumbers brings no numId; the second numPr is ignored
    assert r.label(p, "ListNum").text == "1.a"  # ilvl 1 from the first numPr


def test_numbering_deeper_placeholder_shows_nothing():
    r = NumberingResolver(numbering(abstract(0, lvl(0, text="%1.%2)"), lvl(1, text="(%2%3)")),
                                    num(1, 0)))
    assert texts(r, (1, 0), (1, 1), (1, 0)) == ["1.)", "(1)", "2.)"]


def test_numbering_repeated_label_text_keeps_its_own_num_id():
    nums = num(1, 0) + num(2, 0, start_override(0, 1)) + num(3, 0, start_override(0, 1))
    r = NumberingResolver(numbering(abstract(0, lvl(0)), nums))
    got = [r.label(para(n, 0)) for n in (1, 2, 3, 1)]
    assert got == [ListLabel("1.", 0, "number", "1"), ListLabel("1.", 0, "number", "2"),
                   ListLabel("1.", 0, "number", "3"), ListLabel("2.", 0, "number", "1")]


# -- through parse_docx: the body reader hands each paragraph's numPr over -------------

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _write_docx(path, body: str, numbering_xml: str, styles_xml: str):
    parts = {"numbering": numbering_xml, "styles": styles_xml}
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}{k}" Target="{k}.xml"/>'
                   for i, k in enumerate(parts, start=1))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
                   f'Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", f'<Relationships xmlns="{PKG_RELS}">{rels}</Relationships>')
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return path


def test_numbering_parse_docx_labels_wherever_numbering_comes_from(tmp_path):
    from parsers.docx import parse_docx

    def p(*content):
        return f"<w:p>{''.join(content)}</w:p>"
    run = "<w:r><w:t>x</w:t></w:r>"
    num_pr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = (p(num_pr, run)  # direct numbering, pPr first
            + p(run)  # a lone run: the default style's bullets
            + p()  # empty: the same
            + p(run, run, num_pr)  # pPr out of schema order: still read
            + p(run, run)  # no pPr at all: the default style's bullets
            + p('<w:pPr><w:pStyle w:val="Plain"/></w:pPr>', run))  # Plain: numId 0
    numbering_xml = etree.tostring(numbering(MULTI, num(1, 0),
                                             abstract(5, lvl(0, "bullet", "-")), num(2, 5)))
    styles_xml = etree.tostring(styles(style("Normal", num_id=2, default=True),
                                       style("Plain", num_id=0, based_on="Normal")))
    doc = parse_docx(_write_docx(tmp_path / "lists.docx", body, numbering_xml, styles_xml))
    got = [(b.list_label, b.list_kind) for b in doc.blocks]
    assert got == [("1.", "number"), ("-", "bullet"), ("-", "bullet"), ("2.", "number"),
                   ("-", "bullet"), (None, None)]
