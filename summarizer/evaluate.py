"""Score digests against gold annotations: one-to-one matching, precision, recall, F1.

A predicted move matches a gold move when the direction agrees, the percent agrees within 0.05
(or both are null), a gold move stated in basis points has a `change_bp` whose magnitude agrees
within 0.5, and the instrument names or the evidence overlap. Catalysts and risks match on
evidence overlap. Matching is one-to-one (maximum bipartite matching).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.grounding import locate_evidence
from summarizer.models import ArticleDigest, Catalyst, Move, Risk, Span

MAGNITUDE_TOLERANCE = 0.05
BP_TOLERANCE = 0.5  # basis points, so a rounded figure still matches
EVIDENCE_OVERLAP = 0.5  # of the shorter span
CATEGORIES = ("moves", "catalysts", "risks")

# words that name no particular instrument ("BABA-W" vs "BABA": the -W share-class suffix)
_STOPWORDS = frozenset(
    "the a an of and index etf fund stocks stock shares share group holdings holding inc ltd "  # noqa: SIM905
    "co corp company limited plc w b".split()
)


class GoldMove(BaseModel):
    """One gold move: `percent` and `bp` are magnitudes (null when not stated); `direction`
    carries the sign."""

    model_config = ConfigDict(extra="ignore")
    instrument: str
    ticker: str | None = None
    direction: Literal["up", "down", "flat"]
    percent: float | None = Field(default=None, ge=0)
    bp: float | None = Field(default=None, ge=0)
    text: str


class GoldItem(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str
    type: str | None = None


class Gold(BaseModel):
    """The gold annotations of one article (fixtures/gold/<article stem>.json)."""

    model_config = ConfigDict(extra="forbid")
    moves: list[GoldMove] = Field(default_factory=list)
    catalysts: list[GoldItem] = Field(default_factory=list)
    risks: list[GoldItem] = Field(default_factory=list)


@dataclass(frozen=True)
class CategoryScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ArticleScore:
    name: str
    scores: dict[str, CategoryScore]
    misses: dict[str, list[str]]
    false_positives: dict[str, list[str]]


@dataclass(frozen=True)
class EvalReport:
    overall: dict[str, CategoryScore]
    articles: list[ArticleScore] = field(default_factory=list)


def load_gold(path: Path) -> Gold:
    """Read one gold file."""
    return Gold.model_validate_json(path.read_text(encoding="utf-8"))


def gold_name_for(source_path: str) -> str:
    """The gold file stem for an article: its source file's stem ('seeds/000_x.txt' -> '000_x')."""
    return Path(source_path.split("#", 1)[0]).stem


def evaluate_digest(digest: ArticleDigest, gold: Gold, article_text: str) -> ArticleScore:
    """Match one digest's items against its gold, category by category."""
    gold_spans = {
        kind: [locate_evidence(g.text, article_text) for g in getattr(gold, kind)]
        for kind in CATEGORIES
    }
    scores, misses, false_positives = {}, {}, {}
    for kind in CATEGORIES:
        predicted: list[Any] = list(getattr(digest, kind))
        golds: list[Any] = list(getattr(gold, kind))
        pairs = _match_category(kind, predicted, golds, gold_spans[kind], article_text)
        matched_p, matched_g = {p for p, _ in pairs}, {g for _, g in pairs}
        scores[kind] = CategoryScore(
            len(pairs), len(predicted) - len(pairs), len(golds) - len(pairs)
        )
        misses[kind] = [_describe_gold(g) for i, g in enumerate(golds) if i not in matched_g]
        false_positives[kind] = [
            describe_item(p) for i, p in enumerate(predicted) if i not in matched_p
        ]
    name = gold_name_for(digest.source_path or digest.id)
    return ArticleScore(name, scores, misses, false_positives)


def aggregate(scores: Sequence[ArticleScore]) -> EvalReport:
    """Micro-averaged scores over articles, plus the per-article scores."""
    overall = {
        kind: CategoryScore(
            sum(s.scores[kind].tp for s in scores),
            sum(s.scores[kind].fp for s in scores),
            sum(s.scores[kind].fn for s in scores),
        )
        for kind in CATEGORIES
    }
    return EvalReport(overall, list(scores))


def _match_category(
    kind: str, predicted: list[Any], golds: list[Any], spans: list[Span | None], text: str
) -> list[tuple[int, int]]:
    def fits(p: int, g: int) -> bool:
        return _matches(kind, predicted[p], golds[g], spans[g], text)

    return maximum_matching(len(predicted), len(golds), fits)


