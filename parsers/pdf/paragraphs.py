"""Paragraphs from lines: what you get back are `ParaDraft`s, paragraphs re-joined
across line breaks and hyphenation, with list labels split off and note marks
taken out of the text.

A PDF has no paragraph marks, so a break is inferred: a list label at the start
of a line, more white space than between two lines of one paragraph, a change of
size or weight, a change of indent, or a line that ends early although the next
word would have fitted (so the author pressed Enter there).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon import is_word
from ..vocabulary import BULLETS, MONTHS
from .layout import Line, Word, spaced

NUMBER_LABEL = re.compile(
    r"^(\(?(\d{1,3}(\.\d{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]|\(\d{1,3}\)|\([a-zA-Z]\)|\([ivxlc]{1,6}\)|\d{1,3}(\.\d{1,3})+)$")
SENTENCE_END = ".;:!?"
NOTE_NUMBER = re.compile(r"\d{1,3}")  # a superscript note reference: "9", "17"
# The narrowest gap after a bullet that several lines share (see `aligned_labels`),
# in font sizes: wider than a plain word space (Verdana's is 0.35 em).
ALIGNED_GAP = 0.4
# a line's end that is the bare day of a range's end: "May - 17", "3 –13", "to 30";
# group 1 is the range's start (a year there makes "2020 - 21" a range of years)
OPEN_RANGE_END = re.compile(r"(\S+?)\s*(?:[-‐‑–—]|\b(?:to|au|al)\b)\s*\d{1,2}$", re.IGNORECASE)
@dataclass(slots=True)
class ParaDraft:
    """A paragraph before block ids are given: text, label, style hints, position."""

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    label: str | None = None
    kind: str | None = None
    marks: list[tuple[str, int]] = field(default_factory=list)  # (note mark, offset)
    last_line_full: bool = False
    room: float = 0.0  # width a next word could still take on the last line
    first_width: float = 0.0  # width of the first word (after a label)
    level: int = 0  # list level, from the label's indent (lists.py)
    last_single: str = ""  # the last line's word when that line holds one word only


def _is_bullet(text: str) -> bool:
    """A lone glyph used as a bullet: a known one (parsers/data/glyphs.json), or a
    symbol-font character (private use area, where Wingdings and Symbol bullets land)."""
    return len(text) == 1 and (text in BULLETS or 0xE000 <= ord(text) <= 0xF8FF
                               or unicodedata.category(text) in ("So", "Sm"))


def _style(line: Line) -> tuple[bool, bool]:
    """(bold, italic) of the line's text, a leading list label left out."""
    pairs = [(w, s) for w, s in zip(line.words, line.sup, strict=False) if not s]
    if len(pairs) > 1 and (_is_bullet(pairs[0][0].text) or NUMBER_LABEL.match(pairs[0][0].text)):
        pairs = pairs[1:]
    return all(w.bold for w, _ in pairs), all(w.italic for w, _ in pairs)


def split_label(line: Line, aligned: frozenset = frozenset()) -> tuple[str | None, str | None, int]:
    """(label, kind, number of words it takes) when the line starts with a list label
    set off by a hanging-indent gap; (None, None, 0) otherwise.

    aligned: `label_spot`s that several lines share; a bullet there needs only a
        narrower gap (a slide's "–  Review" sets its dash 0.49 em before the text).
    """
    words = line.words
    first = words[0].text
    if len(words) == 1 and (_is_bullet(first) or NUMBER_LABEL.match(first)):
        return None, None, 0  # a lone "1." or "-" line is text, not an empty list item
    if len(words) < 2:
        return None, None, 0
    gap = words[1].x0 - words[0].x1
    if gap < 0.5 * words[0].size and not (gap >= ALIGNED_GAP * words[0].size and label_spot(line) in aligned) \
            and not (gap > 0 and ("hang", *label_spot(line)[1:]) in aligned):
        return None, None, 0
    if _is_bullet(first):
        return first, "bullet", 1
    if NUMBER_LABEL.match(first):
        return first, "number", 1
    return None, None, 0


def label_spot(line: Line) -> tuple[str, int, int]:
    """Where a line's first word and the text after it start: (glyph, x, x)."""
    return line.words[0].text, round(line.words[0].x0), round(line.words[1].x0)


