"""ingest: paths, directories, stdin and every input format to Articles; bad inputs to failures."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.ingest import (
    MAX_ARTICLE_BYTES,
    InputFailure,
    LeftOut,
    article_from_text,
    content_id,
    input_units,
    read_articles,
)
from summarizer.models import Article, ArticleDigest
from summarizer.render import digest_json, write_outputs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MB = 1024 * 1024


def read_all(paths: list[Path | str], stdin: bytes | None = None) -> list[Article | InputFailure]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_articles([str(p) for p in paths], stdin=stream))


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def texts(items: list[Article | InputFailure]) -> list[str | InputFailure]:
    """Each Article as its text, each failure as itself: one list to compare in one assert."""
    return [i.text if isinstance(i, Article) else i for i in items]


def sources(items: list[Article | InputFailure]) -> list[str | None]:
    return [i.source_path if isinstance(i, Article) else i.source for i in items]


def sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- the seeds ------------------------------------------------------------------------------------

SEED_HEADERS = {
    "000": (
        "Capital Flows Surge into Gold Markets as BABA-W Fuels AI Momentum",
        "Sep 01",
        "Stock News",
    ),
    "001": (None, None, None),
    "002": ("China's tech index rides AI wave to 4 year high", None, "Cryptopolitan"),
    "003": (
        "Self-Developed Chips + Model Iteration, Alibaba's Strong Breakthrough, Hong Kong Tech "
        "Stocks Return to AI Narrative! Hong Kong Internet ETF (513770) Reaches New High with "
        "Heavy Volume",
        "Sep 14",
        "Deep News",
    ),
    "004": ("The Perfect Storm Igniting Chinese Assets", None, None),
}


@pytest.mark.parametrize("prefix", sorted(SEED_HEADERS))
def test_seed_reads_to_one_article_with_its_text_and_header(prefix: str) -> None:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    [article] = read_all([path])
    assert isinstance(article, Article)
    original = path.read_text(encoding="utf-8")
    assert article.text == original
    assert article.id == sha16(original)
    assert article.source_path == str(path)
    assert (article.title, article.published, article.publisher) == SEED_HEADERS[prefix]


def test_seed_directory_reads_in_name_order() -> None:
    articles = read_all([SEEDS])
    assert [a.source_path for a in articles] == [str(p) for p in sorted(SEEDS.glob("*.txt"))]


# --- bad inputs -----------------------------------------------------------------------------------


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return path


def _oversized(tmp: Path) -> Path:
    path = tmp / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * MB)  # sparse: costs no disk
    return path


def _no_supported_files(tmp: Path) -> Path:
    write(tmp / "inbox" / "notes.csv", "a,b\n")
    write(tmp / "inbox" / ".hidden.txt", "hidden article")
    return tmp / "inbox"


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda tmp: tmp / "missing.txt", "no such file or directory"),
    "empty": (lambda tmp: write(tmp / "empty.txt", b""), "empty (no text)"),
    "whitespace": (lambda tmp: write(tmp / "blank.md", " \n\t\r\n"), "empty (only whitespace)"),
    "binary": (
        lambda tmp: write(tmp / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "binary file",
    ),
    "latin-1": (
        lambda tmp: write(tmp / "latin.txt", "café au lait".encode("latin-1")),
        "not valid UTF-8 text (invalid byte 0xe9 at offset 3)",
    ),
    "bom-offset": (
        lambda tmp: write(tmp / "bom.txt", b"\xef\xbb\xbfab\xff"),
        "not valid UTF-8 text (invalid byte 0xff at offset 5)",
    ),
    "utf-16": (
        lambda tmp: write(tmp / "wide.txt", "Gold rose".encode("utf-16")),
        "UTF-16 text is not supported; save the file as UTF-8",
    ),
    "oversized": (_oversized, "file is 20.0 MB; the limit for one article is 10.0 MB"),
    "empty-directory": (
        _no_supported_files,
        "directory contains no supported files (.txt .md .markdown .html .htm .json .jsonl)",
    ),
    "fifo": (_fifo, "not a regular file or directory"),
    "html-without-text": (
        lambda tmp: write(tmp / "page.html", "<html><body><script>go()</script><nav>Home</nav>"),
        "no visible text in the HTML",
    ),
    "json-invalid": (
        lambda tmp: write(tmp / "bad.json", '{"text": "A"'),
        "not valid JSON (Expecting ',' delimiter at line 1 column 13)",
    ),
    "json-scalar": (
        lambda tmp: write(tmp / "scalar.json", '"just a string"'),
        "JSON must be an object or a list of objects, not a string",
    ),
    "json-empty-list": (
        lambda tmp: write(tmp / "none.json", "[]"),
        "empty (the JSON list holds no records)",
    ),
    "jsonl-blank": (lambda tmp: write(tmp / "blank.jsonl", "\n  \n"), "empty (no text)"),
    "jsonl-binary": (
        lambda tmp: write(tmp / "bin.jsonl", b'{"text": "a"}\n\x00\x01'),
        "binary file",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gives_one_failure_between_good_articles(tmp_path: Path, case: str) -> None:
    make, message = BAD_INPUTS[case]
    before = write(tmp_path / "before.txt", "Alpha rose 1%.")
    bad = make(tmp_path)
    after = write(tmp_path / "after.txt", "Beta fell 2%.")
    items = read_all([before, bad, after])
    assert texts(items) == ["Alpha rose 1%.", InputFailure(str(bad), message), "Beta fell 2%."]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_directory_are_failures(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", "secret")
    locked_dir = tmp_path / "locked_dir"
    write(locked_dir / "inside.txt", "secret")
    locked.chmod(0)
    locked_dir.chmod(0)
    try:
        items = read_all([locked, locked_dir])
    finally:
        locked_dir.chmod(0o755)
    assert items == [
        InputFailure(str(locked), "permission denied"),
        InputFailure(str(locked_dir), "permission denied"),
    ]


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = _oversized(tmp_path)
    tracemalloc.start()
    try:
        items = read_all([big])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The file is all NUL bytes: had it been read, the message would say "binary file".
    assert items == [
        InputFailure(str(big), "file is 20.0 MB; the limit for one article is 10.0 MB")
    ]
    assert peak < MB


def test_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "full.txt", b"a" * MAX_ARTICLE_BYTES)
    [article] = read_all([path])
    assert isinstance(article, Article)
    assert len(article.text) == MAX_ARTICLE_BYTES


# --- text normalisation -------------------------------------------------------------------------


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    path = write(tmp_path / "win.txt", b"Title here\r\n\r\nFirst line.\r\nSecond line.\rThird.\r\n")
    [article] = read_all([path])
    expected = "Title here\n\nFirst line.\nSecond line.\nThird.\n"
    assert isinstance(article, Article)
    assert article.text == expected
    assert article.id == sha16(expected)
    assert article.title == "Title here"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.md", b"\xef\xbb\xbfHeadline\n\nBody \xe2\x80\x94 text.")
    [article] = read_all([path])
    assert isinstance(article, Article)
    assert article.text == "Headline\n\nBody \u2014 text."
    assert article.title == "Headline"


def test_unknown_suffix_given_explicitly_is_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.csv", "Gold rose 1%, silver fell.")
    [article] = read_all([path])
    assert isinstance(article, Article)
    assert article.text == "Gold rose 1%, silver fell."


# --- directories ----------------------------------------------------------------------------------


def test_directory_is_read_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "Bravo text.")
    write(root / "a" / "z.md", "Zulu text.")
    write(root / "a" / "y.html", "<p>Yankee text.</p>")
    write(root / "D.TXT", "Delta text.")
    write(root / "c.jsonl", '{"text": "Charlie one."}\n{"text": "Charlie two."}\n')
    write(root / "notes.csv", "not an article")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "config.txt", "hidden")
    items = read_all([root])
    base = str(root)
    assert list(zip(sources(items), texts(items), strict=True)) == [
        (os.path.join(base, "D.TXT"), "Delta text."),
        (os.path.join(base, "a", "y.html"), "Yankee text."),
        (os.path.join(base, "a", "z.md"), "Zulu text."),
        (os.path.join(base, "b.txt"), "Bravo text."),
        (os.path.join(base, "c.jsonl") + "#1", "Charlie one."),
        (os.path.join(base, "c.jsonl") + "#2", "Charlie two."),
    ]


def test_failures_inside_a_directory_keep_their_place(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Alpha.")
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "c.txt", "Charlie.")
    items = read_all([tmp_path])
    assert [type(i) for i in items] == [Article, InputFailure, Article]
    assert items[1] == InputFailure(os.path.join(str(tmp_path), "b.txt"), "empty (no text)")


def test_defect_7_file_symlink_loops_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "a.txt", "Alpha text.")
    (root / "b.txt").symlink_to("c.txt")
    (root / "c.txt").symlink_to("b.txt")
    (root / "d.md").symlink_to("d.md")
    (root / "up").symlink_to(root, target_is_directory=True)  # a directory loop: not followed
    write(root / "z.txt", "Zulu text.")
    loop = "too many levels of symbolic links"
    items = read_all([root])
    assert texts(items) == [
        "Alpha text.",
        InputFailure(str(root / "b.txt"), loop),
        InputFailure(str(root / "c.txt"), loop),
        InputFailure(str(root / "d.md"), loop),
        "Zulu text.",
    ]
    assert input_units([str(root)]) == [
        str(root / n) for n in ("a.txt", "b.txt", "c.txt", "d.md", "z.txt")
    ]


# --- JSON and JSONL -------------------------------------------------------------------------------


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": 7,
                "text": "Alpha rose 2%.",
                "title": "Alpha",
                "date": "2025-09-12",
                "source": "Wire",
            }
        ),
        "{not json",
        "",
        json.dumps({"headline": "no text here"}),
        json.dumps({"content": "Beta fell 1%."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"body": "Gamma was flat.", "text": None, "published_at": "Sep 14"}),
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    items = read_all([path])
    p = str(path)
    assert items[0] == Article(
        id="7", text="Alpha rose 2%.", title="Alpha", published="2025-09-12", publisher="Wire",
        source_path=f"{p}#1",
    )  # fmt: skip
    assert isinstance(items[1], InputFailure)
    assert items[1].source == f"{p}:line 2"
    assert items[1].message.startswith("not valid JSON (")
    assert items[2] == InputFailure(f"{p}:line 4", "record has no text/content/body field")
    assert items[3] == Article(
        id=sha16("Beta fell 1%."), text="Beta fell 1%.", source_path=f"{p}#5"
    )
    assert items[4] == InputFailure(f"{p}:line 6", "record is not a JSON object (got a list)")
    assert items[5] == Article(
        id=sha16("Gamma was flat."),
        text="Gamma was flat.",
        published="Sep 14",
        source_path=f"{p}#7",
    )
    assert len(items) == 6


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    huge = json.dumps({"text": "x" * (MAX_ARTICLE_BYTES + 10)})
    path = write(tmp_path / "big.jsonl", huge + "\n" + json.dumps({"text": "Small one."}) + "\n")
    items = read_all([path])
    assert items[0] == InputFailure(f"{path}:line 1", "record is larger than the 10.0 MB limit")
    assert isinstance(items[1], Article)
    assert items[1].text == "Small one."
    assert len(items) == 2


def test_jsonl_is_streamed_not_loaded_whole(tmp_path: Path) -> None:
    record = json.dumps({"text": "Alpha rose 2% on strong demand. " * 60}) + "\n"  # ~2 KB
    path = write(tmp_path / "many.jsonl", record * 3000)  # ~6 MB
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Article) for item in read_articles([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 3000
    assert peak < 2 * MB


def test_jsonl_first_line_bom_and_crlf(tmp_path: Path) -> None:
    path = write(
        tmp_path / "win.jsonl", b'\xef\xbb\xbf{"text": "A one.\\r\\nA two."}\r\n{"text": "B."}\r\n'
    )
    items = read_all([path])
    assert texts(items) == ["A one.\nA two.", "B."]


@pytest.mark.parametrize(
    ("suffix", "data", "message"),
    [
        (".jsonl", '{"text": "a\tb"}\n', "Invalid control character at column 12"),
        (".jsonl", '{"text": "abc}', "Unterminated string starting at column 10"),
        (".jsonl", '{"text": "a"\n', "Expecting ',' delimiter at the end of the line"),
        (".json", '{"text": "a\tb"}', "Invalid control character at line 1 column 12"),
    ],
)
def test_defect_11_json_error_says_where_once(
    tmp_path: Path, suffix: str, data: str, message: str
) -> None:
    path = write(tmp_path / f"bad{suffix}", data)
    source = f"{path}:line 1" if suffix == ".jsonl" else str(path)
    assert read_all([path]) == [InputFailure(source, f"not valid JSON ({message})")]


def test_json_list_of_records(tmp_path: Path) -> None:
    records = [
        {"text": "One rose."},
        {"content": None, "body": "Two fell.", "publisher": "Desk", "id": "abc"},
        {"text": 5},
        {"text": "   "},
        {"text": "Lone \ud800 surrogate."},
    ]
    path = write(tmp_path / "batch.json", json.dumps(records))
    items = read_all([path])
    p = str(path)
    assert items == [
        Article(id=sha16("One rose."), text="One rose.", source_path=f"{p}#1"),
        Article(id="abc", text="Two fell.", publisher="Desk", source_path=f"{p}#2"),
        InputFailure(f"{p}:record 3", "record field 'text' is a number, not a string"),
        InputFailure(f"{p}:record 4", "empty (the record's text is blank)"),
        InputFailure(f"{p}:record 5", "record text holds an unpaired surrogate (a bad \\u escape)"),
    ]


def test_json_single_object_is_one_article_named_by_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"text": "Gold rose.", "title": "Gold"}))
    assert read_all([path]) == [
        Article(id=sha16("Gold rose."), text="Gold rose.", title="Gold", source_path=str(path))
    ]


def test_json_record_without_text_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"title": "Gold"}))
    assert read_all([path]) == [InputFailure(str(path), "record has no text/content/body field")]


# --- HTML -----------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head>
<title>Ignored page title | Market Wire</title>
<meta property="og:title" content="Chip stocks rally">
<meta property="og:site_name" content="Market Wire">
<meta property="article:published_time" content="2025-09-12T08:00:00Z">
<style>p { color: red }</style>
<script>var tracking = "do not show";</script>
</head><body>
<header><a href="/">Market Wire home</a></header>
<nav><ul><li>Markets</li><li>Login</li></ul></nav>
<article>
  <h1>Chip   stocks rally</h1>
  <p>SMIC rose   <b>nearly 5%</b>
     on Friday &amp; more.</p>
  <script>alert("no")</script>
  <p>Analysts see risks.<br>Volatility may rise.</p>
  <ul><li>Hang Seng +1%</li><li>CSI 300 flat</li></ul>
  <aside>Related: other story</aside>
  <form><input value="subscribe">Subscribe now</form>
  <div hidden>hidden text</div>
</article>
<footer>Copyright 2025</footer>
</body></html>
"""


