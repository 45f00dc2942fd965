"""Which folders the tool may replace, and which of their files are the user's.

`run --out FOLDER` replaces FOLDER with a fresh dataset. That is only safe for a
folder this tool wrote, so every run leaves a marker file in it (`.workplan-ingest`,
naming the tool and the output format). The rules, as a careful user of `rsync` or
`git clean` would expect:

* a folder that does not exist, an empty folder, or one the tool wrote may be the
  output; any other existing folder is refused before anything is read;
* the output may not be an input folder, lie inside one, or lie above an input;
* files in a tool-written folder that the tool did not write are carried into the
  new dataset (hard-linked, or copied): nothing of the user's disappears. The
  tables' folders of `--parquet-partitioned` (writers.partitions) count as the
  tool's only in a folder with the marker, and only while they hold nothing but
  partitions.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from parsers.errors import IngestError

from ..ledger import LEDGER_NAME
from ..schema import TABLES
from .manifest import MANIFEST_NAME
from .partitions import is_partition_folder

MARKER_NAME = ".workplan-ingest"
OUTPUT_FORMAT = 1
MARKER_TEXT = json.dumps({"tool": "workplan-ingest", "output_format": OUTPUT_FORMAT}) + "\n"

# Every name a run writes into its output folder.
OWN_NAMES = frozenset(
    [MARKER_NAME, "run.json", "datapackage.json", LEDGER_NAME, f"{LEDGER_NAME}-journal",
     f"{LEDGER_NAME}-wal", f"{LEDGER_NAME}-shm", MANIFEST_NAME, f"{MANIFEST_NAME}-journal"]
    + [f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")]
    # ingest.report.OUTPUT_NAMES: the review page and the DuckDB file, with their temporary names
    + ["report.html", "report.html.partial", "workplan.duckdb", "workplan.duckdb.partial",
       "workplan.duckdb.partial.wal", "workplan.duckdb.wal"]
)


class OutputRefused(IngestError):
    """Raised when --out names a folder the tool must not replace; nothing was touched."""

    code = "output_refused"
    remedy = "Choose a new or empty folder for --out, or one that workplan-ingest wrote before."


def has_marker(folder: Path) -> bool:
    """True when `folder` holds this tool's marker file."""
    try:
        data = json.loads((Path(folder) / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("tool") == "workplan-ingest"


def written_by_us(folder: Path) -> bool:
    """True when the tool may replace `folder`: it carries the marker, or it holds
    nothing but names the tool writes (the output of a version before the marker, a
    killed run's leftovers). An empty folder counts as ours too."""
    folder = Path(folder)
    if has_marker(folder):
        return True
    return all(child.name in OWN_NAMES for child in folder.iterdir())


def foreign_entries(folder: Path) -> list[Path]:
    """The entries of `folder` that the tool did not write, in name order."""
    marked = has_marker(folder)
    return sorted(child for child in Path(folder).iterdir()
                  if child.name not in OWN_NAMES and not (marked and is_partition_folder(child)))


def check_output_folder(out: Path, inputs: list[Path]) -> None:
    """Raise OutputRefused unless the tool may write `out` for these inputs.

    Nothing is created, moved or deleted here: a refusal leaves everything as it was.
    """
    out = Path(out)
    target = out.resolve()
    for item in inputs:
        item_path = Path(item).resolve()
        if item_path.is_dir() and (_within(target, item_path) or _within(item_path, target)):
            where = "is" if target == item_path else ("lies inside" if _within(target, item_path)
                                                      else "lies above")
            raise OutputRefused(f"The output folder {out} {where} the input folder {item}: writing it "
                                f"would replace what is being read. Nothing was changed.",
                                "Choose an --out folder outside every input folder.")
        if not item_path.is_dir() and _within(item_path, target):
            raise OutputRefused(f"The input file {item} lies inside the output folder {out}, which a run "
                                "replaces. Nothing was changed.",
                                "Move the file, or choose an --out folder that holds no input.")
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise OutputRefused(f"--out {out} exists and is not a folder. Nothing was changed.")
    if out.is_symlink():
        raise OutputRefused(f"--out {out} is a symbolic link; a run replaces its folder, so it would "
                            "replace the link. Nothing was changed.",
                            "Give the folder the link points to, or a new folder.")
    if not written_by_us(out):
        others = foreign_entries(out)
        shown = ", ".join(p.name for p in others[:3]) + (", …" if len(others) > 3 else "")
        raise OutputRefused(
            f"--out {out} already exists and was not written by workplan-ingest "
            f"(it holds {len(others)} other item{'s' if len(others) != 1 else ''}: {shown}). "
            "A run replaces its output folder, so it would delete them. Nothing was changed.",
            f"Choose a new or empty folder (for example --out {out / 'workplan-ingest'}), "
            "or move those files away yourself.")


def carry_foreign(out: Path, tmp: Path) -> None:
    """Bring the user's own files of the previous output `out` into the new one.

    Files are hard-linked (no copy, same bytes), or copied where links are not
    possible; the originals stay in `out` until the new folder has replaced it.
    """
    out = Path(out)
    if not out.is_dir():
        return
    for entry in foreign_entries(out):
        dest = Path(tmp) / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), dest)
        elif entry.is_dir():
            shutil.copytree(entry, dest, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, dest)


def _link_or_copy(src, dest) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _within(path: Path, root: Path) -> bool:
    """True when `path` is `root` or lies inside it (both resolved)."""
    return path == root or root in path.parents
