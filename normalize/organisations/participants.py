"""Participants step: who co-chairs, leads, contributes, is responsible, is mentioned.

Role cells and role lines are split into organisations by the OrgMatcher; a role
reference ("Focus area lead") resolves to the organisation holding that role in
the section (SPEC participants), keeping the words in `raw`. Organisations named
inside activity text are `mentioned`, except the body that issues the plan.
"""

from __future__ import annotations

import re

from parsers import diagnostics as diag
from parsers.model import Document

from ..context import Context
from ..records import Records
from ..rows import ParticipantRecord
from ..structure.outline import RoleCell, SectionNode
from ..structure.owners import expand_initials
from .matcher import OrgMatcher, default_matcher


def matcher() -> OrgMatcher:
    """The shared organisation matcher (built once per process)."""
    return default_matcher()


# org_id prefix of a participant whose name is not in data/organisations.csv, beside
# SPEC's "group:" for bodies that are not organisations.
UNLISTED = "unlisted:"
_LEADING_FILLER = re.compile(r"^(?:the|la|le|les|el|los|las)\s+", re.I)


def unlisted_name(raw: str) -> str:
    """The name of an unlisted participant as written, without a leading article or
    bracketed remarks: "The Department of Education (tbc)" -> "Department of Education"."""
    name = re.sub(r"\s*[(\[].*$", "", raw).strip(" .,;:")
    return _LEADING_FILLER.sub("", name).strip()


def run(doc: Document, ctx: Context) -> Records:
    """participants rows for the document, its sections and its activities."""
    records = Records()
    m = matcher()
    seen: set[tuple] = set()

    def emit(subject_type, subject_id, role, ref, cell: RoleCell, section: SectionNode | None):
        if ref.role_ref:
            holders = _holders(ctx.outline, section, ref.role_ref, m)
            if not holders:
                records.diagnostics.append(diag.make("unresolved_role", cell.source_ref, raw=ref.raw))
            for org_id, org_name in holders:
                _add(subject_type, subject_id, role, org_id, org_name, cell, ref.qualifier)
            return
        if ref.org_id is None:
            if not ref.known:
                hint = f" (did you mean {ref.suggestion}?)" if ref.suggestion else ""
                records.diagnostics.append(diag.make("unknown_org", cell.source_ref, name=ref.raw, hint=hint))
                # Who leads is the point of a role cell: a name the list does not know
                # (a ministry, a university, a person) still gets its row, marked. A near
                # miss of a listed name is more likely a typo: the warning suggests it.
                name = unlisted_name(ref.raw)
                if name and not ref.suggestion:
                    _add(subject_type, subject_id, role, f"{UNLISTED}{name}", name, cell, ref.qualifier)
            return
        _add(subject_type, subject_id, role, ref.org_id, ref.org_name, cell, ref.qualifier)

    def _add(subject_type, subject_id, role, org_id, org_name, cell, qualifier):
        key = (subject_type, subject_id, role, org_id)
        if key in seen:
            return
        seen.add(key)
        records.add(ParticipantRecord(subject_type=subject_type, subject_id=subject_id, role=role,
                                      org_id=org_id, org_name=org_name, raw=cell.raw, qualifier=qualifier,
                                      source_ref=cell.source_ref))

    for cell in ctx.outline.doc_roles:
        for ref in m.split_list(cell.raw):
            emit("document", ctx.doc_id, cell.role, ref, cell, None)
    for section in ctx.outline.sections:
        for cell in section.roles:
            for ref in m.split_list(cell.raw):
                emit("section", section.section_id, cell.role, ref, cell, section)
    issuer = {org_id for org_id, *_ in m.find_mentions(ctx.outline.issuer_text)}
    for a in ctx.outline.activities:
        section = ctx.outline.section(a.section_id)
        for cell in a.roles:
            for ref in m.split_list(expand_initials(cell.raw, ctx.outline.initials)):
                emit("activity", a.activity_id, cell.role, ref, cell, section)
        mentions = m.find_mentions(a.text)
        _unknown_acronyms(records, a, mentions, m)
        held = [cell.raw for cell in a.roles if cell.inline]  # "– Lead: OCHA" names a lead
        for org_id, text, _start, _end in mentions:
            if org_id in issuer or any(text in raw for raw in held):
                continue
            org = m.lookup(org_id)
            _add("activity", a.activity_id, "mentioned", org_id, org.name if org else None,
                 RoleCell("mentioned", text, a.source_ref), None)
    return records


# An all-caps token that looks like a UN-family acronym ("UNIMDIS") but is neither an
# organisation nor a known group ("UNCT") is worth an analyst's look; other acronyms
# (NDC, SDG) are not.
_UN_ACRONYM = re.compile(r"\bUN[A-Z]{2,}[A-Z-]*\b")


def _unknown_acronyms(records: Records, activity, mentions, m: OrgMatcher) -> None:
    found = {text for _, text, *_ in mentions}
    for token in sorted(set(_UN_ACRONYM.findall(activity.text)) - found):
        if m.lookup(token) is None and not any(ref.org_id for ref in m.split_list(token)):
            suggestion = m.near_miss(token)
            hint = f" (did you mean {suggestion}?)" if suggestion else ""
            records.diagnostics.append(diag.make("unknown_org", activity.source_ref, severity="info",
                                                 name=token, hint=hint))


def _holders(outline, section: SectionNode | None, role_ref: str, m: OrgMatcher) -> list[tuple[str, str | None]]:
    """The organisations that hold a referenced role where it is used: "focus area lead"
    is the lead of the section (or of the section above it, or of the document);
    "co-chairs" are the document's co-chairs."""
    wanted = m.holder_role(role_ref)
    if wanted is None:
        return []
    scopes = []
    while section is not None:
        scopes.append(section.roles)
        section = outline.section(section.parent_id) if section.parent_id else None
    scopes.append(outline.doc_roles)
    for cells in scopes:
        out = [(ref.org_id, ref.org_name) for cell in cells if cell.role == wanted
               for ref in m.split_list(cell.raw) if ref.org_id]
        if out:
            return out
    return []
