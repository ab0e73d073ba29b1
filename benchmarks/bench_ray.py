"""Articles per second of `summarizer run` on a two-node Ray cluster on this machine, next to
`--workers 2`, and what starting the cluster costs.

1,000 inputs are the corpus (fixtures/corpus/articles) repeated, each copy with a line of its
own so that every input is a distinct article; the rules engine, with --no-cache, so every run
does the same work. The cluster is two `ray start` nodes of 1 CPU each on loopback (a head and a
node joining it), as tests/test_distributed.py starts it, stopped with `ray stop --force` at the
end whatever happens.

    python benchmarks/bench_ray.py [--articles 1000] [--repeats 2]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "fixtures" / "corpus" / "articles").glob("*.txt"))
RAY = str(Path(sys.executable).with_name("ray"))
# Ray 2.60 turns token authentication on for `ray start --head`; a loopback cluster that lives
# for a benchmark opts out (tests/test_distributed.py says more).
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
ENV["RAY_AUTH_MODE"] = "disabled"


def write_inputs(folder: Path, count: int) -> None:
    for index in range(count):
        source = CORPUS[index % len(CORPUS)]
        text = source.read_text(encoding="utf-8") + f"\n\nCopy {index} of this article.\n"
        (folder / f"{index:04d}_{source.name}").write_text(text, encoding="utf-8")


def timed(*command: str, cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "news").mkdir()
        write_inputs(work / "news", args.articles)
        summarizer = (sys.executable, "-m", "summarizer", "run", "news", "--engine", "rules",
                      "--no-cache", "-q")  # fmt: skip
        address = f"127.0.0.1:{free_port()}"
        node = ("--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats")
        try:
            head_s = timed(RAY, "start", "--head", "--port", address.split(":")[1],
                           "--include-dashboard", "false", *node, cwd=work)  # fmt: skip
            join_s = timed(RAY, "start", "--address", address, *node, cwd=work)
            print(f"cluster start: head {head_s:.1f} s, second node {join_s:.1f} s")
            one = timed(*summarizer[:4], "news/0000_" + CORPUS[0].name, *summarizer[5:], "--ray",
                        address, "--out", "one", cwd=work)  # fmt: skip
            print(f"a run of 1 article with --ray: {one:.1f} s (the fixed cost of a run)")
            for repeat in range(args.repeats):
                on_ray = timed(*summarizer, "--ray", address, "--out", f"ray{repeat}", cwd=work)
                local = timed(*summarizer, "--workers", "2", "--out", f"w{repeat}", cwd=work)
                print(f"run {repeat + 1}: --ray (2 nodes x 1 CPU) {on_ray:.1f} s = "
                      f"{args.articles / on_ray:.0f} articles/s; --workers 2 {local:.1f} s = "
                      f"{args.articles / local:.0f} articles/s; "
                      f"ratio {on_ray / local:.2f}")  # fmt: skip
        finally:
            subprocess.run([RAY, "stop", "--force"], env=ENV, capture_output=True)


if __name__ == "__main__":
    main()
