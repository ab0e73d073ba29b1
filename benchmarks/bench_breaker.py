"""A 100-article `summarizer run` with default settings against an endpoint that fails: how long
until the command exits, how many requests reached the server, and whether every article is
accounted for (defect 5 of issue 15).

Usage: python benchmarks/bench_breaker.py [--articles 100]
                                          [--which 429 429-wait hang trickle refuse]

Each case starts a loopback server (tests/fake_openai.py) in this process and runs the real
command in a subprocess (`python -m summarizer run DIR --engine llm --base-url URL --no-cache`,
nothing else: default timeouts, retries, breaker, concurrency and workers):
- 429: every request gets 429 without Retry-After (backoff with jitter);
- 429-wait: every request gets 429 with `Retry-After: 5`;
- hang: the server accepts and reads each request and never answers (not GET /models either);
- trickle: it sends the headers of a long body, then a byte every 0.5 s;
- refuse: nothing listens on the port.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_openai import FakeOpenAI, Reply, serve, serve_silent

CASES = ("429", "429-wait", "hang", "trickle", "refuse")


@contextmanager
def endpoint(case: str) -> Iterator[tuple[str, object]]:
    """The base URL of a server failing as `case` says, and something that counts its requests."""
    if case in ("429", "429-wait"):
        headers = {"retry-after": "5"} if case == "429-wait" else {}
        limited = Reply(status=429, body={"error": {"message": "rate limited"}}, headers=headers)
        with serve(FakeOpenAI.scripted([limited])) as server:
            yield server.base_url, server
    elif case in ("hang", "trickle"):
        trickle = {"trickle_every": 0.5, "trickle_for": 3600.0} if case == "trickle" else {}
        with serve_silent(**trickle) as server:  # type: ignore[arg-type]
            yield server.base_url, server
    else:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        yield f"http://127.0.0.1:{port}/v1", None


def requests_seen(server: object) -> int:
    if server is None:
        return 0
    return len(server.requests)  # type: ignore[attr-defined]


def run_case(case: str, articles: Path, out: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    with endpoint(case) as (base_url, server):
        command = [sys.executable, "-m", "summarizer", "run", str(articles), "--engine", "llm",
                   "--base-url", base_url, "--no-cache", "--out", str(out), "-q"]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
        seconds = time.perf_counter() - started
        requests = requests_seen(server)
    digests = [json.loads(p.read_text()) for p in out.glob("*.json")]
    status = Counter(d["status"] for d in digests)
    causes = Counter(_cause(d.get("error") or "") for d in digests)
    print(f"{case:9} exit {done.returncode}  {seconds:6.1f} s  {requests:4} requests  "
          f"{len(digests)} digests {dict(status)}  causes {dict(causes)}")  # fmt: skip


def _cause(error: str) -> str:
    if "not sent" in error or "not retried" in error:
        return "breaker"
    if "deadline" in error:
        return "deadline"
    return "own failure"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--which", nargs="+", choices=CASES, default=list(CASES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        for i in range(args.articles):
            (articles / f"a{i:03}.txt").write_text(
                f"Stocks rallied on day {i}. BABA-W surged over {i % 17 + 2}% today after "
                "earnings beat estimates.\n",
                encoding="utf-8",
            )
        for case in args.which:
            run_case(case, articles, Path(tmp) / f"out-{case}")


if __name__ == "__main__":
    main()
