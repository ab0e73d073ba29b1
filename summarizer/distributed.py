"""Summaries on a Ray cluster: a `ray.data.Dataset` of articles in, one row per digest out.

Beyond one machine's worker processes (sharding.py), the project runs on Ray Data instead of
growing cluster code of its own. Each Ray actor holds one Summarizer (engine, client and cache
opened once, on the node the actor runs on) and its own event loop, and summarizes the batches
Ray hands it as a local run would: the digests are the same bytes as a local run's, apart from
`usage`.

Input rows (columns), as a .json/.jsonl record is read (ingest.article_from_record):
    text          the article text (required; `content` or `body` are read as well)
    id            optional; else the content hash of the text, as a local run names it
    title, published, publisher, source_path   optional, copied into the digest
Any other column is passed through unchanged (a key of the caller's own, for instance).

Output rows, one per input row (in input order when the dataset preserves order):
    id            the digest's id
    source_path   the input's source_path (None when not given)
    status        ok, partial or failed
    digest        the digest's JSON, byte for byte what `summarizer run` writes to <name>.json
    usage         the digest's `usage` as JSON (calls, tokens, cache hits, cost)
    error         why it failed (None unless status is failed)
A row that cannot be summarized (no text, an engine error) is a failed row, never a failed job.

`regenerate --ray` (rebuild_on_cluster) rebuilds cached articles on the cluster from the cache
of the machine it runs on: each article goes with what its rebuild reads of that cache.

Ray is imported only here, and only when summarize_dataset runs: `summarizer --help` and a local
run never pay for it (pip install 'summarizer[ray]' installs it).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import math
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer import render
from summarizer.cache import ChunkCache
from summarizer.errors import CacheUnusableError, ConfigError
from summarizer.ingest import InputFailure, article_from_record
from summarizer.models import Article, ArticleDigest
from summarizer.pipeline import (
    OnDigest,
    Rebuild,
    Summarizer,
    input_failure_digest,
    open_cache,
    rebuild_digests,
    rebuild_lookups,
)
from summarizer.settings import Settings

if TYPE_CHECKING:
    import pyarrow
    import ray.data

OUTPUT_COLUMNS = ("id", "source_path", "status", "digest", "usage", "error")
"""The columns summarize_dataset adds to each row (see the module's docstring)."""

# The columns read as the article; all others are passed through.
ARTICLE_COLUMNS = ("text", "content", "body", "id", "title", "published", "publisher",
                   "source_path", "date", "published_at", "source")  # fmt: skip

# Articles an actor summarizes together: enough to keep its share of the concurrency busy
# (chunks of all of them are in flight at once), few enough that a dead actor's batch, which
# Ray runs again elsewhere, is little work to redo.
DEFAULT_BATCH_SIZE = 32


def summarize_dataset(
    ds: ray.data.Dataset,
    settings: Settings,
    *,
    actors: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> ray.data.Dataset:
    """The digests of ds's articles, one output row per input row (see the module docstring).

    actors: Summarizer actors (1 CPU each); default, one per CPU of the cluster. The settings'
    concurrency is the total the endpoint sees: each actor gets its share, rounded up.
    Lazy, as Ray datasets are: nothing runs until the result is read or written.

    Raises ConfigError when the settings name no usable engine (llm without an endpoint), or
    set a budget (budget_usd), which one process keeps.
    """
    import ray  # only here: see the module docstring

    engine, _why = settings.resolve_engine()
    if actors is None:
        actors = _cpus(ray)
    if actors < 1:
        raise ConfigError(f"actors must be at least 1, not {actors}")
    if settings.budget_usd is not None:  # each actor would keep the whole of it
        raise ConfigError("a budget is kept by one process: run it without Ray")
    # The engine is fixed here, by the driver's settings, so an actor never decides it from its
    # node's environment; the concurrency bound holds across the actors together.
    share = settings.with_overrides(
        engine=engine,
        workers=1,
        concurrency=math.ceil(settings.concurrency / actors),
        # an actor's working directory is its node's, not the caller's: a relative path would
        # name another directory there (the same path is then looked for on every node)
        cache_dir=settings.cache_dir.absolute() if settings.cache_dir else None,
        prompt_dir=settings.prompt_dir.absolute() if settings.prompt_dir else None,
    )
    return ds.map_batches(
        DigestActor,
        fn_constructor_kwargs={"settings": share},
        batch_size=batch_size,
        batch_format="pyarrow",
        # one batch at a time an actor: Ray would otherwise queue several on the actor whose
        # node holds the data (locality) while another actor idles, and the endpoint would see
        # one actor's share of the concurrency, not the total. A batch is seconds of work and
        # a few KB of text a row: nothing is lost by not prefetching the next.
        compute=ray.data.ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=1),
        num_cpus=1,
    )


class DigestActor:
    """One Ray actor: a Summarizer, its event loop and its cache, for every batch it is given."""

    def __init__(self, settings: Settings) -> None:
        self._loop = asyncio.new_event_loop()
        # the cache of this node (settings.cache_dir, or the user cache dir here), opened once
        self._cache = open_cache(settings)
        self._summarizer = Summarizer(settings, cache=self._cache)

    def __call__(self, batch: pyarrow.Table) -> pyarrow.Table:
        rows = batch.to_pylist()
        items = [_article_of(row) for row in rows]
        digests = self._loop.run_until_complete(self._summarizer.summarize_many(items))
        self._commit()
        return _with_digests(batch, digests)

    def _commit(self) -> None:
        """Commit the cache's pending writes (rules results wait for a commit): an actor is not
        told when it ends, and what it made must not be lost with it."""
        cache = self._summarizer.cache
        if cache is None:
            return
        try:
            cache.commit()
        except CacheUnusableError as exc:  # the digests are good; only keeping them failed
            self._summarizer._drop_cache(exc)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # the interpreter may be going away
            self._loop.run_until_complete(self._summarizer.__aexit__(None, None, None))
            if self._cache is not None:
                self._cache.close()
            self._loop.close()


def _article_of(row: Mapping[str, Any]) -> Article | InputFailure:
    """The article of a row, or why the row holds none (a failed row, not a failed batch)."""
    source_path = row.get("source_path")
    source_path = source_path if isinstance(source_path, str) and source_path else None
    record = {k: v for k, v in row.items() if k in ARTICLE_COLUMNS and v is not None}
    try:
        return article_from_record(record, source_path=source_path)
    except Exception as exc:  # InputError, or a column of a type no record would hold
        # named by what the row says of itself: a place in a batch means nothing to the caller
        where = source_path or (f"id {row['id']}" if row.get("id") is not None else "a row")
        return InputFailure(where, str(exc))


def _with_digests(batch: pyarrow.Table, digests: list[ArticleDigest]) -> pyarrow.Table:
    """The output columns of each row's digest, then batch's pass-through columns."""
    import pyarrow as pa

    columns: dict[str, list[str | None]] = {
        "id": [d.id for d in digests],
        "source_path": [d.source_path for d in digests],
        "status": [d.status for d in digests],
        "digest": [render.digest_json(d).decode() for d in digests],
        "usage": [json.dumps(d.usage.model_dump(mode="json"), sort_keys=True) for d in digests],
        "error": [d.error for d in digests],
    }
    # typed, so a batch whose errors are all None has the same schema as any other
    table = pa.table({name: pa.array(columns[name], pa.string()) for name in OUTPUT_COLUMNS})
    for name in batch.column_names:
        if name not in ARTICLE_COLUMNS and name not in OUTPUT_COLUMNS:
            table = table.append_column(batch.schema.field(name), batch.column(name))
    return table


def digest_of_row(row: Mapping[str, Any]) -> ArticleDigest:
    """The ArticleDigest of an output row (its `digest` column)."""
    return ArticleDigest.model_validate_json(row["digest"])


def summarize_on_cluster(
    items: Sequence[Article | InputFailure], settings: Settings, address: str, on_digest: OnDigest
) -> list[ArticleDigest]:
    """The digests of items (read by the caller, as `summarizer run` reads its inputs) made on
    the Ray cluster at address ("auto": the one this machine belongs to), in input order;
    on_digest gets each as it arrives. Ray draws no progress bars: the caller draws its own.
    """
    made: dict[int, ArticleDigest] = {}

    def done(position: int, digest: ArticleDigest) -> None:
        made[position] = digest
        on_digest(position, digest)

    rows = []
    for position, item in enumerate(items):
        if isinstance(item, InputFailure):  # never an article: no need to send it anywhere
            engine, _why = settings.resolve_engine()
            done(position, input_failure_digest(item, engine, settings.model))
        else:
            rows.append({**item.model_dump(), _POSITION: position})
    if rows:
        with _connected(address) as ray:
            digests = summarize_dataset(ray.data.from_items(rows), settings)
            for row in digests.iter_rows():
                done(row[_POSITION], digest_of_row(row))
    return [made[position] for position in range(len(items))]


async def rebuild_on_cluster(
    cache: ChunkCache,
    settings: Settings,
    wanted: Sequence[Rebuild],
    address: str,
    on_digest: OnDigest,
) -> list[ArticleDigest]:
    """What rebuild_digests(cache, settings, wanted) gives (never asking the model), rebuilt on
    the Ray cluster at address, in wanted's order; on_digest gets each as it arrives.

    The cache is this machine's (a regenerate's input): what each article's rebuild reads of it
    (its index entry and chunk results, found by rebuild_lookups, which also brings the index
    up to date as a rebuild here would) is sent with the article, and an actor rebuilds it from
    a cache that holds just that: the same digests, usage included, as rebuilt here.
    """
    lookups = await rebuild_lookups(cache, settings, wanted)
    rows = [
        {
            _POSITION: position,
            "rebuild": json.dumps(dataclasses.asdict(want)),
            "entries": json.dumps(cache.entries_of(want.id, keys)),
        }
        for position, (want, keys) in enumerate(zip(wanted, lookups, strict=True))
    ]
    cache.commit()  # the index brought up to date is kept even if the cluster fails
    made: dict[int, ArticleDigest] = {}
    if rows:
        with _connected(address) as ray:
            actor_arguments = {
                "settings": settings.with_overrides(workers=1),
                "working_directory": str(Path.cwd()),
            }
            rebuilt = ray.data.from_items(rows).map_batches(
                RebuildActor,
                fn_constructor_kwargs=actor_arguments,
                batch_size=DEFAULT_BATCH_SIZE,
                batch_format="pyarrow",
                # one batch at a time an actor, as summarize_dataset's: no actor idles while
                # another holds a queue of batches
                compute=ray.data.ActorPoolStrategy(
                    size=_cpus(ray), max_tasks_in_flight_per_actor=1
                ),
                num_cpus=1,
            )
            for row in rebuilt.iter_rows():
                made[row[_POSITION]] = digest = digest_of_row(row)
                on_digest(row[_POSITION], digest)
    return [made[position] for position in range(len(wanted))]


class RebuildActor:
    """One Ray actor rebuilding the digests of the batches it is given, each from the cache
    entries sent with it (rebuild_on_cluster): never asking the model."""

    def __init__(self, settings: Settings, working_directory: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._settings = settings
        # the regenerate's own directory, where this node has it: a relative --prompt-dir that
        # a run stored (its prompts' hash is in the chunk keys) is read from there, as a local
        # regenerate reads it; elsewhere, from the same path here (paths on every node: README)
        with contextlib.suppress(OSError):
            os.chdir(working_directory)
        # a cache that holds one batch's entries at a time (emptied after each: an actor keeps
        # nothing a later batch could read); opened once, as creating one a batch cost a tenth
        # of a rebuild
        self._directory = tempfile.TemporaryDirectory(prefix="summarizer-rebuild-")
        self._cache = ChunkCache(Path(self._directory.name))

    def __call__(self, batch: pyarrow.Table) -> pyarrow.Table:
        import pyarrow as pa

        rows = batch.to_pylist()
        wanted = [_rebuild_of(row["rebuild"]) for row in rows]
        try:
            self._cache.copy_in(
                {k: v for row in rows for k, v in json.loads(row["entries"]).items()}
            )
            made = self._loop.run_until_complete(
                rebuild_digests(self._cache, self._settings, wanted)
            )
        finally:
            self._cache.clear()
        return pa.table(
            {
                _POSITION: pa.array([row[_POSITION] for row in rows], pa.int64()),
                "digest": pa.array([render.digest_json(d).decode() for d in made], pa.string()),
            }
        )

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # the interpreter may be going away
            self._cache.close()
            self._directory.cleanup()
            self._loop.close()


def _rebuild_of(sent: str) -> Rebuild:
    """The Rebuild rebuild_on_cluster sent as JSON."""
    return Rebuild(**json.loads(sent))


def _cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


@contextlib.contextmanager
def _connected(address: str) -> Iterator[Any]:
    """Ray, connected to the cluster at address (unless the caller connected it already) with
    its progress bars and its Data log lines off: the caller's terminal shows one progress bar.
    """
    import ray  # only here: see the module docstring
    import ray.data

    started_here = not ray.is_initialized()
    if started_here:
        # the workers' logs stay on their nodes
        ray.init(address=_host_and_port(address), logging_level=logging.ERROR, log_to_driver=False)
    ray_data_logger = logging.getLogger("ray.data")
    level = ray_data_logger.level
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        # its lines about starting and finishing (and that its bars are off) are not the run's
        ray_data_logger.setLevel(logging.ERROR)
        yield ray
    finally:
        ray_data_logger.setLevel(level)
        if started_here:
            ray.shutdown()


def _host_and_port(address: str) -> str:
    """address, with "auto" resolved to the host:port of the cluster this machine joined.

    Ray 2.60 resolves "auto" itself, but a driver that joined with "auto" saw every Ray Data
    actor die at its creation ("Actor may be already destroyed"), while the same cluster's
    host:port worked (a plain map_batches over an actor pool did the same): so the address is
    resolved here, with Ray's own lookup of the last `ray start` on this machine.
    """
    if address != "auto":
        return address
    from ray._private.services import canonicalize_bootstrap_address_or_die

    return str(canonicalize_bootstrap_address_or_die("auto"))


# The column that carries each article's input position through the cluster and back.
_POSITION = "summarizer_position"


__all__ = [
    "OUTPUT_COLUMNS",
    "DigestActor",
    "RebuildActor",
    "digest_of_row",
    "rebuild_on_cluster",
    "summarize_dataset",
    "summarize_on_cluster",
]
