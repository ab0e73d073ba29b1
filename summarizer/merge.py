"""Chunk summaries -> one ArticleDigest: grounded, deduplicated, in reading order, with a status."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from summarizer import days, identity, instruments, markets
from summarizer.grounding import (
    check_move,
    confirmed_by_quote,
    locate_evidence,
    qualifier_stated,
    when_stated,
)
from summarizer.models import (
    Article,
    ArticleDigest,
    Catalyst,
    ChunkSummary,
    DigestMove,
    EngineName,
    Move,
    Risk,
    Span,
    Usage,
)
from summarizer.reading import WITHIN_A_SESSION
from summarizer.sentences import is_title_case

Item = TypeVar("Item", Move, Catalyst, Risk)
Said = TypeVar("Said", Catalyst, Risk)

# Two catalysts (or risks) whose evidence overlaps this much are one item seen from two chunks.
_SAME_EVIDENCE_OVERLAP = 0.5


@dataclass(frozen=True)
class DigestInfo:
    """What the pipeline knows about a run of one article, beyond the chunk summaries."""

    engine: EngineName
    model: str | None = None
    prompt_version: str | None = None
    usage: Usage = field(default_factory=Usage)
    chunks: int = 0
    boilerplate_chars: int = 0
    chunk_errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def merge_article(
    article: Article, summaries: Sequence[ChunkSummary], info: DigestInfo
) -> ArticleDigest:
    """One digest from the summaries of an article's chunks; ungrounded items are dropped, noted."""
    warnings = list(info.warnings)
    moves = _dedupe_moves(
        _grounded(article.text, [m for s in summaries for m in s.moves], warnings), article.text
    )
    day = days.day_of(article.published)
    placed = [_placed(m, day, article.text) for m in moves]
    catalysts = _dedupe_by_span(
        _grounded(article.text, [c for s in summaries for c in s.catalysts], warnings)
    )
    risks = _dedupe_by_span(
        _grounded(article.text, [r for s in summaries for r in s.risks], warnings)
    )
    warnings.extend(info.chunk_errors)
    status, error = _status(info, warnings)
    return ArticleDigest(
        id=article.id,
        source_path=article.source_path,
        title=article.title,
        published=article.published,
        publisher=article.publisher,
        engine=info.engine,
        model=info.model,
        prompt_version=info.prompt_version,
        status=status,
        warnings=warnings,
        error=error,
        moves=placed,
        catalysts=catalysts,
        risks=risks,
        usage=info.usage,
        chunks=info.chunks,
        boilerplate_chars=info.boilerplate_chars,
    )


def failed_digest(article: Article, error: str, info: DigestInfo) -> ArticleDigest:
    """The digest of an article that could not be summarized at all."""
    return merge_article(article, [], info).model_copy(update={"status": "failed", "error": error})


def _status(info: DigestInfo, warnings: list[str]) -> tuple[str, str | None]:
    if info.chunks == 0:
        return "failed", "no article text left after removing boilerplate"
    if len(info.chunk_errors) >= info.chunks:
        return "failed", f"every chunk failed; first error: {info.chunk_errors[0]}"
    if warnings:
        return "partial", None
    return "ok", None


def _grounded(text: str, items: Sequence[Item], warnings: list[str]) -> list[Item]:
    """Items whose evidence is in the text (span set), and whose moves are stated by it."""
    kept: list[Item] = []
    for item in items:
        span = _verified_span(text, item)
        if span is None:
            warnings.append(f"dropped {_describe(item)}: evidence not found in the article")
            continue
        if isinstance(item, Move) and (
            problem := check_move(item, text[span[0] : span[1]], source=text, span=span)
        ):
            warnings.append(f"dropped {_describe(item)}: {problem}")
            continue
        update: dict[str, object] = {} if item.span == span else {"span": span}
        if isinstance(item, Move):
            # the digest must not read a week's move, or an intraday high, as the day's move
            quote = text[span[0] : span[1]]
            update |= when_stated(item, quote, source=text, span=span)
            update |= qualifier_stated(item, quote, source=text, span=span)
        kept.append(item.model_copy(update=update) if update else item)
    return sorted(kept, key=lambda i: i.span or (0, 0))


def _placed(move: Move, day: str | None, text: str) -> DigestMove:
    """The move with the market its text or the instrument list says it trades in, the key of
    its instrument (day: the article's, which dates a futures contract month), and whether its
    quote itself ties it to the instrument (text: the article's, where its span points)."""
    fields = {**dict(move), "market": markets.market_of_move(move)}
    span = move.span
    confirmed = (
        None
        if span is None
        else confirmed_by_quote(move, text[span[0] : span[1]], source=text, span=span)
    )
    return DigestMove(
        **fields,
        instrument_id=identity.instrument_id(Move(**fields), day),
        confirmed=confirmed,
    )


