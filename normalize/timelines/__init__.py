"""Timelines: free-text timeline cells and Gantt marks into dated readings.

"Qs 1 and 2, 2022", "By mid-June", "Oct 17 – Mar 18" or an X under "Q3" become
`TimelineReading`s (start, end, kind, precision, certainty, note; SPEC
"timelines"), and "N.B." notes inside a cell become events. The package reads,
bottom up: `model` (the context and reading types), `grammar` (time words and
tokens), `parse` (atoms and groups), `resolve` (years, roll-over, merging),
`reader` (one cell), `grid` (Gantt grids, document-level inference) and `step`
(the pipeline step that writes the timelines rows).
"""

from .grid import column_period, gantt_readings, infer_reference_year, infer_two_digit_years
from .model import (
    CERTAINTIES,
    DEFAULT_CONTEXT,
    KINDS,
    TimelineContext,
    TimelineEvent,
    TimelineReading,
    TimelineResult,
    is_year,
    iso_date,
    language_order,
    years_in,
)
from .reader import read_timeline, reads_as_date, timeline_command_lines, to_json, without_notes
from .resolve import month_period, quarter_period

__all__ = [
    "TimelineContext", "TimelineReading", "TimelineEvent", "TimelineResult", "read_timeline", "reads_as_date",
    "to_json", "timeline_command_lines", "years_in", "infer_two_digit_years", "infer_reference_year",
    "quarter_period", "month_period", "column_period", "gantt_readings", "KINDS", "CERTAINTIES",
    "DEFAULT_CONTEXT", "without_notes", "is_year", "iso_date", "language_order",
]
