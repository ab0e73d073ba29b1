"""The LLM engine against a loopback fake server: real openai client, HTTP and instructor.

Each test scripts the server's replies and asserts the chunk result and the number of requests.
"""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, completion, serve

from summarizer.engines.llm import LLMEngine
from summarizer.errors import EngineError
from summarizer.models import Article, Chunk
from summarizer.settings import Settings

TEXT = "Stocks rallied on Friday. BABA-W surged over 18% today after earnings beat estimates."
ARTICLE = Article(id="a", text=TEXT)
CHUNK = Chunk(index=0, start=0, end=len(TEXT), text=TEXT)

GOOD = {
    "moves": [
        {"instrument": "BABA-W", "direction": "up", "change_pct": 18, "qualifier": "over",
         "evidence": "BABA-W surged over 18% today"}
    ],
    "catalysts": [
        {"summary": "earnings beat", "type": "earnings", "evidence": "earnings beat estimates"}
    ],
    "risks": [],
}  # fmt: skip


def tool_reply(answer: dict[str, Any], **kw: Any) -> Reply:
    return Reply(body=completion(arguments=json.dumps(answer), **kw))


def run_engine(server: FakeOpenAI, **settings: Any) -> Any:
    async def go() -> Any:
        engine = LLMEngine(
            Settings(engine="llm", base_url=server.base_url, model="test-model", **settings)
        )
        try:
            return await engine.summarize_chunk(CHUNK, ARTICLE)
        finally:
            await engine.aclose()

    return asyncio.run(go())


def test_a_grounded_answer_becomes_items_with_article_spans() -> None:
    with serve(FakeOpenAI.scripted([tool_reply(GOOD)])) as server:
        result = run_engine(server)
    assert len(server.requests) == 1 and result.llm_calls == 1 and result.reasks == 0
    move = result.summary.moves[0]
    assert (move.instrument, move.change_pct, move.span) == ("BABA-W", 18.0, (26, 54))
    assert result.summary.catalysts[0].span == (61, 84)
    assert (result.prompt_tokens, result.completion_tokens) == (100, 20)


def test_the_request_carries_the_schema_the_chunk_and_no_key() -> None:
    with serve(FakeOpenAI.scripted([tool_reply(GOOD)])) as server:
        run_engine(server, api_key="sk-secret-value")
    body = server.requests[0]
    assert body["model"] == "test-model" and body["temperature"] == 0
    assert body["tools"][0]["function"]["name"] == "MarketSummary"
    assert TEXT in body["messages"][-1]["content"]
    moves = body["tools"][0]["function"]["parameters"]["properties"]["moves"]["items"]
    assert "evidence" in moves["properties"] and "span" not in moves["properties"]
    assert server.headers[0]["authorization"] == "Bearer sk-secret-value"


def test_braces_in_the_article_survive_templating() -> None:
    text = "Template {{ up }} and {% raw %} text: SMIC rose nearly 5% today."
    chunk = Chunk(index=0, start=0, end=len(text), text=text)
    with serve(FakeOpenAI.scripted([tool_reply({"moves": []})])) as server:

        async def go() -> None:
            engine = LLMEngine(Settings(engine="llm", base_url=server.base_url))
            await engine.summarize_chunk(chunk, Article(id="b", text=text))
            await engine.aclose()

        asyncio.run(go())
    assert text in server.requests[0]["messages"][-1]["content"]


def test_429_with_retry_after_then_success() -> None:
    limited = Reply(
        status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0"}
    )
    with serve(FakeOpenAI.scripted([limited, tool_reply(GOOD)])) as server:
        result = run_engine(server)
    assert len(server.requests) == 2 and result.llm_calls == 2
    assert result.summary.moves[0].instrument == "BABA-W"


def test_500_until_retries_run_out_is_an_engine_error() -> None:
    broken = Reply(status=500, body={"error": {"message": "boom"}})
    with serve(FakeOpenAI.scripted([broken])) as server, pytest.raises(EngineError, match="500"):
        run_engine(server, transport_retries=2)
    assert len(server.requests) == 3


def test_a_timeout_is_reported_without_a_retry() -> None:
    # the server may still be computing the answer: asking again would double its work
    slow = Reply(body=completion(arguments=json.dumps(GOOD)), delay=1.0)
    with (
        serve(FakeOpenAI.scripted([slow])) as server,
        pytest.raises(EngineError, match=r"within 0\.2 s"),
    ):
        run_engine(server, timeout_s=0.2, transport_retries=1)
    assert len(server.requests) == 1


def test_non_json_content_is_reasked_then_fails_clearly() -> None:
    prose = Reply(body=completion(content="Sure! Here are the moves: BABA-W up."))
    with serve(FakeOpenAI.scripted([prose])) as server, pytest.raises(EngineError, match="JSON"):
        run_engine(server, mode="json_schema", max_retries=1)
    assert len(server.requests) == 2


