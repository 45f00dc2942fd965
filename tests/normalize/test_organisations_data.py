"""The organisation reference data: size, completeness, no acronym that points two ways."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from normalize.data import DATA_DIR, load_org_terms, load_organisations
from normalize.organisations import OrgMatcher, default_matcher, default_organisations, org_key

CATEGORIES = {"fund_programme", "specialized_agency", "related_organization", "department_office",
              "regional_commission", "research_training", "convention_secretariat",
              "coordination_body", "partner", "other"}


def test_organisations_data_has_at_least_250_unique_ids():
    ids = [r["org_id"] for r in load_organisations()]
    assert len(ids) >= 250
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_organisations_data_rows_have_id_name_and_known_category():
    with open(DATA_DIR / "organisations.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["org_id"].strip() and r["name_en"].strip() for r in rows)
    assert {r["category"] for r in rows} <= CATEGORIES
    ids = {r["org_id"] for r in rows}
    assert {r["parent"] for r in rows if r["parent"]} <= ids


def test_organisations_data_no_term_points_to_two_ids():
    # A conflict would make the first row win silently; every shared key must be resolved in the data.
    assert default_matcher().conflicts == {}


def test_organisations_data_flags_name_terms_of_their_own_row():
    for row in load_organisations():
        own = {row["org_id"], row["name_en"], row["name_fr"], row["name_es"], *row["acronyms"], *row["aliases"]}
        assert set(row["ambiguous"]) <= own, row["org_id"]
        assert set(row["list_only"]) <= own, row["org_id"]


@pytest.mark.parametrize("org_id", ["UNDP", "UNEP", "UNFPA", "UN-Habitat", "UNICEF", "WFP", "UNCDF", "UNV",
                                    "UNOPS", "UNRWA", "UN-Women", "FAO", "ICAO", "IFAD", "ILO", "IMF", "IMO",
                                    "ITU", "UNESCO", "UNIDO", "UNWTO", "UPU", "WHO", "WIPO", "WMO", "IBRD",
                                    "IDA", "IFC", "MIGA", "ICSID", "IAEA", "IOM", "OPCW", "CTBTO", "WTO", "ITC",
                                    "UNCTAD", "UNHCR", "OHCHR", "UNODC", "UNITAR", "UNU", "UNRISD", "UNSSC",
                                    "UNICRI", "UNIDIR", "DESA", "DCO", "DPPA", "DPO", "DOS", "DMSPC", "DGACM",
                                    "DGC", "DSS", "OCHA", "UNODA", "OLA", "OIOS", "OSAA", "UNOCT", "OHRLLS",
                                    "UNDRR", "UNOOSA", "DFS", "DPI", "DPKO", "ECA", "UNECE", "ECLAC", "ESCAP",
                                    "ESCWA", "UNFCCC", "CBD", "UNCCD", "MINAMATA", "BRS", "CITES", "CMS",
                                    "RAMSAR", "OZONE", "IPBES", "IPCC", "GEF", "GCF", "UNFF", "CEB", "HLCP",
                                    "HLCM", "UNSDG", "EMG", "UN-Water", "UN-Energy", "UN-Oceans", "ITCILO",
                                    "IUCN", "WWF", "WRI", "IIED", "UNGC", "OECD", "EU", "AU", "WEF", "CIVICUS",
                                    "GREENPEACE", "ICLEI", "ICRC", "IFRC", "Gavi", "GFATM", "UNAIDS", "SEI"])
def test_organisations_data_covers_the_un_system_chart(org_id):
    assert org_id in {o.org_id for o in default_organisations()}


def test_organisations_data_loaders_read_once():
    assert load_organisations() is load_organisations()
    assert load_org_terms() is load_org_terms()
    assert default_matcher() is default_matcher()


def test_organisations_data_terms_have_known_kinds_and_scopes():
    terms = load_org_terms()
    assert {t["kind"] for t in terms} == {"role", "group", "qualifier", "label", "unit", "body_word"}
    assert all(t["scope"] in ("start", "end") for t in terms if t["kind"] == "unit")
    assert all(t["scope"] in ("list", "item") for t in terms if t["kind"] == "qualifier")
    assert all(t["key"] for t in terms if t["kind"] in ("role", "group", "qualifier"))


def test_a_person_with_an_organisation_in_brackets_gives_the_organisation():
    m = OrgMatcher()
    assert [r.org_id for r in m.split_list("Mercy Otieno (CIFOR-ICRAF)")] == ["CIFOR-ICRAF"]
    assert [r.org_id for r in m.split_list("J. M. Diallo (UNICEF)")] == ["UNICEF"]
    # a body named before the bracket stays a participant of its own
    assert len(m.split_list("Ministry of Health (WHO)")) == 2
    assert [r.org_id for r in m.split_list("Task team (UNEP)")] == ["group:Task team", "UNEP"]


def test_organisations_data_custom_list_replaces_the_default():
    from normalize.organisations import Organisation
    m = OrgMatcher([Organisation("ACME", "Acme Agency", "partner", acronyms=("ACME",))])
    assert m.lookup("acme agency").org_id == "ACME"
    assert m.lookup("UNDP") is None
    assert org_key("  U.N.–Women ") == "un women"


def test_collective_bodies_are_groups_not_unlisted_organisations():
    m = OrgMatcher()
    assert [r.org_id for r in m.split_list("Local communities; IUCN")] == ["group:Local communities", "IUCN"]
    assert [r.org_id for r in m.split_list("Donors")] == ["group:Donors"]
