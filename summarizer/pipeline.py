"""Drive articles through clean -> chunk -> engine -> merge, many at once, order preserved.

Chunks of many articles are in flight together under one concurrency bound (no batch barriers);
one failing article becomes a failed digest and never stops the batch. Progress is reported
through a callback; nothing here prints. A cache that fails (corrupt, disk full) is a warning on
the "summarizer" logger, and the run goes on without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import itertools
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from summarizer import chunking, clean, sentences
from summarizer.budget import Budget
from summarizer.cache import (
    CachedChunk,
    ChunkCache,
    ChunkLayout,
    IndexedArticle,
    canonical_json,
    chunk_keyer,
)
from summarizer.chunking import chunk_article
from summarizer.clean import clean_article
from summarizer.code_version import source_version
from summarizer.engines import ChunkResult, Engine, make_engine
from summarizer.errors import (
    CacheError,
    CacheUnusableError,
    ConfigError,
    EngineError,
    InputError,
    SummarizerError,
)
from summarizer.ingest import InputFailure, article_from_record, article_from_text, content_id
from summarizer.merge import DigestInfo, failed_digest, merge_article
from summarizer.models import Article, ArticleDigest, Chunk, ChunkSummary, EngineName, Usage
from summarizer.pricing import Prices, prices_for
from summarizer.redaction import without_userinfo
from summarizer.settings import Settings, default_cache_dir

T = TypeVar("T")

logger = logging.getLogger("summarizer")

OnDigest = Callable[[int, ArticleDigest], None]
"""Called with (input position, digest) as each article finishes, in completion order."""

ArticleInput = str | Article | Mapping[str, Any]
"""What every entry point takes as an article: its text, an Article, or a mapping read as a
JSON record is (`text`, or `content`/`body`, and optional `id`, `title`, `published`,
`publisher`)."""

# Articles read ahead of the ones being summarized: enough to keep every slot busy, bounded so a
# 10,000-article batch is never all in memory at once.
_ARTICLES_IN_FLIGHT_PER_SLOT = 4

# Names the code that decides where an article's chunks are (see ChunkLayout).
LAYOUT_VERSION = source_version("l", clean, chunking, sentences)


@dataclass(frozen=True)
class _ChunkOutcome:
    result: ChunkResult | None
    error: str | None
    seconds: float = 0.0
    cache_hit: bool = False
    spent: ChunkResult | None = None  # what a failed chunk's requests cost


@dataclass
class RunCounts:
    """What the cache saved and the engine did during one Summarizer's life (for the caller:
    `cache stats` repeats what the last `run` or `regenerate` printed, not these)."""

    cache_hits: int = 0
    cache_misses: int = 0
    engine_calls: int = 0


class Summarizer:
    """Summarizes articles with one engine and one set of settings; reuse it across calls.

    >>> async with Summarizer(Settings()) as s:
    ...     digest = await s.summarize_article("BABA-W surged over 18% today.")

    Every method takes what the module's functions take: text, an Article or a mapping with
    `text` (ArticleInput).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engine: Engine | None = None,
        cache: ChunkCache | None = None,
        indexed: Mapping[str, IndexedArticle] | None = None,
        answered: Mapping[str, ChunkResult | str] | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env(os.environ)
        self.engine = engine or make_engine(self.settings)
        self._owns_cache = cache is None
        self.cache = cache if cache is not None else open_cache(self.settings)
        self.counts = RunCounts()
        self._indexed = dict(indexed or {})  # index entries the caller read already, by id
        # chunk keys a batch answered (their results, usage included), or why it did not
        self._answered = dict(answered or {})
        self._slots = asyncio.Semaphore(self.settings.concurrency)
        self._chunker = {"chunk_tokens": self.settings.chunk_tokens}
        self._key_of = chunk_keyer(self.engine.identity(), self._chunker)
        # chunk keys being computed now: the same chunk in another article waits for that
        # result (through the cache) instead of asking the model for it a second time
        self._computing: dict[str, asyncio.Event] = {}
        self._computed: set[str] = set()  # chunk keys computed by this run: fresh even on refresh
        # the clock of --deadline starts with the run, not with the first request
        deadline_s = self.settings.deadline_s
        self._deadline = time.monotonic() + deadline_s if deadline_s is not None else None
        self.budget = _budget(self.settings, self.engine.name)

    async def __aenter__(self) -> Summarizer:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.engine.aclose()
        if self.cache is not None and self._owns_cache:
            try:
                self.cache.close()
            except CacheUnusableError as exc:
                self._drop_cache(exc)

    def _drop_cache(self, exc: CacheUnusableError) -> None:
        """Go on as if without a cache: every result this run makes is still good, and a
        failing database must not fail the articles (it would fail every one after it)."""
        cache, self.cache = self.cache, None
        if cache is None:
            return
        warn_without_cache(exc)
        if self._owns_cache:
            # its pending writes were dropped with the failure, so closing writes nothing;
            # a second failure would only repeat the warning
            with contextlib.suppress(CacheError):
                cache.close()

    async def summarize_article(self, article: ArticleInput) -> ArticleDigest:
        """The digest of one article; engine failures become a failed or partial digest.

        Raises TypeError for anything but an ArticleInput, and InputError for a mapping
        without usable text."""
        return await self._summarize_article(as_article(article))

    async def _summarize_article(self, article: Article) -> ArticleDigest:
        indexed = self._index_entry(article)
        layout = self._layout(article, indexed)
        chunks = [
            Chunk(index=i, start=start, end=end, text=article.text[start:end])
            for i, (start, end) in enumerate(layout.spans)
        ]
        keys = [self._key_of(c.text) for c in chunks]
        outcomes = await asyncio.gather(
            *(self._summarize_chunk(c, k, article) for c, k in zip(chunks, keys, strict=True))
        )
        self._index(article, keys, layout, indexed)
        info = DigestInfo(
            engine=self.engine.name,
            model=self.engine.model,
            prompt_version=self.engine.prompt_version,
            usage=_usage(outcomes, self.settings, timed=self.engine.name == "llm"),
            chunks=len(chunks),
            boilerplate_chars=layout.removed_chars,
            chunk_errors=tuple(
                f"chunk {c.index} failed: {o.error}"
                for c, o in zip(chunks, outcomes, strict=True)
                if o.error
            ),
            warnings=tuple(w for o in outcomes if o.result for w in o.result.warnings),
        )
        summaries = [o.result.summary for o in outcomes if o.result is not None]
        return self._without_secrets(merge_article(article, summaries, info))

    def index_article(self, article: Article) -> list[str]:
        """Lay the article out and index it in the cache as summarizing it does, but summarize
        nothing: the chunk keys summarizing it would look up. What a rebuild on other machines
        needs of this cache (distributed.py)."""
        indexed = self._index_entry(article)
        layout = self._layout(article, indexed)
        keys = [self._key_of(article.text[start:end]) for start, end in layout.spans]
        self._index(article, keys, layout, indexed)
        return keys

    def _index_entry(self, article: Article) -> IndexedArticle | None:
        """The cache's index entry of the article (as the caller read it, if it did)."""
        indexed = self._indexed.pop(article.id, None)
        if indexed is None and self.cache is not None:
            try:
                indexed = self.cache.article(article.id)
            except CacheUnusableError as exc:
                self._drop_cache(exc)
        return indexed

    def _index(
        self, article: Article, keys: list[str], layout: ChunkLayout, known: IndexedArticle | None
    ) -> None:
        if self.cache is None:
            return
        settings = run_settings(self.settings, self.engine.name)
        try:
            self.cache.put_article(article, keys, settings, layout, known=known)
        except CacheUnusableError as exc:
            self._drop_cache(exc)

    def _layout(self, article: Article, indexed: IndexedArticle | None) -> ChunkLayout:
        """Where the article's chunks are: from the cache's index when the same text was laid
        out by the same code and budget (cleaning was a fifth of a cached re-run), else anew."""
        version = f"{LAYOUT_VERSION}/{self.settings.chunk_tokens}"
        if (
            indexed is not None
            and indexed.layout is not None
            and indexed.layout.version == version
            and indexed.article.text == article.text
            and _spans_fit(indexed.layout.spans, len(article.text))
        ):
            return indexed.layout
        cleaned = clean_article(article.text)
        chunks = chunk_article(article.text, cleaned.kept, max_tokens=self.settings.chunk_tokens)
        spans = tuple((c.start, c.end) for c in chunks)
        return ChunkLayout(version, spans, cleaned.removed_chars)

    async def _summarize_chunk(self, chunk: Chunk, key: str, article: Article) -> _ChunkOutcome:
        answered = self._answered.pop(key, None)  # once: another article's copy is a hit
        if isinstance(answered, str):
            return _ChunkOutcome(None, answered)
        if answered is not None:
            return _ChunkOutcome(_placed(answered, chunk), None)
        computing = self._computing.get(key)
        if computing is not None:
            await computing.wait()  # then the result is in the cache, unless computing it failed
        cached = self._cached(key, chunk)
        if cached is not None:
            return cached
        if self.settings.cache_only:
            self.counts.cache_misses += 1
            return _ChunkOutcome(None, "not in the cache (cache-only: the model was not asked)")
        if self.cache is None or computing is not None:
            # after a failure each waiting article tries for itself, as it would have alone
            return await self._compute(chunk, key, article)
        computing = self._computing[key] = asyncio.Event()
        try:
            return await self._compute(chunk, key, article)
        finally:
            del self._computing[key]
            computing.set()

    async def _compute(self, chunk: Chunk, key: str, article: Article) -> _ChunkOutcome:
        async with self._slots:
            left = None if self._deadline is None else self._deadline - time.monotonic()
            if left is not None and left <= 0:
                return _ChunkOutcome(None, f"not sent: {self._past_deadline()}")
            budget = self.budget
            reserved = budget.reserve(chunk.text) if budget is not None else 0.0
            if budget is not None and reserved is None:
                return _ChunkOutcome(None, budget.refusal())
            spent: ChunkResult | None = None
            started = time.perf_counter()
            try:
                result = spent = await _within(self.engine.summarize_chunk(chunk, article),
                                               left, self._past_deadline)  # fmt: skip
            except SummarizerError as exc:
                spent = _spent_by(exc)
                return _ChunkOutcome(None, str(exc), time.perf_counter() - started, spent=spent)
            finally:
                self.counts.engine_calls += 1
                if budget is not None:
                    tokens = (spent.prompt_tokens, spent.completion_tokens) if spent else (0, 0)
                    budget.settle(reserved or 0.0, chunk.text, *tokens)
            seconds = time.perf_counter() - started
        if self.cache is not None:
            stored = CachedChunk(result.summary, result.warnings)
            try:
                self.cache.put_chunk(key, stored, chunk.start, commit_now=result.llm_calls > 0)
            except CacheUnusableError as exc:  # the result is good; only keeping it failed
                self._drop_cache(exc)
            self._computed.add(key)
        return _ChunkOutcome(result, None, seconds)

    def _past_deadline(self) -> str:
        return f"deadline: the run's {self.settings.deadline_s:g} s (--deadline) had passed"

    def _cached(self, key: str, chunk: Chunk) -> _ChunkOutcome | None:
        if self.cache is None or (self.settings.refresh and key not in self._computed):
            return None
        try:
            cached = self.cache.get_chunk(key, chunk.start)
        except CacheUnusableError as exc:
            self._drop_cache(exc)
            return None  # computed as without a cache
        except CacheError as exc:  # this entry was refused (tampering): the chunk fails
            self.counts.cache_misses += 1
            return _ChunkOutcome(None, str(exc))
        if cached is None:
            self.counts.cache_misses += 1
            return None
        self.counts.cache_hits += 1
        result = ChunkResult(cached.summary, warnings=cached.warnings)
        return _ChunkOutcome(result, None, 0.0, True)

    async def summarize_stream(
        self, items: Iterable[ArticleInput | InputFailure]
    ) -> AsyncIterator[tuple[int, ArticleDigest]]:
        """Yield (input position, digest) as articles finish; every input yields exactly once
        (a mapping without usable text as a failed digest). Raises TypeError, when it reaches
        it, for an item that is no ArticleInput, and abandons the articles still in flight."""
        window = self.settings.concurrency * _ARTICLES_IN_FLIGHT_PER_SLOT
        pending: set[asyncio.Task[tuple[int, ArticleDigest]]] = set()
        try:
            for position, item in enumerate(items):
                article = _batch_item(item, position)
                pending.add(asyncio.create_task(self._digest_of(position, article)))
                if len(pending) >= window:
                    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    for task in done:
                        yield task.result()
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    yield task.result()
        finally:  # a bad item, or a caller who stopped reading: nothing left running unawaited
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def summarize_many(
        self, items: Iterable[ArticleInput | InputFailure], on_digest: OnDigest | None = None
    ) -> list[ArticleDigest]:
        """Digests of every input, in input order (see summarize_stream)."""
        results: dict[int, ArticleDigest] = {}
        async for position, digest in self.summarize_stream(items):
            results[position] = digest
            if on_digest is not None:
                on_digest(position, digest)
        return [results[i] for i in sorted(results)]

    async def _digest_of(
        self, position: int, item: Article | InputFailure
    ) -> tuple[int, ArticleDigest]:
        if isinstance(item, InputFailure):
            return position, self._input_failure_digest(item)
        try:
            return position, await self._summarize_article(item)
        except Exception as exc:  # one broken article must not stop the batch; it is reported
            error = f"internal error: {type(exc).__name__}: {exc}"
            failed = failed_digest(item, error, DigestInfo(engine=self.engine.name))
            return position, self._without_secrets(failed)

    def _without_secrets(self, digest: ArticleDigest) -> ArticleDigest:
        """The digest with credentials masked in its error and warnings: error texts quote
        URLs and response bodies, which may carry the key or the base URL's password."""
        redact = self.settings.redact
        error = redact(digest.error) if digest.error else digest.error
        warnings = [redact(w) for w in digest.warnings]
        if error == digest.error and warnings == digest.warnings:
            return digest
        return digest.model_copy(update={"error": error, "warnings": warnings})

    def _input_failure_digest(self, failure: InputFailure) -> ArticleDigest:
        return input_failure_digest(failure, self.engine.name, self.engine.model)


