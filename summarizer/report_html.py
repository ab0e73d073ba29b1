"""report.html: one self-contained page (no network when it is viewed) rendered with Jinja2
from the market picture, the digests and the article texts.

The templates, style sheet and script ship as package data in `summarizer/report_templates/`.
Every value is escaped by the template (autoescape); the articles travel as one JSON blob
inside a `<script type="application/json">`, escaped so that no text can close that element,
and the page's script draws only the articles of the page being read, as text nodes.
Jinja2 is imported by this module alone, which only `--format html` loads.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from summarizer.market import market
from summarizer.models import ArticleDigest
from summarizer.picture import MarketPicture
from summarizer.report_view import (
    PAGE_SIZE,
    article_positions,
    article_record,
    day_chart,
    instrument_filter,
    instruments_of_items,
    market_rows,
)
from summarizer.source_text import ArticleText, texts_from_sources

TEMPLATES = Path(__file__).parent / "report_templates"

# Inside <script>, "</script>" or "<!--" in an article would end or confuse the element: the
# characters that can start them are written as JSON escapes, which JSON.parse reads back.
# (str.replace, one character at a time: str.translate took 0.4 s on 1,000 articles' 8 MB.)
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render, not the reader
        trim_blocks=True,
        lstrip_blocks=True,
    )


def report_from_parts(html_parts: Sequence[str], *, header: str = "") -> str:
    """report.html from each article's html part (render.html_part), as `run` and `regenerate`
    write it: the digests and texts, their market picture, the page."""
    with _no_cycle_collection():
        digests, texts = page_inputs(html_parts)
        return render_report_html(market(digests), digests, texts, header=header)


def report_from_digests(digests: Sequence[ArticleDigest], *, header: str = "") -> str:
    """report.html from digests alone (digest files): each text read again from its source
    where it still holds the digest's spans (source_text), and their market picture."""
    with _no_cycle_collection():
        texts = texts_from_sources(digests)
        return render_report_html(market(digests), digests, texts, header=header)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while a page is built. The build makes hundreds of
    thousands of small objects (fields, items, rows) beside the digests, none in a cycle, and
    each collection walks all of them again: 1.1-1.3 s against 0.52 s for 1,000 articles.
    Reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_report_html(
    picture: MarketPicture,
    digests: Sequence[ArticleDigest],
    texts: Sequence[ArticleText],
    *,
    header: str = "",
) -> str:
    """The page for digests (in report order), their market picture and their texts (one per
    digest, in the same order; a digest without its text shows its evidence quotes alone, and
    the page says why)."""
    positions = article_positions(digests)
    instrument_of = instruments_of_items(picture)
    articles = [
        article_record(digest, position, text, instrument_of)
        for position, (digest, text) in enumerate(zip(digests, texts, strict=True))
    ]
    data = {
        "articles": articles,
        "instruments": instrument_filter(picture, positions),
        "pageSize": PAGE_SIZE,
    }
    counts = {s: sum(d.status == s for d in digests) for s in ("ok", "partial", "failed")}
    without_text = sum(a["text"] is None for a in articles)
    return (
        _environment()
        .get_template("report.html.jinja")
        .render(
            header=header.replace("`", ""),  # the run header is written for Markdown
            counts=counts,
            total=len(digests),
            without_text=without_text,
            rows=market_rows(picture, positions),
            chart=day_chart(picture),
            filter_entries=data["instruments"],
            picture_warnings=picture.warnings,
            # Markup: written as they are. The JSON is escaped for <script> (_script_json); the
            # style sheet and script are the package's own files.
            data_json=Markup(_script_json(data)),
            style=Markup(_asset("report.css")),
            script=Markup(_asset("report.js")),
        )
    )


def page_inputs(html_parts: Sequence[str]) -> tuple[list[ArticleDigest], list[ArticleText]]:
    """The digests and texts in each article's html part (render.html_part), in order."""
    digests: list[ArticleDigest] = []
    texts: list[ArticleText] = []
    for part in html_parts:
        digest_line, _newline, text_line = part.partition("\n")
        digest = ArticleDigest.model_validate_json(digest_line)
        digests.append(digest)
        text = json.loads(text_line)
        # the text the digest was made from in this run: its spans hold, nothing to check
        texts.append(ArticleText(text) if text is not None else ArticleText(None, _UNREAD))
    return digests, texts


_UNREAD = "its input could not be read"


def _script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_SAFE:
        text = text.replace(character, escaped)
    return text


@functools.cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")
