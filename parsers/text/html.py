"""HTML inside Markdown: the tables, footnote marks and footnote section that
pandoc's `gfm` writer (and GitHub or wiki exports) put in a Markdown file when a
table has merged cells or block content. CommonMark passes such HTML through as
raw text, so without this a work table would reach the normalizers as tag soup.

Read with lxml.html, already installed with python-docx: a forgiving HTML parser
that keeps `colspan`/`rowspan` and the cells' own paragraphs and lists.

* `<table>` blocks -> TableDraft: rows from `<tr>` in order (thead, tbody, tfoot),
  cells placed on the grid by their spans, header rows counted from the top while
  every cell is a `<th>`; a cell's `<p>`, `<li>` and loose text are its paragraphs,
  `<ol type="a" start="3">` items labelled as a browser shows them ("c.").
* `<a class="footnote-ref" href="#fn1">` marks -> note references, wherever they are;
* `<section class="footnotes">` -> the notes, with the back links dropped.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .drafts import CellDraft, NoteDraft, ParaDraft, TableDraft

TABLE_OPEN = re.compile(r"<table\b", re.I)
TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
SECTION_OPEN = re.compile(r"^\s*<section\b[^>]*\bfootnotes\b", re.I)
SECTION_CLOSE = re.compile(r"</section\s*>", re.I)
# <a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>
INLINE_REF = re.compile(r"<a\b[^>]*\bhref=\"#fn([^\"]{1,40})\"[^>]*>.*?</a>", re.I | re.S)
INLINE_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
LISTS = {"ol", "ul"}
# Cells and spans beyond these are damage: keep the grid bounded.
MAX_SPAN = 1000


def find_blocks(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first line, line after the last, kind) of every `<table>` and footnotes
    `<section>` that starts a line, nested tables included in their outer table."""
    found, n = [], 0
    while n < len(lines):
        line = lines[n]
        if line.lstrip().lower().startswith("<table"):
            end = _block_end(lines, n, TABLE_OPEN, TABLE_CLOSE)
            found.append((n, end, "table"))
            n = end
        elif SECTION_OPEN.match(line):
            end = _block_end(lines, n, re.compile(r"<section\b", re.I), SECTION_CLOSE)
            found.append((n, end, "notes"))
            n = end
        else:
            n += 1
    return found


def _block_end(lines: list[str], start: int, open_re, close_re) -> int:
    """The line after the block's closing tag; a block never closed ends, as
    CommonMark ends an HTML block, at the first blank line."""
    depth = 0
    for n in range(start, len(lines)):
        depth += len(open_re.findall(lines[n])) - len(close_re.findall(lines[n]))
        if depth <= 0:
            return n + 1
    return next((n for n in range(start + 1, len(lines)) if not lines[n].strip()), len(lines))


def read_blocks(lines: list[str]) -> tuple[list[TableDraft], list[NoteDraft]]:
    """The tables and notes of the HTML blocks in `lines`, whose lines are blanked in
    place so that the Markdown reader sees only the rest (line numbers kept)."""
    tables: list[TableDraft] = []
    notes: list[NoteDraft] = []
    for start, end, kind in find_blocks(lines):
        source = "\n".join(lines[start:end])
        for n in range(start, end):
            lines[n] = ""
        root = _fragment(source)
        if root is None:
            continue
        if kind == "table":
            table = root if root.tag == "table" else root.find(".//table")
            if table is not None:
                tables.append(read_table(table, start + 1))
        else:
            notes.extend(_notes(root, start + 1))
    return tables, notes


def inline_refs(text: str) -> str:
    """Raw inline HTML of a Markdown paragraph made plain: footnote marks become
    "[^1]" (read as note references by the Markdown reader), other tags go."""
    if "<" not in text:
        return text
    text = INLINE_REF.sub(lambda m: f"[^{m.group(1)}]", text)
    return INLINE_TAG.sub("", text)


