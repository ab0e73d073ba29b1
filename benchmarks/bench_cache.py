"""The cache at scale: a second `run` over cached articles, and `regenerate`, for N articles.

Usage: python benchmarks/bench_cache.py [--articles 1000]

Makes N unique articles from the seeds, fills a fresh cache with the LLM engine against a
zero-latency loopback fake server (tests/fake_openai.py, in its own process, answering each chunk
with the rules engine's grounded summary of it), then times, each as
a subprocess the way a user runs it:
1. `summarizer run` over the same articles again: every chunk is a cache hit, no request is made;
2. `summarizer regenerate --out`: every digest rebuilt from the cache, no input files read.
The wall times include the interpreter's start and imports, as a user sees them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_llm import server_process
from bench_rules import make_corpus


def summarizer(*args: str, env: dict[str, str]) -> float:
    """Seconds one `summarizer` command took; exits when it fails."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", *args, "-q"], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"summarizer {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def cached_chunks(out: Path) -> tuple[int, int]:
    """(cache hits, engine calls) summed over the digests in `out`."""
    hits = calls = 0
    for path in out.glob("*.json"):
        usage = json.loads(path.read_text(encoding="utf-8"))["usage"]
        hits += usage["cache_hits"]
        calls += usage["llm_calls"]
    return hits, calls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, server_process(0.0, grounded=True) as base_url:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        make_corpus(corpus, args.articles)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
        env |= {"SUMMARIZER_CACHE_DIR": str(Path(tmp) / "cache"), "OPENAI_API_KEY": "sk-bench"}
        llm = ["--engine", "llm", "--base-url", base_url, "--model", "bench", "--format", "json"]

        fill = summarizer("run", str(corpus), "--out", str(Path(tmp) / "first"), *llm, env=env)
        cached = summarizer("run", str(corpus), "--out", str(Path(tmp) / "second"), *llm, env=env)
        hits, calls = cached_chunks(Path(tmp) / "second")
        if calls:
            sys.exit(f"the cached run made {calls} model calls")
        regenerate = summarizer("regenerate", "--out", str(Path(tmp) / "regen"), env=env)
        regenerated = len(list((Path(tmp) / "regen").glob("*.json")))

    n = args.articles
    print(f"fill: run of {n} articles against a zero-latency server: {fill:.2f} s")
    print(f"cached run: {n} articles ({hits} chunks from the cache, 0 model calls) in "
          f"{cached:.2f} s = {n / cached:.0f} articles/s")  # fmt: skip
    print(f"regenerate --out: {regenerated} digests in {regenerate:.2f} s")


if __name__ == "__main__":
    main()
