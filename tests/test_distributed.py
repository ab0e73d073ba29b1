"""summarize_dataset, run --ray and regenerate --ray on a real two-node Ray cluster on loopback:
the same digests as a local run (a local regenerate's, byte for byte).

The cluster is two `ray start` nodes of 1 CPU each on this machine (a head and a worker that
joins it), started once for the module and stopped with `ray stop --force` at its end, as a user
would run them. Skipped when ray is not installed, unless REQUIRE_RAY=1 (.ci/run sets it): then
a missing ray fails.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, completion, serve

from summarizer.cache import ChunkCache, ChunkLayout
from summarizer.errors import ConfigError
from summarizer.ingest import read_articles
from summarizer.models import Article
from summarizer.pipeline import summarize_many
from summarizer.render import digest_json
from summarizer.settings import Settings

if os.environ.get("REQUIRE_RAY") != "1":  # .ci/run sets it: there a missing ray fails
    pytest.importorskip("ray.data", reason="pip install '.[ray]' to run the Ray tests")
import ray
import ray.data

from summarizer.distributed import digest_of_row, summarize_dataset

# every test runs on the module's cluster (started once: a few seconds)
pytestmark = pytest.mark.usefixtures("cluster")

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "fixtures" / "corpus" / "articles").glob("*.txt"))
RAY = str(Path(sys.executable).with_name("ray"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ray_cli(*args: str) -> None:
    done = subprocess.run([RAY, *args], capture_output=True, text=True, timeout=120,
                          env=_NO_AUTH)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"ray {args[0]} failed:\n{done.stderr[-3000:]}")


# Ray 2.60's `ray start --head` turns token authentication on by default (a token it writes to
# ~/.ray/auth_token), and a node or driver joining must be told to present it. This cluster of
# the tests' own lives on loopback for a few seconds: it opts out, as Ray's message says to.
_NO_AUTH = {**os.environ, "RAY_AUTH_MODE": "disabled"}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a two-node cluster (1 CPU each) on loopback, connected to."""
    port = _free_port()
    address = f"127.0.0.1:{port}"
    temp_dir = tmp_path_factory.mktemp("ray")
    common = ("--num-cpus", "1", "--disable-usage-stats")
    try:
        _ray_cli("start", "--head", "--port", str(port), "--node-ip-address", "127.0.0.1",
                 "--include-dashboard", "false", "--temp-dir", str(temp_dir), *common)  # fmt: skip
        _ray_cli("start", "--address", address, "--node-ip-address", "127.0.0.1", *common)
        ray.init(address=address, logging_level="ERROR", log_to_driver=False)
        _wait_for_nodes(2)
        ray.data.DataContext.get_current().enable_progress_bars = False
        yield address
    finally:
        ray.shutdown()
        subprocess.run([RAY, "stop", "--force"], capture_output=True, timeout=120)


def _wait_for_nodes(count: int) -> None:
    deadline = time.monotonic() + 60
    while sum(node["Alive"] for node in ray.nodes()) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the cluster never had {count} live nodes")
        time.sleep(0.2)


def corpus_rows() -> list[dict[str, Any]]:
    """The corpus as `summarizer run` reads it (title and date from each file's header)."""
    articles = read_articles([str(path) for path in CORPUS])
    return [article.model_dump() for article in articles if isinstance(article, Article)]


def without_usage(digest_bytes: bytes | str) -> dict[str, Any]:
    digest = json.loads(digest_bytes)
    digest.pop("usage")
    return dict(digest)


def local_digests(rows: list[dict[str, Any]], settings: Settings) -> dict[str, dict[str, Any]]:
    """Each row's digest from a run in this process, by source_path."""
    digests = summarize_many([Article(**row) for row in rows], settings)
    return {d.source_path or "": without_usage(digest_json(d)) for d in digests}


def ray_digests(
    rows: list[dict[str, Any]], settings: Settings, **options: Any
) -> dict[str, dict[str, Any]]:
    """Each row's digest from the cluster, by source_path; fails if a row came back twice."""
    out = summarize_dataset(ray.data.from_items(rows), settings, **options).take_all()
    by_path = {row["source_path"]: without_usage(row["digest"]) for row in out}
    assert len(out) == len(by_path) == len(rows)
    return by_path


