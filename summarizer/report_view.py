"""What report.html shows, as plain data: the market table's rows, the bars of the day's moves,
and each article's record (text, highlighted items, warnings) for the page's script.

Pure: picture, digests and texts in, data out. Nothing here is HTML: the template escapes every
string, and the script writes article text into the page as text, never as markup.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.models import ArticleDigest, Catalyst, Move, Risk
from summarizer.picture import InstrumentPicture, MarketPicture, Reading, Statement
from summarizer.render import format_change
from summarizer.source_text import ArticleText

# Articles drawn at once: a page of 10,000 articles stays responsive because only this many
# are ever in the document (the rest wait as JSON).
PAGE_SIZE = 20
# Bars in the chart: more would be unreadable; the table holds every move.
MAX_BARS = 40
_DAY_TIMEFRAMES = ("day", "unspecified")


@dataclass(frozen=True)
class StatementView:
    """One source's statement of a move, in the table."""

    article: int  # the article's position in the report
    source: str
    change: str
    evidence: str
    anchor: str  # the id of the item in the article's view


@dataclass(frozen=True)
class MarketRow:
    """One row of the market table: an instrument's reading (or the instrument alone)."""

    instrument_id: str
    name: str
    ticker: str
    kind: str
    market: str
    day: str
    basis: str
    change: str
    sort_value: float | None  # the agreed change, in percent (basis points / 100); None: none
    conflict: bool
    conflict_reason: str
    sources: int
    catalysts: int
    risks: int
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class Bar:
    """One bar of the chart, in the chart's own coordinates."""

    label: str
    value: str
    x: float
    width: float
    y: float
    up: bool
    instrument_id: str


@dataclass(frozen=True)
class Chart:
    """The bars of the day's moves, and what they show."""

    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    zero_x: float


def article_positions(digests: Sequence[ArticleDigest]) -> dict[str, list[int]]:
    """Each article id's positions in the report (two inputs with one text share an id)."""
    positions: dict[str, list[int]] = {}
    for position, digest in enumerate(digests):
        positions.setdefault(digest.id, []).append(position)
    return positions


def market_rows(picture: MarketPicture, positions: Mapping[str, list[int]]) -> list[MarketRow]:
    """One row per reading of each instrument; an instrument with no reading gets one row."""
    titles = {a.id: a.title or a.source_path or a.id for a in picture.articles}
    rows: list[MarketRow] = []
    for instrument in picture.instruments:
        readings: Sequence[Reading | None] = instrument.readings or [None]
        rows += [_row(instrument, r, positions, titles) for r in readings]
    return rows


def _row(
    instrument: InstrumentPicture,
    reading: Reading | None,
    positions: Mapping[str, list[int]],
    titles: Mapping[str, str],
) -> MarketRow:
    statements = reading.statements if reading else []
    agreed = reading.agreed if reading else None
    if agreed is not None:
        change = format_change(
            agreed.direction, agreed.change_pct, agreed.change_bp, agreed.qualifier
        )
    elif reading is not None:  # sources that disagree, or one source giving several values
        change = "conflict" if reading.conflict else "several values"
    else:
        change = ""
    return MarketRow(
        instrument_id=instrument.instrument_id,
        name=instrument.name,
        ticker=instrument.ticker or "",
        kind=instrument.kind,
        market=instrument.market or "",
        day=(reading.day or "") if reading else "",
        basis=_basis(reading) if reading else "",
        change=change,
        sort_value=_sort_value(agreed.change_pct, agreed.change_bp) if agreed else None,
        conflict=bool(reading and reading.conflict),
        conflict_reason=(reading.conflict_reason or "") if reading else "",
        sources=len({s.article_id for s in statements}),
        catalysts=len(instrument.catalysts),
        risks=len(instrument.risks),
        statements=tuple(
            _statement(s, positions, titles) for s in statements if s.article_id in positions
        ),
    )


def _basis(reading: Reading) -> str:
    parts: list[str] = [p for p in (reading.session, reading.timeframe) if p != "unspecified"]
    if reading.period:
        parts.append(reading.period)
    return ", ".join(parts)


def _sort_value(change_pct: float | None, change_bp: float | None) -> float | None:
    if change_pct is not None:
        return change_pct
    return change_bp / 100 if change_bp is not None else None


