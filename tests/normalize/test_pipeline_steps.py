"""The pipeline's steps say what they read from the shared Context and what they
write; the default order satisfies those declarations, and the declarations are
true of what the steps do on real documents (issue 9)."""

from __future__ import annotations

import dataclasses

import pytest

import parsers
from normalize import pipeline
from normalize.context import GIVEN, Context


def test_default_order_meets_every_declared_read():
    assert pipeline.unmet_reads(tuple(pipeline.STEPS)) == []


def test_every_context_field_is_given_or_written_by_a_step():
    written = set(GIVEN).union(*(s.writes for s in pipeline.STEPS.values()))
    assert written == {f.name for f in dataclasses.fields(Context)}


def test_a_step_before_what_it_reads_is_refused(fixtures_dir):
    assert ("events", "reference_year") in pipeline.unmet_reads(("structure", "events"))
    doc = parsers.parse(fixtures_dir / "img-hre-draft-workplan.docx")
    with pytest.raises(ValueError, match="events reads reference_year"):
        pipeline.normalize_document(doc, steps=("structure", "events", "timelines"))


class RecordingContext(Context):
    """A Context that notes which step reads and writes which field."""

    def __getattribute__(self, name):
        if name in _FIELDS:
            object.__getattribute__(self, "_log").append(("read", name))
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name in _FIELDS and "_log" in self.__dict__:
            self._log.append(("write", name))
        object.__setattr__(self, name, value)


_FIELDS = {f.name for f in dataclasses.fields(Context)}


@pytest.mark.parametrize("name", ["img-hre-draft-workplan.docx", "emg-workplan-2018.docx"])
def test_steps_do_what_they_declare(fixtures_dir, monkeypatch, name):
    doc = parsers.parse(fixtures_dir / name)
    seen: dict[str, set] = {}
    contexts = []

    def make(*args, **kwargs):
        ctx = RecordingContext(*args, **kwargs)
        object.__setattr__(ctx, "_log", [])
        contexts.append(ctx)
        return ctx

    def recorded(step_name, run):
        def wrapper(d, ctx):
            ctx._log.clear()
            result = run(d, ctx)
            seen[step_name] = set(ctx._log)
            return result
        return wrapper

    monkeypatch.setattr(pipeline, "Context", make)
    monkeypatch.setattr(pipeline, "STEPS", {n: dataclasses.replace(s, run=recorded(n, s.run))
                                            for n, s in pipeline.STEPS.items()})
    records, _ = pipeline.normalize_document(doc, "d" * 16)
    assert records.tables["activities"] and len(contexts) == 1
    for step_name, log in seen.items():
        declared = pipeline.STEPS[step_name]
        reads = {f for op, f in log if op == "read"} - declared.writes
        writes = {f for op, f in log if op == "write"}
        assert reads <= declared.reads, (step_name, reads - declared.reads)
        assert writes <= declared.writes, (step_name, writes - declared.writes)
    assert ("write", "reference_year") in seen["timelines"]  # the recording sees writes
