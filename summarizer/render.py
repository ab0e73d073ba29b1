"""Writers: one JSON per article (stable bytes), JSONL, a Markdown report and a CSV of moves."""

from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from summarizer.formats import (
    CSV_NAME,
    JSONL_NAME,
    MARKET_JSON_NAME,
    MARKET_MD_NAME,
    REPORT_NAME,
    MarketFormat,
    OutputFormat,
)
from summarizer.ingest import STDIN_SOURCE
from summarizer.models import ArticleDigest, Move
from summarizer.picture import MarketPicture
from summarizer.render_market import cross_article_table, picture_json, render_market_markdown

_TEMP_NAME_ATTEMPTS = 100

MOVE_COLUMNS = (
    "article_id",
    "source_path",
    "title",
    "published",
    "instrument",
    "ticker",
    "kind",
    "market",
    "direction",
    "change_pct",
    "change_bp",
    "qualifier",
    "session",
    "timeframe",
    "evidence",
    "span_start",
    "span_end",
    "confirmed",
)


def digest_json(digest: ArticleDigest) -> bytes:
    """The canonical JSON of a digest in UTF-8: field order of the model, 2-space indent,
    newline.

    pydantic's serializer, not json.dumps: with an indent, json.dumps falls back to its
    pure-Python encoder, 5x slower and half the time of a regenerate. Its bytes, not
    model_dump_json's str: that decodes them, and writing the str encodes it back.
    """
    return digest.__pydantic_serializer__.to_json(digest, indent=2) + b"\n"


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write text (str, or UTF-8 bytes) to path so that a crash never leaves a half-written
    file. A file that holds these bytes already is left alone, modification time included."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if holds(path, data):
        return
    try:
        tmp, fd = _new_temp_file(path)
    except FileNotFoundError:  # the first file of a new directory: no mkdir call for every file
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp, fd = _new_temp_file(path)
    try:
        try:
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def holds(path: Path, data: bytes) -> bool:
    """Whether path is a file with exactly these bytes in it.

    Re-running into the same directory then frees and allocates no inode for an unchanged
    digest: on ext4 without a journal, as on this project's machines, every inode freed in the
    last minutes slows each later file creation nearby (benchmarks/disk.py).
    """
    try:
        if os.stat(path).st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:  # absent, a directory, unreadable: written (or refused) as before
        return False


def _new_temp_file(path: Path) -> tuple[str, int]:
    """A new file beside path, named after it and this process (mkstemp's random names and
    text wrapper took a third of writing a digest), made with 0o666 less the umask, as open()
    makes files (mkstemp's were readable by their owner only)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    attempt = 0
    while True:
        # a name taken by a crashed run whose process id this one reuses: the next one
        tmp = str(path.parent / f".{path.name}.{os.getpid()}{f'-{attempt}' if attempt else ''}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            if attempt >= _TEMP_NAME_ATTEMPTS:
                raise
        attempt += 1


@dataclass(frozen=True)
class DigestOutline:
    """What a batch's report needs of a digest: whose it is, its status and warnings, how many
    items it has and what it cost. Worker processes send this, not the digest, to the parent:
    unpickling whole digests was most of the parent's work in a sharded run."""

    id: str
    source_path: str | None
    status: str
    error: str | None
    warnings: tuple[str, ...]
    moves: int
    catalysts: int
    risks: int
    llm_calls: int
    cache_hits: int
    tokens: int
    cost_usd: float | None
    batched_calls: int = 0
    file: str | None = None  # the name of the file that holds the input's digest, if any
    kept: bool = False  # that file holds an earlier digest, kept instead of this failed one
    chunks: int = 0

    @classmethod
    def of(
        cls, digest: ArticleDigest, file: str | None = None, kept: bool = False
    ) -> DigestOutline:
        usage = digest.usage
        return cls(
            id=digest.id,
            source_path=digest.source_path,
            status=digest.status,
            error=digest.error,
            warnings=tuple(digest.warnings),
            moves=len(digest.moves),
            catalysts=len(digest.catalysts),
            risks=len(digest.risks),
            llm_calls=usage.llm_calls,
            cache_hits=usage.cache_hits,
            tokens=usage.prompt_tokens + usage.completion_tokens,
            cost_usd=usage.cost_usd,
            batched_calls=usage.batched_calls,
            file=file,
            kept=kept,
            chunks=digest.chunks,
        )