def test_html_keeps_visible_article_text_as_paragraphs(tmp_path: Path) -> None:
    [article] = read_all([write(tmp_path / "page.html", PAGE)])
    assert isinstance(article, Article)
    assert article.text == (
        "Chip stocks rally\n\n"
        "SMIC rose nearly 5% on Friday & more.\n\n"
        "Analysts see risks.\nVolatility may rise.\n\n"
        "Hang Seng +1%\n\n"
        "CSI 300 flat"
    )
    assert (article.title, article.published, article.publisher) == (
        "Chip stocks rally",
        "2025-09-12T08:00:00Z",
        "Market Wire",
    )


def test_html_without_meta_uses_main_h1_and_time(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Fed | Site</title></head><body>"
        "<p>Outside main.</p>"
        "<main><h1>Fed holds rates</h1><time datetime='2025-09-17'>Sep 17</time>"
        "<p>Treasury yields were flat.</p><table><tr><td>2Y</td><td>3.5%</td></tr></table></main>"
        "</body></html>"
    )
    [article] = read_all([write(tmp_path / "fed.htm", page)])
    assert isinstance(article, Article)
    assert article.text == "Fed holds rates\n\nSep 17\n\nTreasury yields were flat.\n\n2Y 3.5%"
    assert (article.title, article.published, article.publisher) == (
        "Fed holds rates",
        "2025-09-17",
        None,
    )


