"""Batch scale: docs per minute for a generated corpus with the local process pool
and with `--executor dask` on a LocalCluster, peak memory of the whole process
tree at 200 and 2,000 documents, the cost of a rerun of the unchanged corpus,
and of a rerun with one changed file with Parquet as one file per table and
partitioned by document (`--parquet-partitioned`), each against the full run of
its layout: all measured in the same run and reported as ratios.

The corpus (bench/corpus.py: text workplans from the shared seeds, each with rows
of its own) is generated once under bench/out/scale-corpus/. Each batch runs in a
process of its own (bench/scale_run.py: ledger, batch, tables; no report step),
watched every 0.1 s for the resident memory of it and all its descendants.
Budgets: rerun <= 5% of the full run; peak memory at 2,000 within 1.5x of 200.

    python bench/bench.py scale [--quick] [--no-dask]
"""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import sys
import time

import psutil

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

OUT = HERE / "out"
RERUN_BUDGET, MEMORY_BUDGET = 0.05, 1.5


def _run(out: pathlib.Path, inputs: list[pathlib.Path], *options: str) -> dict:
    """Seconds, peak tree RSS (bytes) and the batch's own report of one batch."""
    cmd = [sys.executable, str(HERE / "scale_run.py"), str(out), *map(str, inputs), *options]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(_rss(p) for p in tree))
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    stdout = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"batch failed ({proc.returncode}): {' '.join(cmd)}")
    return {"seconds": seconds, "peak": peak, **json.loads(stdout.splitlines()[-1])}


def _rss(p: psutil.Process) -> int:
    try:
        return p.memory_info().rss
    except psutil.Error:
        return 0


def main(args: list[str]) -> None:
    quick = "--quick" in args
    small, large = (50, 400) if quick else (200, 2000)
    folder = OUT / "scale-corpus"
    corpus.generate(folder, large)
    teams = sorted(p for p in folder.iterdir() if p.is_dir())
    subset = teams[: small // 100] if small >= 100 else [folder / "team-000"]
    everything = teams[: large // 100]
    work = OUT / "scale-runs"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    n_small = sum(1 for t in subset for _ in t.glob("*.txt"))
    n_large = sum(1 for t in everything for _ in t.glob("*.txt"))

    few = _run(work / "small", subset, "--full")
    many = _run(work / "large", everything, "--full")
    rerun = _run(work / "large", everything)
    layouts = _one_changed(work, everything, many)
    rows = [("local", few, n_small), ("local", many, n_large)]
    if "--no-dask" not in args:
        rows.append(("dask", _run(work / "dask", everything, "--full", "--executor=dask"), n_large))
    assert rerun["stats"]["parsed"] == 0 and rerun["reusable"], rerun["stats"]
    for a, b in (("documents", "activities"),):
        assert many["counts"][a] == n_large and many["counts"][b] > 0

    print(f"  corpus: {n_large} generated workplans ({many['counts']['activities']} activities)")
    for name, r, n in rows:
        print(f"  {name:5s} {n:5d} docs: {r['seconds']:7.1f} s  {60 * n / r['seconds']:7.0f} docs/min  "
              f"peak tree RSS {r['peak'] / 2**20:6.0f} MB")
    print(f"  rerun {n_large:5d} docs (unchanged): {rerun['seconds']:7.2f} s")
    ratio = rerun["seconds"] / many["seconds"]
    print(f"  ratio rerun / full run: {ratio:.3f} (budget {RERUN_BUDGET})")
    memory = many["peak"] / few["peak"]
    print(f"  ratio peak memory {n_large} / {n_small} docs: {memory:.2f} (budget {MEMORY_BUDGET})")
    if len(rows) == 3:
        dask_rate = n_large / rows[2][1]["seconds"]
        print(f"  ratio dask / local docs per minute: {dask_rate / (n_large / many['seconds']):.2f}")
        print(f"  dask peak tree RSS / local: {rows[2][1]['peak'] / many['peak']:.2f}")
    _print_layouts(layouts, n_large)
    for label, value, budget in (("rerun", ratio, RERUN_BUDGET), ("memory", memory, MEMORY_BUDGET)):
        if value > budget:
            print(f"  OVER BUDGET: {label} {value:.3f} > {budget}")


def _one_changed(work: pathlib.Path, inputs: list[pathlib.Path], single_full: dict) -> dict:
    """Full run, unchanged rerun and rerun with one edited file, for each Parquet
    layout ("single": <table>.parquet, from `single_full` and its output; and
    "partitioned"). The edited file is put back afterwards."""
    partitioned = "--parquet-partitioned"
    runs = {"single": {"full": single_full}, "partitioned": {}}
    runs["partitioned"]["full"] = _run(work / "partitioned", inputs, "--full", partitioned)
    runs["partitioned"]["unchanged"] = _run(work / "partitioned", inputs, partitioned)
    edited = sorted(inputs[0].glob("*.txt"))[len(list(inputs[0].glob("*.txt"))) // 2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\n\tz) Review the rerun bench\tUNEP\tQ4 2023\n", encoding="utf-8")
    try:
        runs["single"]["changed"] = _run(work / "large", inputs)
        runs["partitioned"]["changed"] = _run(work / "partitioned", inputs, partitioned)
    finally:
        edited.write_text(text, encoding="utf-8")
    for layout in runs.values():
        assert layout["changed"]["stats"]["parsed"] == 1, layout["changed"]["stats"]
    parts = runs["partitioned"]
    assert parts["unchanged"]["partitions"]["documents_written"] == 0, parts["unchanged"]["partitions"]
    assert parts["changed"]["partitions"]["documents_written"] == 1, parts["changed"]["partitions"]
    return runs


def _print_layouts(runs: dict, n: int) -> None:
    single, parts = runs["single"], runs["partitioned"]
    print(f"  Parquet partitioned by document, {n} docs: full run {parts['full']['seconds']:7.1f} s "
          f"({parts['full']['partitions']['partitions_written']} partitions), "
          f"peak tree RSS {parts['full']['peak'] / 2**20:6.0f} MB")
    print(f"  ratio partitioned / single-file full run: {parts['full']['seconds'] / single['full']['seconds']:.2f}")
    print(f"  ratio partitioned rerun (unchanged) / its full run: "
          f"{parts['unchanged']['seconds'] / parts['full']['seconds']:.3f}")
    for name, layout in (("single-file", single), ("partitioned", parts)):
        changed = layout["changed"]
        print(f"  rerun with one changed file, {name:11s}: {changed['seconds']:6.2f} s (tables written in "
              f"{changed['write_s']:5.2f} s), ratio to its full run {changed['seconds'] / layout['full']['seconds']:.3f}")
    print(f"  ratio one-changed rerun partitioned / single-file: "
          f"{parts['changed']['seconds'] / single['changed']['seconds']:.2f} "
          f"(writing the tables: {parts['changed']['write_s'] / single['changed']['write_s']:.2f})")


if __name__ == "__main__":
    main(sys.argv[1:])