def _statement(
    statement: Statement, positions: Mapping[str, list[int]], titles: Mapping[str, str]
) -> StatementView:
    position = positions[statement.article_id][0]
    change = format_change(
        statement.direction, statement.change_pct, statement.change_bp, statement.qualifier
    )
    return StatementView(
        article=position,
        source=titles.get(statement.article_id, statement.article_id),
        change=change,
        evidence=statement.evidence,
        anchor=item_anchor(position, "m", statement.move_index),
    )


def item_anchor(position: int, letter: str, index: int) -> str:
    """The id of an item's highlight in its article's view: 'a12-m3' (move 3 of article 12)."""
    return f"a{position}-{letter}{index}"


def day_chart(picture: MarketPicture, *, width: int = 760, row: int = 20) -> Chart | None:
    """Bars of one day's agreed moves in percent, up to down; None when there are none. A
    week's or a year's move is not the day's, so only day (or unstated) timeframes."""
    candidates = [
        (instrument, reading)
        for instrument in picture.instruments
        for reading in instrument.readings
        if reading.agreed is not None
        and reading.agreed.change_pct is not None
        and reading.timeframe in _DAY_TIMEFRAMES
    ]
    if not candidates:
        return None
    # the dated day with the most moves (the latest of equals): in a day's news, that day
    per_day = collections.Counter(reading.day for _i, reading in candidates if reading.day)
    day = max(per_day, key=lambda d: (per_day[d], d)) if per_day else None
    chosen: dict[str, tuple[str, float]] = {}
    for instrument, reading in candidates:
        if reading.day == day and instrument.instrument_id not in chosen:
            assert reading.agreed is not None and reading.agreed.change_pct is not None
            chosen[instrument.instrument_id] = (instrument.name, reading.agreed.change_pct)
    largest = sorted(chosen.items(), key=lambda kv: -abs(kv[1][1]))[:MAX_BARS]
    ordered = sorted(largest, key=lambda kv: -kv[1][1])
    label_width, value_width = 230, 60
    span = width - label_width - 2 * value_width
    top = max(abs(v) for _k, (_n, v) in ordered) or 1.0
    has_down = any(v < 0 for _k, (_n, v) in ordered)
    has_up = any(v > 0 for _k, (_n, v) in ordered)
    # zero in the middle when bars go both ways, else at the edge the bars grow from
    zero = label_width + value_width + (span / 2 if has_down and has_up else 0 if has_up else span)
    scale = (span / 2 if has_down and has_up else span) / top
    bars = tuple(
        Bar(
            label=name,
            value=f"{value:+g}%",
            x=zero if value >= 0 else zero - abs(value) * scale,
            width=max(abs(value) * scale, 1.0),
            y=index * row,
            up=value >= 0,
            instrument_id=instrument_id,
        )
        for index, (instrument_id, (name, value)) in enumerate(ordered)
    )
    title = f"Moves on {day}" if day else "Moves of the day (no date stated)"
    if len(chosen) > len(ordered):
        title += f": the {len(ordered)} largest of {len(chosen)}"
    return Chart(title, bars, width, row * len(bars), zero)


def instrument_filter(
    picture: MarketPicture, positions: Mapping[str, list[int]]
) -> list[dict[str, Any]]:
    """For the filter: each instrument with the positions of the articles that name it (a
    syndicated copy with its original: the picture counts its items under the original only)."""
    copies = {a.id: a.syndicated_copies for a in picture.articles}
    entries = []
    for instrument in sorted(picture.instruments, key=lambda i: i.name.casefold()):
        ids = {s.article_id for r in instrument.readings for s in r.statements}
        ids |= {item.article_id for item in (*instrument.catalysts, *instrument.risks)}
        ids |= {copy for article_id in list(ids) for copy in copies.get(article_id, [])}
        found = sorted(p for article_id in ids for p in positions.get(article_id, []))
        entries.append({"id": instrument.instrument_id, "name": instrument.name, "articles": found})
    return entries


