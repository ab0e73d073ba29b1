"""pipeline: order, isolation, concurrency bound, status — with a scripted engine."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from summarizer import pipeline
from summarizer.cache import ChunkCache, ChunkLayout
from summarizer.engines import ChunkResult
from summarizer.errors import EngineError
from summarizer.ingest import InputFailure
from summarizer.models import Article, Chunk, ChunkSummary, EngineName, Move
from summarizer.pipeline import Rebuild, Summarizer, summarize, summarize_many
from summarizer.render import digest_json
from summarizer.settings import Settings


class ScriptedEngine:
    """Reports the first 'X rose N%' of each chunk; fails or raises on request; counts overlap."""

    name: EngineName = "llm"
    model: str | None = "scripted"
    prompt_version: str | None = "p1"

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.in_flight = 0
        self.peak = 0
        self.asked: list[str] = []

    def identity(self) -> dict[str, Any]:
        return {"engine": "scripted"}

    async def summarize_chunk(self, chunk: Chunk, article: Article) -> ChunkResult:  # noqa: ARG002
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        self.asked.append(chunk.text)
        try:
            await asyncio.sleep(self.delay)
            if "FAIL" in chunk.text:
                error = EngineError("server said 500")
                error.llm_calls, error.prompt_tokens = 3, 30  # the failed attempts' cost
                raise error
            if "CRASH" in chunk.text:
                raise RuntimeError("bug")
            name, pct = chunk.text.split(" rose ")[0], chunk.text.split(" rose ")[1].split("%")[0]
            move = Move(instrument=name, direction="up", change_pct=float(pct),
                        evidence=f"{name} rose {pct}%")  # fmt: skip
            return ChunkResult(ChunkSummary(moves=[move]), llm_calls=1, prompt_tokens=10)
        finally:
            self.in_flight -= 1

    async def aclose(self) -> None:
        pass


def run_many(items: list[Article | InputFailure], engine: ScriptedEngine, **kw: Any) -> list[Any]:
    async def go() -> list[Any]:
        async with Summarizer(Settings(use_cache=False, **kw), engine=engine) as summarizer:
            return await summarizer.summarize_many(items)

    return asyncio.run(go())


def article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", text=text)


@pytest.mark.parametrize("refresh", [False, True])
def test_a_chunk_of_articles_in_flight_together_is_computed_once(
    tmp_path: Path, refresh: bool
) -> None:
    shared = "Alpha rose 1%"
    items: list[Article | InputFailure] = [
        article(0, shared), article(1, shared), article(2, "Beta rose 2%"), article(3, shared)
    ]  # fmt: skip

    def run(engine: ScriptedEngine, **kw: Any) -> list[Any]:
        async def go() -> list[Any]:
            settings = Settings(cache_dir=tmp_path, concurrency=4, **kw)
            async with Summarizer(settings, engine=engine) as summarizer:
                return await summarizer.summarize_many(items)

        return asyncio.run(go())

    if refresh:
        run(ScriptedEngine())  # results from before: a refresh run must not use them
    engine = ScriptedEngine(delay=0.05)
    digests = run(engine, refresh=refresh)
    assert sorted(engine.asked) == ["Alpha rose 1%", "Beta rose 2%"] and engine.peak == 2
    assert [d.moves[0].instrument for d in digests] == ["Alpha", "Alpha", "Beta", "Alpha"]
    shared_usage = [(d.usage.llm_calls, d.usage.cache_hits) for d in digests if d.id != "a2"]
    assert sorted(shared_usage) == [(0, 1), (0, 1), (1, 0)]


def test_articles_waiting_for_a_chunk_that_failed_each_try_it_themselves(tmp_path: Path) -> None:
    class FailsFirst(ScriptedEngine):
        async def summarize_chunk(self, chunk: Chunk, article: Article) -> ChunkResult:
            if not self.asked:
                self.asked.append(chunk.text)
                await asyncio.sleep(0.05)
                raise EngineError("server said 503")
            return await super().summarize_chunk(chunk, article)

    engine = FailsFirst()
    items: list[Article | InputFailure] = [article(i, "Alpha rose 1%") for i in range(3)]

    async def go() -> list[Any]:
        settings = Settings(cache_dir=tmp_path, concurrency=4)
        async with Summarizer(settings, engine=engine) as summarizer:
            return await summarizer.summarize_many(items)

    digests = asyncio.run(go())
    assert [d.status for d in digests] == ["failed", "ok", "ok"]
    assert "server said 503" in (digests[0].error or "") and len(engine.asked) == 3


def test_order_is_kept_and_one_bad_article_never_stops_the_batch() -> None:
    items: list[Article | InputFailure] = [
        article(0, "Alpha rose 1%"),
        article(1, "CRASH rose 2%"),
        InputFailure(source="missing.txt", message="no such file"),
        article(3, "FAIL rose 3%"),
        article(4, "Delta rose 4%"),
    ]
    digests = run_many(items, ScriptedEngine())
    assert [d.status for d in digests] == ["ok", "failed", "failed", "failed", "ok"]
    assert digests[1].error and "RuntimeError" in digests[1].error
    assert digests[2].source_path == "missing.txt" and digests[2].error == "no such file"
    assert digests[3].error and "500" in digests[3].error
    assert [m.instrument for m in digests[4].moves] == ["Delta"]
    assert digests[0].usage.llm_calls == 1 and digests[0].usage.prompt_tokens == 10


def test_a_failed_chunk_makes_the_article_partial() -> None:
    text = "Alpha rose 1%\n\n" + "FAIL rose 2% " * 40
    digests = run_many([article(0, text)], ScriptedEngine(), chunk_tokens=60)
    assert digests[0].chunks > 1
    assert digests[0].status == "partial"
    assert [m.instrument for m in digests[0].moves] == ["Alpha"]
    assert any("500" in w for w in digests[0].warnings)
    # a failed chunk's requests are billed too: they count in the usage
    failed_chunks = digests[0].chunks - 1
    assert digests[0].usage.llm_calls == 1 + 3 * failed_chunks
    assert digests[0].usage.prompt_tokens == 10 + 30 * failed_chunks


def test_concurrency_is_bounded_across_articles() -> None:
    engine = ScriptedEngine(delay=0.01)
    items: list[Article | InputFailure] = [article(i, f"N{i} rose {i}%") for i in range(30)]
    digests = run_many(items, engine, concurrency=4)
    assert engine.peak == 4
    assert [d.moves[0].change_pct for d in digests] == [float(i) for i in range(30)]


def test_summarize_text_with_the_default_engine() -> None:
    digest = summarize(
        "Hong Kong stocks gapped up 2.15% today.\n\nDisclaimer: This is not financial advice."
    )
    assert digest.engine == "rules" and digest.status == "ok"
    assert [(m.instrument, m.change_pct) for m in digest.moves] == [("Hong Kong stocks", 2.15)]
    assert digest.boilerplate_chars > 0


@pytest.mark.parametrize("engine", ["llm"])
def test_llm_without_endpoint_is_a_config_error(engine: str) -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        Settings(engine=engine).resolve_engine()  # type: ignore[arg-type]


def test_a_cached_chunk_reused_at_another_offset_gets_spans_in_its_own_article(
    tmp_path: Path,
) -> None:
    # 72 estimated tokens: with a 50-token budget it is split, and its chunks recur verbatim
    paragraph = ("Alpha rose 1% today after quarterly earnings beat estimates. Analysts warned "
                 "that valuations look stretched after the three-week rally in the region's chip "
                 "stocks. Volumes were the highest in a month.")  # fmt: skip
    # one character apart, as in "Copy 9" and "Copy 10": a shifted span still nearly fits
    first = Article(id="first", text=f"Copy 9\n\n{paragraph}")
    second = Article(id="second", text=f"Copy 10\n\n{paragraph}")
    settings = Settings(engine="rules", cache_dir=tmp_path, chunk_tokens=50)

    async def go() -> list[Any]:
        async with Summarizer(settings) as summarizer:
            return [await summarizer.summarize_article(a) for a in (first, second)]

    digests = asyncio.run(go())
    assert digests[1].usage.cache_hits >= 1  # the paragraph's chunk came from the cache
    for source, digest in zip((first, second), digests, strict=True):
        items = [*digest.moves, *digest.catalysts, *digest.risks]
        assert [len(digest.moves), len(digest.catalysts), len(digest.risks)] == [1, 1, 1]
        for item in items:
            start, end = item.span or (0, 0)
            assert source.text[start:end] == item.evidence


def test_a_cached_rerun_reuses_the_chunk_layout_only_for_the_same_text_and_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(engine="rules", cache_dir=tmp_path, chunk_tokens=50)
    text = ("Disclaimer: not investment advice.\n\nAlpha rose 1% today after quarterly earnings "
            "beat estimates and raised guidance for the year. Beta fell 2% as rate hikes loomed "
            "over the region's lenders.\n\nGamma gained 3% intraday.")  # fmt: skip
    cleaned: list[str] = []
    real_clean = pipeline.clean_article
    monkeypatch.setattr(pipeline, "clean_article", lambda t: cleaned.append(t) or real_clean(t))

    def digest_of(text: str, **overrides: Any) -> Any:
        run = settings.with_overrides(**overrides)
        return summarize(Article(id="same-id", text=text), run).model_dump(exclude={"usage"})

    first = digest_of(text)
    assert digest_of(text) == first and len(cleaned) == 1  # laid out once, reused
    changed = text.replace("Beta fell 2%", "Beta fell 4%")
    assert digest_of(changed) == digest_of(changed, use_cache=False)  # same id, new text
    assert len(cleaned) == 3
    monkeypatch.setattr(pipeline, "LAYOUT_VERSION", "l-edited")  # cleaning or chunking changed
    assert digest_of(changed) == digest_of(changed, use_cache=False)
    assert len(cleaned) == 5
    assert first["boilerplate_chars"] > 0 and first["chunks"] >= 2


def test_a_stored_layout_that_does_not_fit_the_text_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(engine="rules", cache_dir=tmp_path)
    article = Article(id="a", text="Alpha rose 1% today.\n\nBeta fell 2% as rate hikes loomed.")
    first = summarize(article, settings).model_dump(exclude={"usage"})
    store = ChunkCache(tmp_path)
    entry = store.article("a")
    assert entry is not None and entry.layout is not None
    cleaned: list[str] = []
    real_clean = pipeline.clean_article
    monkeypatch.setattr(pipeline, "clean_article", lambda t: cleaned.append(t) or real_clean(t))
    for spans in (((0, 10**6),), ((20, 30), (0, 10)), ((5, 5),)):  # outside, backwards, empty
        bad = ChunkLayout(entry.layout.version, spans, 0)
        store.put_article(article, list(entry.chunk_keys), entry.run_settings, bad)
        store.commit()  # index entries wait for a commit; the run below opens its own handle
        cleaned.clear()
        assert summarize(article, settings).model_dump(exclude={"usage"}) == first
        assert cleaned == [article.text]
    store.close()


def test_a_cache_of_what_rebuild_lookups_names_rebuilds_the_digests_a_full_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what `regenerate --ray` sends an actor: each article's index entry and the chunks its
    # rebuild reads, found with the current code's layout (here, none of the stored ones)
    settings = Settings(engine="rules", cache_dir=tmp_path / "full", chunk_tokens=50)
    shared = "Gamma gained 3% intraday as lenders rallied across the region on the news."
    texts = {
        "first": f"Alpha rose 1% today after earnings beat estimates.\n\n{shared}",
        "second": f"Beta fell 2% as rate hikes loomed over the region.\n\n{shared}",
    }
    summarize_many([Article(id=i, text=t) for i, t in texts.items()], settings)
    monkeypatch.setattr(pipeline, "LAYOUT_VERSION", "l-edited")  # cleaning or chunking changed
    full = ChunkCache(tmp_path / "full")
    wanted = [Rebuild("second"), Rebuild("never-cached"), Rebuild("first")]
    lookups = asyncio.run(pipeline.rebuild_lookups(full, settings, wanted))
    assert lookups[1] == [] and all(lookups[0]) and all(lookups[2])
    # the index laid out anew, as a rebuild leaves it
    assert all(e.layout and e.layout.version.startswith("l-edited") for e in full.articles())
    copy = ChunkCache(tmp_path / "copy")
    for want, keys in zip(wanted, lookups, strict=True):
        copy.copy_in(full.entries_of(want.id, keys))
    from_copy = asyncio.run(pipeline.rebuild_digests(copy, settings, wanted))
    from_full = asyncio.run(pipeline.rebuild_digests(full, settings, wanted))
    assert [digest_json(d) for d in from_copy] == [digest_json(d) for d in from_full]
    assert [d.status for d in from_full] == ["ok", "failed", "ok"]
    assert all(d.usage.cache_hits == d.chunks for d in from_full if d.status == "ok")
    full.close()
    copy.close()
