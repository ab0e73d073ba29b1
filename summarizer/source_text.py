"""The article text a digest was made from, found again from its `source_path`, for a report
that is rendered from digests alone (`summarizer market DIR --format html`).

A digest holds its evidence quotes and their spans, not the text. Its source file may have
changed or gone since, and a span into another text highlights the wrong words: a text is
only used when it is the digest's own (its content hash is the digest's id) or when every span
of the digest still covers its evidence in it. Otherwise the report shows the quotes alone and
says why.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizer.errors import SummarizerError
from summarizer.ingest import STDIN_SOURCE, InputFailure, content_id, read_articles
from summarizer.models import Article, ArticleDigest, Catalyst, Move, Risk


@dataclass(frozen=True)
class ArticleText:
    """An article's text for the report, or None and why it is not shown."""

    text: str | None
    missing_because: str | None = None


def text_of(digest: ArticleDigest, text: str) -> ArticleText:
    """text, if the digest's spans are spans into it; else no text, and why."""
    if content_id(text) == digest.id or spans_cover_evidence(digest, text):
        return ArticleText(text)
    return ArticleText(None, "its source has changed since it was summarized")


def spans_cover_evidence(digest: ArticleDigest, text: str) -> bool:
    """Whether every span of the digest's items lies in text and holds the item's evidence
    (whitespace aside: grounding accepts a quote whose spaces or line breaks differ)."""
    items: list[Move | Catalyst | Risk] = [*digest.moves, *digest.catalysts, *digest.risks]
    for item in items:
        if item.span is None:
            continue
        start, end = item.span
        if not 0 <= start <= end <= len(text):
            return False
        if text[start:end].split() != item.evidence.split():
            return False
    return True


def texts_from_sources(digests: Sequence[ArticleDigest]) -> list[ArticleText]:
    """Each digest's text (in the digests' order) read again from its source_path; each file is
    read once, however many digests (records of a JSONL file) came from it."""
    by_file: dict[str, list[int]] = {}
    found: list[ArticleText] = []
    for position, digest in enumerate(digests):
        file, why_not = _source_file(digest.source_path)
        found.append(ArticleText(None, why_not))
        if file is not None:
            by_file.setdefault(file, []).append(position)
    for file, positions in by_file.items():
        articles = _articles_in(file)
        for position in positions:
            found[position] = _match(digests[position], articles)
    return found


def _source_file(source_path: str | None) -> tuple[str | None, str]:
    """The file a source_path names ('news/a.txt', or 'news/b.jsonl#3' for a record), or None
    and why there is none to read."""
    if not source_path or source_path.startswith(STDIN_SOURCE):
        return None, "it was read from standard input or given as text, not from a file"
    if os.path.isfile(source_path):
        return source_path, ""
    file, hash_sign, _record = source_path.rpartition("#")
    if hash_sign and os.path.isfile(file):
        return file, ""
    return None, f"its source {source_path} no longer exists"


def _articles_in(file: str) -> list[Article]:
    try:
        read: Iterable[Article | InputFailure] = list(read_articles([file]))
    except (OSError, SummarizerError):  # read_articles reports most failures as items
        return []
    return [item for item in read if isinstance(item, Article)]


def _match(digest: ArticleDigest, articles: Sequence[Article]) -> ArticleText:
    """The text among articles (those of its source file) the digest was made from."""
    same_source = [a for a in articles if a.source_path == digest.source_path]
    if not same_source:
        return ArticleText(None, f"its source {digest.source_path} can no longer be read")
    return text_of(digest, same_source[0].text)
