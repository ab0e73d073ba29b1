"""evaluate: one-to-one matching rules, scores, and the report."""

from __future__ import annotations

from pathlib import Path

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
