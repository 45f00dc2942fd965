"""Document-level timeline decisions: two-digit years and the reference year, read
from the cells of the seed exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.timelines import infer_reference_year, infer_two_digit_years, years_in


def seed_cells(path: Path) -> list[str]:
    """The table cells of a Tika-style text export: a cell starts on a line with a TAB
    and continues on the following lines without one (SPEC "Inputs")."""
    cells: list[list[str]] = []
    in_cell = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t"):
            cells.append([line.split("\t")[1]])
            in_cell = True
        elif not line.strip():
            in_cell = False
        elif in_cell:
            cells[-1].append(line)
    return ["\n".join(c) for c in cells]


@pytest.fixture(scope="module")
def emg_cells(seeds_dir: Path) -> list[str]:
    return seed_cells(seeds_dir / "emg-workplan-2018.txt")


@pytest.fixture(scope="module")
def hre_cells(seeds_dir: Path) -> list[str]:
    return seed_cells(seeds_dir / "img-hre-draft-workplan.txt")


def test_timelines_emg_seed_writes_two_digit_years(emg_cells):
    schedule = [c for c in emg_cells if "Sept 17" in c or "Oct 17" in c]
    assert schedule, "the EMG seed's schedule cells were not found"
    assert infer_two_digit_years(schedule)
    assert infer_two_digit_years(emg_cells)


def test_timelines_hre_seed_does_not(hre_cells):
    assert any("By 15 July" in c for c in hre_cells)
    assert not infer_two_digit_years(hre_cells)


@pytest.mark.parametrize(("cells", "expected"), [
    (["Oct 17 – Mar 18", "Jan-April 18", "Dec 18 (tentative)", "Sept 17"], True),
    (["Sept 17"], False),                              # one number and no stated year: no signal
    (["Work plan 2017-2018", "Sept 17"], True),
    (["July 15, 2021", "June 30, 2021"], False),       # month-day-year dates
    (["June 1st", "July 3rd"], False),
    (["15 July", "By mid-June", "Q3 2021"], False),
    (["Report 2021", "June 10", "July 25"], False),    # days far from the stated year
    ([], False),
])
def test_timelines_infer_two_digit_years(cells, expected):
    assert infer_two_digit_years(cells) is expected


def test_timelines_infer_reference_year(emg_cells, hre_cells):
    assert infer_reference_year(["June 2021", "Q3 2021", "2022"], False) == 2021
    assert infer_reference_year(["2022", "2021"], False) == 2021          # tie: the earliest
    assert infer_reference_year(["June", "TBD"], False) is None
    assert infer_reference_year(["Oct 17", "Nov 17", "Jan 18"], True) == 2017
    assert infer_reference_year(["Oct 17", "Nov 17", "Jan 18"], False) is None
    assert infer_reference_year(hre_cells, False) == 2021
    assert infer_reference_year(emg_cells, True) in (2017, 2018)


def test_timelines_years_in():
    assert years_in("Sept – Oct 2017, then 2018-07-15") == [2017, 2018]
    assert years_in("12345 and 1850 and 20211") == []
    assert years_in("") == []


def test_recurring_cells_span_the_plan_period_the_title_states():
    # SPEC: a recurring cell is a range over the plan period: "Work plan 2025–2026" is two years
    from normalize.pipeline import normalize_document
    from parsers.model import Document, Paragraph

    blocks = (Paragraph(0, "Task force on urban heat: work plan 2025–2026", "p1", heading_level=1),
              Paragraph(1, "Activities:", "p2"),
              Paragraph(2, "Publish the newsletter (quarterly)", "p3", list_label="•", list_kind="bullet",
                        list_level=0),
              Paragraph(3, "Hold the annual meeting (June 2025)", "p4", list_label="•", list_kind="bullet",
                        list_level=0))
    records, info = normalize_document(Document("x.docx", "docx", blocks))
    got = [(t.raw, t.start, t.end, t.note) for t in records.tables["timelines"]]
    assert got == [("quarterly", "2025-01-01", "2026-12-31", "recurring; quarterly"),
                   ("June 2025", "2025-06-01", "2025-06-30", None)]
