"""The catalogue of diagnostic codes (parsers.diagnostics) for people: rows for a
command line table and a Markdown page. docs/codes.md is `render_markdown()`'s
output, and a test keeps the two equal.

Regenerate docs/codes.md after changing the catalogue:

    python -c "from ingest.codes import write_markdown; write_markdown()"
"""

from __future__ import annotations

from pathlib import Path

from parsers.diagnostics import CODES

DOCS_PATH = Path(__file__).resolve().parents[1] / "docs" / "codes.md"
COLUMNS = ("code", "severity", "loses_data", "message", "remedy")

_INTRO = """\
# Diagnostic codes

Every code the pipeline writes to `diagnostics.code`, with its default severity,
its message template (`{field}`s are filled per diagnostic) and what to do about it.

* **loses data**: the document was read but something in the file is not in the
  output. A document with such a diagnostic gets `documents.status = partial`
  (never `ok`), and its `error` column says what was lost. Error codes lose the
  whole document (`status = failed`).
* Generated from `parsers/diagnostics.py` by `ingest.codes.render_markdown()`;
  do not edit by hand.
"""


def catalogue_rows() -> list[dict]:
    """One dict per code, in catalogue order: code, severity, loses_data (bool),
    message (the template) and remedy."""
    return [{"code": c.name, "severity": c.severity, "loses_data": c.loses_data,
             "message": c.template, "remedy": c.remedy} for c in CODES.values()]


def render_markdown() -> str:
    """The catalogue as a Markdown page: a short introduction and one table."""
    lines = [_INTRO, "| code | severity | loses data | message | remedy |", "|---|---|---|---|---|"]
    for row in catalogue_rows():
        cells = [f"`{row['code']}`", row["severity"], "yes" if row["loses_data"] else "no",
                 _cell(row["message"]), _cell(row["remedy"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_markdown(path: Path = DOCS_PATH) -> Path:
    """Write `render_markdown()` to `path` (docs/codes.md by default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(), encoding="utf-8", newline="\n")
    return path


def _cell(text: str) -> str:
    # A "|" would end the cell; "<" would start an HTML tag in most renderers.
    return text.replace("|", "\\|").replace("<", "&lt;")
