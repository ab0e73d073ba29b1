"""An output folder through the real command (`python -m summarizer` on the seeds): files named
after their inputs, good digests never replaced by failed ones, and the folder's own record of
what it holds, which `regenerate` rebuilds."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS

from summarizer.formats import MANIFEST_NAME
from summarizer.models import ArticleDigest
from summarizer.naming import Claimed
from summarizer.output_folder import DigestFiles, Slot
from summarizer.pipeline import summarize
from summarizer.render import digest_json

SEED_STEMS = [p.stem for p in sorted(SEEDS.glob("*.txt"))]


def summarizer(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    # the test's environment: no OPENAI_* variables, its own SUMMARIZER_CACHE_DIR (conftest)
    return subprocess.run([sys.executable, "-m", "summarizer", *args], cwd=cwd, input=stdin,
                          env=os.environ | (env or {}), capture_output=True, text=True,
                          timeout=120)  # fmt: skip


def closed_port_url() -> str:
    """A loopback endpoint nothing listens on: every connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def without_usage(digest_file: bytes) -> dict[str, Any]:
    digest = json.loads(digest_file)
    digest.pop("usage")
    return digest  # type: ignore[no-any-return]


def digests_of(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_a_failed_run_keeps_the_good_digests_says_so_and_exits_1(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    assert summarizer("run", "in", "-q", cwd=tmp_path).returncode == 0
    before = files_of(tmp_path / "digests")
    (inputs / "new.txt").write_text("SMIC rose nearly 5% today.", encoding="utf-8")
    # an OpenAI key exported for other tools, and an endpoint that refuses every connection
    failing = {"OPENAI_API_KEY": "sk-test-not-a-key", "OPENAI_BASE_URL": closed_port_url()}
    done = summarizer("run", "in", "-q", cwd=tmp_path, env=failing)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "engine: llm (OPENAI_BASE_URL and OPENAI_API_KEY are set in the environment; "
        "--engine rules runs the offline engine instead)"
    )
    assert "6 articles: 0 ok, 0 partial, 6 failed" in done.stderr
    assert "kept 5 earlier digests in digests/ (000_8f7f01d59a3a87be.json, " in done.stderr
    after = files_of(tmp_path / "digests")
    for stem in SEED_STEMS:  # byte for byte, modification time aside
        assert after[f"{stem}.json"] == before[f"{stem}.json"], stem
    assert json.loads(after["new.json"])["status"] == "failed"  # nothing good to keep there
    report = after["digest.md"].decode()
    assert report.count("status **ok**") == 5 and report.count("status **failed**") == 1
    assert report.count("- kept the earlier digest in ") == 5
    # the folder's record still says how its digests were made: rebuilt as they were
    regenerated = summarizer("regenerate", "-q", cwd=tmp_path)
    assert regenerated.returncode == 1  # new.txt's chunks are not in the cache
    rebuilt = {p.name: without_usage(p.read_bytes()) for p in (tmp_path / "digests").glob("*.json")}
    for stem in SEED_STEMS:  # the rules digests again, not llm ones
        assert rebuilt[f"{stem}.json"] == without_usage(before[f"{stem}.json"]), stem


def test_in_worker_processes_a_failed_digest_never_replaces_a_good_one(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    for n in range(34):  # enough for two workers
        (inputs / f"{n:02d}.txt").write_text(f"Copy {n}\n\n{seed}", encoding="utf-8")
    assert summarizer("run", "in", "-q", "--workers", "2", cwd=tmp_path).returncode == 0
    before = files_of(tmp_path / "digests")
    # --cache-only: the llm engine asks nothing, and every chunk misses: failed digests
    done = summarizer("run", "in", "-q", "--workers", "2", "--engine", "llm", "--cache-only",
                      "--base-url", closed_port_url(), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 1 and "kept 34 earlier digests in digests/" in done.stderr
    after = files_of(tmp_path / "digests")
    assert {n: b for n, b in after.items() if n.endswith(".json")} == {
        n: b for n, b in before.items() if n.endswith(".json")
    }


def test_regenerate_rebuilds_what_the_folder_holds_and_nothing_else(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert summarizer("run", str(SEEDS), "-q", cwd=tmp_path).returncode == 0
    written = digests_of(tmp_path / "digests")
    # texts summarized from Python into the same cache: one of them a seed's
    summarize(seeds[1].read_text(encoding="utf-8"))
    summarize("Gold rose 1.1% on Friday.")
    done = summarizer("regenerate", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        "regenerate: 5 articles, what digests/ holds, from the cache"
    )
    rebuilt = digests_of(tmp_path / "digests")
    assert sorted(rebuilt) == [f"{stem}.json" for stem in SEED_STEMS]
    for name, digest in rebuilt.items():  # same source, title and items; usage says cache
        assert digest.pop("usage")["cache_hits"] == digest["chunks"]
        written[name].pop("usage")
        assert digest == written[name], name
    report = (tmp_path / "digests" / "digest.md").read_text(encoding="utf-8")
    assert report.count("\n## ") == 1 + 5 and "** · status" not in report  # + across articles
    assert f"*{seeds[1]}* · status **ok**" in report


def test_regenerate_ids_or_all_into_a_folder_and_a_folder_without_a_record(
    tmp_path: Path,
) -> None:
    assert summarizer("run", str(SEEDS), "--out", "first", "-q", cwd=tmp_path).returncode == 0
    api = summarize("Gold rose 1.1% on Friday.")
    nothing = summarizer("regenerate", "--out", "elsewhere", cwd=tmp_path)
    assert nothing.returncode == 2 and "elsewhere/ has no record of what it holds" in nothing.stderr
    assert not (tmp_path / "elsewhere").exists()
    both = summarizer("regenerate", "--all", api.id, cwd=tmp_path)
    assert both.returncode == 2 and "not both" in both.stderr
    missing = summarizer("regenerate", "no-such-id", "--out", "one", cwd=tmp_path)
    assert missing.returncode == 1 and "not in the cache: no-such-id" in missing.stderr
    seed_id = digests_of(tmp_path / "first")[f"{SEED_STEMS[2]}.json"]["id"]
    one = summarizer("regenerate", seed_id, "--out", "one", "-q", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    assert sorted(digests_of(tmp_path / "one")) == [f"{SEED_STEMS[2]}.json"]
    every = summarizer("regenerate", "--all", "--out", "every", "-q", cwd=tmp_path)
    assert every.returncode == 0, every.stderr
    assert sorted(digests_of(tmp_path / "every")) == sorted(
        [f"{api.id}.json"] + [f"{stem}.json" for stem in SEED_STEMS]
    )
    # each of those folders now holds a record of its own
    again = summarizer("regenerate", "--out", "one", cwd=tmp_path)
    assert again.returncode == 0 and "regenerate: 1 articles" in again.stderr


def test_the_record_follows_what_the_folder_holds(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:2]:  # two runs into one folder
        done = summarizer("run", str(seed), "--format", "jsonl", "--format", "json", "-q",
                          cwd=tmp_path)  # fmt: skip
        assert done.returncode == 0
    record = json.loads((tmp_path / "digests" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert [a["file"] for a in record["articles"]] == [f"{s}.json" for s in SEED_STEMS[:2]]
    assert [a["source_path"] for a in record["articles"]] == [str(s) for s in seeds[:2]]
    assert record["formats"] == ["json", "jsonl"]
    (tmp_path / "digests" / f"{SEED_STEMS[0]}.json").unlink()  # no longer held
    done = summarizer("regenerate", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(digests_of(tmp_path / "digests")) == [f"{SEED_STEMS[1]}.json"]
    lines = (tmp_path / "digests" / "digests.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source_path"] for line in lines] == [str(seeds[1])]
    record = json.loads((tmp_path / "digests" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert [a["file"] for a in record["articles"]] == [f"{SEED_STEMS[1]}.json"]


def test_a_damaged_record_is_an_error_for_regenerate_and_replaced_by_a_run(tmp_path: Path) -> None:
    assert summarizer("run", str(SEEDS), "-q", cwd=tmp_path).returncode == 0
    record = tmp_path / "digests" / MANIFEST_NAME
    record.write_text('{"articles": [', encoding="utf-8")
    done = summarizer("regenerate", cwd=tmp_path)
    assert done.returncode == 1 and "is not a manifest summarizer wrote" in done.stderr
    assert "Traceback" not in done.stderr
    assert summarizer("run", str(SEEDS), "-q", cwd=tmp_path).returncode == 0
    assert len(json.loads(record.read_text(encoding="utf-8"))["articles"]) == 5


@pytest.mark.parametrize("workers", ["1", "2"])
def test_files_are_named_after_their_inputs(tmp_path: Path, workers: str) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs / "seeds")
    for n in range(30):  # enough inputs for two workers
        (inputs / "more" / f"{n:02d}").mkdir(parents=True)
        (inputs / "more" / f"{n:02d}" / "wrap.txt").write_text(f"Gold rose {n + 1}% today.")
    records = [
        {"id": "reuters-0001", "text": "Silver fell 2% today."},
        {"text": "Copper rose 3% today."},
        {"id": "wrap", "text": "Tin rose 4% today."},
    ]
    (inputs / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    done = summarizer("run", "in", "-q", "--workers", workers, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    digests = digests_of(tmp_path / "digests")
    source = {name: digest["source_path"] for name, digest in digests.items()}
    for stem in SEED_STEMS:
        assert source[f"{stem}.json"] == f"in/seeds/{stem}.txt"
    assert source["reuters-0001.json"] == "in/news.jsonl#1"
    assert source["news_2.json"] == "in/news.jsonl#2"
    # the 30 plain files named wrap.txt come first in input order; the record is the 31st
    assert source["wrap.json"] == "in/more/00/wrap.txt"
    assert source["wrap-30.json"] == "in/more/29/wrap.txt"
    assert source["wrap-31.json"] == "in/news.jsonl#3" and digests["wrap-31.json"]["id"] == "wrap"
    stdin = summarizer("run", "-", "--out", "piped", "-q", cwd=tmp_path, stdin="Oil fell 1%.")
    assert stdin.returncode == 0 and sorted(digests_of(tmp_path / "piped")) == ["stdin.json"]


DIGEST = ArticleDigest(id="abc", source_path="in/wrap.txt", engine="rules", status="ok")


def test_a_digest_is_written_under_its_claimed_name_and_nothing_else(tmp_path: Path) -> None:
    placed = DigestFiles(tmp_path, time.time_ns()).place(DIGEST, Slot(Claimed("wrap", "wrap"), "t"))
    assert (placed.file, placed.kept, placed.digest) == ("wrap.json", False, DIGEST)
    assert placed.entry is not None and placed.entry.file == "wrap.json"
    assert [p.name for p in tmp_path.iterdir()] == ["wrap.json"]  # no temp files left
    assert (tmp_path / "wrap.json").read_bytes() == digest_json(DIGEST)


def test_a_name_another_process_wrote_in_this_run_goes_to_the_next_number(tmp_path: Path) -> None:
    earlier = tmp_path / "old.json"
    earlier.write_text("{}")
    os.utime(earlier, ns=(1_000_000_000, 1_000_000_000))  # an earlier run's: replaced
    started = time.time_ns()
    (tmp_path / "wrap.json").write_text("{}")  # another worker's, written in this run
    files = DigestFiles(tmp_path, started)
    placed = files.place(DIGEST, Slot(Claimed("wrap", "wrap"), "t"))
    assert placed.file == "wrap-2.json" and (tmp_path / "wrap.json").read_text() == "{}"
    assert placed.digest.warnings == [
        "name taken: another input of this run is named wrap.json; this one is wrap-2.json"
    ]
    assert files.place(DIGEST, Slot(Claimed("old", "old"), "t")).file == "old.json"
    assert json.loads(earlier.read_text())["id"] == "abc"
