"""Whether sources agree on a move: the agreed value, or why they conflict.

Each statement's number stands for an interval of true values: its rounding (half a unit of its
last stated digit: "1.2%" is 1.15 to 1.25, "1%" is 0.5 to 1.5) widened by its qualifier ("over
2%" is 1.95 and up, "nearly 2%" 1.5 to 2.05, "about 2%" within a tenth of it). Two statements
agree when their intervals meet, so a coarser statement agrees with every finer one it rounds
from (1.2% and 1.24%; 1% and 1.4%), and 1.2% and 1.4% of the same close conflict. Directions must
be equal: up against down, or flat against either, is a conflict whatever the numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.picture import AgreedMove, Statement

_EPSILON = 1e-9
_NEARLY_FLOOR = 0.75  # "nearly 2%": not less than 1.5%
_ABOUT_SHARE = 0.1  # "about 2%": within 0.2 of it


@dataclass(frozen=True)
class Agreement:
    """The agreed move, or None and the reason the statements conflict."""

    agreed: AgreedMove | None
    reason: str | None = None
    conflict: bool = False


def agree(statements: Sequence[Statement]) -> Agreement:
    """What the statements of one reading agree on (statements: at least one).

    Sources are compared, not statements: one article stating several values for one basis
    (a day's and, unsaid, a week's move) is no conflict, but it gives no single agreed value.
    Two articles conflict when no statement of one agrees with a statement of the other; the
    agreed value is the most precise statement that agrees with some statement of every other
    article (and with the rest of its own article's)."""
    if len(statements) == 1:  # most readings: one source, one statement
        return Agreement(_agreed(statements))
    by_article: dict[str, list[Statement]] = {}
    for statement in statements:
        by_article.setdefault(statement.article_id, []).append(statement)
    sources = list(by_article.values())
    for i, first in enumerate(sources):
        for second in sources[i + 1 :]:
            if not any(_consistent(a, b) for a in first for b in second):
                return Agreement(None, f"{_said_all(first)} vs {_said_all(second)}", True)
    candidates = [
        s
        for own in sources
        for s in own
        if all(_consistent(s, o) for o in own)
        and all(any(_consistent(s, o) for o in other) for other in sources if other is not own)
    ]
    if not candidates:
        return Agreement(None, None, False)
    return Agreement(_agreed(candidates))


def _consistent(a: Statement, b: Statement) -> bool:
    """Same direction, and numbers (percent, basis points) whose intervals meet."""
    if a.direction != b.direction:
        return False
    pairs = ((a.change_pct, b.change_pct), (a.change_bp, b.change_bp))
    return all(
        _meet(_interval(x, a.qualifier), _interval(y, b.qualifier))
        for x, y in pairs
        if x is not None and y is not None
    )


def _agreed(statements: Sequence[Statement]) -> AgreedMove:
    """The most precise number stated (exact ones first), for percent and basis points."""
    best = {unit: _most_precise(statements, unit) for unit in ("pct", "bp")}
    qualifier = next((s.qualifier for s in best.values() if s is not None), "exact")
    return AgreedMove(
        direction=statements[0].direction,
        change_pct=best["pct"].change_pct if best["pct"] else None,
        change_bp=best["bp"].change_bp if best["bp"] else None,
        qualifier=qualifier,
    )


def _most_precise(statements: Sequence[Statement], unit: str) -> Statement | None:
    numbered = [s for s in statements if _number(s, unit) is not None]
    if not numbered:
        return None
    return max(numbered, key=lambda s: (s.qualifier == "exact", _decimals(_number(s, unit) or 0.0)))


def _number(statement: Statement, unit: str) -> float | None:
    return statement.change_pct if unit == "pct" else statement.change_bp


def _decimals(value: float) -> int:
    """Digits after the point as stated: 0.63 -> 2, 1.0 and 1 -> 0 (a float keeps no '1.0')."""
    text = f"{abs(value):.10g}"
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


@functools.lru_cache(maxsize=4096)
def _interval(number: float, qualifier: str) -> tuple[float, float]:
    """The magnitudes a statement of number allows (its direction is compared apart)."""
    value = abs(number)
    half = 0.5 * 10 ** -_decimals(value)
    if qualifier == "over":
        return value - half, float("inf")
    if qualifier == "up_to":
        return 0.0, value + half
    if qualifier == "nearly":
        return value * _NEARLY_FLOOR, value + half
    if qualifier == "about":
        spread = max(half, value * _ABOUT_SHARE)
        return value - spread, value + spread
    return value - half, value + half  # exact, limit


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + _EPSILON and b[0] <= a[1] + _EPSILON


def _said(statement: Statement, unit: str) -> str:
    value = _number(statement, unit) or 0.0
    hedge = {"over": "over ", "nearly": "nearly ", "about": "about ", "up_to": "up to "}
    mark = "%" if unit == "pct" else " bp"
    return f"{hedge.get(statement.qualifier, '')}{value:+g}{mark}"


def _said_all(statements: Sequence[Statement]) -> str:
    """'+1.2% (a1)', 'down, -0.5% (b2)': what one article states."""
    said = [_said(s, "pct") if s.change_pct is not None else _said(s, "bp") if s.change_bp
            is not None else s.direction for s in statements]  # fmt: skip
    return f"{', '.join(dict.fromkeys(said))} ({statements[0].article_id})"
