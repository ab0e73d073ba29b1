"""Digests -> the cross-article market picture: per instrument and trading day, what each source
states, what they agree on, where they conflict, and the catalysts and risks that name it.

Pure: digests in, a `MarketPicture` out. How the pieces are decided:

- **Instrument**: each move's `instrument_id` (identity.py; resolved here for digests written
  before moves had one), then the links between keys that only many articles show (linking.py).
- **Trading day**: the digest's `published` as an ISO date (days.py). Articles without one are
  named in the picture's warnings, and their moves are never compared with another article's.
- **Restated copies**: an article whose items (moves, catalysts, risks) have the same evidence,
  word for word, as an earlier one's, of the same day where both are dated, is a copy of it (a
  syndicated story under another URL or file): it is listed, with `copy_of`, and its items are
  counted once, under the original. Two articles sharing only some sentences are two sources,
  but a statement made in the same words by two of them is one statement (`restated_in` names
  the others).
- **Catalysts and risks**: under each instrument their `entities` name; where no entity names an
  instrument of the picture, under the instruments of the same article whose name, as the
  article wrote it, is in the item's evidence; else unassigned.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from summarizer import agreement, days, identity, instruments, linking
from summarizer.models import ArticleDigest, Catalyst, DigestMove, InstrumentKind, Move, Risk
from summarizer.picture import (
    InstrumentPicture,
    MarketPicture,
    PictureArticle,
    Reading,
    SaidItem,
    Statement,
    UnassignedMove,
)

_SPECIFIC_FIRST = {"unspecified": 1}  # any stated session (timeframe) before "unspecified"


def market(digests: Iterable[ArticleDigest]) -> MarketPicture:
    """The cross-article picture of digests (any order; an id given twice is counted once)."""
    unique, warnings = _unique(digests)
    copy_of = _copies(unique)
    day_of = {d.id: days.day_of(d.published) for d in unique}
    sources = [d for d in unique if d.id not in copy_of]
    moves = _resolved_moves(sources, day_of)
    groups = _groups(moves, _markets_of(sources))
    root_of = linking.link(
        {key: linking.KeyNames(key, g.names, g.markets) for key, g in groups.items()}
    )
    members: dict[str, list[_Placed]] = collections.defaultdict(list)
    for placed in moves:
        if placed.key is not None:
            members[root_of[placed.key]].append(placed)
    said = _said_items(sources, members, root_of)
    entries = [
        _instrument(root, placed, day_of, said.catalysts.get(root, []), said.risks.get(root, []))
        for root, placed in members.items()
    ]
    entries.sort(key=lambda i: (-_source_count(i), i.name.lower(), i.instrument_id))
    undated = [d.id for d in unique if day_of[d.id] is None and d.id not in copy_of]
    if undated:
        warnings.append(
            f"{len(undated)} of {len(unique)} articles have no publication date "
            f"({_listed(undated)}): their moves are read on an unknown day and not compared "
            "with other articles'"
        )
    copies: dict[str, list[str]] = collections.defaultdict(list)
    for copy, original in copy_of.items():
        copies[original].append(copy)
    return MarketPicture(
        articles=[_article(d, day_of[d.id], copy_of.get(d.id), copies[d.id]) for d in unique],
        instruments=entries,
        unassigned_moves=[
            UnassignedMove(
                article_id=p.article_id,
                move_index=p.index,
                instrument=p.move.instrument,
                evidence=p.move.evidence,
                span=p.move.span,
            )
            for p in moves
            if p.key is None
        ],
        unassigned_catalysts=said.unassigned_catalysts,
        unassigned_risks=said.unassigned_risks,
        warnings=warnings,
    )


@dataclass(frozen=True)
class _Placed:
    """A move of a source article, with its instrument key (None: it names none)."""

    article_id: str
    index: int
    move: Move
    key: str | None


@dataclass
class _Group:
    names: set[str] = field(default_factory=set)
    markets: set[str | None] = field(default_factory=set)


def _unique(digests: Iterable[ArticleDigest]) -> tuple[list[ArticleDigest], list[str]]:
    """The digests, each id once (the first): the same text read from two paths has one id."""
    seen: dict[str, ArticleDigest] = {}
    warnings = []
    for digest in digests:
        if digest.id in seen:
            first = seen[digest.id]
            warnings.append(
                f"article {digest.id} given twice ({first.source_path or '?'} and "
                f"{digest.source_path or '?'}): the same text, counted once"
            )
            continue
        seen[digest.id] = digest
    return list(seen.values()), warnings


def _copies(digests: Sequence[ArticleDigest]) -> dict[str, str]:
    """Each restated copy's id -> the id of the article it restates: the same evidence, and
    the same day where both are dated ("Gold was steady" alone on two days is two reports);
    the original is the earliest dated, else the first given."""
    by_evidence: dict[frozenset[str], list[ArticleDigest]] = collections.defaultdict(list)
    for digest in digests:
        evidence = _evidence_of(digest)
        if evidence:
            by_evidence[evidence].append(digest)
    copy_of = {}
    for same in by_evidence.values():
        ordered = sorted(same, key=lambda d: days.day_of(d.published) or "9999")
        originals: list[ArticleDigest] = []
        for digest in ordered:
            day = days.day_of(digest.published)
            original = next(
                (o for o in originals if _same_day(days.day_of(o.published), day)), None
            )
            if original is None:
                originals.append(digest)
            else:
                copy_of[digest.id] = original.id
    return copy_of


def _same_day(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _evidence_of(digest: ArticleDigest) -> frozenset[str]:
    items: list[Move | Catalyst | Risk] = [*digest.moves, *digest.catalysts, *digest.risks]
    return frozenset(_plain(item.evidence) for item in items)


def _plain(text: str) -> str:
    return " ".join(text.split()).lower()


def _resolved_moves(
    sources: Sequence[ArticleDigest], day_of: dict[str, str | None]
) -> list[_Placed]:
    placed = []
    for digest in sources:
        for index, move in enumerate(digest.moves):
            key = move.instrument_id if isinstance(move, DigestMove) else None
            if key is None:  # a digest written before moves had keys, or a name that has none
                key = identity.instrument_id(move, day_of[digest.id])
            if key is not None and identity.is_placeless(key):
                key = f"{key}@{digest.id}"  # "banks" of one article are not another's
            placed.append(_Placed(digest.id, index, move, key))
    return placed


def _groups(moves: Sequence[_Placed], market_of: dict[str, str | None]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for placed in moves:
        if placed.key is not None:
            bare, _code = instruments.split_ticker(placed.move.instrument)
            group = groups.setdefault(placed.key, _Group())
            group.names.add(bare)
            group.markets.add(market_of[placed.article_id])
    return groups


def _markets_of(sources: Sequence[ArticleDigest]) -> dict[str, str | None]:
    """Each article's market: the one its moves name most (None where they name none)."""
    return {d.id: _most_common(m.market for m in d.moves if m.market) for d in sources}


