"""Spreadsheet workplans (.xlsx, .xlsm; .csv and .tsv in `delimited`) into the shared model.

`parse_xlsx(path, max_rows)` reads the workbook with openpyxl in read-only mode
(no sheet is built in memory; see `sheet.py`) and data-only mode (formulas give
the values Excel cached), with external links never loaded. Each visible sheet
gives, in reading order:
* when the workbook has several visible sheets (each a plan, or a part of one), a
  level-1 heading with the sheet's name (style "Sheet"); a lone sheet's name
  ("Sheet1", or the title again) is only in the source_refs, where it cannot pass
  for the plan's title;
* its content cut into paragraphs and tables by `layout.py` (title block, tables,
  margin notes), every record's `source_ref` naming the sheet, row and column
  (`sheet "UN Network", row 12, col C`);
* its comments and threaded comments as `Comment`s anchored to their cell.
Hidden sheets, rows and columns are not read; a `hidden_skipped` note counts them.
Macros (.xlsm) are never run (`parsers.safety` notes them). The package was
checked by `parsers.safety.check_zip` before this module opens it.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from pathlib import Path

from openpyxl.utils.exceptions import InvalidFileException

from ..diagnostics import make
from ..errors import UnreadableFile, UnsupportedFormat
from ..model import Comment, Diagnostic, Document, Paragraph
from .cells import theme_colours
from .comments import persons, read_comments, sheet_rels
from .layout import Ids, column_ref, sheet_blocks
from .sheet import Styles, read_sheet

# What openpyxl and the XML readers raise on a damaged package or part.
_DAMAGED = (KeyError, ValueError, TypeError, IndexError, AttributeError, zipfile.BadZipFile, OSError, EOFError,
            SyntaxError, zlib.error, InvalidFileException)


def parse_xlsx(path: str | Path, max_rows: int) -> Document:
    """The Document of a workbook; at most `max_rows` rows with content are read (a
    `rows_truncated` warning says how many more the sheets declare)."""
    import openpyxl

    path = Path(path)
    with zipfile.ZipFile(path) as z:  # vetted by parsers.safety.check_zip
        if "xl/workbook.bin" in z.namelist():
            raise UnsupportedFormat(f"{path.name} is a binary Excel workbook (.xlsb), which is not read.",
                                    "Save it as .xlsx in Excel and ingest that file.")
    with warnings.catch_warnings():
        # openpyxl warns about parts it drops (extensions, data validation): nothing we read
        warnings.simplefilter("ignore")
        # a file object, not the path: openpyxl refuses names it does not know (a
        # workbook saved as .docx, a converted .xls in a temporary folder)
        with open(path, "rb") as stream:
            try:
                wb = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
            except _DAMAGED as e:
                raise UnreadableFile(f"{path.name} is not a readable workbook ({type(e).__name__}: {e}).") from e
            try:
                return _read(path, wb, max_rows)
            except _DAMAGED as e:
                raise UnreadableFile(f"{path.name}: a sheet could not be read ({type(e).__name__}: {e}).") from e
            finally:
                wb.close()


def _read(path: Path, wb, max_rows: int) -> Document:
    archive = wb._archive
    styles = Styles(wb, theme_colours(wb.loaded_theme))
    people = persons(archive)
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    ids = Ids()
    blocks, comments, diagnostics, hidden_parts = [], [], [], []
    budget, truncated = max_rows, None
    for ws in visible:
        name = ws.title
        if len(visible) > 1:
            blocks.append(Paragraph(ids.next(), name, f'sheet "{name}"', style="Sheet", heading_level=1,
                                    bold=True))
        if truncated is not None:
            continue
        rels = sheet_rels(archive, ws._worksheet_path)
        links = {rid: target for rid, (kind, target) in rels.items() if kind.endswith("/hyperlink")}
        data = read_sheet(ws, styles, links, budget)
        budget -= data.rows_read
        raw_comments = read_comments(archive, rels, people)
        ids.wanted = {(name, c.row, c.col) for c in raw_comments}

        def ref(row: int, col: int | None, name=name) -> str:
            return f'sheet "{name}", row {row}' + (f", col {column_ref(col)}" if col else "")

        blocks += sheet_blocks(data, ids, ref, prefix=f'sheet "{name}", ')
        if data.hidden_rows:
            hidden_parts.append(f'{_n(data.hidden_rows, "row")} of sheet "{name}"')
        if data.hidden_cols:
            hidden_parts.append(f'{_n(data.hidden_cols, "column")} of sheet "{name}"')
        comments += _comments(raw_comments, data, ids, ref)
        if data.stopped_at is not None:
            truncated = (data, ref(data.stopped_at, None))
    if hidden:
        hidden_parts.insert(0, ", ".join(f'sheet "{n}"' for n in hidden))
    if hidden_parts:
        diagnostics.append(make("hidden_skipped", None, what="; ".join(hidden_parts)))
    if truncated is not None:
        diagnostics.append(_truncated(truncated, visible, max_rows))
    title = (wb.properties.title or "").strip() or None if wb.properties else None
    return Document(str(path), "xlsx", tuple(blocks), comments=tuple(comments), title=title,
                    diagnostics=tuple(diagnostics))


def _n(count: int, unit: str) -> str:
    return f"{count} {unit}" + ("s" if count != 1 else "")


def _comments(raw, data, ids: Ids, ref) -> list[Comment]:
    out = []
    for n, c in enumerate(raw, 1):
        comment_id = c.key or f"{data.name}!{column_ref(c.col)}{c.row}#{n}"
        anchor = ids.anchors.get((data.name, c.row, c.col))
        shown = data.cells.get((c.row, c.col))
        out.append(Comment(comment_id, c.author, c.text, ref(c.row, c.col), date=c.date,
                           anchor_text=shown.text if shown is not None else None, anchor_block=anchor,
                           parent_id=c.parent, resolved=c.resolved))
    return out


def _truncated(stop, visible, max_rows: int) -> Diagnostic:
    data, first_dropped = stop
    declared = data.declared_rows or data.stopped_at
    found = max(max_rows + 1, max_rows + declared - data.stopped_at + 1)
    return make("rows_truncated", first_dropped, found=found, limit=max_rows, dropped=found - max_rows,
                first_dropped=first_dropped)


__all__ = ["parse_xlsx"]
