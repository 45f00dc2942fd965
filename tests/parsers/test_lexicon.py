"""parsers.lexicon: the word lists behind joining a word that a narrow PDF cell cut."""

import pytest

from parsers.lexicon import is_word


@pytest.mark.parametrize("token", ["curriculum", "Responsible", "supervision", "environnement",
                                   "responsabilidad", "epidemiology"])
def test_words_of_the_plans_languages_are_words(token):
    assert is_word(token)


@pytest.mark.parametrize("token", ["curriculu", "responsibl", "supervisio", "environneme",
                                   "supportivesupervisio", "surveillanc"])
def test_pieces_of_cut_words_are_not_words(token):
    assert not is_word(token)


def test_the_long_lists_know_rarer_words_but_not_fragments():
    assert is_word("smallholder", "large") and not is_word("smallholder")
    assert not is_word("directorat", "large")


def test_a_hyphenated_compound_is_no_common_word_joined():
    """'follow-' / 'up' at a line end keeps its hyphen: 'followup' is in the long lists only."""
    assert not is_word("followup")
    assert is_word("follow") and is_word("up")
