"""PDF parser throughput: `parse_pdf` beside pdfplumber's own `page.extract_text()`
on the same files, measured in the same run, per file and in pages per second
(parse_pdf does more: tables, notes, layout; the ratio says how much more it costs).

Inputs: the fixture PDFs in ../shared/fixtures, the real plans of
../shared/real/docs (see their README there for provenance) and, with fpdf2, a
generated 3-page table, a 2-page prose PDF and a 60-page PDF of tables.
Budget: parse_pdf within 1.5x of extract_text on every file.

Dense pages of 500 to 8,000 words show whether any step grows faster than
the words of a page. Pages are read one at a time: generated PDFs of 50, 100 and
500 pages (alike pages) are parsed in processes of their own, and their peak
resident memory (VmHWM) is split into the Document returned and the working
memory beyond it, beside what pdfplumber's extract_text alone keeps while reading
(issue 14: memory flat with page count; a 100-page PDF under 20 s on one core).

    python bench/bench.py pdf [--rounds=N] [--no-memory]
"""

from __future__ import annotations

import importlib.util
import pathlib
import subprocess
import sys
import tempfile
import time

import pdfplumber

from parsers.pdf import parse_pdf

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
BUDGET = 1.5
# Run in a process of its own per file: warm up on a one-page PDF (imports, word
# lists), parse, read the peak resident memory (VmHWM), then measure the returned
# Document alone: unpickled again under tracemalloc, it takes the memory it takes
# after parse_pdf (tracing the parse itself would slow it several times).
_CHILD = """\
import pickle, sys, time, tracemalloc
import pdfplumber
from parsers.pdf import parse_pdf

def status(key):
    return next(int(x.split()[1]) * 1024 for x in open('/proc/self/status') if x.startswith(key))

def extract_text(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)

read = parse_pdf if sys.argv[1] == 'parse_pdf' else extract_text
read(sys.argv[3])
before = status('VmRSS')
t = time.perf_counter()
doc = read(sys.argv[2])
seconds = time.perf_counter() - t
peak = status('VmHWM')
size = 0
if read is parse_pdf:
    blob = pickle.dumps(doc)
    del doc
    tracemalloc.start()
    doc = pickle.loads(blob)
    size = tracemalloc.get_traced_memory()[0]
print(before, peak, size, seconds)
"""


def _samples():
    try:
        spec = importlib.util.spec_from_file_location("pdf_samples", ROOT / "tests" / "parsers" / "pdf_samples.py")
        samples = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(samples)
        return samples
    except ImportError:
        return None


def _inputs(tmp: pathlib.Path) -> list[pathlib.Path]:
    paths = sorted((SHARED / "fixtures").glob("*.pdf")) + sorted((SHARED / "real" / "docs").glob("*.pdf"))
    samples = _samples()
    if samples is None:
        print("  (fpdf2 not installed: fixtures and real plans only)")
        return paths
    paths.append(samples.long_table(tmp / "long.pdf", n_rows=100))
    paths.append(samples.prose(tmp / "prose.pdf"))
    # 60 pages: reading must stay linear in pages (it once grouped lines over the
    # whole document at once and took 5.6x extract_text here, 22x on a 74-page annex)
    paths.append(samples.many_pages(tmp / "many.pdf", 60))
    return paths


