"""User inputs (paths, directories, "-" for stdin) in; `Article`s and `InputFailure`s out.

The only module that reads user files. A problem with one input becomes an `InputFailure` for
that input, never an exception, so one bad file cannot stop a batch.

Article.text is the decoded input with a UTF-8 BOM dropped and CRLF/CR turned into LF; every
offset downstream refers to it. Title, date and publisher are read from the header of the text,
never cut out of it: the clean step decides what to drop.

stdin ("-") is read whole (up to 100 MB) and is one plain-text article unless it holds records:
when all of it parses as a JSON object or list it is read like a .json file, else when its first
non-blank line is a JSON object it is read like a .jsonl file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from summarizer.errors import InputError
from summarizer.formats import (
    DIGEST_JSON_START,
    DIGESTS_JSONL_START,
    JSONL_NAME,
    REPORT_HTML_NAME,
    REPORT_HTML_START,
    REPORT_NAME,
    REPORT_START,
)
from summarizer.html_depth import cap_depth
from summarizer.models import Article

MAX_ARTICLE_BYTES: int = 10 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

# A .json document is parsed whole, so it gets a ceiling of its own; JSONL is streamed.
_MAX_JSON_DOCUMENT_BYTES = 100 * 1024 * 1024
_MB = 1024 * 1024
_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"
STDIN_SOURCE = "<stdin>"  # the source_path of what was read from stdin
_HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class InputFailure:
    """One input that could not be read, and why, in words fit for the person running the tool."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class LeftOut:
    """What directories given as inputs leave out, and what they left out so far (`paths`):
    the run's own output folder (out_dir), and the files summarizer writes wherever they are
    (digest JSON, digest.md, digests.jsonl), known by how they begin. A file given by its own
    path is always read."""

    out_dir: str | None = None
    paths: list[str] = field(default_factory=list)
    annotations: list[str] = field(default_factory=list)  # gold files: moves, and no text
    documentation: list[str] = field(default_factory=list)  # README, LICENSE, CHANGELOG...
    _out_id: tuple[int, int] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        try:
            info = os.stat(self.out_dir) if self.out_dir is not None else None
        except OSError:  # not there yet: nothing of it to meet
            info = None
        self._out_id = (info.st_dev, info.st_ino) if info is not None else None

    def leaves_out(self, entry: os.DirEntry[str], *, is_dir: bool) -> bool:
        """Whether entry, met in a directory input, is left out (noted in paths if so)."""
        if is_dir:
            left = self._out_id is not None and _identity(entry) == self._out_id
        else:
            head = _head(entry)
            left = _written_by_summarizer(entry.name, head)
            if not left and _gold_annotation(entry.name, head):
                self.annotations.append(entry.path)
                return True
            if not left and _DOCUMENTATION.match(entry.name):
                self.documentation.append(entry.path)
                return True
        if left:
            self.paths.append(entry.path + os.sep if is_dir else entry.path)
        return left


def _identity(entry: os.DirEntry[str]) -> tuple[int, int] | None:
    try:
        return entry.stat(follow_symlinks=False).st_dev, entry.inode()
    except OSError:
        return None


def _head(entry: os.DirEntry[str]) -> bytes:
    """The first bytes of a file summarizer may have written or a gold file may be (JSON, the
    report, the JSONL), read once for every check by content; nothing for other names, which
    spares reading every article's first bytes."""
    name = entry.name.lower()
    if not (name.endswith(".json") or entry.name in (REPORT_NAME, JSONL_NAME, REPORT_HTML_NAME)):
        return b""
    try:
        with open(entry.path, "rb") as handle:
            return handle.read(_HEAD_BYTES)
    except OSError:  # unreadable: read as an input, which reports why
        return b""


_HEAD_BYTES = 64  # more than any start below


