"""End to end through the real command: `python -m summarizer ...` in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SEEDS


def summarizer(
    *args: str, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        cwd=cwd, input=stdin.decode() if stdin else None, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_run_on_the_seeds_writes_digests_and_a_report(tmp_path: Path) -> None:
    done = summarizer("run", str(SEEDS), "--out", "out", "--format", "json", "--format", "md",
                      "--format", "csv", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "engine: rules (no endpoint is configured" in done.stderr
    assert "(5 per-article JSON, digest.md, moves.csv)" in done.stderr
    digests = sorted((tmp_path / "out").glob("*.json"))
    assert [p.stem for p in digests] == [p.stem for p in sorted(SEEDS.glob("*.txt"))]
    for path in digests:
        digest = json.loads(path.read_text(encoding="utf-8"))
        assert digest["status"] == "ok" and digest["engine"] == "rules"
        assert digest["moves"], path
    report = (tmp_path / "out" / "digest.md").read_text(encoding="utf-8")
    # one section per article, after the cross-article table
    assert report.count("\n## ") == 6 and "| BABA-W |" in report
    assert report.index("\n## Across articles\n") < report.index("\n## Capital Flows")
    assert (tmp_path / "out" / "moves.csv").read_text(encoding="utf-8").startswith("article_id,")


def test_a_rerun_gives_identical_bytes(tmp_path: Path) -> None:
    for out in ("one", "two"):
        done = summarizer("run", str(SEEDS), "--out", out, "--no-cache", "-q", cwd=tmp_path)
        assert done.returncode == 0
    for first in (tmp_path / "one").iterdir():
        assert first.read_bytes() == (tmp_path / "two" / first.name).read_bytes(), first.name


def test_a_cached_rerun_differs_only_in_usage(tmp_path: Path) -> None:
    for out in ("one", "two"):
        assert summarizer("run", str(SEEDS), "--out", out, "-q", cwd=tmp_path).returncode == 0
    for first in (tmp_path / "one").glob("*.json"):
        one, two = (json.loads(p.read_text()) for p in (first, tmp_path / "two" / first.name))
        assert (one.pop("usage")["cache_hits"], two.pop("usage")["cache_hits"]) == (
            0,
            one["chunks"],
        )
        assert one == two


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (bad / "latin1.txt").write_bytes("Caf\xe9 stocks rose 2%".encode("latin-1"))
    (bad / "records.jsonl").write_text('{"text": "SMIC rose nearly 5% today."}\nnot json\n')
    with (bad / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    (bad / "good.txt").write_text("BABA-W surged over 18% today.")
    done = summarizer(
        "run", "in", str(tmp_path / "missing.txt"), "--out", "out", "-q", cwd=tmp_path
    )
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    for name in (
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "records.jsonl",
        "huge.txt",
        "missing.txt",
    ):
        assert sum(name in line for line in errors) == 1, (name, errors)
    written = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert sorted(m["instrument"] for d in written for m in d["moves"]) == ["BABA-W", "SMIC"]
    assert "6 failed" in done.stderr


def test_defect_7_a_file_symlink_loop_fails_that_file_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").symlink_to("b.txt")
    (inputs / "b.txt").symlink_to("a.txt")
    (inputs / "good.txt").write_text("BABA-W surged over 18% today.")
    done = summarizer("run", "in", "--out", "out", "-q", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    # in the order the inputs finish, which is not always the order they were listed in
    errors = sorted(line for line in done.stderr.splitlines() if line.startswith("error"))
    assert errors == [
        f"error: {os.path.join('in', name)}: too many levels of symbolic links"
        for name in ("a.txt", "b.txt")
    ]
    assert len(list((tmp_path / "out").glob("*.json"))) == 1
    assert "2 failed" in done.stderr


def test_a_corpus_folder_leaves_out_its_gold_files_and_readme(tmp_path: Path) -> None:
    # a corpus as fixtures/ and ../shared/corpus lay it out: articles, gold beside them, README
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "articles")
    shutil.copytree(REPO / "fixtures" / "gold", corpus / "gold")
    (corpus / "README.md").write_text("# Corpus\n\nGold rose 1.1% in this folder's notes.\n")
    # an article record is read whatever its keys, and a record without text still fails
    (corpus / "articles" / "record.json").write_text('{"text": "Oil rose 2% on Monday."}')
    (corpus / "articles" / "bad.json").write_text('{"headline": "no body"}')
    done = summarizer("run", "corpus", "--out", "out", "-q", cwd=tmp_path)
    assert done.returncode == 1  # the record without text
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("left out")]
    assert line.startswith("left out of the inputs: 5 gold annotation files (")
    assert line.endswith(f"and 1 documentation file ({os.path.join('corpus', 'README.md')})")
    assert "7 articles: 6 ok, 0 partial, 1 failed" in done.stderr
    # each given by its own path, they are read
    given = summarizer("run", "corpus/README.md", "--out", "again", "-q", cwd=tmp_path)
    assert given.returncode == 0 and "left out" not in given.stderr


def test_a_folder_run_twice_leaves_out_its_own_outputs_and_says_so_once(tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(SEEDS, work)
    (work / "notes").mkdir()  # a user's own Markdown article named like the report is read
    (work / "notes" / "digest.md").write_text("# Notes\n\nGold rose 1.1% on Friday.\n")
    every = ["--format", "json", "--format", "md", "--format", "jsonl", "--format", "csv",
             "--format", "html"]  # fmt: skip
    runs = [summarizer("run", ".", *every, "-q", cwd=work) for _ in range(2)]
    assert [done.returncode for done in runs] == [0, 0], runs[1].stderr
    assert "left out" not in runs[0].stderr
    said = [line for line in runs[1].stderr.splitlines() if line.startswith("left out")]
    assert said == [
        f"left out of the inputs: {os.path.join('.', 'digests', '')} (the output folder)"
    ]
    for done in runs:
        assert "6 articles: 6 ok, 0 partial, 0 failed" in done.stderr
    # into another folder: the first one's digests, report and JSONL are known by their content
    other = summarizer("run", ".", "--out", "other", "-q", cwd=work)
    assert other.returncode == 0 and "6 articles: 6 ok" in other.stderr
    (line,) = [line for line in other.stderr.splitlines() if line.startswith("left out")]
    assert line.startswith("left out of the inputs: 9 files summarizer wrote (")
    # a file given by its own path is always read
    given = summarizer("run", "digests/digest.md", "--out", "third", "-q", cwd=work)
    assert "left out" not in given.stderr and "1 articles" in given.stderr


def test_stdin_and_jsonl_format(tmp_path: Path) -> None:
    done = summarizer("run", "-", "--out", "out", "--format", "jsonl", "-q", cwd=tmp_path,
                      stdin=b"The ChiNext Index retreated 1% on Friday.")  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "out" / "digests.jsonl").read_text(encoding="utf-8").splitlines()
    assert [m["change_pct"] for m in json.loads(lines[0])["moves"]] == [-1.0]


def test_the_first_line_names_the_engine_and_a_key_in_the_environment_says_how_to_go_offline(
    tmp_path: Path,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("SMIC rose nearly 5% today.", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    key_only = env | {"OPENAI_API_KEY": "sk-test-not-a-key"}
    lines = {}
    for name, environment, extra in (
        ("key", key_only, []),
        ("flag", env, ["--base-url", "http://127.0.0.1:9/v1"]),
        ("asked", key_only, ["--engine", "llm"]),
        ("offline", key_only, ["--engine", "rules"]),
        ("nothing", env, []),
    ):
        # --cache-only: the llm engine sends nothing, every chunk misses the (empty) cache
        done = subprocess.run(
            [sys.executable, "-m", "summarizer", "run", str(article), "--out", name, "-q",
             "--cache-only", *extra],
            cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        lines[name] = done.stderr.splitlines()[0]
    assert lines == {
        "key": "engine: llm (OPENAI_API_KEY is set in the environment; --engine rules runs the "
        "offline engine instead)",
        "flag": "engine: llm (--base-url is given)",
        "asked": "engine: llm (requested with --engine llm)",
        "offline": "engine: rules (requested with --engine rules)",
        "nothing": "engine: rules (no endpoint is configured; OPENAI_API_KEY or OPENAI_BASE_URL "
        "selects llm)",
    }


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert summarizer("run", cwd=tmp_path).returncode == 2
    llm = summarizer("run", str(SEEDS), "--engine", "llm", cwd=tmp_path)
    assert llm.returncode == 2 and "OPENAI_API_KEY" in llm.stderr


def test_eval_oracle_measures_the_gate_without_an_api_key(tmp_path: Path) -> None:
    gold = str(REPO / "fixtures" / "gold")
    done = summarizer("eval", "--gold", gold, str(SEEDS), "--oracle", "--oracle-modes",
                      "perfect,fab", "--json", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "oracle: 5 articles, modes perfect, fab" in done.stderr
    report = json.loads(done.stdout)
    assert list(report) == ["perfect", "fab"]
    assert report["perfect"]["moves"]["tp"] + report["perfect"]["moves"]["fn"] == 94
    assert report["fab"]["sent"] > 0 and report["fab"]["articles"] == 5
    text = summarizer("eval", "--gold", gold, str(SEEDS), "--oracle", "--oracle-modes", "flip",
                      cwd=tmp_path)  # fmt: skip
    assert text.returncode == 0 and text.stdout.startswith("flip     let through "), text.stderr


def test_eval_oracle_usage_errors_exit_2(tmp_path: Path) -> None:
    gold = str(REPO / "fixtures" / "gold")
    for extra in (["--oracle", "--oracle-modes", "perfect,bogus"],
                  ["--oracle", "--base-url", "http://127.0.0.1:9/v1"],
                  ["--oracle-modes", "perfect"]):  # fmt: skip
        done = summarizer("eval", "--gold", gold, str(SEEDS), *extra, cwd=tmp_path)
        assert done.returncode == 2, (extra, done.stderr)


def test_help_lists_the_commands() -> None:
    done = summarizer("--help", cwd=REPO)
    assert done.returncode == 0
    for command in ("run", "schema", "eval"):
        assert f"  {command} " in done.stdout


def test_leaving_without_teardown_flushes_what_was_written_and_keeps_the_code(
    tmp_path: Path,
) -> None:
    # main() ends with os._exit, which drops whatever the streams still buffer unless flushed
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a pipe buffers
    for code, expected in (("3", 3), ("'no cache here'", 1), ("None", 0)):
        script = (
            "import sys; from summarizer.cli import _exit_now; "
            f"sys.stdout.write('x' * 1000); sys.stderr.write('y'); _exit_now({code})"
        )
        done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=60)  # fmt: skip
        assert (done.returncode, len(done.stdout)) == (expected, 1000)
        assert done.stderr.startswith("y")
        assert ("no cache here" in done.stderr) == (expected == 1)


def test_an_internal_error_still_shows_its_traceback(tmp_path: Path) -> None:
    code = "import sys; sys.argv[1:] = ['cache', 'stats']; import summarizer.cli as c; "
    code += "c.cli = lambda **_: 1 / 0; c.main()"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1 and "ZeroDivisionError" in done.stderr