def as_article(item: ArticleInput) -> Article:
    """The Article an entry point was given: text as it is (title, date and publisher read
    from its header), an Article unchanged, a mapping as a JSON record is read.

    Raises TypeError for any other type, InputError for a mapping without usable text."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return article_from_text(item)
    if isinstance(item, Mapping):
        return article_from_record(item)
    raise TypeError(
        "an article is its text (str), an Article or a mapping with 'text', "
        f"not {type(item).__name__}"
    )


def _batch_item(item: ArticleInput | InputFailure, position: int) -> Article | InputFailure:
    """An item of a batch as an Article; a mapping without usable text becomes the failure of
    that input, so the batch goes on (as a bad record in a JSONL file does)."""
    if isinstance(item, InputFailure):
        return item
    try:
        return as_article(item)
    except InputError as exc:
        return InputFailure(f"item {position + 1}", str(exc))


def input_failure_digest(
    failure: InputFailure, engine: EngineName, model: str | None = None
) -> ArticleDigest:
    """The failed digest of an input that never became an article (its id starts 'input-')."""
    source_hash = hashlib.sha256(failure.source.encode()).hexdigest()[:16]
    return ArticleDigest(
        id=f"input-{source_hash}",
        source_path=failure.source,
        engine=engine,
        model=model,
        status="failed",
        error=failure.message,
    )


class _PastDeadline(SummarizerError):
    """The run's deadline passed while a chunk was being answered."""


