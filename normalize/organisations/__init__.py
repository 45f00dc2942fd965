"""Organisations: names in role cells and activity text into canonical entities.

`entities` holds the canonical list (data/organisations.csv: UN system entities
and partners, with acronyms and names in English, French and Spanish); `matcher`
splits "UNDP, UNEP (tbc) and others" into references and looks them up; `mentions` finds organisations
named in free text (a spaCy PhraseMatcher); `participants` is the pipeline step
that writes the participants rows, resolving role references ("Focus area
lead") through the document's own sections.
"""

from .entities import Organisation, OrgRef, default_organisations, org_key
from .matcher import OrgMatcher, author_org, default_matcher

__all__ = ["Organisation", "OrgMatcher", "OrgRef", "author_org", "default_matcher",
           "default_organisations", "org_key"]
