"""The disk cache: chunk results keyed by everything that changes them, and an article index.

Values are JSON text only, stored as UTF-8 bytes (str entries of earlier versions are read as
well). diskcache unpickles rows by default, which lets anyone who can write
the cache directory run code on read (CVE-2025-69872), so the Disk below refuses to store or load
anything else. Nothing is evicted silently: the size limit is off and `prune` is explicit.
A cached value that no longer validates against the current models is a miss, recomputed and
overwritten.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diskcache
from diskcache.core import MODE_PICKLE, UNKNOWN
from pydantic import ValidationError
from pydantic_core import from_json, to_json

from summarizer.errors import CacheError
from summarizer.models import Article, ChunkSummary, Span

# Bump when the layout of keys or stored values changes: old entries become misses, never mixes.
# 2: spans stored relative to the chunk (1 stored article offsets, wrong for the same chunk text
# at another offset in another article)
CACHE_FORMAT_VERSION = "2"

_CHUNK_PREFIX = "chunk:"
_ARTICLE_PREFIX = "article:"
_LAST_RUN = "meta:last_run"

# Writes that are free to redo (a rules result, an index entry) wait to be committed together:
# one SQLite transaction per write was a fifth of a rules run on this disk. A result that cost
# model calls is committed at once, so a crash never makes the model be paid twice for it.
_WRITES_PER_COMMIT = 64


class _NoPickleDisk(diskcache.Disk):  # type: ignore[misc]
    """A diskcache Disk that stores and returns str/bytes only and never unpickles."""

    def store(self, value: Any, read: bool, key: Any = UNKNOWN) -> Any:
        if not read and not isinstance(value, (str, bytes)):
            raise CacheError(f"cache values must be JSON text, got {type(value).__name__}")
        return super().store(value, read, key=key)

    def fetch(self, mode: int, filename: str, value: Any, read: bool) -> Any:
        if mode == MODE_PICKLE:
            raise CacheError("refused a pickled cache entry (possible tampering)")
        return super().fetch(mode, filename, value, read)


def canonical_json(value: Any) -> str:
    """One JSON form for hashing: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chunk_key(engine_identity: Mapping[str, Any], chunker: Mapping[str, Any], text: str) -> str:
    """The cache key of one chunk: the hash of the canonical JSON of a record of the format
    version, engine identity, chunker settings and the chunk text's hash."""
    return chunk_keyer(engine_identity, chunker)(text)


def chunk_keyer(
    engine_identity: Mapping[str, Any], chunker: Mapping[str, Any]
) -> Callable[[str], str]:
    """chunk_key for one engine and chunker, whose part of the record is serialised once (it was
    a twentieth of a regenerate, serialised again for every chunk)."""
    # canonical_json of {"v", "engine", "chunker", "chunk"}: sorted keys put "chunk" first
    rest = (
        f',"chunker":{canonical_json(dict(chunker))}'
        f',"engine":{canonical_json(dict(engine_identity))}'
        f',"v":{canonical_json(CACHE_FORMAT_VERSION)}}}'
    )

    def key_of(text: str) -> str:
        chunk = hashlib.sha256(text.encode()).hexdigest()
        return "k1-" + hashlib.sha256(f'{{"chunk":"{chunk}"{rest}'.encode()).hexdigest()

    return key_of


@dataclass(frozen=True)
class CachedChunk:
    """A chunk result: the summary (spans in article coordinates) and its warnings."""

    summary: ChunkSummary
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChunkLayout:
    """Where cleaning and chunking put an article's chunks.

    A pure function of the text, the cleaning and chunking code and the token budget, all three
    named by `version`; a cached re-run reuses it instead of cleaning the article again.
    """

    version: str
    spans: tuple[Span, ...]
    removed_chars: int


@dataclass(frozen=True)
class IndexedArticle:
    """What `regenerate` needs to rebuild an article's digest without the model."""

    article: Article
    chunk_keys: tuple[str, ...]
    run_settings: dict[str, Any]
    stored_at: float
    layout: ChunkLayout | None = None