async def _within(
    asking: Coroutine[Any, Any, T], seconds: float | None, late: Callable[[], str]
) -> T:
    """Await asking; after seconds (when given) cancel it, abandoning its request, and raise
    _PastDeadline with late()."""
    if seconds is None:
        return await asking
    task = asyncio.ensure_future(asking)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if done:
        return task.result()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    raise _PastDeadline(f"{late()} while this chunk waited for its answer")


def _spans_fit(spans: tuple[tuple[int, int], ...], length: int) -> bool:
    """Stored chunk spans that can be trusted: in order, apart, non-empty, inside the text."""
    ends = [0, *(edge for span in spans for edge in span)]
    return (
        all(a <= b for a, b in itertools.pairwise(ends))
        and ends[-1] <= length
        and all(start < end for start, end in spans)
    )


def _usage(outcomes: list[_ChunkOutcome], settings: Settings, *, timed: bool) -> Usage:
    fresh = [o.result for o in outcomes if o.result is not None and not o.cache_hit]
    fresh += [o.spent for o in outcomes if o.spent is not None]
    prompt = sum(r.prompt_tokens for r in fresh)
    completion = sum(r.completion_tokens for r in fresh)
    # the rules engine's digests carry no cost at all (and stay byte-identical)
    prices = prices_for(settings) if timed else None
    return Usage(
        llm_calls=sum(r.llm_calls for r in fresh),
        cache_hits=sum(o.cache_hit for o in outcomes),
        prompt_tokens=prompt,
        completion_tokens=completion,
        reasks=sum(r.reasks for r in fresh),
        # only time spent waiting for a model: the rules engine's digests stay byte-identical
        seconds=round(sum(o.seconds for o in outcomes), 3) if timed else 0.0,
        batched_calls=sum(r.llm_calls for r in fresh if r.batched),
        cost_usd=round(sum(_cost(r, prices) for r in fresh), 6) if prices else None,
    )


