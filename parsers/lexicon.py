"""Is this a word? What you get back is a yes or no for one lower-case token, from the
word-frequency lists of the languages plans are written in (English, French, Spanish).

The PDF reader asks when a narrow table cell has cut a word with no hyphen
("curriculu" / "m"): the two pieces are one word only when together they make one.
The lists come from `wordfreq` (its "small" lists: the most common words of each
language, loaded in a few milliseconds, and only when a cut is in question); a word
list is a solved problem and no list we could write would be as good.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("en", "fr", "es")
# Zipf frequency (log10 of uses per billion words) above which a token is a word
# of the language: 1 is once in 100 million words, below the "small" lists' floor.
ZIPF_FLOOR = 1.0


@lru_cache(maxsize=4096)
def is_word(token: str) -> bool:
    """True when `token` is a word in one of LANGUAGES ("curriculum", "environnement"),
    False for a fragment ("curriculu", "supervisio")."""
    from wordfreq import zipf_frequency  # imported on first use: most files never ask

    token = token.lower()
    return any(zipf_frequency(token, lang, wordlist="small") >= ZIPF_FLOOR for lang in LANGUAGES)
