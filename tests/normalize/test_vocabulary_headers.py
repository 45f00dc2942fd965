"""Header words (data/structure.json "column_roles") match whole words, never
substrings (issue 9): "Update" holds "date" but names no timeline column."""

from __future__ import annotations

import pytest

from normalize.structure.columns import header_role
from normalize.structure.headings import is_workplan_heading


@pytest.mark.parametrize(("header", "wrong"), [
    ("Update", "timeline"),                       # holds "date"
    ("Mandate", "timeline"),
    ("Leadership programme", "lead"),             # holds "lead"
    ("Whole-of-system approach", "responsible"),  # holds "who"
    ("Identity", "responsible"),                  # holds "entity"
    ("Socioeconomic impact", "contributor"),      # holds "socio"
    ("Energy", "period"),                         # starts with "ene" (enero)
    ("Decision", "period"),                       # starts with "dec"
    ("Market", "period"),
])
def test_header_words_are_whole_words(header, wrong):
    assert header_role(header) != wrong


@pytest.mark.parametrize(("header", "role"), [
    ("Calendrier", "timeline"), ("Fecha", "timeline"), ("Fechas", "timeline"), ("Date", "timeline"),
    ("Dates", "timeline"), ("Time-frame", "timeline"), ("Échéance", "timeline"), ("Deadline", "timeline"),
    ("Chef de file", "lead"), ("Lead agency", "lead"), ("Leads", "lead"), ("Co-lead", "lead"),
    ("Lead/Co-lead", "lead"), ("Coordinateur", "lead"),
    ("Responsable", "responsible"), ("Responsables", "responsible"), ("Responsible entity", "responsible"),
    ("Responsibility", "responsible"), ("Who", "responsible"), ("By whom", "responsible"),
    ("Entidad", "responsible"),
    ("Contributing partners", "contributor"), ("Partenaires", "contributor"), ("Socios", "contributor"),
    ("Activities", "item"), ("Actividades", "item"), ("Activités", "item"), ("Tasks", "item"),
    ("Outputs", "output"), ("Produits", "output"), ("Output/Activity", "output"),
    ("Proposed output", "output"), ("Output activities", "output"),
    ("Expected accomplishment", "section"), ("Eje", "section"),
    ("Ene", "period"), ("Dic 2023", "period"), ("Sept.", "period"), ("Févr", "period"),
    ("Fevrier", "period"), ("Setiembre", "period"), ("Q3 2021", "period"), ("2022", "period"),
    ("No.", "label"), ("N°", "label"), ("#", "label"), ("Budget (USD)", "other"), ("Indicators", "other"),
])
def test_header_words_keep_plurals_accents_and_several_words(header, role):
    assert header_role(header) == role


@pytest.mark.parametrize(("heading", "names_plan"), [
    ("Network plan", False),                      # holds "work plan"
    ("Homework planning", False),
    ("Draft Workplan", True), ("EMG work-plan 2018", True), ("Workplans 2021-2022", True),
    ("Plan de travail 2022", True), ("Plan de trabajo", True),
])
def test_workplan_words_are_whole_words(heading, names_plan):
    assert is_workplan_heading(heading) == names_plan