def file_stem(article_id: str) -> str:
    """The file name (without .json) for an article id: the id itself when it is a plain name,
    else its safe characters, cut short, and a hash of the whole id, so that no id is a path
    ('../../x', '/etc/x'), too long for the file system, or a name another id also gets."""
    stem = _UNSAFE_IN_NAMES.sub("_", article_id).lstrip(".")  # no hidden files, no ".."
    if stem and stem == article_id and len(stem.encode()) <= _MAX_STEM_BYTES:
        return stem
    tag = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    head = stem.encode()[: _MAX_STEM_BYTES - len(tag) - 1].decode("utf-8", "ignore")
    return f"{head.rstrip('._-') or 'article'}-{tag}"


_UNSAFE_IN_NAMES = re.compile(r"[^\w.-]")  # letters of any script, digits, _ . -
_MAX_STEM_BYTES = 120


ReportParts = dict[str, str]
"""One article's part of each batch-level output, by format: "jsonl", "md" and "csv" text;
"digest", the digest's compact JSON, which the market picture is built from; "html", the
article's text as a JSON string, for report.html (which the command writes: report_html)."""


def wants_picture(formats: Sequence[OutputFormat]) -> bool:
    """Whether the outputs include the market picture: market.json, the cross-article table
    in digest.md, report.html."""
    return "market" in formats or "md" in formats or "html" in formats


def report_parts(
    digest: ArticleDigest, formats: Sequence[OutputFormat], text: str | None = None
) -> ReportParts:
    """The digest's part of each batch-level output the formats ask for (worker processes make
    these next to the digest, so the parent only joins them). text: the article's, for html."""
    parts: ReportParts = {}
    if wants_picture(formats):
        parts["digest"] = digest.model_dump_json()
    if "html" in formats:
        parts["html"] = json.dumps(text, ensure_ascii=False)
    if "jsonl" in formats:
        parts["jsonl"] = _jsonl_line(digest)
    if "md" in formats:
        parts["md"] = _section_text(digest)
    if "csv" in formats:
        parts["csv"] = _move_rows_csv(digest)
    return parts


def write_outputs(
    out_dir: Path,
    digests: Sequence[ArticleDigest],
    formats: Sequence[OutputFormat],
    *,
    run_header: str = "",
    picture: MarketPicture | None = None,
) -> list[Path]:
    """Write the batch-level outputs the formats ask for (JSON per article is written earlier);
    with a picture, market.json and digest.md's cross-article table too."""
    outlines, parts = outlines_and_parts(digests, formats)
    return write_joined_outputs(
        out_dir, outlines, parts, formats, run_header=run_header, picture=picture
    )


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while batch outputs are built from many digests. The market
    picture and report.html make hundreds of thousands of small objects beside the digests,
    none in a cycle, and each collection walks all of them again: report.html for 1,000
    articles took 1.1-1.3 s with it, 0.5 s without. Reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def digests_of_parts(parts: Sequence[ReportParts]) -> list[ArticleDigest]:
    """The digests report_parts kept in their "digest" part (workers send parts, not digests)."""
    return [ArticleDigest.model_validate_json(p["digest"]) for p in parts if "digest" in p]


def outlines_and_parts(
    digests: Sequence[ArticleDigest], formats: Sequence[OutputFormat]
) -> tuple[list[DigestOutline], list[ReportParts]]:
    """Each digest's outline and report_parts, as write_joined_outputs takes them."""
    return [DigestOutline.of(d) for d in digests], [report_parts(d, formats) for d in digests]