def _written_by_summarizer(name: str, head: bytes) -> bool:
    """Whether a file is a digest, a report or a JSONL of digests, by how it begins: a digest's
    name is its input's, so its name says nothing; the reports' do."""
    if name.lower().endswith(".json"):
        start = DIGEST_JSON_START
    elif name == REPORT_NAME:
        start = REPORT_START
    elif name == JSONL_NAME:
        start = DIGESTS_JSONL_START
    elif name == REPORT_HTML_NAME:
        start = REPORT_HTML_START
    else:
        return False
    return head.startswith(start)


def _gold_annotation(name: str, head: bytes) -> bool:
    """Whether a file is a gold annotation file (the moves, catalysts and risks of an article,
    written by hand, as fixtures/ and the shared corpus hold beside their articles), by how it
    begins: '{"moves": [' is no article record."""
    return name.lower().endswith(".json") and _GOLD_START.match(head) is not None


# a folder's own documentation, by the names every project gives it: no news article
_DOCUMENTATION = re.compile(
    r"(?:readme|license|licence|changelog|changes|contributing|copying|notice)(?:\.[\w.-]+)?$",
    re.IGNORECASE,
)
_GOLD_START = re.compile(rb'\s*\{\s*"moves"\s*:\s*\[')


def read_articles(
    paths: Sequence[str], stdin: IO[bytes] | None = None, *, left_out: LeftOut | None = None
) -> Iterator[Article | InputFailure]:
    """Yield one Article per readable input and one InputFailure per unreadable one, in order.

    Directories are read without what left_out (by default: files summarizer wrote) leaves
    out, noted in it."""
    left_out = left_out or LeftOut()
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN_SOURCE, _read_stdin(stream))
        else:
            yield from _read_path(given, left_out)


def input_units(paths: Sequence[str], left_out: LeftOut | None = None) -> list[str]:
    """The inputs as units that can be read apart (by other processes): each file under a
    directory, and every other path, or '-', as given. Reading the units one by one gives
    what read_articles(paths) gives, in the same order. Directories are listed without what
    left_out (by default: files summarizer wrote) leaves out, noted in it."""
    units: list[str] = []
    left_out = left_out or LeftOut()
    for given in paths:
        if given != "-" and os.path.isdir(given):
            # a subdirectory that cannot be listed stays a unit: reading it reports why
            listed = _supported_files(given, left_out)
            found = [e if isinstance(e, str) else e.source for e in listed]
            units += found or [given]
        else:
            units.append(given)
    return units


def article_from_text(
    text: str,
    *,
    source_path: str | None = None,
    id: str | None = None,  # the field is called id everywhere else
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
) -> Article:
    """Build an Article, taking title/date/publisher from the text's header when it states them.

    Arguments given win over the header; the text is kept exactly as passed.
    """
    header = _read_header(text)
    return Article(
        id=id or content_id(text),
        text=text,
        title=title or header.title,
        published=published or header.published,
        publisher=publisher or header.publisher,
        source_path=source_path,
    )


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex chars of the sha256 of the UTF-8 text."""
    # surrogatepass: a lone surrogate (possible via JSON escapes) must not crash hashing.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --- paths and directories --------------------------------------------------------------------


def _read_path(given: str, left_out: LeftOut) -> Iterator[Article | InputFailure]:
    try:
        info = os.stat(given)
    except OSError as exc:
        yield InputFailure(given, _os_error_message(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(given, left_out)
    elif stat.S_ISREG(info.st_mode):
        yield from _read_file(given, info.st_size)
    else:  # FIFOs and devices could block forever or never end
        yield InputFailure(given, "not a regular file or directory")


def _read_directory(directory: str, left_out: LeftOut) -> Iterator[Article | InputFailure]:
    found = False
    already_left = len(left_out.paths)
    for entry in _supported_files(directory, left_out):
        found = True
        if isinstance(entry, InputFailure):
            yield entry
        else:
            yield from _read_path(entry, left_out)
    if not found:
        names = " ".join(SUPPORTED_SUFFIXES)
        left = len(left_out.paths) - already_left
        ours = f"; {left} left out, written by summarizer" if left else ""
        yield InputFailure(directory, f"directory contains no supported files ({names}){ours}")


def _supported_files(directory: str, left_out: LeftOut) -> Iterator[str | InputFailure]:
    """Files with a supported suffix under directory, depth first in name order, hidden skipped,
    and what left_out leaves out."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield InputFailure(directory, _os_error_message(exc))
        return
    for entry in entries:
        # Symlinked directories are not followed: a link loop would never end.
        if entry.is_dir(follow_symlinks=False):
            if not left_out.leaves_out(entry, is_dir=True):
                yield from _supported_files(entry.path, left_out)
        elif (
            entry.name.lower().endswith(SUPPORTED_SUFFIXES)
            and _may_be_file(entry)
            and not left_out.leaves_out(entry, is_dir=False)
        ):
            yield entry.path


