"""Reading stays linear in pages (issue 10: no document takes more than 30 s). A
74-page grant annex took over 400 s while its lines were grouped over the whole
document at once; this checks the cause, not the clock (speed itself is measured
by `make bench`, as a ratio to pdfplumber's extract_text): no step groups the words
of more than one page into lines."""

from __future__ import annotations

import sys

from parsers.pdf import layout, parse_pdf

N_PAGES = 30


def test_lines_are_grouped_page_by_page(tmp_path, pdf_samples, monkeypatch):
    path = pdf_samples.many_pages(tmp_path / "many.pdf", N_PAGES)
    seen: list[set[int]] = []
    real = layout.group_lines

    def recording(words):
        seen.append({w.page for w in words})
        return real(words)

    # wherever a module of the PDF parser holds the function, it records its input
    for name, module in list(sys.modules.items()):
        if name.startswith("parsers.pdf") and getattr(module, "group_lines", None) is real:
            monkeypatch.setattr(module, "group_lines", recording)
    doc = parse_pdf(path)
    assert doc.n_pages == N_PAGES and sum(1 for _ in doc.iter_tables()) >= N_PAGES
    assert len(seen) >= N_PAGES  # called per page ...
    assert all(len(pages_seen) <= 1 for pages_seen in seen), max(seen, key=len)  # ... never across pages
