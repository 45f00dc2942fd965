"""Context: what the steps of one document's normalization share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parsers.model import Document

from .structure.outline import Outline

# Fields set before the first step runs; every other field is written by a step
# (normalize.pipeline.STEPS declares which).
GIVEN = frozenset({"doc", "doc_id", "languages", "fiscal_year_start"})


@dataclass
class Context:
    """Shared state of one normalization run.

    outline: filled by the structure step.
    reference_year: the year for timeline cells without one (timelines step).
    two_digit_years: whether "Oct 17" means October 2017 in this document.
    period_start / period_end: the plan's overall span, where stated or implied.
    languages / fiscal_year_start: run options (--lang, --fiscal-year-start) the
        timelines step reads; a fiscal year the document states wins.
    """

    doc: Document
    doc_id: str | None = None
    outline: Outline = field(default_factory=Outline)
    title: str | None = None
    reference_year: int | None = None
    two_digit_years: bool = False
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    languages: tuple[str, ...] = ()
    fiscal_year_start: int | None = None