def _fragment(source: str):
    try:
        return lxml_html.fragment_fromstring(source, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def read_table(table, line: int) -> TableDraft:
    """The TableDraft of one `<table>` element that starts at source line `line`."""
    rows: list[list[CellDraft]] = []
    taken: set[tuple[int, int]] = set()  # grid slots covered by spans from rows above
    header_rows, in_header = 0, True
    for r, tr in enumerate(_rows(table)):
        cells: list[CellDraft] = []
        col = 0
        tds = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for td in tds:
            while (r, col) in taken:
                col += 1
            col_span = _span(td.get("colspan"))
            row_span = _span(td.get("rowspan"))
            for dr in range(row_span):
                for dc in range(col_span):
                    taken.add((r + dr, col + dc))
            cells.append(CellDraft(line=line, paras=_cell_paras(td, line), col=col,
                                   row_span=row_span, col_span=col_span))
            col += col_span
        in_header = in_header and bool(tds) and all(td.tag == "th" for td in tds)
        header_rows += in_header
        rows.append(cells)
    widths = [max((c.col + c.col_span for c in row), default=0) for row in rows]
    return TableDraft(line=line, rows=rows, n_cols=max(widths, default=0), header_rows=header_rows)


def _rows(table):
    """The table's own rows in order, not those of tables nested in its cells."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if isinstance(tr.tag, str) and tr.tag == "tr")


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _cell_paras(td, line: int) -> list[ParaDraft]:
    paras: list[ParaDraft] = []
    loose: list = []  # inline content between blocks: one paragraph

    def flush_loose() -> None:
        if loose:
            _add(paras, _inline_draft(loose, line))
            loose.clear()

    if td.text and td.text.strip():
        loose.append(td.text)
    for child in td:
        if not isinstance(child.tag, str):  # comments
            if child.tail and child.tail.strip():
                loose.append(child.tail)
            continue
        if child.tag in BLOCKS:
            flush_loose()
            _add(paras, _inline_draft([child], line))
        elif child.tag in LISTS:
            flush_loose()
            _list(child, 0, paras, line)
        elif child.tag == "table":
            flush_loose()  # a nested table: its text is kept as paragraphs of the cell
            paras.extend(p for tr in _rows(child) for c in tr if isinstance(c.tag, str)
                         for p in _cell_paras(c, line))
        else:
            loose.append(child)
            continue
        if child.tail and child.tail.strip():
            loose.append(child.tail)
    flush_loose()
    return paras


def _list(el, level: int, paras: list[ParaDraft], line: int) -> None:
    ordered = el.tag == "ol"
    number = _span(el.get("start")) if ordered else 0
    style = el.get("type") or "1"
    for li in el:
        if not isinstance(li.tag, str) or li.tag != "li":
            continue
        label = f"{_counter(number, style)}." if ordered else "•"
        number += 1
        inline = [li.text] if li.text and li.text.strip() else []
        sublists = []
        for child in li:
            if isinstance(child.tag, str) and child.tag in LISTS:
                sublists.append(child)
            elif isinstance(child.tag, str):
                inline.append(child)
            if child.tail and child.tail.strip():
                inline.append(child.tail)
        draft = _inline_draft(inline, line)
        draft.list_label, draft.list_kind, draft.list_level = label, "number" if ordered else "bullet", level
        _add(paras, draft)
        for sub in sublists:
            _list(sub, level + 1, paras, line)


def _counter(n: int, style: str) -> str:
    if style in ("a", "A"):
        out = ""
        while n > 0:
            n, rem = divmod(n - 1, 26)
            out = chr(ord(style) + rem) + out
        return out
    if style in ("i", "I"):
        numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
                    ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
        out = ""
        for sym, value in numerals:
            while n >= value:
                out, n = out + sym, n - value
        return out.upper() if style == "I" else out
    return str(n)


def _inline_draft(parts: list, line: int) -> ParaDraft:
    """One paragraph from inline parts (strings and elements): <br> is a line break,
    footnote marks become references, other markup is dropped."""
    text: list[str] = []
    refs: list[tuple[str, int]] = []

    def add(s: str) -> None:
        text.append(s.replace("\n", " "))  # pandoc wraps its HTML source: a newline is a space

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            pass
        elif el.tag == "br":
            text.append("\n")
        elif el.tag == "a" and (el.get("href") or "").startswith("#fn") and "footnote-back" not in (el.get("class") or ""):
            refs.append((f"footnote:{el.get('href')[3:]}", len("".join(text))))
        elif el.tag == "a" and "footnote-back" in (el.get("class") or ""):
            pass  # the "↩" back link of a note
        elif el.tag in LISTS:
            pass
        else:
            if el.text:
                add(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    add(child.tail)

    for part in parts:
        if isinstance(part, str):
            add(part)
        else:
            walk(part)
            if part.tail and part is not parts[-1]:
                add(part.tail)
    raw = "".join(text)
    lead = len(raw) - len(raw.lstrip())
    joined = re.sub(r"[ \t\r]*\n[ \t\r]*", "\n", re.sub(r"[ \t]{2,}", " ", raw.strip()))
    return ParaDraft(text=joined, line=line, refs=[(s, max(o - lead, 0)) for s, o in refs])


def _add(paras: list[ParaDraft], draft: ParaDraft) -> None:
    if draft.text or draft.list_label:
        paras.append(draft)


def _notes(root, line: int) -> list[NoteDraft]:
    notes = []
    for li in root.iter("li"):
        note_id = (li.get("id") or "").removeprefix("fn")
        if note_id:
            draft = _inline_draft([child for child in li if isinstance(child.tag, str)] or [li.text or ""], line)
            notes.append(NoteDraft(note_id, "footnote", " ".join(draft.text.split()), line))
    return notes