def _may_be_file(entry: os.DirEntry[str]) -> bool:
    """Whether entry is a file, or a name whose target cannot be looked up (a symlink loop)."""
    try:
        return entry.is_file()
    except OSError:
        # Kept as an input so that reading it reports why, as for any other bad input.
        return True


def _read_file(path: str, size: int) -> Iterator[Article | InputFailure]:
    suffix = Path(path).suffix.lower()
    if suffix == ".jsonl":
        yield from _guarded(path, _read_jsonl_file(path))
    else:
        yield from _guarded(path, _read_whole_file(path, size, suffix))


def _guarded(
    source: str, items: Iterator[Article | InputFailure]
) -> Iterator[Article | InputFailure]:
    """items, with an error that ends them turned into a last InputFailure for source."""
    try:
        yield from items
    except InputError as exc:
        yield InputFailure(source, str(exc))
    except OSError as exc:
        yield InputFailure(source, _os_error_message(exc))
    except Exception as exc:  # the contract: no input may raise out of read_articles
        yield InputFailure(source, f"could not read: {type(exc).__name__}: {exc}")


def _read_whole_file(path: str, size: int, suffix: str) -> Iterator[Article | InputFailure]:
    limit = _MAX_JSON_DOCUMENT_BYTES if suffix == ".json" else MAX_ARTICLE_BYTES
    if size > limit:  # checked before reading: a huge file is never loaded
        raise InputError(_too_large_message("file", size, limit))
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew since stat
        raise InputError(_too_large_message("file", len(data), limit))
    text = _decode(data)
    if suffix in _HTML_SUFFIXES:
        yield _article_from_html(text, path)
    elif suffix == ".json":
        yield from _records_from_json_value(_parse_json_document(text), path)
    else:
        yield _plain_article(text, path)


def _read_jsonl_file(path: str) -> Iterator[Article | InputFailure]:
    with open(path, "rb") as stream:
        yield from _read_jsonl(stream, path)


def _read_jsonl(stream: IO[bytes], source: str) -> Iterator[Article | InputFailure]:
    _refuse_binary(stream.read(_SNIFF_BYTES))
    stream.seek(0)
    records = yield from _records_from_lines(_bounded_lines(stream), source)
    if not records:
        yield InputFailure(source, _empty_message(b""))


def _read_stdin(stream: IO[bytes]) -> Iterator[Article | InputFailure]:
    """stdin read whole: JSON records, else JSONL records, else one plain-text article."""
    data = stream.read(_MAX_JSON_DOCUMENT_BYTES + 1)
    if len(data) > _MAX_JSON_DOCUMENT_BYTES:
        raise InputError(_too_large_message("input", len(data), _MAX_JSON_DOCUMENT_BYTES))
    text = _decode(data)
    document = _json_or_none(text)
    if isinstance(document, dict | list):
        yield from _records_from_json_value(document, STDIN_SOURCE)
    elif _first_line_is_json_object(text):
        yield from _read_jsonl(io.BytesIO(data), STDIN_SOURCE)
    elif len(data) > MAX_ARTICLE_BYTES:
        raise InputError(_too_large_message("input", len(data), MAX_ARTICLE_BYTES))
    else:
        yield _plain_article(text, STDIN_SOURCE)