def _matches(kind: str, predicted: Any, gold: Any, gold_span: Span | None, text: str) -> bool:
    overlap = _spans_overlap(_span_of(predicted, text), gold_span)
    if kind != "moves":
        return overlap
    move: Move = predicted
    if move.direction != gold.direction:
        return False
    if (move.change_pct is None) != (gold.percent is None):
        return False
    if (
        move.change_pct is not None
        and abs(abs(move.change_pct) - gold.percent) > MAGNITUDE_TOLERANCE
    ):
        return False
    # a move gold states in basis points must carry them; a bp figure gold lacks is not held
    # against the prediction ("rose to 2.94% from 2.85%": gold has no bp, a model may say 9)
    if gold.bp is not None and (
        move.change_bp is None or abs(abs(move.change_bp) - gold.bp) > BP_TOLERANCE
    ):
        return False
    return overlap or _names_overlap(move, gold)


def _span_of(item: Move | Catalyst | Risk, text: str) -> Span | None:
    return item.span if item.span is not None else locate_evidence(item.evidence, text)


def _spans_overlap(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return False
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared / shorter >= EVIDENCE_OVERLAP


def _tokens(name: str) -> set[str]:
    words = re.findall(r"[0-9a-z]+", name.lower())
    return {w for w in words if w not in _STOPWORDS}


def _names_overlap(move: Move, gold: GoldMove) -> bool:
    if move.ticker and gold.ticker and move.ticker.replace(" ", "") == gold.ticker.replace(" ", ""):
        return True
    ours, theirs = _tokens(move.instrument), _tokens(gold.instrument)
    if not ours or not theirs:
        return False
    # "Hang Seng Tech Index" vs "Hang Seng Index": {hang, seng, tech} vs {hang, seng} is a subset,
    # so the magnitude check (done before) is what keeps those two apart
    return ours <= theirs or theirs <= ours or len(ours & theirs) / len(ours | theirs) >= 0.5


def maximum_matching(
    n_predicted: int, n_gold: int, fits: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths); small inputs, so O(V·E) is fine."""
    edges = [[g for g in range(n_gold) if fits(p, g)] for p in range(n_predicted)]
    gold_to_pred: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], seen):
                gold_to_pred[g] = p
                return True
        return False

    for p in range(n_predicted):
        augment(p, set())
    return sorted((p, g) for g, p in gold_to_pred.items())


def describe_item(item: Any) -> str:
    """'Tencent up +2.1% — “Tencent rose 2.1%”': a predicted item as reports list it."""
    if isinstance(item, Move):
        pct = "null" if item.change_pct is None else f"{item.change_pct:+g}%"
        bp = "" if item.change_bp is None else f" {item.change_bp:+g}bp"
        return f"{item.instrument} {item.direction} {pct}{bp} — “{item.evidence}”"
    return f"{item.type}: “{item.evidence}”"


def _describe_gold(item: Any) -> str:
    if isinstance(item, GoldMove):
        pct = "null" if item.percent is None else f"{item.percent:g}%"
        bp = "" if item.bp is None else f" {item.bp:g}bp"
        return f"{item.instrument} {item.direction} {pct}{bp} — “{item.text}”"
    return f"{item.type + ': ' if item.type else ''}“{item.text}”"


def render_report_text(report: EvalReport) -> str:
    """A readable report: overall P/R/F1, per-article lines, then every miss and false positive."""
    lines = ["category    precision  recall  f1     tp  fp  fn"]
    lines += [_score_line(kind, report.overall[kind]) for kind in CATEGORIES]
    lines += ["", "per article (P/R/F1 for moves | catalysts | risks)"]
    for article in report.articles:
        cells = " | ".join(
            f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"
            for s in (article.scores[k] for k in CATEGORIES)
        )
        lines.append(f"  {article.name}: {cells}")
    for article in report.articles:
        for kind in CATEGORIES:
            for miss in article.misses[kind]:
                lines.append(f"miss  {article.name} {kind}: {miss}")
            for extra in article.false_positives[kind]:
                lines.append(f"extra {article.name} {kind}: {extra}")
    return "\n".join(lines) + "\n"


def _score_line(kind: str, s: CategoryScore) -> str:
    return (
        f"{kind:<11} {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:.3f}  {s.tp:3d} {s.fp:3d} {s.fn:3d}"
    )


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """The report as plain data, for --json."""

    def score(s: CategoryScore) -> dict[str, Any]:
        return {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}  # fmt: skip

    return {
        "overall": {k: score(v) for k, v in report.overall.items()},
        "articles": [
            {
                "name": a.name,
                "scores": {k: score(v) for k, v in a.scores.items()},
                "misses": a.misses,
                "false_positives": a.false_positives,
            }
            for a in report.articles
        ],
    }
