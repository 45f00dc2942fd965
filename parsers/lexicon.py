"""Is this a word? What you get back is a yes or no for one token, from the
word-frequency lists of the languages plans are written in (English, French, Spanish).

The PDF reader asks twice. When a narrow table cell has cut a word with no hyphen
("curriculu" / "m", "smallhol" / "der"), the two pieces are one word when together
they make a word of the long lists. When a line ends in a hyphen ("implemen-" /
"tation", "follow-" / "up"), the hyphen goes only when the joined word is a common
one: "followup" is in the long lists, and "follow-up" is the common spelling.

The lists come from `wordfreq`, loaded on first use (a few tenths of a second) and
only when a break is in question; a word list is a solved problem, and no list we
could write would be as good.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("en", "fr", "es")
# Zipf frequency (log10 of uses per billion words) from which a token counts as a
# word: the "small" lists hold common words only (their floor is about 1); the
# "large" ones also hold typos and fragments ("directorat" 1.8), hence 2 there.
FLOORS = {"small": 1.0, "large": 2.0}


@lru_cache(maxsize=8192)
def is_word(token: str, lists: str = "small") -> bool:
    """True when `token` is a word of one of LANGUAGES ("curriculum", "environnement"),
    False for a fragment ("curriculu", "supervisio"). `lists`: "small" (common words)
    or "large" (rarer ones too: "smallholder")."""
    from wordfreq import zipf_frequency  # imported on first use: most files never ask

    token = token.lower()
    return any(zipf_frequency(token, lang, wordlist=lists) >= FLOORS[lists] for lang in LANGUAGES)
