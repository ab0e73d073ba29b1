"""Price moves from the clause-level reading of each sentence (`summarizer.reading`).

A fact becomes a move when the text states it as realised, of a price, for a named instrument
(a reference such as "the gauge" is named from the sentences before; a percentage the reading
leaves unnamed, from the one instrument its sentence names before it), with a number, or with
its subject right before the move words ("JD.com Inc. also climbed sharply").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from summarizer import instruments
from summarizer.models import Direction, InstrumentKind, Move, Span
from summarizer.reading import (
    WITHIN_A_SESSION,
    Fact,
    SentenceReading,
    heading_direction,
    read_sentence,
    read_under_heading,
    resolve,
)
from summarizer.reading.mentions import SAYING

# sentences read before a chunk so that its first "the stock" or "Prices" can be named
_CONTEXT_SENTENCES = 3


def extract_moves(text: str, sentences: Sequence[Span], context: Sequence[Span] = ()) -> list[Move]:
    """Moves stated in the given sentences of text (spans into text); `context` are the
    sentences before them, read only to name references."""
    spans = [*context[-_CONTEXT_SENTENCES:], *sentences]
    readings = _under_headings(text, spans, resolve([read_sentence(text[s:e]) for s, e in spans]))
    found: list[tuple[int, Fact]] = []
    for (start, _end), reading in list(zip(spans, readings, strict=True))[
        len(spans) - len(sentences) :
    ]:
        facts = [_named_by_the_one_name(fact, reading) for fact in reading.facts]
        found += [(start, fact) for fact in facts if _is_move(fact)]
    stated = [fact for _, fact in found if fact.pct is not None or fact.bp is not None]
    numbered = [fact for _, fact in found if fact.has_number]
    return [
        _move(text, start, fact)
        for start, fact in found
        if fact.pct is not None
        or fact.bp is not None
        or not _restates(fact, stated if fact.has_number else numbered)
    ]


def _under_headings(
    text: str, spans: Sequence[Span], readings: list[SentenceReading]
) -> list[SentenceReading]:
    """Lists under a heading on a line of its own ('Top gainers' then 'Orvane (5.1%)' and
    'Kestrel (3.2%)'), read in the heading's direction: the heading holds for the lines after
    it that state numbers but no move of their own, until a line that does."""
    direction: Direction | None = None
    read: list[SentenceReading] = []
    for (start, end), reading in zip(spans, readings, strict=True):
        sentence = text[start:end]
        heading = heading_direction(sentence)
        if heading is not None:
            direction = heading
        elif reading.facts or not _A_PERCENT.search(sentence):
            direction = None
        elif direction is not None and reading.mentions:
            reading = read_under_heading(sentence, direction)
        read.append(reading)
    return read


_A_PERCENT = re.compile(r"\d\s?%")


def _named_by_the_one_name(fact: Fact, reading: SentenceReading) -> Fact:
    """A number the reading left unnamed, in a sentence that names one instrument before it:
    that instrument's ('The move for WTI follows a gain of 23.8% on Thursday'). Marked as
    named from around it (resolved), so its quote does not confirm it. Not a market's breadth
    ('77% rose, 19% fell')."""
    if fact.mention is not None or fact.pct is None:
        return fact  # (basis points: a rate decision's "25bp cut" is no instrument's move)
    if not fact.realised or not fact.price or _BREADTH.search(reading.sentence):
        return fact
    names = [m for m in reading.mentions if m.reference is None]
    if len(names) != 1 or names[0].end > fact.predicate[0]:
        return fact
    return replace(fact, mention=names[0], resolved=True)


# a share of the stocks that moved ("77% rose, 19% fell", "advancers outnumbered"), or what a
# speaker said ("Lopez, of Tellus Securities, said the gain is now 4.4%": not Tellus's)
_BREADTH = re.compile(
    r"\d\s?%\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,3})?(?:rose|fell|gained|declined|advanced|"
    r"traded|ended|closed|were|was)\b|\b(?:advancers|decliners|breadth|advance-decline)\b|"
    rf"\b(?:{SAYING}|according to)\b",
    re.IGNORECASE,
)


def _is_move(fact: Fact) -> bool:
    mention = fact.mention
    if not fact.realised or not fact.price or mention is None:
        return False
    if mention.reference is not None:
        return False  # a reference nothing before it names
    if fact.via_pronoun and not fact.has_number:
        return False  # "Dealers said it rose": which "it", a sentence later, is a guess
    if fact.pct is not None or fact.bp is not None:
        return True
    if fact.has_number and instruments.kind_of(mention.name) == "index":
        return True  # "The DS30 index, comprising blue chips, also advanced 0.94 points"
    if fact.weak and instruments.kind_of(mention.name) == "stock":
        return False  # "Goldman Sachs increased its stake": not a price
    return fact.attached


def _restates(fact: Fact, numbered: list[Fact]) -> bool:
    """'Hong Kong stocks ended lower' beside 'the Hang Seng index was down 0.63%', 'Wheat rose'
    beside 'U.S. wheat futures rose more than two per cent': one move, stated twice."""
    assert fact.mention is not None
    group = _is_group(fact.mention.name)
    lead = _is_general_lead(fact.mention.name)
    for other in numbered:
        if other is fact or other.mention is None or not _same_period(fact, other):
            continue
        if lead and other.direction == fact.direction and _is_benchmark(other.mention.name):
            return True  # "Stock markets closed lower" beside "The DAX fell 1.2%"
        if (
            group
            and not _is_group(other.mention.name)
            and not instruments.market_of(other.mention.name)
        ):
            continue  # "Banks gained ground" is not "Bank of America rose 1.8%"
        related = instruments.relation(fact.mention.name, other.mention.name)
        if related == "same" and other.direction == fact.direction:
            return True
        if related == "inverse" and {other.direction, fact.direction} == {"up", "down"}:
            return True
    return False


def _is_general_lead(name: str) -> bool:
    """'stock markets', 'equity markets', 'Benchmark equity indices': the whole market, no
    place named; a lead that the article's benchmarks state in numbers (gold.md)."""
    return (
        instruments.is_market(name)
        and instruments.market_of(name) is None
        and instruments.identity(name) is None  # "Crude oil prices", "the euro": not a lead
        and _EQUITY_WORDS.search(name.lower()) is not None
    )


