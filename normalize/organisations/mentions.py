"""Organisations named in free text (SPEC participants, role `mentioned`), found with spaCy.

A blank English pipeline (tokenizer only, no model download) and two PhraseMatchers
built from the organisation list: acronyms match case-sensitively ("UNEP", never
"unep"), names and aliases case-insensitively ("UN Environment"). Acronyms that
are also words (WHO, IMO, AU) need a context that is not shouted capitals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

if TYPE_CHECKING:
    from .entities import Organisation

# A term is matched by exact spelling when it is one word with two capitals or a digit
# ("UNEP", "UN-Habitat", "AfDB", "C40"); other terms ("UN Women", "Ramsar") by lower case.
_ACRONYM_LIKE = re.compile(r"^\S*(?:[A-Z]\S*[A-Z]|\d)\S*$")


class MentionFinder:
    """Finds organisations in free text.

    organisations (Sequence[Organisation]): the entities whose acronyms, names and
        aliases are searched; their `list_only` terms are left out.
    """

    def __init__(self, organisations: Sequence[Organisation]):
        self.nlp = spacy.blank("en")
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._ambiguous: set[str] = set()
        self.acronyms: set[str] = set()
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        for org in organisations:
            skip = set(org.list_only)
            self._ambiguous.update(org.ambiguous)
            for term in (*org.acronyms, org.name, *org.names):
                term = term.strip()
                if not term or term in skip:
                    continue
                if _ACRONYM_LIKE.match(term):
                    exact.setdefault(org.org_id, set()).add(term)
                    self.acronyms.add(term)
                else:
                    folded.setdefault(org.org_id, set()).add(term)
        for matcher, table in ((self._exact, exact), (self._folded, folded)):
            for org_id, terms in table.items():
                matcher.add(org_id, list(self.nlp.tokenizer.pipe(sorted(terms))))

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """(org_id, matched text, start char, end char) of each mention in `text`, in order;
        overlapping matches keep the longest ("ITC-ILO" over "ITC")."""
        if not text or not text.strip():
            return []
        doc = self.nlp.make_doc(text)
        spans = []
        for matcher, exact in ((self._exact, True), (self._folded, False)):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                if exact and span.text in self._ambiguous and _shouted(doc, start, end, self.acronyms):
                    continue
                if not exact and not any(c.isupper() for c in span.text):
                    continue  # "global fund", "red cross" in running prose are not names
                spans.append(doc.char_span(span.start_char, span.end_char,
                                           label=self.nlp.vocab.strings[match_id]))
        return [(s.label_, s.text, s.start_char, s.end_char)
                for s in sorted(filter_spans([s for s in spans if s is not None]), key=lambda s: s.start)]


def _shouted(doc, start: int, end: int, acronyms: set[str]) -> bool:
    """True when the nearest word before or after doc[start:end] is an all-capitals
    word that is not a known acronym ("WHO WILL LEAD"), so the match is shouting."""
    neighbours = []
    for i in range(start - 1, -1, -1):
        if doc[i].is_alpha:
            neighbours.append(doc[i])
            break
    for i in range(end, len(doc)):
        if doc[i].is_alpha:
            neighbours.append(doc[i])
            break
    return any(len(t.text) > 1 and t.text.isupper() and t.text not in acronyms for t in neighbours)
