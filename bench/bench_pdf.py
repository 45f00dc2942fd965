"""PDF parser throughput: pages per second of `parse_pdf` beside pdfplumber's own
`page.extract_text()` over the same pages, measured in the same run, printed
with their ratio (parse_pdf does more: tables, notes, layout; the ratio says how
much more it costs).

Inputs: the fixture PDFs in ../shared/fixtures and, when fpdf2 is installed, a
generated 3-page table, a 2-page prose PDF and a 60-page PDF of tables. `--rounds=N` repeats (default 3).
"""

from __future__ import annotations

import importlib.util
import pathlib
import tempfile
import time

import pdfplumber

from parsers.pdf import parse_pdf

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIXTURES = ROOT / ".." / "shared" / "fixtures"


def _inputs(tmp: pathlib.Path) -> list[pathlib.Path]:
    paths = sorted(FIXTURES.glob("*.pdf"))
    try:
        spec = importlib.util.spec_from_file_location(
            "pdf_samples", ROOT / "tests" / "parsers" / "pdf_samples.py")
        samples = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(samples)
        paths.append(samples.long_table(tmp / "long.pdf", n_rows=100))
        paths.append(samples.prose(tmp / "prose.pdf"))
        # 60 pages: reading must stay linear in pages (it once grouped lines over the
        # whole document at once and took 5.6x extract_text here, 22x on a 74-page annex)
        paths.append(samples.many_pages(tmp / "many.pdf", 60))
    except ImportError:
        print("  (fpdf2 not installed: fixtures only)")
    return paths


def _baseline(path: pathlib.Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def _ours(path: pathlib.Path) -> int:
    return parse_pdf(path).n_pages or 0


def _rate(fn, paths: list[pathlib.Path]) -> float:
    start = time.perf_counter()
    pages = sum(fn(p) for p in paths)
    return pages / (time.perf_counter() - start)


def main(args: list[str]) -> None:
    rounds = next((int(a.split("=", 1)[1]) for a in args if a.startswith("--rounds=")), 3)
    with tempfile.TemporaryDirectory() as tmp:
        paths = _inputs(pathlib.Path(tmp))
        if not paths:
            print("  no PDF inputs found")
            return
        _ours(paths[0])  # warm imports and caches before timing
        ours, base = [], []
        for _ in range(rounds):  # interleaved, so drift hits both alike
            base.append(_rate(_baseline, paths))
            ours.append(_rate(_ours, paths))
    best_ours, best_base = max(ours), max(base)
    print(f"  inputs: {len(paths)} PDFs, {rounds} rounds (best round shown)")
    print(f"  pdfplumber extract_text: {best_base:8.1f} pages/s")
    print(f"  parse_pdf              : {best_ours:8.1f} pages/s")
    print(f"  ratio parse_pdf / extract_text: {best_ours / best_base:.2f}")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
