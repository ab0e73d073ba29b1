"""Articles per second of `summarizer run` and `regenerate` on a Ray cluster on this machine, with
one node and then two, next to `--workers 1` and `--workers 2`; the driver's own CPU time (what
does not scale with the nodes); and what starting the cluster costs.

1,000 inputs are the corpus (fixtures/corpus/articles) repeated, each copy with a line of its
own so that every input is a distinct article; the rules engine. `run` is timed with
--no-cache, so every run does the same work; `regenerate` rebuilds a folder that a run with the
cache wrote (the same folder each time: its files keep their bytes). The cluster is `ray start`
nodes of 1 CPU each on loopback (a head, then a second node joining it), as
tests/test_distributed.py starts them, stopped with `ray stop --force` at the end whatever
happens. The 1-node figures are taken first, then the second node joins for the rest.

The driver's CPU is the user + system time of the `summarizer` process (and of any process it
waited for) that read the inputs (or the cache), sent them and wrote the outputs: it stays
with the machine the command runs on however many nodes there are.

    python benchmarks/bench_ray.py [--articles 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "fixtures" / "corpus" / "articles").glob("*.txt"))
RAY = str(Path(sys.executable).with_name("ray"))
SUMMARIZER = (sys.executable, "-m", "summarizer")
# Ray 2.60 turns token authentication on for `ray start --head`; a loopback cluster that lives
# for a benchmark opts out (tests/test_distributed.py says more).
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
ENV["RAY_AUTH_MODE"] = "disabled"


@dataclass(frozen=True)
class Timed:
    wall_s: float
    cpu_s: float  # user + system of the command's process and those it waited for


def write_inputs(folder: Path, count: int) -> None:
    for index in range(count):
        source = CORPUS[index % len(CORPUS)]
        text = source.read_text(encoding="utf-8") + f"\n\nCopy {index} of this article.\n"
        (folder / f"{index:04d}_{source.name}").write_text(text, encoding="utf-8")


def timed(*command: str, cwd: Path) -> Timed:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(seconds, cpu)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_cpus(address: str, cpus: int, *, cwd: Path) -> None:
    """Until the cluster counts cpus CPUs: a run sizes its actor pool by them when it starts."""
    check = (
        "import ray, time\n"
        f"ray.init(address={address!r}, logging_level='ERROR')\n"
        "deadline = time.monotonic() + 60\n"
        f"while ray.cluster_resources().get('CPU', 0) < {cpus}:\n"
        "    assert time.monotonic() < deadline, ray.cluster_resources()\n"
        "    time.sleep(0.2)\n"
    )
    timed(sys.executable, "-c", check, cwd=cwd)


class Bench:
    """The commands measured, in one working directory with the inputs and a cached folder."""

    def __init__(self, work: Path, articles: int) -> None:
        self.work = work
        self.articles = articles
        self.run = (*SUMMARIZER, "run", "news", "--engine", "rules", "--no-cache", "-q")
        self.regenerate = (*SUMMARIZER, "regenerate", "--out", "cached", "--cache-dir", "cache",
                           "-q")  # fmt: skip

    def prepare(self) -> None:
        (self.work / "news").mkdir()
        write_inputs(self.work / "news", self.articles)
        # the folder every regenerate rebuilds, and the cache it rebuilds it from
        timed(*SUMMARIZER, "run", "news", "--engine", "rules", "--out", "cached", "--cache-dir",
              "cache", "-q", cwd=self.work)  # fmt: skip

    def say(self, what: str, measured: Timed, *, driver: bool = False) -> None:
        rate = self.articles / measured.wall_s
        line = f"{what}: {measured.wall_s:.1f} s = {rate:.0f} articles/s"
        if driver:
            line += f"; driver CPU {measured.cpu_s:.1f} s"
        print(line, flush=True)

    def on_ray(self, address: str, nodes: int, repeat: int) -> None:
        ran = timed(*self.run, "--ray", address, "--out", f"ray{nodes}-{repeat}", cwd=self.work)
        self.say(f"run --ray, {nodes} node(s)", ran, driver=True)
        rebuilt = timed(*self.regenerate, "--ray", address, cwd=self.work)
        self.say(f"regenerate --ray, {nodes} node(s)", rebuilt, driver=True)

    def local(self, workers: int, repeat: int) -> None:
        ran = timed(*self.run, "--workers", str(workers), "--out", f"w{workers}-{repeat}",
                    cwd=self.work)  # fmt: skip
        self.say(f"run --workers {workers}", ran)
        rebuilt = timed(*self.regenerate, "--workers", str(workers), cwd=self.work)
        self.say(f"regenerate --workers {workers}", rebuilt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(Path(tmp), args.articles)
        bench.prepare()
        address = f"127.0.0.1:{free_port()}"
        node = ("--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats")
        try:
            head = timed(RAY, "start", "--head", "--port", address.split(":")[1],
                         "--include-dashboard", "false", *node, cwd=bench.work)  # fmt: skip
            print(f"cluster start: head {head.wall_s:.1f} s")
            one = timed(*bench.run[:4], "news/0000_" + CORPUS[0].name, *bench.run[5:], "--ray",
                        address, "--out", "one", cwd=bench.work)  # fmt: skip
            print(f"a run of 1 article with --ray: {one.wall_s:.1f} s, driver CPU "
                  f"{one.cpu_s:.1f} s (the fixed costs of a run)")  # fmt: skip
            for repeat in range(args.repeats):
                bench.on_ray(address, 1, repeat)
                bench.local(1, repeat)
            joined = timed(RAY, "start", "--address", address, *node, cwd=bench.work)
            print(f"second node joined: {joined.wall_s:.1f} s")
            wait_for_cpus(address, 2, cwd=bench.work)
            for repeat in range(args.repeats):
                bench.on_ray(address, 2, repeat)
                bench.local(2, repeat)
        finally:
            subprocess.run([RAY, "stop", "--force"], env=ENV, capture_output=True)


if __name__ == "__main__":
    main()
