"""Properties of read_timeline on any text: it never raises, and every reading is
consistent (start <= end, kind agrees with which dates are null)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.timelines import CERTAINTIES, KINDS, TimelineContext, read_timeline

# the null pattern each kind allows: (start is None, end is None)
NULLS = {"point": (False, False), "range": (False, False), "deadline": (True, False),
         "open_ended": (False, True), "unknown": (True, True)}
PRECISIONS = {None, "day", "month_part", "month", "quarter", "half", "year"}

WORDS = ["Q3", "Qs", "1", "2", "15", "17", "31", "2021", "2022", "18", "June", "Sept.", "Dec", "janv.",
         "marzo", "mid", "late", "end", "early", "-", "–", "/", "to", "and", "by", "from", "onwards",
         "(tentative)", "[TBC]", "TBD", "of", "de", "a", "au", "H1", "S2", "T4", "first", "half", "quarter",
         "week", "N.B.", ":", "\n", "ongoing", "annually", "03/04", "2021-07-15", "29/02/2021", "(", ")"]
contexts = st.builds(TimelineContext,
                     reference_year=st.one_of(st.none(), st.integers(1, 9999)),
                     two_digit_years=st.booleans())


def check(result) -> None:
    for r in result.readings:
        assert r.kind in KINDS and r.certainty in CERTAINTIES and r.precision in PRECISIONS
        assert ((r.start is None), (r.end is None)) == NULLS[r.kind], r
        if r.start and r.end:
            assert r.start <= r.end, r
    for e in result.events:
        assert e.name and (e.start is None or e.end is None or e.start <= e.end)


@settings(max_examples=300, deadline=None)
@given(st.text(), contexts)
def test_timelines_any_text_never_raises(text, ctx):
    check(read_timeline(text, ctx))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8), contexts)
def test_timelines_date_like_text_gives_consistent_readings(words, ctx):
    check(read_timeline(" ".join(words), ctx))
