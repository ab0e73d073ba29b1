"""report.html for many articles: the time to build it, and to open it in headless Chromium.

Usage: python benchmarks/bench_report.py [--articles 1000] [--runs 3] [--also 10000]
The corpus's articles (448 today) are repeated, each copy opened by a line of its own ("Edition 2.")
so that every article has a text and an id of its own, and summarized once by the rules engine
(not timed). Then, each run:
- build: what `summarizer run --format html` does once the digests are made
  (report_html.report_from_parts): each article's digest and text read back from its report
  parts, the market picture, the page rendered, and the file written; the 1,000-article
  target is < 2 s;
- open: Chromium loads the file until the page's script has drawn the first page of articles
  (`window.reportDrawnAt`, milliseconds from the start of navigation, and the wall time of the
  WebDriver's get(), which returns after the load event); the target is < 3 s.
--also N times one build and one open of N articles: the digests of the first ones repeated
under new ids (a page that must not freeze with 10,000 articles).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from summarizer.ingest import read_articles
from summarizer.models import Article, ArticleDigest
from summarizer.pipeline import summarize_many
from summarizer.render import ReportParts, report_parts, write_atomic
from summarizer.report_html import report_from_parts
from summarizer.settings import Settings

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
import chromium  # noqa: E402  (tests/chromium.py: Debian's Chromium through Selenium)

CORPUS = REPO / "fixtures" / "corpus" / "articles"


def articles(count: int) -> list[Article]:
    corpus = [a for a in read_articles([str(CORPUS)]) if isinstance(a, Article)]
    made = []
    for number in range(count):
        original = corpus[number % len(corpus)]
        edition = number // len(corpus) + 1
        text = f"Edition {edition}.\n\n{original.text}"
        source = f"edition{edition}/{original.source_path}"
        update = {"id": f"e{edition}-{original.id}", "text": text, "source_path": source}
        made.append(original.model_copy(update=update))
    return made


def build(parts: list[ReportParts], path: Path) -> float:
    started = time.perf_counter()
    write_atomic(path, report_from_parts(parts))
    return time.perf_counter() - started


def open_in_chromium(driver: object, path: Path) -> tuple[float, float]:
    started = time.perf_counter()
    chromium.open_page(driver, path)
    wall = time.perf_counter() - started
    drawn = driver.execute_script("return window.reportDrawnAt") / 1000  # type: ignore[attr-defined]
    return drawn, wall


def many(digests: list[ArticleDigest], texts: list[str], count: int) -> list[ReportParts]:
    """count html parts: the digests repeated under new ids."""
    parts = []
    for number in range(count):
        digest = digests[number % len(digests)]
        copy = digest.model_copy(update={"id": f"{number}-{digest.id}"})
        parts.append(report_parts(copy, ["html"], texts[number % len(texts)]))
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--also", type=int, default=0, help="one build and open of N articles")
    args = parser.parse_args()
    why = chromium.missing()
    if why:
        sys.exit(why)
    made = articles(args.articles)
    digests = summarize_many(made, Settings(engine="rules", use_cache=False))
    parts = [report_parts(d, ["html"], a.text) for d, a in zip(digests, made, strict=True)]
    with tempfile.TemporaryDirectory() as folder:
        driver = chromium.start(Path(folder) / "profile")
        try:
            path = Path(folder) / "report.html"
            for run in range(args.runs):
                built = build(parts, path)
                drawn, wall = open_in_chromium(driver, path)
                size = path.stat().st_size / 1e6
                print(f"{args.articles} articles, run {run + 1}: build {built:.2f} s, {size:.1f} "
                      f"MB; first page drawn {drawn:.2f} s (ready in {wall:.2f} s)")  # fmt: skip
            if args.also:
                big = Path(folder) / "big.html"
                built = build(many(digests, [a.text for a in made], args.also), big)
                drawn, wall = open_in_chromium(driver, big)
                size = big.stat().st_size / 1e6
                print(f"{args.also} articles: build {built:.2f} s, {size:.1f} MB; "
                      f"first page drawn {drawn:.2f} s (ready in {wall:.2f} s)")  # fmt: skip
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