def test_html_picks_the_longest_article(tmp_path: Path) -> None:
    page = (
        "<body><article><p>Related teaser.</p></article>"
        "<article><p>The main story has far more words in it.</p></article></body>"
    )
    [article] = read_all([write(tmp_path / "two.html", page)])
    assert isinstance(article, Article)
    assert article.text == "The main story has far more words in it."


def test_deeply_nested_html_does_not_overflow(tmp_path: Path) -> None:
    page = "<div>" * 5000 + "Deep text." + "</div>" * 5000
    [article] = read_all([write(tmp_path / "deep.html", page)])
    assert isinstance(article, Article)
    assert article.text == "Deep text."


def test_defect_8_deeply_nested_html_keeps_its_text_at_every_depth(tmp_path: Path) -> None:
    page = "".join(f"<div><p>Level {i}.</p>" for i in range(3000)) + "</div>" * 3000
    [article] = read_all([write(tmp_path / "deep.html", page)])
    assert isinstance(article, Article)
    assert article.text.split() == " ".join(f"Level {i}." for i in range(3000)).split()


def test_defect_8_open_formatting_tags_keep_their_text_and_what_they_hide(
    tmp_path: Path,
) -> None:
    # each paragraph leaves distinct <b>s open (the parser would reopen them all at every one)
    page = (
        "".join(
            "<p>" + "".join(f'<b id="x{i}_{j}" title="a > b">' for j in range(4)) + f"Text {i}."
            for i in range(50)
        )
        + '<p>Shown <i class="x" hidden>secret</i> end.</p>'
    )
    [article] = read_all([write(tmp_path / "open.html", page)])
    assert isinstance(article, Article)
    words = article.text.split()
    assert words[:4] == ["Text", "0.", "Text", "1."] and "secret" not in words
    assert 'b">' not in article.text  # a ">" inside a quoted attribute is no end of the tag


