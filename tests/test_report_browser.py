"""report.html in a real browser: headless Chromium loads the report of the seeds and of the
448-article corpus, and the rendered DOM is checked against the digests and the article texts
read here: every span of every digest is highlighted at its text, the market table sorts, the
instrument filter filters, and article text cannot run script. A screenshot of each report is
kept in the test's temporary directory.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromium
import pytest
from click.testing import CliRunner
from conftest import REPO, SEEDS

from summarizer.cli import cli
from summarizer.ingest import read_articles
from summarizer.models import Article, ArticleDigest

if (why := chromium.missing()) is not None:
    if chromium.REQUIRED:  # .ci/run: a missing browser fails, it is not skipped
        pytest.fail(f"REQUIRE_CHROMIUM=1, but {why}", pytrace=False)
    pytest.skip(why, allow_module_level=True)

CORPUS = REPO / "fixtures" / "corpus" / "articles"

# Each drawn article: its position, id, the text its text box shows, and each highlight with
# its offset in that text, its words, the items it marks and its classes.
_DRAWN_ARTICLES = """
return Array.from(document.querySelectorAll('#article-list article')).map(function (a) {
  var box = a.querySelector('.article-text');
  var marks = [], offset = 0;
  if (box) box.childNodes.forEach(function (node) {
    var text = node.textContent;
    if (node.nodeType === 1) {
      if (!node.matches('mark.hl') || node.children.length) throw new Error('unexpected node');
      marks.push([offset, text, node.dataset.items.split(' '), node.className.split(' ')]);
    }
    offset += text.length;
  });
  return {position: Number(a.dataset.position), id: a.dataset.articleId,
          text: box ? box.textContent : null, marks: marks};
});
"""


@dataclass(frozen=True)
class Report:
    path: Path
    articles: list[Article]  # in report order, read here from the inputs
    digests: list[ArticleDigest]  # the same order


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


def build_report(inputs: Path, out: Path) -> Report:
    runner = CliRunner()
    done = runner.invoke(
        cli, ["run", str(inputs), "--out", str(out), "--format", "html", "--format", "json", "-q"]
    )
    assert done.exit_code == 0, done.output
    by_source = {}
    for path in out.glob("*.json"):
        digest = ArticleDigest.model_validate_json(path.read_bytes())
        by_source[digest.source_path] = digest
    articles = [a for a in read_articles([str(inputs)]) if isinstance(a, Article)]
    return Report(out / "report.html", articles, [by_source[a.source_path] for a in articles])


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_report(SEEDS, tmp_path_factory.mktemp("seeds-report"))


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_report(CORPUS, tmp_path_factory.mktemp("corpus-report"))


def every_drawn_article(driver: Any) -> Iterator[dict[str, Any]]:
    """Each article the page draws, page after page, by clicking Next."""
    while True:
        yield from driver.execute_script(_DRAWN_ARTICLES)
        button = driver.find_element("id", "next-page")
        if not button.is_enabled():
            return
        button.click()


def _units(text: str) -> int:
    """The length of the text as a JavaScript string counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def assert_every_span_highlighted(report: Report, drawn: list[dict[str, Any]]) -> int:
    assert [a["position"] for a in drawn] == list(range(len(report.digests)))
    checked = 0
    for view, article, digest in zip(drawn, report.articles, report.digests, strict=True):
        assert view["id"] == digest.id
        assert view["text"] == article.text  # the page shows the text the spans index
        items = [("m", "move", digest.moves), ("c", "catalyst", digest.catalysts),
                 ("r", "risk", digest.risks)]  # fmt: skip
        for letter, kind, found in items:
            for index, item in enumerate(found):
                assert item.span is not None, item
                anchor = f"a{view['position']}-{letter}{index}"
                pieces = [m for m in view["marks"] if anchor in m[2]]
                assert pieces, f"{digest.source_path}: {kind} {index} is not highlighted"
                start, end = item.span
                # the highlights of the item follow each other and cover exactly its span (the
                # page counts in JavaScript's units: an emoji is two)
                assert pieces[0][0] == _units(article.text[:start]), (anchor, pieces)
                for before, after in itertools.pairwise(pieces):
                    assert before[0] + _units(before[1]) == after[0], (anchor, pieces)
                assert pieces[-1][0] + _units(pieces[-1][1]) == _units(article.text[:end])
                assert "".join(p[1] for p in pieces) == article.text[start:end]
                assert all(f"k-{kind}" in p[3] for p in pieces)
                checked += 1
    return checked


def test_every_span_of_every_seed_is_highlighted_at_its_text(
    browser: Any, seeds_report: Report, tmp_path: Path
) -> None:
    chromium.open_page(browser, seeds_report.path)
    drawn = list(every_drawn_article(browser))
    checked = assert_every_span_highlighted(seeds_report, drawn)
    assert checked == sum(
        len(d.moves) + len(d.catalysts) + len(d.risks) for d in seeds_report.digests
    )
    assert chromium.browser_errors(browser) == []  # a refused script or style would say so
    # the inline style sheet applies: a move's highlight has its colour
    background = browser.execute_script(
        "return getComputedStyle(document.querySelector('#article-list mark.k-move'))"
        ".backgroundColor"
    )
    assert background == "rgb(207, 227, 255)"
    browser.save_screenshot(str(tmp_path / "seeds-report.png"))


