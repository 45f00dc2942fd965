"""Organisations named in workplans: exact lookup, list-cell splitting, near misses.

SPEC "participants": one row per organisation per role; `org_id` is the canonical
acronym from normalize/data/organisations.csv ("UN Environment" is UNEP), a role
reference ("Focus area lead") is resolved by the caller to the section's holder,
and a body that is not an organisation gets `group:<name>`. This module turns
one list cell into `OrgRef`s; the caller adds roles, subjects and diagnostics
(`unknown_org` for `known=False`, `unresolved_role` for a role without holder).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from parsers.vocabulary import strip_bullet

from ..data import load_org_terms
from .entities import Organisation, OrgRef, compact_key, default_organisations, org_key
from .people import is_person

#: The lowest rapidfuzz ratio (0-100) at which an unknown name is offered a suggestion.
DEFAULT_NEAR_MISS_CUTOFF = 85.0

# Separators between organisations in a list cell, at bracket depth 0. "et"/"y" are
# the French/Spanish "and"; they are matched lower-case only so "Y" is never one.
_SEP_RE = re.compile(r"\s*(?:[,;/+&]|\b(?:and|AND|et|y|as well as|with(?: (?:support from|the support of))?"
                     r"|supported by|in (?:close )?(?:cooperation|collaboration|coordination) with)\b)\s*")
_PARTNER_NUMBER = re.compile(r"^\d{1,3}\s*[-\u2013\u2014]\s+(?=[A-Za-z])")
_LABEL_RE = re.compile(r"^\s*([^:()]{2,40}):\s*(.*)$", re.S)
# One word written like an acronym: two or more capitals ("PIMS", "UNIMDIS", "AfDB").
_ACRONYM_RE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&'-]{1,14}$")


class OrgMatcher:
    """Finds organisations in list cells and free text, from one reference list.

    organisations (Sequence[Organisation] | None): the entities; None means the
        project list (`default_organisations()`).
    near_miss_cutoff (float): rapidfuzz ratio from which `near_miss` suggests an id.
    """

    def __init__(self, organisations: Sequence[Organisation] | None = None,
                 near_miss_cutoff: float = DEFAULT_NEAR_MISS_CUTOFF):
        self.organisations = tuple(default_organisations() if organisations is None else organisations)
        self.near_miss_cutoff = near_miss_cutoff
        self.by_id = {o.org_id: o for o in self.organisations}
        self._index: dict[str, Organisation] = {}
        self._compact_index: dict[str, Organisation] = {}
        #: key -> org_ids that share it beyond the first (first row wins); tests keep it empty.
        self.conflicts: dict[str, list[str]] = {}
        for org in self.organisations:
            for term in org.terms():
                for t in {term, re.sub(r"\s*\([^)]*\)\s*$", "", term)}:
                    self._add(org_key(t), org, self._index, record=True)
                    self._add(compact_key(org_key(t)), org, self._compact_index, record=False)
        terms = load_org_terms()
        self._roles = {org_key(t["term"]): t["key"] for t in terms if t["kind"] == "role"}
        self._holder = {}  # role key -> the role ("lead", "co_chair") whose holders it names
        for t in terms:
            if t["kind"] == "role" and t["holder"]:
                self._holder.setdefault(t["key"], t["holder"])
        self._groups = {org_key(t["term"]) for t in terms if t["kind"] == "group"}
        # Group words that also name groups when they start or end a longer name ("EMG members");
        # shorter ones ("All", "IMG") would catch too much.
        self._group_affixes = {g for g in self._groups if len(g) > 3}
        self._unit_words = {(org_key(t["term"]), t["scope"]) for t in terms if t["kind"] == "unit"}
        self._body_words = {t["key"] for t in terms if t["kind"] in ("body_word", "unit", "group")}
        self._labels = {org_key(t["term"]) for t in terms if t["kind"] in ("label", "role")}
        self._quals = {org_key(t["term"]): (t["key"], t["scope"] or "item")
                       for t in terms if t["kind"] == "qualifier"}
        self._choices = {k: o.org_id for k, o in self._index.items()}
        self._mentions = None

    def _add(self, key: str, org: Organisation, index: dict, record: bool) -> None:
        if not key:
            return
        other = index.setdefault(key, org)
        if record and other.org_id != org.org_id:
            self.conflicts.setdefault(key, [other.org_id]).append(org.org_id)

    # -- exact lookup -------------------------------------------------------------

    def lookup(self, name: str) -> Organisation | None:
        """The organisation `name` denotes exactly (any language, case, spacing and
        punctuation), or None. "CBD Secretariat" and "Secretariat of the X" resolve as X."""
        key = org_key(name or "")
        if not key:
            return None
        candidates = [key]
        for pattern in (r"^secretariat of (?:the )?(.+)$", r"^(.+?) secretariat$", r"^the (.+)$"):
            m = re.match(pattern, key)
            if m:
                candidates.append(m.group(1))
        for k in candidates:
            if k in self._index:
                return self._index[k]
        for k in candidates:
            if re.search(r"[,/&;:]", k) is None and compact_key(k) in self._compact_index:
                return self._compact_index[compact_key(k)]
        return None

    def near_miss(self, name: str) -> str | None:
        """The org_id whose name or acronym is closest to `name` (rapidfuzz ratio at or
        above the cutoff), or None; for "did you mean" hints on unknown names."""
        key = org_key(name or "")
        if len(key) < 3:
            return None
        best = process.extractOne(key, self._choices.keys(), scorer=fuzz.ratio,
                                  score_cutoff=self.near_miss_cutoff)
        return self._choices[best[0]] if best else None

    # -- list cells -----------------------------------------------------------------

    def split_list(self, raw: str) -> list[OrgRef]:
        """The organisations, groups and role references of one list cell, in order.

        Handles separators (, ; / + & and et y), bullets and line breaks, bracketed
        holders ("Focus area lead (OHCHR and UNFCCC, others welcome to join)" gives
        OHCHR and UNFCCC, not the role), qualifiers ("WWF (tbc)"), a leading list
        label ("Contributing Agencies: ...") and full names that contain "and"/",".
        An empty or punctuation-only cell gives [].
        """
        refs: list[OrgRef] = []
        for line in (raw or "").replace("\u00a0", " ").splitlines():
            line = strip_bullet(line.strip(), touching=True).strip()
            line = _PARTNER_NUMBER.sub("", line)  # "1 - UPSud": the consortium's partner number
            m = _LABEL_RE.match(line)
            if m and org_key(m.group(1)) in self._labels and m.group(2).strip():
                line = m.group(2).strip()
            if line.strip(" ,;:./-*\u2022"):
                refs.extend(self._parse_list(line))
        return refs

    def _parse_list(self, text: str) -> list[OrgRef]:
        """The refs of one line, list-scope qualifiers applied to all of them."""
        atoms = _split_top(text)
        items: list[tuple[OrgRef, list[str]]] = []
        list_quals: list[str] = []
        i = 0
        while i < len(atoms):
            step = 1
            # Longest run of atoms that is one known name ("Food and Agriculture Organization").
            for j in range(len(atoms) - 1, i, -1):
                if "(" in text[atoms[i][0]:atoms[j - 1][1]]:
                    continue  # brackets may only close the last atom of a name
                head, _ = _split_brackets(text[atoms[i][0]:atoms[j][1]])
                if self.lookup(head) is not None:
                    step = j - i + 1
                    break
            if step == 1 and i + 1 < len(atoms) and self._one_unlisted_name(text, atoms[i], atoms[i + 1]):
                step = 2
            s, e = atoms[i][0], atoms[i + step - 1][1]
            piece_items, piece_list_quals = self._parse_piece(text[s:e])
            items.extend(piece_items)
            list_quals.extend(piece_list_quals)
            i += step
        if not items and list_quals:
            return [OrgRef(raw=text.strip(), org_id=None, org_name=None, qualifier=_join(list_quals))]
        return [_with_qualifier(ref, quals + list_quals) for ref, quals in items]

    def _one_unlisted_name(self, text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
        """True when two atoms joined by "and"/"&" are one name the list does not know:
        "Office of Management and Budget" (a lone common word cannot be an
        organisation of its own), unlike "Ministry of Health and Ministry of Education"
        or "CIEL and WWF"."""
        joiner = text[left[1]:right[0]].strip().lower()
        if joiner not in ("and", "&", "et", "y"):
            return False
        a, b = text[left[0]:left[1]].strip(), text[right[0]:right[1]].strip()
        if self.lookup(a) is not None or self.lookup(b) is not None or "(" in a:
            return False
        return any(len(x.split()) == 1 and not _ACRONYM_RE.match(x) and x[:1].isupper()
                   and len(y.split()) > 1 for x, y in ((a, b), (b, a)))

    def _parse_piece(self, piece: str) -> tuple[list[tuple[OrgRef, list[str]]], list[str]]:
        """The refs (each with its own qualifiers) of one list item, and the qualifiers
        it states for the whole list ("... others welcome to join")."""
        raw = piece.strip(" \t,;:")
        head, brackets = _split_brackets(raw)
        head, item_quals, list_quals = self._strip_qualifiers(head)
        inner: list[OrgRef] = []
        for content in brackets:
            words = [w for w in re.split(r"\s*[,;]\s*", content) if w.strip()]
            if words and all(org_key(w) in self._quals for w in words):
                item_quals.extend(self._quals[org_key(w)][0] for w in words)
                continue
            sub = [r for r in self._parse_list(content)
                   if r.org_id or r.role_ref or (not r.known and _ACRONYM_RE.match(r.raw.strip()))]
            if sub:
                inner.extend(sub)
            else:  # "(country offices)": not a name, keep the words
                item_quals.append(content.strip())
        if not head:
            if inner:
                return [(r, item_quals) for r in inner], list_quals
            return [], item_quals + list_quals
        if self.lookup(head) is None and len(head.split()) > 1 and all(self.lookup(w) for w in head.split()):
            # "OHCHR UNDP": acronyms separated by spaces only
            return [(self._resolve(w, raw), item_quals) for w in head.split()], list_quals
        ref = self._resolve(head, raw)
        if ref.role_ref and inner:
            # The bracket names who holds the role: they are the participants (SPEC participants).
            return [(r, item_quals) for r in inner], list_quals
        if not ref.known and len(inner) == 1 and is_person(head, self._body_words):
            # "Jane Doe (ODI)": a person; the organisation in brackets is the participant
            return [(inner[0], item_quals)], list_quals
        if ref.org_id and len(inner) == 1 and inner[0].org_id == ref.org_id:
            inner = []  # "United Nations Environment Programme (UNEP)"
        return [(ref, item_quals)] + [(r, []) for r in inner], list_quals

    def _strip_qualifiers(self, head: str) -> tuple[str, list[str], list[str]]:
        """`head` without leading/trailing qualifier words, and those words (item, list)."""
        item: list[str] = []
        lst: list[str] = []
        while head and not self._resolve_known(head):
            words = head.split()
            cut = None
            for k in range(min(6, len(words)), 0, -1):
                for at_end, part in ((True, words[-k:]), (False, words[:k])):
                    q = org_key(" ".join(part))
                    if q in self._quals:
                        cut = (k, at_end, self._quals[q])
                        break
                if cut:
                    break
            if cut is None:
                break
            k, at_end, (value, scope) = cut
            (lst if scope == "list" else item).insert(0 if at_end else len(item), value)
            head = " ".join(words[:-k] if at_end else words[k:]).strip(" ,;:-")
        return head.strip(" ,;:-"), item, lst

    def _resolve_known(self, text: str) -> bool:
        key = org_key(text)
        return self.lookup(text) is not None or key in self._roles or key in self._groups

    def _resolve(self, text: str, raw: str) -> OrgRef:
        """One OrgRef for one name without brackets or qualifiers."""
        org = self.lookup(text)
        if org is not None:
            return OrgRef(raw=raw, org_id=org.org_id, org_name=org.name)
        key = org_key(text)
        if key in self._roles:
            return OrgRef(raw=raw, org_id=None, org_name=None, role_ref=self._roles[key])
        # A role word at either end names that role ("IMG co-chairs", "Coprésidents du groupe":
        # the document's co-chairs, SPEC participants) unless the rest is an organisation ("UNDP co-chair").
        role, rest = _affix(key, self._roles)
        if role and key not in self._groups and self.lookup(rest) is None:
            return OrgRef(raw=raw, org_id=None, org_name=None, role_ref=self._roles[role])
        # A group word at either end names a body that is not an organisation ("EMG members",
        # "UNEP task team", "Membres du groupe"): a group, SPEC participants.
        if key in self._groups or _affix(key, self._group_affixes)[0]:
            name = re.sub(r"\s+", " ", text).strip()
            return OrgRef(raw=raw, org_id=f"group:{name}", org_name=name)
        words = text.split()
        for k in range(len(words) - 1, 0, -1):
            # "UNEP Economy Division", "UNDP's country offices": a unit of a known organisation;
            # one word must be written as the acronym it is ("Map the providers" is no UNEP-MAP)
            prefix = re.sub(r"['\u2019]s$", "", " ".join(words[:k]))
            org = self.lookup(prefix)
            if org is not None and k == 1 and prefix not in org.terms():
                continue
            if org is not None:
                return OrgRef(raw=raw, org_id=org.org_id, org_name=org.name)
        if self._names_unit(key):
            # a unit with no organisation of the list named ("Health Promotion Unit"): a body
            name = re.sub(r"\s+", " ", text).strip()
            return OrgRef(raw=raw, org_id=f"group:{name}", org_name=name)
        return OrgRef(raw=raw, org_id=None, org_name=None, known=False, suggestion=self.near_miss(text))

    def _names_unit(self, key: str) -> bool:
        """True when a unit word ends ("... Unit") or starts ("Unidad de ...") a longer name."""
        return any((key.endswith(" " + w) if scope == "end" else key.startswith(w + " "))
                   for w, scope in self._unit_words)

    def holder_role(self, role_ref: str) -> str | None:
        """The role ("lead", "co_chair") whose holders a role reference names ("focus area
        lead" -> "lead", "co-chair" -> "co_chair"); None when it names none ("secretariat")."""
        return self._holder.get(role_ref)

    # -- free text and comment authors ----------------------------------------------

    def find_mentions(self, text: str) -> list[tuple[str, str, int, int]]:
        """(org_id, matched text, start, end) for each organisation named in `text`,
        in text order; the same organisation may appear several times."""
        if self._mentions is None:
            from .mentions import MentionFinder
            self._mentions = MentionFinder(self.organisations)
        return self._mentions.find(text)

    def author_org(self, author: str | None, tag: str | None = None) -> str | None:
        """The org_id of a comment author: from the bracketed tag ("OHCHR"), else the
        author text itself ("UNEP Secretariat", "Ana (UNDP)"); None when neither names one."""
        for text in (tag, author):
            if not text:
                continue
            org = self.lookup(text)
            if org is not None:
                return org.org_id
        if author:
            found = self.find_mentions(author)
            if found:
                return found[0][0]
        return None


@functools.cache
def default_matcher() -> OrgMatcher:
    """The OrgMatcher over the project's organisation list, built once."""
    return OrgMatcher()


def author_org(author: str | None, tag: str | None = None) -> str | None:
    """The org_id a comment author tag or name resolves to ("OHCHR" -> OHCHR, "HOTMAIL" -> None)."""
    return default_matcher().author_org(author, tag)


# -- helpers ------------------------------------------------------------------------

def _split_top(text: str) -> list[tuple[int, int]]:
    """(start, end) of each item of `text` between separators outside brackets."""
    depth, spans, start, i = 0, [], 0, 0
    while i < len(text):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _SEP_RE.match(text, i)
            # Hyphens are not separators ("ITC-ILO", "UN-Women"); "/" is ("UNDP/OHCHR").
            if m:
                if text[start:i].strip():
                    spans.append((start, i))
                start = i = m.end()
                continue
        i += 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _split_brackets(text: str) -> tuple[str, list[str]]:
    """`text` without its top-level bracketed parts, and those parts' contents."""
    head, parts, depth, buf = [], [], 0, []
    for c in text:
        if c in "([":
            if depth:
                buf.append(c)
            depth += 1
        elif c in ")]" and depth:
            depth -= 1
            if depth:
                buf.append(c)
            else:
                parts.append("".join(buf).strip())
                buf = []
        elif depth:
            buf.append(c)
        else:
            head.append(c)
    if buf:  # unclosed bracket: keep its text as a part
        parts.append("".join(buf).strip())
    return re.sub(r"\s+", " ", "".join(head)).strip(), [p for p in parts if p]


def _affix(key: str, terms) -> tuple[str | None, str]:
    """(the longest of `terms` that starts or ends `key` as whole words, the rest of the
    key); (None, "") when none does."""
    best, rest = None, ""
    for t in terms:
        if (best is None or len(t) > len(best)) and (key.startswith(t + " ") or key.endswith(" " + t)):
            best = t
            rest = key[len(t) + 1:] if key.startswith(t + " ") else key[:-len(t) - 1]
    return best, rest


def _join(quals: list[str]) -> str | None:
    seen: list[str] = []
    for q in quals:
        if q and q not in seen:
            seen.append(q)
    return "; ".join(seen) or None


def _with_qualifier(ref: OrgRef, quals: list[str]) -> OrgRef:
    joined = _join(([ref.qualifier] if ref.qualifier else []) + quals)
    if joined == ref.qualifier:
        return ref
    return OrgRef(ref.raw, ref.org_id, ref.org_name, joined, ref.role_ref, ref.known, ref.suggestion)
