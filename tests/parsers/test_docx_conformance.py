"""parse_docx against the raw-XML oracle on the external corpus (tests/CONFORMANCE.md)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from parsers.docx import parse_docx
from parsers.errors import IngestError

CONFORMANCE_MD = Path(__file__).resolve().parents[1] / "CONFORMANCE.md"
MIN_AGREEMENT = 0.97
SIDE_STORIES = ("footnote", "endnote", "comment")


def our_counts(doc) -> dict[str, int]:
    tables = list(doc.iter_tables())
    body_changes = [c for c in doc.changes if not c.source_ref.startswith(SIDE_STORIES)]
    return {
        "tables": len(tables),
        "cells": sum(1 for t in tables for _ in t.cells),
        "notes": len(doc.notes),
        "comments": len(doc.comments),
        "ins": sum(c.kind == "insert" for c in body_changes),
        "del": sum(c.kind == "delete" for c in body_changes),
    }


def oracle_counts(row: dict[str, str]) -> dict[str, int]:
    return {
        "tables": int(row["tables"]),
        "cells": int(row["cells"]),
        "notes": int(row["footnotes"]) + int(row["endnotes"]),
        "comments": int(row["comments"]),
        "ins": int(row["ins"]),
        "del": int(row["del"]),
    }


def listed_exceptions() -> dict[tuple[str, str], tuple[int, int]]:
    """(file, field) -> (ours, oracle) from the Disagreements table of CONFORMANCE.md."""
    out = {}
    in_table = False
    for line in CONFORMANCE_MD.read_text(encoding="utf-8").splitlines():
        if line.startswith("## Disagreements"):
            in_table = True
        elif in_table and line.startswith("| ") and not line.startswith(("| file", "|---")):
            cells = [c.strip() for c in line.strip("|").split("|")]
            out[(cells[0], cells[1])] = (int(cells[2]), int(cells[3]))
    return out


@pytest.fixture(scope="module")
def corpus(external_dir: Path):
    """file -> (our counts or the IngestError raised, oracle row), every file parsed once."""
    tsv = external_dir / "xml_feature_counts.tsv"
    if not tsv.is_file():
        pytest.skip("external corpus oracle not available")
    with open(tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    results = {}
    for row in rows:
        try:
            results[row["file"]] = (our_counts(parse_docx(external_dir / row["file"])), row)
        except IngestError as e:
            results[row["file"]] = (e, row)
    return results


def test_docx_conformance_nothing_raises_on_real_docx(corpus):
    raised = {f: repr(r) for f, (r, row) in corpus.items() if isinstance(r, IngestError)
              and row["status"] == "ok"}
    assert raised == {}
    assert len(corpus) > 200


def test_docx_conformance_counts_agree_with_oracle(corpus):
    disagreements = {}
    for name, (ours, row) in corpus.items():
        if isinstance(ours, IngestError):
            continue
        expected = oracle_counts(row)
        for field, value in ours.items():
            if value != expected[field]:
                disagreements[(name, field)] = (value, expected[field])
    disagreeing_files = {name for name, _ in disagreements}
    assert 1 - len(disagreeing_files) / len(corpus) >= MIN_AGREEMENT
    assert disagreements == listed_exceptions()