def _baseline(path: pathlib.Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def _ours(path: pathlib.Path) -> int:
    return parse_pdf(path).n_pages or 0


def _seconds(fn, path: pathlib.Path) -> tuple[float, int]:
    start = time.perf_counter()
    pages = fn(path)
    return time.perf_counter() - start, pages


def _child(reader: str, path: pathlib.Path, warm: pathlib.Path) -> tuple[int, int, int, float]:
    """(resident memory before, peak resident memory, Document size, seconds) of one
    reading of `path` by `reader` (parse_pdf | extract_text) in a process of its own."""
    done = subprocess.run([sys.executable, "-c", _CHILD, reader, str(path), str(warm)], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    before, peak, size, seconds = done.stdout.split()
    return int(before), int(peak), int(size), float(seconds)


def _memory(tmp: pathlib.Path) -> None:
    """Peak memory against page count. What parse_pdf needs beyond the Document it
    returns (its working memory: peak resident memory less the memory before the
    parse and less the Document) should not grow with pages the way the Document
    does; pdfplumber's own reading (extract_text) is shown beside it."""
    samples = _samples()
    if samples is None or not pathlib.Path("/proc/self/status").exists():
        print("  (page-count memory check needs fpdf2 and /proc)")
        return
    warm = samples.many_pages(tmp / "pages-1.pdf", 1)
    mb = 2**20
    results = {}
    for n in (50, 100, 500):
        path = samples.many_pages(tmp / f"pages-{n}.pdf", n)
        before, peak, doc, seconds = _child("parse_pdf", path, warm)
        base_before, base_peak, _, base_seconds = _child("extract_text", path, warm)
        work, own = peak - before - doc, base_peak - base_before
        results[n] = (doc, work, own, seconds, base_seconds)
        print(f"  generated {n:3d} pages: parse_pdf {seconds:5.1f} s, peak RSS {peak / mb:3.0f} MB, "
              f"+{(peak - before) / mb:4.1f} MB while parsing = Document {doc / mb:4.1f} + working memory "
              f"{work / mb:4.1f} (extract_text alone: +{own / mb:3.1f})")
    (doc50, work50, own50, t50, b50), (doc500, work500, own500, t500, b500) = results[50], results[500]
    print(f"  500 / 50 pages: Document {doc500 / doc50:.1f}, working memory {work500 / work50:.1f}, "
          f"time {t500 / t50:.1f} (extract_text {b500 / b50:.1f}) (10 if linear; working memory 1 if flat)")
    print(f"  working memory / Document: {work50 / doc50:.2f} at 50 pages, {work500 / doc500:.2f} at 500; "
          f"beyond what extract_text keeps: {(work50 - own50) / mb:.1f} MB at 50 pages, "
          f"{(work500 - own500) / mb:.1f} MB at 500")


def _dense_page(path: pathlib.Path, n_words: int) -> pathlib.Path:
    """One page of `n_words` words in lines of 12 (a page as big as it needs)."""
    from fpdf import FPDF

    lines = -(-n_words // 12)
    pdf = FPDF(unit="pt", format=(700, 40 + 11 * lines))
    pdf.set_margins(20, 20)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "", 9)
    for i in range(lines):
        pdf.cell(0, 11, " ".join(f"word{i}x{j}" for j in range(12)), new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path


def _words_per_page(tmp: pathlib.Path) -> None:
    """parse_pdf / extract_text on one page of 500 to 8,000 words: a step worse
    than n log n in a page's words makes the ratio grow with the words."""
    try:
        import fpdf  # noqa: F401
    except ImportError:
        return
    ratios = []
    for n in (500, 2000, 8000):
        path = _dense_page(tmp / f"dense-{n}.pdf", n)
        base = _seconds(_baseline, path)[0]
        ours = _seconds(_ours, path)[0]
        ratios.append(ours / base)
        print(f"  one page of {n:5d} words: extract_text {base:6.2f} s, parse_pdf {ours:6.2f} s, "
              f"ratio {ours / base:.2f}")
    print(f"  ratio growth 8,000 / 500 words per page: {ratios[-1] / ratios[0]:.2f} (1 if linear)")


def main(args: list[str]) -> None:
    rounds = next((int(a.split("=", 1)[1]) for a in args if a.startswith("--rounds=")), 3)
    with tempfile.TemporaryDirectory() as tmp:
        paths = _inputs(pathlib.Path(tmp))
        if not paths:
            print("  no PDF inputs found")
            return
        _ours(paths[0])  # warm imports and caches before timing
        _baseline(paths[0])
        ours = {p: float("inf") for p in paths}
        base = dict(ours)
        pages = {}
        for _ in range(rounds):  # interleaved, so drift hits both alike; best round per file
            for p in paths:
                seconds, pages[p] = _seconds(_baseline, p)
                base[p] = min(base[p], seconds)
                seconds, _ = _seconds(_ours, p)
                ours[p] = min(ours[p], seconds)
        print(f"  inputs: {len(paths)} PDFs, {rounds} rounds (best round per file)")
        print(f"  {'file':44s} {'pages':>5s} {'extract_text':>12s} {'parse_pdf':>10s} {'ratio':>6s}")
        over = []
        for p in paths:
            ratio = ours[p] / base[p]
            flag = "  OVER BUDGET" if ratio > BUDGET else ""
            print(f"  {p.name[:44]:44s} {pages[p]:5d} {base[p]:11.2f}s {ours[p]:9.2f}s {ratio:6.2f}{flag}")
            if flag:
                over.append(p.name)
        total = sum(pages.values())
        best_base, best_ours = total / sum(base.values()), total / sum(ours.values())
        print(f"  pdfplumber extract_text: {best_base:8.1f} pages/s")
        print(f"  parse_pdf              : {best_ours:8.1f} pages/s")
        print(f"  ratio parse_pdf / extract_text pages/s: {best_ours / best_base:.2f}; "
              f"worst file ratio {max(ours[p] / base[p] for p in paths):.2f} (budget {BUDGET})")
        _words_per_page(pathlib.Path(tmp))
        if "--no-memory" not in args:
            _memory(pathlib.Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
