"""The PDF parser: `parse_pdf(path)` reads a text PDF into the shared model
(`parsers.model.Document`, format "pdf") so that a document gives the same records
whether it arrives as .docx or as a PDF printed from it.

Modules: reader (opening, fatal errors), words (characters to words: glyph codes,
gaps relative to the font size), layout (lines and layout measures), furniture
(running headers, footers, page numbers), paragraphs (re-joining lines, list
labels), lists (list levels by indent), tables (grids, spans, tables over several
pages), footnotes (marks and note text at page feet, and the "↩" endnotes of HTML
exports), annotations (reviewer comments), pages
(one page's items), assemble (block ids and source_refs); booktabs, booktab_rows,
rules and bullets read tables ruled across only and the bullets browsers draw;
packed keeps each page's words compactly between passes.

Pages are read once, one at a time; what measures over the whole document need
is counted as each page is read, and the words wait, packed, until those
measures are known (see pages.build_pages).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..diagnostics import make
from ..errors import IngestError, UnreadableFile
from ..model import Diagnostic, Document
from .assemble import assemble, comments, notes
from .footnotes import take_endnotes
from .furniture import remove_furniture
from .layout import most_common_size
from .lists import set_levels
from .pages import Counts, RawPage, build_pages, read_page
from .paragraphs import ParaDraft, heading_levels
from .reader import check_text_layer, open_pdf
from .tables import merge_across_pages


def parse_pdf(path: str | Path) -> Document:
    """The Document for one PDF file.

    Raises EncryptedFile (a password other than the empty one), NoTextLayer (a
    scan), UnreadableFile (damaged or truncated).
    """
    path = Path(path)
    title, n_pages, raw_pages, counts, diags = _read(path)
    check_text_layer(path, counts.words, n_pages)
    diags.extend(_dropped_glyphs(raw_pages))
    diags.extend(remove_furniture(raw_pages))

    pages, page_diags = build_pages(raw_pages, counts.vocab)
    del raw_pages  # their words went as each page was built
    items = merge_across_pages([it for p in pages for it in p.items])
    # a merged table stays on the page where it starts (paragraph numbering is per page)
    for p in pages:
        p.items = [it for it in items if it.page == p.number]
    del items
    take_endnotes(pages)
    paras = [it for p in pages for it in p.items if isinstance(it, ParaDraft)]
    set_levels(paras)
    levels = heading_levels(paras, most_common_size(counts.sizes))
    del paras
    blocks, ids = assemble(pages, levels)
    note_records, note_diags = notes(pages, ids)
    return Document(str(path), "pdf", blocks, notes=note_records, comments=comments(pages, ids),
                    title=title, n_pages=n_pages, diagnostics=tuple(diags + page_diags + note_diags))


def _read(path: Path) -> tuple[str | None, int, list[RawPage], Counts, list[Diagnostic]]:
    """(title, number of pages, the pages read, their counts, diagnostics): one pass
    over the pages, each closed once read. pdfplumber's objects stay in here, so
    they are freed before the pages are built."""
    pdf = open_pdf(path)
    diags = []
    counts = Counts()
    try:
        title = _title(pdf.metadata)
        raw_pages = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                raw_pages.append(read_page(page, number, counts))
            except IngestError:
                raise
            except Exception as exc:  # one broken page costs that page, not the file
                diags.append(make("page_unreadable", f"page {number}", page=number,
                                  error=f"{type(exc).__name__}: {exc}"))
            finally:
                page.close()
        n_pages = len(pdf.pages)
    except IngestError:
        raise
    except Exception as exc:
        raise UnreadableFile(f"{path.name} could not be read ({type(exc).__name__}: {exc}).") from exc
    finally:
        pdf.close()
    if not raw_pages:
        raise UnreadableFile(f"{path.name}: no page could be read.")
    return title, n_pages, raw_pages, counts, diags


def _dropped_glyphs(raw_pages) -> list[Diagnostic]:
    """One warning for the glyphs left out because their font gives them no meaning."""
    fonts: Counter = Counter()
    pages = []
    for rp in raw_pages:
        if rp.dropped:
            fonts.update(rp.dropped)
            pages.append(rp.number)
    if not pages:
        return []
    where = f"page {pages[0]}" if len(pages) == 1 else f"pages {', '.join(map(str, pages[:10]))}" + \
        (" and more" if len(pages) > 10 else "")
    return [make("glyphs_dropped", f"page {pages[0]}", count=sum(fonts.values()), pages=where,
                 fonts=", ".join(sorted(f or "unnamed font" for f in fonts)))]


def _title(meta: dict) -> str | None:
    title = meta.get("Title") if isinstance(meta, dict) else None
    if isinstance(title, bytes):
        title = title.decode("utf-8", "replace")
    return title.strip() if isinstance(title, str) and title.strip() else None


__all__ = ["parse_pdf"]
