"""The catalogue of diagnostic codes: every code the pipeline reports is defined
here once, with its severity, a message template, a remedy and whether it means
that data was lost.

Parsers and normalizers make diagnostics through `make()`; fatal errors
(`parsers.errors`) and the batch runner (`ingest.worker`, `ingest.batch`) take
their messages and remedies from here too. `ingest.codes` renders the catalogue
as docs/codes.md.

Loss codes decide a document's status (SPEC "documents"): a document that was
read but lost something (a page, a part, table rows) is `partial`, never `ok`.
Fatal codes are losses too: a failed document loses everything.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from .model import Diagnostic, Severity


@dataclass(frozen=True)
class Code:
    """One catalogued diagnostic code.

    name (str): the stable code written to diagnostics.code.
    severity (Severity): default severity; `make()` may lower it to "info" for
        codes that do not lose data.
    template (str): the message, `str.format` style; every field must be given.
    remedy (str): what the user should do about it.
    loses_data (bool): True when the problem means something in the file is not
        in the output (a document with such a diagnostic is `partial`).
    """

    name: str
    severity: Severity
    template: str
    remedy: str
    loses_data: bool = False

    @property
    def fields(self) -> frozenset[str]:
        """The names of the template's fields."""
        return frozenset(name for _, name, _, _ in string.Formatter().parse(self.template) if name)

    def format(self, **values) -> str:
        """The template filled with `values`; raises ValueError naming any missing
        or unexpected field (a caller and the catalogue out of step)."""
        missing = self.fields - values.keys()
        extra = values.keys() - self.fields
        if missing or extra:
            raise ValueError(f"diagnostic {self.name!r}: missing field(s) {sorted(missing)}, "
                             f"unexpected field(s) {sorted(extra)} for template {self.template!r}")
        return self.template.format(**values)


_REPAIR = "Open the file in Word, save a fresh copy (Word repairs damaged parts) and ingest that copy."

