"""Write a batch's tables one document at a time (ingest.batch.BatchResult).

Memory stays flat with the number of documents: each table's CSV and Parquet
file is open for appending, every document's rows are sorted and appended in
turn, and Parquet row groups are written as they fill (writers.parquet). The
order is the one a sort of the whole table gives (sort key, then primary key):
documents and diagnostics by source path, the other tables by doc_id and then
position, so a file is byte-identical to one written from all rows at once.

A re-run in which every file used the stored outcome the previous output was
written from (`BatchResult.reusable`) links the previous table files (and the
report and DuckDB file built from them) into the new output instead of writing
them again. With `partitioned`, Parquet is written one partition per document
and a rerun rewrites only changed documents (writers.partitioned).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..schema import TABLES
from .output import TableFiles, publish, sorted_values
from .partitioned import RECORD_TABLES, write_partitioned

# ingest.report.OUTPUT_NAMES, built from the tables after they are written
BUILT_FROM_TABLES = ("workplan.duckdb", "report.html")


def write_batch(out: Path, result, run_info: dict, tmp: Path | None = None, partitioned: bool = False) -> None:
    """Write `result` (a BatchResult) as a dataset into `out`, atomically (output.publish).

    partitioned: Parquet as one partition per document (writers.partitioned) instead
        of one file per table; what was written and reused goes to run_info["partitions"].
    """
    out = Path(out)

    def fill(folder: Path) -> None:
        if partitioned:
            counts = write_partitioned(out, folder, result)
            run_info["partitions"] = counts
            if result.reusable and not counts["documents_written"]:
                _link_built(out, folder)
            return
        if result.reusable and _link_previous(out, folder):
            return
        _write_tables(folder, result)

    publish(out, fill, run_info, tmp=tmp)


def _write_tables(folder: Path, result) -> None:
    files = {name: TableFiles(folder, name) for name in TABLES}
    try:
        files["documents"].write(sorted_values("documents", result.documents))
        for rows in result.iter_diagnostics():
            files["diagnostics"].write(sorted_values("diagnostics", rows))
        for tables in result.iter_records():
            for name in RECORD_TABLES:
                rows = tables.get(name)
                if rows:
                    files[name].write(sorted_values(name, rows))
    finally:
        for table_files in files.values():
            table_files.close()


def _link_previous(out: Path, folder: Path) -> bool:
    """Link (or copy) every table file of the previous output into `folder`; False,
    with nothing linked, when one is missing."""
    names = [f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")]
    if not all((out / name).is_file() and not (out / name).is_symlink() for name in names):
        return False
    for name in names:
        _link(out / name, folder / name)
    _link_built(out, folder)
    return True


def _link_built(out: Path, folder: Path) -> None:
    # the review page and the DuckDB file are made from the tables alone: reuse them too
    for name in BUILT_FROM_TABLES:
        if (out / name).is_file() and not (out / name).is_symlink():
            _link(out / name, folder / name)


def _link(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)
