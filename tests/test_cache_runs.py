"""The cache across real runs of the command against a loopback fake LLM server.

Counts the HTTP requests the server receives: a second run makes none, regenerate makes none and
rebuilds the same digests, a prompt change makes exactly the expected misses, a killed run loses
no finished chunk, and two runs sharing a cache directory both succeed.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, completion, serve

from summarizer.prompts import load_template

ARTICLES = {
    f"a{i}.txt": f"Title {i}\n\n"
    + "\n\n".join(
        f"Stock{i}x{j} rose {j + 1}% today on strong demand from overseas investors, local funds "
        "and retail traders alike."
        for j in range(3)
    )
    for i in range(4)
}
CHUNK_TOKENS = "50"  # one paragraph per chunk: 3 chunks per article, 12 in all


def answer_from_chunk(body: dict[str, Any]) -> Reply:
    """Report the 'X rose N%' of the chunk, as a model following the prompt would."""
    text = body["messages"][-1]["content"]
    moves = [
        {"instrument": m.group(1), "direction": "up", "change_pct": float(m.group(2)),
         "evidence": m.group(0)}
        for m in re.finditer(r"(Stock\w+) rose (\d+)%", text)
    ]  # fmt: skip
    return Reply(body=completion(arguments=json.dumps({"moves": moves})))


def write_articles(directory: Path) -> Path:
    directory.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def command(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summarizer", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def llm_args(server: FakeOpenAI, *more: str) -> list[str]:
    return ["--engine", "llm", "--base-url", server.base_url, "--model", "fake-model",
            "--chunk-tokens", CHUNK_TOKENS, "-q", *more]  # fmt: skip


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return clean | {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}


def digests_without_usage(directory: Path) -> dict[str, dict[str, Any]]:
    result = {}
    for path in directory.glob("*.json"):
        digest = json.loads(path.read_text(encoding="utf-8"))
        digest.pop("usage")
        result[path.name] = digest
    return result


def test_second_run_makes_zero_requests_and_regenerate_rebuilds_the_same(
    tmp_path: Path, env: dict[str, str]
) -> None:
    inputs = write_articles(tmp_path / "in")
    with serve(FakeOpenAI(answer_from_chunk)) as server:
        first = command(
            "run", str(inputs), "--out", "one", *llm_args(server), cwd=tmp_path, env=env
        )
        assert first.returncode == 0, first.stderr
        assert len(server.requests) == 12
        second = command(
            "run", str(inputs), "--out", "two", *llm_args(server), cwd=tmp_path, env=env
        )
        assert second.returncode == 0, second.stderr
        assert len(server.requests) == 12
        regen = command("regenerate", "--all", "--out", "three", "-q", cwd=tmp_path, env=env)
        assert regen.returncode == 0, regen.stderr
        assert len(server.requests) == 12
    one, two, three = (digests_without_usage(tmp_path / d) for d in ("one", "two", "three"))
    assert one == two == three and len(one) == 4
    usage = json.loads(next((tmp_path / "two").glob("*.json")).read_text())["usage"]
    assert (usage["llm_calls"], usage["cache_hits"], usage["prompt_tokens"]) == (0, 3, 0)
    stats = command("cache", "stats", cwd=tmp_path, env=env)
    assert "12 chunks, 4 articles" in stats.stdout


def test_a_prompt_change_misses_exactly_the_llm_chunks(tmp_path: Path, env: dict[str, str]) -> None:
    inputs = write_articles(tmp_path / "in")
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    (prompts / "system.md").write_text(load_template("system.md") + "\nBe terse.\n")
    (prompts / "user.md").write_text(load_template("user.md"))
    with serve(FakeOpenAI(answer_from_chunk)) as server:
        assert command("run", str(inputs), "--out", "rules", "--engine", "rules", "-q",
                       cwd=tmp_path, env=env).returncode == 0  # fmt: skip
        assert command("run", str(inputs), "--out", "a", *llm_args(server),
                       cwd=tmp_path, env=env).returncode == 0  # fmt: skip
        assert len(server.requests) == 12
        changed = command("run", str(inputs), "--out", "b", "--prompt-dir", str(prompts),
                          *llm_args(server), cwd=tmp_path, env=env)  # fmt: skip
        assert changed.returncode == 0, changed.stderr
        assert len(server.requests) == 24
        again = command("run", str(inputs), "--out", "c", "--engine", "rules", "-q",
                        cwd=tmp_path, env=env)  # fmt: skip
        assert "chunks: 4 in all, 4 answered from the cache, 0 computed" in again.stderr
    assert server.requests[12]["messages"][0]["content"].endswith("Be terse.")


def test_regenerate_reports_chunks_whose_key_changed(tmp_path: Path, env: dict[str, str]) -> None:
    inputs = write_articles(tmp_path / "in")
    with serve(FakeOpenAI(answer_from_chunk)) as server:
        assert command("run", str(inputs), "--out", "a", *llm_args(server),
                       cwd=tmp_path, env=env).returncode == 0  # fmt: skip
    cache_dir = Path(env["SUMMARIZER_CACHE_DIR"])
    from summarizer.cache import ChunkCache

    cache = ChunkCache(cache_dir)
    first_key = next(iter(cache.articles())).chunk_keys[0]
    cache._db.delete("chunk:" + first_key)
    cache.close()
    regen = command("regenerate", "--out", "a", "-q", cwd=tmp_path, env=env)
    assert regen.returncode == 0
    assert "1 chunk(s) missed the cache" in regen.stderr


def test_kill_9_mid_batch_loses_no_finished_chunk(tmp_path: Path, env: dict[str, str]) -> None:
    inputs = write_articles(tmp_path / "in")
    slow = FakeOpenAI(lambda body: Reply(body=answer_from_chunk(body).body, delay=0.3))
    with serve(slow) as server:
        process = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "run", str(inputs), "--out", "a",
             *llm_args(server, "--concurrency", "1")],
            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while len(server.requests) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        asked_first = [r["messages"][-1]["content"] for r in server.requests]
        time.sleep(0.4)  # let the abandoned reply finish on the server side
        resumed = command(
            "run", str(inputs), "--out", "b", *llm_args(server), cwd=tmp_path, env=env
        )
        assert resumed.returncode == 0, resumed.stderr
        asked_again = [r["messages"][-1]["content"] for r in server.requests[len(asked_first) :]]
    answered_first = set(asked_first[:-1])  # the last request was cut off by the kill
    assert answered_first and not answered_first & set(asked_again)
    assert len(set(asked_first) | set(asked_again)) == 12


def test_two_runs_sharing_a_cache_both_succeed(tmp_path: Path, env: dict[str, str]) -> None:
    inputs = write_articles(tmp_path / "in")
    slow = FakeOpenAI(lambda body: Reply(body=answer_from_chunk(body).body, delay=0.05))
    with serve(slow) as server:
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "summarizer",
                    "run",
                    str(inputs),
                    "--out",
                    out,
                    *llm_args(server),
                ],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for out in ("a", "b")
        ]
        results = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], results
        assert 12 <= len(server.requests) <= 24
        before = len(server.requests)
        third = command("run", str(inputs), "--out", "c", *llm_args(server), cwd=tmp_path, env=env)
        assert third.returncode == 0
        assert len(server.requests) == before
    a, b, c = (digests_without_usage(tmp_path / d) for d in ("a", "b", "c"))
    assert a == b == c and len(a) == 4


def test_ungrounded_answers_are_dropped_with_a_reason_and_no_log_noise(
    tmp_path: Path, env: dict[str, str]
) -> None:
    made_up = json.dumps(
        {"moves": [{"instrument": "X", "direction": "up", "evidence": "X soared"}]}
    )
    articles = write_articles(tmp_path / "in")
    with serve(FakeOpenAI.scripted([Reply(body=completion(arguments=made_up))])) as server:
        done = command(
            "run", str(articles), "--out", "out", *llm_args(server), cwd=tmp_path, env=env
        )
    assert done.returncode == 0, done.stderr  # partial digests, not failures
    assert f"0 ok, {len(ARTICLES)} partial" in done.stderr
    # instructor logs every failed attempt at ERROR; the digests say what was dropped and why
    assert "Max retries exceeded" not in done.stderr
    for path in (tmp_path / "out").glob("*.json"):
        digest = json.loads(path.read_text(encoding="utf-8"))
        assert digest["moves"] == []
        assert any("not a verbatim quote" in w for w in digest["warnings"]), digest["warnings"]


def printed_summary(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The first line of a command, and the lines it ended with (from 'N articles: ...' on)."""
    lines = done.stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"[0-9]+ articles: ", line))
    return [lines[0], *lines[start:]]


