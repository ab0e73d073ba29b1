"""A large batch in several processes: each worker takes the next piece of work as it frees up.

Each worker process has its own event loop, engine and cache handle (diskcache is safe across
processes). It takes inputs (a run) or small batches of cached article ids (a regenerate) from a
shared queue as it has room for them, writes each digest's JSON file itself and sends the digest
(or, for the command, its outline and its parts of the batch outputs) back soon after it is made;
the parent reports progress as they arrive and hands them all back in input order. Taking work
as it frees up keeps every worker busy to the end (fixed shards left one idle for up to a
shard's time), and an LLM run keeps its requests in flight throughout.
The CPU-bound parts of a run (extraction, cleaning, validating cached results, grounding,
serialising, creating files) then use every core.

A worker that dies (a segfault, the OOM killer) breaks the pool: the digests already sent back
are kept, and every input without a digest becomes a failed digest naming the cause (among them
what the dead worker made in its last 0.2 s and had not sent yet).

Workers are forked where fork exists, before the caller starts any thread, so they start in
milliseconds with everything imported; elsewhere they are spawned.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import math
import multiprocessing
import os
import queue
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from multiprocessing.context import BaseContext
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from summarizer import render
from summarizer.cache import ChunkCache
from summarizer.engines.base import share_endpoint_down
from summarizer.errors import CacheError
from summarizer.formats import OutputFormat
from summarizer.ingest import InputFailure, LeftOut, read_articles
from summarizer.models import ArticleDigest, EngineName
from summarizer.naming import Names
from summarizer.output_folder import (
    DigestFiles,
    FolderEntry,
    Placed,
    Slot,
    outline_of,
    parts_of,
    slot_with_cached_text,
    slotted,
)
from summarizer.pipeline import (
    Rebuild,
    Summarizer,
    input_failure_digest,
    logger,
    open_cache,
    rebuild_digests,
)
from summarizer.process_watch import exit_with
from summarizer.settings import Settings, default_cache_dir

# Fewer inputs than this per worker are summarized faster in one process than shared out.
MIN_INPUTS_PER_WORKER = 16
# A regenerate hands out cached article ids this many at a time (each batch is read and
# rebuilt together): small enough that no worker is left with much when the others finish.
IDS_PER_BATCH = 16
# How long a worker's last messages may trail its end (they travel on a queue).
_LAST_DIGESTS_S = 10.0
# After a worker died: how long a quiet results queue means every sent digest has arrived.
_QUIET_AFTER_FAILURE_S = 0.5

Made = ArticleDigest | render.DigestOutline
"""What a worker sends back for an article: the digest, or its outline if asked."""

Position = tuple[int, int]
"""(position of the work item, index of the digest within it): input order."""


@dataclass(frozen=True)
class Finished:
    """What the parent hears as each article finishes, for progress and error lines."""

    status: str
    source_path: str | None
    error: str | None


OnFinished = Callable[[Finished], None]


@dataclass(frozen=True)
class _Work:
    """What a worker does with what it takes, and sends besides each digest's JSON file."""

    kind: Literal["inputs", "cached"]  # summarize inputs, or rebuild cached articles
    formats: tuple[OutputFormat, ...]  # the batch outputs whose parts it makes
    outlines: bool  # outlines instead of digests
    started_ns: int = 0  # when the run began, by the parent's clock (output_folder.DigestFiles)
    write_json: bool = False  # write each digest's JSON file (else only note it for the record)
    unit_names: tuple[tuple[int, str], ...] = ()  # inputs: names claimed up front, by unit
    run_settings: tuple[tuple[str, Any], ...] = ()  # inputs: what the folder's record says
    rebuilds: tuple[Rebuild, ...] = ()  # cached: every article to rebuild, in order
    slots: tuple[Slot | None, ...] = ()  # cached: where each goes


# Digests a worker sends back together (one message per digest cost the workers a tenth of a
# cached run in queue handling), and the longest a made digest waits to be sent (progress).
_DIGESTS_PER_MESSAGE = 16
_SEND_EVERY_S = 0.2
Sent = tuple[Position, Made, render.ReportParts, FolderEntry | None]
"""One digest (or outline) as a worker sends it: with its parts of the batch outputs and the
output folder's record of it."""
_unsent: list[Sent] = []

# Set in each worker by _start_worker: where to take work from, send digests to, and whether
# to stop taking work (the parent is shutting down).
_todo: Any = None
_results: Any = None
_stop: Any = None


