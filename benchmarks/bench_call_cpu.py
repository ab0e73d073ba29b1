"""Client-side CPU of one LLM call, against a loopback fake OpenAI server that takes --delay s.

Usage: python benchmarks/bench_call_cpu.py [--calls 40] [--delay 0.5] [--budget 0.02]

Chunks are summarized one at a time through the whole engine (openai client, instructor,
validation, grounding) against tests/fake_openai.py running in its own process, so that only
this process's CPU is counted (`time.process_time`: every thread of it, user and kernel). The
same request is then sent as many times with the bare openai client, for what the client alone
costs. The first call of each (imports, client, schema) is left out and reported apart: a
batch pays it once. Exits 1 when the engine's median CPU per call is over --budget of the
median call's latency (the project's target: 2 % at 500 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bench_llm import one_chunk, server_process, settings_for

from summarizer.engines.llm import LLMEngine


@dataclass(frozen=True)
class Calls:
    first_cpu_s: float
    cpu_s: list[float]  # per call after the first
    wall_s: list[float]


async def measured(call: Callable[[], Awaitable[object]], calls: int) -> Calls:
    cpu_started = time.process_time()
    await call()
    first_cpu = time.process_time() - cpu_started
    cpu, wall = [], []
    for _ in range(calls):
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        await call()
        cpu.append(time.process_time() - cpu_started)
        wall.append(time.perf_counter() - wall_started)
    return Calls(first_cpu, cpu, wall)


async def engine_calls(base_url: str, calls: int) -> tuple[Calls, dict[str, Any]]:
    """The engine's calls, and the request body it sends (for the bare client)."""
    chunk, article = one_chunk()
    sent: list[dict[str, Any]] = []
    engine = LLMEngine(settings_for(base_url), on_exchange=lambda req, _resp: sent.append(req))

    async def call() -> None:
        result = await engine.summarize_chunk(chunk, article)
        assert result.summary.moves, "the fake answer must validate"

    try:
        return await measured(call, calls), sent[0]
    finally:
        await engine.aclose()


async def bare_client_calls(base_url: str, calls: int, request: dict[str, Any]) -> Calls:
    import openai

    client = openai.AsyncOpenAI(base_url=base_url, api_key="sk-bench", max_retries=0)
    try:
        return await measured(lambda: client.chat.completions.create(**request), calls)
    finally:
        await client.close()


def line(name: str, measured: Calls) -> str:
    cpu_ms = statistics.median(measured.cpu_s) * 1000
    wall_ms = statistics.median(measured.wall_s) * 1000
    return (
        f"{name}: median {cpu_ms:.2f} ms CPU a call (max {max(measured.cpu_s) * 1000:.2f}) "
        f"in {wall_ms:.0f} ms a call = {cpu_ms / wall_ms:.2%} of its latency; "
        f"first call {measured.first_cpu_s * 1000:.0f} ms CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.5, help="seconds the server takes")
    parser.add_argument("--budget", type=float, default=0.02, help="largest CPU share allowed")
    args = parser.parse_args()
    with server_process(args.delay) as base_url:
        ours, request = asyncio.run(engine_calls(base_url, args.calls))
        bare = asyncio.run(bare_client_calls(base_url, args.calls, request))
    print(f"{args.calls} calls one at a time, server delay {args.delay * 1000:.0f} ms")
    print(line("engine (openai + instructor + validation + grounding)", ours))
    print(line("bare openai client, same request", bare))
    share = statistics.median(ours.cpu_s) / statistics.median(ours.wall_s)
    verdict = "within" if share < args.budget else "OVER"
    print(f"{verdict} the budget of {args.budget:.0%} of a call's latency")
    sys.exit(0 if share < args.budget else 1)


if __name__ == "__main__":
    main()
