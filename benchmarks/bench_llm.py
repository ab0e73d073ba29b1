"""LLM-path benchmarks against a loopback fake OpenAI server (tests/fake_openai.py).

Usage: python benchmarks/bench_llm.py [--calls 300] [--chunks 200] [--latency 0.1 ...]
                                      [--concurrency 16]

1. Overhead per call: chunks summarized one at a time against a zero-latency server, through the
   whole engine (openai client, instructor, validation, grounding), compared with the bare
   openai client making the same request; the difference is what summarizer adds per call.
2. Concurrency: --chunks one-chunk articles through the pipeline against a server that waits
   --latency s per request; the ideal wall time is chunks / concurrency x latency.
(Prompt overhead, what one call sends besides the chunk, is bench_prompt.py's.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_openai import FakeOpenAI, Reply, completion, serve

from summarizer.engines.llm import LLMEngine
from summarizer.engines.rules import summarize_text
from summarizer.models import Article, Chunk
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings

SENTENCE = "BABA-W surged over 18% today after its cloud revenue beat estimates. "
ANSWER = json.dumps(
    {"moves": [{"instrument": "BABA-W", "direction": "up", "change_pct": 18, "qualifier": "over",
                "evidence": "BABA-W surged over 18% today"}],
     "catalysts": [{"summary": "cloud revenue beat", "type": "earnings",
                    "evidence": "its cloud revenue beat estimates"}],
     "risks": []}
)  # fmt: skip


def settings_for(base_url: str, **more: Any) -> Settings:
    return Settings(engine="llm", base_url=base_url, api_key="sk-bench", model="bench",
                    use_cache=False, **more)  # fmt: skip


def answer(delay: float) -> FakeOpenAI:
    return FakeOpenAI.scripted([Reply(body=completion(arguments=ANSWER), delay=delay)])


def rules_answer(latency: float) -> FakeOpenAI:
    """A server that answers any chunk with the rules engine's summary of it: grounded answers
    for arbitrary articles, in the tool-call wire format."""

    def respond(body: dict[str, Any]) -> Reply:
        chunk = body["messages"][-1]["content"].removeprefix("Text:").strip()
        summary = summarize_text(chunk, 0, len(chunk)).model_dump(
            mode="json", exclude={"moves": {"__all__": {"span"}},
                                  "catalysts": {"__all__": {"span"}},
                                  "risks": {"__all__": {"span"}}},
        )  # fmt: skip
        return Reply(body=completion(arguments=json.dumps(summary)), delay=latency)

    return FakeOpenAI(respond)


def _serve_until_terminated(
    latency: float, urls: multiprocessing.Queue[str], grounded: bool = False
) -> None:
    with serve(rules_answer(latency) if grounded else answer(latency)) as server:
        urls.put(server.base_url)
        threading.Event().wait()


@contextmanager
def server_process(latency: float, *, grounded: bool = False) -> Iterator[str]:
    """The fake server in its own process, as a real one is: in a thread here, its work would
    share this process's GIL and count as ours. `grounded`: answer with `rules_answer`."""
    urls: multiprocessing.Queue[str] = multiprocessing.Queue()
    process = multiprocessing.Process(
        target=_serve_until_terminated, args=(latency, urls, grounded), daemon=True
    )
    process.start()
    try:
        yield urls.get(timeout=30)
    finally:
        process.terminate()
        process.join()


def one_chunk() -> tuple[Chunk, Article]:
    text = SENTENCE * 3
    return Chunk(index=0, start=0, end=len(text), text=text), Article(id="bench", text=text)


async def engine_calls(base_url: str, calls: int) -> tuple[list[float], dict[str, Any]]:
    """Per-call times through the engine, and the request it sends (for the bare client)."""
    chunk, article = one_chunk()
    sent: list[dict[str, Any]] = []
    recorder = LLMEngine(settings_for(base_url), on_exchange=lambda req, _resp: sent.append(req))
    await recorder.summarize_chunk(chunk, article)
    await recorder.aclose()
    engine = LLMEngine(settings_for(base_url))
    await engine.summarize_chunk(chunk, article)  # warm-up: client, connection, schema
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        result = await engine.summarize_chunk(chunk, article)
        times.append(time.perf_counter() - started)
        assert result.summary.moves, "the fake answer must validate"
    await engine.aclose()
    return times, sent[0]


async def bare_client_calls(base_url: str, calls: int, request: dict[str, Any]) -> list[float]:
    import openai

    client = openai.AsyncOpenAI(base_url=base_url, api_key="sk-bench")
    await client.chat.completions.create(**request)
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        await client.chat.completions.create(**request)
        times.append(time.perf_counter() - started)
    await client.close()
    return times


def overhead(calls: int) -> None:
    with server_process(0.0) as base_url:
        ours, request = asyncio.run(engine_calls(base_url, calls))
        bare = asyncio.run(bare_client_calls(base_url, calls, request))
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    added_ms = ours_ms - bare_ms
    print(f"per call, zero-latency server, {calls} calls (median): engine {ours_ms:.2f} ms, bare "
          f"openai client {bare_ms:.2f} ms -> summarizer adds {added_ms:.2f} ms")  # fmt: skip


async def pipeline_run(base_url: str, chunks: int, concurrency: int) -> float:
    articles = [Article(id=f"a{i}", text=f"Article {i}. {SENTENCE}") for i in range(chunks)]
    async with Summarizer(settings_for(base_url, concurrency=concurrency)) as summarizer:
        started = time.perf_counter()
        digests = await summarizer.summarize_many(articles)
        seconds = time.perf_counter() - started
    assert all(d.status == "ok" for d in digests), {d.status for d in digests}
    return seconds


def concurrency(chunks: int, latency: float, slots: int) -> None:
    with server_process(latency) as base_url:
        first = asyncio.run(pipeline_run(base_url, chunks, slots))
        # what a long batch sees: the one-time imports (openai, instructor) already paid
        seconds = asyncio.run(pipeline_run(base_url, chunks, slots))
    ideal = chunks / slots * latency
    print(f"{chunks} chunks, {latency * 1000:.0f} ms latency, concurrency {slots}: {seconds:.2f} s;"
          f" ideal {ideal:.2f} s -> {seconds / ideal:.2f}x ideal (first run in the process, "
          f"with the imports: {first:.2f} s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--chunks", type=int, default=200)
    parser.add_argument("--latency", type=float, nargs="+", default=[0.1])
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    overhead(args.calls)
    for latency in args.latency:
        concurrency(args.chunks, latency, args.concurrency)


if __name__ == "__main__":
    main()
