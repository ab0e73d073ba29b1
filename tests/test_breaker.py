"""Defect 5 of issue 15: nothing stopped a failing batch.

Loopback servers that refuse, hang, trickle bytes and answer 429 forever, through the real
openai client. Each test passes small settings (timeouts, retries) so that it stays quick.
"""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, completion, serve, serve_silent

from summarizer.engines import llm
from summarizer.engines.llm import LLMEngine
from summarizer.errors import EngineError
from summarizer.models import Article, ArticleDigest, Chunk
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings

TEXT = "Stocks rallied on Friday. BABA-W surged over 18% today after earnings beat estimates."
ARTICLE = Article(id="a", text=TEXT)
CHUNK = Chunk(index=0, start=0, end=len(TEXT), text=TEXT)
GOOD = {"moves": [{"instrument": "BABA-W", "direction": "up", "change_pct": 18,
                   "evidence": "BABA-W surged over 18% today"}]}  # fmt: skip
RATE_LIMITED = Reply(
    status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0"}
)


def settings_for(base_url: str, **given: Any) -> Settings:
    return Settings(engine="llm", base_url=base_url, model="m", use_cache=False, **given)


def run_batch(settings: Settings, articles: int) -> list[ArticleDigest]:
    batch = [Article(id=f"a{i}", text=TEXT) for i in range(articles)]

    async def go() -> list[ArticleDigest]:
        async with Summarizer(settings) as summarizer:
            return await summarizer.summarize_many(batch)

    return asyncio.run(go())


def run_chunk(settings: Settings) -> Any:
    async def go() -> Any:
        engine = LLMEngine(settings)
        try:
            return await engine.summarize_chunk(CHUNK, ARTICLE)
        finally:
            await engine.aclose()

    return asyncio.run(go())


def free_port() -> int:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_defect5_429_forever_stops_the_batch_after_n_chunks() -> None:
    with serve(FakeOpenAI.scripted([RATE_LIMITED])) as server:
        settings = settings_for(server.base_url, concurrency=2, transport_retries=2)
        digests = run_batch(settings, 12)
    # 3 chunks in a row trip it; the 2 in flight then may finish: at most 4 chunks x 3 requests
    assert len(server.requests) <= 4 * 3
    assert all(d.status == "failed" for d in digests) and len(digests) == 12
    not_sent = [d for d in digests if d.error and "not sent" in d.error]
    assert len(not_sent) >= 12 - 4
    for digest in not_sent:
        assert f"stopped sending to {server.base_url}" in (digest.error or "")
        assert "HTTP 429" in (digest.error or "")
        assert digest.usage.llm_calls == 0


def test_defect5_a_500_forever_trips_the_same_breaker_after_the_configured_count() -> None:
    broken = Reply(status=500, body={"error": {"message": "boom"}})
    with serve(FakeOpenAI.scripted([broken])) as server:
        settings = settings_for(server.base_url, concurrency=1, transport_retries=0,
                                breaker_after=2)  # fmt: skip
        digests = run_batch(settings, 6)
    assert len(server.requests) == 2
    assert all("500" in (d.error or "") for d in digests[:2])
    assert all("not sent" in (d.error or "") and "HTTP 500" in (d.error or "") for d in digests[2:])


def test_defect5_refused_connections_trip_the_breaker_of_the_batch() -> None:
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    digests = run_batch(settings_for(base_url, concurrency=1, transport_retries=0,
                                     breaker_after=2), 5)  # fmt: skip
    assert sum(d.usage.llm_calls for d in digests) == 2
    assert all("could not connect" in (d.error or "") for d in digests[2:])


def test_defect5_a_success_resets_the_count() -> None:
    broken = Reply(status=503, body={"error": {"message": "busy"}})
    good = Reply(body=completion(arguments=json.dumps(GOOD)))
    with serve(FakeOpenAI.scripted([broken, broken, good, broken, broken, good])) as server:

        async def go() -> list[bool]:
            engine = LLMEngine(settings_for(server.base_url, transport_retries=0))
            outcomes = []
            try:
                for _ in range(6):
                    try:
                        await engine.summarize_chunk(CHUNK, ARTICLE)
                        outcomes.append(True)
                    except EngineError:
                        outcomes.append(False)
                assert engine.breaker.reason is None
            finally:
                await engine.aclose()
            return outcomes

        assert asyncio.run(go()) == [False, False, True, False, False, True]
    assert len(server.requests) == 6


def test_defect5_retry_after_is_honoured_and_announced() -> None:
    wait = Reply(status=429, body={"error": {"message": "slow down"}},
                 headers={"retry-after": "0.2"})  # fmt: skip
    good = Reply(body=completion(arguments=json.dumps(GOOD)))
    with serve(FakeOpenAI.scripted([wait, good])) as server:
        result = run_chunk(settings_for(server.base_url))
    assert len(server.requests) == 2
    assert any("Retry-After" in w and "0.2 s" in w for w in result.warnings)


