"""Splitting a participant list cell into organisations, groups, role references and qualifiers."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.organisations import OrgRef, default_matcher

GOLD_FILES = ["img-hre-draft-workplan.gold.json", "emg-workplan-2018.gold.json"]


def _gold(shared_dir, name):
    return json.loads((shared_dir / "gold" / name).read_text(encoding="utf-8"))


def _resolve(refs: list[OrgRef], holder: str | None) -> list[tuple[str | None, str | None]]:
    """(org_id, qualifier) per ref, a role reference replaced by the section's lead as the caller does."""
    return [(holder if r.role_ref else r.org_id, r.qualifier) for r in refs]


def test_organisations_lists_reproduce_every_gold_cell(shared_dir):
    m = default_matcher()
    checked = 0
    for name in GOLD_FILES:
        gold = _gold(shared_dir, name)
        section_of = {a["key"]: a["section"] for a in gold["activities"]}
        leads = {p["subject"]: p["org_id"] for p in gold["participants"] if p["role"] == "lead"}
        expected: dict[tuple[str, str, str], list] = {}
        for p in gold["participants"]:
            if p["role"] == "mentioned":
                continue
            key = (p["subject"], p["role"], p["raw"])
            expected.setdefault(key, []).append((p["org_id"], p.get("qualifier")))
        for (subject, role, raw), want in expected.items():
            holder = leads.get(section_of.get(subject, subject))
            got = _resolve(m.split_list(raw), holder)
            assert got == want, (subject, role, raw)
            checked += 1
    assert checked >= 40


def test_organisations_lists_read_the_seed_list_paragraphs(seeds_dir, shared_dir):
    # "Focus Area Lead: X" / "Contributing Agencies: ..." paragraphs of the real export, in order.
    m = default_matcher()
    text = (seeds_dir / "img-hre-draft-workplan.txt").read_text(encoding="utf-8")
    leads = [ln for ln in text.splitlines() if ln.startswith("Focus Area Lead:")]
    contributors = [ln for ln in text.splitlines() if ln.startswith("Contributing Agencies:")]
    gold = _gold(shared_dir, "img-hre-draft-workplan.gold.json")["participants"]
    for i, (lead, contrib) in enumerate(zip(leads, contributors, strict=True), start=1):
        s = f"S{i}"
        assert [r.org_id for r in m.split_list(lead)] == [p["org_id"] for p in gold
                                                          if p["subject"] == s and p["role"] == "lead"]
        assert [r.org_id for r in m.split_list(contrib)] == [p["org_id"] for p in gold
                                                             if p["subject"] == s and p["role"] == "contributor"]
    assert len(leads) == 3


def test_organisations_lists_read_the_bulleted_co_chairs(seeds_dir):
    text = (seeds_dir / "img-hre-draft-workplan.txt").read_text(encoding="utf-8")
    block = text.split("Co-Chairs:", 1)[1].split("Role of Co-Chairs", 1)[0]
    assert [r.org_id for r in default_matcher().split_list(block)] == ["OHCHR", "UNDP", "UNEP"]