def _first_line_is_json_object(text: str) -> bool:
    match = _FIRST_LINE.match(text)
    return match is not None and isinstance(_json_or_none(match.group("line")), dict)


def _json_or_none(text: str) -> Any:
    """The parsed JSON when text starts like an object or list and parses, else None."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


# --- bytes to text ------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """UTF-8 bytes to text with the BOM dropped and LF line ends; InputError when not text."""
    _refuse_binary(data[:_SNIFF_BYTES])
    body = data.removeprefix(_BOM)
    return _normalise_newlines(_decode_utf8(body, offset_base=len(data) - len(body)))


def _refuse_binary(head: bytes) -> None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("UTF-16 text is not supported; save the file as UTF-8")
    if b"\x00" in head:
        raise InputError("binary file")


def _decode_utf8(data: bytes, offset_base: int = 0) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte, offset = data[exc.start], exc.start + offset_base
        message = f"not valid UTF-8 text (invalid byte 0x{byte:02x} at offset {offset})"
        raise InputError(message) from None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plain_article(text: str, source: str) -> Article:
    if not text.strip():
        raise InputError(_empty_message(text.encode()))
    return article_from_text(text, source_path=source)


def _empty_message(content: bytes) -> str:
    return "empty (only whitespace)" if content else "empty (no text)"


def _too_large_message(what: str, size: int, limit: int) -> str:
    kind = "one article" if limit == MAX_ARTICLE_BYTES else "a JSON document"
    return f"{what} is {size / _MB:.1f} MB; the limit for {kind} is {limit / _MB:.1f} MB"


def _os_error_message(exc: OSError) -> str:
    words = exc.strerror or str(exc) or type(exc).__name__
    return words[:1].lower() + words[1:]


# --- JSON and JSONL records ---------------------------------------------------------------------

_TEXT_KEYS = ("text", "content", "body")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_json_document(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise InputError(_json_error_message(exc, where)) from None
    except RecursionError:
        raise InputError("not valid JSON (nested too deeply)") from None


def _json_error_message(exc: json.JSONDecodeError, where: str) -> str:
    # Some of json's messages end in "at", ready for a position: "Invalid control character at".
    return f"not valid JSON ({exc.msg.removesuffix(' at')} at {where})"


def _records_from_json_value(value: Any, source: str) -> Iterator[Article | InputFailure]:
    if isinstance(value, dict):
        yield _record_item(value, failure_source=source, source_path=source)
    elif isinstance(value, list):
        if not value:
            raise InputError("empty (the JSON list holds no records)")
        for number, record in enumerate(value, 1):
            yield _record_item(record, f"{source}:record {number}", f"{source}#{number}")
    else:
        raise InputError(f"JSON must be an object or a list of objects, not {_json_type(value)}")


def _bounded_lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """Lines of stream, None for a line longer than one article (skipped without loading it)."""
    while line := stream.readline(MAX_ARTICLE_BYTES + 1):
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_MB)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _records_from_lines(
    lines: Iterable[bytes | None], source: str
) -> Generator[Article | InputFailure, None, int]:
    """One item per non-blank JSONL line; returns how many lines held something."""
    records = 0
    for number, line in enumerate(lines, 1):
        where = f"{source}:line {number}"
        if line is None:
            records += 1
            limit = MAX_ARTICLE_BYTES / _MB
            yield InputFailure(where, f"record is larger than the {limit:.1f} MB limit")
        elif line.strip():
            records += 1
            yield _jsonl_item(line.removeprefix(_BOM) if number == 1 else line, where, number)
    return records


def _jsonl_item(line: bytes, where: str, number: int) -> Article | InputFailure:
    source = where.rsplit(":line ", 1)[0]
    try:
        text = _decode_utf8(line)
        record = json.loads(text)
    except InputError as exc:
        return InputFailure(where, str(exc))
    except json.JSONDecodeError as exc:
        # The line keeps its newline, so json would put a record cut short on "line 2 column 1".
        cut_short = exc.pos >= len(text.rstrip())
        place = "the end of the line" if cut_short else f"column {exc.pos + 1}"
        return InputFailure(where, _json_error_message(exc, place))
    except RecursionError:
        return InputFailure(where, "not valid JSON (nested too deeply)")
    return _record_item(record, where, f"{source}#{number}")


def _record_item(record: Any, failure_source: str, source_path: str) -> Article | InputFailure:
    try:
        if not isinstance(record, dict):
            raise InputError(f"record is not a JSON object (got {_json_type(record)})")
        return article_from_record(record, source_path=source_path)
    except InputError as exc:
        return InputFailure(failure_source, str(exc))


def article_from_record(record: Mapping[str, Any], *, source_path: str | None = None) -> Article:
    """The Article of one record, as a .json or .jsonl file holds it: its text under `text`
    (or `content`, `body`), and optional `id`, `title`, `published`, `publisher`.

    Raises InputError, saying what is wrong, when the record has no usable text.
    """
    record = dict(record)
    text = _record_text(record)
    if _SURROGATE.search(text):
        raise InputError("record text holds an unpaired surrogate (a bad \\u escape)")
    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError("empty (the record's text is blank)")
    if len(text) > MAX_ARTICLE_BYTES // 4 and len(text.encode()) > MAX_ARTICLE_BYTES:
        size = len(text.encode())
        raise InputError(_too_large_message("record text", size, MAX_ARTICLE_BYTES))
    return article_from_text(
        text,
        source_path=source_path,
        id=_record_field(record, "id"),
        title=_record_field(record, "title"),
        published=_record_field(record, "published", "date", "published_at"),
        publisher=_record_field(record, "publisher", "source"),
    )


def _record_text(record: dict[str, Any]) -> str:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            return value
        if value is not None:
            raise InputError(f"record field '{key}' is {_json_type(value)}, not a string")
    raise InputError("record has no text/content/body field")


def _record_field(record: dict[str, Any], *keys: str) -> str | None:
    """The first of keys holding a non-blank string or a number, as a string; else None."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


