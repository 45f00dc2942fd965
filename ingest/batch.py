"""The batch runner: find input files, parse and normalize each one, collect rows.

One bad file never stops a batch: every `IngestError` (and any unexpected
exception) becomes a `documents` row with `status=failed`, an `error` that says
what to do, and an error diagnostic; the other files go on.
"""

from __future__ import annotations

import hashlib
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import parsers
from normalize.pipeline import normalize_document
from parsers import diagnostics as diag
from parsers.errors import IngestError

# Files a batch looks at inside folders. Legacy .doc files are picked up so that they
# are reported ("save it as .docx") rather than silently skipped.
INPUT_SUFFIXES = (".docx", ".docm", ".pdf", ".txt", ".doc", ".md", ".text")
COUNTED_TABLES = ("sections", "activities", "participants", "timelines", "comments", "notes", "events")


@dataclass
class BatchResult:
    """Everything a batch produced: rows per output table, plus run information."""

    tables: dict[str, list[dict]] = field(default_factory=lambda: {"documents": [], "diagnostics": []})
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> list[dict]:
        return self.tables["documents"]

    def n_failed(self) -> int:
        return sum(1 for d in self.documents if d["status"] == "failed")


def find_inputs(inputs: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(path, source_path) for every input file, folders searched recursively, in path order.

    Symlinks inside a folder are followed only when they stay inside that folder.
    """
    found: dict[str, Path] = {}
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            root = item.resolve()
            for dirpath, dirnames, filenames in os.walk(item, followlinks=False):
                dirnames.sort()
                for name in sorted(filenames):
                    path = Path(dirpath) / name
                    if path.suffix.lower() not in INPUT_SUFFIXES or name.startswith("~$"):
                        continue
                    if path.is_symlink() and not _inside(path.resolve(), root):
                        continue
                    found[_display_path(path)] = path
        elif item.exists():
            found[_display_path(item)] = item
        else:
            found[_display_path(item)] = item  # reported as failed: no such file
    return [(found[k], k) for k in sorted(found)]


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _display_path(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") \
            else path.resolve().as_posix()
    except ValueError:
        return path.resolve().as_posix()


def file_digest(path: Path) -> tuple[str, int]:
    """(sha256 hex, size in bytes) of a file, read in chunks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def document_row(path: Path, source_path: str, sha: str | None, size: int | None) -> dict:
    """A documents row with the file facts filled in and status not yet decided."""
    return {
        "doc_id": sha[:16] if sha else None, "source_path": source_path, "file_name": path.name,
        "format": None, "sha256": sha, "size_bytes": size, "title": None, "period_start": None,
        "period_end": None, "reference_year": None, "status": "ok", "duplicate_of": None,
        "error": None, "n_activities": 0, "n_warnings": 0,
    }


def process_document(path: Path, source_path: str, doc_id: str) -> tuple[dict, dict[str, list[dict]], list[dict]]:
    """Parse and normalize one file: (documents-row updates, rows per table, diagnostics rows).

    Raises IngestError for a file that cannot be read; the caller records it.
    """
    doc = parsers.parse(path)
    records, info = normalize_document(doc, doc_id)
    tables = {}
    for name in COUNTED_TABLES:
        tables[name] = [{"doc_id": doc_id, **row} for row in records.tables.get(name, [])]
    diags = list(doc.diagnostics) + list(records.diagnostics)
    updates = {"format": doc.format, "title": info.title, "reference_year": info.reference_year,
               "period_start": info.period_start, "period_end": info.period_end,
               "n_activities": len(tables["activities"]),
               "n_warnings": sum(1 for d in diags if d.severity != "info")}
    return updates, tables, [_diag_row(doc_id, source_path, d) for d in diags]


def _diag_row(doc_id, source_path, d) -> dict:
    return {"doc_id": doc_id, "severity": d.severity, "code": d.code, "message": d.message,
            "source_ref": d.source_ref, "source_path": source_path}


def run_batch(inputs: Iterable[str | Path],
              on_progress: Callable[[str, dict], None] | None = None) -> BatchResult:
    """Ingest every input file; never raises for a bad file."""
    result = BatchResult()
    for name in COUNTED_TABLES:
        result.tables[name] = []
    first_by_sha: dict[str, str] = {}
    started = time.perf_counter()
    for path, source_path in find_inputs(inputs):
        t0 = time.perf_counter()
        row, diags = _ingest_one(path, source_path, first_by_sha, result.tables)
        for i, d in enumerate(diags, 1):
            d["position"] = i
        result.documents.append(row)
        result.tables["diagnostics"].extend(diags)
        result.timings[source_path] = round(time.perf_counter() - t0, 4)
        if on_progress:
            on_progress(source_path, row)
    result.timings["_total"] = round(time.perf_counter() - started, 4)
    return result


def _ingest_one(path: Path, source_path: str, first_by_sha: dict[str, str],
                tables: dict[str, list[dict]]) -> tuple[dict, list[dict]]:
    try:
        sha, size = file_digest(path)
    except OSError as e:
        row = document_row(path, source_path, None, None)
        return _failed(row, "unreadable_file", f"Cannot read {path.name}: {e.strerror or e}.",
                       "Check that the file exists and is readable.")
    row = document_row(path, source_path, sha, size)
    doc_id = row["doc_id"]
    if sha in first_by_sha:
        row.update(status="duplicate", duplicate_of=first_by_sha[sha])
        try:
            row["format"] = parsers.detect_format(path)
        except IngestError:
            pass
        d = diag.make("duplicate", first=first_by_sha[sha])
        return row, [_diag_row(doc_id, source_path, d)]
    try:
        updates, doc_tables, diags = process_document(path, source_path, doc_id)
    except IngestError as e:
        return _failed(row, e.code, e.message, e.remedy, e.source_ref)
    except Exception as e:  # a bug must cost one file, not the batch
        detail = f"{type(e).__name__}: {e}"
        row, diags = _failed(row, "internal_error", f"Unexpected error: {detail}.",
                             "Please report it with the file.")
        diags[0]["message"] += " " + traceback.format_exc(limit=3).replace("\n", " | ")[-600:]
        return row, diags
    first_by_sha[sha] = source_path
    row.update(updates)
    for name, rows in doc_tables.items():
        tables[name].extend(rows)
    return row, diags


def _failed(row: dict, code: str, message: str, remedy: str, source_ref: str | None = None):
    error = f"{message} {remedy}".strip()
    row.update(status="failed", error=error)
    severity = "error"
    d = {"doc_id": row["doc_id"], "severity": severity, "code": code if code in diag.CODES else "ingest_error",
         "message": error, "source_ref": source_ref, "source_path": row["source_path"]}
    return row, [d]
