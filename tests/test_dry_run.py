"""`run --dry-run`: what a run would send and cost, with nothing sent."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fake_openai import FakeOpenAI, Reply, serve
from reference_answers import SEED_DIR, reference_responder, seed_golds

from summarizer.cli import cli
from summarizer.engines.llm import LLMEngine
from summarizer.estimate import estimate
from summarizer.ingest import read_articles
from summarizer.pipeline import summarize_many
from summarizer.pricing import prices_for
from summarizer.settings import Settings
from summarizer.tokens import counter_for


def _dry_run(server: FakeOpenAI, cache: Path, *extra: str) -> Any:
    args = ["run", str(SEED_DIR), "--engine", "llm", "--base-url", server.base_url,
            "--cache-dir", str(cache), "--dry-run", *extra]  # fmt: skip
    return CliRunner().invoke(cli, args, env={"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None})


def test_a_dry_run_sends_nothing_and_says_what_a_run_would(tmp_path: Path) -> None:
    with serve(FakeOpenAI.scripted([Reply(status=500)])) as server:
        result = _dry_run(server, tmp_path / "cache", "--price-in", "1", "--price-out", "2")
    assert server.requests == [] and result.exit_code == 0, result.output
    assert "5 articles" in result.stdout
    assert "0 answered from the cache" in result.stdout
    assert "--price-in/--price-out: $1 in, $2 out" in result.stdout
    assert not (tmp_path / "digests").exists()
    # with --batch, the same run at the batch price: half of each figure
    with serve(FakeOpenAI.scripted([Reply(status=500)])) as server:
        batched = _dry_run(server, tmp_path / "cache", "--price-in", "1", "--price-out", "2",
                           "--batch")  # fmt: skip
    assert server.requests == [] and batched.exit_code == 0
    full = re.search(r"cost: \$([0-9.]+)–\$([0-9.]+), likely \$([0-9.]+)", result.stdout)
    half = re.search(r"cost: \$([0-9.]+)–\$([0-9.]+), likely \$([0-9.]+)", batched.stdout)
    assert full and half and "through the Batch API: 50% of that" in batched.stdout
    for whole, share in zip(full.groups(), half.groups(), strict=True):
        assert float(share) == pytest.approx(float(whole) / 2, abs=1e-4)


def test_a_dry_run_counts_what_the_cache_holds_as_no_call(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = Settings(engine="llm", mode="tools", cache_dir=cache, concurrency=4)
    with serve(FakeOpenAI(reference_responder(seed_golds()))) as server:
        settings = settings.with_overrides(base_url=server.base_url)
        digests = summarize_many(read_articles([str(SEED_DIR)]), settings)
        asked = len(server.requests)
        result = _dry_run(server, cache, "--mode", "tools")
        assert len(server.requests) == asked  # the dry run added none
    chunks = sum(d.chunks for d in digests)
    assert f"chunks: {chunks} in all, {chunks} answered from the cache, 0 calls" in result.stdout
    assert "cost: $0.0000–$0.0000" in result.stdout


def test_a_dry_run_does_not_import_the_openai_client(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from summarizer.cli import cli\n"
        "try:\n"
        f"    cli(['run', {str(SEED_DIR)!r}, '--engine', 'llm', '--base-url',"
        " 'http://127.0.0.1:9/v1', '--dry-run', '--no-cache'])\n"
        "except SystemExit as exit:\n"
        "    print(exit.code, 'openai' in sys.modules, 'instructor' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=tmp_path, check=True)  # fmt: skip
    assert done.stdout.splitlines()[-1] == "0 False False", done.stderr


def _billed_like_openai(model: str) -> Any:
    """The reference answers, with usage counted as a server of model would: the vocabulary of
    the model over the prompt it reads (messages, schema) and over the answer."""
    count = counter_for(model).count
    answer = reference_responder(seed_golds())

    def respond(body: dict[str, Any]) -> Reply:
        reply = answer(body)
        schema = {k: body[k] for k in ("tools", "tool_choice", "response_format") if k in body}
        prompt = sum(count(str(m["content"])) for m in body["messages"])
        prompt += count(json.dumps(schema, separators=(",", ":")))
        message = reply.body["choices"][0]["message"]
        completion = count(message["tool_calls"][0]["function"]["arguments"])
        reply.body["usage"] = {"prompt_tokens": prompt, "completion_tokens": completion,
                               "total_tokens": prompt + completion}  # fmt: skip
        return reply

    return respond


def _seeds_guessed_and_spent() -> tuple[tuple[float, float, float], float]:
    """The dry run's cost range of the seeds, and what a run then records."""
    pytest.importorskip("bpe_openai")  # the test extra installs it: the model's own count
    with serve(FakeOpenAI(_billed_like_openai("gpt-4o-mini"))) as server:
        settings = Settings(engine="llm", base_url=server.base_url, model="gpt-4o-mini",
                            mode="tools", use_cache=False, concurrency=4)  # fmt: skip
        guessed = estimate(read_articles([str(SEED_DIR)]), settings,
                           LLMEngine(settings).identity(), None)  # fmt: skip
        digests = summarize_many(read_articles([str(SEED_DIR)]), settings)
    assert all(d.status == "ok" and d.usage.reasks == 0 for d in digests)
    spent = sum(d.usage.cost_usd or 0 for d in digests)
    prices = prices_for(settings)
    assert prices is not None and spent == pytest.approx(
        prices.cost(sum(d.usage.prompt_tokens for d in digests),
                    sum(d.usage.completion_tokens for d in digests)), rel=1e-3)  # fmt: skip
    cost = guessed.cost()
    assert cost is not None
    low, likely, high = cost
    print(f"seeds: spent ${spent:.5f}; dry run ${low:.5f}-${high:.5f}, likely ${likely:.5f} "
          f"({likely / spent - 1:+.1%}); prompt tokens {guessed.prompt_tokens} vs "
          f"{sum(d.usage.prompt_tokens for d in digests)}, completion {guessed.completion_tokens} "
          f"vs {sum(d.usage.completion_tokens for d in digests)}")  # fmt: skip
    assert guessed.calls == sum(d.usage.llm_calls for d in digests)
    return cost, spent


def test_what_a_run_of_the_seeds_spends_is_in_the_dry_runs_range() -> None:
    (low, _likely, high), spent = _seeds_guessed_and_spent()
    assert low <= spent <= high


def test_the_dry_runs_likely_cost_of_the_seeds_is_within_15_percent_of_a_run() -> None:
    (_low, likely, _high), spent = _seeds_guessed_and_spent()
    assert likely == pytest.approx(spent, rel=0.15)