def test_the_cluster_has_two_nodes(cluster: str) -> None:
    assert cluster
    assert [node["Resources"].get("CPU") for node in ray.nodes() if node["Alive"]] == [1.0, 1.0]


def test_the_corpus_through_the_cluster_with_rules_gives_the_local_digests(tmp_path: Path) -> None:
    rows = corpus_rows()
    local = local_digests(rows, Settings(engine="rules", cache_dir=tmp_path / "local"))
    on_ray = ray_digests(rows, Settings(engine="rules", cache_dir=tmp_path / "ray"))
    assert on_ray == local
    assert any(d["moves"] for d in on_ray.values())  # not an empty comparison


def answer_from_chunk(body: dict[str, Any]) -> Reply:
    """Report the 'X rose N%' moves of the chunk, grounded in its words, as a model would."""
    text = body["messages"][-1]["content"]
    pattern = r"\b([A-Z][\w&.-]+) (rose|gained|jumped|fell|dropped|slid) (\d+(?:\.\d+)?)%"
    moves = [
        {"instrument": m.group(1), "change_pct": float(m.group(3)), "evidence": m.group(0),
         "direction": "up" if m.group(2) in ("rose", "gained", "jumped") else "down"}
        for m in re.finditer(pattern, text)
    ]  # fmt: skip
    return Reply(body=completion(arguments=json.dumps({"moves": moves})))


def llm_settings(server: FakeOpenAI, cache_dir: Path) -> Settings:
    return Settings(engine="llm", base_url=server.base_url, model="fake-model",
                    api_key="sk-test-not-a-real-key", cache_dir=cache_dir)  # fmt: skip


def test_the_corpus_through_the_cluster_with_the_llm_gives_the_local_digests(
    tmp_path: Path,
) -> None:
    rows = corpus_rows()
    with serve(FakeOpenAI(answer_from_chunk)) as server:
        local = local_digests(rows, llm_settings(server, tmp_path / "local"))
        asked_locally = len(server.requests)
        on_ray = ray_digests(rows, llm_settings(server, tmp_path / "ray"))
    assert on_ray == local
    assert len(server.requests) == 2 * asked_locally  # each chunk asked once on the cluster too
    assert sum(len(d["moves"]) for d in on_ray.values()) > 0
    assert all("sk-test" not in json.dumps(d) for d in on_ray.values())


def most_at_once(starts: list[float], seconds: float) -> int:
    """The most of the intervals [start, start + seconds] that overlap at one time."""
    edges = sorted([(t, 1) for t in starts] + [(t + seconds, -1) for t in starts])
    most = current = 0
    for _time, step in edges:
        current += step
        most = max(most, current)
    return most


def test_the_endpoint_sees_the_configured_concurrency_in_all(tmp_path: Path) -> None:
    starts: list[float] = []
    delay = 0.2  # each answer is held this long after the request arrives: slots fill

    def timed(body: dict[str, Any]) -> Reply:
        starts.append(time.monotonic())  # under the server's lock
        return Reply(body=answer_from_chunk(body).body, delay=delay)

    rows = corpus_rows()[:60]
    with serve(FakeOpenAI(timed)) as server:
        settings = llm_settings(server, tmp_path / "ray").with_overrides(concurrency=4)
        ray_digests(rows, settings, actors=2)
    # each request is in flight at least for its interval: the overlap never exceeds the truth
    assert 2 < most_at_once(starts, delay) <= 4  # both actors at once, never more than 4


def test_a_row_without_text_is_a_failed_row_and_the_others_are_summarized(tmp_path: Path) -> None:
    rows = [*corpus_rows()[:3], {"text": "   ", "source_path": "blank.txt"}]
    out = summarize_dataset(
        ray.data.from_items(rows), Settings(engine="rules", cache_dir=tmp_path)
    ).take_all()
    by_path = {row["source_path"]: row for row in out}
    assert by_path["blank.txt"]["status"] == "failed"
    assert "blank" in by_path["blank.txt"]["error"]
    assert by_path["blank.txt"]["source_path"] == "blank.txt"
    assert digest_of_row(by_path["blank.txt"]).status == "failed"
    assert [by_path[r["source_path"]]["status"] for r in rows[:3]] == ["ok"] * 3


