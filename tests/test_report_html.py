"""report.html without a browser: what the page holds, escaping, the chart, the texts found
again for digests alone, and `--format html` through the command (tests/test_report_browser.py
checks the drawn page in Chromium)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.formats import REPORT_HTML_START
from summarizer.models import ArticleDigest, Catalyst, Move
from summarizer.picture import (
    AgreedMove,
    InstrumentPicture,
    MarketPicture,
    PictureArticle,
    Reading,
    Statement,
)
from summarizer.render import report_parts
from summarizer.report_html import render_report_html, report_from_parts
from summarizer.report_view import day_chart, market_rows
from summarizer.source_text import ArticleText, texts_from_sources

TEXT = "Gold rose 2% today as </script><script>alert(1)</script> worries grew. Oil fell 1%."


def digest_of(text: str, *, id: str = "a1", source_path: str | None = None) -> ArticleDigest:
    gold_end = text.index("2%") + 2
    oil = text.index("Oil fell 1%")
    cause = text.index("as </script>")
    return ArticleDigest(
        id=id, source_path=source_path, title="<b>Gold</b> & oil", engine="rules", status="ok",
        moves=[Move(instrument="Gold", direction="up", change_pct=2.0,
                    evidence=text[:gold_end], span=(0, gold_end)),
               Move(instrument="Oil", direction="down", change_pct=-1.0,
                    evidence=text[oil:oil + 11], span=(oil, oil + 11))],
        catalysts=[Catalyst(summary="worries", type="other", impact="negative",
                            evidence=text[cause:cause + 46], span=(cause, cause + 46))],
        warnings=["dropped move 'Silver' up 9%: evidence not found in the article"],
    )  # fmt: skip


def reading(
    day: str | None, pct: float | None, *statements: Statement, **fields: object
) -> Reading:
    direction = "down" if pct is not None and pct < 0 else "up"
    agreed = None if fields.get("conflict") else AgreedMove(direction=direction, change_pct=pct)
    return Reading(day=day, session="close", timeframe="day", agreed=agreed,
                   statements=list(statements), **fields)  # type: ignore[arg-type]  # fmt: skip


def statement(article_id: str, index: int, pct: float) -> Statement:
    return Statement(article_id=article_id, move_index=index, instrument="Gold",
                     direction="up" if pct > 0 else "down", change_pct=pct,
                     evidence=f"Gold rose {pct}%")  # fmt: skip


PICTURE = MarketPicture(
    articles=[PictureArticle(id="a1", title="Gold & oil", status="ok")],
    instruments=[
        InstrumentPicture(
            instrument_id="cmd:gold", name="<img src=x onerror=alert(1)>", kind="commodity",
            readings=[reading("2025-03-04", None, statement("a1", 0, 2.0), statement("a1", 0, 1.4),
                              conflict=True, conflict_reason="2% vs 1.4%")],
        ),
        InstrumentPicture(instrument_id="cmd:oil", name="Oil", kind="commodity",
                          readings=[reading("2025-03-04", -1.0, statement("a1", 1, -1.0))]),
    ],
)  # fmt: skip


def page_data(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page)
    assert found is not None
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def test_the_page_is_self_contained_and_starts_as_ingest_knows_it() -> None:
    page = render_report_html(PICTURE, [digest_of(TEXT)], [ArticleText(TEXT)])
    assert page.encode().startswith(REPORT_HTML_START)  # a directory input leaves it out
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing to fetch
    assert "default-src 'none'" in page
    # only the page's own script and style may run and apply, named by their hashes
    assert "unsafe-inline" not in page and page.count("'sha256-") == 2


def test_article_text_and_names_are_escaped_everywhere() -> None:
    page = render_report_html(PICTURE, [digest_of(TEXT)], [ArticleText(TEXT)])
    # only the page's own two scripts: the data blob and the code
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    data = page_data(page)
    [article] = data["articles"]  # type: ignore[misc]
    assert article["text"] == TEXT and article["title"] == "<b>Gold</b> & oil"


def test_each_item_carries_its_span_kind_and_fields_and_drops_are_listed() -> None:
    page = render_report_html(PICTURE, [digest_of(TEXT)], [ArticleText(TEXT)])
    [article] = page_data(page)["articles"]  # type: ignore[misc]
    assert [(i["id"], i["kind"], i["span"]) for i in article["items"]] == [
        ("a0-m0", "move", [0, 12]), ("a0-m1", "move", [TEXT.index("Oil"), len(TEXT) - 1]),
        ("a0-c0", "catalyst", [TEXT.index("as </"), TEXT.index("as </") + 46]),
    ]  # fmt: skip
    assert ["instrument_id", "cmd:oil"] in article["items"][1]["fields"]
    assert article["dropped"] == ["dropped move 'Silver' up 9%: evidence not found in the article"]
    assert article["warnings"] == []


def test_spans_after_an_emoji_are_in_the_page_scripts_units() -> None:
    # a JavaScript string counts a character outside the Basic Multilingual Plane as two
    text = "\U0001f4c9 Markets \U0001f4c8 " + TEXT
    page = render_report_html(PICTURE, [digest_of(text)], [ArticleText(text)])
    [article] = page_data(page)["articles"]  # type: ignore[misc]
    oil = text.index("Oil")
    assert article["items"][1]["span"] == [oil + 2, oil + 2 + 11]
    assert (
        article["text"].encode("utf-16-le")[2 * (oil + 2) : 2 * (oil + 13)].decode("utf-16-le")
        == "Oil fell 1%"
    )


def test_the_market_table_marks_conflicts_and_links_each_source() -> None:
    rows = market_rows(PICTURE, {"a1": [0]})
    assert [(r.instrument_id, r.change, r.conflict, r.sort_value) for r in rows] == [
        ("cmd:gold", "conflict", True, None), ("cmd:oil", "▼ 1%", False, -1.0)
    ]  # fmt: skip
    assert [s.change for s in rows[0].statements] == ["▲ 2%", "▲ 1.4%"]
    assert rows[1].statements[0].anchor == "a0-m1"
    page = render_report_html(PICTURE, [digest_of(TEXT)], [ArticleText(TEXT)])
    assert 'class="conflict"' in page and "2% vs 1.4%" in page


def test_the_chart_shows_the_latest_days_moves_in_percent() -> None:
    older = InstrumentPicture(instrument_id="idx:x", name="X", kind="index",
                              readings=[reading("2025-03-03", 9.0)])  # fmt: skip
    week = InstrumentPicture(
        instrument_id="idx:y", name="Y", kind="index",
        readings=[reading("2025-03-04", 5.0).model_copy(update={"timeframe": "week"})],
    )  # fmt: skip
    up = InstrumentPicture(instrument_id="idx:z", name="Z", kind="index",
                           readings=[reading("2025-03-04", 3.0)])  # fmt: skip
    picture = PICTURE.model_copy(update={"instruments": [*PICTURE.instruments, older, week, up]})
    chart = day_chart(picture)
    assert chart is not None and chart.title == "Moves on 2025-03-04"
    assert [(b.label, b.value, b.up) for b in chart.bars] == [
        ("Z", "+3%", True),
        ("Oil", "-1%", False),
    ]
    z, oil = chart.bars
    assert z.x == chart.zero_x and oil.x + oil.width == chart.zero_x  # both ways from zero
    assert z.width == 3 * oil.width
    assert day_chart(MarketPicture()) is None


def test_a_digest_without_its_text_shows_why() -> None:
    page = render_report_html(
        MarketPicture(), [digest_of(TEXT)], [ArticleText(None, "its source news/a.txt is gone")]
    )
    [article] = page_data(page)["articles"]  # type: ignore[misc]
    assert article["text"] is None and article["missing"] == "its source news/a.txt is gone"
    assert "1 of them without their text" in page


def test_texts_are_found_again_only_where_the_spans_still_hold(tmp_path: Path) -> None:
    same, changed, gone = (tmp_path / n for n in ("same.txt", "changed.txt", "gone.txt"))
    same.write_text(TEXT, encoding="utf-8")
    changed.write_text("Breaking: " + TEXT, encoding="utf-8")  # every span now points elsewhere
    records = tmp_path / "wire.jsonl"
    records.write_text(
        json.dumps({"id": "w1", "text": "Filler."})
        + "\n"
        + json.dumps({"id": "w2", "text": TEXT})
        + "\n",
        encoding="utf-8",
    )
    digests = [
        digest_of(TEXT, source_path=str(same)), digest_of(TEXT, source_path=str(changed)),
        digest_of(TEXT, source_path=str(gone)), digest_of(TEXT, source_path="<stdin>"),
        digest_of(TEXT, id="w2", source_path=f"{records}#2"),
    ]  # fmt: skip
    found = texts_from_sources(digests)
    assert [t.text for t in found] == [TEXT, None, None, None, TEXT]
    assert found[1].missing_because == "its source has changed since it was summarized"
    assert found[2].missing_because == f"its source {gone} no longer exists"
    assert "standard input" in (found[3].missing_because or "")


def test_a_page_from_report_parts_has_each_digest_and_its_text() -> None:
    parts = [report_parts(digest_of(TEXT), ["html"], TEXT), report_parts(digest_of(TEXT), ["html"])]
    articles = page_data(report_from_parts(parts, PICTURE))["articles"]
    assert [(a["id"], a["text"], a["missing"]) for a in articles] == [  # type: ignore[attr-defined]
        ("a1", TEXT, None), ("a1", None, "its input could not be read")
    ]  # fmt: skip


def test_market_writes_report_html_of_digest_files(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        "The Nikkei fell 2% on Friday after a weak yen.\n", encoding="utf-8"
    )
    (news / "b.txt").write_text("Gold rose 1% on Friday.\n", encoding="utf-8")
    out, runner = tmp_path / "out", CliRunner()
    assert runner.invoke(cli, ["run", str(news), "--out", str(out), "-q"]).exit_code == 0
    (news / "b.txt").write_text("Update: Gold rose 1% on Friday.\n", encoding="utf-8")
    done = runner.invoke(cli, ["market", str(out), "--format", "html,json"])
    assert done.exit_code == 0, done.output
    assert "report.html" in done.output and (out / "market.json").exists()
    articles = page_data((out / "report.html").read_text(encoding="utf-8"))["articles"]
    by_title = {a["title"]: a for a in articles}  # type: ignore[attr-defined]
    assert by_title["a.txt"]["text"].startswith("The Nikkei fell 2%")
    assert by_title["b.txt"]["text"] is None  # changed since: its spans would mislead
    assert by_title["b.txt"]["missing"] == "its source has changed since it was summarized"


def test_run_and_regenerate_write_report_html_with_the_text(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        "The Nikkei fell 2% on Friday after a weak yen.\n", encoding="utf-8"
    )
    out, runner = tmp_path / "out", CliRunner()
    done = runner.invoke(cli, ["run", str(news), "--out", str(out), "--format", "html", "-q"])
    assert done.exit_code == 0, done.output
    assert "report.html" in done.output
    [article] = page_data((out / "report.html").read_text(encoding="utf-8"))["articles"]  # type: ignore[misc]
    assert article["text"].startswith("The Nikkei fell 2%")
    # the source deleted: regenerate shows the text the cache holds, which the digest is of
    (news / "a.txt").unlink()
    (out / "report.html").unlink()
    done = runner.invoke(cli, ["regenerate", "--out", str(out), "-q"])
    assert done.exit_code == 0, done.output
    [article] = page_data((out / "report.html").read_text(encoding="utf-8"))["articles"]  # type: ignore[misc]
    assert article["text"].startswith("The Nikkei fell 2%") and article["items"]


def test_the_templates_ship_inside_the_package() -> None:
    # pyproject's wheel is `packages = ["summarizer"]`: files under it ship, files beside it not
    import summarizer
    from summarizer.report_html import TEMPLATES

    assert TEMPLATES.parent == Path(summarizer.__file__).parent
    assert {p.name for p in TEMPLATES.iterdir()} >= {"report.html.jinja", "report.css", "report.js"}