def worth_sharding(units: Sequence[str], workers: int) -> bool:
    """Whether these inputs should be shared out: enough of them, and none is stdin."""
    return workers > 1 and len(units) >= workers * MIN_INPUTS_PER_WORKER and "-" not in units


class ShardedRun:
    """Start the workers on entering (before the caller starts threads), wait() for the digests.

    units are input paths (work="inputs", a run) or cached article ids (work="cached", a
    regenerate that never asks the model: `rebuilds` says what to rebuild of each, `slots`
    where each goes). With out_dir, the workers place each digest in that output folder
    (output_folder.DigestFiles: its JSON file, when formats has json, and its record).

    >>> with ShardedRun(units, settings, engine="rules", workers=2, out_dir=out) as run:
    ...     digests = run.wait(on_finished)
    """

    def __init__(
        self,
        units: Sequence[str],
        settings: Settings,
        *,
        engine: EngineName,
        workers: int,
        out_dir: Path | None,
        work: Literal["inputs", "cached"] = "inputs",
        formats: Sequence[OutputFormat] = (),
        outlines: bool = False,
        started_ns: int | None = None,
        names: Names | None = None,
        run_settings: dict[str, Any] | None = None,
        rebuilds: Sequence[Rebuild] = (),
        slots: Sequence[Slot | None] = (),
    ) -> None:
        self.units = list(units)
        self._started_ns = time.time_ns() if started_ns is None else started_ns
        self.engine = engine
        if work == "inputs" and settings.use_cache:
            settings = _without_unusable_cache(settings)
        self.settings = settings
        self.workers = workers
        self.work = work
        per_item = 1 if work == "inputs" else IDS_PER_BATCH
        self.items = _batches(self.units, per_item)
        # the run's concurrency bound holds across all workers together
        self._share = settings.with_overrides(
            workers=1, concurrency=math.ceil(settings.concurrency / workers)
        )
        self._out_dir = out_dir
        # the batch-level outputs' parts are made in the workers too (render.report_parts)
        self._formats = tuple(f for f in formats if f != "json")
        self._write_json = "json" in formats
        self._unit_names = tuple((names or Names()).unit_names.items())
        self._run_settings = tuple((run_settings or {}).items())
        self._rebuilds = tuple(rebuilds)
        self._slots = tuple(slots)
        self.parts: list[render.ReportParts] = []  # of each digest wait() returned, in order
        self.entries: list[FolderEntry | None] = []  # the output folder's record of each
        # outlines: workers send each digest's outline, not the digest (render.DigestOutline)
        self._outlines = outlines
        self._context = _context()
        self._todo = self._context.Queue()
        self._results = self._context.Queue()
        self._stop = self._context.Event()
        self._endpoint_down = self._context.Event()  # one breaker for the endpoint, not one each
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[None]] = []
        self._digests: dict[Position, tuple[Made, render.ReportParts, FolderEntry | None]] = {}
        self._counts: list[dict[str, int]] = []  # each finished worker's, its last message
        self._warned: set[str] = set()  # the workers' warnings printed so far

    def __enter__(self) -> ShardedRun:
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(os.getpid(), self._todo, self._results, self._stop, self._endpoint_down),
        )
        work = _Work(self.work, self._formats, self._outlines, self._started_ns, self._write_json,
                     self._unit_names, self._run_settings, self._rebuilds,
                     self._slots)  # fmt: skip
        # A forked worker shares this process's memory until it writes to it, and a garbage
        # collection writes to every object it scans. Frozen objects are left out of the
        # workers' collections (the pattern Python's gc.freeze documents for fork without
        # exec): a tenth fewer page faults in a regenerate.
        gc.freeze()
        try:
            self._futures = [self._pool.submit(_take, self._share, self._out_dir, work)
                             for _ in range(self.workers)]  # fmt: skip
        finally:
            gc.unfreeze()  # forked by now; collections here go on as before
        # queued once the workers exist (a fork pool starts them all at the first submit): the
        # queue's feeder thread starts with the first put and must not be copied into them
        for position, batch in enumerate(self.items):
            self._todo.put((position, batch))
        for _ in range(self.workers):
            self._todo.put(None)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()  # if we leave early, workers take no more work
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        # work left in the queue's buffer if we left early: do not wait to flush it at exit
        self._todo.cancel_join_thread()
        self._todo.close()
        self._results.close()

    def wait(self, on_finished: OnFinished) -> list[Made]:
        """Every digest (or outline) in input order; inputs a dead worker left without one become
        failed digests."""
        # a worker's counts are its last message: once every worker's has arrived, so has
        # every digest (waiting for the futures instead cost up to a poll's 0.1 s at the end)
        while len(self._counts) < self.workers and not all(f.done() for f in self._futures):
            self._relay(on_finished, timeout=0.1)
        failures = [e for f in self._futures if f.done() and (e := f.exception()) is not None]
        if not failures:  # the last counts may still be on their way
            deadline = time.monotonic() + _LAST_DIGESTS_S
            while len(self._counts) < self.workers and time.monotonic() < deadline:
                self._relay(on_finished, timeout=0.1)
        else:  # a broken pool says nothing more: take what arrives until the queue is quiet
            while self._relay(on_finished, timeout=_QUIET_AFTER_FAILURE_S):
                pass
        made: dict[int, list[tuple[Made, render.ReportParts, FolderEntry | None]]] = {}
        for (item, _index), arrived in sorted(self._digests.items(), key=lambda kv: kv[0]):
            made.setdefault(item, []).append(arrived)
        digests: list[Made] = []
        for item, batch in enumerate(self.items):
            done = made.get(item, [])
            if failures and len(done) < (len(batch) if self.work == "cached" else 1):
                done += self._failed(batch[len(done) :], failures[0], on_finished)
            digests += [digest for digest, _parts, _entry in done]
            self.parts += [parts for _digest, parts, _entry in done]
            self.entries += [entry for _digest, _parts, entry in done]
        return digests

    def _failed(
        self, units: list[str], error: BaseException, on_finished: OnFinished
    ) -> list[tuple[Made, render.ReportParts, FolderEntry | None]]:
        reason = f"a worker process failed ({type(error).__name__}: {error})"
        failed = [input_failure_digest(InputFailure(u, reason), self.engine) for u in units]
        for digest in failed:
            on_finished(Finished(digest.status, digest.source_path, digest.error))
        return [(_made(Placed(digest, digest), self._outlines),
                 render.report_parts(digest, self._formats), None)
                for digest in failed]  # fmt: skip

    def _relay(self, on_finished: OnFinished, timeout: float) -> bool:
        """Take every message that has arrived, waiting up to timeout for the first; whether
        any arrived."""
        try:
            message = self._results.get(timeout=timeout)
        except queue.Empty:
            return False
        while True:
            if isinstance(message, dict):  # a worker's counts: it has finished
                self._counts.append(message)
                message = []
            elif isinstance(message, str):  # a worker's warning: each text once, for all
                if message not in self._warned:
                    self._warned.add(message)
                    logger.warning(message)
                message = []
            for position, digest, parts, entry in message:
                self._digests[position] = (digest, parts, entry)
                on_finished(Finished(digest.status, digest.source_path, digest.error))
            try:
                message = self._results.get_nowait()
            except queue.Empty:
                return True