# --- HTML ---------------------------------------------------------------------------------------

# Word lists read better than one quoted tag per line.
_HIDDEN_TAGS = frozenset(
    "script style noscript nav header footer aside form iframe svg template head".split()  # noqa: SIM905
)
_BLOCK_TAGS = frozenset(
    "address article blockquote body caption dd details dialog div dl dt fieldset figcaption "  # noqa: SIM905
    "figure h1 h2 h3 h4 h5 h6 hr html li main ol p pre section summary table tr ul".split()
)
_CELL_TAGS = frozenset(("td", "th"))


class _Paragraphs:
    """Visible text gathered into paragraphs, runs of inline whitespace collapsed."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self._lines: list[str] = []
        self._pieces: list[str] = []

    def add(self, text: str) -> None:
        self._pieces.append(text)

    def break_line(self) -> None:
        line = " ".join("".join(self._pieces).split())
        self._pieces.clear()
        if line:
            self._lines.append(line)

    def end(self) -> None:
        self.break_line()
        if self._lines:
            self.done.append("\n".join(self._lines))
            self._lines.clear()


def _article_from_html(html: str, source: str) -> Article:
    # Capped first: building a tree costs the square of its depth (see html_depth). A page with
    # few tags cannot nest deep enough to matter (all 16,000 nested: 0.3 s in lexbor), and the
    # cap, at about 2 µs a tag in Python, was ten times the parse of an ordinary page.
    few_tags = len(_START_TAG.findall(html)) <= _TAGS_NEEDING_NO_CAP
    html = _FORMATTING_TAG.sub(_without_attributes, html)
    tree = LexborHTMLParser(html if few_tags else cap_depth(html))
    root = _content_root(tree)
    text = "\n\n".join(_visible_paragraphs(root)) if root is not None else ""
    if root is None or not text:
        raise InputError("no visible text in the HTML")
    return article_from_text(
        text,
        source_path=source,
        title=_meta_content(tree, "og:title") or _html_title(tree, root),
        published=_meta_content(tree, "article:published_time", "datePublished")
        or _time_datetime(tree, root),
        publisher=_meta_content(tree, "og:site_name"),
    )


_START_TAG = re.compile(r"<[A-Za-z]")
_TAGS_NEEDING_NO_CAP = 16_000
# The formatting elements an HTML parser opens again after every block that closed them, up to
# three alike ("Noah's Ark": same name and attributes). Left open with distinct attributes
# (<b id="x1">, <b id="x2">...), they are all reopened at every paragraph: 4.7 s for 160 KB.
# Their attributes say nothing of the text, so they are dropped (but "hidden", which hides it).
_FORMATTING_TAG = re.compile(
    r"<(a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.IGNORECASE,
)


def _without_attributes(tag: re.Match[str]) -> str:
    hidden = " hidden" if re.search(r"\bhidden\b", tag[2], re.IGNORECASE) else ""
    return f"<{tag[1]}{hidden}>"


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The <article> with the most text, else <main>, else <body>."""
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text()))
    return tree.css_first("main") or tree.body or tree.root


