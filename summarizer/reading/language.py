"""Whether a text is English: the reading knows English words only.

A text is taken for English when enough of its words are common English function words; a
text mostly in CJK characters, or in Latin script with another language's function words
("la", "der", "de los"), is not. Cheap: a look at the first few thousand characters.
"""

from __future__ import annotations

import re

_SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the of and to in a is for on with as at by from that was were said its it be has have "  # noqa: SIM905
    "are this after rose fell percent per cent shares stocks index while but or an their which "
    "up down than over more".split()
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# English text, even a table of numbers with a few words, has this share of function words
_MIN_ENGLISH_SHARE = 0.12


def is_english(text: str) -> bool:
    """True for English text, or text too short or too bare of words to tell."""
    sample = text[:_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    letters = sum(map(len, words))  # a word is a run of letters: this counts them all
    if letters and len(_CJK.findall(sample)) / letters > 0.3:
        return False
    if len(words) < 12:
        return True
    return sum(1 for w in words if w in _ENGLISH) / len(words) >= _MIN_ENGLISH_SHARE
