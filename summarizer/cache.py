"""The disk cache: chunk results keyed by everything that changes them, and an article index.

Values are JSON text only, stored as UTF-8 bytes (str entries of earlier versions are read as
well). diskcache unpickles rows by default, which lets anyone who can write
the cache directory run code on read (CVE-2025-69872), so the Disk below refuses to store or load
anything else. Nothing is evicted silently: the size limit is off and `prune` is explicit.
A cached value that no longer validates against the current models is a miss, recomputed and
overwritten.

A failing database (a damaged file, a full disk) raises CacheUnusableError from whichever call met
it: nothing is checked per read, which would cost every cached run. `check` reads the whole file
for `cache stats`; `clear_cache` starts a damaged cache afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diskcache
from diskcache.core import DBNAME, MODE_PICKLE, UNKNOWN
from pydantic import ValidationError
from pydantic_core import from_json, to_json

from summarizer.errors import CacheError, CacheUnusableError
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

# What a failing database raises: sqlite3's errors (OperationalError, e.g. a full disk, is one)
# and the OSError of a value diskcache keeps in a file of its own.
_DATABASE_ERRORS = (sqlite3.DatabaseError, OSError)


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
        except sqlite3.DatabaseError as exc:  # opening reads the settings table: a damaged file
            raise _unusable(directory, exc) from exc
        except OSError as exc:
            raise CacheError(f"cannot use cache directory {directory}: {exc}") from exc

    def close(self) -> None:
        """Commit what is pending and close the database handle (also when committing fails)."""
        try:
            self.commit()
        finally:
            self._db.close()

    def commit(self) -> None:
        """Write every pending entry, in one transaction."""
        if not self._pending:
            return
        try:
            # retry: another process sharing the directory may hold the write lock for a moment
            with self._db.transact(retry=True):
                for key, value in self._pending.items():
                    self._db.set(key, value, retry=True)
        except _DATABASE_ERRORS as exc:
            raise self._failed(exc) from exc
        self._pending.clear()

    @contextmanager
    def _database(self) -> Iterator[None]:
        """Turn a failing database's errors into CacheUnusableError (outside the hot path)."""
        try:
            yield
        except _DATABASE_ERRORS as exc:
            raise self._failed(exc) from exc

    def _failed(self, exc: BaseException) -> CacheUnusableError:
        # The pending writes are dropped (they are free to recompute): committing them at
        # every later call, or at close, would only fail again.
        self._pending.clear()
        return _unusable(self.directory, exc)

    def _write(self, key: str, value: str | bytes, *, commit_now: bool) -> None:
        self._pending[key] = value
        if commit_now or len(self._pending) >= _WRITES_PER_COMMIT:
            self.commit()

    def _read(self, key: str) -> str | bytes | None:
        pending = self._pending.get(key)
        if pending is not None:
            return pending
        try:  # inline, not _database(): this is every cached read
            return self._db.get(key)  # type: ignore[no-any-return]
        except _DATABASE_ERRORS as exc:
            raise self._failed(exc) from exc

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
        if _CHUNK_PREFIX + key in self._pending:
            return True
        with self._database():
            return (_CHUNK_PREFIX + key) in self._db

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
        made them. `known` is the entry as read earlier in this run, if it was. An article
        with no source_path (from the Python API) keeps the metadata of an entry that has one.

        An entry that would not change is left as it is (with its first stored_at): a cached
        re-run or a regenerate then reads the index without rewriting it (a tenth of its time).
        A new entry waits for the next commit: it is rebuilt from the chunks if a crash loses it.
        """
        stored = known or self.article(article.id)
        if (
            article.source_path is None
            and stored is not None
            and stored.article.source_path is not None
            and stored.article.text == article.text
        ):
            # the same text from the Python API, which knows no source: what a run read of it
            # from its file (source, title, date) stays, for `regenerate` to give its digest
            article = stored.article
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
        with self._database():
            keys = [str(k) for k in self._db.iterkeys()]
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

    def entries_of(self, article_id: str, chunk_keys: Iterable[str]) -> dict[str, str]:
        """The article's index entry and those chunks' results as stored (JSON text, by their
        keys in the database), each one held: for another cache to hold the same (copy_in)."""
        keys = [_ARTICLE_PREFIX + article_id, *(_CHUNK_PREFIX + key for key in chunk_keys)]
        entries = {}
        for key in keys:
            raw = self._read(key)
            if raw is not None:
                entries[key] = raw.decode() if isinstance(raw, bytes) else raw
        return entries

    def copy_in(self, entries: Mapping[str, str]) -> None:
        """Hold entries as entries_of gave them (another cache's), in one transaction."""
        for key, value in entries.items():
            if not key.startswith((_ARTICLE_PREFIX, _CHUNK_PREFIX)):
                raise CacheError(f"not an article or chunk entry: {key!r}")
            self._pending[key] = value.encode()
        self.commit()

    def record_run(self, stats: Mapping[str, Any]) -> None:
        """Remember the hits and misses of the last run, for `cache stats`."""
        self._write(_LAST_RUN, canonical_json(dict(stats)), commit_now=True)

    def stats(self) -> CacheStats:
        """Entries, size and the last run's hits and misses; CacheUnusableError if the database
        is damaged (it is read whole: counting keys alone can miss a damaged page)."""
        self.commit()
        self.check()
        with self._database():
            keys = [str(k) for k in self._db.iterkeys()]
            last = self._db.get(_LAST_RUN)
            size = int(self._db.volume())
        return CacheStats(
            entries=len(keys),
            chunks=sum(k.startswith(_CHUNK_PREFIX) for k in keys),
            articles=sum(k.startswith(_ARTICLE_PREFIX) for k in keys),
            size_bytes=size,
            directory=self.directory,
            last_run=json.loads(last) if last else None,
        )

    def check(self) -> None:
        """Raise CacheUnusableError if SQLite finds the database damaged.

        Reads the whole file (PRAGMA quick_check): for `cache stats` and `clear`, never per run.
        """
        with self._database(), contextlib.closing(sqlite3.connect(self.directory / DBNAME)) as db:
            problems = [str(row[0]) for row in db.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise CacheUnusableError(_corrupt_message(self.directory, problems[0]), corrupt=True)

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        self._pending.clear()
        with self._database():
            return int(self._db.clear())

    def prune(self, older_than_s: float) -> int:
        """Remove chunk and article entries stored more than older_than_s ago (0 or more)."""
        # a negative age puts the cutoff in the future, which is every entry; NaN compares
        # false with everything: neither is an age anyone means
        if not math.isfinite(older_than_s) or older_than_s < 0:
            raise ValueError(f"an age must be a finite number of seconds >= 0, not {older_than_s}")
        self.commit()
        cutoff = time.time() - older_than_s
        removed = 0
        with self._database():
            for key in list(self._db.iterkeys()):
                raw = self._db.get(key)
                try:
                    stored_at = float(json.loads(raw).get("stored_at", 0)) if raw else 0.0
                except (ValueError, AttributeError):
                    stored_at = 0.0
                if str(key) != _LAST_RUN and stored_at < cutoff:
                    removed += int(self._db.delete(key))
        return removed


@dataclass(frozen=True)
class Cleared:
    """What `clear_cache` did: the entries it removed, or why it started the cache afresh."""

    entries: int
    started_afresh: str | None = None


def clear_cache(directory: Path) -> Cleared:
    """Remove every entry of the cache in directory; a database that fails (damaged, or on a
    full disk) is deleted with its files and created anew, so clearing always works."""
    try:
        store = ChunkCache(directory)
    except CacheUnusableError as exc:
        return Cleared(0, _start_afresh(directory, exc))
    try:
        try:
            removed = store.clear()
            # damage in pages the delete did not read would fail a later run
            store.check()
        finally:
            store.close()
    except CacheUnusableError as exc:
        return Cleared(0, _start_afresh(directory, exc))
    return Cleared(removed)


def _start_afresh(directory: Path, why: CacheUnusableError) -> str:
    """Delete the cache's own files in directory (never others: it may be a shared or mistyped
    directory) and create an empty cache; what failed, in SQLite's words."""
    database = directory / DBNAME
    files = [database.with_name(DBNAME + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    # diskcache keeps large values in files named by a random hex name: ab/cd/<rest>.val
    hex_dir = "[0-9a-f][0-9a-f]"
    files += directory.glob(f"{hex_dir}/{hex_dir}/*.val")
    try:
        for path in files:
            path.unlink(missing_ok=True)
    except OSError as exc:
        raise CacheError(f"cannot remove the cache's files in {directory}: {exc}") from exc
    for folder in sorted(directory.glob(f"{hex_dir}/{hex_dir}"), reverse=True) + sorted(
        directory.glob(hex_dir)
    ):
        with contextlib.suppress(OSError):  # not empty: something else lives there, keep it
            folder.rmdir()
    ChunkCache(directory).close()
    return str(why.__cause__ or why)  # SQLite's words: the message around them is for a run


def _unusable(directory: Path, exc: BaseException) -> CacheUnusableError:
    if _is_corrupt(exc):
        return CacheUnusableError(_corrupt_message(directory, str(exc)), corrupt=True)
    return CacheUnusableError(f"the cache in {directory} failed: {exc}")


def _corrupt_message(directory: Path, problem: str) -> str:
    return (
        f"the cache in {directory} is corrupt ({problem}); "
        "`summarizer cache clear` starts it afresh"
    )


def _is_corrupt(exc: BaseException) -> bool:
    """Whether SQLite found the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB); before Python
    3.11 sqlite3 gives no error code, only its message."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    message = str(exc)
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
        "malformed" in message or "not a database" in message
    )


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