@pytest.mark.parametrize(("raw", "want"), [
    ("UNDP/OHCHR", [("UNDP", None), ("OHCHR", None)]),
    ("OHCHR, WWF (tbc) and CBD", [("OHCHR", None), ("WWF", "tbc"), ("CBD", None)]),
    ("UNFFS/DESA", [("UNFF", None), ("DESA", None)]),
    ("OHCHR, UN Women, UNEP, ILO, UN-HABITAT, ",
     [("OHCHR", None), ("UN-Women", None), ("UNEP", None), ("ILO", None), ("UN-Habitat", None)]),
    ("Secretariat of the Minamata Convention on Mercury", [("MINAMATA", None)]),
    ("Food and Agriculture Organization of the United Nations and UNEP", [("FAO", None), ("UNEP", None)]),
    ("Secretariat of the Basel, Rotterdam and Stockholm Conventions; UNEP", [("BRS", None), ("UNEP", None)]),
    ("Bill & Melinda Gates Foundation + Gavi", [("BMGF", None), ("Gavi", None)]),
    ("United Nations Environment Programme (UNEP)", [("UNEP", None)]),
    ("UN Environment", [("UNEP", None)]),
    ("ITCILO", [("ITCILO", None)]),
    ("ITC-ILO, ITC", [("ITCILO", None), ("ITC", None)]),
    ("ITC, ILO", [("ITC", None), ("ILO", None)]),
    ("WWF International", [("WWF", None)]),
    ("UNDP tbc", [("UNDP", "tbc")]),
    ("UNDP (lead), UNEP (to be confirmed)", [("UNDP", "lead"), ("UNEP", "to be confirmed")]),
    ("UNDP (country offices)", [("UNDP", "country offices")]),
    ("OHCHR UNDP", [("OHCHR", None), ("UNDP", None)]),
    ("- UNEP\n- UNDP\n\n• ILO", [("UNEP", None), ("UNDP", None), ("ILO", None)]),
    ("Contributing Agencies: OHCHR, UN Women", [("OHCHR", None), ("UN-Women", None)]),
    ("Task team", [("group:Task team", None)]),
    ("IMG members", [("group:IMG members", None)]),
    ("Working group on e-waste", [("group:Working group on e-waste", None)]),
    ("TBD", [(None, "tbd")]),
    ("UNDP with support from UNEP", [("UNDP", None), ("UNEP", None)]),
    ("UNDP in close cooperation with DCO", [("UNDP", None), ("DCO", None)]),
    ("UNDP and others", [("UNDP", "and others")]),
    ("UNDP, UNEP, etc.", [("UNDP", "etc."), ("UNEP", "etc.")]),
    ("UNEP Economy Division", [("UNEP", None)]),
    ("UNDP's country offices, NGOs", [("UNDP", None), ("group:NGOs", None)]),
    ("Ministry of Environment", [(None, None)]),
])
def test_organisations_lists_split_english_cells(raw, want):
    assert [(r.org_id, r.qualifier) for r in default_matcher().split_list(raw)] == want


@pytest.mark.parametrize(("raw", "want"), [
    ("PNUD et HCDH", ["UNDP", "OHCHR"]),
    ("PNUMA y ONU Mujeres", ["UNEP", "UN-Women"]),
    ("ONU-Femmes, PNUE, OIT et ONU-Habitat", ["UN-Women", "UNEP", "ILO", "UN-Habitat"]),
    ("Organisation des Nations Unies pour l'alimentation et l'agriculture et PAM", ["FAO", "WFP"]),
    ("Programa de las Naciones Unidas para el Desarrollo y ACNUR", ["UNDP", "UNHCR"]),
    ("CEPAL, CESPAP y OMS", ["ECLAC", "ESCAP", "WHO"]),
    ("Haut-Commissariat des Nations Unies aux droits de l'homme", ["OHCHR"]),
    ("HCDH (à confirmer)", ["OHCHR"]),
])
def test_organisations_lists_split_french_and_spanish_cells(raw, want):
    assert [r.org_id for r in default_matcher().split_list(raw)] == want


def test_organisations_lists_keep_french_qualifier():
    (ref,) = default_matcher().split_list("HCDH (à confirmer)")
    assert ref.qualifier == "à confirmer"


@pytest.mark.parametrize(("raw", "role"), [
    ("Focus area lead", "focus area lead"),
    ("Focus Area Leads", "focus area lead"),
    ("Lead agency", "lead agency"),
    ("Co-chairs", "co-chair"),
])
def test_organisations_lists_leave_role_references_to_the_caller(raw, role):
    (ref,) = default_matcher().split_list(raw)
    assert (ref.org_id, ref.role_ref, ref.known, ref.raw) == (None, role, True, raw)


@pytest.mark.parametrize(("raw", "org_id"), [
    # a secretariat is a body that does the work, not a pointer to another role's holder
    ("Secretariat", "group:Secretariat"),
    ("AMR Secretariat", "group:AMR Secretariat"),
    ("Secretaría técnica", "group:Secretaría técnica"),
    ("Secrétariat du groupe", "group:Secrétariat du groupe"),
])
def test_organisations_lists_secretariats_are_groups(raw, org_id):
    (ref,) = default_matcher().split_list(raw)
    assert (ref.org_id, ref.role_ref) == (org_id, None)