def aligned_labels(lines: list[Line]) -> frozenset:
    """The `label_spot`s of bullet glyphs that two or more lines share: the same
    glyph at the same place with its text at the same place is a list's hanging
    indent, where a dash that wrapped to the start of a line in prose is not."""
    spots = Counter(label_spot(ln) for ln in lines if len(ln.words) > 1 and _is_bullet(ln.words[0].text))
    out = {spot for spot, n in spots.items() if n >= 2}
    # "a. List the options" set off by a plain space (a browser's list marker) is
    # a label when other lines start where its text starts: a hanging indent
    starts = {round(ln.x0) for ln in lines}
    for ln in lines:
        if len(ln.words) > 1 and NUMBER_LABEL.match(ln.words[0].text):
            x = round(ln.words[1].x0)
            if starts & {x - 1, x, x + 1}:
                out.add(("hang", round(ln.words[0].x0), x))
    return frozenset(out)


def paragraphs_from_lines(lines: list[Line], right_limit: float, gap_limit: float,
                          vocab: Counter, note_marks: set[str], in_cell: bool = False) -> list[ParaDraft]:
    """Lines (one column, top to bottom) joined into paragraphs.

    right_limit: the x where a full line ends (text column or cell right edge,
        padding removed); a line ending well before it was ended on purpose.
    gap_limit: white space between lines above which a new paragraph starts.
    vocab: counts of the document's lower-case words, to tell "implemen-tation" (a
        hyphenated break) from "peer-review" (a real hyphen).
    note_marks: superscript marks that are footnote references on this page.
    in_cell: the lines fill a table cell (short items such as dates are likelier).
    """
    paras: list[ParaDraft] = []
    cur: ParaDraft | None = None
    prev: Line | None = None
    n_lines = 0
    aligned = aligned_labels(lines)
    for line in lines:
        if in_cell and cur is not None and prev is not None and _wrapped_mark(prev, line):
            cur.marks.append((line.words[0].text, len(cur.text)))
            continue
        label, kind, skip = split_label(line, aligned)
        if in_cell and cur is not None and prev is not None and label is None and _lone_number(cur, prev, line, gap_limit):
            # a cell too narrow for "1.1.1 Train ..." sets the number on a line of its own
            _extend(cur, line, vocab, note_marks)
            n_lines += 1
        elif cur is None or prev is None or label is not None or _breaks(prev, line, n_lines, right_limit,
                                                                          gap_limit, in_cell):
            cur = _start(line, label, kind, skip, note_marks)
            paras.append(cur)
            n_lines = 1
        else:
            _extend(cur, line, vocab, note_marks,
                    glue=in_cell and _cut_word(prev, line, right_limit, vocab))
            n_lines += 1
        cur.last_line_full = line.x1 >= right_limit - 0.25 * line.size
        cur.last_single = line.words[0].text if len(line.words) == 1 else ""
        cur.room = room_left(line, right_limit)
        prev = line
    return paras


def _lone_number(cur: ParaDraft, prev: Line, line: Line, gap_limit: float) -> bool:
    """True when the paragraph so far is one line holding only a number label ("1.1.1",
    "2.") and `line`, close below it, goes on with text: one numbered item."""
    return prev.words[0].text == cur.text and NUMBER_LABEL.match(cur.text) is not None \
        and not NUMBER_LABEL.match(line.words[0].text) and not _is_bullet(line.words[0].text) \
        and min(w.top for w in line.words) - prev.bottom <= gap_limit


def _wrapped_mark(prev: Line, line: Line) -> bool:
    """True when `line` is only a note number in small print under a line of text:
    a header cell's footnote mark that did not fit beside its last word."""
    return len(line.words) == 1 and bool(NOTE_NUMBER.fullmatch(line.words[0].text)) \
        and line.size < 0.8 * prev.size


def _breaks(prev: Line, line: Line, n_lines: int, right_limit: float, gap_limit: float,
            in_cell: bool) -> bool:
    # a raised mark pushes its line down (a browser's <sup> adds leading): measure from it
    if min(w.top for w in line.words) - prev.bottom > gap_limit:
        return True
    if abs(line.size - prev.size) > 0.6 or _style(prev) != _style(line):
        return True
    if n_lines >= 2 and abs(line.x0 - prev.x0) > 4:
        return True
    if prev.words[-1].text.endswith("-"):
        return False
    first = line.words[0]
    if in_cell and _item_ends(" ".join(w.text for w in prev.words), first.text):
        return True
    if not in_cell and first.text[:1].islower() and not prev.words[-1].text.endswith(tuple(SENTENCE_END)):
        # a sentence going on in lower case: text wrapped by hand at a narrower
        # measure than the page's ("... experience in" / "administering and ...")
        return False
    return (first.x1 - first.x0) < room_left(prev, right_limit)