def test_defect5_a_retry_after_beyond_the_budget_is_not_waited_for() -> None:
    wait = Reply(status=429, body={"error": {"message": "slow down"}},
                 headers={"retry-after": "3600"})  # fmt: skip
    with serve(FakeOpenAI.scripted([wait])) as server, pytest.raises(EngineError) as caught:
        run_chunk(settings_for(server.base_url, transport_retries=1))
    assert len(server.requests) == 1
    assert "would wait 3600 s" in str(caught.value)


def test_defect5_a_request_that_gets_no_answer_is_not_retried() -> None:
    with serve_silent() as server, pytest.raises(EngineError) as caught:
        run_chunk(settings_for(server.base_url, timeout_s=0.3, transport_retries=3))
    assert server.posts == 1
    assert "no complete answer within 0.3 s" in str(caught.value)


def test_defect5_a_server_that_never_answers_stops_the_batch() -> None:
    with serve_silent() as server:
        settings = settings_for(server.base_url, timeout_s=0.3, concurrency=2)
        digests = run_batch(settings, 10)
    assert server.posts <= 4
    assert all(d.status == "failed" for d in digests)
    assert sum("not sent" in (d.error or "") for d in digests) >= 6


def test_defect5_a_hung_server_is_found_out_by_a_check_before_the_timeout() -> None:
    with serve_silent() as server, pytest.raises(EngineError) as caught:
        run_chunk(settings_for(server.base_url, timeout_s=600, hang_check_s=0.3))
    assert "did not answer a check" in str(caught.value)
    assert server.posts == 1 and "GET /v1/models HTTP/1.1" in server.requests


def test_the_hang_check_is_set_from_the_command_line(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from summarizer.cli import cli

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with serve_silent() as server:
        args = ["run", str(article), "--engine", "llm", "--base-url", server.base_url,
                "--model", "m", "--no-cache", "--out", str(tmp_path / "out"), "--timeout",
                "600", "--max-retries", "0"]  # fmt: skip
        done = CliRunner().invoke(cli, [*args, "--hang-check", "0.3"])
    # a silent server is checked after 0.3 s, not after the default 10 s, and given up
    assert done.exit_code == 1, done.output
    assert "did not answer a check" in done.output
    assert "GET /v1/models HTTP/1.1" in server.requests
    refused = CliRunner().invoke(cli, [*args, "--hang-check", "0"])
    assert refused.exit_code == 2 and "--hang-check" in refused.output


def test_defect5_a_slow_server_that_answers_the_check_is_waited_for() -> None:
    slow = Reply(body=completion(arguments=json.dumps(GOOD)), delay=1.0)
    with serve(FakeOpenAI.scripted([slow])) as server:  # answers GET /models with 501 at once
        result = run_chunk(settings_for(server.base_url, timeout_s=30, hang_check_s=0.2))
    assert result.summary.moves[0].instrument == "BABA-W"


def test_defect5_a_server_trickling_bytes_is_timed_out_in_all() -> None:
    with serve_silent(trickle_every=0.05) as server, pytest.raises(EngineError) as caught:
        run_chunk(settings_for(server.base_url, timeout_s=0.5, transport_retries=0))
    assert "no complete answer within 0.5 s" in str(caught.value)


def test_defect5_the_connect_timeout_is_separate_from_the_read_timeout() -> None:
    timeout = llm.http_timeout(Settings(timeout_s=300, connect_timeout_s=2))
    assert (timeout.connect, timeout.read) == (2, 300)
    assert Settings().connect_timeout_s <= 10 < Settings().timeout_s


def test_defect5_after_the_deadline_nothing_is_sent_and_the_rest_fails_with_deadline() -> None:
    with serve_silent() as server:
        settings = settings_for(server.base_url, timeout_s=60, hang_check_s=60,
                                concurrency=2, deadline_s=0.5)  # fmt: skip
        digests = run_batch(settings, 6)
    assert server.posts == 2
    assert all(d.status == "failed" and "deadline" in (d.error or "") for d in digests)


def test_defect5_the_breaker_is_one_for_all_worker_processes_of_the_run() -> None:
    import multiprocessing

    from summarizer.engines import base

    down = multiprocessing.get_context("spawn").Event()
    base.share_endpoint_down(down)
    try:
        with serve(FakeOpenAI.scripted([RATE_LIMITED])) as server:
            settings = settings_for(server.base_url, breaker_after=1, transport_retries=0)
            with pytest.raises(EngineError):
                run_chunk(settings)  # this process's breaker opens...
            assert down.is_set()  # ...and tells the others
            down.clear()
            sent = len(server.requests)
            down.set()  # another process's opened: this one sends nothing more
            with pytest.raises(EngineError, match="another worker process"):
                run_chunk(settings_for(server.base_url))
            assert len(server.requests) == sent
    finally:
        base.share_endpoint_down(None)