def test_organisations_lists_emit_holders_instead_of_the_role():
    refs = default_matcher().split_list("Focus area lead (OHCHR, WWF (tbc) and CBD, others welcome to join)")
    assert [(r.org_id, r.qualifier, r.role_ref) for r in refs] == [
        ("OHCHR", "others welcome to join", None),
        ("WWF", "tbc; others welcome to join", None),
        ("CBD", "others welcome to join", None)]


@pytest.mark.parametrize(("raw", "suggestion"), [("UNIMDIS", None), ("PIMS", None), ("UNDPP", "UNDP"),
                                                 ("UNICEFF", "UNICEF"), ("ZZTOP", None)])
def test_organisations_lists_flag_unknown_acronyms(raw, suggestion):
    (ref,) = default_matcher().split_list(raw)
    assert (ref.org_id, ref.known, ref.suggestion, ref.raw) == (None, False, suggestion, raw)


def test_organisations_lists_near_miss_on_full_names():
    m = default_matcher()
    assert m.near_miss("United Nations Developement Programme") == "UNDP"
    assert m.near_miss("Ministry of Environment of Kenya") is None
    assert m.near_miss("") is None


@pytest.mark.parametrize("raw", ["", "   ", ",", " , ; ", "\n\n", "-", None])
def test_organisations_lists_give_nothing_for_empty_cells(raw):
    assert default_matcher().split_list(raw) == []


@pytest.mark.parametrize("raw", ["UNDP (tbc", "UNDP) and (UNEP", "((((", "UNEP ((tbc)))", "/ / UNDP / /"])
def test_organisations_lists_survive_unbalanced_brackets(raw):
    refs = default_matcher().split_list(raw)
    assert all(isinstance(r, OrgRef) for r in refs)
    assert any(r.org_id in ("UNDP", "UNEP") for r in refs) or raw == "(((("


@settings(max_examples=60, deadline=None)
@given(st.one_of(
    st.lists(st.sampled_from(list("UNDPEOHCR ,;/+&()-\nabtc") + [" and ", "UN Women", "tbc", "Focus area lead"]),
             max_size=30).map("".join),
    st.text(max_size=40)))
def test_organisations_lists_never_crash_on_any_text(raw):
    refs = default_matcher().split_list(raw)
    for r in refs:
        assert r.org_id is None or r.org_id.startswith("group:") or default_matcher().lookup(r.org_id)
        assert r.qualifier is None or r.qualifier.strip()
        assert re.sub(r"\s", "", r.raw)


def test_unlisted_names_joined_by_and_stay_one_name_and_partner_numbers_go():
    from normalize.organisations import default_matcher

    m = default_matcher()
    split = [[r.raw for r in m.split_list(t)] for t in (
        "Office of Management and Budget", "Ministry of Health and Ministry of Education", "Boris and Rob",
        "1 - UPSud", "11 - UVSQ, UNEP")]
    assert split == [["Office of Management and Budget"], ["Ministry of Health", "Ministry of Education"],
                     ["Boris", "Rob"], ["UPSud"], ["UVSQ", "UNEP"]]


@pytest.mark.parametrize(("raw", "org_id"), [
    # a unit named alone is a body (group); under a listed organisation it is that organisation
    ("Health Promotion Unit", "group:Health Promotion Unit"),
    ("Veterinary Services Department", "group:Veterinary Services Department"),
    ("Unidad de Salud Ambiental", "group:Unidad de Salud Ambiental"),
    ("Direction de la santé publique", "group:Direction de la santé publique"),
    ("UNEP Economy Division", "UNEP"),
    ("UNDP Country Office", "UNDP"),
    ("Ministry of Education", None),  # an organisation the list does not know: no unit word
    ("Department of Education", None),  # English puts the unit word last; first, it names a ministry
])
def test_organisations_lists_units(raw, org_id):
    (ref,) = default_matcher().split_list(raw)
    assert ref.org_id == org_id
