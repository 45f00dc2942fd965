"""Rows per second of parse_xlsx next to a plain openpyxl read-only iteration of the
same workbook (`ws.iter_rows(values_only=True)` over every sheet), in the same run.

The workbook is a workplan-like sheet generated once with openpyxl's write-only mode
and cached under bench/out/: a title block, a header, outcome rows in the first column (write-only mode
writes no merges),
numbered activities with leads, quarter marks (some as fills only), statuses and
comments; 20,000 rows (5,000 with --quick). Budget: parse_xlsx within 3x of the
plain iteration. parse_xlsx does more per row (number formats, fills, merges, the
layout into the shared model), so the ratio is what this watches.

    python bench/bench.py xlsx [--quick]
"""

from __future__ import annotations

import gc
import pathlib
import random
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "out"
N_ROWS, N_QUICK = 20_000, 5_000
BUDGET = 3.0
WORDS = ("support integrate human rights environment agencies coordination guidance national "
         "level country teams report workshop partners capacity building review policy").split()
AGENCIES = ("UNDP", "UNICEF", "WFP", "FAO", "WHO", "UNFPA", "ILO", "UNEP")


def build(path: pathlib.Path, n_rows: int) -> pathlib.Path:
    """A workplan sheet of `n_rows` rows (cached by name)."""
    if path.exists():
        return path
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import PatternFill

    rng = random.Random(12)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Joint Work Plan")
    fill = PatternFill("solid", start_color="FFFFC000")
    ws.append(["UN Country Team joint work plan 2025"])
    ws.append([])
    ws.append(["No.", "Activity", "Lead agency", "Contributing agencies", "Q1", "Q2", "Q3", "Q4", "Status",
               "Comments"])
    row, n = 4, 0
    while row <= n_rows:
        if n % 12 == 0:
            ws.append([f"Outcome {n // 12 + 1}: " + " ".join(rng.choices(WORDS, k=6))])
        else:
            marks = []
            for _ in range(4):
                kind = rng.random()
                if kind < 0.2:
                    marks.append("X")
                elif kind < 0.3:
                    cell = WriteOnlyCell(ws)
                    cell.fill = fill
                    marks.append(cell)
                else:
                    marks.append(None)
            ws.append([n % 12, " ".join(rng.choices(WORDS, k=9)).capitalize(), rng.choice(AGENCIES),
                       ", ".join(rng.sample(AGENCIES, 2)), *marks, rng.choice(["Ongoing", "Completed", None]),
                       rng.choice([None, None, "Awaiting data from the Ministry"])])
        row += 1
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def plain_openpyxl(path: pathlib.Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = 0
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            n += 1
    wb.close()
    return n


def ours(path: pathlib.Path) -> int:
    from parsers.xlsx import parse_xlsx

    doc = parse_xlsx(path, 10_000_000)
    return sum(len(t.rows) for t in doc.iter_tables())


def measure(path: pathlib.Path, repeat: int) -> dict[str, tuple[float, int]]:
    """Best of `repeat` runs per reader, the readers interleaved so that noise hits both."""
    best: dict[str, tuple[float, int]] = {}
    for _ in range(repeat):
        for name, fn in (("openpyxl read-only", plain_openpyxl), ("parse_xlsx", ours)):
            gc.collect()
            t0 = time.perf_counter()
            rows = fn(path)
            secs = time.perf_counter() - t0
            if name not in best or secs < best[name][0]:
                best[name] = (secs, rows)
    return best


def main(args: list[str]) -> None:
    sys.path.insert(0, str(HERE.parent))
    quick = "--quick" in args
    n_rows = N_QUICK if quick else N_ROWS
    t0 = time.perf_counter()
    path = build(OUT / f"xlsx-bench-{n_rows}.xlsx", n_rows)
    print(f"workbook: {n_rows} rows, {path.stat().st_size / 1e6:.1f} MB ({time.perf_counter() - t0:.1f} s to "
          "build/check)")
    results = measure(path, 2 if quick else 3)
    for name, (secs, rows) in results.items():
        print(f"  {name:20s} {rows / secs:9.0f} rows/s  ({rows} rows, {secs:.2f} s)")
    ratio = results["parse_xlsx"][0] / results["openpyxl read-only"][0]
    print(f"  ratio parse_xlsx / openpyxl read-only = {ratio:.2f}x (budget {BUDGET:.0f}x: "
          f"{'OK' if ratio <= BUDGET else 'OVER'})")


if __name__ == "__main__":
    main(sys.argv[1:])