def _item_ends(text: str, first: str) -> bool:
    """True when a cell line ending in `text` closes a short item although the next
    line, opening with `first`, would not have fitted after it."""
    if not first[:1].isupper():
        return False
    if text[-1:].isdigit():
        # a narrow cell of short items ("Feb – Mar 18" / "Mar – Apr 18"): a line that
        # ends in a number and a next one that opens with a capital are two items,
        # unless the number is a range's end day and its month opens the next line
        return not (open_range_end(text) and _is_month(first))
    return text.endswith(":")  # "N.B. 22 May:" / "International Day ...": a lead-in line of its own


def runs_on(head: ParaDraft, tail: ParaDraft) -> bool:
    """True when cell paragraph `tail`, at the top of a page, is the rest of `head`,
    cut by the page break: it goes on in lower case or after a hyphen, or (same
    style, no sentence or item end) its first word did not fit on head's last line."""
    if tail.label is not None or not tail.text:
        return False
    if head.text.endswith("-") or tail.text[:1].islower():
        return True
    if head.bold != tail.bold or abs(head.size - tail.size) > 0.6 or head.text.endswith(tuple(SENTENCE_END)):
        return False
    return not _item_ends(head.text, tail.text) and tail.first_width >= head.room


def cut_across(head: ParaDraft, tail: ParaDraft) -> bool:
    """True when `head` ends on one word cut by a narrow cell's edge at the foot of a
    page ("surveillanc") and `tail`, atop the next page, opens with its rest ("e
    module"): they join with no space. Only a piece that is no word of its own is cut."""
    head_word = head.last_single
    if not (head.last_line_full and head_word.isalpha() and tail.text[:1].islower()):
        return False
    rest = re.match(r"\w+", tail.text)
    return rest is not None and not is_word(head_word) and is_word(head_word + rest.group(0), "large")


def room_left(line: Line, right_limit: float) -> float:
    """The width a next word could still take on this line: what is left before
    `right_limit`, less the space before that word."""
    return right_limit - line.x1 - _space_width(line)


