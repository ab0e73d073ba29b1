"""`run --batch` and `summarizer batch`: the Batch API through a loopback server with faults."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fake_batches import FakeBatches, serve_batches
from fake_openai import FakeOpenAI, Reply, completion, serve
from reference_answers import SEED_DIR, chunk_of_request, reference_responder, seed_golds

from summarizer.batch_store import BatchStore
from summarizer.cli import cli
from summarizer.ingest import read_articles
from summarizer.pipeline import summarize_many
from summarizer.settings import Settings

KEY = "sk-batch-secret-never-stored"
_answer = reference_responder(seed_golds())


def seed_answer(body: dict[str, Any]) -> dict[str, Any]:
    reply = _answer(body)
    assert reply.status == 200
    return dict(reply.body)


def _env() -> dict[str, str | None]:
    return {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": None, "SUMMARIZER_CACHE_DIR": None}


def _args(server: FakeBatches, tmp_path: Path, *extra: str, out: str = "out") -> list[str]:
    return ["run", str(SEED_DIR), "--engine", "llm", "--base-url", server.base_url, "--mode",
            "tools", "--out", str(tmp_path / out), "--cache-dir", str(tmp_path / "cache"),
            "--batch", "--poll-interval", "0.01", "-q", *extra]  # fmt: skip


def _digests(tmp_path: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted((tmp_path / "out").glob("*.json"))]


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, ensure_ascii=False)


def test_a_batch_carries_exactly_the_live_requests_and_its_answers_make_the_digests(
    tmp_path: Path,
) -> None:
    with serve_batches(FakeBatches(seed_answer)) as server:
        result = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
        (batch_id,) = server.created
        sent = server.requests_of(batch_id)
        assert server.live == []
        again = CliRunner().invoke(cli, _args(server, tmp_path, out="again"), env=_env())
        assert server.created == [batch_id] and server.live == []  # all from the cache now
    assert result.exit_code == 0, result.output
    assert again.exit_code == 0, again.output
    # the same requests the live path sends, byte for byte
    with serve(FakeOpenAI(_answer)) as live:
        settings = Settings(engine="llm", base_url=live.base_url, api_key=KEY, mode="tools",
                            use_cache=False)  # fmt: skip
        summarize_many(read_articles([str(SEED_DIR)]), settings)
    assert sorted(canonical(r["body"]) for r in sent) == sorted(map(canonical, live.requests))
    assert {r["url"] for r in sent} == {"/v1/chat/completions"}
    digests = _digests(tmp_path)
    assert [d["status"] for d in digests] == ["ok"] * 5
    chunks = sum(d["chunks"] for d in digests)
    assert len(sent) == chunks == sum(d["usage"]["batched_calls"] for d in digests)
    for digest in digests:  # the batch price: half the list price of gpt-4o-mini
        usage = digest["usage"]
        listed = (0.15 * usage["prompt_tokens"] + 0.6 * usage["completion_tokens"]) / 1e6
        assert usage["cost_usd"] == round(listed / 2, 6)
    assert f"batch {batch_id}: in_progress" in result.stderr
    total = sum(d["usage"]["prompt_tokens"] + d["usage"]["completion_tokens"] for d in digests)
    spent = sum(d["usage"]["cost_usd"] for d in digests)
    assert f"failed validation (asked again live); {total} tokens · ${spent:.4f} at the batch" in (
        result.stderr
    )
    assert f"{chunks} of them through the Batch API" in result.stderr
    for path in (tmp_path / "cache").rglob("*"):
        assert not path.is_file() or KEY.encode() not in path.read_bytes(), path


def _evidence_not_in_the_text(body: dict[str, Any]) -> dict[str, Any]:
    answer = seed_answer(body)
    call = answer["choices"][0]["message"]["tool_calls"][0]["function"]
    summary = json.loads(call["arguments"])
    if summary["moves"]:
        summary["moves"][0]["evidence"] = "words the text never says"
    call["arguments"] = json.dumps(summary)
    return answer


def test_a_failed_request_is_reported_and_an_invalid_answer_is_asked_again_live(
    tmp_path: Path,
) -> None:
    with serve_batches(FakeBatches(seed_answer, batch_answer=_evidence_not_in_the_text)) as server:
        result = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
        (batch_id,) = server.created
        requests = server.requests_of(batch_id)
    assert result.exit_code == 0, result.output  # every invalid answer was asked again live
    with_moves = [r for r in requests if json.loads(
        seed_answer(r["body"])["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
    )["moves"]]  # fmt: skip
    assert len(server.live) == len(with_moves) > 0
    assert {chunk_of_request(b) for b in server.live} == {
        chunk_of_request(r["body"]) for r in with_moves
    }
    assert f"{len(with_moves)} failed validation (asked again live)" in result.stderr
    digests = _digests(tmp_path)
    assert all(d["status"] == "ok" for d in digests)
    live_calls = sum(d["usage"]["llm_calls"] - d["usage"]["batched_calls"] for d in digests)
    assert live_calls == len(with_moves)


def test_requests_a_batch_failed_or_let_expire_are_reported_each_and_not_sent_live(
    tmp_path: Path,
) -> None:
    with serve_batches(FakeBatches(seed_answer, expire_after=6)) as server:
        result = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
        (batch_id,) = server.created
        requests = server.requests_of(batch_id)
    assert server.live == []  # not answered is not sent again
    assert result.exit_code == 1
    expired = len(requests) - 6
    assert f"6 answered and validated, {expired} not answered" in result.stderr
    reasons = [w for d in _digests(tmp_path) for w in d["warnings"] if "batch_expired" in w]
    assert len(reasons) == expired
    assert all(f"batch {batch_id} expired: batch_expired:" in w for w in reasons)


def test_a_request_failing_with_a_server_error_is_reported_with_it(tmp_path: Path) -> None:
    state = FakeBatches(seed_answer)
    with serve_batches(state) as server:
        # the keys are known only to the run: fail the request of the batch's second line
        original = state._finish

        def finish(batch_id: str) -> None:
            state.fail = frozenset({state.requests_of(batch_id)[1]["custom_id"]})
            original(batch_id)

        state._finish = finish  # type: ignore[method-assign]
        result = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
    # the article of that chunk is partial (the run exits 0, as for any partial digest)
    assert result.exit_code == 0, result.stderr
    assert sorted(d["status"] for d in _digests(tmp_path)) == ["ok"] * 4 + ["partial"]
    failed = [w for d in _digests(tmp_path) for w in d["warnings"] if "HTTP 500" in w]
    assert len(failed) == 1 and "The server had an error" in failed[0]
    assert "1 requests: batch batch_1 completed: HTTP 500: The server had an error" in (
        result.stderr
    )
    assert server.live == []


def _wait_for(condition: Any, seconds: float = 60.0) -> None:
    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "timed out"
        time.sleep(0.05)


def test_a_client_killed_while_polling_resumes_the_same_batch_and_loses_nothing(
    tmp_path: Path,
) -> None:
    state = FakeBatches(seed_answer, polls_to_finish=10**9)
    with serve_batches(state) as server:
        env = {**os.environ, "OPENAI_API_KEY": KEY}
        env.pop("OPENAI_BASE_URL", None)
        args = [sys.executable, "-m", "summarizer", *_args(server, tmp_path)]
        client = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            _wait_for(lambda: state.polls >= 3)
            store = BatchStore(tmp_path / "cache")
            assert [b.id for b in store.waiting()] == state.created  # stored before waiting
            os.kill(client.pid, signal.SIGKILL)
        finally:
            client.wait()
        status = CliRunner().invoke(cli, ["batch", "status", "--cache-dir",
                                          str(tmp_path / "cache")], env=_env())  # fmt: skip
        assert "waiting" in status.output and "provider: in_progress" in status.output
        state.polls_to_finish = 1  # the provider is done at the next look
        again = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
        (batch_id,) = state.created  # resumed, never submitted again
        requests = state.requests_of(batch_id)
    assert again.exit_code == 0, again.output
    assert f"batch {batch_id}: resuming" in again.stderr
    digests = _digests(tmp_path)
    assert [d["status"] for d in digests] == ["ok"] * 5
    assert sum(d["usage"]["batched_calls"] for d in digests) == len(requests)  # none lost
    assert state.live == []
    assert [b.state for b in BatchStore(tmp_path / "cache").all()] == ["done"]


def test_batch_resume_fills_the_cache_and_cancel_stops_waiting(tmp_path: Path) -> None:
    state = FakeBatches(seed_answer, polls_to_finish=10**9)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    with serve_batches(state) as server:
        env = {**os.environ, "OPENAI_API_KEY": KEY}
        client = subprocess.Popen([sys.executable, "-m", "summarizer", *_args(server, tmp_path)],
                                  env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            _wait_for(lambda: state.polls >= 2)
            os.kill(client.pid, signal.SIGKILL)
        finally:
            client.wait()
        state.polls_to_finish = 1
        resumed = CliRunner().invoke(cli, ["batch", "resume", "--poll-interval", "0.01", *cache],
                                     env=_env())  # fmt: skip
        assert resumed.exit_code == 0, resumed.output
        # the cache now answers the run: no model call at all
        cached = CliRunner().invoke(cli, [a for a in _args(server, tmp_path, out="cached")
                                          if a != "--batch"] + ["--cache-only"], env=_env())  # fmt: skip
        assert cached.exit_code == 0, cached.output
        # a second batch, cancelled while it waits
        state.polls_to_finish = 10**9
        client = subprocess.Popen([sys.executable, "-m", "summarizer",
                                   *_args(server, tmp_path, "--refresh", out="x")], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            # stored (the client saves it right after the provider created it), then polled
            polls = state.polls
            _wait_for(lambda: len(list(BatchStore(tmp_path / "cache").all())) == 2)
            _wait_for(lambda: state.polls > polls)
            os.kill(client.pid, signal.SIGKILL)
        finally:
            client.wait()
        cancelled = CliRunner().invoke(cli, ["batch", "cancel", *cache], env=_env())
    assert cancelled.exit_code == 0 and f"{state.created[1]}: cancelling" in cancelled.output
    assert [b.state for b in BatchStore(tmp_path / "cache").all()] == ["done", "cancelled"]


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json", "md_json"])
def test_the_kept_request_is_the_live_one_in_every_mode(mode: str) -> None:
    from summarizer.engines.llm import LLMEngine
    from summarizer.models import Article, Chunk

    text = "Gold rose 1.1% in early trade {{ braces }} on fears of war."
    chunk = Chunk(index=0, start=0, end=len(text), text=text)
    empty = {"moves": [], "catalysts": [], "risks": []}
    reply = completion(arguments=json.dumps(empty), content=json.dumps(empty))
    with serve(FakeOpenAI.scripted([Reply(body=reply)])) as live:
        settings = Settings(engine="llm", base_url=live.base_url, mode=mode)  # type: ignore[arg-type]

        async def both() -> list[dict[str, Any]]:
            engine = LLMEngine(settings)
            await engine.summarize_chunk(chunk, Article(id="a", text=text))
            await engine.aclose()
            return await LLMEngine(settings).request_bodies([chunk])

        kept = asyncio.run(both())
    assert kept == live.requests


@pytest.mark.parametrize("stop", ["before the batch is created", "before its id is on disk"])
def test_a_stop_between_upload_and_record_never_submits_twice(
    stop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.batch_api import BatchAPI

    state = FakeBatches(seed_answer)
    real_create, real_save = BatchAPI.create, BatchStore.save

    def create_then_stop(api: BatchAPI, file_id: str) -> str:
        if stop == "before the batch is created":
            raise KeyboardInterrupt
        return real_create(api, file_id)

    def save_then_stop(store: BatchStore, batch: Any) -> None:
        if batch.state == "waiting":
            raise KeyboardInterrupt  # the provider made the batch; its record is not written
        real_save(store, batch)

    with serve_batches(state) as server:
        monkeypatch.setattr(BatchAPI, "create", create_then_stop)
        monkeypatch.setattr(BatchStore, "save", save_then_stop)
        stopped = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
        assert stopped.exit_code == 1 and "stopped waiting" in stopped.stderr
        assert len(state.created) == (0 if stop == "before the batch is created" else 1)
        assert [b.state for b in BatchStore(tmp_path / "cache").all()] == ["submitting"]
        monkeypatch.undo()
        again = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
    assert again.exit_code == 0, again.output
    assert len(state.created) == 1 and len(state.files) == 1 + 1  # one upload, one output file
    assert [d["status"] for d in _digests(tmp_path)] == ["ok"] * 5
    assert [b.state for b in BatchStore(tmp_path / "cache").all()] == ["done"]


@pytest.mark.parametrize(
    ("max_requests", "max_bytes"), [(3, 200 * 1024 * 1024), (50_000, 1)], ids=["count", "bytes"]
)
def test_a_run_larger_than_one_batch_allows_is_sent_as_several(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_requests: int, max_bytes: int
) -> None:
    import summarizer.batching as batching

    monkeypatch.setattr(batching, "MAX_REQUESTS", max_requests)
    monkeypatch.setattr(batching, "MAX_FILE_BYTES", max_bytes)
    with serve_batches(FakeBatches(seed_answer)) as server:
        result = CliRunner().invoke(cli, _args(server, tmp_path), env=_env())
        sent = [r["custom_id"] for batch in server.created for r in server.requests_of(batch)]
        per_batch = [len(server.requests_of(batch)) for batch in server.created]
        assert server.live == []
    assert result.exit_code == 0, result.output
    chunks = sum(d["chunks"] for d in _digests(tmp_path))
    # every chunk in exactly one batch, no batch over the limit
    assert sorted(sent) == sorted(set(sent)) and len(sent) == chunks
    assert max(per_batch) <= min(max_requests, 1 if max_bytes == 1 else max_requests)
    assert len(per_batch) > 1
    assert [d["status"] for d in _digests(tmp_path)] == ["ok"] * 5


def test_a_batch_that_could_pass_the_budget_is_not_sent(tmp_path: Path) -> None:
    with serve_batches(FakeBatches(seed_answer)) as server:
        refused = CliRunner().invoke(
            cli, _args(server, tmp_path, "--model", "gpt-4o-mini", "--budget", "0.0001"),
            env=_env(),
        )  # fmt: skip
        assert server.created == [] and server.live == [] and server.files == {}
        sent = CliRunner().invoke(
            cli, _args(server, tmp_path, "--model", "gpt-4o-mini", "--budget", "5"), env=_env()
        )
        assert len(server.created) == 1
    assert refused.exit_code == 1, refused.output
    assert "more than the budget of $0.00" in refused.output
    assert "nothing was sent" in refused.output
    assert sent.exit_code == 0, sent.output
