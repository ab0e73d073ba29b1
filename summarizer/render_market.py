"""The market picture as JSON (its source of truth) and as Markdown: the cross-article table of
digest.md, and market.md with every instrument's statements side by side."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.picture import InstrumentPicture, MarketPicture, PictureArticle, Reading, SaidItem

_ARROW = {"up": "▲", "down": "▼", "flat": "■"}
_HEDGE = {"over": ">", "nearly": "≈", "about": "~", "up_to": "≤", "limit": "limit "}
_SOURCE_CHARS = 40


def picture_json(picture: MarketPicture) -> bytes:
    """The picture's canonical JSON in UTF-8: field order of the model, 2-space indent, newline."""
    return picture.__pydantic_serializer__.to_json(picture, indent=2) + b"\n"


def cross_article_table(picture: MarketPicture) -> list[str]:
    """digest.md's section on what more than one article says: each instrument two or more
    source articles state, reading by reading, with the agreed move or the conflict."""
    shared = [i for i in picture.instruments if len(_sources_of(i)) >= 2]
    lines = ["## Across articles", ""]
    lines += _summary_lines(picture, shared)
    if shared:
        lines += _readings_table(shared)
    return lines


def render_market_markdown(picture: MarketPicture) -> str:
    """market.md: the table of every instrument, then each one's statements, catalysts and
    risks, then what names no instrument."""
    lines = ["# Market picture", ""]
    lines += _summary_lines(picture, picture.instruments)
    if picture.instruments:
        lines += _readings_table(picture.instruments)
    titles = {a.id: _source_label(a) for a in picture.articles}
    for instrument in picture.instruments:
        lines += _instrument_section(instrument, titles)
    lines += _unassigned(picture, titles)
    return "\n".join(lines).rstrip() + "\n"


def _summary_lines(picture: MarketPicture, shown: Sequence[InstrumentPicture]) -> list[str]:
    sources = [a for a in picture.articles if a.copy_of is None]
    conflicts = sum(r.conflict for i in shown for r in i.readings)
    copies = len(picture.articles) - len(sources)
    said = (
        f"{len(shown)} instruments stated by two or more of {len(sources)} source articles"
        if shown is not picture.instruments
        else f"{len(shown)} instruments across {len(sources)} source articles"
    )
    said += f" ({copies} restated copies counted once)" if copies else ""
    lines = [f"{said}; {conflicts} readings where sources conflict.", ""]
    lines += [f"- {_md(w)}" for w in picture.warnings]
    return [*lines, ""] if picture.warnings else lines


def _readings_table(instruments: Sequence[InstrumentPicture]) -> list[str]:
    lines = [
        "| Instrument | Day | Basis | Agreed | Sources | Conflict |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for instrument in instruments:
        for reading in instrument.readings:
            sources = len({s.article_id for s in reading.statements})
            conflict = f"⚠ {_md(reading.conflict_reason or '')}" if reading.conflict else "—"
            lines.append(
                f"| {_md(_display(instrument))} | {reading.day or 'unknown'} | {_basis(reading)} "
                f"| {_agreed(reading)} | {sources} | {conflict} |"
            )
    return [*lines, ""]


def _instrument_section(instrument: InstrumentPicture, titles: dict[str, str]) -> list[str]:
    about = " · ".join(
        p for p in (f"`{instrument.instrument_id}`", instrument.kind, instrument.market) if p
    )
    written = ", ".join(f"“{_md(a)}”" for a in instrument.aliases)
    lines = [f"## {_md(_display(instrument))}", "", f"{about} · written {written}", ""]
    lines += ["| Day | Basis | Source | Move | Quote |", "| --- | --- | --- | --- | --- |"]
    for reading in instrument.readings:
        for statement in reading.statements:
            source = titles.get(statement.article_id, statement.article_id)
            if statement.restated_in:
                source += f" (also {len(statement.restated_in)} more, same words)"
            move = _change(statement.direction, statement.qualifier, statement.change_pct,
                           statement.change_bp)  # fmt: skip
            lines.append(
                f"| {reading.day or 'unknown'} | {_basis(reading)} | {_md(source)} | {move} "
                f"| {_md(statement.evidence)} |"
            )
    lines.append("")
    lines += _items("Catalysts", instrument.catalysts, titles)
    lines += _items("Risks", instrument.risks, titles)
    return lines


def _unassigned(picture: MarketPicture, titles: dict[str, str]) -> list[str]:
    lines = _items("Catalysts naming no instrument", picture.unassigned_catalysts, titles)
    lines += _items("Risks naming no instrument", picture.unassigned_risks, titles)
    moves = [
        f"{_md(titles.get(m.article_id, m.article_id))}: “{_md(m.evidence)}”"
        for m in picture.unassigned_moves
    ]
    if moves:
        lines += ["**Moves naming no instrument**", "", *(f"- {m}" for m in moves), ""]
    return lines


def _items(heading: str, items: Sequence[SaidItem], titles: dict[str, str]) -> list[str]:
    if not items:
        return []
    shown = [
        f"**{i.type}**{f' ({i.impact})' if i.impact else ''}: “{_md(i.evidence)}” — "
        f"{_md(titles.get(i.article_id, i.article_id))}"
        for i in items
    ]
    return [f"**{heading}**", "", *(f"- {s}" for s in shown), ""]


def _display(instrument: InstrumentPicture) -> str:
    return instrument.name + (f" ({instrument.ticker})" if instrument.ticker else "")


def _basis(reading: Reading) -> str:
    parts = [p for p in (reading.session, reading.timeframe) if p != "unspecified"]
    return ", ".join([*parts, *([reading.period] if reading.period else [])]) or "—"


def _agreed(reading: Reading) -> str:
    if reading.agreed is None:
        return "—"
    agreed = reading.agreed
    return _change(agreed.direction, agreed.qualifier, agreed.change_pct, agreed.change_bp)


def _change(direction: str, qualifier: str, pct: float | None, bp: float | None) -> str:
    hedge = _HEDGE.get(qualifier, "")
    if pct is not None:
        return f"{_ARROW[direction]} {hedge}{abs(pct):g}%"
    if bp is not None:
        return f"{_ARROW[direction]} {hedge}{abs(bp):g} bp"
    return f"{_ARROW[direction]} {direction}"


def _source_label(article: PictureArticle) -> str:
    """Who says it: the publisher or title (cut short), and the start of the article's id."""
    name = article.publisher or article.title or article.source_path or ""
    if len(name) > _SOURCE_CHARS:
        name = name[: _SOURCE_CHARS - 1].rstrip() + "…"
    return f"{name} [{article.id[:8]}]" if name else article.id[:8]


def _sources_of(instrument: InstrumentPicture) -> set[str]:
    return {s.article_id for r in instrument.readings for s in r.statements}


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell, shown as written (as render.py's)."""
    return " ".join(text.split()).replace("|", "\\|").replace("*", "\\*").replace("<", "\\<")
