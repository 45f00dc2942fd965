"""`report.html`: the review page of one output folder (batch overview, per
document sections and activities, Gantt, gaps, diagnostics), built from the
folder's tables only, so `run` and `report` make the same page."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import gantt, model
from .html import render, write_atomic
from .tables import load_folder

REPORT_NAME = "report.html"


def render_report(folder: Path) -> str:
    """The report page of output folder `folder`, as HTML text."""
    folder = Path(folder)
    content = model.build(load_folder(folder))
    for i, doc in enumerate(content["documents"], 1):
        spec = gantt.gantt_spec(doc)
        doc["chart_id"] = f"gantt-{i}" if spec else ""
        # spec_json escapes "</", so the JSON is safe as the text of a <script> element
        doc["chart_json"] = Markup(gantt.spec_json(spec)) if spec else ""
    return render("report.html.j2", folder_name=folder.resolve().name, **content)


def write_report(folder: Path) -> Path:
    """Write `<folder>/report.html` (atomically) and return its path."""
    return write_atomic(Path(folder) / REPORT_NAME, render_report(folder))
