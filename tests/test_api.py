"""The Python API: every entry point takes an article's text, an Article or a mapping with
`text`, and gives the same digest for each."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from test_pipeline import ScriptedEngine

from summarizer import (
    Article,
    ArticleDigest,
    InputError,
    Settings,
    Summarizer,
    asummarize,
    summarize,
    summarize_many,
)

TEXT = "Hong Kong stocks gapped up 2.15% today after a rate cut."
RULES = Settings(engine="rules", use_cache=False)


def moves_of(digest: ArticleDigest) -> list[tuple[str, float | None]]:
    return [(m.instrument, m.change_pct) for m in digest.moves]


def with_summarizer(item: Any, method: str) -> ArticleDigest:
    """The digest of item through one method of a Summarizer."""

    async def go() -> ArticleDigest:
        async with Summarizer(RULES) as summarizer:
            if method == "summarize_article":
                return await summarizer.summarize_article(item)
            if method == "summarize_many":
                return (await summarizer.summarize_many([item]))[0]
            (streamed,) = [d async for _, d in summarizer.summarize_stream([item])]
            return streamed

    return asyncio.run(go())


ENTRY_POINTS: dict[str, Callable[[Any], ArticleDigest]] = {
    "summarize": lambda item: summarize(item, RULES),
    "asummarize": lambda item: asyncio.run(asummarize(item, RULES)),
    "summarize_many": lambda item: summarize_many([item], RULES)[0],
    **{
        f"Summarizer.{method}": lambda item, method=method: with_summarizer(item, method)
        for method in ("summarize_article", "summarize_many", "summarize_stream")
    },
}


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_every_entry_point_takes_a_plain_string(entry_point: str) -> None:
    digest = ENTRY_POINTS[entry_point](TEXT)
    assert digest.status == "ok"
    assert moves_of(digest) == [("Hong Kong stocks", 2.15)]


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_every_entry_point_takes_a_mapping_with_text_and_keeps_its_fields(
    entry_point: str,
) -> None:
    record = {"id": "hk-1", "text": TEXT, "title": "HK up", "published": "2025-03-04",
              "publisher": "Wire"}  # fmt: skip
    digest = ENTRY_POINTS[entry_point](record)
    assert moves_of(digest) == [("Hong Kong stocks", 2.15)]
    assert (digest.id, digest.title, digest.published, digest.publisher) == (
        "hk-1", "HK up", "2025-03-04", "Wire"
    )  # fmt: skip


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_text_an_article_and_a_mapping_give_the_same_digest(entry_point: str) -> None:
    summarize_with = ENTRY_POINTS[entry_point]
    from_text = summarize_with(TEXT)
    assert summarize_with(Article(id=from_text.id, text=TEXT)) == from_text
    assert summarize_with({"text": TEXT}) == from_text


def with_scripted_engine(items: list[Any]) -> list[ArticleDigest]:
    async def go() -> list[ArticleDigest]:
        settings = Settings(use_cache=False)
        async with Summarizer(settings, engine=ScriptedEngine()) as summarizer:
            return await summarizer.summarize_many(items)

    return asyncio.run(go())


def test_summarizer_many_of_strings_reports_an_engine_crash_as_a_failed_digest() -> None:
    # the batch's own error handler once met the str it was given and crashed on it
    digests = with_scripted_engine(["Alpha rose 1%", "CRASH rose 2%", "Beta rose 3%"])
    assert [d.status for d in digests] == ["ok", "failed", "ok"]
    assert digests[1].error == "internal error: RuntimeError: bug"
    assert [moves_of(d) for d in digests[::2]] == [[("Alpha", 1.0)], [("Beta", 3.0)]]


def test_a_mapping_without_text_fails_alone_in_a_batch_and_raises_alone() -> None:
    digests = summarize_many([TEXT, {"title": "no text here"}, {"text": 3}], RULES)
    assert [d.status for d in digests] == ["ok", "failed", "failed"]
    assert (digests[1].source_path, digests[1].error) == (
        "item 2", "record has no text/content/body field"
    )  # fmt: skip
    assert digests[2].error == "record field 'text' is a number, not a string"
    with pytest.raises(InputError, match="no text/content/body"):
        summarize({"title": "no text here"}, RULES)


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_anything_else_is_a_type_error_that_says_what_is_taken(entry_point: str) -> None:
    with pytest.raises(TypeError, match=r"its text \(str\), an Article or a mapping.*not bytes"):
        ENTRY_POINTS[entry_point](TEXT.encode())


def test_a_type_error_mid_batch_leaves_no_article_running() -> None:
    engine = ScriptedEngine(delay=0.05)

    async def go() -> None:
        async with Summarizer(Settings(use_cache=False), engine=engine) as summarizer:
            with pytest.raises(TypeError):
                await summarizer.summarize_many(["Alpha rose 1%", 42])
            assert engine.in_flight == 0  # the first article was abandoned, not left running
            assert {t for t in asyncio.all_tasks() if t is not asyncio.current_task()} == set()

    asyncio.run(go())
