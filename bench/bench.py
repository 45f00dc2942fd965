"""`make bench`: throughput of each part of the pipeline next to a baseline measured
in the same run, reported as ratios (machines here are noisy; absolute numbers are
printed for context only).

Each bench_*.py module beside this file has `main(args) -> None`; this runner calls
them in turn. `python bench/bench.py docx` runs one.
"""

from __future__ import annotations

import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def main(argv: list[str]) -> int:
    names = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    wanted = [a for a in argv if not a.startswith("-")] or names
    for name in wanted:
        if name not in names:
            print(f"unknown bench {name!r}; choose from {', '.join(names)}")
            return 2
        print(f"\n== bench {name}")
        importlib.import_module(f"bench_{name}").main([a for a in argv if a.startswith("-")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
