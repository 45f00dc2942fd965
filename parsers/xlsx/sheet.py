"""One worksheet read in a single streamed pass: what each visible cell shows, its fill,
the merged ranges, hidden rows and columns, hyperlinks.

openpyxl's read-only worksheets iterate rows without building the sheet, but they
drop what a layout needs (merged ranges, hidden rows and columns, hyperlinks).
Its `WorkSheetParser` reads all of these in the same pass, so it is used here
directly: rows stream through it, row and column attributes arrive before the
rows, merges and hyperlinks after them. Memory stays bounded by the rows kept,
and reading stops as soon as the row budget (--max-rows) is spent, whatever
size the sheet declares.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser

from .cells import display, fill_colour

_TRUE = ("1", "true")


@dataclass
class RawCell:
    """A cell that shows something: its text (lines split by the cell's own line
    breaks later), its solid fill, bold, and a hyperlink target."""

    text: str
    fill: str | None = None
    bold: bool = False
    link: str | None = None


@dataclass
class SheetData:
    """What a sheet shows, in Excel's 1-based coordinates.

    cells: (row, col) -> RawCell, for visible cells with text or a fill.
    merges: (min_row, min_col, max_row, max_col) of each merged range.
    hidden_rows, hidden_cols: how many rows / columns with content the sheet hides
        (their cells are not in `cells`).
    widths: column widths in characters, where the sheet sets them.
    stopped_at: the first row not read because the row budget was spent, else None.
    declared_rows: the last row the sheet's dimension declares, when it does.
    rows_read: rows with content that were read (the budget they spent).
    """

    name: str
    cells: dict[tuple[int, int], RawCell] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: int = 0
    hidden_cols: int = 0
    widths: dict[int, float] = field(default_factory=dict)
    stopped_at: int | None = None
    declared_rows: int | None = None
    rows_read: int = 0


class Styles:
    """Number format, fill and bold per style id, resolved once per workbook."""

    def __init__(self, wb, theme: tuple[str, ...]):
        self.wb = wb
        self.theme = theme
        self.indexed = list(wb._colors) if wb._colors else None
        self._cache: dict[int, tuple[str, str | None, bool]] = {}

    def get(self, style_id: int) -> tuple[str, str | None, bool]:
        found = self._cache.get(style_id)
        if found is None:
            found = self._cache[style_id] = self._resolve(style_id)
        return found

    def _resolve(self, style_id: int) -> tuple[str, str | None, bool]:
        wb = self.wb
        if not style_id or style_id >= len(wb._cell_styles):
            return "General", None, False
        style = wb._cell_styles[style_id]
        fmt_id = style.numFmtId
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            number_format = BUILTIN_FORMATS.get(fmt_id, "General")
        else:
            custom = fmt_id - BUILTIN_FORMATS_MAX_SIZE
            number_format = wb._number_formats[custom] if custom < len(wb._number_formats) else "General"
        fill = wb._fills[style.fillId] if style.fillId < len(wb._fills) else None
        font = wb._fonts[style.fontId] if style.fontId < len(wb._fonts) else None
        return number_format, fill_colour(fill, self.indexed, self.theme), bool(font is not None and font.b)


def read_sheet(ws, styles: Styles, links: dict[str, str], budget: int) -> SheetData:
    """Stream `ws` (an openpyxl read-only worksheet), keeping at most `budget` rows
    with content; `links` maps the sheet's relationship ids to their targets."""
    wb = ws.parent
    data = SheetData(ws.title)
    hidden_cols: set[int] = set()
    hidden_used: set[int] = set()
    data.declared_rows = ws._max_row  # from the sheet's <dimension>, read when the workbook was opened
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for row_number, row_cells in parser.parse():
            if not hidden_cols and parser.column_dimensions:
                hidden_cols = _columns(parser.column_dimensions, data)
            attrs = parser.row_dimensions.get(str(row_number), {})
            kept = [c for c in row_cells if c["value"] is not None or c["style_id"]]
            if attrs.get("hidden") in _TRUE:
                data.hidden_rows += any(c["value"] is not None for c in kept)
                continue
            row = {}
            for c in kept:
                number_format, fill, bold = styles.get(c["style_id"])
                text = display(c["value"], c["data_type"], number_format)
                if not text.strip() and fill is None:
                    continue
                if c["column"] in hidden_cols:
                    if text.strip():
                        hidden_used.add(c["column"])
                    continue
                row[c["column"]] = RawCell(text, fill, bold)
            if not row:
                continue
            if data.rows_read >= budget:
                data.stopped_at = row_number
                break
            data.rows_read += 1
            for col, cell in row.items():
                data.cells[(row_number, col)] = cell
        # Merges and hyperlinks follow the rows in the XML: a sheet cut at the row
        # budget keeps its rows without them (reading on would defeat the budget).
        if data.stopped_at is None:
            for merged in (parser.merged_cells.mergeCell if parser.merged_cells else ()):
                min_col, min_row, max_col, max_row = range_boundaries(merged.coord)
                data.merges.append((min_row, min_col, max_row, max_col))
            _hyperlinks(parser, data, links)
    data.hidden_cols = len(hidden_used)
    return data


def _columns(column_dimensions: dict, data: SheetData) -> set[int]:
    hidden: set[int] = set()
    for letter, attrs in column_dimensions.items():
        first = int(attrs.get("min") or column_index_from_string(letter))
        last = min(int(attrs.get("max") or first), first + 16384)
        if attrs.get("hidden") in _TRUE:
            hidden.update(range(first, last + 1))
        width = attrs.get("width")
        if width:
            for col in range(first, min(last, first + 256) + 1):
                data.widths[col] = float(width)
    data.hidden_cols = len(hidden)
    return hidden


def _hyperlinks(parser, data: SheetData, links: dict[str, str]) -> None:
    """Append each link's target to its cell's text, unless the text already shows it.
    Targets are kept as text only: nothing is ever fetched."""
    for link in parser.hyperlinks.hyperlink:
        target = links.get(link.id) if link.id else None
        if not target and link.location:
            target = f"#{link.location}"
        if not target or not link.ref:
            continue
        min_col, min_row, _, _ = range_boundaries(link.ref)
        cell = data.cells.get((min_row, min_col))
        if cell is not None and target not in cell.text:
            cell.text = f"{cell.text} ({target})" if cell.text.strip() else target
            cell.link = target
