"""`summarizer record`: run the LLM engine against a live endpoint and keep every exchange.

Each article's requests and responses are written as a replay fixture in the OpenAI wire format.
Only bodies are kept: headers (and so the Authorization header and API key) never are.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.engines.llm import LLMEngine
from summarizer.ingest import read_articles
from summarizer.models import Article, ArticleDigest
from summarizer.pipeline import Summarizer
from summarizer.render import file_stem, write_atomic
from summarizer.settings import Settings

FIXTURE_FORMAT = 1

Exchange = dict[str, Any]


async def record_fixtures(
    paths: Sequence[str], settings: Settings, out: Path, *, source: str | None = None
) -> tuple[list[Path], list[ArticleDigest]]:
    """Summarize paths with a live endpoint; write out/<source stem>.json per article.

    `source` says where the answers came from; `{stem}` in it names the article's file.
    """
    exchanges: list[Exchange] = []
    engine = LLMEngine(settings, on_exchange=lambda req, resp: exchanges.append(
        {"request": req, "response": resp}))  # fmt: skip
    articles = [a for a in read_articles(paths)]
    async with Summarizer(settings, engine=engine) as summarizer:
        digests = await summarizer.summarize_many(articles)
    written = []
    for article in (a for a in articles if isinstance(a, Article)):
        mine = [e for e in exchanges if _asks_about(e["request"], article.text)]
        if mine:
            # a file name from the input's, made safe as digests' are (a record's id is a path)
            stem = file_stem(Path(article.source_path or article.id).stem)
            said = source.format(stem=stem) if source else None
            path = out / f"{stem}.json"
            write_atomic(path, fixture_text(article, mine, settings, engine, said))
            written.append(path)
    return written, digests


def fixture_text(
    article: Article,
    exchanges: list[Exchange],
    settings: Settings,
    engine: LLMEngine,
    source: str | None = None,
) -> str:
    """The JSON text of one article's fixture, exchanges in a stable order."""
    today = dt.date.today().isoformat()
    fixture = {
        "format": FIXTURE_FORMAT,
        "source": source
        or f"recorded from {settings.endpoint_name} (model {settings.model}) on {today} "
        "with `summarizer record`",
        "article": article.source_path,
        "model": settings.model,
        "mode": settings.mode,
        "prompt_version": engine.prompt_version,
        "exchanges": sorted(exchanges, key=lambda e: json.dumps(e["request"], sort_keys=True)),
    }
    return json.dumps(fixture, ensure_ascii=False, indent=1) + "\n"


def _asks_about(request: dict[str, Any], text: str) -> bool:
    messages = request.get("messages") or []
    user = [m.get("content") for m in messages if m.get("role") == "user"]
    chunk = user[0].split("\n", 1)[-1] if user and isinstance(user[0], str) else ""
    return bool(chunk) and chunk in text
