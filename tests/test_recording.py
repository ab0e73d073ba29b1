"""`summarizer record`: live exchanges kept as replay fixtures, where the user says, and only
from an LLM endpoint."""

from __future__ import annotations

import json
from pathlib import Path

from fake_openai import FakeOpenAI, Reply, completion, serve
from test_cli import summarizer

ARTICLE = "Alpha Corp rose 4.2% today after its earnings beat estimates."
ANSWER = {"moves": [{"instrument": "Alpha Corp", "direction": "up", "change_pct": 4.2,
                     "evidence": "Alpha Corp rose 4.2% today"}]}  # fmt: skip


def test_record_writes_the_exchanges_where_told_and_bypasses_the_cache(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    reply = Reply(body=completion(arguments=json.dumps(ANSWER)))
    with serve(FakeOpenAI.scripted([reply])) as server:
        done = summarizer("record", "a.txt", "--out", "recorded", "--base-url", server.base_url,
                          cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    fixture = json.loads((tmp_path / "recorded" / "a.json").read_text(encoding="utf-8"))
    assert [e["request"]["messages"][-1]["content"] for e in fixture["exchanges"]] == [
        f"Text:\n{ARTICLE}"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "recorded"]
    assert not (tmp_path / "cache").exists()  # SUMMARIZER_CACHE_DIR (conftest): never opened


def test_record_needs_an_out_directory_and_writes_nothing_without_one(tmp_path: Path) -> None:
    # it once wrote into fixtures/llm, the fixtures the tests replay, by default
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = summarizer("record", "a.txt", "--base-url", "http://127.0.0.1:9/v1", cwd=tmp_path)
    assert done.returncode == 2 and "Missing option '--out'" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_record_refuses_the_rules_engine_saying_why(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = summarizer("record", "a.txt", "--out", "recorded", "--engine", "rules", cwd=tmp_path)
    assert done.returncode == 2
    assert "the rules engine sends none; leave --engine out" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "recorded").exists()


def test_record_help_offers_only_what_record_uses() -> None:
    done = summarizer("record", "--help", cwd=Path.cwd())
    assert done.returncode == 0
    assert "The cache is neither read nor written" in " ".join(done.stdout.split())
    for unused in ("--cache-dir", "--workers", "--price-in", "--price-out", "fixtures/llm]"):
        assert unused not in done.stdout, unused
    assert "--base-url" in done.stdout and "--out" in done.stdout