def write_joined_outputs(
    out_dir: Path,
    outlines: Sequence[DigestOutline],
    parts: Sequence[ReportParts],
    formats: Sequence[OutputFormat],
    *,
    run_header: str = "",
    picture: MarketPicture | None = None,
) -> list[Path]:
    """write_outputs from each digest's outline and report_parts, made earlier (by workers).

    Raises OutputsNotWritten, after writing every output it could, when any failed."""
    written: list[Path] = []
    failures: list[str] = []

    def write(name: str, text: str | bytes) -> None:
        try:
            write_atomic(out_dir / name, text)
        except OSError as exc:  # a full disk, a read-only directory: the other outputs go on
            failures.append(f"could not write {out_dir / name}: {exc.strerror or exc}")
        else:
            written.append(out_dir / name)

    if "jsonl" in formats:
        write(JSONL_NAME, "".join(p["jsonl"] for p in parts))
    if "md" in formats:
        across = cross_article_table(picture) if picture is not None else []
        write(REPORT_NAME, _markdown(outlines, [p["md"] for p in parts], run_header, across))
    if "csv" in formats:
        write(CSV_NAME, _moves_csv(p["csv"] for p in parts))
    if "market" in formats and picture is not None:
        write(MARKET_JSON_NAME, picture_json(picture))
    if failures:
        raise OutputsNotWritten(written, failures)
    return written


def write_market(
    out_dir: Path, picture: MarketPicture, formats: Sequence[MarketFormat]
) -> list[Path]:
    """`summarizer market`'s outputs: market.json, market.md. OutputsNotWritten, after writing
    what it could, when one failed."""
    makers: dict[str, tuple[str, Callable[[], str | bytes]]] = {
        "json": (MARKET_JSON_NAME, lambda: picture_json(picture)),
        "md": (MARKET_MD_NAME, lambda: render_market_markdown(picture)),
    }
    written: list[Path] = []
    failures: list[str] = []
    for name, make in (makers[f] for f in formats):
        try:
            write_atomic(out_dir / name, make())
        except OSError as exc:
            failures.append(f"could not write {out_dir / name}: {exc.strerror or exc}")
        else:
            written.append(out_dir / name)
    if failures:
        raise OutputsNotWritten(written, failures)
    return written


class OutputsNotWritten(OSError):
    """Some batch outputs could not be written; `written` are those that were."""

    def __init__(self, written: list[Path], failures: list[str]) -> None:
        super().__init__("; ".join(failures))
        self.written = written
        self.failures = failures


def _jsonl_line(digest: ArticleDigest) -> str:
    return json.dumps(digest.model_dump(mode="json"), ensure_ascii=False) + "\n"


def render_moves_csv(digests: Sequence[ArticleDigest]) -> str:
    """One row per move of every digest, columns MOVE_COLUMNS (pandas.read_csv-ready)."""
    return _moves_csv(_move_rows_csv(digest) for digest in digests)


def _moves_csv(rows_of_each_digest: Iterable[str]) -> str:
    """The CSV of moves: the header, then each digest's rows (as _move_rows_csv made them)."""
    return _csv_text([MOVE_COLUMNS]) + "".join(rows_of_each_digest)


def _move_rows_csv(digest: ArticleDigest) -> str:
    return _csv_text([_move_row(digest, move) for move in digest.moves])


