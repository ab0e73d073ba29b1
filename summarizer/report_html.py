"""report.html: one self-contained page (no network when it is viewed) rendered with Jinja2
from the market picture, the digests and the article texts.

The templates, style sheet and script ship as package data in `summarizer/report_templates/`.
Every value is escaped by the template (autoescape); the articles travel as one JSON blob
inside a `<script type="application/json">`, escaped so that no text can close that element,
and the page's script draws only the articles of the page being read, as text nodes.
Jinja2 is imported by this module alone, which only `--format html` loads.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from summarizer.market_picture import market
from summarizer.models import ArticleDigest
from summarizer.picture import MarketPicture
from summarizer.render import ReportParts, digests_of_parts, without_cycle_collection
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


def report_from_parts(
    parts: Sequence[ReportParts],
    picture: MarketPicture | None = None,
    *,
    header: str = "",
    digests: Sequence[ArticleDigest] | None = None,
) -> str:
    """report.html from the articles' report parts (render.report_parts with "html": each
    digest and its text), as `run` and `regenerate` write it; picture and digests: the
    digests' market picture and the digests parsed from the parts, when the caller has them
    already."""
    with without_cycle_collection():
        digests = digests if digests is not None else digests_of_parts(parts)
        texts = [_text_of_part(p["html"]) for p in parts]
        picture = picture if picture is not None else market(digests)
        return render_report_html(picture, digests, texts, header=header)


def _text_of_part(part: str) -> ArticleText:
    text = json.loads(part)
    # the text the digest was made from in this run: its spans hold, nothing to check
    return ArticleText(text) if text is not None else ArticleText(None, _UNREAD)


_UNREAD = "its input could not be read"


def report_from_digests(
    digests: Sequence[ArticleDigest], picture: MarketPicture | None = None, *, header: str = ""
) -> str:
    """report.html from digests alone (digest files): each text read again from its source
    where it still holds the digest's spans (source_text); picture: their market picture,
    when the caller has built it already."""
    with without_cycle_collection():
        texts = texts_from_sources(digests)
        picture = picture if picture is not None else market(digests)
        return render_report_html(picture, digests, texts, header=header)


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
            style_hash=_csp_hash(_asset("report.css")),
            script_hash=_csp_hash(_asset("report.js")),
        )
    )


def _script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_SAFE:
        text = text.replace(character, escaped)
    return text


@functools.cache
def _csp_hash(text: str) -> str:
    """How a Content-Security-Policy names an inline script or style: the hash of its text."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@functools.cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")
