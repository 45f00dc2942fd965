"""stylesheet.load_styles: the partial, streamed read of styles.xml gives the same
facts as a full parse, and falls back to one when the part is unusual."""

from __future__ import annotations

import io

import pytest

from parsers.docx.package import W, parse_xml
from parsers.docx.styles import Styles
from parsers.docx.stylesheet import CHUNK, load_styles

W_NS = W[1:-1]
FILLER = "".join(f'<w:style w:type="paragraph" w:styleId="Filler{i}"><w:name w:val="Filler {i}"/>'
                 f'<w:rPr><w:sz w:val="{i}"/></w:rPr></w:style>' for i in range(1500))
STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Mine"/><w:basedOn w:val="Far"/></w:style>'
    + FILLER +
    '<w:style w:type="paragraph" w:styleId="Far"><w:name w:val="heading 3"/>'
    '<w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Late"/>'
)


def styles_xml(prefix: str = "w", ns: str = W_NS) -> bytes:
    body = STYLES if prefix == "w" else STYLES.replace("w:", prefix + ":")
    return f'<?xml version="1.0"?><{prefix}:styles xmlns:{prefix}="{ns}">{body}</{prefix}:styles>'.encode()


def facts(styles: Styles, ids=("Normal", "Mine", "Far", "Late", "Missing")):
    return [(styles.name(i), styles.heading_level(i), styles.bold(i)) for i in ids] + \
        [styles.default_paragraph, styles.default_bold]


EXPECTED = [("Normal", None, None), ("Mine", 3, False), ("Heading 3", 3, False), ("Late", None, None),
            (None, None, None), "Normal", True]


def test_docx_stylesheet_partial_read_follows_based_on_across_chunks():
    data = styles_xml()
    assert data.index(b'w:styleId="Far"') > 2 * CHUNK  # the ancestor is chunks away
    stream = io.BytesIO(data)
    styles, root = load_styles(stream, {"Mine"}, parse_xml)
    ids = {el.get(W + "styleId") for el in root.iter(W + "style")}
    assert ids == {"Normal", "Mine", "Far"}  # the numbering resolver gets what is used
    assert facts(styles) == EXPECTED  # "Late" is read on demand


def test_docx_stylesheet_stops_reading_early():
    stream = io.BytesIO(styles_xml())
    load_styles(stream, {"Normal"}, parse_xml)
    assert stream.tell() <= CHUNK


@pytest.mark.parametrize("prefix, ns", [("s", W_NS), ("w", "http://purl.oclc.org/ooxml/wordprocessingml/main")])
def test_docx_stylesheet_falls_back_to_full_parse(prefix, ns):
    styles, root = load_styles(io.BytesIO(styles_xml(prefix, ns)), {"Mine"}, parse_xml)
    assert len(root) == 1 + 1504  # docDefaults + every style
    assert facts(styles) == EXPECTED


def test_docx_stylesheet_broken_part_raises_for_the_caller():
    with pytest.raises(Exception, match="(?i)premature|not closed|expected"):
        load_styles(io.BytesIO(b'<w:styles xmlns:w="' + W_NS.encode() + b'"><w:style w:styleId="A">'),
                    {"A"}, parse_xml)
