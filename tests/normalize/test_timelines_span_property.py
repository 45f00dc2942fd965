"""Property (issue 11): a reading never spans more than the widest unit its cell names.
A month cell never yields a quarter or a year, a quarter cell never a year, a day cell
one day; whatever the spacing, punctuation, spelling, language or words around it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.timelines import TimelineContext, read_timeline

# the most days each unit can cover (a season or a quarter three months, a week seven days)
MOST_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "season": 92, "half": 184, "year": 366}

MONTHS = ["March", "Mar", "Mar.", "mars", "marzo", "Sept", "Sept.", "September", "septiembre", "Febuary",
          "Jnue", "Ocotber", "Oct", "décembre", "Dic", "juillet", "Aug"]
QUARTERS = ["Q1", "Q 2", "3Q", "q4", "T2", "1er trimestre", "second quarter of", "tercer trimestre de",
            "Q3 FY", "FY Q2"]
HALVES = ["H1", "2H", "S2", "premier semestre", "second half of", "segundo semestre de"]
SEASONS = ["Summer", "winter", "Autumn", "Fall", "été", "printemps", "verano", "invierno"]
DAYS = ["15 March", "March 15th,", "le 15 mars", "15 de marzo de", "Tue 15 June", "30th Sept."]
YEARS = ["2021", "2022"]
GLUE = [" ", "-", ", ", "/", " of ", ""]
PREFIX = ["", "early ", "mid-", "end of ", "by ", "NLT ", "before ", "in ", "during ", "courant ",
          "a finales de ", "d'ici fin "]
NOISE = ["", " (tbc)", " [tentative]", " approx.", " - workshop", " (see note)"]


def cell(unit: str, words: list[str], prefix: list[str] = PREFIX):
    return st.tuples(st.just(unit), st.sampled_from(prefix), st.sampled_from(words), st.sampled_from(GLUE),
                     st.sampled_from(YEARS), st.sampled_from(NOISE))


CELLS = st.one_of(
    cell("month", MONTHS), cell("quarter", QUARTERS), cell("half", HALVES), cell("season", SEASONS),
    cell("day", DAYS, ["", "by ", "NLT ", "before ", "on ", "au plus tard le "]),
    st.tuples(st.just("week"), st.sampled_from(["week of ", "w/c ", "semaine du ", "semana del "]),
              st.sampled_from(["12 July", "14 July", "5 April"]), st.just(" "), st.sampled_from(YEARS),
              st.sampled_from(NOISE)),
)


def widest_unit_span(readings) -> list[int]:
    return [(r.end - r.start).days + 1 for r in readings if r.start and r.end]


@settings(max_examples=500, deadline=None)
@given(CELLS, st.sampled_from([None, 7]))
def test_a_reading_is_never_wider_than_the_widest_unit_named(parts, fiscal_start):
    unit, prefix, word, glue, year, noise = parts
    text = f"{prefix}{word}{glue}{year}{noise}"
    ctx = TimelineContext(reference_year=2021, fiscal_year_start=fiscal_start)
    result = read_timeline(text, ctx)
    for days in widest_unit_span(result.readings):
        assert days <= MOST_DAYS[unit], (text, result.readings)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(MONTHS), st.sampled_from(["", " 2021", "-2021", ", 2021", " '21"]))
def test_a_month_cell_without_a_day_is_at_most_its_month(month, year):
    result = read_timeline(f"{month}{year}", TimelineContext(reference_year=2020))
    assert result.readings
    for days in widest_unit_span(result.readings):
        assert days <= 31, (month, year, result.readings)