def _cost(result: ChunkResult, prices: Prices) -> float:
    return prices.cost(result.prompt_tokens, result.completion_tokens, batched=result.batched)


def _placed(result: ChunkResult, chunk: Chunk) -> ChunkResult:
    """A batch's result (spans in the chunk's coordinates) with spans in the article's."""

    def shifted(item: Any) -> dict[str, Any]:
        span = item.span
        placed = (span[0] + chunk.start, span[1] + chunk.start) if span else None
        return {**item.model_dump(), "span": placed}

    summary = result.summary
    moved = ChunkSummary.model_validate({key: [shifted(i) for i in getattr(summary, key)]
                                         for key in ("moves", "catalysts", "risks")})  # fmt: skip
    return dataclasses.replace(result, summary=moved)


def _budget(settings: Settings, engine: EngineName) -> Budget | None:
    """The run's budget, when --budget is given to the llm engine."""
    if settings.budget_usd is None or engine != "llm":
        return None
    prices = prices_for(settings)
    if prices is None:
        raise ConfigError(
            f"--budget needs the prices of {settings.model}: give --price-in and --price-out"
        )
    return Budget(settings.budget_usd, prices)


def _spent_by(exc: SummarizerError) -> ChunkResult | None:
    if not isinstance(exc, EngineError) or not exc.llm_calls:
        return None
    return ChunkResult(ChunkSummary(), llm_calls=exc.llm_calls, prompt_tokens=exc.prompt_tokens,
                       completion_tokens=exc.completion_tokens, reasks=exc.reasks)  # fmt: skip