def _verified_span(text: str, item: Move | Catalyst | Risk) -> Span | None:
    """The item's span if it is exactly where its evidence is, else where the evidence is found.

    Exactly: a span that merely contains the evidence, or is off by a character (a shifted
    span still "contains" the evidence once trailing punctuation is trimmed), is not trusted.
    """
    if item.span is not None:
        start, end = item.span
        inside = 0 <= start < end <= len(text)
        if inside and text[start:end] == item.evidence:  # the usual case, and the cheapest test
            return item.span
        if inside and locate_evidence(item.evidence, text[start:end]) == (0, end - start):
            return item.span
    return locate_evidence(item.evidence, text)


def _describe(item: Move | Catalyst | Risk) -> str:
    if isinstance(item, Move):
        pct = "" if item.change_pct is None else f" {item.change_pct:+g}%"
        return f"move '{item.instrument}' {item.direction}{pct}"
    kind = "catalyst" if isinstance(item, Catalyst) else "risk"
    return f"{kind} '{item.summary[:60]}'"


_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def _move_key(move: Move) -> tuple[str, str, float | None, float | None, str]:
    """What makes two moves one: a headline's "STOXX 600 ends down 0.1 pct" and the body's
    "STOXX 600 index fell 0.1 percent" are one; "spot platinum" and "NYMEX July platinum", both
    up with no number, are two; a week's 2.1% and a day's 2.1% are two. Not the session:
    "intraday gains reaching 3.78%" and "intraday highs of 3.78%" are one move."""
    numbered = move.change_pct is not None or move.change_bp is not None
    known = instruments.identity(move.instrument)
    if not numbered and known is not None:
        if known.startswith(_ONE_OF_A_KIND):
            # what a name's parentheses say stays apart: "Indian rupee (opening)"
            known += "|" + instruments.name_hints(move.instrument)
        else:
            known = None  # a commodity's contracts are many: "spot platinum", "July platinum"
    name = known or _NOT_ALPHANUMERIC.sub("", move.instrument.lower())
    pct = None if move.change_pct is None else round(abs(move.change_pct), 2)
    bp = None if move.change_bp is None else round(abs(move.change_bp), 1)
    # with no number, a session's extreme is another fact than its close: "slipped as low as
    # 7.0992 per dollar" beside "the yuan weakened"
    within = "" if numbered or move.session not in WITHIN_A_SESSION else move.session
    return name, move.direction, pct, bp, move.timeframe + within


# identities with one price each: "the rouble" and "the Russian rouble" are one move, numbered
# or not
_ONE_OF_A_KIND = ("currency:", "pair:", "index:")


def _dedupe_moves(moves: list[Move], text: str = "") -> list[Move]:
    """The same move stated twice (headline and body, or two overlapping chunks) is kept once:
    the statement that says most, so a headline's "STI rises 1.1%" gives way to the body's
    "The benchmark Straits Times Index (STI) ended 1.1 per cent or 48.89 points higher"."""
    best: dict[tuple[str, str, float | None, float | None, str], Move] = {}
    for move in moves:
        key = _move_key(move)
        if key not in best or _says_more(move, best[key]):
            best[key] = move
    kept = [
        m
        for m in best.values()
        if not _a_rounded_restatement(m, best.values())
        and not _a_headlines_restatement(m, best.values(), text)
    ]
    return sorted(kept, key=lambda m: m.span or (0, 0))


def _a_headlines_restatement(move: Move, moves: Iterable[Move], text: str) -> bool:
    """A title-case headline's number that the story states: 'ALI HEALTH Slips 6%' beside
    'ALI HEALTH slid 6.4%' (the whole number of the same name's), 'Saudi Benchmark Index Sheds
    1.44%' beside 'the Tadawul All Share Index ... fell 1.44 percent' (the same number, under
    a name that does not say it is another)."""
    if move.change_pct is None or move.span is None:
        return False
    line = _line_of(text, move)
    if not is_title_case(line):
        return False
    said = abs(move.change_pct)

    def restated_by(other: Move) -> bool:
        if other.change_pct is None or other.span is None:
            return False
        exact = abs(other.change_pct)
        verdict = instruments.compare(move.instrument, other.instrument)
        return (exact == said and verdict != "different") or (
            verdict == "same" and said == int(said) and exact != said and int(exact) == said
        )

    return any(
        other is not move
        and other.direction == move.direction
        and other.timeframe == move.timeframe
        and restated_by(other)
        and _line_of(text, other) != line
        for other in moves
    )


def _line_of(text: str, move: Move) -> str:
    assert move.span is not None
    start = text.rfind("\n", 0, move.span[0]) + 1
    end = text.find("\n", move.span[0])
    return text[start : end if end >= 0 else len(text)]


