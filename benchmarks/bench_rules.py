"""Rules-engine throughput end to end: ingest -> clean -> chunk -> rules -> merge -> JSON on disk.

Usage: python benchmarks/bench_rules.py [--articles 1000]
Copies the seeds into a temporary directory until there are N articles (each copy made unique
by a numbered first line, so ids differ), then times `summarizer run` in-process with a fresh
cache directory (a first run: every chunk is computed and stored). Before it, it waits until
creating a file costs what it does at quiet times (benchmarks/disk.py; --no-settle: don't).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner
from disk import settle

from summarizer.cli import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def make_corpus(directory: Path, count: int) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(count):
        (directory / f"article_{i:05d}.txt").write_text(f"Copy {i}\n\n{seeds[i % len(seeds)]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, help="default: the command's (one per core)")
    parser.add_argument("--no-settle", action="store_true", help="time the run at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "in", Path(tmp) / "out"
        corpus.mkdir()
        make_corpus(corpus, args.articles)
        cache = Path(tmp) / "cache"  # a fresh one: every chunk is computed, and stored
        command = ["run", str(corpus), "--out", str(out), "--cache-dir", str(cache), "-q"]
        command += ["--workers", str(args.workers)] if args.workers else []
        if not args.no_settle:
            settle(Path(tmp))
        started = time.perf_counter()
        result = CliRunner().invoke(cli, command)
        seconds = time.perf_counter() - started
        if result.exit_code != 0:
            sys.exit(f"run failed: {result.output}")
        written = len(list(out.glob("*.json")))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{args.articles} articles ({written} digests) in {seconds:.2f} s = "
          f"{args.articles / seconds:.0f} articles/s; peak RSS {peak_mb:.0f} MB "
          f"(largest worker process {worker_mb:.0f} MB)")  # fmt: skip


if __name__ == "__main__":
    main()
