"""Ground items in the source: find an evidence quote, check a move's number and direction.

Pure functions. Matching is exact first, then tolerant of whitespace runs, typographic quotes and
dashes and width variants; never of case or wording: evidence is a quote.

The number and direction patterns are lower case and searched in lowercased text: with
re.IGNORECASE these checks cost more than extracting the move (benchmarks/README.md).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summarizer.models import Move, Span

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
_TRIM = " \t\n\r\u00a0.,;:!?\"'"

_PCT = re.compile(
    r"(?<![\w.])[+\-−]?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|pct\b)",
)
_NUMBER = re.compile(r"(?<![\w.])[+\-−]?\d+(?:,\d{3})*(?:\.\d+)?")
_UP = re.compile(
    r"\b(?:ris(?:e|es|ing|en)|rose|gain(?:s|ed|ing)?|surg(?:e|es|ed|ing)|jump(?:s|ed|ing)?|"
    r"climb(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|rall(?:y|ies|ied|ying)|soar(?:s|ed|ing)?|"
    r"rebound(?:s|ed|ing)?|up|higher|highs?|rocket(?:s|ed|ing)?|spik(?:e|es|ed|ing)|"
    r"increas(?:e|es|ed|ing)|added|limit[- ]up|daily limit|upper limit|outperform\w*|"
    r"record high)\b",
)
_DOWN = re.compile(
    r"\b(?:f[ae]ll(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|"
    r"retreat(?:s|ed|ing)?|sli(?:d|de|des|ding)|slump(?:s|ed|ing)?|los(?:e|es|t|ing|s|ses)|"
    r"tumbl(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|s[ai]nk(?:s|ing)?|sank|shed(?:s|ding)?|down|"
    r"lower|decreas(?:e|es|ed|ing)|limit[- ]down|underperform\w*|cool(?:ed|ing)|slide)\b",
)
_FLAT = re.compile(r"\b(?:flat|unchanged|steady|little changed)\b")
_SIGNED = re.compile(r"(?<![\w.])(?P<sign>[+\-−])\d")

_SAME_NUMBER = 0.005


def _fold(text: str) -> tuple[str, list[int]]:
    """Text normalised for matching, and for each of its characters the source offset."""
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).translate(_FOLD)
        if folded.isspace() or not folded:
            if not in_space and chars:
                chars.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return "".join(chars), origin


@lru_cache(maxsize=64)
def _folded_source(source: str) -> tuple[str, tuple[int, ...]]:
    folded, origin = _fold(source)
    return folded, tuple(origin)


def locate_evidence(
    evidence: str, source: str, *, start: int = 0, end: int | None = None
) -> Span | None:
    """[start, end) of evidence in source: exact first, then normalised; None if absent."""
    stop = len(source) if end is None else min(end, len(source))
    if not evidence.strip():
        return None
    found = source.find(evidence, start, stop)
    if found >= 0:
        return found, found + len(evidence)
    needle, _ = _fold(evidence.strip(_TRIM))
    if not needle:
        return None
    haystack, origin = _folded_source(source)
    lo = _first_at_or_after(origin, start)
    position = haystack.find(needle, lo)
    while position >= 0:
        first, last = origin[position], origin[position + len(needle) - 1] + 1
        if last > stop:
            return None
        if first >= start:
            return first, last
        position = haystack.find(needle, position + 1)
    return None


def _first_at_or_after(origin: tuple[int, ...], offset: int) -> int:
    lo, hi = 0, len(origin)
    while lo < hi:
        mid = (lo + hi) // 2
        if origin[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def numbers_in(text: str) -> list[float]:
    """Numbers stated in text ("4.2%", "1,466", "-36.61%", "38.6 billion" -> 38.6), as floats."""
    return [float(m.group(0).replace(",", "").replace("−", "-")) for m in _NUMBER.finditer(text)]


def percents_in(text: str) -> list[float]:
    """Magnitudes of the percentages stated in text ("over 18%", "5.4 percent" -> 5.4)."""
    return [float(m.group("num").replace(",", "")) for m in _PCT.finditer(text.lower())]


def check_move(move: Move, evidence: str) -> str | None:
    """None when the move's number and direction are stated in evidence, else the reason."""
    if move.change_pct is not None:
        if (move.change_pct < 0 and move.direction == "up") or (
            move.change_pct > 0 and move.direction == "down"
        ):
            return f"change_pct {move.change_pct:g} contradicts direction '{move.direction}'"
        stated = percents_in(evidence)
        if not any(abs(abs(move.change_pct) - p) <= _SAME_NUMBER for p in stated):
            listed = ", ".join(f"{p:g}%" for p in stated) or "no percentage"
            return (
                f"change_pct {move.change_pct:g} is not stated in the evidence (it states: "
                f"{listed}); quote the words that state the number"
            )
    return _direction_problem(move.direction, evidence)


def _direction_problem(direction: str, evidence: str) -> str | None:
    lowered = evidence.lower()
    if _states(direction, lowered):
        return None
    if any(_states(other, lowered) for other in ("up", "down", "flat") if other != direction):
        return f"direction '{direction}' contradicts the evidence"
    return f"direction '{direction}' is not stated in the evidence; quote the words that state it"


def _states(direction: str, lowered: str) -> bool:
    """Whether the lowercased evidence states a move in this direction, by word or by sign."""
    if direction == "flat":
        return _FLAT.search(lowered) is not None
    words, signs = (_UP, "+") if direction == "up" else (_DOWN, "-−")
    if words.search(lowered):
        return True
    # a sign states a direction only beside a percentage ("+15%"), not in "2024-25"
    return _PCT.search(lowered) is not None and any(
        m.group("sign") in signs for m in _SIGNED.finditer(lowered)
    )