def test_a_failed_chunk_still_reports_what_its_requests_cost() -> None:
    prose = Reply(body=completion(content="No JSON here.", prompt_tokens=100, completion_tokens=7))
    with serve(FakeOpenAI.scripted([prose])) as server, pytest.raises(EngineError) as caught:
        run_engine(server, mode="json_schema", max_retries=2)
    assert caught.value.llm_calls == len(server.requests) == 3
    assert caught.value.reasks == 2
    assert (caught.value.prompt_tokens, caught.value.completion_tokens) == (300, 21)


def test_schema_invalid_json_is_reasked_with_the_error_and_fixed() -> None:
    invalid = tool_reply({"moves": [{"instrument": "BABA-W", "direction": "sideways",
                                     "evidence": "BABA-W surged over 18% today"}]})  # fmt: skip
    with serve(FakeOpenAI.scripted([invalid, tool_reply(GOOD)])) as server:
        result = run_engine(server)
    assert len(server.requests) == 2 and result.reasks == 1
    assert "sideways" in json.dumps(server.requests[1]["messages"])
    assert result.summary.moves[0].direction == "up"


def test_hallucinated_evidence_is_reasked_then_dropped_with_a_warning() -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["moves"].append({"instrument": "Nvidia", "direction": "up", "change_pct": 3,
                         "evidence": "Nvidia rose 3% today"})  # fmt: skip
    with serve(FakeOpenAI.scripted([tool_reply(bad)])) as server:
        result = run_engine(server, max_retries=2)
    assert len(server.requests) == 3 and result.reasks == 2
    assert [m.instrument for m in result.summary.moves] == ["BABA-W"]
    assert len(result.summary.catalysts) == 1
    assert any("moves[1]" in w and "verbatim" in w for w in result.warnings)


def test_hallucinated_number_is_reasked_then_dropped_with_a_warning() -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["moves"][0]["change_pct"] = 81
    with serve(FakeOpenAI.scripted([tool_reply(bad)])) as server:
        result = run_engine(server, max_retries=1)
    assert len(server.requests) == 2
    assert result.summary.moves == [] and len(result.summary.catalysts) == 1
    assert any("81" in w for w in result.warnings)


def test_absurd_percent_is_rejected() -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["moves"][0]["change_pct"] = 1.8e15
    with serve(FakeOpenAI.scripted([tool_reply(bad)])) as server:
        result = run_engine(server, max_retries=0)
    assert result.summary.moves == [] and any("plausible" in w for w in result.warnings)


def test_numbers_sent_as_strings_are_accepted() -> None:
    answer = json.loads(json.dumps(GOOD))
    answer["moves"][0]["change_pct"] = "18"
    with serve(FakeOpenAI.scripted([tool_reply(answer)])) as server:
        result = run_engine(server)
    assert result.summary.moves[0].change_pct == 18.0 and len(server.requests) == 1


def test_truncated_output_is_asked_again_with_more_room() -> None:
    cut = Reply(body=completion(arguments='{"moves": [{"instrument": "BA', finish_reason="length"))
    with serve(FakeOpenAI.scripted([cut, tool_reply(GOOD)])) as server:
        result = run_engine(server, max_tokens=512)
    assert [r["max_tokens"] for r in server.requests] == [512, 1024]
    assert result.summary.moves and any("cut off" in w for w in result.warnings)


def test_truncated_twice_is_a_clear_failure() -> None:
    cut = Reply(body=completion(arguments='{"moves": [', finish_reason="length"))
    with serve(FakeOpenAI.scripted([cut])) as server, pytest.raises(EngineError, match="cut off"):
        run_engine(server, max_tokens=512)
    assert len(server.requests) == 2


def test_an_unreachable_endpoint_fails_the_rest_of_the_batch_at_once() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(engine="llm", base_url=f"http://127.0.0.1:{port}/v1", model="test-model",
                        transport_retries=0)  # fmt: skip
    after = settings.breaker_after

    async def go() -> list[EngineError]:
        engine = LLMEngine(settings)
        errors = []
        try:
            for _ in range(after + 2):
                with pytest.raises(EngineError) as caught:
                    await engine.summarize_chunk(CHUNK, ARTICLE)
                errors.append(caught.value)
        finally:
            await engine.aclose()
        return errors

    errors = asyncio.run(go())
    tried, not_sent = errors[:after], errors[after:]
    assert all("APIConnectionError" in str(e) and e.llm_calls == 1 for e in tried)
    for error in not_sent:
        assert str(error).startswith(f"not sent: stopped sending to http://127.0.0.1:{port}/v1")
        assert "could not connect" in str(error) and error.llm_calls == 0