def test_a_budget_is_refused_rather_than_kept_once_by_every_actor(tmp_path: Path) -> None:
    settings = Settings(engine="llm", base_url="http://127.0.0.1:9/v1", budget_usd=1.0,
                        price_in=1.0, price_out=1.0, cache_dir=tmp_path)  # fmt: skip
    with pytest.raises(ConfigError, match="budget"):
        summarize_dataset(ray.data.from_items(corpus_rows()[:2]), settings)


def test_other_columns_pass_through(tmp_path: Path) -> None:
    rows = [{**row, "key": index} for index, row in enumerate(corpus_rows()[:5])]
    out = summarize_dataset(
        ray.data.from_items(rows), Settings(engine="rules", cache_dir=tmp_path)
    ).take_all()
    assert sorted((row["key"], row["source_path"]) for row in out) == [
        (index, row["source_path"]) for index, row in enumerate(rows)
    ]


def _actor_pids() -> list[int]:
    """The processes of this cluster's Summarizer actors (Ray titles them ray::MapWorker...)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"DigestActor" in cmdline:
            pids.append(int(entry.name))
    return pids


def test_a_killed_actor_loses_no_article(tmp_path: Path) -> None:
    rows = corpus_rows()[:120]
    killed: list[int] = []
    lock = threading.Lock()

    def killing(body: dict[str, Any]) -> Reply:
        with lock:
            if not killed and len(server.requests) >= 20:  # mid-run: the actors are busy
                pids = _actor_pids()
                if pids:
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])
        return Reply(body=answer_from_chunk(body).body, delay=0.02)

    with serve(FakeOpenAI(killing)) as server:
        local = local_digests(rows, llm_settings(server, tmp_path / "local"))
        server.requests.clear()
        on_ray = ray_digests(rows, llm_settings(server, tmp_path / "ray"), actors=2)
    assert killed, "no actor process was found to kill"
    assert on_ray == local  # every article, each once, as a run that lost nothing


def summarizer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return subprocess.run([sys.executable, "-m", "summarizer", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def copy_corpus(directory: Path, count: int) -> None:
    directory.mkdir()
    for path in CORPUS[:count]:
        (directory / path.name).write_bytes(path.read_bytes())


def test_run_with_ray_writes_what_a_local_run_writes(cluster: str, tmp_path: Path) -> None:
    copy_corpus(tmp_path / "news", 40)
    common = ("--engine", "rules", "-q")
    on_ray = summarizer("run", "news", "--ray", cluster, "--out", "ray", "--cache-dir", "c1",
                        *common, cwd=tmp_path)  # fmt: skip
    local = summarizer("run", "news", "--workers", "1", "--out", "local", "--cache-dir", "c2",
                       *common, cwd=tmp_path)  # fmt: skip
    assert on_ray.returncode == local.returncode == 0, on_ray.stderr
    ray_files = sorted(p.name for p in (tmp_path / "ray").glob("*.json"))
    assert ray_files == sorted(p.name for p in (tmp_path / "local").glob("*.json"))
    assert len(ray_files) == 40
    for name in ray_files:
        ours = (tmp_path / "ray" / name).read_bytes()
        assert without_usage(ours) == without_usage((tmp_path / "local" / name).read_bytes())
    assert "40 articles: " in on_ray.stderr
    # a relative --cache-dir is the caller's, not the directory each actor happens to run in
    cache = ChunkCache(tmp_path / "c1")
    try:
        assert cache.stats().articles == 40
    finally:
        cache.close()


def files_of(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def summary_lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The counts a command printed at its end (of digests, items and chunks), not where it
    wrote them or how long it took."""
    lines = done.stderr.splitlines()
    ended = lines[next(i for i, line in enumerate(lines) if " articles: " in line) :]
    return [line for line in ended if not line.startswith("wrote ")]


def layouts(cache_dir: Path) -> dict[str, ChunkLayout | None]:
    cache = ChunkCache(cache_dir)
    try:
        return {entry.article.id: entry.layout for entry in cache.articles()}
    finally:
        cache.close()