# --- stdin ----------------------------------------------------------------------------------------


def test_stdin_plain_text_between_files(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Alpha.")
    b = write(tmp_path / "b.txt", "Bravo.")
    items = read_all([a, "-", b], stdin=b"Title line\n\nBody text.\r\n")
    assert texts(items) == ["Alpha.", "Title line\n\nBody text.\n", "Bravo."]
    assert items[1] == Article(
        id=sha16("Title line\n\nBody text.\n"),
        text="Title line\n\nBody text.\n",
        title="Title line",
        source_path="<stdin>",
    )


def test_stdin_jsonl_records() -> None:
    data = b'\n{"text": "A rose."}\n{"text": "B fell."}\nnot json\n'
    items = read_all(["-"], stdin=data)
    assert [type(i) for i in items] == [Article, Article, InputFailure]
    assert sources(items) == ["<stdin>#2", "<stdin>#3", "<stdin>:line 4"]
    assert texts(items)[:2] == ["A rose.", "B fell."]


def test_stdin_json_list() -> None:
    items = read_all(["-"], stdin=b'[{"text": "A rose."}, {"body": "B fell."}]')
    assert list(zip(sources(items), texts(items), strict=True)) == [
        ("<stdin>#1", "A rose."),
        ("<stdin>#2", "B fell."),
    ]


def test_stdin_text_that_only_looks_like_json_is_plain_text() -> None:
    [article] = read_all(["-"], stdin=b"[Update] Stocks rise\n\nThe index rose 1%.")
    assert isinstance(article, Article)
    assert article.title == "[Update] Stocks rise"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty (no text)"), (b"\n \n", "empty (only whitespace)"), (b"\x00\x01", "binary file")],
)
def test_bad_stdin_is_one_failure(data: bytes, message: str) -> None:
    assert read_all(["-"], stdin=data) == [InputFailure("<stdin>", message)]


