"""grounding: locating quotes in the source, and checking a move against its evidence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.grounding import check_move, locate_evidence, percents_in
from summarizer.models import Move

SOURCE = "Alibaba’s “AI+Cloud” push —\n  BABA-W surged over 18% today. SMIC rose nearly 5%."


def test_exact_match_first() -> None:
    start = SOURCE.index("BABA-W")
    assert locate_evidence("BABA-W surged over 18%", SOURCE) == (start, start + 22)


def test_whitespace_quotes_and_dashes_are_tolerated_and_map_back() -> None:
    span = locate_evidence('Alibaba\'s "AI+Cloud" push - BABA-W surged', SOURCE)
    assert span is not None
    assert SOURCE[span[0] : span[1]] == "Alibaba’s “AI+Cloud” push —\n  BABA-W surged"


def test_case_and_wording_are_not_tolerated() -> None:
    assert locate_evidence("baba-w surged over 18%", SOURCE) is None
    assert locate_evidence("BABA-W soared over 18%", SOURCE) is None
    assert locate_evidence("   ", SOURCE) is None


def test_search_window() -> None:
    smic = SOURCE.index("SMIC")
    assert locate_evidence("SMIC rose", SOURCE, start=smic - 1) == (smic, smic + 9)
    assert locate_evidence("SMIC rose", SOURCE, end=smic + 5) is None
    assert locate_evidence("SMIC  rose", SOURCE, start=smic + 1) is None


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_substring_is_found(source: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(source) - 1))
    end = data.draw(st.integers(start + 1, len(source)))
    needle = source[start:end]
    if not needle.strip():
        return
    span = locate_evidence(needle, source)
    assert span is not None and source[span[0] : span[1]] == needle


def test_percents_in_digits_and_words() -> None:
    assert percents_in("over 18%, -36.61% and 5.4 percent") == [18.0, 36.61, 5.4]
    assert percents_in("gave up about one percent, then two per cent") == [1.0, 2.0]
    assert percents_in("almost three-quarters of a per cent") == [0.75]


def move(direction: str, pct: float | None) -> Move:
    return Move(instrument="X", direction=direction, change_pct=pct, evidence="e")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("evidence", "direction", "pct"),
    [
        ("BABA-W surged over 18% today", "up", 18.0),
        ("the ChiNext Index retreated 1%", "down", -1.0),
        ("2021, -36.61%", "down", -36.61),
        ("Kingsoft Cloud (+15%)", "up", 15.0),
        ("VeriSilicon hit the 20% daily limit", "up", 20.0),
        ("An MSCI barometer was nearly flat", "flat", None),
        ("JD.com Inc. also climbed sharply", "up", None),
    ],
)
def test_stated_moves_pass(evidence: str, direction: str, pct: float | None) -> None:
    assert check_move(move(direction, pct), evidence) is None


@pytest.mark.parametrize(
    ("evidence", "direction", "pct", "reason"),
    [
        ("BABA-W surged over 18% today", "up", 81.0, "not stated"),
        ("the ChiNext Index retreated 1%", "up", 1.0, "contradicts"),
        ("BABA-W is a stock at 18%", "up", 18.0, "not stated in the evidence"),
        ("BABA-W surged over 18%", "up", -18.0, "contradicts"),
    ],
)
def test_unstated_moves_fail_with_a_reason(
    evidence: str, direction: str, pct: float, reason: str
) -> None:
    problem = check_move(move(direction, pct), evidence)
    assert problem is not None and reason in problem
