"""The offline deterministic engine: moves, catalysts and risks from wording alone."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from summarizer import grounding, instruments, reading, sentences
from summarizer.code_version import source_version
from summarizer.engines import rules_context, rules_moves
from summarizer.engines.base import ChunkResult
from summarizer.engines.rules_context import extract_chunk_catalysts, extract_risks
from summarizer.engines.rules_moves import extract_moves
from summarizer.errors import EngineError
from summarizer.models import Article, Chunk, ChunkSummary, EngineName
from summarizer.process_watch import exit_with
from summarizer.reading.language import is_english
from summarizer.sentences import split_sentences

# Part of the cache key: any change to a rule is a cache miss.
RULES_VERSION = source_version(
    "r",
    sys.modules[__name__],
    rules_moves,
    rules_context,
    grounding,
    sentences,
    reading,
    instruments,
    instruments.DATA_FILE,
)


_NOT_ENGLISH = (
    "this text does not look like English, which is all the rules engine reads: moves, "
    "catalysts and risks may be missing (the llm engine reads other languages)"
)

# About half a second of work: a run that short is over before worker processes could start.
_CHUNKS_BEFORE_WORKERS = 64


class RulesEngine:
    """Extracts from sentence patterns; no network, same input -> same output.

    The work is pure CPU. With workers > 1, a run long enough to pay for starting processes
    (about 0.4 s each) moves it to that many worker processes once they have started; the
    event loop's own work (reading, caching, merging, writing) keeps this process busy
    meanwhile. Until then, and with workers=1, it runs in this process.
    """

    name: EngineName = "rules"
    model: str | None = None
    prompt_version: str | None = None

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._started: list[Future[None]] = []
        self._chunks_here = 0

    def identity(self) -> dict[str, Any]:
        """What makes this engine's answers what they are."""
        return {"engine": "rules", "rules_version": RULES_VERSION}

    async def summarize_chunk(self, chunk: Chunk, article: Article) -> ChunkResult:
        """Moves, catalysts and risks of the chunk's sentences, spans in article coordinates."""
        warnings = () if is_english(chunk.text) else (_NOT_ENGLISH,)
        pool = self._ready_pool()
        if pool is None:
            self._chunks_here += 1
            return ChunkResult(
                summarize_text(article.text, chunk.start, chunk.end), warnings=warnings
            )
        loop = asyncio.get_running_loop()
        try:
            summary = await loop.run_in_executor(
                pool, summarize_text, article.text, chunk.start, chunk.end
            )
        except BrokenProcessPool as exc:
            raise EngineError(f"a rules worker process died: {exc}") from exc
        return ChunkResult(summary=summary, warnings=warnings)

    def _ready_pool(self) -> ProcessPoolExecutor | None:
        """The worker pool once every worker has started, else None (work in this process)."""
        if self.workers <= 1 or self._chunks_here < _CHUNKS_BEFORE_WORKERS:
            return None
        if self._pool is None:
            # spawn, not fork: the event loop and a progress thread are running here
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=exit_with, initargs=(os.getpid(),)
            )
            self._started = [self._pool.submit(_started) for _ in range(self.workers)]
        return self._pool if all(f.done() for f in self._started) else None

    async def aclose(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def summarize_text(text: str, start: int, end: int) -> ChunkSummary:
    """The ChunkSummary of text[start:end], sentence by sentence."""
    sentences = split_sentences(text, start, end)
    before = (
        split_sentences(text, text.rfind("\n\n", 0, max(start - 2, 0)) + 1, start) if start else []
    )
    return ChunkSummary(
        moves=extract_moves(text, sentences, before),
        catalysts=extract_chunk_catalysts(text, sentences),
        risks=[r for s, e in sentences if (r := extract_risks(text, s, e))],
    )


def _started() -> None:
    """Runs once in each worker: by then the worker has imported this module."""