# --- header metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "Sep 01",
        "2025-09-12",
        "September 12, 2025",
        "12 Sep 2025",
        "Fri, Sep 12, 2025",
        "2025年9月12日",
    ],
)
def test_header_date_and_publisher_above_it(date: str) -> None:
    text = f"Gold hits record\n\nMarket Wire\n{date}\n\nGold rose 1% on Friday."
    article = article_from_text(text)
    assert (article.title, article.published, article.publisher) == (
        "Gold hits record",
        date,
        "Market Wire",
    )
    assert article.text == text


@pytest.mark.parametrize(
    ("text", "title", "published", "publisher"),
    [
        ("# Gold hits record\n\nGold rose 1%.", "Gold hits record", None, None),
        ("## Rates ##\nYields fell.", "Rates", None, None),
        ("Fed holds\n\nSep 17\nDeep News\n\nYields fell.", "Fed holds", "Sep 17", "Deep News"),
        ("Fed holds\nSource: Reuters\n\nYields fell.", "Fed holds", None, "Reuters"),
        ("Fed holds\nBy Bloomberg News\n\nYields fell.", "Fed holds", None, "Bloomberg News"),
        ("美联储维持利率\n来源\uff1a新浪财经\n\n收益率下降。", "美联储维持利率", None, "新浪财经"),
        ("Fed holds\nPublished: Sep 12, 2025\n\nYields fell.", "Fed holds", "Sep 12, 2025", None),
        ("Is the rally over?\n\nStocks fell 2%.", "Is the rally over?", None, None),
        ("Is the rally over?\nStocks fell 2%.", None, None, None),
        ("Stocks fell 2% today.\n\nBonds rose.", None, None, None),
        ("Stocks fell 2% today", None, None, None),
        ("Sep 12\n\nStocks fell 2%.", None, "Sep 12", None),
        ("Fed holds\nSep 01\nStocks rose.\n", "Fed holds", "Sep 01", None),
        ("Bybit rose 3%\n\nCrypto stocks climbed.", "Bybit rose 3%", None, None),
        ("x" * 201 + "\n\nBody.", None, None, None),
        ("", None, None, None),
    ],
)
def test_header_rules(
    text: str, title: str | None, published: str | None, publisher: str | None
) -> None:
    article = article_from_text(text)
    assert (article.title, article.published, article.publisher) == (title, published, publisher)
    assert article.text == text


