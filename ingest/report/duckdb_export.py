"""`workplan.duckdb`: the SPEC tables of an output folder in one DuckDB file, plus
the dashboard views of `views.sql` (activity_overview, timeline_months, org_workload).

The tables are loaded from the folder's Parquet files (typed columns), or from
its CSVs with the SPEC types where a Parquet file is missing. The file is built
under a temporary name and renamed into place, so a reader never sees half of it.

An output written with `--parquet-partitioned` (ingest.writers.partitions) gets
views over its partitions instead of copies of the tables: the file stays a few
KB and is built in no time at any size, and a query reads the partitions on
disk. The views name the folder by its absolute path: an output folder moved
elsewhere needs `workplan-ingest report` to rebuild them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..schema import TABLES
from ..writers.partitions import PART_NAME, is_partition_folder

DUCKDB_NAME = "workplan.duckdb"
PARTIAL_NAME = DUCKDB_NAME + ".partial"
VIEWS_SQL = Path(__file__).with_name("views.sql")
VIEWS = ("activity_overview", "timeline_months", "org_workload")
_DUCK_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "date": "DATE", "boolean": "BOOLEAN"}


def write_duckdb(folder: Path) -> Path:
    """Build `<folder>/workplan.duckdb` from the folder's tables and return its path."""
    import duckdb

    folder = Path(folder)
    partial = folder / PARTIAL_NAME
    for leftover in (partial, folder / (PARTIAL_NAME + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    try:
        for name, table in TABLES.items():
            view = not (folder / f"{name}.parquet").is_file() and is_partition_folder(folder / name)
            source = _dataset_source(folder / name, table) if view else _source(folder, name, table)
            con.execute(f'CREATE {"VIEW" if view else "TABLE"} "{name}" AS {source}')
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    target = folder / DUCKDB_NAME
    os.replace(partial, target)
    return target


def _source(folder: Path, name: str, table) -> str:
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.is_file():
        return f"SELECT * FROM read_parquet({_literal(parquet)})"
    columns = ", ".join(f"{_literal(c.name)}: '{_DUCK_TYPES[c.type]}'" for c in table.columns)
    if csv.is_file():
        return (f"SELECT * FROM read_csv({_literal(csv)}, header = true, auto_detect = false, "
                f"delim = ',', quote = '\"', columns = {{{columns}}})")
    return _empty(table)


def _empty(table) -> str:
    # No file at all: an empty table with the SPEC columns, so the views still work.
    cols = ", ".join(f'CAST(NULL AS {_DUCK_TYPES[c.type]}) AS "{c.name}"' for c in table.columns)
    return f"SELECT {cols} WHERE false"


def _dataset_source(dataset: Path, table) -> str:
    """A query over one table's partitions (`<table>/doc_id=*/part-0.parquet`)."""
    dataset = dataset.resolve()
    if not any(dataset.glob(f"*/{PART_NAME}")):
        return _empty(table)
    files = _literal(dataset / "*" / PART_NAME)
    if any(c in str(dataset) for c in "*?[]{}"):  # the folder's own name would be read as a pattern
        files = "[" + ", ".join(_literal(p) for p in sorted(dataset.glob(f"*/{PART_NAME}"))) + "]"
    return f"SELECT * FROM read_parquet({files}, hive_partitioning = true)"


def _literal(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"
