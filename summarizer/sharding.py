"""A large batch in several processes: the inputs are dealt out in shards, each a complete run.

Each worker process summarizes its shard with its own event loop, engine and cache handle
(diskcache is safe across processes), writes the shard's per-article JSON files itself and
returns the digests; the parent reports progress as workers announce finished articles and
hands back every digest in input order. The CPU-bound parts of a run (extraction, cleaning,
validating cached results, grounding, serialising, creating files) then use every core.

Workers are forked where fork exists, before the caller starts any thread, so they start in
milliseconds with everything imported; elsewhere they are spawned.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import os
import queue
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from multiprocessing.context import BaseContext
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from summarizer import render
from summarizer.cache import ChunkCache
from summarizer.ingest import InputFailure, read_articles
from summarizer.models import ArticleDigest, EngineName
from summarizer.pipeline import (
    OnDigest,
    RunCounts,
    Summarizer,
    input_failure_digest,
    regenerate_digests,
)
from summarizer.process_watch import exit_with
from summarizer.settings import Settings, default_cache_dir

# Fewer inputs than this per worker are summarized faster in one process than shared out.
MIN_INPUTS_PER_WORKER = 16
# Shards per worker when the work is all CPU: later shards go to whichever worker is free first.
# An LLM run gets one shard per worker, so no worker ever waits at a shard's end.
_SHARDS_PER_CPU_WORKER = 4
# How long announcements of finished articles may trail their shard's result.
_LAST_ANNOUNCEMENTS_S = 10.0


@dataclass(frozen=True)
class Finished:
    """What the parent hears as each article finishes, for progress and error lines."""

    status: str
    source_path: str | None
    error: str | None


OnFinished = Callable[[Finished], None]

# Set in each worker by _start_worker: where to announce finished articles.
_announcements: Any = None


def worth_sharding(units: Sequence[str], workers: int) -> bool:
    """Whether these inputs should be shared out: enough of them, and none is stdin."""
    return workers > 1 and len(units) >= workers * MIN_INPUTS_PER_WORKER and "-" not in units


class ShardedRun:
    """Start the workers on entering (before the caller starts threads), wait() for the digests.

    units are input paths (work="inputs", a run) or cached article ids (work="cached", a
    regenerate that never asks the model).

    >>> with ShardedRun(units, settings, engine="rules", workers=2, json_dir=out) as run:
    ...     digests = run.wait(on_finished)
    """

    def __init__(
        self,
        units: Sequence[str],
        settings: Settings,
        *,
        engine: EngineName,
        workers: int,
        json_dir: Path | None,
        work: Literal["inputs", "cached"] = "inputs",
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.workers = workers
        self.work = work
        per_worker = 1 if engine == "llm" and work == "inputs" else _SHARDS_PER_CPU_WORKER
        self.shards = _split(list(units), workers * per_worker)
        # the run's concurrency bound holds across all workers together
        self._share = settings.with_overrides(
            workers=1, concurrency=math.ceil(settings.concurrency / workers)
        )
        self._json_dir = json_dir
        self._context = _context()
        self._announcements = self._context.Queue()
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[tuple[list[ArticleDigest], dict[str, int]]]] = []
        self._relayed = 0

    def __enter__(self) -> ShardedRun:
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(os.getpid(), self._announcements),
        )
        self._futures = [
            self._pool.submit(_run_shard, self.work, shard, self._share, self._json_dir)
            for shard in self.shards
        ]
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._announcements.close()

    def wait(self, on_finished: OnFinished) -> list[ArticleDigest]:
        """Every digest in input order; a shard whose worker died gives failed digests."""
        while not all(f.done() for f in self._futures):
            self._relay(on_finished, timeout=0.1)
        # A shard's result can overtake the last announcements of its articles (they travel on
        # another pipe): wait for them, but not for those of a worker that died.
        announced = sum(len(f.result()[0]) for f in self._futures if f.exception() is None)
        deadline = time.monotonic() + _LAST_ANNOUNCEMENTS_S
        while self._relayed < announced and time.monotonic() < deadline:
            self._relay(on_finished, timeout=0.1)
        digests: list[ArticleDigest] = []
        counts: Counter[str] = Counter()
        for shard, future in zip(self.shards, self._futures, strict=True):
            error = future.exception()
            if error is None:
                made, shard_counts = future.result()
                digests += made
                counts.update(shard_counts)
                continue
            reason = f"a worker process failed ({type(error).__name__}: {error})"
            for unit in shard:
                failed = input_failure_digest(InputFailure(unit, reason), self.engine)
                on_finished(Finished(failed.status, failed.source_path, failed.error))
                digests.append(failed)
        self._record(counts)
        return digests

    def _relay(self, on_finished: OnFinished, timeout: float) -> None:
        """Pass on every announcement that has arrived, waiting up to timeout for the first."""
        try:
            finished = self._announcements.get(timeout=timeout)
            while True:
                self._relayed += 1
                on_finished(Finished(*finished))
                finished = self._announcements.get_nowait()
        except queue.Empty:
            return

    def _record(self, counts: Counter[str]) -> None:
        """The workers' hits and misses together, for `cache stats` (a run's, as one process's)."""
        if not self.settings.use_cache or self.work != "inputs":
            return
        store = ChunkCache(self.settings.cache_dir or default_cache_dir())
        try:
            totals = {field: counts[field] for field in RunCounts.__dataclass_fields__}
            store.record_run(totals | {"engine": self.engine})
        finally:
            store.close()


def _split(units: list[str], parts: int) -> list[list[str]]:
    """units in at most `parts` consecutive, nearly equal shards (consecutive keeps the order)."""
    size = math.ceil(len(units) / max(1, parts)) or 1
    return [units[i : i + size] for i in range(0, len(units), size)]


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start_worker(parent_pid: int, announcements: Any) -> None:
    global _announcements
    _announcements = announcements
    exit_with(parent_pid)


def _run_shard(
    work: Literal["inputs", "cached"], units: list[str], settings: Settings, json_dir: Path | None
) -> tuple[list[ArticleDigest], dict[str, int]]:
    """In a worker: summarize one shard of inputs, or rebuild one of cached articles (never
    asking the model), writing each digest's JSON as it finishes."""
    shard = _summarize_shard if work == "inputs" else _regenerate_shard
    return asyncio.run(shard(units, settings, json_dir))


async def _summarize_shard(
    units: list[str], settings: Settings, json_dir: Path | None
) -> tuple[list[ArticleDigest], dict[str, int]]:
    # the parent records the run's counts once, for all workers together
    store = ChunkCache(settings.cache_dir or default_cache_dir()) if settings.use_cache else None
    try:
        async with Summarizer(settings, cache=store) as summarizer:
            articles = read_articles(units)
            digests = await summarizer.summarize_many(articles, _write_and_announce(json_dir))
            return digests, asdict(summarizer.counts)
    finally:
        if store is not None:
            store.close()


async def _regenerate_shard(
    article_ids: list[str], settings: Settings, json_dir: Path | None
) -> tuple[list[ArticleDigest], dict[str, int]]:
    store = ChunkCache(settings.cache_dir or default_cache_dir())
    try:
        on_digest = _write_and_announce(json_dir)
        return await regenerate_digests(store, settings, article_ids, on_digest=on_digest), {}
    finally:
        store.close()


def _write_and_announce(json_dir: Path | None) -> OnDigest:
    def on_digest(_position: int, digest: ArticleDigest) -> None:
        if json_dir is not None and render.has_own_file(digest):
            render.write_digest(json_dir, digest)
        _announcements.put((digest.status, digest.source_path, digest.error))

    return on_digest