def run_settings(settings: Settings, engine: str) -> dict[str, Any]:
    """The settings that shaped an article's chunk results, stored in the cache's article index.

    Never the API key; the base URL without any user:password part.
    """
    base_url = without_userinfo(settings.base_url) if settings.base_url else None
    fields = ("model", "mode", "temperature", "max_tokens", "chunk_tokens", "max_retries")
    prompt_dir = str(settings.prompt_dir) if settings.prompt_dir else None
    return {"engine": engine, "base_url": base_url, "prompt_dir": prompt_dir} | {
        f: getattr(settings, f) for f in fields
    }


def open_cache(settings: Settings) -> ChunkCache | None:
    """The settings' cache; None when it is off, or cannot be used (with a warning why)."""
    if not settings.use_cache:
        return None
    try:
        return ChunkCache(settings.cache_dir or default_cache_dir())
    except CacheError as exc:
        warn_without_cache(exc)
        return None


def warn_without_cache(exc: CacheError) -> None:
    """Say once that the cache failed and the run goes on without it."""
    logger.warning("%s; %s (as with --no-cache)", exc, WITHOUT_CACHE)


WITHOUT_CACHE = "going on without the cache"  # how the warning that the cache failed goes on


def summarize(text: ArticleInput, settings: Settings | None = None) -> ArticleDigest:
    """Summarize one article (its text, an Article or a mapping with `text`) into an
    ArticleDigest.

    >>> from summarizer import summarize
    >>> digest = summarize("BABA-W surged over 18% today after its earnings beat.")
    >>> digest.moves[0].change_pct
    18.0
    """
    return run_sync(_summarize_one(as_article(text), settings))