def _visible_paragraphs(root: LexborNode) -> list[str]:
    paragraphs = _Paragraphs()
    # An explicit stack instead of recursion: deeply nested HTML must not hit the recursion limit.
    stack: list[LexborNode | None] = [root]  # None marks the end of a block element
    while stack:
        node = stack.pop()
        if node is None:
            paragraphs.end()
        elif node.is_text_node:
            paragraphs.add(node.text_content or "")
        elif node.is_element_node and _is_shown(node):
            tag = node.tag or ""
            if tag == "br":
                paragraphs.break_line()
            elif tag in _CELL_TAGS:
                paragraphs.add(" ")
            if tag in _BLOCK_TAGS:
                paragraphs.end()
                stack.append(None)
            stack.extend(reversed(list(node.iter(include_text=True))))
    paragraphs.end()
    return paragraphs.done


def _is_shown(node: LexborNode) -> bool:
    return node.tag not in _HIDDEN_TAGS and "hidden" not in node.attrs


def _meta_content(tree: LexborHTMLParser, *names: str) -> str | None:
    for name in names:
        query = f'meta[property="{name}"], meta[name="{name}"], meta[itemprop="{name}"]'
        for node in tree.css(query):
            value = _collapse(node.attributes.get("content") or "")
            if value:
                return value
    return None