def _space_width(line: Line) -> float:
    """The width of a space before a next word: the line's own gaps between words
    (a line that ends early is not stretched by justification; DejaVu's space is
    0.32 em), but never under 0.3 em, so a word that would have fitted by a hair
    after a narrow space (Times, TeX) is no proof that the line was ended on purpose."""
    gaps = sorted(b.x0 - a.x1 for a, b in zip(line.words, line.words[1:], strict=False)
                  if b.x0 - a.x1 > 0.12 * min(a.size, b.size))
    return max(gaps[len(gaps) // 2] if gaps else 0.0, 0.3 * line.size)


def _is_month(word: str) -> bool:
    """True for a month's name or short form ("June", "Sept.", "juin,")."""
    return word.strip(".,;:()").lower() in MONTHS  # parsers/data/months.json


def open_range_end(text: str) -> bool:
    """True when a line's text stops inside a date range, on its bare end day
    ("31 May - 17" / "June 2021"; "3 May to 13" / "June"): when the next line opens
    with a month, the range's end takes it, so the two lines are one item, not two."""
    m = OPEN_RANGE_END.search(text)
    return m is not None and not re.fullmatch(r"\d{4}", m.group(1))


def _start(line: Line, label: str | None, kind: str | None, skip: int, note_marks: set[str]) -> ParaDraft:
    para = ParaDraft("", line.page, line.top, line.bottom, line.x0, line.x1, line.size, _style(line)[0],
                     label, kind)
    _append_words(para, line.words[skip:], line.sup[skip:], note_marks)
    body = [w for w, s in zip(line.words[skip:], line.sup[skip:], strict=False) if not s]
    para.first_width = body[0].x1 - body[0].x0 if body else 0.0
    return para


def _cut_word(prev: Line, line: Line, right_limit: float, vocab: Counter) -> bool:
    """True when `prev` is one word cut without a hyphen by a column too narrow for
    it ("environneme" / "nt sain"), so `line` goes on with no space.

    LibreOffice cuts a word mid-way only when the word alone does not fit the
    column: the line then holds that single token and fills the width (no room
    left for one more letter), and the next line goes on in lower case. A word
    that does fit ("Webinaire" / "sur") leaves room; a tail seen elsewhere in the
    document as a word of its own ("des") is a real word, unless the joined word
    is seen too.
    """
    if len(prev.words) != 1 or any(prev.sup) or not line.words or line.sup[0]:
        return False
    head, first = prev.words[0].text, line.words[0].text
    if not head.isalpha() or not first[:1].islower():
        return False
    # the next letter would not have fitted: measured by either piece's letters (an
    # "m" is twice an "i"); whether it was a cut at all, the words themselves say
    letter = max((prev.x1 - prev.x0) / len(head), (line.words[0].x1 - line.words[0].x0) / len(first))
    if prev.x1 + letter < right_limit:
        return False
    tail = re.match(r"\w+", first).group(0).lower()
    joined = (head + tail).lower()
    if vocab[joined] or is_word(joined, "large"):
        return True
    # neither is the whole a word: a cut name or term, unless a piece is a word of its own
    return not (is_word(head) or is_word(tail) or vocab[tail] >= 2 or vocab[head.lower()] >= 2)


def _extend(para: ParaDraft, line: Line, vocab: Counter, note_marks: set[str], glue: bool = False) -> None:
    if glue or re.search(r"\w/$", para.text):
        # a line may break after a slash inside "September/October": no space there
        _append_words(para, line.words, line.sup, note_marks)
    elif para.text.endswith("-") and line.words and not line.sup[0]:
        head = re.search(r"(\w+)-$", para.text)
        tail = re.match(r"\w+", line.words[0].text)
        if head and tail and _is_syllable_break(head.group(1), tail.group(0), vocab):
            para.text = para.text[:-1]
        _append_words(para, line.words, line.sup, note_marks)
    else:
        para.text += " "
        _append_words(para, line.words, line.sup, note_marks)
    para.bottom = line.bottom
    para.x1 = max(para.x1, line.x1)
    para.size = max(para.size, line.size)
    para.bold = para.bold and _style(line)[0]


def _append_words(para: ParaDraft, words: list[Word], sup: list[bool], note_marks: set[str]) -> None:
    """Add one line's words to the paragraph text; superscript note marks are left
    out and recorded as (mark, offset). The caller has put the line's leading space.

    A mark is a superscript that names a note on this page, or a superscript number
    after some text: a reference to a note kept elsewhere (endnotes, a form's
    notes on the last pages: "Lead beneficiary¹⁰" in a header cell)."""
    prev: Word | None = None
    for w, is_sup in zip(words, sup, strict=False):
        mark = w.text.strip()
        if is_sup and (mark in note_marks or (NOTE_NUMBER.fullmatch(mark) and para.text.strip())):
            para.marks.append((mark, len(para.text.rstrip(" "))))
            prev = w
            continue
        if prev is not None and spaced(prev, w) and not para.text.endswith(" "):
            para.text += " "
        para.text += w.text
        prev = w


def _is_syllable_break(head: str, tail: str, vocab: Counter) -> bool:
    """True when "head-" + "tail" is a word broken by hyphenation, not a compound.

    The document speaks first: the joined word seen elsewhere says yes, the
    hyphenated one says no, as does a capital or digit after the hyphen or a short
    head ("e-waste"). Then the word lists (parsers/lexicon.py): a joined word
    ("implementation") says yes; a head that is a word ("drought-tolerant",
    "multi-sectoral") says compound. Last, either half seen in the document as a word
    of its own says compound.
    """
    h, t = head.lower(), tail.lower()
    if not tail[:1].islower():
        return False
    if vocab[h + t]:
        return True
    if vocab[f"{h}-{t}"] or len(h) <= 2:
        return False
    if is_word(h + t):
        return True
    if is_word(h):
        return False  # "multi-" / "sectoral", "non-" / "formal": a word and a rarer one, no word together
    return not (vocab[h] or vocab[t] >= 2)


def heading_levels(paras: list[ParaDraft], body: float) -> dict[float, int]:
    """A map from font size to heading level: sizes clearly above the body size,
    largest first, held by short paragraphs."""
    sizes = sorted({round(p.size * 2) / 2 for p in paras
                    if p.size >= body + 0.9 and len(p.text) < 200}, reverse=True)
    return {s: i + 1 for i, s in enumerate(sizes)}