async def _summarize_one(article: Article, settings: Settings | None) -> ArticleDigest:
    async with Summarizer(settings) as summarizer:
        return await summarizer.summarize_article(article)


async def asummarize(text: ArticleInput, settings: Settings | None = None) -> ArticleDigest:
    """The async variant of `summarize`."""
    return await _summarize_one(as_article(text), settings)


def summarize_many(
    items: Iterable[ArticleInput | InputFailure],
    settings: Settings | None = None,
    *,
    on_digest: OnDigest | None = None,
) -> list[ArticleDigest]:
    """Summarize many articles (texts, Articles, mappings with `text`) concurrently; digests come
    back in input order, a mapping without usable text as a failed digest."""
    return run_sync(_summarize_all(items, settings, on_digest))


async def _summarize_all(
    items: Iterable[ArticleInput | InputFailure],
    settings: Settings | None,
    on_digest: OnDigest | None,
) -> list[ArticleDigest]:
    async with Summarizer(settings) as summarizer:
        return await summarizer.summarize_many(items, on_digest)


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion, also from inside a running event loop (e.g. Jupyter)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = asyncio.run(coroutine)
        except BaseException as exc:  # handed back to the caller's thread below
            box["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Rebuild:
    """A cached article to rebuild, and what to rebuild it as.

    text_id: the content_id its text must have, when the caller knows which text it means (an
    output folder's record of it); None takes the text the index holds under the id.
    metadata: source_path, title, published and publisher for the digest instead of the
    index's. run_settings: the settings to rebuild it with instead of the index's.
    """

    id: str
    text_id: str | None = None
    metadata: Mapping[str, str | None] | None = None
    run_settings: Mapping[str, Any] | None = None


async def rebuild_digests(
    cache: ChunkCache,
    settings: Settings,
    wanted: Sequence[Rebuild],
    *,
    fill: bool = False,
    on_digest: OnDigest | None = None,
) -> list[ArticleDigest]:
    """Rebuild digests of cached articles with the current code; the model is asked only if fill.

    One digest per wanted, in its order (on_digest gets its position). Each article is rebuilt
    with the settings it was summarized with (engine, model, mode...). A chunk whose key changed
    (prompt, schema, model or text changed) is a miss: without `fill` it shows in the digest as
    a failed chunk. An article the index no longer holds (or holds with another text) gets a
    failed digest saying so.
    """
    made: dict[int, ArticleDigest] = {}

    def done(position: int, digest: ArticleDigest) -> None:
        made[position] = digest
        if on_digest is not None:
            on_digest(position, digest)

    plan = _RebuildGroups.of(cache, settings, wanted, fill=fill)
    for position, digest in plan.not_rebuilt.items():
        done(position, digest)
    for run, members in plan.groups:
        positions = [position for position, _article in members]

        def at_position(
            index: int, digest: ArticleDigest, positions: list[int] = positions
        ) -> None:
            done(positions[index], digest)

        async with Summarizer(run, cache=cache, indexed=plan.known) as summarizer:
            await summarizer.summarize_many([a for _position, a in members], at_position)
    return [made[position] for position in range(len(wanted))]


async def rebuild_lookups(
    cache: ChunkCache, settings: Settings, wanted: Sequence[Rebuild]
) -> list[list[str]]:
    """What rebuild_digests(cache, settings, wanted) would read of the cache's chunks, by
    wanted: the chunk keys of its article (none for one it cannot rebuild). The index is brought
    up to date (a new layout) as that rebuild would; nothing is rebuilt. With what the cache
    holds under these keys and the articles' index entries, a copy of the cache elsewhere
    rebuilds the same digests (distributed.py)."""
    keys: list[list[str]] = [[] for _want in wanted]
    plan = _RebuildGroups.of(cache, settings, wanted, fill=False)
    for run, members in plan.groups:
        async with Summarizer(run, cache=cache, indexed=plan.known) as summarizer:
            for position, article in members:
                keys[position] = summarizer.index_article(article)
    return keys


@dataclass(frozen=True)
class _RebuildGroups:
    """The wanted articles by the settings each is rebuilt with, and the failed digests of
    those the cache cannot rebuild, by position."""

    groups: list[tuple[Settings, list[tuple[int, Article]]]]
    not_rebuilt: dict[int, ArticleDigest]
    known: dict[str, IndexedArticle]  # the index entries read, by article id

    @classmethod
    def of(
        cls, cache: ChunkCache, settings: Settings, wanted: Sequence[Rebuild], *, fill: bool
    ) -> _RebuildGroups:
        groups: dict[str, tuple[dict[str, Any], list[tuple[int, Article]]]] = {}
        not_rebuilt: dict[int, ArticleDigest] = {}
        known: dict[str, IndexedArticle] = {}
        for position, want in enumerate(wanted):
            entry = cache.article(want.id)
            if entry is None or (want.text_id and content_id(entry.article.text) != want.text_id):
                not_rebuilt[position] = _not_rebuilt(want, entry, settings)
                continue
            article = entry.article
            if want.metadata is not None:
                article = article.model_copy(update=dict(want.metadata))
            stored = _rebuild_settings(want, entry, fill=fill)
            groups.setdefault(canonical_json(stored), (stored, []))[1].append((position, article))
            known[article.id] = entry
        runs = [
            (settings.with_overrides(**stored, cache_only=not fill, use_cache=True), members)
            for stored, members in groups.values()
        ]
        return cls(runs, not_rebuilt, known)


# What a rebuild that may ask the model takes from the cache's own index, never from what the
# caller says the article was made with: an output folder's record can come from anyone, and
# the model would be sent the text (and the API key) wherever it pointed.
_WHERE_THE_MODEL_IS = ("base_url", "prompt_dir")


def _rebuild_settings(want: Rebuild, entry: IndexedArticle, *, fill: bool) -> dict[str, Any]:
    """The settings an article is rebuilt with: want's if given, else those it was indexed
    with; with fill, the endpoint and prompts always those of the index."""
    if want.run_settings is None:
        return dict(entry.run_settings)
    stored = dict(want.run_settings)
    if fill:
        stored |= {k: entry.run_settings.get(k) for k in _WHERE_THE_MODEL_IS}
    return stored


def _not_rebuilt(want: Rebuild, entry: IndexedArticle | None, settings: Settings) -> ArticleDigest:
    """The failed digest of an article the cache cannot rebuild: gone, or another text now."""
    if entry is None:
        error = "not in the cache (cleared, pruned, or run with --no-cache): run its input again"
        metadata: Mapping[str, str | None] = want.metadata or {}
    else:
        error = ("the cache holds another text under this id now (a later input with the same "
                 "id): run this input again")  # fmt: skip
        article = entry.article
        metadata = want.metadata or {"source_path": article.source_path, "title": article.title,
                                     "published": article.published,
                                     "publisher": article.publisher}  # fmt: skip
    stored = want.run_settings or (entry.run_settings if entry else {})
    engine = stored.get("engine")
    return ArticleDigest(
        id=want.id,
        **{key: metadata.get(key) for key in ("source_path", "title", "published", "publisher")},
        engine=engine if engine in ("rules", "llm") else settings.resolve_engine()[0],
        model=stored.get("model") if engine == "llm" else None,
        status="failed",
        error=error,
    )