def _csv_text(rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _move_row(digest: ArticleDigest, move: Move) -> list[object]:
    start, end = move.span if move.span else ("", "")
    return [
        _cell(digest.id),
        _cell(digest.source_path or ""),
        _cell(digest.title or ""),
        _cell(digest.published or ""),
        _cell(move.instrument),
        _cell(move.ticker or ""),
        move.kind,
        _cell(move.market or ""),
        move.direction,
        "" if move.change_pct is None else move.change_pct,
        "" if move.change_bp is None else move.change_bp,
        move.qualifier,
        move.session,
        move.timeframe,
        _cell(move.evidence),
        start,
        end,
        "" if (confirmed := getattr(move, "confirmed", None)) is None else confirmed,
    ]


def _cell(text: str) -> str:
    """Text a spreadsheet shows as text: a cell that starts with = + - @ (or a tab or carriage
    return) is a formula to Excel and LibreOffice ('=HYPERLINK(...)' in a title), so it gets the
    quote OWASP recommends in front."""
    return "'" + text if text[:1] in _FORMULA_STARTS else text


_FORMULA_STARTS = frozenset("=+-@\t\r")


def render_markdown(
    digests: Sequence[ArticleDigest],
    *,
    run_header: str = "",
    picture: MarketPicture | None = None,
) -> str:
    """A readable report: with a picture, the cross-article table first; then one section per
    article with its moves, catalysts, risks and warnings."""
    across = cross_article_table(picture) if picture is not None else []
    return _markdown(digests, [_section_text(d) for d in digests], run_header, across)


def _markdown(
    digests: Sequence[ArticleDigest] | Sequence[DigestOutline],
    sections: Sequence[str],
    run_header: str,
    across: Sequence[str] = (),
) -> str:
    counts = {s: sum(d.status == s for d in digests) for s in ("ok", "partial", "failed")}
    lines = ["# Market news digest", ""]
    if run_header:
        lines += [run_header, ""]
    lines += [
        f"{len(digests)} articles: {counts['ok']} ok, {counts['partial']} partial, "
        f"{counts['failed']} failed.",
        "",
        *across,
        *sections,
    ]
    return "\n".join(lines).rstrip() + "\n"


def _section_text(digest: ArticleDigest) -> str:
    return "\n".join(_article_section(digest))


def _article_section(digest: ArticleDigest) -> list[str]:
    source = _shown_source(digest.source_path) if digest.source_path else None
    # untitled: the file's name, since the full path follows in the line below
    title = digest.title or (PurePath(source).name if source else digest.id)
    meta = " · ".join(_md(p) for p in (digest.publisher, digest.published, source) if p)
    lines = [f"## {_md(title)}", ""]
    lines += [f"*{meta}* · status **{digest.status}**" if meta else f"status **{digest.status}**"]
    lines.append("")
    if digest.error:
        lines += [f"**Error:** {_md(digest.error)}", ""]
    # a failed article says why above, and its warnings below; "no moves" would mislead
    if digest.moves or digest.status != "failed":
        lines += _moves_table(digest.moves)
    lines += _bullets(
        "Catalysts", [f"**{c.type}** ({c.impact}): {_quote(c.evidence)}" for c in digest.catalysts]
    )
    lines += _bullets("Risks", [f"**{r.type}**: {_quote(r.evidence)}" for r in digest.risks])
    lines += _bullets("Warnings", [_md(w) for w in digest.warnings])
    return lines


def _shown_source(source_path: str) -> str:
    """Where an article came from, in words a reader knows: '<stdin>' reads as an HTML tag
    in a Markdown viewer, which shows nothing of it."""
    if source_path.startswith(STDIN_SOURCE):
        return "standard input" + source_path.removeprefix(STDIN_SOURCE)
    return source_path


def _moves_table(moves: Sequence[Move]) -> list[str]:
    if not moves:
        return ["No price moves stated.", ""]
    lines = ["| Instrument | Move | Basis | Evidence |", "| --- | --- | --- | --- |"]
    for move in moves:
        name = move.instrument + (f" ({move.ticker})" if move.ticker else "")
        labels: list[str] = [b for b in (move.session, move.timeframe) if b != "unspecified"]
        if getattr(move, "confirmed", None) is False:
            labels.append("unconfirmed")  # the quote states it; the tie to the name is inferred
        basis = ", ".join(labels) or "—"
        lines.append(f"| {_md(name)} | {_format_change(move)} | {basis} | {_md(move.evidence)} |")
    return [*lines, ""]


def _format_change(move: Move) -> str:
    return format_change(move.direction, move.change_pct, move.change_bp, move.qualifier)


def format_change(
    direction: str, change_pct: float | None, change_bp: float | None, qualifier: str = "exact"
) -> str:
    """A move as the reports write it: '▲ >2%', '▼ 6 bp', '▲ up' (no number stated)."""
    arrow = {"up": "▲", "down": "▼", "flat": "■"}[direction]
    hedge = {"over": ">", "nearly": "≈", "about": "~", "up_to": "≤", "limit": "limit "}
    if change_pct is not None:
        return f"{arrow} {hedge.get(qualifier, '')}{abs(change_pct):g}%"
    if change_bp is not None:  # a yield's or a rate's move
        return f"{arrow} {hedge.get(qualifier, '')}{abs(change_bp):g} bp"
    return f"{arrow} {direction}"


def _bullets(heading: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"**{heading}**", "", *(f"- {item}" for item in items), ""]


def _quote(text: str) -> str:
    return f"“{_md(text)}”"


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or emphasis, and shown as written: a '<' would
    open an HTML tag, which a viewer hides ('<b>' in a title)."""
    return " ".join(text.split()).replace("|", "\\|").replace("*", "\\*").replace("<", "\\<")