def test_explicit_metadata_wins_over_the_header() -> None:
    text = "Header title\n\nStock News\nSep 01\n\nBody."
    article = article_from_text(
        text,
        id="given-id",
        title="Given",
        published="2025-01-01",
        publisher="Desk",
        source_path="x",
    )
    assert article == Article(
        id="given-id",
        text=text,
        title="Given",
        published="2025-01-01",
        publisher="Desk",
        source_path="x",
    )


def test_content_id_is_sha256_prefix() -> None:
    # The FIPS 180-2 test vector: sha256("abc") = ba7816bf8f01cfea...
    assert content_id("abc") == "ba7816bf8f01cfea"


# --- properties -----------------------------------------------------------------------------------


@given(st.text())
def test_article_from_text_keeps_text_and_reads_only_what_it_holds(text: str) -> None:
    article = article_from_text(text)
    assert article.text == text
    assert article.id == content_id(text) == content_id(text)
    assert len(article.id) == 16
    assert int(article.id, 16) >= 0
    for field in (article.title, article.published, article.publisher):
        assert field is None or field in text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_any_bytes_give_items_never_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / f"input{suffix}", data)
        items = read_all([path])
    assert items
    assert all(isinstance(i, Article | InputFailure) for i in items)
    if suffix in (".txt", ".md") and isinstance(items[0], Article):
        expected = (
            data.removeprefix(b"\xef\xbb\xbf").decode().replace("\r\n", "\n").replace("\r", "\n")
        )
        assert items[0].text == expected