def stats_repeat(
    done: subprocess.CompletedProcess[str], tmp_path: Path, env: dict[str, str]
) -> str:
    """cache stats, checked to repeat what done printed; the summary it repeats."""
    stats = command("cache", "stats", cwd=tmp_path, env=env)
    assert stats.returncode == 0, stats.stderr
    said = stats.stdout.splitlines()
    start = next(i for i, line in enumerate(said) if line.startswith("last run: "))
    assert said[start + 1 :] == printed_summary(done)
    return "\n".join(said[start + 1 :])


def test_cache_stats_says_what_the_last_run_printed(tmp_path: Path, env: dict[str, str]) -> None:
    inputs = write_articles(tmp_path / "in")
    with serve(FakeOpenAI(answer_from_chunk)) as server:
        ran = command("run", str(inputs), "--out", "a", *llm_args(server), cwd=tmp_path, env=env)
    assert ran.returncode == 0, ran.stderr
    said = stats_repeat(ran, tmp_path, env)
    assert (
        "chunks: 12 in all, 0 answered from the cache, 12 computed by the engine, 0 failed" in said
    )
    assert "LLM: 12 calls (re-asks and failed calls included), 1440 tokens" in said
    regenerated = command("regenerate", "--out", "a", "-q", cwd=tmp_path, env=env)
    assert regenerated.returncode == 0, regenerated.stderr
    said = stats_repeat(regenerated, tmp_path, env)
    assert said.startswith("regenerate: 4 articles, what a/ holds, from the cache")
    assert (
        "chunks: 12 in all, 12 answered from the cache, 0 computed by the engine, 0 failed" in said
    )
    # new texts, and a server that refuses every request: every call it got is counted
    other = tmp_path / "other"
    other.mkdir()
    for name, text in ARTICLES.items():
        (other / name).write_text(text.replace(" rose ", " jumped "), encoding="utf-8")
    refusing = Reply(status=429, body={"error": {"message": "slow down"}},
                     headers={"retry-after": "0"})  # fmt: skip
    with serve(FakeOpenAI.scripted([refusing])) as server:
        failed = command("run", str(other), "--out", "b", *llm_args(server), cwd=tmp_path, env=env)
    assert failed.returncode == 1
    said = stats_repeat(failed, tmp_path, env)
    assert len(server.requests) >= 4  # one chunk's first request and its 3 retries, at least
    assert f"LLM: {len(server.requests)} calls (re-asks and failed calls included)" in said
    assert (
        "chunks: 12 in all, 0 answered from the cache, 0 computed by the engine, 12 failed" in said
    )
    # the Python API prints nothing, so it leaves the record of the last command alone
    from summarizer.pipeline import summarize
    from summarizer.settings import Settings

    summarize("Gold rose 1% today.", Settings(engine="rules", cache_dir=tmp_path / "cache"))
    assert stats_repeat(failed, tmp_path, env) == said


