"""The catalogue of diagnostic codes: each code defined once, with its severity and
a message template. Parsers and normalizers make diagnostics through `make()`.

Tests check that every code used in the code base is documented here.
"""

from __future__ import annotations

from .model import Diagnostic, Severity

# code -> (default severity, message template)
CODES: dict[str, tuple[Severity, str]] = {
    # whole-file problems (ingest.batch)
    "unreadable_file": ("error", "{detail}"),
    "unsupported_format": ("error", "{detail}"),
    "encrypted": ("error", "{detail}"),
    "no_text_layer": ("error", "{detail}"),
    "limit_exceeded": ("error", "{detail}"),
    "timeout": ("error", "Parsing took longer than {seconds} s and was stopped."),
    "duplicate": ("info", "Same bytes as {first}; its records are not repeated."),
    "ingest_error": ("error", "{detail}"),
    "internal_error": ("error", "Unexpected error ({detail}); please report it with the file."),
    "legacy_format": ("error", "{detail}"),
    "converted": ("info", "{detail}"),
    "macros_ignored": ("info", "The file holds macros ({detail}); they were not run, only its content was read."),
    # parser-level problems
    "ragged_row": ("warning", "Row has {found} cells where the table has {expected} columns; {action}."),
    "lost_note_reference": ("warning", "Note {note_id} has no reference mark in the text."),
    "unresolved_note": ("warning", "Reference to note {note_id} but no such note."),
    "encoding_guess": ("info", "Read as {encoding} ({detail})."),
    "numbering_missing": ("warning", "List numbering {num_id} is not defined; label left empty."),
    "annotation_incomplete": ("warning", "A PDF annotation lacks {key}; kept what it has."),
    "parser_warning": ("warning", "{detail}"),
    # normalizer problems
    "ambiguous_date": ("warning", "Cannot read {raw!r} as a date with confidence: {detail}."),
    "unparsed_timeline": ("warning", "Timeline {raw!r} could not be read as a date."),
    "schedule_mismatch": ("warning", "Schedule cell has {n_dates} dates for {n_items} items; none paired."),
    "unknown_org": ("warning", "Unknown organisation {name!r}{hint}."),
    "unresolved_role": ("warning", "Role reference {raw!r} has no holder in this section."),
    "no_activities": ("warning", "No activities were found in this document."),
}


def make(code: str, source_ref: str | None = None, severity: Severity | None = None,
         **values) -> Diagnostic:
    """A Diagnostic for a catalogued `code`, its message filled from `values`."""
    default_severity, template = CODES[code]
    try:
        message = template.format(**values)
    except (KeyError, IndexError, ValueError):
        message = template + " " + ", ".join(f"{k}={v!r}" for k, v in values.items())
    return Diagnostic(severity or default_severity, code, message, source_ref)
