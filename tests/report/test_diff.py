"""`workplan-ingest diff`: a later draft of the IMG plan, made from the shared fixture
by editing a lead, deleting a row, rewording one activity and moving a quarter
(drafts.py), compared with the original; the expected rows are written by hand."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from ingest.cli import app
from ingest.report.diff import COLUMNS

NBSAP = "Q3 2021(check this timeline vs new global biodiversity framework)"
# Hand-written: what a reviewer expects to read in changes.csv (keys aside).
EXPECTED = [
    ("removed", "activities", "text",
     "Explore creation of temporary desk support function for UNCTs with DCO", ""),
    ("changed", "activities", "text",
     "Joint guidance for UNCTs and national level agencies on integrating human rights in NDCs",
     "Joint guidance for UN country teams and national agencies on integrating human rights in NDCs"),
    ("changed", "timelines", "timeline", f"{NBSAP} (2021-07-01 – 2021-09-30)",
     NBSAP.replace("Q3", "Q4") + " (2021-10-01 – 2021-12-31)"),
    ("removed", "participants", "lead", "ILO", ""),
    ("added", "participants", "lead", "", "UNEP"),
]


def read_changes(folder: Path) -> list[dict]:
    with open(folder / "changes.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == COLUMNS
        return list(reader)


def test_diff_of_an_edited_draft_lists_each_edit_once(hre_diff):
    out, output = hre_diff
    rows = read_changes(out)
    assert sorted((r["change"], r["table"], r["field"], r["old"], r["new"]) for r in rows) == sorted(EXPECTED)
    by_field = {(r["table"], r["change"]): r for r in rows}
    # Keys name the activity in each draft: the deleted first row shifts the new ids.
    reworded = by_field[("activities", "changed")]
    assert reworded["old_key"] != reworded["new_key"]
    assert by_field[("activities", "removed")]["new_key"] == ""
    assert by_field[("participants", "added")]["old_key"] and by_field[("participants", "added")]["new_key"]
    assert "1 removed, 1 reworded" in output and "timelines: 1 changed" in output
    page = (out / "diff.html").read_text(encoding="utf-8")
    assert "<del>UNCTs</del>" in page and "<ins>UN country teams</ins>" in page
    assert "http://" not in page and "https://" not in page


def test_diff_of_a_draft_with_itself_is_empty(hre_diff, tmp_path):
    first = hre_diff[0].parent / "old"  # an output folder of the original plan
    out = tmp_path / "same"
    result = CliRunner().invoke(app, ["diff", str(first), str(first), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert read_changes(out) == []
    assert "0 added, 0 removed, 0 reworded" in result.output


def test_diff_refuses_what_is_not_one_draft(batch_out, batch_inputs, hre_diff, tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["diff", str(tmp_path / "nope.docx"), str(tmp_path / "nope.docx"),
                                  "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "No such file" in missing.output
    several = runner.invoke(app, ["diff", str(batch_out), str(batch_out), "--out", str(tmp_path / "o")])
    assert several.exit_code == 2 and "documents" in several.output
    broken = runner.invoke(app, ["diff", str(batch_inputs / "broken.docx"), str(hre_diff[0].parent / "old"),
                                 "--out", str(tmp_path / "o")])
    assert broken.exit_code == 2 and "no readable document" in broken.output and "broken.docx" in broken.output
    assert not (tmp_path / "o" / "changes.csv").exists()


def test_moves_and_comments_are_changes_of_their_own(hre_diff, tmp_path):
    # The original plan read twice; the second copy edited as a later draft would be:
    # one activity moved to another section, one comment resolved, one new.
    from ingest.report.diff import diff_drafts
    from ingest.report.drafts import load_draft

    folder = hre_diff[0].parent / "old"
    old, new = load_draft(folder), load_draft(folder)
    moved = new.activities[-1]
    other = next(a.section for a in new.activities if a.section != moved.section)
    moved.section = other
    resolved = new.comments.pop(0)
    new.comments.append({**resolved, "comment_id": "99", "author": "A. Reviewer", "text": "Who pays for this?"})
    rows = diff_drafts(old, new, tmp_path).rows
    assert [(r["change"], r["table"], r["field"], r["new"]) for r in rows] == [
        ("changed", "activities", "section", other),
        ("removed", "comments", "comment", ""),
        ("added", "comments", "comment", "A. Reviewer: Who pays for this?"),
    ]
    assert rows[0]["old_key"] == rows[0]["new_key"] == moved.key
    assert rows[1]["old"] == f"{resolved['author']}: {resolved['text']}" and rows[1]["old_key"] == resolved["comment_id"]



def test_lettered_items_match_by_text_and_place_not_by_their_shared_labels(fixtures_dir, drafts, tmp_path):
    # Every group of the EMG plan restarts its letters: a) ... j) again and again.
    new = drafts.emg_second_draft(fixtures_dir / "emg-workplan-2018.docx", tmp_path / "emg-v2.docx")
    out = tmp_path / "changes"
    result = CliRunner().invoke(app, ["diff", str(fixtures_dir / "emg-workplan-2018.docx"), str(new),
                                      "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = read_changes(out)
    assert [(r["change"], r["table"], r["field"], r["old"], r["new"]) for r in rows] == [
        ("changed", "timelines", "timeline", "Dec 17 (2017-12-01 – 2017-12-31)", "Jan 18 (2018-01-01 – 2018-01-31)"),
        ("changed", "activities", "text", "Consultations with IMG members and finalization of the draft analysis;",
         "Consultations with IMG members and finalisation of the gap analysis;"),
    ]
    assert all(r["old_key"] == r["new_key"] for r in rows)  # nothing moved, so the ids agree here
