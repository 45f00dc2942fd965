"""The normalizer pipeline: named steps run in order over one parsed Document.

Each step has the signature `run(doc, ctx) -> Records`. The first step
(`structure`) builds the document's outline (sections, activities and the cells
that belong to them) into `ctx.outline`; later steps read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parsers.model import Document

from .context import Context
from .records import Records


@dataclass(frozen=True)
class DocInfo:
    """Document-level facts for the `documents` table."""

    title: str | None
    reference_year: int | None
    period_start: str | None
    period_end: str | None


def _steps() -> dict[str, Callable[[Document, Context], Records]]:
    from . import attachments, events
    from .organisations import participants
    from .structure import step as structure
    from .timelines import step as timelines
    return {
        "structure": structure.run,
        "timelines": timelines.run,
        "participants": participants.run,
        "attachments": attachments.run,
        "events": events.run,
    }


STEP_NAMES = ("structure", "timelines", "participants", "attachments", "events")


def normalize_document(doc: Document, doc_id: str | None = None,
                       steps: tuple[str, ...] = STEP_NAMES) -> tuple[Records, DocInfo]:
    """All records of one document, and its document-level facts.

    doc_id: the id document-level subjects get (SPEC subject_id); None outside a batch.
    """
    ctx = Context(doc, doc_id=doc_id)
    registry = _steps()
    records = Records()
    for name in steps:
        records.extend(registry[name](doc, ctx))
    for n, row in enumerate(records.tables["events"], 1):
        row["event_id"] = f"e{n:03d}"
    if not records.tables["activities"]:
        from parsers.diagnostics import make
        records.diagnostics.append(make("no_activities"))
    info = DocInfo(
        title=ctx.title,
        reference_year=ctx.reference_year,
        period_start=ctx.period_start.isoformat() if ctx.period_start else None,
        period_end=ctx.period_end.isoformat() if ctx.period_end else None,
    )
    return records, info
