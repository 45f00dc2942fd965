"""Resolved comment threads (Word's "Resolve", w15:done in commentsExtended.xml):
the comments table says so in its `resolved` column, the report marks the thread and
leaves it out of the open comments a reviewer chases; a reply thread renders.
Files from ../shared/external/docxfix (read in place), made in Word 365."""

from __future__ import annotations

import csv
import shutil

from typer.testing import CliRunner

from ingest.cli import app
from parsers import parse


def test_word_resolve_mark_is_read(external_dir):
    corpus = external_dir / "docxfix" / "corpus"
    assert [(c.comment_id, c.resolved) for c in parse(corpus / "resolved-comment.docx").comments] == [("0", True)]
    thread = parse(corpus / "comment-thread.docx").comments
    assert [(c.comment_id, c.parent_id, c.resolved) for c in thread] == [("0", None, False), ("1", "0", False)]


def test_resolved_threads_are_no_open_comments_in_the_report(external_dir, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("resolved-comment.docx", "comment-thread.docx"):
        shutil.copy(external_dir / "docxfix" / "corpus" / name, inputs / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with open(out / "comments.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted((r["text"], r["resolved"]) for r in rows) == [
        ("A comment.", "false"), ("A comment.", "true"), ("A reply comment.", "false")]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("[resolved]") == 1
    assert "A reply comment." in page
