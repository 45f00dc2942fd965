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
