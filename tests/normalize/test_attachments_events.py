"""Comments, notes and events: authors split, subjects found, events named."""

from __future__ import annotations

import pytest

import parsers
from normalize.attachments import split_author
from normalize.events import _TEXT_EVENT, split_names
from normalize.pipeline import normalize_document


@pytest.mark.parametrize("author,name,tag", [
    ("Gita Parihar [HOTMAIL]", "Gita Parihar", "HOTMAIL"),
    ("BENJAMIN SCHACHTER [OHCHR]", "BENJAMIN SCHACHTER", "OHCHR"),
    ("Jane Doe", "Jane Doe", None),
    ("", None, None),
])
def test_attachments_split_author(author, name, tag):
    assert split_author(author) == (name, tag)


def test_events_split_names_keeps_brackets_whole():
    assert split_names("HRC 48, HLPF (focus on SDG 13+16), IUCN World Conservation Congress") == [
        "HRC 48", "HLPF (focus on SDG 13+16)", "IUCN World Conservation Congress"]


def test_events_text_event_pattern():
    text = ("Draft outline, to include engagement with IUCN World Conversation Congress scheduled for "
            "3-11 of September and potential joint events.")
    m = _TEXT_EVENT.search(text)
    assert m and m.group("name") == "IUCN World Conversation Congress"
    assert m.group("period").strip() == "3-11 of September"


@pytest.fixture(scope="module")
def img_hre_docx(fixtures_dir):
    records, info = normalize_document(parsers.parse(fixtures_dir / "img-hre-draft-workplan.docx"), "d1")
    return records, info


def test_attachments_comments_sit_in_their_activity(img_hre_docx):
    records, _ = img_hre_docx
    acts = {a.activity_id: a for a in records.tables["activities"]}
    comments = records.tables["comments"]
    assert [(c.author, c.author_tag, c.author_org_id) for c in comments] == [
        ("Gita Parihar", "HOTMAIL", None), ("BENJAMIN SCHACHTER", "OHCHR", "OHCHR"),
        ("BENJAMIN SCHACHTER", "OHCHR", "OHCHR")]
    assert acts[comments[0].subject_id].text.startswith("Joint guidance for UNCTs")
    assert acts[comments[2].subject_id].timeline_raw == "June"
    assert comments[0].anchor_text  # docx keeps the commented range


def test_attachments_notes_and_document_facts(img_hre_docx):
    records, info = img_hre_docx
    notes = records.tables["notes"]
    assert [n.kind for n in notes] == ["footnote", "footnote"]
    assert all(n.subject_type == "activity" for n in notes)
    assert info.reference_year == 2021


def test_events_annex_rows_and_nb_notes(img_hre_docx):
    records, _ = img_hre_docx
    events = records.tables["events"]
    by_source = {}
    for e in events:
        by_source.setdefault(e.source, []).append(e)
    assert len(by_source["annex"]) == 12
    assert (by_source["annex"][0].name, by_source["annex"][0].start, by_source["annex"][0].end) == (
        "UNEA-5.1", "2021-01-01", "2021-03-31")
    assert [e.name for e in by_source["note"]][:1] == ["UNFCCC virtual meeting"]
    assert by_source["text"][0].start == "2021-09-03"