def _without_unusable_cache(settings: Settings) -> Settings:
    """settings, with the cache off if it cannot be opened: checked once here, one warning,
    rather than in every worker."""
    store = open_cache(settings)
    if store is None:
        return settings.with_overrides(use_cache=False)
    store.close()
    return settings


def _batches(units: list[str], size: int) -> list[list[str]]:
    """units in consecutive batches of `size` (the last may be shorter)."""
    return [units[i : i + size] for i in range(0, len(units), size)]


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start_worker(parent_pid: int, todo: Any, results: Any, stop: Any, endpoint_down: Any) -> None:
    global _todo, _results, _stop
    _todo, _results, _stop = todo, results, stop
    share_endpoint_down(endpoint_down)
    # A worker must be able to exit with digests still unsent: the parent stopped reading them
    # (it is leaving early, and their JSON files are written). Otherwise it waits until all
    # of its digests arrived before stopping the workers.
    _results.cancel_join_thread()
    # every worker meets a failing cache: the parent prints each warning once
    library = logging.getLogger(logger.name)
    library.handlers = [_WarningsToParent(logging.WARNING)]
    library.propagate = False
    exit_with(parent_pid)


class _WarningsToParent(logging.Handler):
    """In a worker: the library's warnings, sent to the parent as text."""

    def emit(self, record: logging.LogRecord) -> None:
        _results.put(record.getMessage())