def make_layouts_stale(cache_dir: Path) -> None:
    """Index every article as laid out by other code, as after a change to the cleaning or
    chunking code: a rebuild lays it out anew and indexes it again."""
    cache = ChunkCache(cache_dir)
    try:
        for entry in list(cache.articles()):
            assert entry.layout is not None
            stale = dataclasses.replace(entry.layout, version="l-stale")
            cache.put_article(entry.article, list(entry.chunk_keys), entry.run_settings, stale)
    finally:
        cache.close()


def regenerated_here_and_on_ray(
    tmp_path: Path, cluster: str, *args: str
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """`regenerate *args` into the folders local/ and ray/ (copies of first/, every digest
    blanked: rebuilt, or left as it was), each from a copy of the cache cache/."""
    for name in ("local", "ray"):
        shutil.copytree(tmp_path / "cache", tmp_path / f"cache_{name}")
        shutil.copytree(tmp_path / "first", tmp_path / name)
        for digest in (tmp_path / name).glob("*.json"):
            digest.write_bytes(b"{}")
    local = summarizer("regenerate", *args, "--out", "local", "--cache-dir", "cache_local",
                       "--workers", "1", "-q", cwd=tmp_path)  # fmt: skip
    on_ray = summarizer("regenerate", *args, "--out", "ray", "--cache-dir", "cache_ray",
                        "--ray", cluster, "-q", cwd=tmp_path)  # fmt: skip
    return local, on_ray


def test_regenerate_with_ray_writes_what_a_local_regenerate_writes(
    cluster: str, tmp_path: Path
) -> None:
    copy_corpus(tmp_path / "news", 40)
    formats = ("--format", "json", "--format", "md", "--format", "csv")
    first = summarizer("run", "news", "--engine", "rules", "--out", "first", "--cache-dir",
                       "cache", *formats, "-q", cwd=tmp_path)  # fmt: skip
    assert first.returncode == 0, first.stderr
    make_layouts_stale(tmp_path / "cache")
    local, on_ray = regenerated_here_and_on_ray(tmp_path, cluster)
    assert local.returncode == on_ray.returncode == 0, on_ray.stderr
    # byte for byte, usage included: the same cache entries read, by the same code
    assert files_of(tmp_path / "ray") == files_of(tmp_path / "local")
    assert len(list((tmp_path / "ray").glob("*.json"))) == 40
    assert summary_lines(on_ray) == summary_lines(local)
    # the index laid out anew, as a local regenerate leaves it (the next one reuses it)
    assert layouts(tmp_path / "cache_ray") == layouts(tmp_path / "cache_local")
    assert all(layout and layout.version != "l-stale"
               for layout in layouts(tmp_path / "cache_ray").values())  # fmt: skip


def test_regenerate_all_with_ray_rebuilds_llm_answers_without_the_model(
    cluster: str, tmp_path: Path
) -> None:
    copy_corpus(tmp_path / "news", 30)
    with serve(FakeOpenAI(answer_from_chunk)) as server:
        first = summarizer("run", "news", "--engine", "llm", "--base-url", server.base_url,
                           "--model", "fake-model", "--out", "first", "--cache-dir", "cache",
                           "-q", cwd=tmp_path)  # fmt: skip
        assert first.returncode == 0, first.stderr
        asked = len(server.requests)
        local, on_ray = regenerated_here_and_on_ray(tmp_path, cluster, "--all")
        assert len(server.requests) == asked  # the model was not asked again
    assert local.returncode == on_ray.returncode == 0, on_ray.stderr
    assert files_of(tmp_path / "ray") == files_of(tmp_path / "local")
    digests = [json.loads(p.read_bytes()) for p in (tmp_path / "ray").glob("*.json")]
    assert len(digests) == 30 and sum(len(d["moves"]) for d in digests) > 0
    assert all(d["engine"] == "llm" and d["usage"]["cache_hits"] > 0 for d in digests)


def test_regenerate_with_ray_refuses_fill(cluster: str, tmp_path: Path) -> None:
    done = summarizer("regenerate", "--all", "--fill", "--ray", cluster, cwd=tmp_path)
    assert done.returncode == 2
    assert "--fill asks the model and keeps its answers here" in done.stderr
