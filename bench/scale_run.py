"""One batch as `workplan-ingest run` makes it (ledger, batch, tables), without the
report step, for bench_scale.py to time and watch in a process of its own.

    python bench/scale_run.py OUT INPUT... [--executor=dask] [--full] [--parquet-partitioned]
"""

from __future__ import annotations

import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from ingest.batch import RunOptions, run_batch  # noqa: E402
from ingest.ledger import LEDGER_NAME, Ledger  # noqa: E402
from ingest.writers.output import leftover_ledgers, new_temp_folder, restore  # noqa: E402
from ingest.writers.stream import write_batch  # noqa: E402


def main(argv: list[str]) -> None:
    executor = "dask" if "--executor=dask" in argv else "local"
    full = "--full" in argv
    partitioned = "--parquet-partitioned" in argv
    out, *inputs = [pathlib.Path(a) for a in argv if not a.startswith("--")]
    restore(out)
    tmp = new_temp_folder(out)
    previous = [] if full else [out / LEDGER_NAME, *leftover_ledgers(out, LEDGER_NAME, keep=tmp)]
    ledger = Ledger.open(tmp / LEDGER_NAME, previous)
    try:
        result = run_batch(inputs, ledger=ledger, options=RunOptions(executor=executor))
    finally:
        ledger.finish()
    info = {"files": result.stats, "counts": result.counts}
    started = time.perf_counter()
    try:
        write_batch(out, result, info, tmp=tmp, partitioned=partitioned)
    finally:
        ledger.close()
    print(json.dumps({"stats": result.stats, "counts": result.counts, "reusable": result.reusable,
                      "partitions": info.get("partitions"), "batch_s": result.timings["_total"],
                      "write_s": round(time.perf_counter() - started, 3)}))


if __name__ == "__main__":
    main(sys.argv[1:])
