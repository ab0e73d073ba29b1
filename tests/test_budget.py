"""`run --budget`: nothing new is sent once the spend would pass it; what was done is kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from fake_openai import FakeOpenAI, Reply, serve
from reference_answers import SEED_DIR, reference_responder, seed_golds

from summarizer.cli import cli

_ENV = {"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None}


def _billing(prompt: int, completion: int) -> Any:
    """The reference answers, each call billed the same tokens."""
    answer = reference_responder(seed_golds())

    def respond(body: dict[str, Any]) -> Reply:
        reply = answer(body)
        reply.body["usage"] = {"prompt_tokens": prompt, "completion_tokens": completion,
                               "total_tokens": prompt + completion}  # fmt: skip
        return reply

    return respond


def _run(server: FakeOpenAI, tmp_path: Path, *extra: str, out: str = "first") -> Any:
    args = ["run", str(SEED_DIR), "--engine", "llm", "--base-url", server.base_url,
            "--model", "some-model", "--out", str(tmp_path / out), "--cache-dir",
            str(tmp_path / "cache"), "--concurrency", "1", "-q", *extra]  # fmt: skip
    return CliRunner().invoke(cli, args, env=_ENV)


def test_the_run_stops_sending_before_its_spend_passes_the_budget(tmp_path: Path) -> None:
    # every call costs $0.002 at $1 per 1M tokens each way
    with serve(FakeOpenAI(_billing(1000, 1000))) as server:
        result = _run(server, tmp_path, "--budget", "0.005", "--price-in", "1", "--price-out", "1")
        sent = len(server.requests)
        # the same command with a larger budget sends only the rest: the cache kept what was done
        again = _run(
            server, tmp_path, "--budget", "1", "--price-in", "1", "--price-out", "1", out="second"
        )
        sent_again = len(server.requests) - sent
    assert result.exit_code == 1, result.output
    assert sent >= 1 and sent * 0.002 <= 0.005  # never past the budget
    digests = [json.loads(p.read_text()) for p in (tmp_path / "first").glob("*.json")]
    chunks = sum(d["chunks"] for d in digests)
    assert sum(d["usage"]["llm_calls"] for d in digests) == sent
    assert round(sum(d["usage"]["cost_usd"] or 0 for d in digests), 6) == round(sent * 0.002, 6)
    not_sent = [w for d in digests for w in d["warnings"] if "(--budget) would be passed" in w]
    assert len(not_sent) == chunks - sent  # every chunk is either done or said not done
    assert f"budget: {chunks - sent} chunks not sent: the run's $0.005 would have been passed" in (
        result.stderr
    )
    assert sent_again == chunks - sent and again.exit_code == 0, again.output


def test_a_budget_without_prices_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    with serve(FakeOpenAI(_billing(1, 1))) as server:
        result = _run(server, tmp_path, "--budget", "5")
        assert server.requests == []
    assert result.exit_code == 2 and "--budget needs the prices of some-model" in result.output


def _wrong_first(body: dict[str, Any]) -> Reply:
    """The reference answers, but the first answer for a chunk quotes words the text never
    says (a re-ask follows); every call billed 1,000 + 1,000 tokens."""
    reply = _billing(1000, 1000)(body)
    if len(body["messages"]) == 2:  # not a re-ask: the system prompt and the chunk only
        call = reply.body["choices"][0]["message"]["tool_calls"][0]["function"]
        summary = json.loads(call["arguments"])
        summary["risks"] = [{"summary": "x", "type": "other", "evidence": "never said here"}]
        call["arguments"] = json.dumps(summary)
    return reply


def test_re_asks_are_spent_from_the_budget_too(tmp_path: Path) -> None:
    with serve(FakeOpenAI(_wrong_first)) as server:
        result = _run(server, tmp_path, "--budget", "0.01", "--price-in", "1", "--price-out", "1")
        sent = len(server.requests)
    digests = [json.loads(p.read_text()) for p in (tmp_path / "first").glob("*.json")]
    reasks = sum(d["usage"]["reasks"] for d in digests)
    assert reasks > 0 and reasks == sent // 2  # every chunk sent took one re-ask
    assert sent * 0.002 <= 0.01  # re-asks included, the spend stays within the budget
    assert round(sum(d["usage"]["cost_usd"] or 0 for d in digests), 6) == round(sent * 0.002, 6)
    assert result.exit_code == 1 and "chunks not sent" in result.stderr
