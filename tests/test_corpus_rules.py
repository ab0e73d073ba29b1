"""The rules engine over the real-article corpus and the seeds, scored against their gold.

Runs the real pipeline in process (`summarize_many`, rules engine, no cache) and scores with
`summarizer.evaluate`. The thresholds sit two to three points below what was measured when they
were set (numbers in each test), so a change that makes the engine worse fails; where that is
below issue 14's target, the target is not met yet (benchmarks/README.md says by how much). Each
test prints what it measures (`pytest -s`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import REPO, SEEDS
from test_sentence_bank import same_instrument

from summarizer.evaluate import (
    CategoryScore,
    EvalReport,
    Gold,
    GoldMove,
    aggregate,
    evaluate_digest,
)
from summarizer.models import Article, ArticleDigest, Move
from summarizer.oracle import articles_with_gold
from summarizer.pipeline import summarize_many
from summarizer.settings import Settings

CORPUS = REPO / "fixtures" / "corpus"
SEED_GOLD = REPO / "fixtures" / "gold"

Run = tuple[list[tuple[Article, Gold]], list[ArticleDigest]]


@cache
def run(articles: Path, gold: Path) -> Run:
    pairs, left_out = articles_with_gold([str(articles)], gold)
    assert pairs and not left_out, left_out
    digests = summarize_many([a for a, _ in pairs], Settings(engine="rules", use_cache=False))
    assert all(d.status != "failed" for d in digests), [d.error for d in digests]
    return pairs, digests


def corpus() -> Run:
    return run(CORPUS / "articles", CORPUS / "gold")


def score(pairs: list[tuple[Article, Gold]], digests: list[ArticleDigest]) -> EvalReport:
    return aggregate(
        [evaluate_digest(d, g, a.text) for d, (a, g) in zip(digests, pairs, strict=True)]
    )


def percent_moves_only(run_: Run) -> EvalReport:
    """The score of the moves that state a percent: gold with a percent, predictions with one."""
    pairs, digests = run_
    gold = [(a, Gold(moves=[m for m in g.moves if m.percent is not None])) for a, g in pairs]
    stated = [
        d.model_copy(update={"moves": [m for m in d.moves if m.change_pct is not None]})
        for d in digests
    ]
    return score(gold, stated)


def described(kind: str, s: CategoryScore) -> str:
    return f"{kind}: P {s.precision:.3f} R {s.recall:.3f} (tp {s.tp}, fp {s.fp}, fn {s.fn})"


def _same_number(move: Move, gold: GoldMove) -> bool:
    if gold.percent is not None and move.change_pct is not None:
        return abs(abs(move.change_pct) - gold.percent) <= 0.051
    if gold.bp is not None and move.change_bp is not None:
        return abs(abs(move.change_bp) - gold.bp) <= 0.51
    return False


def _without_quote_currency(name: str) -> str:
    """'US dollar (vs euro, week)' -> 'US dollar (week)': the currency a pair is quoted against
    is not the instrument ('the euro was down 0.3%' is no sign error of the dollar's 0.3% rise)."""
    name = re.sub(r"\(\s*(?:vs\.?|versus|against)\s[^,)]*\)", "", name)
    return re.sub(r"(?:vs\.?|versus|against)\s[^,)]*(?:,\s*)?", "", name).strip()


def sign_errors(run_: Run) -> list[str]:
    """Moves whose instrument and number a gold move has, only ever in the other direction."""
    errors = []
    for (article, gold), digest in zip(*run_, strict=True):
        for move in digest.moves:
            same = [
                g for g in gold.moves
                if same_instrument(move.instrument, _without_quote_currency(g.instrument))
                and _same_number(move, g)
            ]  # fmt: skip
            if same and all({g.direction, move.direction} == {"up", "down"} for g in same):
                errors.append(f"{article.source_path}: {move.instrument} {move.direction} "
                              f"“{move.evidence}”")  # fmt: skip
    return errors


def test_corpus_moves() -> None:
    moves = score(*corpus()).overall["moves"]
    print("\ncorpus", described("moves", moves))
    # measured 2026-12-01 (eleventh session) on 448 articles (parts A-AA; AA written after the
    # rules and read only as aggregates): P 0.910, R 0.818 (the 432 of A-Z at the session's
    # start: 0.911 / 0.817; target: 0.90 / 0.80)
    assert moves.precision >= 0.90
    assert moves.recall >= 0.81


def test_corpus_moves_that_state_a_percent() -> None:
    moves = percent_moves_only(corpus()).overall["moves"]
    print("\ncorpus", described("moves with a percent", moves))
    # measured 2026-12-01 (eleventh session) on 448 articles: P 0.971, R 0.950 (the 432 at the
    # session's start: 0.972 / 0.949; target: 0.95 / 0.90)
    assert moves.precision >= 0.95
    assert moves.recall >= 0.94


def test_corpus_catalysts_and_risks() -> None:
    overall = score(*corpus()).overall
    print("\ncorpus", described("catalysts", overall["catalysts"]))
    print("corpus", described("risks", overall["risks"]))
    # measured 2026-12-01 (eleventh session) on 448 articles: catalysts P 0.721 R 0.605, risks
    # P 0.560 R 0.731 (the 432 at the session's start: 0.723 / 0.607 and 0.563 / 0.736; part
    # AA, new publishers and unread, scores catalysts P 0.655 R 0.514, risks P 0.467 R 0.583;
    # target: catalysts R 0.60 with P 0.70, risks R 0.60). Sentences that state a company's
    # results or a government's measure alone are no catalysts since 983982a: precision
    # 0.684 -> 0.72, recall 0.617 -> 0.61 on the 416 of A-Y
    assert overall["catalysts"].recall >= 0.60
    assert overall["catalysts"].precision >= 0.71
    assert overall["risks"].recall >= 0.72


@pytest.mark.parametrize("which", ["corpus", "seeds"])
def test_no_sign_errors(which: str) -> None:
    run_ = corpus() if which == "corpus" else run(SEEDS, SEED_GOLD)
    assert sign_errors(run_) == []


def test_seed_moves() -> None:
    moves = score(*run(SEEDS, SEED_GOLD)).overall["moves"]
    print("\nseeds", described("moves", moves))
    # measured 2026-11-29 (last commit): P 1.000, R 0.936 (restatements are one move now; the
    # seeds' gold counts them twice)
    assert moves.precision >= 0.95
    assert moves.recall >= 0.90