def test_every_span_of_every_corpus_article_is_highlighted_at_its_text(
    browser: Any, corpus_report: Report, tmp_path: Path
) -> None:
    chromium.open_page(browser, corpus_report.path)
    drawn = list(every_drawn_article(browser))
    assert len(drawn) == len(corpus_report.digests) == 448
    checked = assert_every_span_highlighted(corpus_report, drawn)
    assert checked > 3000  # 448 articles' moves, catalysts and risks
    assert chromium.browser_errors(browser) == []
    browser.save_screenshot(str(tmp_path / "corpus-report.png"))


def test_a_click_on_a_highlight_shows_its_fields(browser: Any, seeds_report: Report) -> None:
    chromium.open_page(browser, seeds_report.path)
    first = seeds_report.digests[0].moves[0]
    mark = browser.find_element("css selector", 'mark[data-items~="a0-m0"]')
    assert first.instrument in mark.get_attribute("title")  # shown on hover
    mark.click()
    panel = browser.find_element("id", "item-details")
    assert panel.is_displayed()
    assert first.instrument in panel.text and first.evidence in panel.text


def test_article_text_cannot_run_script(browser: Any, tmp_path: Path) -> None:
    hostile = tmp_path / "news"
    hostile.mkdir()
    (hostile / "a.txt").write_text(
        'Title: <img src=x onerror="window.pwned=1">\n\n'
        "Gold rose 2% today after <script>window.pwned=2</script> the Fed spoke "
        '<img src=x onerror="window.pwned=3">.\n',
        encoding="utf-8",
    )
    report = build_report(hostile, tmp_path / "out")
    [digest] = report.digests
    evidence = [i.evidence for i in (*digest.moves, *digest.catalysts)]
    assert any("<script>" in e for e in evidence) and any("<img" in e for e in evidence)
    chromium.open_page(browser, report.path)
    assert browser.execute_script("return window.pwned === undefined")
    [view] = browser.execute_script(_DRAWN_ARTICLES)
    assert view["text"] == report.articles[0].text  # shown as text, markup and all
    assert browser.find_elements("css selector", "#article-list img, #article-list script") == []


_MOVE_COLUMN = """
return Array.from(document.querySelectorAll('#market-table tbody tr'))
  .map(function (row) { return row.cells[5].dataset.v; });
"""


def test_the_market_table_sorts_by_move_both_ways(browser: Any, corpus_report: Report) -> None:
    chromium.open_page(browser, corpus_report.path)
    header = browser.find_element("xpath", "//table[@id='market-table']//th[text()='Move']")
    before = browser.execute_script(_MOVE_COLUMN)
    numbers = [float(v) for v in before if v != ""]
    assert len(numbers) > 100 and numbers != sorted(numbers)  # not sorted to begin with
    for direction, expected in (
        ("ascending", sorted(numbers)),
        ("descending", sorted(numbers)[::-1]),
    ):
        header.click()
        assert header.get_attribute("aria-sort") == direction
        after = browser.execute_script(_MOVE_COLUMN)
        assert sorted(after, key=str) == sorted(before, key=str)  # the same rows, reordered
        # the rows with a number in order, then those without one (a conflict, a direction)
        assert [float(v) for v in after[: len(numbers)]] == expected
        assert set(after[len(numbers) :]) <= {""}


def test_the_instrument_filter_shows_its_rows_and_articles(
    browser: Any, corpus_report: Report
) -> None:
    from selenium.webdriver.support.select import Select

    from summarizer.market_picture import market

    picture = market(corpus_report.digests)
    position_of = {d.id: p for p, d in enumerate(corpus_report.digests)}

    def naming(instrument: Any) -> set[int]:
        ids = {s.article_id for r in instrument.readings for s in r.statements}
        ids |= {i.article_id for i in (*instrument.catalysts, *instrument.risks)}
        return {position_of[i] for i in ids}

    instrument = max(picture.instruments, key=lambda i: len(naming(i)))
    expected = naming(instrument)
    assert len(expected) > 20  # more than one page: the pager follows the filter
    chromium.open_page(browser, corpus_report.path)
    Select(browser.find_element("id", "instrument-filter")).select_by_value(
        instrument.instrument_id
    )
    rows = browser.execute_script(
        "return Array.from(document.querySelectorAll('#market-table tbody tr'))"
        ".filter(function (r) { return !r.hidden; }).map(function (r) { return r.dataset.instrument; });"
    )
    assert rows == [instrument.instrument_id] * max(1, len(instrument.readings))
    shown = [a["position"] for a in every_drawn_article(browser)]
    assert shown == sorted(expected)
    assert browser.find_elements("css selector", "mark.focus")  # its items stand out
    Select(browser.find_element("id", "instrument-filter")).select_by_value("")
    assert "of 448 (page 1 of 23)" in browser.find_element("id", "page-info").text


def test_a_sources_link_opens_its_article_at_the_highlight(
    browser: Any, corpus_report: Report
) -> None:
    from selenium.webdriver.support.wait import WebDriverWait

    chromium.open_page(browser, corpus_report.path)
    links = browser.find_elements("css selector", "#market-table a.to-source")
    link = links[-1]  # an article far from the first page
    anchor = link.get_attribute("href").rsplit("#", 1)[1]
    browser.execute_script("arguments[0].scrollIntoView()", link)
    link.click()
    # the page answers the click on its hashchange event, after click() has returned
    WebDriverWait(browser, 10).until(lambda b: b.find_elements("css selector", "mark.flash"))
    [flashed] = browser.find_elements("css selector", "mark.flash")
    assert anchor in flashed.get_attribute("data-items").split()
    position = int(anchor[1:].split("-")[0])
    assert browser.find_element("id", f"article-{position}").is_displayed()