def _instrument(
    root: str,
    placed: Sequence[_Placed],
    day_of: dict[str, str | None],
    catalysts: list[SaidItem],
    risks: list[SaidItem],
) -> InstrumentPicture:
    # the curated name of a well-known instrument: resolved by name and ticker alone (cached),
    # not with each move's evidence, which only adds a contract month, a venue or futures
    written = dict.fromkeys((p.move.instrument, p.move.ticker) for p in placed)
    resolved = (identity.resolve(name, ticker=ticker) for name, ticker in written)
    canonical = next(
        (r.canonical_name for r in resolved if r and r.canonical_name and root.startswith(r.key)),
        None,
    )
    aliases = list(dict.fromkeys(p.move.instrument for p in placed))
    name = canonical or _most_common(instruments.split_ticker(a)[0] for a in aliases)
    ticker = root.removeprefix("ticker:") if root.startswith("ticker:") else None
    return InstrumentPicture(
        instrument_id=root,
        member_ids=sorted({p.key.split("@")[0] for p in placed if p.key is not None}),
        name=name,
        kind=identity.kind_of_key(root) or _kind(placed),
        market=_most_common(p.move.market for p in placed if p.move.market),
        ticker=ticker,
        aliases=aliases,
        readings=_readings(placed, day_of),
        catalysts=catalysts,
        risks=risks,
    )


def _kind(placed: Sequence[_Placed]) -> InstrumentKind:
    kinds = [p.move.kind for p in placed if p.move.kind != "other"]
    return _most_common(kinds) or "other"  # type: ignore[return-value]


def _most_common(values: Iterable[str]) -> str | None:
    counted = collections.Counter(values)
    return counted.most_common(1)[0][0] if counted else None


def _readings(placed: Sequence[_Placed], day_of: dict[str, str | None]) -> list[Reading]:
    """One reading per trading day, session and timeframe (unspecified read as the day's
    close) and period; an undated article's moves in readings of their own."""
    by_basis: dict[tuple[str, str, str, str], list[_Placed]] = collections.defaultdict(list)
    for p in placed:
        day = day_of[p.article_id]
        move = p.move
        basis = (
            day or f"?{p.article_id}",
            "close" if move.session == "unspecified" else move.session,
            "day" if move.timeframe == "unspecified" else move.timeframe,
            (move.period or "").lower(),
        )
        by_basis[basis].append(p)
    readings = [_reading(statements, day_of) for statements in by_basis.values()]
    return sorted(readings, key=lambda r: (r.day is None, r.day or "", r.timeframe, r.session))


def _reading(placed: Sequence[_Placed], day_of: dict[str, str | None]) -> Reading:
    statements = _once_each(placed)
    found = agreement.agree(statements)
    return Reading(
        day=day_of[placed[0].article_id],
        session=_specific(s.session for s in statements),
        timeframe=_specific(s.timeframe for s in statements),
        period=next((p.move.period for p in placed if p.move.period), None),
        agreed=found.agreed,
        conflict=found.conflict,
        conflict_reason=found.reason,
        statements=statements,
    )


