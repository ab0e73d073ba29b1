"""The cache at scale: a second `run` over cached articles, and `regenerate`, for N articles.

Usage: python benchmarks/bench_cache.py [--articles 1000] [--runs 3]

Makes N unique articles from the seeds, fills a fresh cache with the LLM engine against a
zero-latency loopback fake server (tests/fake_openai.py, in its own process, answering each chunk
with the rules engine's grounded summary of it), then times, each as a subprocess the way a user
runs it, --runs times in turn (each into a new output directory):
1. `summarizer run` over the same articles again: every chunk is a cache hit, no request is made;
2. `summarizer regenerate --all --out`: every digest rebuilt from the cache, no input read.
The wall times include the interpreter's start and imports, as a user sees them.

Both commands create a file per article, and on this machine creating a file costs up to 1.2 ms
of kernel CPU instead of 0.05 for a minute or more after many files were deleted nearby
(benchmarks/disk.py says why). So nothing is deleted until the runs are done, and before them
the script waits until creating a file costs what it does at quiet times (--no-settle: don't
wait). It prints that cost before and after the runs, and each command's CPU time, beside the
results.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_llm import server_process
from bench_rules import make_corpus
from disk import create_cost, settle


@dataclass
class Timing:
    """One command's wall time, and the CPU time it used (user, and kernel for it)."""

    wall: float
    user: float
    system: float


def summarizer(*args: str, env: dict[str, str]) -> Timing:
    """How long one `summarizer` command took; exits when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", *args, "-q"], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"summarizer {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(seconds, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)


def stolen_ticks() -> int:
    """Clock ticks the hypervisor gave to others while this machine's CPUs wanted to run."""
    return int(Path("/proc/stat").read_text().split("\n", 1)[0].split()[8])


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
    cached: list[Timing] = []
    regenerated: list[Timing] = []
    with tempfile.TemporaryDirectory() as tmp, server_process(0.0, grounded=True) as base_url:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        make_corpus(corpus, args.articles)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
        env |= {"SUMMARIZER_CACHE_DIR": str(Path(tmp) / "cache"), "OPENAI_API_KEY": "sk-bench"}
        llm = ["--engine", "llm", "--base-url", base_url, "--model", "bench", "--format", "json"]

        fill = summarizer("run", str(corpus), "--out", str(Path(tmp) / "first"), *llm, env=env)
        create_before = create_cost(Path(tmp)) if args.no_settle else settle(Path(tmp))
        stolen_before, started = stolen_ticks(), time.perf_counter()
        for run in range(args.runs):
            second, regen = Path(tmp) / f"second{run}", Path(tmp) / f"regen{run}"
            cached.append(summarizer("run", str(corpus), "--out", str(second), *llm, env=env))
            hits, calls = cached_chunks(second)
            if calls:
                sys.exit(f"the cached run made {calls} model calls")
            regenerated.append(summarizer("regenerate", "--all", "--out", str(regen), env=env))
            if len(list(regen.glob("*.json"))) != args.articles:
                sys.exit(f"regenerate wrote {len(list(regen.glob('*.json')))} digests")
        stolen = (stolen_ticks() - stolen_before) / os.sysconf("SC_CLK_TCK")
        stolen_share = stolen / (os.cpu_count() or 1) / (time.perf_counter() - started)
        create_after = create_cost(Path(tmp))

    n = args.articles
    rates = [n / t.wall for t in cached]
    print(f"fill: run of {n} articles against a zero-latency server: {fill.wall:.2f} s")
    print(f"creating a file where the outputs go: {create_before:.2f} ms CPU before the runs, "
          f"{create_after:.2f} ms after; CPU stolen by the host during the runs: "
          f"{stolen_share:.0%}")  # fmt: skip
    print(f"cached run of {n} articles ({hits} chunks from the cache, 0 model calls), "
          f"{args.runs} runs: {', '.join(f'{r:.0f}' for r in rates)} articles/s; "
          f"{sum(r >= 500 for r in rates)} of {args.runs} at 500 or more; "
          f"CPU s (user+kernel): {_cpu(cached)}")  # fmt: skip
    print(f"regenerate --all --out of {n} digests, {args.runs} runs: "
          f"{', '.join(f'{t.wall:.2f}' for t in regenerated)} s; "
          f"{sum(t.wall < 2 for t in regenerated)} of {args.runs} under 2 s; "
          f"CPU s (user+kernel): {_cpu(regenerated)}")  # fmt: skip


def _cpu(timings: list[Timing]) -> str:
    return ", ".join(f"{t.user:.2f}+{t.system:.2f}" for t in timings)


if __name__ == "__main__":
    main()