_EQUITY_WORDS = re.compile(
    r"\b(?:stocks?|shares|equit(?:y|ies)|markets?|indices|indexes|bourses?)\b"
)


def _is_benchmark(name: str) -> bool:
    return instruments.kind_of(name) == "index" or instruments.market_of(name) is not None


def _is_group(name: str) -> bool:
    """A plural description of many instruments: 'Banks', 'Chinese tech stocks'."""
    return instruments.is_descriptive(name) and name.rstrip().lower().endswith("s")


_ONE_DAY = frozenset({"unspecified", "day", "prior_session"})


def _same_period(one: Fact, other: Fact) -> bool:
    """'Hong Kong stocks ended lower on Wednesday' and 'the Hang Seng index was down 0.63%'
    are one session's move; 'climbing for the eighth straight session' is another fact."""
    if (one.session in WITHIN_A_SESSION) != (other.session in WITHIN_A_SESSION):
        return False  # "The euro dropped as low as 1.0975" beside "the euro closed 0.2% lower"
    return one.timeframe == other.timeframe or {one.timeframe, other.timeframe} <= _ONE_DAY


# "Chipmaker AMD", "shares of AMD": a ticker that is also an ISO 4217 code (the Armenian dram's)
# names the company when the words around it say so
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:shares?|stocks?)\s+(?:of|in)\s+(?:the\s+)?|\b(?:[a-z]+maker|company|firm|rival|"
    r"peer|group|giant|lender|retailer|miner|designer|insurer)\s+)$",
    re.IGNORECASE,
)
_COMPANY_AFTER = re.compile(r"(?:['’]s)?\s+(?:shares|stock|inc\b|corp\b|ltd\b)", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]{3}")


def _kind(text: str, offset: int, fact: Fact) -> InstrumentKind:
    assert fact.mention is not None
    name = fact.mention.name
    kind = instruments.kind_of(name)
    if kind != "currency" or not _CODE.fullmatch(name) or fact.mention.reference is not None:
        return kind
    start = offset + fact.mention.start
    if text[start : start + len(name)] != name:
        return kind  # named from another sentence
    before, after = text[max(0, start - 30) : start], text[start + len(name) : start + 20]
    if _COMPANY_BEFORE.search(before) or _COMPANY_AFTER.match(after):
        return "stock"
    return kind


def _move(text: str, offset: int, fact: Fact) -> Move:
    assert fact.mention is not None
    sign = -1 if fact.direction == "down" else 1
    start, end = offset + fact.start, offset + fact.end
    evidence = text[start:end]
    return Move(
        instrument=fact.mention.name,
        ticker=fact.mention.ticker,
        kind=_kind(text, offset, fact),
        direction=fact.direction,
        change_pct=None if fact.pct is None else sign * fact.pct,
        change_bp=None if fact.bp is None else sign * fact.bp,
        qualifier=fact.qualifier,
        session=fact.session,
        timeframe=fact.timeframe,
        period=fact.period,
        evidence=evidence,
        span=(start, end),
    )
