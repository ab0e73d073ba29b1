"""The cache at scale: a second `run` over cached articles, and `regenerate`, for N articles.

Usage: python benchmarks/bench_cache.py [--articles 1000] [--runs 3]

Makes N unique articles from the seeds, fills a fresh cache with the LLM engine against a
zero-latency loopback fake server (tests/fake_openai.py, in its own process, answering each chunk
with the rules engine's grounded summary of it), then times, each as a subprocess the way a user
runs it, --runs times in turn (each into a new output directory):
1. `summarizer run` over the same articles again: every chunk is a cache hit, no request is made;
2. `summarizer regenerate --out`: every digest rebuilt from the cache, no input files read.
The wall times include the interpreter's start and imports, as a user sees them.

Both commands create a file per article, and on this machine the CPU time the kernel takes to
create a file varies tenfold with the state of the disk (0.05 to 0.9 ms; a fifth of a run at
the high end). Before and after the runs the script measures it where the outputs go, and
prints it beside the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def create_cost(directory: Path, files: int = 300) -> float:
    """CPU milliseconds the kernel takes to create, write and rename one file in directory, as
    digests are written (render.write_atomic)."""
    probe = directory / "probe"
    probe.mkdir()
    data = b"x" * 6000  # about a digest's size
    started = time.thread_time()
    for i in range(files):
        temp, final = probe / f".{i:016x}.json.tmp", probe / f"{i:016x}.json"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.write(fd, data)
        os.close(fd)
        os.replace(temp, final)
    cost = (time.thread_time() - started) / files * 1000
    shutil.rmtree(probe)
    return cost


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
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
        create_before = create_cost(Path(tmp))
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
