"""render: stable JSON bytes, Markdown report, CSV of moves, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest

from summarizer.models import ArticleDigest, DigestMove, Move
from summarizer.render import (
    MOVE_COLUMNS,
    digest_json,
    render_markdown,
    render_moves_csv,
    write_atomic,
    write_outputs,
)

MOVE = Move(instrument="BABA-W", direction="up", change_pct=18.0, qualifier="over",
            evidence="BABA-W surged over 18%", span=(10, 32))  # fmt: skip
DIGEST = ArticleDigest(id="abc", title="Alibaba | chips", engine="rules", status="ok", moves=[MOVE])


def test_json_round_trips_and_is_stable() -> None:
    text = digest_json(DIGEST)
    assert ArticleDigest.model_validate_json(text) == DIGEST
    assert digest_json(ArticleDigest.model_validate_json(text)) == text
    assert list(json.loads(text))[:2] == ["schema_version", "id"]


def test_json_is_what_model_dump_json_says_in_utf8() -> None:
    # the bytes of the format digests have always had: a regenerate matches earlier runs
    digest = DIGEST.model_copy(update={"title": "“Chips” — 芯片 | ünïcode", "warnings": ["a\tb"]})
    expected = (digest.model_dump_json(indent=2) + "\n").encode("utf-8")
    assert digest_json(digest) == expected
    assert "芯片".encode() in expected  # UTF-8, not \u escapes


def test_csv_has_one_row_per_move_with_the_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(render_moves_csv([DIGEST, DIGEST]))))
    assert len(rows) == 2
    assert tuple(rows[0]) == MOVE_COLUMNS
    assert rows[0]["change_pct"] == "18.0" and rows[0]["span_start"] == "10"


def test_csv_carries_the_date_the_source_the_market_and_basis_points() -> None:
    bund = Move(instrument="German 10-year yield", kind="bond", direction="up", change_bp=6,
                evidence="the German 10-year yield rose 6 basis points")  # fmt: skip
    hang_seng = MOVE.model_copy(update={"instrument": "Hang Seng Index", "market": "hong kong"})
    digest = DIGEST.model_copy(
        update={"published": "2025-03-04", "source_path": "news/a.txt", "moves": [hang_seng, bund]}
    )
    rows = list(csv.DictReader(io.StringIO(render_moves_csv([digest]))))
    assert [(r["published"], r["source_path"], r["market"]) for r in rows] == [
        ("2025-03-04", "news/a.txt", "hong kong"), ("2025-03-04", "news/a.txt", "")
    ]  # fmt: skip
    assert (rows[1]["change_pct"], rows[1]["change_bp"]) == ("", "6.0")


def test_csv_says_whether_each_move_is_confirmed_and_empty_where_unknown() -> None:
    confirmed = DigestMove(**dict(MOVE), confirmed=True)
    unconfirmed = DigestMove(**dict(MOVE), confirmed=False)
    digest = DIGEST.model_copy(update={"moves": [confirmed, unconfirmed, MOVE]})
    rows = list(csv.DictReader(io.StringIO(render_moves_csv([digest]))))
    assert [r["confirmed"] for r in rows] == ["True", "False", ""]


def test_the_report_marks_a_move_its_quote_does_not_tie_to_its_name() -> None:
    unconfirmed = DigestMove(**dict(MOVE), confirmed=False)
    report = render_markdown([DIGEST.model_copy(update={"moves": [unconfirmed]})])
    assert "| BABA-W | ▲ >18% | unconfirmed | BABA-W surged over 18% |" in report
    assert "unconfirmed" not in render_markdown([DIGEST])


def test_csv_cells_a_spreadsheet_would_run_are_quoted_in_the_new_columns_too() -> None:
    digest = DIGEST.model_copy(update={"published": "=cmd|'/c calc'!A1", "title": "@SUM(A1)"})
    (row,) = csv.DictReader(io.StringIO(render_moves_csv([digest])))
    assert (row["published"], row["title"]) == ("'=cmd|'/c calc'!A1", "'@SUM(A1)")
    assert row["change_pct"] == "18.0"  # a number stays a number


def test_markdown_shows_moves_and_escapes_table_cells() -> None:
    failed = ArticleDigest(
        id="x", source_path="bad.txt", engine="rules", status="failed", error="empty"
    )
    report = render_markdown([DIGEST, failed], run_header="Engine: rules")
    assert "2 articles: 1 ok, 0 partial, 1 failed." in report
    assert "| BABA-W | ▲ >18% |" in report
    assert "Alibaba \\| chips" in report
    assert "**Error:** empty" in report


def test_a_digest_with_nothing_known_of_its_source_has_no_empty_emphasis() -> None:
    report = render_markdown([DIGEST.model_copy(update={"title": None})])
    assert "\n## abc\n\nstatus **ok**\n" in report
    assert "**" not in report.replace("**ok**", "")


def test_write_outputs_writes_what_the_formats_ask(tmp_path: Path) -> None:
    written = write_outputs(tmp_path, [DIGEST], ["jsonl", "csv"])
    assert [p.name for p in written] == ["digests.jsonl", "moves.csv"]
    line = (tmp_path / "digests.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(line) == 1 and json.loads(line[0])["id"] == "abc"


def test_an_untitled_article_is_headed_by_its_file_name_and_its_path_follows() -> None:
    untitled = DIGEST.model_copy(update={"title": None, "source_path": "news/day1/a.txt"})
    report = render_markdown([untitled])
    assert "\n## a.txt\n" in report
    assert "*news/day1/a.txt* · status **ok**" in report


def test_a_written_file_is_complete_leaves_no_temp_file_and_follows_the_umask(
    tmp_path: Path,
) -> None:
    target = tmp_path / "new dir" / "a.json"
    stale = target.parent / f".a.json.{os.getpid()}.tmp"  # a crashed run with our process id
    previous = os.umask(0o027)
    try:
        write_atomic(target, "first")
        stale.write_text("half a file")
        write_atomic(target, "ünïcode " * 10_000)
    finally:
        os.umask(previous)
    assert target.read_text(encoding="utf-8") == "ünïcode " * 10_000
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == [stale.name, "a.json"]


def test_a_file_that_holds_the_bytes_already_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, "same")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    before = target.stat()
    write_atomic(target, "same")
    unchanged = target.stat()
    write_atomic(target, "other")
    assert (unchanged.st_ino, unchanged.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert target.read_text(encoding="utf-8") == "other"
    assert target.stat().st_ino != before.st_ino  # a changed file is replaced, atomically


def test_a_directory_in_the_way_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "a.json", "text")


def test_stdin_is_headed_readably_and_no_text_is_taken_for_an_html_tag() -> None:
    piped = DIGEST.model_copy(update={"title": None, "source_path": "<stdin>"})
    tagged = DIGEST.model_copy(update={"title": "<b>Stocks</b> rally", "source_path": "<stdin>#2"})
    report = render_markdown([piped, tagged])
    assert "\n## standard input\n" in report
    assert "*standard input* · status **ok**" in report
    assert "\n## \\<b>Stocks\\</b> rally\n" in report
    assert "*standard input#2*" in report


def test_a_failed_article_says_why_and_not_that_it_states_no_moves() -> None:
    failed = ArticleDigest(
        id="x", source_path="a.txt", engine="llm", status="failed",
        error="every chunk failed; first error: chunk 0 failed: HTTP 429",
        warnings=["chunk 0 failed: HTTP 429", "chunk 1 failed: HTTP 429"],
    )  # fmt: skip
    section = render_markdown([failed]).split("## a.txt", 1)[1]
    assert "No price moves stated." not in section
    assert "**Error:** every chunk failed; first error: chunk 0 failed: HTTP 429" in section
    assert "**Warnings**\n\n- chunk 0 failed: HTTP 429\n- chunk 1 failed: HTTP 429" in section


def test_a_failed_article_that_has_moves_still_shows_them() -> None:
    # its JSON file could not be written: the moves are real, the failure is the file's
    unwritten = DIGEST.model_copy(update={"status": "failed", "error": "could not write a.json"})
    report = render_markdown([unwritten])
    assert "**Error:** could not write a.json" in report and "| BABA-W | ▲ >18% |" in report


def test_an_ok_article_without_moves_says_so_and_one_without_a_source_has_no_empty_emphasis() -> (
    None
):
    quiet = ArticleDigest(id="q", engine="rules", status="ok")
    report = render_markdown([quiet])
    assert "\nstatus **ok**\n" in report and "** ·" not in report
    assert "No price moves stated." in report


def test_a_move_in_basis_points_shows_them_in_the_report() -> None:
    bund = Move(instrument="German 10-year yield", kind="bond", direction="up", change_bp=6,
                qualifier="about", evidence="the German 10-year yield rose about 6 basis points")  # fmt: skip
    report = render_markdown([DIGEST.model_copy(update={"moves": [bund]})])
    assert "| German 10-year yield | ▲ ~6 bp | — |" in report
