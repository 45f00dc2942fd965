"""Delimited exports of a sheet (.csv, .tsv) read by the same layout as a workbook.

The bytes are decoded as text exports are (`parsers.text.decoding`: byte order
mark, strict UTF-8, then charset-normalizer for legacy code pages, each guess
noted). The dialect (`,` `;` TAB `|`, quoting) comes from `csv.Sniffer` over the
first lines; a .tsv is TAB-separated whatever the sniffer says. The standard
`csv` reader keeps quoted cells whole, line breaks included, which then become
the cell's paragraphs. Rows after `max_rows` rows with content are counted, not
kept (`rows_truncated`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..diagnostics import make
from ..errors import UnreadableFile
from ..model import Document
from ..text.decoding import read_text
from .layout import Ids, column_ref, sheet_blocks
from .sheet import RawCell, SheetData

DELIMITERS = ",;\t|"
SNIFF_CHARS = 64 * 1024
# a field longer than this is no spreadsheet cell (Excel's limit is 32,767 characters)
MAX_FIELD = 1 << 20


def parse_delimited(path: str | Path, max_rows: int) -> Document:
    """The Document of a .csv/.tsv file: its paragraphs and tables, as a workbook's lone
    sheet gives them (see parsers.xlsx.layout)."""
    path = Path(path)
    decoded = read_text(path)
    dialect = _dialect(decoded.text, path.suffix.lower())
    data = SheetData(path.name)
    found = 0
    first_dropped = None
    previous_limit = csv.field_size_limit(MAX_FIELD)  # a process-wide setting: put back below
    try:
        for r, fields in enumerate(csv.reader(io.StringIO(decoded.text, newline=""), dialect), start=1):
            if not any(f.strip() for f in fields):
                continue
            found += 1
            if found > max_rows:
                first_dropped = first_dropped or f"row {r}"
                continue
            for c, value in enumerate(fields, start=1):
                if value.strip():
                    data.cells[(r, c)] = RawCell(value)
    except csv.Error as e:
        raise UnreadableFile(f"{path.name} is not a readable delimited file ({e}).") from e
    finally:
        csv.field_size_limit(previous_limit)
    ids = Ids()

    def ref(row: int, col: int | None) -> str:
        return f"row {row}" + (f", col {column_ref(col)}" if col else "")

    blocks = sheet_blocks(data, ids, ref)
    diagnostics = list(decoded.diagnostics)
    if first_dropped:
        diagnostics.append(make("rows_truncated", first_dropped, found=found, limit=max_rows,
                                dropped=found - max_rows, first_dropped=first_dropped))
    return Document(str(path), "csv", tuple(blocks), diagnostics=tuple(diagnostics))


def _dialect(text: str, suffix: str) -> type[csv.Dialect] | csv.Dialect:
    if suffix in (".tsv", ".tab"):
        return csv.excel_tab
    sample = text[:SNIFF_CHARS]
    cut = sample.rfind("\n")
    if cut > 0 and len(text) > SNIFF_CHARS:
        sample = sample[:cut]  # whole lines only
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return csv.excel_tab if best == "\t" else type("Sniffed", (csv.excel,), {"delimiter": best})
