"""Write a whole dataset into a fresh folder beside the target, then swap it in.

A crash at any moment leaves either the previous complete output or the new
complete output in place, never half a dataset: the new tables are written into
`<out>.tmp-<pid>`, the old folder is renamed to `<out>.old-<pid>`, the new one
renamed to `<out>`, and the old one removed. `recover(out)` puts a stranded
`.old` folder back if a run was killed between the two renames.

A batch may create its temporary folder early (`new_temp_folder`) to build its
ledger there while documents are read; a killed run's folder is found again by
`leftover_ledgers` (its finished documents are not read twice) and removed by the
next successful write. Only folders the tool wrote are ever removed or replaced
(`ownership`); the user's own files in an earlier output are carried over.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from parsers.errors import OutputError

from ..schema import TABLES
from .csv import CsvTable
from .datapackage import write_datapackage
from .ownership import MARKER_NAME, MARKER_TEXT, carry_foreign, written_by_us
from .parquet import ParquetTable
from .partitions import remove_folder


def sort_rows(table_name: str, rows: list) -> list:
    """Rows (records or mappings) in the table's stable order (its sort key, then its
    primary key); raises ColumnMismatch for a row whose columns are not the table's."""
    return [row for _, row in _sorted_pairs(table_name, rows)]


def sorted_values(table_name: str, rows: list) -> list[tuple]:
    """The value tuples (ingest.schema.TableSchema.row_values) of `rows`, in the
    table's stable order (see sort_rows)."""
    return [values for values, _ in _sorted_pairs(table_name, rows)]


def _sorted_pairs(table_name: str, rows: list) -> list[tuple]:
    table = TABLES[table_name]
    names = table.column_names
    keys = [names.index(k) for k in table.sort_key + tuple(k for k in table.primary_key
                                                           if k not in table.sort_key)]

    def key(pair):
        values = pair[0]
        return tuple((values[i] is None, _sortable(values[i])) for i in keys)

    return sorted(((table.row_values(r), r) for r in rows), key=key)


def _sortable(value):
    if value is None:
        return ""
    if isinstance(value, int | float):
        return f"{value:020.6f}"
    return str(value)


def restore(out: Path) -> None:
    """Put the previous output back if a run died between its two renames."""
    out = Path(out)
    if not out.parent.is_dir() or out.exists():
        return
    olds = sorted((p for p in out.parent.glob(out.name + ".old-*") if _ours(p)),
                  key=lambda p: p.stat().st_mtime)
    if olds:
        os.replace(olds[-1], out)


def recover(out: Path, keep: Path | None = None) -> None:
    """Restore the previous output if a run died between its two renames, and
    remove leftovers of killed runs (except `keep`, this run's own folder)."""
    out = Path(out)
    if not out.parent.is_dir():
        return
    restore(out)
    leftovers = sorted(out.parent.glob(out.name + ".old-*")) + sorted(out.parent.glob(out.name + ".tmp-*"))
    for leftover in leftovers:
        if (keep is not None and leftover == Path(keep)) or not _ours(leftover):
            continue  # never remove what the tool did not write
        if leftover.is_dir() and not leftover.is_symlink():
            remove_folder(leftover)
        else:
            leftover.unlink(missing_ok=True)


def _ours(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and written_by_us(path)


def new_temp_folder(out: Path) -> Path:
    """A fresh, empty `<out>.tmp-<pid>` folder beside `out` for this run."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.parent / f"{out.name}.tmp-{os.getpid()}"
        if tmp.exists():
            if not _ours(tmp):
                raise OutputError(f"{tmp} exists and was not written by workplan-ingest; it was left as is.",
                                  "Move it away and run again.")
            shutil.rmtree(tmp)
        tmp.mkdir()
        (tmp / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
    except OSError as e:
        raise OutputError(f"Cannot create a folder beside {out}: {e.strerror or e}.") from e
    return tmp


def leftover_ledgers(out: Path, name: str, keep: Path | None = None) -> list[Path]:
    """Files called `name` in temporary folders that killed runs left beside `out`."""
    out = Path(out)
    found = [p / name for p in sorted(out.parent.glob(out.name + ".tmp-*")) if p != keep and _ours(p)]
    return [p for p in found if p.is_file()]


def write_dataset(out: Path, tables: dict[str, list], run_info: dict,
                  extra_files: dict[str, Path] | None = None, tmp: Path | None = None) -> None:
    """Write every table (CSV + Parquet), datapackage.json and run.json into `out`,
    replacing its previous content atomically.

    tables: table name -> rows, as records (ingest.rows) or mappings; a row whose
        columns are not its table's raises ColumnMismatch before anything is replaced.

    extra_files: name -> path of files to carry into the new folder.
    tmp: this run's temporary folder from `new_temp_folder` (files already in it,
        such as the ledger, move with it); None makes a fresh one.
    """
    def fill(folder: Path) -> None:
        for name in TABLES:
            out_table = TableFiles(folder, name)
            try:
                out_table.write(sorted_values(name, tables.get(name, [])))
            finally:
                out_table.close()

    publish(out, fill, run_info, extra_files, tmp)


class TableFiles:
    """One table's CSV and Parquet files in `folder`, appended to in row order."""

    def __init__(self, folder: Path, name: str):
        table = TABLES[name]
        self._parts = [CsvTable(folder / f"{name}.csv", table), ParquetTable(folder / f"{name}.parquet", table)]

    def write(self, values: list[tuple]) -> None:
        for part in self._parts:
            part.write(values)

    def close(self) -> None:
        for part in self._parts:
            part.close()


def publish(out: Path, fill, run_info: dict, extra_files: dict[str, Path] | None = None,
            tmp: Path | None = None) -> None:
    """Make `out` a new dataset atomically: `fill(folder)` writes the tables into this
    run's temporary folder, then datapackage.json, run.json and `extra_files` are
    added and the folder replaces `out` (see the module docstring)."""
    out = Path(out)
    try:
        if tmp is None:
            tmp = new_temp_folder(out)
        recover(out, keep=tmp)
        fill(tmp)
        write_datapackage(tmp / "datapackage.json")
        (tmp / "run.json").write_text(json.dumps(run_info, indent=2, default=str) + "\n", encoding="utf-8")
        for name, src in (extra_files or {}).items():
            if Path(src).exists():
                shutil.copy2(src, tmp / name)
        (tmp / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
        carry_foreign(out, tmp)  # the user's own files in the old output stay
        _fsync_files(tmp)
        _fsync_dir(tmp)
        old = out.parent / f"{out.name}.old-{os.getpid()}"
        if out.exists():
            os.replace(out, old)
        os.replace(tmp, out)
        _fsync_dir(out.parent)
        if old.exists():
            remove_folder(old)
    except OSError as e:
        raise OutputError(f"Cannot write the output folder {out}: {e.strerror or e}.") from e


def _fsync_files(folder: Path) -> None:
    # Data must be on disk before the rename makes it visible.
    for child in folder.iterdir():
        if child.is_file():
            with open(child, "rb") as f:
                os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
