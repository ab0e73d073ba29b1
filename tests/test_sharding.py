"""Batches shared out to worker processes: the same outputs as one process, and no input lost."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer import sharding
from summarizer.engines.rules import RulesEngine
from summarizer.ingest import input_units, read_articles
from summarizer.models import Article, Chunk
from summarizer.pipeline import summarize_many
from summarizer.settings import Settings
from summarizer.sharding import Finished, ShardedRun, worth_sharding

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
ARTICLES = 2 * sharding.MIN_INPUTS_PER_WORKER + 3  # enough for two workers


def make_inputs(directory: Path) -> Path:
    """Unique articles made from the seeds, plus an empty file and a bad JSONL line."""
    directory.mkdir()
    for i in range(ARTICLES):
        seed = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
        (directory / f"article_{i:03d}.txt").write_text(f"Copy {i}\n\n{seed}", encoding="utf-8")
    (directory / "empty.txt").write_bytes(b"")
    (directory / "records.jsonl").write_text('{"text": "SMIC rose 5% today."}\nnot json\n')
    return directory


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_CACHE_DIR"] = str(cwd / "cache")
    return subprocess.run([sys.executable, "-m", "summarizer", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def files_of(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def without_usage(directory: Path) -> dict[str, Any]:
    files: dict[str, Any] = files_of(directory)
    for name in [n for n in files if n.endswith(".json")]:
        files[name] = json.loads(files[name])
        files[name].pop("usage")
    files["digests.jsonl"] = [json.loads(line) for line in files["digests.jsonl"].splitlines()]
    for record in files["digests.jsonl"]:
        record.pop("usage")
    return files


def test_a_run_in_two_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    formats = ["--format", "json", "--format", "md", "--format", "csv", "--format", "jsonl"]
    one = command("run", "in", "--out", "one", "--cache-dir", "cache_one", "--workers", "1",
                  *formats, cwd=tmp_path)  # fmt: skip
    two = command("run", "in", "--out", "two", "--workers", "2", *formats, cwd=tmp_path)
    assert one.returncode == two.returncode == 1  # the empty file and the bad line
    # only usage may differ: which copy of a repeated chunk hits the cache depends on timing
    assert without_usage(tmp_path / "one") == without_usage(tmp_path / "two")
    assert len(list((tmp_path / "two").glob("*.json"))) == ARTICLES + 1  # + the JSONL record
    for line in ("error: in/empty.txt: empty (no text)", "failed"):
        assert line in two.stderr
    # the parent's summary, counted from what the workers sent back, says what one process says
    summary = [line for line in one.stderr.splitlines() if " articles: " in line]
    assert len(summary) == 1 and summary[0] in two.stderr.splitlines()
    # cache stats says what the parent printed, counted from what the workers sent back
    lines = two.stderr.splitlines()
    ended = lines[next(i for i, line in enumerate(lines) if " articles: " in line) :]
    stats = command("cache", "stats", cwd=tmp_path).stdout.splitlines()
    assert stats[-len(ended) - 1 :] == [lines[0], *ended]


def test_regenerate_in_two_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    assert command("run", "in", "--out", "first", "--workers", "1", cwd=tmp_path).returncode == 1
    for folder in ("one", "two"):  # each rebuilt in place, from its record of what it holds
        shutil.copytree(tmp_path / "first", tmp_path / folder)
        for digest in (tmp_path / folder).glob("*.json"):
            digest.write_bytes(b"{}")  # rebuilt, or this would be left in it
    one = command("regenerate", "--out", "one", "--workers", "1", cwd=tmp_path)
    two = command("regenerate", "--out", "two", "--workers", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0
    assert files_of(tmp_path / "one") == files_of(tmp_path / "two")
    assert len(list((tmp_path / "two").glob("*.json"))) == ARTICLES + 1
    # every cached article, in the index's order, under the names a run gives them
    every = command("regenerate", "--all", "--out", "every", "--workers", "2", cwd=tmp_path)
    assert every.returncode == 0, every.stderr
    digests = {n: b for n, b in files_of(tmp_path / "one").items() if n.endswith(".json")}
    assert {n: b for n, b in files_of(tmp_path / "every").items() if n.endswith(".json")} == digests


def test_digests_come_back_in_input_order_from_every_worker(tmp_path: Path) -> None:
    units = input_units([str(make_inputs(tmp_path / "in"))])
    settings = Settings(engine="rules", use_cache=False)
    finished: list[Finished] = []
    with ShardedRun(units, settings, engine="rules", workers=2, out_dir=None) as run:
        assert run._pool is not None and len(run._pool._processes) == 2
        digests = run.wait(finished.append)
    expected = summarize_many(read_articles(units), settings)
    assert [d.model_dump() for d in digests] == [d.model_dump() for d in expected]
    assert sorted(f.source_path or "" for f in finished) == sorted(
        d.source_path or "" for d in expected
    )


def test_a_worker_that_dies_costs_the_unfinished_inputs_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = input_units([str(make_inputs(tmp_path / "in"))])
    doomed = units[-1]

    def read_or_die(paths: list[str], **how: Any) -> Any:
        if doomed in paths:
            time.sleep(1.0)  # the other worker's digests are sent meanwhile
            os._exit(3)  # as a segfault or the OOM killer would end it
        return read_articles(paths, **how)

    monkeypatch.setattr(sharding, "read_articles", read_or_die)  # the workers are forked
    settings = Settings(engine="rules", use_cache=False)
    finished: list[Finished] = []
    with ShardedRun(units, settings, engine="rules", workers=2, out_dir=None) as run:
        digests = run.wait(finished.append)
    failed = [d for d in digests if d.error and "worker process failed" in d.error]
    assert doomed in {d.source_path for d in failed}
    # what the other worker did is kept (the dead one's unsent digests are lost with it)
    assert sum(d.status == "ok" for d in digests) >= 10
    sources = {d.source_path for d in digests}
    assert all(u in sources or any(s and s.startswith(u) for s in sources) for u in units)
    assert len(finished) >= len(units)


def test_small_batches_and_stdin_stay_in_one_process() -> None:
    assert not worth_sharding(["a.txt"] * 10, workers=2)
    assert worth_sharding(["a.txt"] * 2 * sharding.MIN_INPUTS_PER_WORKER, workers=2)
    assert not worth_sharding(["-", *["a.txt"] * 100], workers=2)
    assert not worth_sharding(["a.txt"] * 100, workers=1)


def test_batches_are_consecutive_and_cover_every_unit() -> None:
    units = [str(i) for i in range(10)]
    batches = sharding._batches(units, 4)
    assert [u for batch in batches for u in batch] == units
    assert [len(b) for b in batches] == [4, 4, 2]


def test_an_interrupted_run_stops_its_workers_and_keeps_what_was_written(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = SEEDS[0].read_text(encoding="utf-8")
    for i in range(400):  # seconds of work: still running when interrupted
        (inputs / f"article_{i:03d}.txt").write_text(f"Copy {i}\n\n{seed}", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    run = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "run", "in", "--out", "out", "--cache-dir", "cache",
         "--workers", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not list((tmp_path / "out").glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = subprocess.run(["pgrep", "-P", str(run.pid)], capture_output=True, text=True)
    run.send_signal(signal.SIGINT)  # to the parent alone: its workers are told to stop
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 1 and "Aborted!" in stderr
    assert len(workers.stdout.split()) == 2
    time.sleep(0.5)
    assert not [pid for pid in workers.stdout.split() if Path(f"/proc/{pid}").exists()]
    written = list((tmp_path / "out").glob("*.json"))
    assert 0 < len(written) < 400
    for path in written:
        assert json.loads(path.read_text(encoding="utf-8"))["status"] == "ok"


def test_progress_arrives_as_digests_are_made_not_sixteen_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = input_units([str(make_inputs(tmp_path / "in"))])
    real = RulesEngine.summarize_chunk

    async def slowly(self: RulesEngine, chunk: Chunk, article: Article) -> Any:
        await asyncio.sleep(0.3)  # as a model would take
        return await real(self, chunk, article)

    monkeypatch.setattr(RulesEngine, "summarize_chunk", slowly)  # the workers are forked
    arrivals: list[float] = []
    started = time.monotonic()
    settings = Settings(engine="rules", use_cache=False, concurrency=8)
    with ShardedRun(units, settings, engine="rules", workers=2, out_dir=None) as run:
        run.wait(lambda _finished: arrivals.append(time.monotonic() - started))
    # 4 chunks in flight per worker, 2 chunks an article: 16 digests take a worker 2.4 s; the
    # first are sent long before 16 are made
    assert len(arrivals) == len(units) + 1 and arrivals[0] < 1.5 < arrivals[-1]


def test_a_worker_sends_its_digests_sixteen_to_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[list[Any]] = []

    class Results:
        def put(self, message: list[Any]) -> None:
            messages.append(message)

    monkeypatch.setattr(sharding, "_results", Results())
    monkeypatch.setattr(sharding, "_unsent", [])
    digest = summarize_many([Article(id="a", text="SMIC rose 5% today.")],
                            Settings(engine="rules", use_cache=False))[0]  # fmt: skip
    work = sharding._Work("inputs", (), outlines=True)
    for position in range(2 * sharding._DIGESTS_PER_MESSAGE + 1):
        sharding._send((position, 0), digest, None, work, None)
    assert [len(m) for m in messages] == [16, 16]
    sharding._flush()  # the rest go at the next tick of the timer, or at the end
    assert [len(m) for m in messages] == [16, 16, 1]
    assert [p for m in messages for (p, _i), _outline, _parts, _entry in m] == list(range(33))


def test_workers_leave_what_they_inherit_out_of_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = input_units([str(make_inputs(tmp_path / "in"))])
    seen = tmp_path / "frozen"
    seen.mkdir()

    def read_and_note(paths: list[str], **how: Any) -> Any:  # runs in the (forked) workers
        (seen / str(os.getpid())).write_text(str(gc.get_freeze_count()))
        return read_articles(paths, **how)

    monkeypatch.setattr(sharding, "read_articles", read_and_note)
    settings = Settings(engine="rules", use_cache=False)
    with ShardedRun(units, settings, engine="rules", workers=2, out_dir=None) as run:
        assert gc.get_freeze_count() == 0  # this process collects as before
        run.wait(lambda _finished: None)
    frozen = [int(p.read_text()) for p in seen.iterdir()]
    assert len(frozen) == 2 and min(frozen) > 10_000
