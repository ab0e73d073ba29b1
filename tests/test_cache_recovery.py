"""A broken cache never costs an article, and prune removes only what it is asked to (issue 15,
defects 4 and 10).

A damaged `cache.db` (cut in half, or garbage over its middle) is reported by `cache stats`,
started afresh by `cache clear`, and a `run` goes on without it with one warning; a cache that
cannot be written (a real write limit, no fake) fails no article; `prune` refuses ages that are
not ages. Everything through the real command or the Python API, with the rules engine.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import SEEDS

from summarizer import Settings, summarize_many
from summarizer.cache import CachedChunk, ChunkCache, clear_cache
from summarizer.cli import cli
from summarizer.errors import CacheUnusableError
from summarizer.models import ChunkSummary

CORRUPTIONS = ["truncated", "garbled"]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def run_seeds(out: Path, *more: str, inputs: Path = SEEDS) -> Result:
    return invoke("run", str(inputs), "--engine", "rules", "--out", str(out), "-q", *more)


def corrupt(database: Path, how: str) -> None:
    """Cut the file to half its size, or write garbage over its middle."""
    size = database.stat().st_size
    with database.open("r+b") as file:
        if how == "truncated":
            file.truncate(size // 2)
        else:
            file.seek(size // 2)
            file.write(random.Random(15).randbytes(8192))


def digests_without_usage(directory: Path) -> dict[str, Any]:
    found = {}
    for path in sorted(directory.glob("*.json")):
        digest = json.loads(path.read_text(encoding="utf-8"))
        digest.pop("usage")
        found[path.name] = digest
    return found


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"  # the conftest's SUMMARIZER_CACHE_DIR


@pytest.fixture
def expected(tmp_path: Path) -> dict[str, Any]:
    """The seeds' digests from a run that never touches the cache."""
    assert run_seeds(tmp_path / "expected", "--no-cache").exit_code == 0
    return digests_without_usage(tmp_path / "expected")


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_defect_4_a_corrupt_cache_is_reported_bypassed_and_cleared(
    tmp_path: Path, cache_dir: Path, expected: dict[str, Any], how: str
) -> None:
    assert run_seeds(tmp_path / "first").exit_code == 0
    corrupt(cache_dir / "cache.db", how)

    stats = invoke("cache", "stats")
    assert stats.exit_code == 1 and "is corrupt" in stats.stderr, stats.output
    assert "summarizer cache clear" in stats.stderr
    prune = invoke("cache", "prune", "--older-than", "1d")
    assert prune.exit_code == 1 and "is corrupt" in prune.stderr, prune.output

    run = run_seeds(tmp_path / "second")
    assert run.exit_code == 0, run.output
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "going on without the cache" in warnings[0], run.stderr
    assert digests_without_usage(tmp_path / "second") == expected  # no article failed

    clear = invoke("cache", "clear", "--yes")
    assert clear.exit_code == 0 and "started afresh" in clear.stdout, clear.output
    assert "entries: 0 (" in invoke("cache", "stats").stdout
    assert "warning:" not in run_seeds(tmp_path / "third").stderr
    again = run_seeds(tmp_path / "fourth")
    assert "chunks: 10 in all, 10 answered from the cache" in again.stderr, again.stderr


def test_defect_4_the_python_api_goes_on_without_a_corrupt_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    settings = Settings(cache_dir=tmp_path / "api-cache")
    fresh = summarize_many(texts, settings)
    for how in CORRUPTIONS:
        shutil.copytree(tmp_path / "api-cache", tmp_path / how)
        corrupt(tmp_path / how / "cache.db", how)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="summarizer"):
            digests = summarize_many(texts, settings.with_overrides(cache_dir=tmp_path / how))
        assert [d.status for d in digests] == ["ok"] * len(texts)
        assert [d.moves for d in digests] == [d.moves for d in fresh]
        assert [r.levelname for r in caplog.records] == ["WARNING"], how
        assert "is corrupt" in caplog.records[0].getMessage()


def test_defect_4_workers_warn_once_and_fail_no_article(tmp_path: Path, cache_dir: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for copy in range(8):  # 40 inputs: shared out to 2 workers
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, inputs / f"{copy}-{seed.name}")
    assert run_seeds(tmp_path / "first", "--workers", "1").exit_code == 0
    corrupt(cache_dir / "cache.db", "garbled")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "run", str(inputs), "--engine", "rules", "-q",
         "--workers", "2", "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("is corrupt") == 1, done.stderr  # one warning, not one per worker
    assert "40 articles: 40 ok" in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_defect_4_a_cache_that_cannot_be_written_fails_no_article(
    tmp_path: Path, expected: dict[str, Any]
) -> None:
    # A real write failure, not a fake: no file of this process may grow past 40 kB, so the
    # cache's first commit fails as on a full disk, while every digest (under 25 kB) is written.
    child = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))\n"
        "from summarizer.cli import main\n"
        "sys.argv = ['summarizer', *sys.argv[1:]]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, "run", str(SEEDS), "--engine", "rules", "-q",
         "--workers", "1", "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("warning:") == 1 and "failed" in done.stderr, done.stderr
    assert digests_without_usage(tmp_path / "out") == expected
    assert (tmp_path / "out" / "digest.md").stat().st_size > 0


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_defect_4_clear_cache_starts_afresh_and_keeps_other_files(tmp_path: Path, how: str) -> None:
    store = ChunkCache(tmp_path)
    store.put_chunk("k", CachedChunk(ChunkSummary()))
    store.close()
    (tmp_path / "notes.txt").write_text("not the cache's", encoding="utf-8")
    corrupt(tmp_path / "cache.db", how)
    with pytest.raises(CacheUnusableError) as failed:
        store = ChunkCache(tmp_path)  # a cut file fails on opening, garbage when read
        store.stats()
    assert failed.value.corrupt

    cleared = clear_cache(tmp_path)
    assert cleared.started_afresh and "malformed" in cleared.started_afresh
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "not the cache's"
    store = ChunkCache(tmp_path)
    assert store.stats().entries == 0 and store.get_chunk("k") is None
    store.close()
    assert clear_cache(tmp_path).started_afresh is None  # a sound cache is only emptied


@pytest.mark.parametrize("age", ["-1d", "-0.5h", "nand", "infd", "-infd", "1e400s"])
def test_defect_10_prune_refuses_negative_and_non_finite_ages(tmp_path: Path, age: str) -> None:
    assert run_seeds(tmp_path / "out").exit_code == 0
    before = invoke("cache", "stats").stdout
    pruned = invoke("cache", "prune", "--older-than", age)
    assert pruned.exit_code == 2, pruned.output
    assert "--older-than" in pruned.stderr and "0 or more" in pruned.stderr
    assert invoke("cache", "stats").stdout == before  # nothing deleted
    store = ChunkCache(tmp_path / "cache")
    with pytest.raises(ValueError, match="finite number of seconds"):
        store.prune(float(age[:-1]))
    store.close()
