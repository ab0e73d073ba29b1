"""cache: versioned keys, JSON values only, stale entries are misses, tampering is refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cache import CachedChunk, ChunkCache, ChunkLayout, chunk_key
from summarizer.cli import cli
from summarizer.engines.llm import LLMEngine
from summarizer.errors import CacheError
from summarizer.models import Article, ChunkSummary, Move
from summarizer.pipeline import summarize
from summarizer.settings import Settings

SUMMARY = ChunkSummary(moves=[Move(instrument="SMIC", direction="up", change_pct=5.0,
                                   evidence="SMIC rose nearly 5%", span=(0, 19))])  # fmt: skip
IDENTITY = {"engine": "llm", "model": "m", "prompt_version": "p1-a"}


def test_key_names_everything_that_changes_the_answer() -> None:
    base = chunk_key(IDENTITY, {"chunk_tokens": 1500}, "text")
    assert base == chunk_key(dict(IDENTITY), {"chunk_tokens": 1500}, "text")
    assert base != chunk_key(IDENTITY | {"prompt_version": "p1-b"}, {"chunk_tokens": 1500}, "text")
    assert base != chunk_key(IDENTITY | {"model": "n"}, {"chunk_tokens": 1500}, "text")
    assert base != chunk_key(IDENTITY, {"chunk_tokens": 800}, "text")
    assert base != chunk_key(IDENTITY, {"chunk_tokens": 1500}, "text!")


def test_keys_keep_their_format_so_existing_caches_stay_valid() -> None:
    # the key as first defined: the hash of the record's canonical JSON. A new format must bump
    # CACHE_FORMAT_VERSION, never change silently (a user would pay the model again for all).
    identity = IDENTITY | {"endpoint": "café", "temperature": 0.0, "max_tokens": None}
    for text in ("text", "SMIC rose 5%.\n\n“Quoted” — 中文"):
        record = {"v": "2", "engine": identity, "chunker": {"chunk_tokens": 1500},
                  "chunk": hashlib.sha256(text.encode()).hexdigest()}  # fmt: skip
        canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        expected = "k1-" + hashlib.sha256(canonical.encode()).hexdigest()
        assert chunk_key(identity, {"chunk_tokens": 1500}, text) == expected


def test_engine_identity_never_holds_the_api_key() -> None:
    settings = Settings(engine="llm", api_key="sk-very-secret", base_url="http://127.0.0.1:1/v1")
    assert "sk-very-secret" not in repr(LLMEngine(settings).identity())
    assert "sk-very-secret" not in repr(settings)


def test_round_trip_and_miss(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    cache.put_chunk("k", CachedChunk(SUMMARY, ("dropped one",)))
    hit = cache.get_chunk("k")
    assert hit is not None and hit.summary == SUMMARY and hit.warnings == ("dropped one",)
    assert cache.get_chunk("other") is None
    cache.close()


def test_a_paid_result_is_committed_at_once_a_free_one_at_the_next_commit(
    tmp_path: Path,
) -> None:
    writer, reader = ChunkCache(tmp_path), ChunkCache(tmp_path)
    writer.put_chunk("paid", CachedChunk(SUMMARY))  # commit_now is the default
    writer.put_chunk("free", CachedChunk(SUMMARY), commit_now=False)
    assert reader.get_chunk("paid") is not None
    assert reader.get_chunk("free") is None  # not yet committed...
    assert writer.get_chunk("free") is not None and writer.has_chunk("free")  # ...but seen here
    writer.close()
    assert reader.get_chunk("free") is not None
    reader.close()


def test_spans_are_stored_relative_to_the_chunk_and_read_back_where_it_now_starts(
    tmp_path: Path,
) -> None:
    cache = ChunkCache(tmp_path)
    stored_at_100 = SUMMARY.model_copy(
        update={"moves": [SUMMARY.moves[0].model_copy(update={"span": (100, 119)})]}
    )
    cache.put_chunk("k", CachedChunk(stored_at_100), 100)
    for chunk_start in (100, 7):
        hit = cache.get_chunk("k", chunk_start)
        assert hit is not None and hit.summary.moves[0].span == (chunk_start, chunk_start + 19)
    cache.close()


def test_a_value_that_no_longer_validates_is_a_miss(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    cache._db.set("chunk:k", '{"summary": {"moves": [{"instrument": "X"}]}}')
    assert cache.get_chunk("k") is None
    cache.close()


def test_values_are_utf8_json_and_str_entries_of_earlier_versions_still_hit(
    tmp_path: Path,
) -> None:
    cache = ChunkCache(tmp_path)
    cache.put_chunk("new", CachedChunk(SUMMARY, warnings=("“quoted” — 中文",)))
    cache._db.set("chunk:old", json.dumps({"summary": SUMMARY.model_dump(mode="json")}))
    cache.commit()
    for key in ("new", "old"):
        hit = cache.get_chunk(key)
        assert hit is not None and hit.summary == SUMMARY
    assert cache.get_chunk("new").warnings == ("“quoted” — 中文",)  # type: ignore[union-attr]
    cache.close()
    with sqlite3.connect(tmp_path / "cache.db") as db:
        kinds = dict(db.execute("SELECT key, typeof(value) FROM Cache WHERE key LIKE 'chunk:%'"))
    assert kinds == {"chunk:new": "blob", "chunk:old": "text"}


def test_only_json_text_is_stored(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    with pytest.raises(CacheError, match="JSON text"):
        cache._db.set("chunk:k", {"not": "text"})
    cache.close()


def test_a_tampered_pickle_row_is_refused(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    cache.put_chunk("k", CachedChunk(SUMMARY))
    cache.close()
    with sqlite3.connect(tmp_path / "cache.db") as db:
        db.execute("UPDATE Cache SET mode = 4 WHERE key = 'chunk:k'")  # MODE_PICKLE
    cache = ChunkCache(tmp_path)
    with pytest.raises(CacheError, match="pickled"):
        cache.get_chunk("k")
    cache.close()


def test_article_index_and_stats(tmp_path: Path) -> None:
    cache = ChunkCache(tmp_path)
    article = Article(id="a1", text="SMIC rose nearly 5%", source_path="x.txt")
    cache.put_chunk("k", CachedChunk(SUMMARY))
    cache.put_article(article, ["k"], {"engine": "rules"})
    assert cache.article("a1").layout is None  # as entries written before layouts were kept
    layout = ChunkLayout("l-test/1500", ((0, 19),), removed_chars=0)
    cache.put_article(article, ["k"], {"engine": "rules"}, layout)
    cache.record_run({"cache_hits": 3, "cache_misses": 1})
    indexed = list(cache.articles())
    assert [(i.article, i.chunk_keys, i.layout) for i in indexed] == [(article, ("k",), layout)]
    stats = cache.stats()
    assert (stats.chunks, stats.articles, stats.last_run) == (
        1,
        1,
        {"cache_hits": 3, "cache_misses": 1},
    )
    assert cache.prune(older_than_s=3600) == 0
    assert cache.prune(older_than_s=0) == 2
    cache.close()


def test_an_articles_entries_copied_into_another_cache_read_back_the_same(tmp_path: Path) -> None:
    source = ChunkCache(tmp_path / "source")
    article = Article(id="a1", text="Alpha rose 2% today.")
    layout = ChunkLayout("l-test/1500", ((0, 20),), removed_chars=0)
    source.put_chunk("k", CachedChunk(SUMMARY, ("dropped one",)))
    source.put_article(article, ["k", "gone"], {"engine": "rules"}, layout)
    entries = source.entries_of("a1", ["k", "gone"])
    assert sorted(entries) == ["article:a1", "chunk:k"]  # only what the cache holds
    assert source.entries_of("unknown", ["gone"]) == {}
    copy = ChunkCache(tmp_path / "copy")
    copy.copy_in(entries)
    assert copy.get_chunk("k", 4) == source.get_chunk("k", 4)
    assert copy.article("a1") == source.article("a1")
    with pytest.raises(CacheError, match="not an article or chunk entry"):
        copy.copy_in({"meta:last_run": "{}"})  # what a run printed is this cache's own
    source.close()
    copy.close()


def test_a_text_summarized_from_python_keeps_what_a_run_read_of_its_file(tmp_path: Path) -> None:
    seed = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    done = CliRunner().invoke(cli, ["run", str(seed), "--out", str(tmp_path / "out"), "-q"])
    assert done.exit_code == 0, done.output
    digest = summarize(text)  # the same text, from the Python API: no source, and its own title
    assert digest.source_path is None
    summarize(Article(id=digest.id, text=text, title="Another title"))
    cache = ChunkCache(tmp_path / "cache")  # the tests' SUMMARIZER_CACHE_DIR
    entry = cache.article(digest.id)
    cache.close()
    assert entry is not None
    assert (entry.article.source_path, entry.article.title, entry.article.published) == (
        str(seed),
        "Capital Flows Surge into Gold Markets as BABA-W Fuels AI Momentum",
        "Sep 01",
    )


def test_a_run_after_an_api_call_records_the_file_it_read(tmp_path: Path) -> None:
    seed = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[1]
    digest = summarize(seed.read_text(encoding="utf-8"))
    done = CliRunner().invoke(cli, ["run", str(seed), "--out", str(tmp_path / "out"), "-q"])
    assert done.exit_code == 0, done.output
    cache = ChunkCache(tmp_path / "cache")
    entry = cache.article(digest.id)
    cache.close()
    assert entry is not None and entry.article.source_path == str(seed)