def _html_title(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    nodes = (root.css_first("h1"), tree.css_first("title"), tree.css_first("h1"))
    return next((_collapse(n.text()) for n in nodes if n and _collapse(n.text())), None)


def _time_datetime(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    nodes = (root.css_first("time[datetime]"), tree.css_first("time[datetime]"))
    values = (_collapse(n.attributes.get("datetime") or "") for n in nodes if n)
    return next((value for value in values if value), None)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- header metadata in plain text --------------------------------------------------------------

_HEADER_LINES = 8  # the title/date/publisher block sits in the first few lines
_HEADER_CHARS = 4000
_MAX_TITLE_CHARS = 200
_MAX_HEADER_LINE_CHARS = 80
_MAX_PUBLISHER_CHARS = 40
# CJK full stop and fullwidth forms are escaped so they cannot pass for their ASCII look-alikes.
_CLAUSE_ENDS = ".;:,\u3002\uff1b\uff1a\uff0c"  # . ; : , and their CJK forms
_EXCLAMATION_ENDS = "!?\uff01\uff1f\u2026"  # ! ? their CJK forms, and the ellipsis
_CLOSERS = "\"'\u201d\u2019)]\u300d\u300f*"  # closing quotes and brackets, markdown emphasis
_COLON = "[:\uff1a]"

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TIME = (
    r"(?:,?\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:[+-]\d{2}:?\d{2}|[a-z]{1,4}))?"
)
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?|{_DAY}\s+{_MONTH},?(?:\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
    rf"|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)(?:{_TIME})?"
)
_DATE_LABEL = rf"(?:(?:published|updated|posted|date)(?:\s+on)?\s*{_COLON}?\s*)?"
_DATE_LINE = re.compile(rf"{_DATE_LABEL}(?P<date>{_DATE})", re.I)
_SOURCE_LABEL = rf"(?:(?:source|by)(?:\s*{_COLON}\s*|\s+)|(?:来源|來源)\s*{_COLON}?\s*)"
_SOURCE_LINE = re.compile(rf"{_SOURCE_LABEL}(?P<name>\S.*)", re.I)
_MD_HEADING = re.compile(r"#{1,6}\s+(?P<title>.*?)(?:\s+#+)?")
_NON_SPACE = re.compile(r"\S")
_FIRST_LINE = re.compile(r"\s*(?P<line>.*)")


@dataclass(frozen=True)
class _Header:
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


def _read_header(text: str) -> _Header:
    """Title, date and publisher as the first lines of text state them (each None if not)."""
    raw = text[:_HEADER_CHARS].split("\n")[:_HEADER_LINES]
    lines = [line.strip() for line in raw]
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return _Header()
    body_follows = _NON_SPACE.search(text, sum(len(r) + 1 for r in raw[: first + 1])) is not None
    title = _title_of(lines, first) if body_follows else None
    block = _header_block(lines, first + 1 if title else first)
    date_index, published = _find_date(lines, block)
    publisher = _labelled_publisher(lines, block) or _publisher_beside(lines, block, date_index)
    return _Header(title=title, published=published, publisher=publisher)


def _find_date(lines: list[str], block: list[int]) -> tuple[int | None, str | None]:
    """The index of the first date line in block and the date as written there."""
    for index in block:
        match = _DATE_LINE.fullmatch(lines[index])
        if match:
            return index, match.group("date")
    return None, None


def _title_of(lines: list[str], index: int) -> str | None:
    """The line at index as a title: a short heading-like line, not a sentence, date or byline."""
    line = lines[index]
    heading = _MD_HEADING.fullmatch(line)
    if heading:
        return heading.group("title") or None
    if len(line) > _MAX_TITLE_CHARS or not any(c.isalpha() for c in line):
        return None
    if _DATE_LINE.fullmatch(line) or _SOURCE_LINE.fullmatch(line):
        return None
    end = line.rstrip(_CLOSERS)[-1:]
    if end and end in _CLAUSE_ENDS:
        return None
    # "Is the rally over?" is a headline when it stands alone above the body.
    next_is_blank = index + 1 >= len(lines) or not lines[index + 1]
    if end and end in _EXCLAMATION_ENDS and not next_is_blank:
        return None
    return line


def _header_block(lines: list[str], start: int) -> list[int]:
    """Indexes of the short lines from start up to the first line that reads like body text."""
    block = []
    for index in range(start, len(lines)):
        line = lines[index]
        if len(line) > _MAX_HEADER_LINE_CHARS or _ends_sentence(line):
            break
        block.append(index)
    return block


def _labelled_publisher(lines: list[str], block: list[int]) -> str | None:
    for index in block:
        match = _SOURCE_LINE.fullmatch(lines[index])
        if match and _is_name(match.group("name")):
            return match.group("name").strip()
    return None


def _publisher_beside(lines: list[str], block: list[int], date_index: int | None) -> str | None:
    """A short name line right above, else right below, the date line."""
    if date_index is None:
        return None
    for index in (date_index - 1, date_index + 1):
        line = lines[index] if index in block else ""
        if _is_name(line) and len(line) <= _MAX_PUBLISHER_CHARS and not _DATE_LINE.fullmatch(line):
            return line
    return None


def _is_name(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 60 and any(c.isalpha() for c in text) and not _ends_sentence(text)


def _ends_sentence(line: str) -> bool:
    end = line.rstrip(_CLOSERS)[-1:]
    return bool(end) and end in _CLAUSE_ENDS + _EXCLAMATION_ENDS
