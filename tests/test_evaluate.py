"""evaluate: one-to-one matching rules, scores, and the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer.evaluate import (
    Gold,
    aggregate,
    evaluate_digest,
    gold_name_for,
    load_gold,
    render_report_text,
    report_to_json,
)
from summarizer.models import ArticleDigest, Catalyst, Move

TEXT = "Hang Seng Index rose 1.6%. Hang Seng Tech Index gained 2.8% on chip news. SMIC rose."


def digest(*moves: Move, catalysts: tuple[Catalyst, ...] = ()) -> ArticleDigest:
    return ArticleDigest(id="a", source_path="seeds/004_x.txt", engine="rules", status="ok",
                         moves=list(moves), catalysts=list(catalysts))  # fmt: skip


def mv(name: str, pct: float | None, evidence: str, direction: str = "up") -> Move:
    return Move(instrument=name, direction=direction, change_pct=pct, evidence=evidence)  # type: ignore[arg-type]


GOLD = Gold.model_validate(
    {
        "moves": [
            {
                "instrument": "Hang Seng Index",
                "direction": "up",
                "percent": 1.6,
                "text": "Hang Seng Index rose 1.6%",
            },
            {
                "instrument": "Hang Seng Tech Index",
                "direction": "up",
                "percent": 2.8,
                "text": "Hang Seng Tech Index gained 2.8%",
            },
            {"instrument": "SMIC", "direction": "up", "percent": None, "text": "SMIC rose"},
        ],
        "catalysts": [{"text": "on chip news", "type": "product_technology"}],
        "risks": [],
    }
)


def test_all_found() -> None:
    found = digest(
        mv("Hang Seng Index", 1.6, "Hang Seng Index rose 1.6%"),
        mv("HSTECH", 2.83, "Hang Seng Tech Index gained 2.8%"),  # evidence overlap, within 0.05
        mv("SMIC", None, "SMIC rose"),
        catalysts=(
            Catalyst(
                summary="chips",
                type="product_technology",
                evidence="Hang Seng Tech Index gained 2.8% on chip news",
            ),
        ),
    )
    score = evaluate_digest(found, GOLD, TEXT)
    assert (score.scores["moves"].tp, score.scores["moves"].fp, score.scores["moves"].fn) == (
        3,
        0,
        0,
    )
    assert score.scores["catalysts"].tp == 1
    assert score.scores["risks"].precision == 1.0 and score.scores["risks"].recall == 1.0


def test_one_to_one_wrong_magnitude_and_direction() -> None:
    found = digest(
        mv("Hang Seng Index", 1.6, "Hang Seng Index rose 1.6%"),
        mv("Hang Seng Index", 1.6, "Hang Seng Index rose 1.6%"),  # a duplicate is a false positive
        mv("Hang Seng Tech Index", 2.9, "Hang Seng Tech Index gained 2.8%"),  # off by 0.1
        mv("SMIC", None, "SMIC rose", direction="down"),
    )
    moves = evaluate_digest(found, GOLD, TEXT).scores["moves"]
    assert (moves.tp, moves.fp, moves.fn) == (1, 3, 2)
    assert round(moves.precision, 2) == 0.25 and round(moves.recall, 2) == 0.33


def test_names_match_without_evidence_overlap_but_not_across_indexes() -> None:
    elsewhere = digest(
        mv("Hang Seng Tech", 2.8, "SMIC rose"), mv("Hang Seng Index", 2.8, "SMIC rose")
    )
    moves = evaluate_digest(elsewhere, GOLD, TEXT).scores["moves"]
    assert (moves.tp, moves.fp) == (1, 1)


def test_report_and_gold_files(tmp_path: Path) -> None:
    path = tmp_path / "004_x.json"
    path.write_text(GOLD.model_dump_json(), encoding="utf-8")
    assert load_gold(path) == GOLD and gold_name_for("seeds/004_x.txt") == "004_x"
    report = aggregate([evaluate_digest(digest(), GOLD, TEXT)])
    text = render_report_text(report)
    assert "moves" in text and "miss  004_x moves: SMIC up null" in text
    assert report_to_json(report)["overall"]["moves"]["recall"] == 0.0


YIELD_TEXT = "The 10-year yield rose 6 basis points to 4.31%, and the Bund yield rose to 2.9%."
YIELD_GOLD = Gold.model_validate(
    {
        "moves": [
            {"instrument": "10-year yield", "direction": "up", "bp": 6,
             "text": "The 10-year yield rose 6 basis points"},
            {"instrument": "Bund yield", "direction": "up", "text": "the Bund yield rose"},
        ]
    }
)  # fmt: skip


def yield_move(bp: float | None) -> Move:
    return Move(instrument="10-year yield", direction="up", change_bp=bp,
                evidence="The 10-year yield rose 6 basis points")  # fmt: skip


def test_a_gold_move_in_basis_points_needs_change_bp_within_half_a_point() -> None:
    for bp, matched in ((6, True), (-6.5, True), (5.5, True), (6.6, False), (None, False)):
        moves = evaluate_digest(digest(yield_move(bp)), YIELD_GOLD, YIELD_TEXT).scores["moves"]
        assert moves.tp == int(matched), bp


def test_change_bp_is_not_held_against_a_gold_move_without_bp() -> None:
    bund = Move(instrument="Bund yield", direction="up", change_bp=4.0,
                evidence="the Bund yield rose")  # fmt: skip
    moves = evaluate_digest(digest(bund), YIELD_GOLD, YIELD_TEXT).scores["moves"]
    assert (moves.tp, moves.fn) == (1, 1)


def test_gold_bp_is_a_magnitude_and_shows_in_the_report() -> None:
    with pytest.raises(ValidationError):
        Gold.model_validate({"moves": [{"instrument": "x", "direction": "down", "bp": -3,
                                        "text": "x"}]})  # fmt: skip
    missed = evaluate_digest(digest(), YIELD_GOLD, YIELD_TEXT).misses["moves"]
    assert missed[0] == "10-year yield up null 6bp — “The 10-year yield rose 6 basis points”"
