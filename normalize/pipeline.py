"""The normalizer pipeline: named steps run in order over one parsed Document.

Each step is `run(doc, ctx) -> Records` and declares what it reads from the shared
`Context` and what it writes there, so the order is checked rather than remembered:
`structure` builds the outline every later step reads; `timelines` settles the
document's reference year, which `events` needs to date its annex rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from parsers.diagnostics import make
from parsers.model import Document

from . import attachments, events
from .context import GIVEN, Context
from .organisations import participants
from .records import Records
from .structure import step as structure
from .structure.genre import what_it_seems
from .timelines import step as timelines


@dataclass(frozen=True)
class Step:
    """One named step. reads / writes: the `Context` fields it uses and sets."""

    run: Callable[[Document, Context], Records]
    reads: frozenset[str] = frozenset()
    writes: frozenset[str] = frozenset()


def _step(run, reads=(), writes=()) -> Step:
    return Step(run, frozenset(reads), frozenset(writes))


STEPS: dict[str, Step] = {
    "structure": _step(structure.run, writes=("outline", "title")),
    "timelines": _step(timelines.run, reads=("outline", "languages", "fiscal_year_start"),
                       writes=("reference_year", "two_digit_years", "period_start", "period_end")),
    "participants": _step(participants.run, reads=("outline", "doc_id")),
    "attachments": _step(attachments.run, reads=("outline", "doc_id")),
    "events": _step(events.run, reads=("outline", "reference_year", "two_digit_years")),
}


def unmet_reads(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """(step, field) for every field a step reads before any earlier step wrote it."""
    available, unmet = set(GIVEN), []
    for name in names:
        unmet += [(name, f) for f in sorted(STEPS[name].reads - available)]
        available |= STEPS[name].writes
    return unmet


@dataclass(frozen=True)
class DocInfo:
    """Document-level facts for the `documents` table."""

    title: str | None
    reference_year: int | None
    period_start: str | None
    period_end: str | None


def normalize_document(doc: Document, doc_id: str | None = None,
                       steps: tuple[str, ...] = tuple(STEPS), *, languages: tuple[str, ...] = (),
                       fiscal_year_start: int | None = None) -> tuple[Records, DocInfo]:
    """All records of one document, and its document-level facts.

    doc_id: the id document-level subjects get (SPEC subject_id); None outside a batch.
    steps: the steps to run, in order (all by default); raises ValueError when one
        would read what no earlier step wrote.
    languages / fiscal_year_start: the run's --lang and --fiscal-year-start (timelines).
    """
    unmet = unmet_reads(steps)
    if unmet:
        raise ValueError("steps out of order: " + ", ".join(f"{s} reads {f}" for s, f in unmet))
    ctx = Context(doc, doc_id=doc_id, languages=tuple(languages), fiscal_year_start=fiscal_year_start)
    records = Records()
    for name in steps:
        records.extend(STEPS[name].run(doc, ctx))
    # Events come from two steps (timelines, events): numbered once all are in.
    records.tables["events"] = [replace(row, event_id=f"e{n:03d}")
                                for n, row in enumerate(records.tables["events"], 1)]
    if not records.tables["activities"]:
        kind, evidence = what_it_seems(doc)
        records.diagnostics.append(make("no_work_structure", kind=kind, evidence=evidence))
    info = DocInfo(
        title=ctx.title,
        reference_year=ctx.reference_year,
        period_start=ctx.period_start.isoformat() if ctx.period_start else None,
        period_end=ctx.period_end.isoformat() if ctx.period_end else None,
    )
    return records, info
