"""Fuzzing: random and mutated inputs to each parser and to the normalizers. No
exception may escape except the pipeline's own typed errors (IngestError).

Examples are few and derandomized (a fixed sequence), so the suite stays fast and
a failure reproduces; `--hypothesis-seed` does not change them.
"""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.timelines import TimelineContext, read_timeline
from parsers.errors import IngestError
from parsers.limits import Limits
from tests.helpers import ingest_bytes, rezip

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SMALL = Limits(max_uncompressed=32 << 20, max_rows=5_000)




@pytest.fixture(scope="module")
def docx_parts(fixtures_dir) -> dict[str, bytes]:
    with zipfile.ZipFile(fixtures_dir / "img-hre-draft-workplan.docx") as z:
        return {i.filename: z.read(i) for i in z.infolist()}




@FUZZ
@given(data=st.data())
def test_fuzz_docx_mutated_xml_parts(tmp_path, docx_parts, data):
    parts = dict(docx_parts)
    name = data.draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
    xml = bytearray(parts[name])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(xml) - 1))
        op = data.draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        if op == "flip":
            xml[at] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del xml[at:at + data.draw(st.integers(1, 400))]
        elif op == "dup":
            xml[at:at] = xml[at:at + data.draw(st.integers(1, 400))]
        else:
            xml[at:at] = data.draw(st.sampled_from([b"<w:tbl>", b"</w:tc>", b"<w:tr>", b"&amp;", b"<w:numPr>",
                                                    b'<w:gridSpan w:val="999999"/>', b'<w:vMerge/>',
                                                    b'<w:ilvl w:val="-5"/>', b"\xff\xfe", b"]]>"]))
    parts[name] = bytes(xml)
    ingest_bytes(tmp_path, "mutated.docx", rezip(parts), SMALL)


@FUZZ
@given(data=st.data())
def test_fuzz_docx_mutated_zip_bytes(tmp_path, fixtures_dir, data):
    raw = bytearray((fixtures_dir / "emg-workplan-2018.docx").read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at:at + data.draw(st.integers(1, 16))] = data.draw(st.binary(min_size=1, max_size=16))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    ingest_bytes(tmp_path, "mutated.docx", bytes(raw), SMALL)


TEXT_PIECES = st.sampled_from([
    "\t", "\n", "\n\n", "[footnoteRef:1]", "[1:  note]", "\tComment by A [OHCHR]: x", "\ufffd", "1. ", "a) ",
    "# ", "| a | b |\n|---|---|\n", "[^1]: ", "Q3 2021", "TBD", "UNEP", "Focus area lead", "Timeline",
    "Activities", "Lead", "ANNEX 1", "•", "\x00", "\r", "Oct 17 – Mar 18", "By 15 July", "x" * 300])


@FUZZ
@given(pieces=st.lists(st.one_of(TEXT_PIECES, st.text(max_size=40)), max_size=60),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_fuzz_text_exports(tmp_path, pieces, encoding):
    text = "".join(pieces)
    ingest_bytes(tmp_path, "random.txt", text.encode(encoding, errors="replace"), SMALL)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.txt", "x.docx", "x.pdf", "x.doc", "x.md"]))
def test_fuzz_random_bytes_any_name(tmp_path, data, name):
    ingest_bytes(tmp_path, name, data, SMALL)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(text=st.one_of(st.text(max_size=60), st.lists(st.sampled_from([
    "Q", "Qs", "1", "2", "and", ",", "2021", "22", "June", "mid-", "late", "early", "-", "–", "/", "By", "Oct",
    "17", "onwards", "(tentative)", "[Date TBC]", "TBD", "ongoing", "annually", "31", "0", "99", "Dec", "Jan",
    "H1", "S2", "fin", "juin", "mediados de", "N.B.", ":", "(", ")", "th", "of", "9999", "\n"]), max_size=12
    ).map(" ".join)),
    year=st.one_of(st.none(), st.integers(1, 9999)), two_digit=st.booleans())
def test_fuzz_timeline_strings(text, year, two_digit):
    try:
        result = read_timeline(text, TimelineContext(reference_year=year, two_digit_years=two_digit))
    except IngestError:
        return
    for reading in result.readings:
        if reading.start and reading.end:
            assert reading.start <= reading.end, (text, reading)
