"""Timeline reader cost and accuracy next to dateparser, over the hand-written case
tables tests/normalize/timeline_cases.tsv and timeline_families.tsv (issue 11's
families: fiscal years, project time, seasons, FR/ES enumerations...), measured in
the same run.

Prints median and p95 per-cell cost of `read_timeline` and of `dateparser.parse`
(given the table's languages and reference year), their ratio, and the share of cells
each reads right: ours on the whole first reading (start, end, kind, precision,
certainty, note) and on the start date alone; dateparser on the start date (its only
reading). Options: --rounds=N (default 30 for ours; dateparser gets a tenth).
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
import warnings
from pathlib import Path

from normalize.timelines import TimelineContext, read_timeline

TABLES = Path(__file__).resolve().parents[1] / "tests" / "normalize"
CASES = TABLES / "timeline_cases.tsv"
FAMILIES = TABLES / "timeline_families.tsv"


def context(spec: str) -> TimelineContext:
    """The context a table row names: "2021", "2018yy", "none", then ";fy=7", ";ps=2021-03-01",
    ";period=2021-04-01..2022-03-31" (timeline_families.tsv's header)."""
    base, *settings = spec.split(";")
    kw: dict = {} if base == "none" else {"reference_year": int(base[:4]), "two_digit_years": base.endswith("yy")}
    for item in settings:
        key, value = item.split("=", 1)
        if key == "fy":
            kw["fiscal_year_start"] = int(value)
        elif key == "ps":
            kw["project_start"] = dt.date.fromisoformat(value)
        elif key == "period":
            start, end = value.split("..")
            kw["period_start"], kw["period_end"] = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return TimelineContext(**kw)


def load_cases(path: Path = CASES) -> list[tuple[str, TimelineContext, dict]]:
    """(raw, context, expected first reading) per data line of a case table."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        expected = {k: None if row[k] == "-" else row[k]
                    for k in ("start", "end", "kind", "precision", "certainty", "note")}
        out.append((row["raw"].replace("\\n", "\n"), context(row["context"]), expected))
    return out


def ours(raw: str, ctx: TimelineContext) -> dict:
    result = read_timeline(raw, ctx)
    r = result.readings[0] if result.readings else None
    if r is None:
        return {}
    return {"start": r.start and r.start.isoformat(), "end": r.end and r.end.isoformat(), "kind": r.kind,
            "precision": r.precision, "certainty": r.certainty, "note": r.note}


def theirs(raw: str, ctx: TimelineContext):
    import dateparser
    base = dt.datetime(ctx.reference_year or 2000, 1, 1)
    return dateparser.parse(raw, languages=["en", "fr", "es"],
                            settings={"RELATIVE_BASE": base, "DATE_ORDER": "DMY",
                                      "PREFER_DAY_OF_MONTH": "first", "TIMEZONE": "UTC"})


def timings(fn, cases, rounds: int) -> list[float]:
    """Per-cell costs in microseconds, every cell timed once per round."""
    samples = []
    for _ in range(rounds):
        for raw, ctx, _exp in cases:
            t0 = time.perf_counter_ns()
            fn(raw, ctx)
            samples.append((time.perf_counter_ns() - t0) / 1000)
    return samples


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1]


def main(args: list[str]) -> None:
    rounds = next((int(a.split("=", 1)[1]) for a in args if a.startswith("--rounds=")), 30)
    warnings.simplefilter("ignore")                   # dateparser's own deprecation noise
    for path in (CASES, FAMILIES):
        cases = load_cases(path)
        for raw, ctx, _ in cases:                     # warm up caches and imports
            ours(raw, ctx)
            theirs(raw, ctx)
        our_t = timings(ours, cases, rounds)
        their_t = timings(theirs, cases, max(1, rounds // 10))
        our_exact = sum(ours(raw, ctx) == exp for raw, ctx, exp in cases)
        our_start = sum(ours(raw, ctx).get("start") == exp["start"] for raw, ctx, exp in cases)
        their_start = 0
        for raw, ctx, exp in cases:
            got = theirs(raw, ctx)
            their_start += (got.date().isoformat() if got else None) == exp["start"]
        n = len(cases)
        print(f"cells: {n} ({path.name}), rounds: ours {rounds}, dateparser {max(1, rounds // 10)}")
        print(f"read_timeline     median {statistics.median(our_t):8.1f} us   p95 {p95(our_t):8.1f} us")
        print(f"dateparser.parse  median {statistics.median(their_t):8.1f} us   p95 {p95(their_t):8.1f} us")
        print(f"ratio (dateparser / ours): median {statistics.median(their_t) / statistics.median(our_t):.1f}x, "
              f"p95 {p95(their_t) / p95(our_t):.1f}x")
        print(f"read right: ours {our_exact / n:.1%} whole reading, {our_start / n:.1%} start date; "
              f"dateparser {their_start / n:.1%} start date")


if __name__ == "__main__":
    import sys
    main(sys.argv[1:])
