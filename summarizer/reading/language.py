"""Whether a text is English: the reading knows English words only.

A text is taken for English when enough of its words are common English function words; a
text mostly in CJK characters, or in Latin script with another language's function words
("la", "der", "de los"), is not; a table of names and numbers, bare of function words, is taken
for English (nothing says otherwise). Cheap: a look at the first few thousand characters.
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
# the commonest function words of the Latin-script languages market news is written in, that
# are not English words: a text with few English ones is another language only with these
_FOREIGN = frozenset(
    "der die das und ist nicht mit den dem des zu auf für von im ein eine "  # noqa: SIM905
    "le la les et est une du au aux sur dans pour pas qui avec "
    "el los las y es del por con para se lo una al "
    "il di che e della dei delle nel alla sono "
    "het een van en op te voor niet met zijn "
    "och att är som på för med av "
    "og er til af med ikke "
    "não em um uma os as com para pelo pela "
    "na w z się nie do jest "
    "ve bir bu da için ile "
    "và của có các là được trong".split()
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
    if sum(1 for w in words if w in _ENGLISH) / len(words) >= _MIN_ENGLISH_SHARE:
        return True
    # few English function words: another language, or a table of names and numbers ("BET-TR
    # 22,655.36 -0.14%") that is too bare of words to tell
    return sum(1 for w in words if w in _FOREIGN) / len(words) < _MIN_ENGLISH_SHARE / 2
