"""Event tables are found by a column of dates, not by their width (issue 10)."""

from __future__ import annotations

from normalize.events import split_names
from normalize.pipeline import normalize_document
from parsers.model import Cell, Document, Paragraph, Row, Table


def table(index: int, rows: list[tuple[str, ...]]) -> Table:
    base = 1000 * index
    return Table(base, index, tuple(
        Row(r, tuple(Cell(r, c, (Paragraph(base + 10 * r + c + 1, t, f"table {index}, row {r + 1}, col {c + 1}"),),
                          f"table {index}, row {r + 1}, col {c + 1}") for c, t in enumerate(row)),
            f"table {index}, row {r + 1}") for r, row in enumerate(rows)), len(rows[0]), f"table {index}")


def events_of(*blocks):
    records, _ = normalize_document(Document("x.docx", "docx", tuple(blocks)))
    return [(e.name, e.raw_period, e.start, e.end) for e in records.tables["events"]]


def test_date_event_venue_table_keeps_the_venue_out_and_the_header_row_out():
    got = events_of(Paragraph(1, "Annex 1: Key dates", "paragraph 1", bold=True),
                    table(1, [("Date", "Event", "Venue"), ("5 June 2024", "World Environment Day", "Riyadh"),
                              ("21 Oct – 1 Nov 2024", "CBD COP 16", "Cali, Colombia")]))
    assert got == [("World Environment Day", "5 June 2024", "2024-06-05", "2024-06-05"),
                   ("CBD COP 16", "21 Oct – 1 Nov 2024", "2024-10-21", "2024-11-01")]


def test_an_acronyms_annex_is_not_events():
    assert events_of(Paragraph(1, "Annex 2: Acronyms", "paragraph 1", bold=True),
                     table(1, [("Acronym", "Meaning"), ("CBD", "Convention on Biological Diversity"),
                               ("COP", "Conference of the Parties"), ("INC", "Intergovernmental Negotiating Committee")])
                     ) == []


def test_a_work_table_with_an_event_header_and_a_lead_is_no_event_table():
    got = events_of(Paragraph(1, "Meetings", "paragraph 1", heading_level=1),
                    table(1, [("Meeting", "Lead", "Date"), ("Annual members' meeting", "UNEP", "December 2024"),
                              ("Mid-year review", "UNDP", "June 2024")]))
    assert got == []


def test_commas_split_event_lists_but_not_names():
    assert split_names("UNEA-5.1, HRC 46") == ["UNEA-5.1", "HRC 46"]
    assert split_names("Workshop on monitoring, reporting and verification") == [
        "Workshop on monitoring, reporting and verification"]
    assert split_names("HRC 48, HLPF (focus on SDG 13, 14)") == ["HRC 48", "HLPF (focus on SDG 13, 14)"]
