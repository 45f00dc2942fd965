"""Organisations named in free text (role `mentioned`) and comment authors' organisations."""

from __future__ import annotations

import json

import pytest

from normalize.organisations import author_org, default_matcher


def _ids(text: str) -> list[str]:
    return [m[0] for m in default_matcher().find_mentions(text)]


@pytest.mark.parametrize(("text", "want"), [
    ("Engagement at UNFCCC COP 26", ["UNFCCC"]),
    ("Engagement at CBD COP 15", ["CBD"]),
    ("Delivery of training session on Sustainable Procurement with UN Environment, UNOPS and ITCILO",
     ["UNEP", "UNOPS", "ITCILO"]),
    ("Side event at the IUCN World Conversation Congress scheduled for 3-11 of September", ["IUCN"]),
    ("Explore support in cooperation with DCO (to discuss further with DCO)", ["DCO", "DCO"]),
    ("Provide information on progress and ongoing work to MEAs, HLCP, HLCM , CEB among others as appropriate;",
     ["HLCP", "HLCM", "CEB"]),
    ("…and Land Degradation Neutrality commitments under the UNCCD.", ["UNCCD"]),
    ("Joint work with UN-HABITAT and UN Women", ["UN-Habitat", "UN-Women"]),
    ("Briefing by the Secretariat of the Minamata Convention on Mercury", ["MINAMATA"]),
    ("Training at the ITC-ILO campus with ITC staff", ["ITCILO", "ITC"]),
    ("WHO and UNEP will co-host", ["WHO", "UNEP"]),
    ("Atelier avec le PNUD et le HCDH", ["UNDP", "OHCHR"]),
    ("Taller con el PNUMA y ONU Mujeres", ["UNEP", "UN-Women"]),
])
def test_organisations_mentions_find_named_organisations(text, want):
    assert _ids(text) == want


@pytest.mark.parametrize("text", [
    "Who will lead the work?",
    "WHO WILL LEAD THE WORK",
    "A global fund for red cross volunteers",
    "ODA flows to least developed countries",
    "UNCTs and RCs will be consulted",
    "Report to UNIMDIS and PIMS on the implementation",
    "the itc and unep teams",
    "Common Country Analyses/UNCDFs",
    "",
])
def test_organisations_mentions_ignore_words_and_unknowns(text):
    assert _ids(text) == []


def test_organisations_mentions_give_character_offsets():
    text = "Work with UN Environment and UNOPS."
    for _org_id, matched, start, end in default_matcher().find_mentions(text):
        assert text[start:end] == matched
    assert default_matcher().find_mentions(text)[0][:2] == ("UNEP", "UN Environment")


def test_organisations_mentions_match_gold_activity_texts(shared_dir):
    # Every activity of both gold plans: exactly the gold `mentioned` organisations (the issuing
    # EMG is the caller's to drop).
    m = default_matcher()
    for name in ("img-hre-draft-workplan.gold.json", "emg-workplan-2018.gold.json"):
        gold = json.loads((shared_dir / "gold" / name).read_text(encoding="utf-8"))
        want: dict[str, set] = {}
        for p in gold["participants"]:
            if p["role"] == "mentioned":
                want.setdefault(p["subject"], set()).add(p["org_id"])
        for a in gold["activities"]:
            got = {x[0] for x in m.find_mentions(a["text"])} - {"EMG"}
            assert got == want.get(a["key"], set()), (name, a["key"])
        assert sum(len(v) for v in want.values()) >= 10


def test_organisations_mentions_scan_the_seed_exports(seeds_dir):
    m = default_matcher()
    text = (seeds_dir / "emg-workplan-2018.txt").read_text(encoding="utf-8")
    found = {x[0] for x in m.find_mentions(text)}
    assert {"EMG", "UNEP", "UNOPS", "ITCILO", "UNICEF", "UNHCR", "UNFCCC", "DFS", "HLCP", "HLCM", "CEB"} <= found
    assert "ITC" not in found


@pytest.mark.parametrize(("author", "tag", "want"), [
    ("Gita Parihar", "HOTMAIL", None),
    ("BENJAMIN SCHACHTER", "OHCHR", "OHCHR"),
    ("Jane Doe", "UN-HABITAT", "UN-Habitat"),
    ("UNEP Secretariat", None, "UNEP"),
    ("Ana Pérez (PNUD)", None, "UNDP"),
    ("Ana Pérez", None, None),
    (None, None, None),
    ("", "", None),
])
def test_organisations_mentions_resolve_comment_authors(author, tag, want):
    assert author_org(author, tag) == want


def test_organisations_mentions_resolve_gold_comment_authors(shared_dir):
    gold = json.loads((shared_dir / "gold" / "img-hre-draft-workplan.gold.json").read_text(encoding="utf-8"))
    assert gold["comments"]
    for c in gold["comments"]:
        assert author_org(c["author"], c["author_tag"]) == c["author_org_id"]


def test_organisations_mentions_build_the_pipeline_once():
    m = default_matcher()
    m.find_mentions("UNEP")
    finder = m._mentions
    m.find_mentions("UNDP and OHCHR")
    assert m._mentions is finder
    assert finder.nlp.pipe_names == []  # tokenizer only: no model download