def test_input_units_read_one_by_one_give_what_the_paths_give(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "Bravo text.")
    write(root / "a" / "z.md", "Zulu text.")
    write(root / "c.jsonl", '{"text": "Charlie one."}\nnot json\n{"text": "Charlie two."}\n')
    write(root / "e.txt", b"")
    (root / "empty_dir").mkdir()
    write(tmp_path / "f.txt", "Foxtrot text.")
    (tmp_path / "nothing_here").mkdir()
    paths = [str(root), str(tmp_path / "f.txt"), str(tmp_path / "missing.txt"),
             str(tmp_path / "nothing_here")]  # fmt: skip
    units = input_units(paths)
    assert units[0] == str(root / "a" / "z.md") and str(tmp_path / "missing.txt") in units
    one_by_one = [item for unit in units for item in read_articles([unit])]
    assert one_by_one == list(read_articles(paths))
    assert any(isinstance(i, InputFailure) for i in one_by_one)


def test_a_directory_leaves_out_its_run_s_output_folder_and_what_summarizer_wrote(
    tmp_path: Path,
) -> None:
    root = tmp_path / "in"
    digest = ArticleDigest(id="x", source_path="a.txt", engine="rules", status="ok")
    write(root / "a.txt", "Alpha text.")
    write(root / "old" / "x.json", digest_json(digest))  # as render writes them
    write_outputs(root / "old", [digest], ["md", "jsonl"])
    # a user's notes that begin as the report does, under another name: read
    write(root / "old" / "notes.md", "# Market news digest\n\nGold rose 1% on Friday.")
    write(root / "records.json", '[{"text": "Bravo rose 1%."}]')
    write(root / "out" / "c.txt", "Charlie text.")  # the run's output folder: left out whole
    left_out = LeftOut(str(root / "out"))
    items = list(read_articles([str(root)], left_out=left_out))
    assert [i.source_path for i in items if isinstance(i, Article)] == [
        str(root / "a.txt"), str(root / "old" / "notes.md"), f"{root / 'records.json'}#1"
    ]  # fmt: skip
    assert sorted(left_out.paths) == sorted(
        [str(root / "old" / n) for n in ("x.json", "digest.md", "digests.jsonl")]
        + [str(root / "out") + os.sep]
    )
    units = input_units([str(root)], LeftOut(str(root / "out")))
    assert units == [
        str(root / "a.txt"),
        str(root / "old" / "notes.md"),
        str(root / "records.json"),
    ]


def test_a_directory_of_summarizer_outputs_alone_says_what_it_left_out(tmp_path: Path) -> None:
    digest = ArticleDigest(id="x", source_path="a.txt", engine="rules", status="ok")
    write(tmp_path / "old" / "x.json", digest_json(digest))
    write_outputs(tmp_path / "old", [digest], ["md"])
    (failure,) = read_articles([str(tmp_path / "old")])
    assert isinstance(failure, InputFailure)
    assert failure.message.endswith("; 2 left out, written by summarizer")
    # a file given by its own path is always read (a digest is no record: it fails, and says why)
    (given,) = read_articles([str(tmp_path / "old" / "x.json")])
    assert isinstance(given, InputFailure) and "no text/content/body" in given.message