def _taken() -> Iterator[tuple[int, list[str]]]:
    """In a worker: the work items this worker takes, until there are none or the parent stops."""
    while not _stop.is_set() and (item := _todo.get()) is not None:
        yield item


def _send(
    position: Position, digest: ArticleDigest, out_dir: Path | None, work: _Work, slot: Slot | None
) -> None:
    if out_dir is None:
        placed = Placed(digest, digest)
    else:  # kept, when the folder holds a good digest; failed, when its file could not be written
        placed = _files_of(out_dir, work).place(digest, slot, write=work.write_json)
    parts = parts_of(placed, work.formats, slot)
    _unsent.append((position, _made(placed, work.outlines), parts, placed.entry))
    if len(_unsent) >= _DIGESTS_PER_MESSAGE:
        _flush()


_files: dict[Path, DigestFiles] = {}  # in a worker: the run's files, by directory


def _files_of(out_dir: Path, work: _Work) -> DigestFiles:
    files = _files.get(out_dir)
    if files is None or files.started_ns != work.started_ns:
        names = Names(dict(work.unit_names))
        files = _files[out_dir] = DigestFiles(out_dir, work.started_ns, names)
    return files


def _made(placed: Placed, outline: bool) -> Made:
    return outline_of(placed) if outline else placed.digest


def _flush() -> None:
    """Send the digests made since the last message, as one message."""
    if _unsent:
        _results.put(list(_unsent))
        _unsent.clear()


@asynccontextmanager
async def _sending() -> AsyncIterator[None]:
    """Flush made digests every _SEND_EVERY_S while the block runs (an LLM run makes them
    slowly: progress must not wait for 16), and the rest at its end."""

    async def flush_every() -> None:
        while True:
            await asyncio.sleep(_SEND_EVERY_S)
            _flush()

    flusher = asyncio.create_task(flush_every())
    try:
        yield
    finally:
        flusher.cancel()
    _flush()


def _take(settings: Settings, out_dir: Path | None, work: _Work) -> None:
    """In a worker: summarize inputs, or rebuild cached articles (never asking the model), as
    they are taken; then send the counts (for inputs, the cache's) after the last digest: the
    parent knows by them that every digest of this worker arrived."""
    taken = _summarize_taken if work.kind == "inputs" else _regenerate_taken
    _results.put(asyncio.run(taken(settings, out_dir, work)))


async def _summarize_taken(settings: Settings, out_dir: Path | None, work: _Work) -> dict[str, int]:
    store = open_cache(settings)
    positions: list[Position] = []  # of each article, in the order the stream yields them
    slots: dict[int, Slot] = {}  # of each article, by its place in that order
    names = _files_of(out_dir, work).names if out_dir is not None else Names()

    # what the parent's listing of directories left out (a unit is a directory with no file)
    left_out = LeftOut(str(out_dir) if out_dir is not None else None)

    def articles() -> Iterator[tuple[int, Any]]:
        for item, units in _taken():  # one unit an item: the item is the unit's place
            for index, article in enumerate(read_articles(units, left_out=left_out)):
                positions.append((item, index))
                yield item, article

    items = slotted(articles(), names, dict(work.run_settings), slots,
                    keep_text="html" in work.formats)  # fmt: skip
    try:
        async with Summarizer(settings, cache=store) as summarizer, _sending():
            async for streamed, digest in summarizer.summarize_stream(items):
                _send(positions[streamed], digest, out_dir, work, slots.get(streamed))
        return asdict(summarizer.counts)
    finally:
        if store is not None:
            # the Summarizer warned already if the cache failed during the run
            with contextlib.suppress(CacheError):
                store.close()


async def _regenerate_taken(
    settings: Settings, out_dir: Path | None, work: _Work
) -> dict[str, int]:
    store = ChunkCache(settings.cache_dir or default_cache_dir())
    try:
        async with _sending():
            for item, article_ids in _taken():
                first = item * IDS_PER_BATCH  # the batches are consecutive (_batches)
                wanted = work.rebuilds[first : first + len(article_ids)]
                made = await rebuild_digests(store, settings, wanted)
                for index, digest in enumerate(made):
                    slot = work.slots[first + index] if work.slots else None
                    if "html" in work.formats:  # the text report.html shows: the cache's
                        slot = slot_with_cached_text(slot, store, digest.id)
                    _send((item, index), digest, out_dir, work, slot)
        return {}
    finally:
        store.close()