_CATALOGUE = (
    # -- fatal: the document is not read (documents.status = failed) ----------------
    # Their reasons are composed where the error is raised, and name the file or part.
    Code("unreadable_file", "error", "Unreadable file: {reason}",
         "Open it in Word or a PDF reader, save a fresh copy and ingest that copy.", loses_data=True),
    Code("unsupported_format", "error", "Unsupported format: {reason}",
         "Save it as .docx, .pdf or .txt and ingest it again.", loses_data=True),
    Code("encrypted", "error", "Encrypted file: {reason}",
         "The file is encrypted: remove the password (save an unprotected copy) and ingest it again.",
         loses_data=True),
    Code("legacy_format", "error", "Legacy format: {reason}",
         "Save it as .docx in Word or LibreOffice and ingest it again.", loses_data=True),
    Code("no_text_layer", "error", "No text layer: {reason}",
         "The PDF is a scanned image: run OCR on it (or get the Word original) and ingest the result.",
         loses_data=True),
    Code("limit_exceeded", "error", "Limit exceeded: {reason}",
         "If the file is genuine, raise the limit with the matching --max-* option.", loses_data=True),
    Code("dtd_not_allowed", "error",
         "{part} declares a DTD (<!DOCTYPE ...>); a Word document never does, and its entities "
         "are never expanded, so the file was refused.",
         "The file was edited by hand or built to attack XML readers. If it is genuine, open it in "
         "Word, save a fresh copy and ingest that copy.", loses_data=True),
    Code("timeout", "error", "Reading the document took longer than {seconds} s and was stopped.",
         "If the file is genuine, raise the limit with --timeout.", loses_data=True),
    Code("memory_exceeded", "error",
         "Reading the document needed more memory than the {limit} limit allows.",
         "If the file is genuine, raise the limit with --memory-limit.", loses_data=True),
    Code("worker_crashed", "error",
         "The process reading the document stopped unexpectedly (exit code {exit_code}): "
         "a crash in a reader library, or the memory limit.",
         "Raise --memory-limit if the file is genuine, else report it with the file.", loses_data=True),
    Code("worker_unavailable", "error", "No worker process could be started for this document.",
         "Check free memory and --memory-limit, then run again.", loses_data=True),
    Code("worker_lost", "error",
         "The Dask worker reading the document was lost twice (killed, out of memory, or its "
         "machine gone), so the document was given up.",
         "Check the Dask workers' memory and logs; if the file is genuine, run it again, locally "
         "with --executor local to see its own error.", loses_data=True),
    Code("internal_error", "error", "Unexpected error while reading the document: {reason}",
         "This is a bug in workplan-ingest: please report it with the file.", loses_data=True),
    Code("output_error", "error", "Output not written: {reason}",
         "Check that the output folder's parent exists and is writable.", loses_data=True),
    Code("output_refused", "error", "Output folder refused: {reason}",
         "Choose a new or empty folder for --out, or one that workplan-ingest wrote before.",
         loses_data=True),
    # -- whole-file notes ------------------------------------------------------------
    Code("duplicate", "info", "Same bytes as {first}; its records are not repeated.",
         "Nothing to do; remove one of the copies to silence this."),
    Code("converted", "info",
         "{file} is a {what}; {converter} converted it to .{target} before reading.",
         "Nothing to do; save it as .docx or .xlsx to skip the conversion."),
    Code("macros_ignored", "info",
         "The file holds macros ({parts}); they were not run, only its content was read.",
         "Nothing to do: macros are never run."),
    # -- text exports ----------------------------------------------------------------
    Code("encoding_guess", "info",
         "The file declares no encoding; it was read as {encoding}, guessed from {clue}.",
         "Check accents and special characters; export the text as UTF-8 to avoid the guess."),
    Code("invalid_bytes_replaced", "warning",
         "{count} byte sequence(s) are not valid {encoding}; each was replaced with U+FFFD, so "
         "those characters are lost.",
         "Export the text again as UTF-8 from the original document.", loses_data=True),
    Code("nul_removed", "warning",
         "Removed {count} NUL {unit}(s) from the text; they are no characters of any language.",
         "Nothing was lost; export the text again if it came out garbled."),
    Code("duplicate_note", "warning",
         "Note {note_id} is defined more than once; this definition is kept as a note without a "
         "reference mark.",
         "Give each note its own number in the source."),
    # -- .docx parts -----------------------------------------------------------------
    Code("part_unreadable", "warning",
         "Part {part} ({role}) could not be read ({error}); its {role} are missing from the output.",
         _REPAIR, loses_data=True),
    Code("properties_unreadable", "warning",
         "The document properties ({part}) could not be read ({error}); the title, author and "
         "dates they hold are missing.", _REPAIR, loses_data=True),
    Code("no_body", "warning", "The main part {part} has no w:body: the document holds no text.",
         "Check that this is the right file; save it again from Word."),
    Code("numbering_failed", "warning",
         "List numbering could not be computed ({error}); the list labels (a), 1., ...) of this "
         "and every later paragraph are missing.",
         "Please report it with the file; the text itself is complete.", loses_data=True),
    Code("numbering_missing", "warning",
         "List {num_id} has no definition in the numbering part; its items get no label "
         "(Word shows none either).",
         "Nothing was lost; re-apply the list in Word if these items should be numbered."),
    # -- PDF -------------------------------------------------------------------------
    Code("page_unreadable", "warning", "Page {page} could not be read ({error}); its text is missing.",
         "Print the PDF to a new PDF from a reader (or get the Word original) and ingest that copy.",
         loses_data=True),
    Code("annotation_incomplete", "warning",
         "A comment annotation on page {page} lacks {key}; the comment is kept, but what {key} "
         "holds (its place on the page, highlighted words or text) is lost.",
         "Re-export the PDF from the original document, or read the comment in a PDF reader.",
         loses_data=True),
    Code("glyphs_dropped", "warning",
         "{count} character(s) on {pages} have no Unicode meaning in their font ({fonts}); they "
         "were left out of the text.",
         "Export the PDF again from the original (Word's Save as PDF writes the Unicode maps), or "
         "get the Word original, and ingest that copy.",
         loses_data=True),
    Code("page_furniture_removed", "info",
         "Left out the running {what} \"{text}\" (on {count} of {total} pages): page furniture, "
         "not content.",
         "Nothing to do; the line repeats at the same place on most pages."),
    # -- spreadsheets ----------------------------------------------------------------
    Code("hidden_skipped", "info",
         "Not read, because the workbook hides them: {what}.",
         "Nothing to do if they are lookup lists or dropped rows; unhide them in Excel and ingest "
         "the file again if they belong to the plan."),
    # -- any format ------------------------------------------------------------------
    Code("rows_truncated", "warning",
         "The document's tables hold {found} rows, more than the limit of {limit}: the first "
         "{limit} rows were read and the last {dropped} (from {first_dropped} on) dropped.",
         "If the file is genuine, raise the limit with --max-rows and ingest it again.", loses_data=True),
    Code("ragged_row", "warning", "Row has {found} cells where the table has {expected} columns; {action}.",
         "Check the row in the source: a cell may be missing, split or merged."),
    Code("lost_note_reference", "warning",
         "Note {note_id} has no reference mark in the text; it is kept without an anchor.",
         "Re-insert the note's reference mark in the source if it matters."),
    Code("unresolved_note", "warning",
         "The text refers to note {note_id}, which the document does not contain.",
         "Restore the note's text in the source, or remove the reference."),
    # -- normalizers -----------------------------------------------------------------
    Code("ambiguous_date", "warning", "Cannot read {raw!r} as a date with confidence: {detail}.",
         "Check the date in the source; write it as e.g. '15 March 2021' or 'Q2 2021'."),
    Code("unparsed_timeline", "warning", "Timeline {raw!r} could not be read as a date.",
         "Write the timeline as a date, a month, a quarter or a range of them."),
    Code("assumed_date", "warning", "Timeline {raw!r} was read on an assumption: {detail}.",
         "Check the reading (its note says what was assumed); state it in the plan (the fiscal year's "
         "first month, the hemisphere, exact dates) or give --fiscal-year-start."),
    Code("schedule_mismatch", "warning",
         "Schedule cell has {n_dates} dates for {n_items} items; none paired.",
         "Give the Schedule cell one date per item, in order (or none)."),
    Code("unknown_org", "warning", "Unknown organisation {name!r}{hint}.",
         "Check the spelling, or add the organisation to normalize/data/organisations.csv."),
    Code("unresolved_role", "warning", "Role reference {raw!r} has no holder in this section.",
         "Name the organisation in the cell, or state in the section who holds the role."),
    Code("no_work_structure", "info",
         "No work structure found: no work table, work list, key-value block, aligned columns or "
         "Gantt grid; the document reads as {kind} ({evidence}).",
         "If it is a workplan, its work items may be in a layout not read yet: please report it "
         "with the file."),
    Code("timeline_in_drawing", "info",
         "Table {table} has period columns ({periods}) but no marks in them: the schedule is drawn "
         "as shapes, so no timelines were read from it.",
         "Type the periods into the table (an X per period), or give each item a time frame."),
)

CODES: dict[str, Code] = {code.name: code for code in _CATALOGUE}


def lookup(code: str) -> Code:
    """The catalogue entry of `code`; raises KeyError naming an unknown code."""
    try:
        return CODES[code]
    except KeyError:
        raise KeyError(f"unknown diagnostic code {code!r}: add it to parsers/diagnostics.py") from None


def loses_data(code: str) -> bool:
    """True when a diagnostic with this code means data was lost (see `Code`)."""
    return lookup(code).loses_data


def make(code: str, source_ref: str | None = None, severity: Severity | None = None,
         **values) -> Diagnostic:
    """A Diagnostic for a catalogued `code`, its message filled from `values`.

    severity: None for the code's default. A loss is at least a warning, so a loss
        code cannot be made "info".
    Raises KeyError for an unknown code, ValueError for a missing or unexpected
    template field or a loss made "info".
    """
    entry = lookup(code)
    if entry.loses_data and severity == "info":
        raise ValueError(f"diagnostic {code!r} means data was lost; it cannot be 'info'")
    return Diagnostic(severity or entry.severity, code, entry.format(**values), source_ref)