def article_record(
    digest: ArticleDigest,
    position: int,
    text: ArticleText,
    instrument_of: Mapping[tuple[str, str, int], str],
) -> dict[str, Any]:
    """One article as the page's script draws it: its header, text (or why there is none),
    warnings, dropped items, and every item with its span and fields.

    instrument_of: (article id, 'm'|'c'|'r', index) -> instrument_id, from the picture."""
    said: list[tuple[str, str, Sequence[Move | Catalyst | Risk]]] = [
        ("move", "m", digest.moves), ("catalyst", "c", digest.catalysts),
        ("risk", "r", digest.risks),
    ]  # fmt: skip
    items = [
        _item(position, kind, letter, index, item, instrument_of.get((digest.id, letter, index)))
        for kind, letter, found in said
        for index, item in enumerate(found)
    ]
    if text.text is not None and not text.text.isascii():
        for record in items:
            record["span"] = _in_utf16_units(text.text, record["span"])
    dropped = [w for w in digest.warnings if w.startswith("dropped ")]
    source = digest.source_path
    return {
        "id": digest.id,
        "title": digest.title or _file_name(digest.source_path) or digest.id,
        "meta": " · ".join(p for p in (digest.publisher, digest.published, source) if p),
        "status": digest.status,
        "error": digest.error,
        "warnings": [w for w in digest.warnings if not w.startswith("dropped ")],
        "dropped": dropped,
        "text": text.text,
        "missing": text.missing_because,
        "items": items,
    }


def _in_utf16_units(text: str, span: list[int] | None) -> list[int] | None:
    """A span in the page script's units: a JavaScript string counts a character outside the
    Basic Multilingual Plane (an emoji) as two, Python as one, so every span after one would
    highlight the wrong words."""
    if span is None:
        return None
    return [len(text[:offset].encode("utf-16-le")) // 2 for offset in span]


def _file_name(source_path: str | None) -> str | None:
    return source_path.replace("\\", "/").rsplit("/", 1)[-1] if source_path else None


def _item(
    position: int,
    kind: str,
    letter: str,
    index: int,
    item: Move | Catalyst | Risk,
    instrument_id: str | None,
) -> dict[str, Any]:
    fields = _fields(item)
    if instrument_id:
        fields.append(("instrument_id", instrument_id))
    return {
        "id": item_anchor(position, letter, index),
        "kind": kind,
        "span": list(item.span) if item.span else None,
        "label": fields[0][1],
        "evidence": item.evidence,
        "fields": fields,
        "instrument": instrument_id,
    }


def _fields(item: Move | Catalyst | Risk) -> list[tuple[str, str]]:
    """The item's fields as the page lists them, its label first."""
    if isinstance(item, Move):
        return _move_fields(item)
    if isinstance(item, Catalyst):
        return _catalyst_fields(item)
    return _risk_fields(item)


def _move_fields(move: Move) -> list[tuple[str, str]]:
    change = format_change(move.direction, move.change_pct, move.change_bp, move.qualifier)
    fields = [("move", f"{move.instrument} {change}"), ("instrument", move.instrument)]
    fields += [(name, value) for name, value in (
        ("ticker", move.ticker), ("kind", move.kind), ("market", move.market),
        ("direction", move.direction),
        ("change_pct", None if move.change_pct is None else f"{move.change_pct:g}"),
        ("change_bp", None if move.change_bp is None else f"{move.change_bp:g}"),
        ("qualifier", move.qualifier), ("session", move.session),
        ("timeframe", move.timeframe), ("period", move.period),
    ) if value and value != "unspecified"]  # fmt: skip
    return fields


def _catalyst_fields(catalyst: Catalyst) -> list[tuple[str, str]]:
    fields = [("catalyst", catalyst.summary), ("type", catalyst.type), ("impact", catalyst.impact)]
    if catalyst.entities:
        fields.append(("entities", ", ".join(catalyst.entities)))
    return fields


def _risk_fields(risk: Risk) -> list[tuple[str, str]]:
    fields = [("risk", risk.summary), ("type", risk.type)]
    if risk.entities:
        fields.append(("entities", ", ".join(risk.entities)))
    return fields


def instruments_of_items(picture: MarketPicture) -> dict[tuple[str, str, int], str]:
    """(article id, 'm'|'c'|'r', index in the digest) -> the instrument the picture puts the
    item under."""
    found: dict[tuple[str, str, int], str] = {}
    for instrument in picture.instruments:
        key = instrument.instrument_id
        for reading in instrument.readings:
            for s in reading.statements:
                found[(s.article_id, "m", s.move_index)] = key
        for c in instrument.catalysts:
            found.setdefault((c.article_id, "c", c.index), key)
        for r in instrument.risks:
            found.setdefault((r.article_id, "r", r.index), key)
    return found