def _specific(values: Iterable[str]) -> str:
    return min(values, key=lambda v: (_SPECIFIC_FIRST.get(v, 0), v))


def _once_each(placed: Sequence[_Placed]) -> list[Statement]:
    """One statement per wording: the same evidence in another article is a restatement."""
    first_of: dict[str, int] = {}
    statements: list[dict[str, Any]] = []
    for p in placed:
        wording = _plain(p.move.evidence) + f"|{p.move.direction}|{p.move.change_pct}"
        first = first_of.get(wording)
        if first is not None and statements[first]["article_id"] != p.article_id:
            statements[first]["restated_in"].append(p.article_id)
            continue
        first_of.setdefault(wording, len(statements))
        statements.append(_statement(p))
    # validated in one call of pydantic-core: a third of the time of a model per statement
    return _STATEMENTS.validate_python(statements)


_STATEMENTS = TypeAdapter(list[Statement])


def _statement(p: _Placed) -> dict[str, Any]:
    move = p.move
    return {
        "article_id": p.article_id,
        "move_index": p.index,
        "instrument": move.instrument,
        "ticker": move.ticker,
        "direction": move.direction,
        "change_pct": move.change_pct,
        "change_bp": move.change_bp,
        "qualifier": move.qualifier,
        "session": move.session,
        "timeframe": move.timeframe,
        "evidence": move.evidence,
        "span": move.span,
        "restated_in": [],
    }


@dataclass
class _Said:
    catalysts: dict[str, list[SaidItem]] = field(default_factory=dict)
    risks: dict[str, list[SaidItem]] = field(default_factory=dict)
    unassigned_catalysts: list[SaidItem] = field(default_factory=list)
    unassigned_risks: list[SaidItem] = field(default_factory=list)


def _said_items(
    sources: Sequence[ArticleDigest], members: dict[str, list[_Placed]], root_of: dict[str, str]
) -> _Said:
    said = _Said()
    names_in: dict[str, dict[str, str]] = collections.defaultdict(dict)  # article -> name -> root
    for root, placed in members.items():
        for p in placed:
            bare, _code = instruments.split_ticker(p.move.instrument)
            if len(bare) >= 3:
                names_in[p.article_id][bare.lower()] = root
    for digest in sources:
        for index, item in enumerate(digest.catalysts):
            roots = _roots_named(item, root_of, names_in[digest.id])
            _place(_said_item(digest.id, index, item), roots, said.catalysts,
                   said.unassigned_catalysts)  # fmt: skip
        for index, risk in enumerate(digest.risks):
            roots = _roots_named(risk, root_of, names_in[digest.id])
            _place(_said_item(digest.id, index, risk), roots, said.risks, said.unassigned_risks)
    return said


def _roots_named(
    item: Catalyst | Risk, root_of: dict[str, str], names_in_article: dict[str, str]
) -> list[str]:
    """The picture's instruments an item's entities name, else those whose name as the article
    wrote it is in the item's evidence."""
    roots = []
    for entity in item.entities:
        resolved = identity.resolve(entity)
        if resolved is not None and resolved.key in root_of:
            roots.append(root_of[resolved.key])
    if not roots:
        evidence = item.evidence.lower()
        roots = [root for name, root in names_in_article.items() if _names(evidence, name)]
    return list(dict.fromkeys(roots))


def _names(evidence: str, name: str) -> bool:
    """Whether the evidence holds the name as whole words."""
    start = evidence.find(name)
    while start >= 0:
        end = start + len(name)
        before = evidence[start - 1] if start else " "
        after = evidence[end] if end < len(evidence) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = evidence.find(name, start + 1)
    return False


def _place(
    item: SaidItem, roots: list[str], under: dict[str, list[SaidItem]], unassigned: list[SaidItem]
) -> None:
    if not roots:
        unassigned.append(item)
    for root in roots:
        under.setdefault(root, []).append(item)


def _said_item(article_id: str, index: int, item: Catalyst | Risk) -> SaidItem:
    return SaidItem(
        article_id=article_id,
        index=index,
        summary=item.summary,
        type=item.type,
        impact=item.impact if isinstance(item, Catalyst) else None,
        entities=list(item.entities),
        evidence=item.evidence,
        span=item.span,
    )


def _article(
    digest: ArticleDigest, day: str | None, copy_of: str | None, copies: list[str]
) -> PictureArticle:
    return PictureArticle(
        id=digest.id,
        title=digest.title,
        source_path=digest.source_path,
        publisher=digest.publisher,
        published=digest.published,
        day=day,
        status=digest.status,
        copy_of=copy_of,
        syndicated_copies=sorted(copies),
    )


def _source_count(instrument: InstrumentPicture) -> int:
    return len({s.article_id for r in instrument.readings for s in r.statements})


def _listed(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
