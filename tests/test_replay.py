"""The seeds through the LLM engine, replayed from fixtures/llm over real HTTP on loopback.

The replay server answers a request only when it equals a recorded request byte for byte (as
canonical JSON), so a change to the prompts, the schema, the mode or the chunking fails here
until the fixtures are re-recorded on purpose: `pytest tests/test_replay.py --update-fixtures`.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, serve
from reference_answers import (
    FIXTURE_DIR,
    REFERENCE_SOURCE,
    REPO,
    SEED_DIR,
    chunk_of_request,
    reference_responder,
    seed_golds,
)

from summarizer.chunking import chunk_article
from summarizer.clean import clean_article
from summarizer.evaluate import aggregate, evaluate_digest
from summarizer.ingest import read_articles
from summarizer.models import ArticleDigest
from summarizer.pipeline import run_sync, summarize_many
from summarizer.recording import record_fixtures
from summarizer.settings import Settings

# What the fixtures were recorded with: the defaults a user gets, against OpenAI's tools mode.
API_KEY = "sk-replay-test-key-never-recorded"


def replay_settings(server: FakeOpenAI) -> Settings:
    return Settings(
        engine="llm", base_url=server.base_url, api_key=API_KEY, model="gpt-4o-mini",
        mode="tools", use_cache=False, concurrency=4,
    )  # fmt: skip


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def fixtures(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    if request.config.getoption("--update-fixtures"):
        server_state = FakeOpenAI(reference_responder(seed_golds()))
        with serve(server_state) as server, contextlib.chdir(REPO):  # paths relative to the repo
            run_sync(record_fixtures(["seeds"], replay_settings(server), FIXTURE_DIR,
                                     source=REFERENCE_SOURCE))  # fmt: skip
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FIXTURE_DIR.glob("*.json"))
    }


class Replay:
    """A server that answers recorded requests and keeps the ones it has no answer for."""

    def __init__(self, fixtures: dict[str, dict[str, Any]]) -> None:
        self.answers = {
            canonical(e["request"]): e["response"]
            for fixture in fixtures.values()
            for e in fixture["exchanges"]
        }
        self.recorded = [e["request"] for f in fixtures.values() for e in f["exchanges"]]
        self.unrecorded: list[dict[str, Any]] = []

    def respond(self, body: dict[str, Any]) -> Reply:
        answer = self.answers.get(canonical(body))
        if answer is None:
            self.unrecorded.append(body)
            return Reply(status=400, body={"error": {"message": "request was never recorded"}})
        return Reply(body=answer)

    def explain(self, body: dict[str, Any]) -> str:
        """Which top-level fields differ from the recorded request for the same chunk."""
        chunk = chunk_of_request(body)
        twins = [r for r in self.recorded if chunk_of_request(r) == chunk]
        if not twins:
            return f"no recorded request for the chunk {chunk[:60]!r}"
        differing = sorted(
            k for k in body.keys() | twins[0].keys() if body.get(k) != twins[0].get(k)
        )
        return f"chunk {chunk[:40]!r}: fields differ from the recording: {differing}"


@pytest.fixture(scope="module")
def replayed(fixtures: dict[str, dict[str, Any]]) -> tuple[Replay, FakeOpenAI, list[ArticleDigest]]:
    replay = Replay(fixtures)
    with serve(FakeOpenAI(replay.respond)) as server:
        digests = summarize_many(read_articles([str(SEED_DIR)]), replay_settings(server))
    return replay, server, digests


def test_every_chunk_of_every_seed_has_a_fixture(fixtures: dict[str, dict[str, Any]]) -> None:
    for path in sorted(SEED_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chunks = chunk_article(text, clean_article(text).kept, max_tokens=Settings().chunk_tokens)
        asked = {chunk_of_request(e["request"]) for e in fixtures[path.stem]["exchanges"]}
        assert [c.text for c in chunks if c.text not in asked] == [], path.name


def test_the_code_still_sends_the_recorded_requests(
    replayed: tuple[Replay, FakeOpenAI, list[ArticleDigest]],
) -> None:
    replay, server, _ = replayed
    problems = [replay.explain(body) for body in replay.unrecorded]
    assert problems == [], "re-record on purpose: pytest tests/test_replay.py --update-fixtures"
    assert sorted(map(canonical, server.requests)) == sorted(map(canonical, replay.recorded))


def test_replayed_digests_reproduce_the_reference_answers(
    replayed: tuple[Replay, FakeOpenAI, list[ArticleDigest]],
) -> None:
    _, _, digests = replayed
    golds = seed_golds()
    scores = []
    for digest in digests:
        stem = Path(digest.source_path or "").stem
        text, gold = golds[stem]
        assert (digest.status, digest.engine, digest.model) == ("ok", "llm", "gpt-4o-mini")
        assert digest.usage.llm_calls == digest.chunks and digest.usage.reasks == 0
        for item in [*digest.moves, *digest.catalysts, *digest.risks]:
            assert item.span is not None and text[item.span[0] : item.span[1]] == item.evidence
        scores.append(evaluate_digest(digest, gold, text))
    report = aggregate(scores)
    for kind, category in report.overall.items():
        assert (category.fp, category.fn) == (0, 0), (kind, [a.misses for a in report.articles])


def test_usage_is_the_servers_count(
    fixtures: dict[str, dict[str, Any]],
    replayed: tuple[Replay, FakeOpenAI, list[ArticleDigest]],
) -> None:
    _, _, digests = replayed
    for digest in digests:
        exchanges = fixtures[Path(digest.source_path or "").stem]["exchanges"]
        assert digest.usage.prompt_tokens == sum(
            e["response"]["usage"]["prompt_tokens"] for e in exchanges
        )
        assert digest.usage.completion_tokens == sum(
            e["response"]["usage"]["completion_tokens"] for e in exchanges
        )


def test_fixtures_say_where_they_came_from_and_hold_no_key(
    fixtures: dict[str, dict[str, Any]],
) -> None:
    assert set(fixtures) == {p.stem for p in SEED_DIR.glob("*.txt")}
    for stem, fixture in fixtures.items():
        assert fixture["source"] == REFERENCE_SOURCE.format(stem=stem)
        text = json.dumps(fixture)
        assert API_KEY not in text and "bearer" not in text.lower()
