"""Fuzzing the spreadsheet readers as the .docx reader is fuzzed
(tests/ingest/test_hostile_fuzz.py): mutated workbook parts, mutated zip bytes and
random delimited text, each parsed and normalized. No exception may escape except
the pipeline's own typed errors (IngestError). Derandomized, few examples."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.limits import Limits
from tests.helpers import ingest_bytes, rezip

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SMALL = Limits(max_uncompressed=32 << 20, max_rows=2_000)
SHEETS = Path(__file__).resolve().parents[1] / "spreadsheets"




@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> bytes:
    spec = importlib.util.spec_from_file_location("spreadsheets_build", SHEETS / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    path = tmp_path_factory.mktemp("fuzz") / "sun-network.xlsx"
    build.sun_network(path)
    return path.read_bytes()




@FUZZ
@given(data=st.data())
def test_fuzz_xlsx_mutated_xml_parts(tmp_path, workbook, data):
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
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
            xml[at:at] = data.draw(st.sampled_from([
                b'<mergeCell ref="A1:XFD1048576"/>', b'<row r="1048576">', b'<c r="ZZZ9" t="s"><v>99999</v></c>',
                b'<c r="B2" s="9999"><v>1e308</v></c>', b'<c r="C3" t="d"><v>not-a-date</v></c>',
                b'<col min="1" max="16384" hidden="1"/>', b'<row r="-4" hidden="1">', b"&amp;", b"\xff\xfe",
                b'<hyperlink ref="A1" r:id="rId99"/>', b'<c r="A1" t="e"><v>#REF!</v></c>']))
    parts[name] = bytes(xml)
    ingest_bytes(tmp_path, "mutated.xlsx", rezip(parts), SMALL)


@FUZZ
@given(data=st.data())
def test_fuzz_xlsx_mutated_zip_bytes(tmp_path, workbook, data):
    raw = bytearray(workbook)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        if data.draw(st.booleans()):
            raw[at] = data.draw(st.integers(0, 255))
        else:
            del raw[at:at + data.draw(st.integers(1, 64))]
    ingest_bytes(tmp_path, "mutated.xlsx", bytes(raw), SMALL)


@FUZZ
@given(text=st.lists(st.sampled_from(list(',;\t|"\n\r xX✓QAé1\x00') + ["Activity", "Lead", "Q1 2025", "UNDP"]),
                    max_size=200).map("".join),
       suffix=st.sampled_from([".csv", ".tsv"]))
def test_fuzz_delimited_text(tmp_path, text, suffix):
    ingest_bytes(tmp_path, f"random{suffix}", text.encode("utf-8"), SMALL)
