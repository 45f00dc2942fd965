"""Later drafts of the shared fixtures, made with python-docx the way a drafting team
edits a plan: a lead changed, a row deleted, one activity reworded, a quarter moved.
Comments and footnotes stay where they were (only run text is replaced)."""

from __future__ import annotations

from pathlib import Path

import docx

# What each edit does to img-hre-draft-workplan.docx (table 1 of the document).
DELETED = "Explore creation of temporary desk support function for UNCTs with DCO"
REWORDED_OLD = "Joint guidance for UNCTs and national level agencies on integrating human rights in NDCs"
REWORDED_NEW = "Joint guidance for UN country teams and national agencies on integrating human rights in NDCs"
LEAD_ROW = "Joint guidance/support on Integrating HRs into National Programmes"  # its lead ILO becomes UNEP
MOVED_ROW = "Joint Guidance for UNCT’s and national level agencies on integrating human rights in NBSAPs"


def _set_text(cell, old: str, new: str) -> None:
    """Replace `old` by `new` in the cell's runs (the runs keep their formatting)."""
    for paragraph in cell.paragraphs:
        text = "".join(r.text for r in paragraph.runs)
        if old in text:
            runs = paragraph.runs
            runs[0].text = text.replace(old, new)
            for run in runs[1:]:
                run.text = ""
            return
    raise AssertionError(f"{old!r} not in the cell {cell.text!r}")


def img_hre_second_draft(fixture: Path, dest: Path) -> Path:
    """The IMG plan with the four edits; returns `dest`."""
    document = docx.Document(str(fixture))
    table = document.tables[0]
    rows = {row.cells[0].text.strip(): row for row in table.rows}
    row = next(r for text, r in rows.items() if text.startswith(LEAD_ROW))
    _set_text(row.cells[2], "ILO", "UNEP")
    row = next(r for text, r in rows.items() if text.startswith(REWORDED_OLD))
    _set_text(row.cells[0], REWORDED_OLD, REWORDED_NEW)
    row = next(r for text, r in rows.items() if text.startswith(MOVED_ROW))
    _set_text(row.cells[1], "Q3 2021", "Q4 2021")
    row = rows[DELETED]
    table._tbl.remove(row._tr)
    document.save(str(dest))
    return dest


# What each edit does to emg-workplan-2018.docx: in the e-waste cell (lettered items
# under "1.", schedule by position in the next cell) item f) is reworded and the
# fifth date (item e) moves from Dec 17 to Jan 18.
EMG_REWORDED_OLD = "Consultations with IMG members and finalization of the draft analysis;"
EMG_REWORDED_NEW = "Consultations with IMG members and finalisation of the gap analysis;"
EMG_MOVED_OLD, EMG_MOVED_NEW = "Dec 17", "Jan 18"


def emg_second_draft(fixture: Path, dest: Path) -> Path:
    """The EMG plan with one lettered item reworded and one schedule date moved."""
    document = docx.Document(str(fixture))
    row = next(r for r in document.tables[0].rows if r.cells[1].text.startswith("1. The Issue Management Group"))
    _set_text(row.cells[1], EMG_REWORDED_OLD, EMG_REWORDED_NEW)
    _set_text(row.cells[2], EMG_MOVED_OLD, EMG_MOVED_NEW)
    document.save(str(dest))
    return dest
