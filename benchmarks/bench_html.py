"""HTML to text on deeply nested and ordinary pages, read by ingest as `summarizer run` does.

Usage: python benchmarks/bench_html.py [--depth 100000] [--runs 3]
Writes a page of N nested <div>s around one sentence (100,000: 1.1 MB; issue 15 asks for under
2 s), an ordinary 200 KB page (the test page's body 400 times) and 1,000 paragraphs that each
leave 10 distinct <b> tags open (160 KB), reads each with
`read_articles`, and prints the best and worst wall time of the runs. A page is timed whole:
reading, decoding, capping the nesting, parsing and gathering the text.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from summarizer.ingest import read_articles
from summarizer.models import Article

TESTS = Path(__file__).resolve().parent.parent / "tests"


def ordinary_page() -> str:
    sys.path.insert(0, str(TESTS))
    from test_ingest import PAGE  # the test suite's news page: head, nav, article, footer

    body = PAGE.split("<body>")[1].split("</body>")[0]
    return f"<html><head><title>Page</title></head><body>{body * 400}</body></html>"


def time_reading(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        [article] = read_articles([str(path)])
        times.append(time.perf_counter() - start)
        assert isinstance(article, Article), article
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depth", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = {
        f"{args.depth:,} nested divs": "<div>" * args.depth + "Deep text." + "</div>" * args.depth,
        "ordinary page": ordinary_page(),
        # formatting elements left open, each distinct: the parser reopens all of them at every
        # paragraph unless their attributes are dropped (ingest._FORMATTING_TAG)
        "1,000 paragraphs of 10 open <b id=...>": "".join(
            "<p>" + "".join(f'<b id="x{i}_{j}">' for j in range(10)) + f"Text {i}."
            for i in range(1000)
        ),
    }
    with tempfile.TemporaryDirectory() as folder:
        for label, html in pages.items():
            path = Path(folder) / "page.html"
            path.write_text(html, encoding="utf-8")
            times = time_reading(path, args.runs)
            size = len(html.encode()) / 1024 / 1024
            print(f"{label} ({size:.2f} MB): best {min(times):.3f} s, worst {max(times):.3f} s")


if __name__ == "__main__":
    main()
