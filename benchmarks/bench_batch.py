"""--batch with 1,000 articles through the loopback Batch API (tests/fake_batches.py), with the
client killed (SIGKILL) while it polls and then run again.

Usage: python benchmarks/bench_batch.py [--articles 1000]      (exit 1 when a check fails)

The articles are fixtures/corpus's (448 today), copied with " Edition N." at the end of every
line so that each copy's chunks are its own. The server answers each request with an empty summary
(valid, so every answer goes to the cache). Checks: one batch created in all (the second run
resumes it), every chunk of every article answered through it (none lost, none sent live),
every digest ok. Prints the time to build and submit the batch and to resume and finish.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_batches import FakeBatches, serve_batches

REPO = Path(__file__).resolve().parent.parent

EMPTY = json.dumps({"moves": [], "catalysts": [], "risks": []})


def empty_answer(body: dict[str, Any]) -> dict[str, Any]:
    call = {"name": "MarketSummary", "arguments": EMPTY}
    message = {"role": "assistant", "content": None,
               "tool_calls": [{"id": "c", "type": "function", "function": call}]}  # fmt: skip
    return {"id": "b", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 10,
                      "total_tokens": 1010}}  # fmt: skip


def write_articles(directory: Path, count: int) -> None:
    sources = sorted((REPO / "fixtures" / "corpus" / "articles").glob("*.txt"))
    for n in range(count):
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        lines = [line + f" Edition {n}." if line.strip() else line for line in text.splitlines()]
        (directory / f"{n:04d}.txt").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    count = parser.parse_args().articles
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        (root / "news").mkdir()
        write_articles(root / "news", count)
        state = FakeBatches(empty_answer, polls_to_finish=10**9)
        with serve_batches(state) as server:
            args = [sys.executable, "-m", "summarizer", "run", str(root / "news"), "--engine",
                    "llm", "--base-url", server.base_url, "--mode", "tools", "--batch",
                    "--poll-interval", "0.2", "--cache-dir", str(root / "cache"), "--out",
                    str(root / "out"), "-q"]  # fmt: skip
            env = {**os.environ, "OPENAI_API_KEY": "sk-bench"}
            started = time.monotonic()
            client = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)  # fmt: skip
            while state.polls < 3:
                if client.poll() is not None:
                    print("the client ended before it polled")
                    return 1
                time.sleep(0.05)
            submitted = state.created[0]
            took_to_submit = time.monotonic() - started
            os.kill(client.pid, signal.SIGKILL)
            client.wait()
            state.polls_to_finish = 1
            started = time.monotonic()
            again = subprocess.run(args, env=env, capture_output=True, text=True)
            took_to_finish = time.monotonic() - started
            requests = state.requests_of(submitted)
        digests = [json.loads(p.read_text()) for p in (root / "out").glob("*.json")]
        chunks = sum(d["chunks"] for d in digests)
        batched = sum(d["usage"]["batched_calls"] for d in digests)
        checks = {
            "one batch created (resumed, not submitted again)": state.created == [submitted],
            "every digest ok": len(digests) == count and all(d["status"] == "ok" for d in digests),
            "every request answered through the batch": batched == len(requests),
            "nothing sent live": state.live == [],
            "the second run exited 0": again.returncode == 0,
        }
    print(f"{count} articles, {chunks} chunks, {len(requests)} distinct requests in one batch; "
          f"built and submitted in {took_to_submit:.1f} s (until its third poll), killed, "
          f"resumed and finished in {took_to_finish:.1f} s")  # fmt: skip
    for check, held in checks.items():
        print(f"{'ok ' if held else 'FAILED'} {check}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
