"""The cache at scale: a second `run` over cached articles, and `regenerate`, for N articles.

Usage: python benchmarks/bench_cache.py [--articles 1000] [--runs 3]

Makes N unique articles from the seeds, fills a fresh cache with the LLM engine against a
zero-latency loopback fake server (tests/fake_openai.py, in its own process, answering each chunk
with the rules engine's grounded summary of it), then times, each as a subprocess the way a user
runs it, --runs times in turn (each into a new output directory):
1. `summarizer run` over the same articles again: every chunk is a cache hit, no request is made;
2. `summarizer regenerate --out`: every digest rebuilt from the cache, no input files read.
The wall times include the interpreter's start and imports, as a user sees them.

Both commands create a file per article, and on this machine creating a file costs up to 1.2 ms
of kernel CPU instead of 0.05 for minutes after many files were deleted nearby (benchmarks/
disk.py says why). So nothing is deleted until the runs are done, and before them the script
waits until creating a file costs what it does at quiet times (--no-settle: don't wait). It
prints that cost before and after the runs beside the results.
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
from disk import create_cost, settle


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
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-settle", action="store_true", help="time the runs at once")
    args = parser.parse_args()
    cached: list[float] = []
    regenerated: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, server_process(0.0, grounded=True) as base_url:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        make_corpus(corpus, args.articles)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
        env |= {"SUMMARIZER_CACHE_DIR": str(Path(tmp) / "cache"), "OPENAI_API_KEY": "sk-bench"}
        llm = ["--engine", "llm", "--base-url", base_url, "--model", "bench", "--format", "json"]

        fill = summarizer("run", str(corpus), "--out", str(Path(tmp) / "first"), *llm, env=env)
        create_before = create_cost(Path(tmp)) if args.no_settle else settle(Path(tmp))
        for run in range(args.runs):
            second, regen = Path(tmp) / f"second{run}", Path(tmp) / f"regen{run}"
            cached.append(summarizer("run", str(corpus), "--out", str(second), *llm, env=env))
            hits, calls = cached_chunks(second)
            if calls:
                sys.exit(f"the cached run made {calls} model calls")
            regenerated.append(summarizer("regenerate", "--out", str(regen), env=env))
            if len(list(regen.glob("*.json"))) != args.articles:
                sys.exit(f"regenerate wrote {len(list(regen.glob('*.json')))} digests")
        create_after = create_cost(Path(tmp))

    n = args.articles
    rates = [n / seconds for seconds in cached]
    print(f"fill: run of {n} articles against a zero-latency server: {fill:.2f} s")
    print(f"creating a file where the outputs go: {create_before:.2f} ms CPU before the runs, "
          f"{create_after:.2f} ms after")  # fmt: skip
    print(f"cached run of {n} articles ({hits} chunks from the cache, 0 model calls), "
          f"{args.runs} runs: {', '.join(f'{r:.0f}' for r in rates)} articles/s; "
          f"{sum(r >= 500 for r in rates)} of {args.runs} at 500 or more")  # fmt: skip
    print(f"regenerate --out of {n} digests, {args.runs} runs: "
          f"{', '.join(f'{s:.2f}' for s in regenerated)} s; "
          f"{sum(s < 2 for s in regenerated)} of {args.runs} under 2 s")  # fmt: skip


if __name__ == "__main__":
    main()