@dataclass(frozen=True)
class CacheStats:
    entries: int
    chunks: int
    articles: int
    size_bytes: int
    directory: Path
    last_run: dict[str, Any] | None


class ChunkCache:
    """Chunk results and the article index in one diskcache directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._pending: dict[str, str | bytes] = {}  # key -> JSON, written at the next commit
        try:
            self._db = diskcache.Cache(
                str(directory), disk=_NoPickleDisk, eviction_policy="none", size_limit=2**62
            )
        except OSError as exc:
            raise CacheError(f"cannot use cache directory {directory}: {exc}") from exc

    def close(self) -> None:
        """Commit what is pending and close the database handle."""
        self.commit()
        self._db.close()

    def commit(self) -> None:
        """Write every pending entry, in one transaction."""
        if not self._pending:
            return
        # retry: another process sharing the directory may hold the write lock for a moment
        with self._db.transact(retry=True):
            for key, value in self._pending.items():
                self._db.set(key, value, retry=True)
        self._pending.clear()

    def _write(self, key: str, value: str | bytes, *, commit_now: bool) -> None:
        self._pending[key] = value
        if commit_now or len(self._pending) >= _WRITES_PER_COMMIT:
            self.commit()

    def _read(self, key: str) -> str | bytes | None:
        pending = self._pending.get(key)
        return pending if pending is not None else self._db.get(key)

    def get_chunk(self, key: str, chunk_start: int = 0) -> CachedChunk | None:
        """The stored result for key with spans in article coordinates (the chunk starting at
        chunk_start), or None when absent or no longer valid for the models."""
        raw = self._read(_CHUNK_PREFIX + key)
        if raw is None:
            return None
        try:
            # pydantic's JSON parser, not json.loads: parsing and validating take half as long
            value = from_json(raw)
            summary = ChunkSummary.model_validate(_shift_spans(value["summary"], chunk_start))
        except (ValueError, KeyError, TypeError, ValidationError):
            return None  # stale layout: a miss, recomputed and overwritten by the caller
        return CachedChunk(summary=summary, warnings=tuple(value.get("warnings", ())))

    def put_chunk(
        self, key: str, result: CachedChunk, chunk_start: int = 0, *, commit_now: bool = True
    ) -> None:
        """Store one chunk result (JSON text), its spans made relative to chunk_start: the same
        chunk text recurs at other offsets in other articles. commit_now=False lets a result
        that is cheap to recompute wait for the next commit (a crash may lose it)."""
        value = {
            "summary": _shift_spans(result.summary.model_dump(mode="json"), -chunk_start),
            "warnings": list(result.warnings),
            "stored_at": time.time(),
        }
        self._write(_CHUNK_PREFIX + key, _stored_json(value), commit_now=commit_now)

    def has_chunk(self, key: str) -> bool:
        """Whether a result is stored for key (without validating it)."""
        return _CHUNK_PREFIX + key in self._pending or (_CHUNK_PREFIX + key) in self._db

    def put_article(
        self,
        article: Article,
        chunk_keys: list[str],
        run_settings: Mapping[str, Any],
        layout: ChunkLayout | None = None,
        *,
        known: IndexedArticle | None = None,
    ) -> None:
        """Index an article: its text, metadata, chunk keys and layout, and the settings that
        made them. `known` is the entry as read earlier in this run, if it was.

        An entry that would not change is left as it is (with its first stored_at): a cached
        re-run or a regenerate then reads the index without rewriting it (a tenth of its time).
        A new entry waits for the next commit: it is rebuilt from the chunks if a crash loses it.
        """
        stored = known or self.article(article.id)
        if (
            stored is not None
            and stored.article == article
            and stored.chunk_keys == tuple(chunk_keys)
            and stored.run_settings == dict(run_settings)
            and stored.layout == layout
        ):
            return
        value: dict[str, Any] = {
            "article": article.model_dump(mode="json"),
            "chunk_keys": chunk_keys,
            "run_settings": dict(run_settings),
            "stored_at": time.time(),
        }
        if layout is not None:
            value["layout"] = {
                "version": layout.version,
                "spans": [list(span) for span in layout.spans],
                "removed_chars": layout.removed_chars,
            }
        self._write(_ARTICLE_PREFIX + article.id, _stored_json(value), commit_now=False)

    def articles(self) -> Iterator[IndexedArticle]:
        """Every indexed article, in id order."""
        for article_id in self.article_ids():
            indexed = self._indexed(_ARTICLE_PREFIX + article_id)
            if indexed is not None:
                yield indexed

    def article_ids(self) -> list[str]:
        """The ids of every indexed article, sorted, without reading the entries."""
        self.commit()
        keys = (str(k) for k in self._db.iterkeys())
        return sorted(
            k.removeprefix(_ARTICLE_PREFIX) for k in keys if k.startswith(_ARTICLE_PREFIX)
        )

    def article(self, article_id: str) -> IndexedArticle | None:
        """One indexed article by id."""
        return self._indexed(_ARTICLE_PREFIX + article_id)

    def _indexed(self, key: str) -> IndexedArticle | None:
        raw = self._read(key)
        if raw is None:
            return None
        try:
            value = from_json(raw)
            return IndexedArticle(
                article=Article.model_validate(value["article"]),
                chunk_keys=tuple(value["chunk_keys"]),
                run_settings=dict(value["run_settings"]),
                stored_at=float(value["stored_at"]),
                layout=_layout(value.get("layout")),
            )
        except (ValueError, KeyError, TypeError, ValidationError):
            return None

    def record_run(self, stats: Mapping[str, Any]) -> None:
        """Remember the hits and misses of the last run, for `cache stats`."""
        self._write(_LAST_RUN, canonical_json(dict(stats)), commit_now=True)

    def stats(self) -> CacheStats:
        """Entries, size and the last run's hits and misses."""
        self.commit()
        keys = [str(k) for k in self._db.iterkeys()]
        last = self._db.get(_LAST_RUN)
        return CacheStats(
            entries=len(keys),
            chunks=sum(k.startswith(_CHUNK_PREFIX) for k in keys),
            articles=sum(k.startswith(_ARTICLE_PREFIX) for k in keys),
            size_bytes=int(self._db.volume()),
            directory=self.directory,
            last_run=json.loads(last) if last else None,
        )

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        self._pending.clear()
        return int(self._db.clear())

    def prune(self, older_than_s: float) -> int:
        """Remove chunk and article entries stored more than older_than_s ago."""
        self.commit()
        cutoff = time.time() - older_than_s
        removed = 0
        for key in list(self._db.iterkeys()):
            raw = self._db.get(key)
            try:
                stored_at = float(json.loads(raw).get("stored_at", 0)) if raw else 0.0
            except (ValueError, AttributeError):
                stored_at = 0.0
            if str(key) != _LAST_RUN and stored_at < cutoff:
                removed += int(self._db.delete(key))
        return removed


def _stored_json(value: Any) -> bytes:
    """A stored value as UTF-8 JSON: pydantic's encoder, a quarter of json.dumps's time (keys
    need canonical_json's one form; stored values are only ever parsed). Bytes, not str: SQLite
    hands them back as they are, and pydantic's parser reads them without the decoding into str
    and encoding back to UTF-8 that a str costs (a twentieth of a regenerate, in callgrind)."""
    return to_json(value)


def _layout(stored: Any) -> ChunkLayout | None:
    """A stored layout, or None for entries written before layouts were kept."""
    if stored is None:
        return None
    spans = tuple((int(start), int(end)) for start, end in stored["spans"])
    return ChunkLayout(str(stored["version"]), spans, int(stored["removed_chars"]))


def _shift_spans(summary: dict[str, Any], offset: int) -> dict[str, Any]:
    """A dumped ChunkSummary with every span moved by offset (done on the JSON: a model_copy
    per item took a tenth of a regenerate)."""
    if offset:
        for kind in ("moves", "catalysts", "risks"):
            for item in summary.get(kind, ()):
                if isinstance(item, dict) and item.get("span"):
                    start, end = item["span"]
                    item["span"] = [start + offset, end + offset]
    return summary