def test_an_output_folder_s_record_never_chooses_where_the_model_is_asked(
    tmp_path: Path, env: dict[str, str]
) -> None:
    inputs = write_articles(tmp_path / "in")
    with (
        serve(FakeOpenAI(answer_from_chunk)) as ours,
        serve(FakeOpenAI(answer_from_chunk)) as theirs,
    ):
        done = command("run", str(inputs), "--out", "a", *llm_args(ours), cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
        record_path = tmp_path / "a" / ".summarizer-manifest"
        record = json.loads(record_path.read_text(encoding="utf-8"))
        for stored in record["run_settings"]:  # a folder sent by someone else, say
            stored["base_url"] = theirs.base_url
        record_path.write_text(json.dumps(record), encoding="utf-8")
        from summarizer.cache import ChunkCache

        cache = ChunkCache(Path(env["SUMMARIZER_CACHE_DIR"]))
        cache._db.delete("chunk:" + next(iter(cache.articles())).chunk_keys[0])
        cache.close()
        filled = command("regenerate", "--out", "a", "--fill", "-q", cwd=tmp_path, env=env)
    assert len(theirs.requests) == 0
    assert len(ours.requests) == 13, filled.stderr  # the 12 of the run, and the one missed


def test_a_record_naming_a_file_outside_its_folder_is_refused(
    tmp_path: Path, env: dict[str, str]
) -> None:
    inputs = write_articles(tmp_path / "in")
    assert command("run", str(inputs), "--out", "a", "-q", cwd=tmp_path, env=env).returncode == 0
    record_path = tmp_path / "a" / ".summarizer-manifest"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["articles"][0]["file"] = "../escaped.json"
    record_path.write_text(json.dumps(record), encoding="utf-8")
    done = command("regenerate", "--out", "a", "-q", cwd=tmp_path, env=env)
    assert done.returncode == 1 and "'../escaped.json' is no digest file name" in done.stderr
    assert not (tmp_path / "escaped.json").exists()
