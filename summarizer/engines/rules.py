"""The offline deterministic engine: moves, catalysts and risks from wording alone."""

from __future__ import annotations

import sys
from typing import Any

from summarizer import chunking, grounding
from summarizer.chunking import split_sentences
from summarizer.code_version import source_version
from summarizer.engines import rules_context, rules_moves
from summarizer.engines.base import ChunkResult
from summarizer.engines.rules_context import extract_catalysts, extract_risks
from summarizer.engines.rules_moves import extract_moves
from summarizer.models import Article, Chunk, ChunkSummary, EngineName

# Part of the cache key: any change to a rule is a cache miss.
RULES_VERSION = source_version(
    "r", sys.modules[__name__], rules_moves, rules_context, grounding, chunking
)


class RulesEngine:
    """Extracts from sentence patterns; no network, same input -> same output."""

    name: EngineName = "rules"
    model: str | None = None
    prompt_version: str | None = None

    def identity(self) -> dict[str, Any]:
        """What makes this engine's answers what they are."""
        return {"engine": "rules", "rules_version": RULES_VERSION}

    async def summarize_chunk(self, chunk: Chunk, article: Article) -> ChunkResult:
        """Moves, catalysts and risks of the chunk's sentences, spans in article coordinates."""
        return ChunkResult(summary=summarize_text(article.text, chunk.start, chunk.end))

    async def aclose(self) -> None:
        """Nothing to release."""


def summarize_text(text: str, start: int, end: int) -> ChunkSummary:
    """The ChunkSummary of text[start:end], sentence by sentence."""
    sentences = split_sentences(text, start, end)
    return ChunkSummary(
        moves=[m for s, e in sentences for m in extract_moves(text, s, e)],
        catalysts=[c for s, e in sentences if (c := extract_catalysts(text, s, e))],
        risks=[r for s, e in sentences if (r := extract_risks(text, s, e))],
    )
