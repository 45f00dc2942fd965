"""Pages are read once and their words wait, packed, until measures over the whole
document are known (issue 14: memory flat with page count). Packing must give
back the very words and lines it took, or layout decisions would change; and once
a document is built, no page keeps its words."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from parsers.pdf import pages as pdf_pages
from parsers.pdf import parse_pdf
from parsers.pdf.layout import Word, group_lines
from parsers.pdf.packed import PackedLines, PackedWords

_coord = st.floats(allow_nan=False, allow_infinity=False, width=64)
_word = st.builds(Word, st.text(min_size=1, max_size=12), _coord, _coord, _coord, _coord,
                  st.floats(min_value=0, max_value=80), st.booleans(), st.booleans(), st.just(7))


@given(st.lists(_word, max_size=40))
def test_packed_words_come_back_bit_for_bit(words):
    back = PackedWords(words, 7).unpack()
    assert back == words
    assert all(math.copysign(1, a.x0) == math.copysign(1, b.x0) for a, b in zip(words, back, strict=True))


def test_packed_lines_come_back_over_the_unpacked_words():
    words = [Word("Activities", 100, 160, 472.8, 484.8, 12.0, False, False, 1),
             Word("1", 161, 166, 469.2, 479.2, 10.0, False, False, 1),
             Word("Budget", 100, 140, 500, 512, 12.0, True, False, 1)]
    lines = group_lines(words)
    packed = PackedLines(words, lines)
    again = PackedWords(words, 1).unpack()
    assert packed.unpack(again) == lines
    assert [ln.sup for ln in packed.unpack(again)] == [[False, True], [False]]


def test_no_page_keeps_its_words_once_built(tmp_path, pdf_samples, monkeypatch):
    path = pdf_samples.many_pages(tmp_path / "many.pdf", 4)
    raw: list = []
    real = pdf_pages.build_pages

    def keep(raw_pages, vocab):
        raw.extend(raw_pages)
        return real(raw_pages, vocab)

    monkeypatch.setattr("parsers.pdf.build_pages", keep)
    doc = parse_pdf(path)
    assert doc.n_pages == 4 and len(raw) == 4
    assert all(rp.words is None and rp.lines is None for rp in raw)