def _a_rounded_restatement(move: Move, moves: Iterable[Move]) -> bool:
    """'BIST 100 index goes down over 3 percent' beside 'the BIST 100 fell 3.33%', 'skyrocket
    more than 70 percent' beside 'rose 73%': the same move, rounded (a headline's, or a lead's).
    A session's most ('as much as 5%') is another move."""
    if move.qualifier not in _ROUNDED:
        return False
    said = _size(move)
    if said is None:
        return False
    return any(
        other is not move
        and other.qualifier == "exact"
        and (exact := _size(other)) is not None
        # a percentage is no basis points: "fell by more than 8 basis points" and "8.5 basis
        # points" are one yield's move
        and (move.change_pct is None) == (other.change_pct is None)
        and other.direction == move.direction
        # "slipped nearly 3% on Friday" and "traded 2.7% weaker": one day's move
        and (other.timeframe == move.timeframe or {other.timeframe, move.timeframe} <= _A_DAY)
        # "over 2% in early trade" and "closed up 2.4%" are two moves
        and move.session in ("unspecified", other.session)
        and _ROUNDED[move.qualifier](said, exact)
        and _one_instrument(move.instrument, other.instrument)
        # "the pound (vs euro)" is another move than the pound's against the dollar
        and instruments.name_hints(move.instrument) == instruments.name_hints(other.instrument)
        # "December WTI fell nearly 0.8%" and "January WTI lost 0.7%": two contracts
        and not _other_months(move, other)
        for other in moves
    )


def _size(move: Move) -> float | None:
    """How big the move says it is: its percentage, else its basis points."""
    if move.change_pct is not None:
        return abs(move.change_pct)
    return None if move.change_bp is None else abs(move.change_bp)


_A_DAY = frozenset({"unspecified", "day"})


def _one_instrument(name: str, other: str) -> bool:
    """The same instrument, or two words for one market's benchmark: 'Hong Kong' twice, 'BIST
    100 index' and 'Turkey's benchmark stock index'; a yield and a yield that says too little
    to tell ('10-year Italian bond yield' and 'the yield on Italian 10-year government bonds')."""
    verdict = instruments.compare(name, other)
    if verdict == "same" or name.lower() == other.lower():
        return True
    if verdict == "unknown" and instruments.kind_of(name) == instruments.kind_of(other) == "bond":
        return True
    market = instruments.market_of(name)
    return (
        verdict == "unknown"
        and market is not None
        and market == instruments.market_of(other)
        and instruments.kind_of(name) == instruments.kind_of(other) == "index"
    )


def _other_months(move: Move, other: Move) -> bool:
    """Whether the two moves name months, and not the same (a futures contract's)."""
    mine, theirs = _months(move), _months(other)
    return bool(mine and theirs and mine.isdisjoint(theirs))


def _months(move: Move) -> frozenset[str]:
    return frozenset(_MONTH.findall(f"{move.instrument} {move.evidence}"))


_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")


# whether an exact number is what a rounded one may stand for: over 3 -> 3.33, nearly 4 -> 3.9
_ROUNDED: dict[str, Callable[[float, float], bool]] = {
    "over": lambda said, exact: said < exact <= said * 1.5,
    "nearly": lambda said, exact: said * 0.9 <= exact < said,
    # "about 2%" for 2.3%, "about 30%" for 32%, but "about 0.4%" is no 0.6%
    "about": lambda said, exact: abs(exact - said) <= max(_half_a_unit(said), said * 0.1),
}


def _half_a_unit(said: float) -> float:
    """Half a unit of the last digit a rounded number states: 0.5 for '2', 0.05 for '0.4'."""
    return 0.5 if said == int(said) else 0.05


def _says_more(move: Move, other: Move) -> bool:
    def detail(m: Move) -> tuple[bool, int, int]:
        return m.ticker is not None, len(m.instrument), len(m.evidence)

    return detail(move) > detail(other)


def _dedupe_by_span(items: list[Said]) -> list[Said]:
    """One item seen twice (two overlapping chunks, a lead and its body) is kept once; two
    drivers quoted from one sentence ("amid a selloff and persistent tensions") are two."""
    kept: list[Said] = []
    for item in items:
        if not any(
            _overlap(item.span, other.span) and _says_the_same(item, other) for other in kept
        ):
            kept.append(item)
    return kept


def _says_the_same(a: Catalyst | Risk, b: Catalyst | Risk) -> bool:
    return _NOT_ALPHANUMERIC.sub("", a.summary.lower()) == _NOT_ALPHANUMERIC.sub(
        "", b.summary.lower()
    )


def _overlap(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return False
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared / shorter >= _SAME_EVIDENCE_OVERLAP
