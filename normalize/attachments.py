"""Attachments step: reviewer comments and notes, attached to the activity (or
section, or document) whose block they sit in (SPEC comments, notes)."""

from __future__ import annotations

import re

from parsers.model import Document

from .context import Context
from .records import Records
from .rows import CommentRecord, NoteRecord
from .structure.labels import clean

_TAGGED = re.compile(r"^(?P<name>.*?)\s*\[(?P<tag>[^\]]+)\]\s*$")


def split_author(author: str | None) -> tuple[str | None, str | None]:
    """("Gita Parihar", "HOTMAIL") for "Gita Parihar [HOTMAIL]"; the tag may be absent."""
    if not author:
        return None, None
    m = _TAGGED.match(author.strip())
    if m:
        return clean(m.group("name")) or None, clean(m.group("tag")) or None
    return clean(author) or None, None


def subject_of(ctx: Context, block_id: int | None) -> tuple[str, str | None]:
    """(subject_type, subject_id) owning a block; the document when none does."""
    if block_id is not None and block_id in ctx.outline.owners:
        return ctx.outline.owners[block_id]
    return "document", ctx.doc_id


def run(doc: Document, ctx: Context) -> Records:
    """comments and notes rows."""
    from .organisations.participants import matcher

    records = Records()
    m = matcher()
    for c in doc.comments:
        author, tag = split_author(c.author)
        subject_type, subject_id = subject_of(ctx, c.anchor_block)
        records.add(CommentRecord(comment_id=c.comment_id, author=author, author_tag=tag,
                                  author_org_id=m.author_org(author or "", tag), date=c.date, text=clean(c.text),
                                  anchor_text=clean(c.anchor_text) if c.anchor_text else None,
                                  subject_type=subject_type, subject_id=subject_id, parent_comment_id=c.parent_id,
                                  source_ref=c.source_ref, resolved=c.resolved))
    for n in doc.notes:
        subject_type, subject_id = subject_of(ctx, n.anchor_block)
        records.add(NoteRecord(note_id=f"{n.kind[0]}{n.note_id}", kind=n.kind, text=clean(n.text),
                               anchor_text=clean(n.anchor_text) if n.anchor_text else None,
                               subject_type=subject_type, subject_id=subject_id, source_ref=n.source_ref))
    return records
