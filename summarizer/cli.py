"""The `summarizer` command: the only module that prints, draws progress or exits."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import importlib.util
import json
import logging
import math
import os
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn, TypeVar, cast

import click

from summarizer.errors import ConfigError, SummarizerError
from summarizer.formats import (
    DEFAULT_FORMATS,
    DEFAULT_MARKET_FORMATS,
    MARKET_FORMATS,
    OUTPUT_FORMATS,
)

# The models, the pipeline and pydantic are imported where a command needs them, so that
# `summarizer --help` starts in a fraction of the time (benchmarks/bench_help.sh).
if TYPE_CHECKING:
    from summarizer.cache import ChunkCache
    from summarizer.ingest import LeftOut
    from summarizer.models import ArticleDigest, EngineName
    from summarizer.naming import Names
    from summarizer.oracle import OracleMode
    from summarizer.output_folder import FolderEntry, Slot
    from summarizer.picture import MarketPicture
    from summarizer.regenerating import RebuildPlan
    from summarizer.render import DigestOutline, ReportParts
    from summarizer.run_summary import RunSummary
    from summarizer.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])
OnDigest = Callable[[int, "ArticleDigest"], None]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_OUT = Path("digests")
DEFAULT_WORKERS = min(4, os.cpu_count() or 1)
# summarizer.oracle.ORACLE_MODES, spelled out: importing that module here would slow --help
_ORACLE_MODES = "perfect,flip,num,swap,fab"


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="summarizer")
def cli() -> None:
    """Turn financial market news into structured, verifiable digests.

    Each article becomes the price moves, catalysts and risks it states, each tied to the exact
    words of the source. Without an LLM endpoint the offline `rules` engine is used.
    """
    _print_library_warnings()


class _WarningLines(logging.Handler):
    """The library's warnings (e.g. a cache it goes on without) as `warning: ...` on stderr."""

    said: ClassVar[list[str]] = []  # every warning printed by this process, in order

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.said.append(message)
        _say(f"warning: {message}")


def _print_library_warnings() -> None:
    library = logging.getLogger("summarizer")
    # once per process: tests invoke the command many times in one
    if not any(isinstance(h, _WarningLines) for h in library.handlers):
        library.addHandler(_WarningLines(logging.WARNING))


# Each option of the engine and its endpoint, by its flag: `run` and `eval` take all of them that
# apply, `record` those of an endpoint (it always uses llm and bypasses the cache).
_ENGINE_OPTIONS: dict[str, Callable[[Any], Any]] = {
    "--engine": click.option("--engine", type=click.Choice(["rules", "llm"]),
                             help="Default: llm when OPENAI_API_KEY or a base URL is set, else "
                                  "rules."),
    "--model": click.option("--model", help="LLM model name [env SUMMARIZER_MODEL]."),
    "--base-url": click.option("--base-url",
                               help="OpenAI-compatible endpoint [env OPENAI_BASE_URL]."),
    "--mode": click.option("--mode", type=click.Choice(["tools", "json_schema", "json", "md_json"]),
                           help="How the schema is sent to the LLM (see README for each server)."),
    "--concurrency": click.option("--concurrency", type=click.IntRange(1),
                                  help="Chunks in flight at once."),
    "--workers": click.option("--workers", type=click.IntRange(1),
                              help=f"Processes for a large batch (default: {DEFAULT_WORKERS}, one "
                                   "per core up to 4; 1 keeps one process)."),
    "--chunk-tokens": click.option("--chunk-tokens", type=click.IntRange(50),
                                   help="Token budget per chunk."),
    "--price-in": click.option("--price-in", type=click.FloatRange(0),
                               help="USD per 1M prompt tokens."),
    "--price-out": click.option("--price-out", type=click.FloatRange(0),
                                help="USD per 1M completion tokens."),
    "--max-tokens": click.option("--max-tokens", type=click.IntRange(1),
                                 help="Completion token limit a call."),
    "--timeout": click.option("--timeout", "timeout_s", type=click.FloatRange(0.1),
                              help="Seconds one LLM request may take in all (default 120)."),
    "--connect-timeout": click.option("--connect-timeout", "connect_timeout_s",
                                      type=click.FloatRange(0.1),
                                      help="Seconds to connect to the endpoint (default 5)."),
    "--hang-check": click.option("--hang-check", "hang_check_s", type=click.FloatRange(0.1),
                                 metavar="SECONDS",
                                 help="Seconds without an answer before the endpoint is checked "
                                      "for life with GET /models (default 10); raise it above a "
                                      "chunk's time for a server that answers nothing while it "
                                      "computes (llama-cpp-python's)."),
    "--breaker-after": click.option("--breaker-after", type=click.IntRange(1),
                                    help="Chunks failing in a row on 429, 5xx, timeouts or "
                                         "refused connections before nothing more is sent "
                                         "(default 3)."),
    "--deadline": click.option("--deadline", "deadline_s", type=click.FloatRange(0, min_open=True),
                               metavar="SECONDS",
                               help="Seconds for the whole run; then nothing new is sent and the "
                                    "rest fails with 'deadline'."),
    "--max-retries": click.option("--max-retries", type=click.IntRange(0),
                                  help="Re-asks after a validation error (default 2)."),
    "--cache-dir": click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                                help="Cache directory [env SUMMARIZER_CACHE_DIR; default: user "
                                     "cache dir]."),
    "--prompt-dir": click.option("--prompt-dir",
                                 type=click.Path(exists=True, file_okay=False, path_type=Path),
                                 help="Directory with system.md and user.md replacing the shipped "
                                      "prompts."),
}  # fmt: skip


def _engine_options(*, leave_out: tuple[str, ...] = ()) -> Callable[[F], F]:
    """The engine options, in the order --help lists them, but those left out."""
    unknown = set(leave_out) - set(_ENGINE_OPTIONS)
    assert not unknown, unknown  # a misspelt flag would silently leave nothing out

    def add(func: F) -> F:
        for flag, option in reversed(_ENGINE_OPTIONS.items()):
            if flag not in leave_out:
                func = option(func)
        return func

    return add


def _settings(**flags: Any) -> Settings:
    from summarizer.settings import Settings

    if "workers" in flags:  # the library defaults to one process; the command uses the cores
        flags["workers"] = flags["workers"] or DEFAULT_WORKERS
    return Settings.from_env(os.environ).with_overrides(**flags)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Directory for the digests and reports.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(OUTPUT_FORMATS),
    help="Outputs to write (repeatable; html: OUT/report.html); given, they replace the "
    "default of json and md.",
)
@_engine_options()
@click.option("--no-cache", "no_cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--refresh", is_flag=True, default=None, help="Recompute every chunk, overwrite it.")
@click.option(
    "--cache-only",
    is_flag=True,
    default=None,
    help="Never call the model; chunks not in the cache are reported as failed.",
)
@click.option("--budget", "budget_usd", type=click.FloatRange(0, min_open=True), metavar="USD",
              help="USD the run may spend (re-asks included); then nothing new is sent, what "
                   "was done is kept and the rest fails with 'budget' (exit 1). Needs prices: "
                   "a listed model's or --price-in/--price-out. Runs in one process.")  # fmt: skip
@click.option("--batch", "batch", is_flag=True,
              help="Send the chunks not in the cache as one Batch API job (/v1/files, "
                   "/v1/batches) at the batch price, wait for it, then write the digests. "
                   "Runs in one process.")  # fmt: skip
@click.option("--poll-interval", type=click.FloatRange(0.01), default=30.0, show_default=True,
              metavar="SECONDS", help="Seconds between two looks at a batch.")  # fmt: skip
@click.option("--dry-run", is_flag=True,
              help="Send nothing: print the chunks, cache hits, calls, tokens and cost range a "
                   "run would have.")  # fmt: skip
@click.option("--ray", "ray_address", metavar="ADDRESS|auto",
              help="Summarize on the Ray cluster at ADDRESS (auto: the one this machine has "
                   "joined), one actor per CPU; needs pip install 'summarizer[ray]'.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, only errors and the summary.")
def run(paths: tuple[str, ...], out: Path, formats: tuple[str, ...], quiet: bool, no_cache: bool,
        dry_run: bool, batch: bool, poll_interval: float, ray_address: str | None,
        **flags: Any) -> None:  # fmt: skip
    """Summarize articles: files, directories, .jsonl records, or - for stdin.

    Writes OUT/<name>.json per article, named after its input, and OUT/digest.md; exits 1 if
    any article failed. A failed digest never replaces an ok or partial one.
    """
    if ray_address is not None and (flags.get("budget_usd") is not None or batch):
        raise click.UsageError("--ray runs on many machines: --budget and --batch run in one")
    if flags.get("budget_usd") is not None or batch:  # one process keeps the count
        flags["workers"] = 1
    settings = _settings(use_cache=False if no_cache else None, **flags)
    engine, why = _resolve(settings)
    _check_budget(settings, engine)
    if engine == "llm" and flags.get("engine") is None:
        why = _why_llm_by_default(flags.get("base_url"))
    first_line = f"engine: {engine} ({why})"
    _say(first_line)  # the first line: what follows depends on it
    if dry_run:
        _dry_run(paths, settings, engine, out, batched=batch)
    chosen = tuple(formats) or DEFAULT_FORMATS
    started = time.perf_counter()
    answered = _batch_answers(paths, settings, engine, out, poll_interval) if batch else None
    made = _summarize_inputs(paths, settings, engine, out, chosen, quiet, answered, ray_address)
    ran = _Ran("run", first_line, out, chosen, settings, started)
    _finish(made, ran, f"Engine: `{engine}` ({why}).")


def _batch_answers(paths: Sequence[str], settings: Settings, engine: EngineName, out: Path,
                   poll_s: float) -> dict[str, Any]:  # fmt: skip
    """Send the run's uncached chunks as a batch (or resume the stored one), wait, and give
    the run each chunk's answer, or why the batch did not answer it, by chunk key."""
    if engine != "llm":
        raise click.UsageError("--batch needs the llm engine")
    if not settings.use_cache or settings.cache_only:
        raise click.UsageError("--batch keeps its batches and answers in the cache: it cannot "
                               "run with --no-cache or --cache-only")  # fmt: skip
    from summarizer import ingest
    from summarizer.batching import OverBudget, run_batches
    from summarizer.pricing import prices_for

    with _waiting_on_batches(settings) as cache:
        items = ingest.read_articles(list(paths), left_out=ingest.LeftOut(str(out)))
        try:
            collected = run_batches(items, settings, cache, _say, poll_s)
        except OverBudget as exc:
            raise click.ClickException(str(exc)) from None
    for line in collected.lines(prices_for(settings)):
        _say(line)
    return {**collected.answered, **collected.not_answered}


@contextmanager
def _waiting_on_batches(settings: Settings) -> Iterator[ChunkCache]:
    """The cache, open while batches are sent or waited for: Ctrl-C stops the waiting (the
    batches are kept and resumable), and an API error says what to check."""
    cache = _open_cache(settings)
    try:
        yield cache
    except KeyboardInterrupt:
        _say(_STOPPED_WAITING)
        sys.exit(EXIT_FAILED)
    except Exception as exc:
        _raise_if_api_error(exc, settings)
        raise
    finally:
        cache.close()


_STOPPED_WAITING = ("stopped waiting: the batch keeps running at the provider; `summarizer batch "
                    "resume`, or the same command again, picks it up")  # fmt: skip


def _raise_if_api_error(exc: Exception, settings: Settings) -> None:
    """An error of the Batch API as a one-line ClickException (credentials masked)."""
    import openai

    if isinstance(exc, openai.APIError):
        raise click.ClickException(settings.redact(f"batch: {type(exc).__name__}: {exc}")) from exc


def _check_budget(settings: Settings, engine: EngineName) -> None:
    """A budget needs prices to be kept (said before anything is read or sent)."""
    if settings.budget_usd is None or engine != "llm":
        return
    from summarizer.pricing import prices_for

    if prices_for(settings) is None:
        raise click.UsageError(
            f"--budget needs the prices of {settings.model}, which the shipped price table does "
            "not list: give --price-in and --price-out (USD per 1M tokens)"
        )


def _dry_run(paths: Sequence[str], settings: Settings, engine: EngineName, out: Path, *,
             batched: bool) -> NoReturn:  # fmt: skip
    """Print what the run would send and cost, send nothing, and exit 0."""
    from summarizer import ingest
    from summarizer.pipeline import open_cache

    if engine != "llm":
        click.echo("dry run: the rules engine makes no model calls and costs nothing")
        sys.exit(EXIT_OK)
    from summarizer.engines.llm import LLMEngine  # openai is not imported: nothing is sent
    from summarizer.estimate import estimate

    left_out = ingest.LeftOut(str(out))
    cache = open_cache(settings)
    try:
        found = estimate(ingest.read_articles(list(paths), left_out=left_out), settings,
                         LLMEngine(settings).identity(), cache)  # fmt: skip
    finally:
        if cache is not None:
            cache.close()
    for line in found.lines(batched=batched):
        click.echo(line)
    sys.exit(EXIT_OK)


def _why_llm_by_default(base_url_flag: str | None) -> str:
    """Why the llm engine was chosen without --engine: the flag or the variables that name an
    endpoint. A key set in the shell for other tools must not switch engines unnoticed, so the
    way back to the offline engine is said too."""
    if base_url_flag:
        return "--base-url is given"
    named = [name for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY") if os.environ.get(name)]
    verb = "is" if len(named) == 1 else "are"
    return (
        f"{' and '.join(named)} {verb} set in the environment; --engine rules runs the "
        "offline engine instead"
    )


def _resolve(settings: Settings) -> tuple[EngineName, str]:
    try:
        return settings.resolve_engine()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


Work = Callable[[OnDigest], Coroutine[Any, Any, "list[ArticleDigest]"]]
SlotOf = Callable[[int], "Slot | None"]
Made = tuple["list[DigestOutline]", "list[ReportParts]", "list[FolderEntry | None]"]
"""Each digest's outline, its parts of the batch outputs and the output folder's record of it,
in input order."""
Report = Callable[[str, "str | None", "str | None"], None]


def _summarize_inputs(paths: Sequence[str], settings: Settings, engine: EngineName, out: Path,
                      formats: Sequence[str], quiet: bool, answered: dict[str, Any] | None = None,
                      ray_address: str | None = None) -> Made:  # fmt: skip
    """Every input's digest: on a Ray cluster when given its address, else in worker processes
    when the batch is large enough to gain."""
    from summarizer import ingest, sharding
    from summarizer.naming import Names
    from summarizer.pipeline import run_settings

    left_out = ingest.LeftOut(str(out))  # a second run must not read the first one's outputs
    units = ingest.input_units(paths, left_out)
    if left_out.paths or left_out.annotations or left_out.documentation:
        _say(_left_out_line(left_out))
    names = Names.for_units(units)  # the same names in one process or many
    stored = run_settings(settings, engine)
    if ray_address is not None:
        slots: dict[int, Slot] = {}
        work = _summarize_on_cluster(units, settings, left_out, names, stored, slots,
                                     keep_text="html" in formats, address=ray_address)  # fmt: skip
        return _in_this_process(work, slots.get, names, out, formats, quiet)
    if not sharding.worth_sharding(units, settings.workers):
        slots = {}
        work = _summarize_units(units, settings, left_out, names, stored, slots,
                                keep_text="html" in formats, answered=answered)  # fmt: skip
        return _in_this_process(work, slots.get, names, out, formats, quiet)
    # the engine's module imported once here, not in every worker (openai is not: llm.py)
    importlib.import_module(f"summarizer.engines.{engine}")
    return _in_workers(units, settings, engine, out, formats, quiet, work="inputs", names=names,
                       run_settings=stored)  # fmt: skip


def _left_out_line(left_out: LeftOut) -> str:
    """What directory inputs left out, in one line."""
    paths = left_out.paths
    folders = list(dict.fromkeys(p for p in paths if p.endswith(os.sep)))
    files = list(dict.fromkeys(p for p in paths if not p.endswith(os.sep)))
    said = [f"{folder} (the output folder)" for folder in folders]
    if files:
        shown = ", ".join(files[:3]) + (", ..." if len(files) > 3 else "")
        said.append(f"{len(files)} files summarizer wrote ({shown})")
    for one, many, found in (
        ("gold annotation file", "gold annotation files", left_out.annotations),
        ("documentation file", "documentation files", left_out.documentation),
    ):
        if found:
            shown = ", ".join(found[:2]) + (", ..." if len(found) > 2 else "")
            said.append(f"{len(found)} {one if len(found) == 1 else many} ({shown})")
    return f"left out of the inputs: {' and '.join(said)}"


def _in_workers(units: list[str], settings: Settings, engine: EngineName, out: Path,
                formats: Sequence[str], quiet: bool, **work: Any) -> Made:  # fmt: skip
    """Digests made by worker processes, which also write each one's JSON file and make its
    parts of the other outputs (work: what ShardedRun takes to say what they do)."""
    from summarizer.sharding import ShardedRun

    sharded = ShardedRun(units, settings, engine=engine, workers=settings.workers, out_dir=out,
                         formats=formats,  # type: ignore[arg-type]
                         outlines=True, started_ns=time.time_ns(), **work)  # fmt: skip
    # entering starts the workers: before the progress bar starts a thread, as they are forked
    with sharded, _reporter(quiet) as report:
        _import_the_picture_meanwhile(formats)
        made = sharded.wait(lambda done: report(done.status, done.source_path, done.error))
    # outlines=True: the workers' and the failed digests the parent makes itself (a dead worker)
    return cast("list[DigestOutline]", made), sharded.parts, sharded.entries


def _import_the_picture_meanwhile(formats: Sequence[str]) -> None:
    """Import the market picture's modules in a thread while the workers work (the parent only
    waits for them then): the picture is built once they are done, and its imports (rapidfuzz,
    the identity lists) would otherwise add a tenth of a second or more to every run's end."""
    from summarizer import render

    if render.wants_picture(formats):  # type: ignore[arg-type]
        threading.Thread(
            target=importlib.import_module, args=("summarizer.market_picture",), daemon=True
        ).start()


def _in_this_process(work: Work, slot_of: SlotOf, names: Names, out: Path,
                     formats: Sequence[str], quiet: bool) -> Made:  # fmt: skip
    """Run work, drawing progress, placing each digest in the output folder as it finishes
    (slot_of: where, by position), printing failures; what _in_workers gives."""
    from summarizer.output_folder import DigestFiles, Placed, outline_of, parts_of

    files = DigestFiles(out, time.time_ns(), names)
    placed: dict[int, Placed] = {}
    parts: dict[int, ReportParts] = {}
    with _reporter(quiet) as report:

        def on_digest(position: int, digest: ArticleDigest) -> None:
            slot = slot_of(position)
            # failed, when its file could not be written; kept, when it would replace a good one
            done = placed[position] = files.place(digest, slot, write="json" in formats)
            parts[position] = parts_of(done, formats, slot)  # type: ignore[arg-type]
            report(done.digest.status, done.digest.source_path, done.digest.error)

        asyncio.run(work(on_digest))
    in_order = range(len(placed))
    return ([outline_of(placed[p]) for p in in_order], [parts[p] for p in in_order],
            [placed[p].entry for p in in_order])  # fmt: skip


@contextmanager
def _reporter(quiet: bool) -> Iterator[Report]:
    """A progress bar on stderr, and a function to count a finished article (and print its
    error if it failed)."""
    if quiet:  # no bar to draw: rich (70 ms to import) is not needed to print error lines
        yield _print_failures
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    console = _stderr()
    # not into a pipe or log file: there a bar is noise, and rich leaves a blank line behind
    with Progress(*columns, transient=True, disable=not console.is_terminal,
                  console=console) as progress:  # fmt: skip
        task = progress.add_task("summarizing", total=None)

        def report(status: str, source_path: str | None, error: str | None) -> None:
            if status == "failed":
                progress.console.print(
                    _failure_line(source_path, error), markup=False, highlight=False, soft_wrap=True
                )
            progress.advance(task)

        yield report


def _print_failures(status: str, source_path: str | None, error: str | None) -> None:
    if status == "failed":
        _say(_failure_line(source_path, error))


def _failure_line(source_path: str | None, error: str | None) -> str:
    return f"error: {source_path}: {error}"


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _summarize_units(units: Sequence[str], settings: Settings, left_out: LeftOut, names: Names,
                     stored: dict[str, Any], slots: dict[int, Slot], *,
                     keep_text: bool, answered: dict[str, Any] | None = None) -> Work:  # fmt: skip
    """The work of summarizing the units, noting each article's slot as it is read (with its
    text, if keep_text)."""
    from summarizer import ingest
    from summarizer.output_folder import slotted
    from summarizer.pipeline import Summarizer

    async def work(on_digest: OnDigest) -> list[ArticleDigest]:
        # a unit is a directory when it had no file to read: reading it says why
        read = ((i, a) for i, unit in enumerate(units)
                for a in ingest.read_articles([unit], left_out=left_out))  # fmt: skip
        items = slotted(read, names, stored, slots, keep_text=keep_text)
        async with Summarizer(settings, answered=answered) as summarizer:
            return await summarizer.summarize_many(items, on_digest)

    return work


def _summarize_on_cluster(units: Sequence[str], settings: Settings, left_out: LeftOut,
                          names: Names, stored: dict[str, Any], slots: dict[int, Slot], *,
                          keep_text: bool, address: str) -> Work:  # fmt: skip
    """The work of summarizing the units on the Ray cluster at address: read here (names are
    claimed in input order), summarized there, each digest placed here as it arrives."""
    from summarizer import ingest
    from summarizer.distributed import summarize_on_cluster
    from summarizer.output_folder import slotted

    if importlib.util.find_spec("ray") is None:  # before reading any input
        raise click.UsageError("--ray needs Ray: pip install 'summarizer[ray]'")

    async def work(on_digest: OnDigest) -> list[ArticleDigest]:
        read = ((i, a) for i, unit in enumerate(units)
                for a in ingest.read_articles([unit], left_out=left_out))  # fmt: skip
        items = list(slotted(read, names, stored, slots, keep_text=keep_text))
        return summarize_on_cluster(items, settings, address, on_digest)

    return work


@dataclass(frozen=True)
class _Ran:
    """What _finish needs to know of the command that made the digests."""

    command: str
    first_line: str
    out: Path
    formats: Sequence[str]
    settings: Settings
    started: float


def _finish(made: Made, ran: _Ran, header: str) -> None:
    """Write the batch outputs and the folder's record, report the run on stderr (and keep the
    report for `cache stats`), and exit: 1 if any article failed or an output could not be
    written."""
    from summarizer import render
    from summarizer.output_folder import record_run
    from summarizer.run_summary import RunSummary

    outlines, parts, entries = made
    out, formats = ran.out, ran.formats
    with render.without_cycle_collection():  # outputs of many digests: see there
        # parsed once, for the picture and report.html alike
        digests = render.digests_of_parts(parts) if render.wants_picture(formats) else []  # type: ignore[arg-type]
        picture = _picture_of(digests, formats)
    try:
        written = render.write_joined_outputs(out, outlines, parts, formats, run_header=header,  # type: ignore[arg-type]
                                              picture=picture)  # fmt: skip
        unwritten: list[str] = []
    except render.OutputsNotWritten as exc:
        written, unwritten = exc.written, exc.failures
    if "html" in formats:
        _write_report_html(out, parts, digests, picture, header, written, unwritten)
    try:
        record_run(out, entries, formats)  # type: ignore[arg-type]
    except OSError as exc:
        unwritten.append(f"could not write the record of {out}/: {exc.strerror or exc}")
    for failure in unwritten:
        _say(f"error: {failure}")
    summary = RunSummary.of(outlines, command=ran.command, first_line=ran.first_line, out=out,
                            json_files="json" in formats, written=written,
                            seconds=time.perf_counter() - ran.started)  # fmt: skip
    for line in summary.lines():
        _say(line)
    _remember(summary, ran.settings)
    failed = unwritten or any(o.status == "failed" for o in outlines)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _picture_of(digests: Sequence[ArticleDigest], formats: Sequence[str]) -> MarketPicture | None:
    """The market picture of the run's digests, when an output shows it (market.json, the
    cross-article table of digest.md, report.html)."""
    from summarizer import render
    from summarizer.market_picture import market

    if not render.wants_picture(formats):  # type: ignore[arg-type]
        return None
    return market(digests)


def _write_report_html(out: Path, parts: Sequence[ReportParts], digests: Sequence[ArticleDigest],
                       picture: MarketPicture | None, header: str, written: list[Path],
                       unwritten: list[str]) -> None:  # fmt: skip
    """Write out/report.html from the articles' parts, their digests and their picture, noting
    it in written (or why not in unwritten)."""
    from summarizer.formats import REPORT_HTML_NAME
    from summarizer.render import write_atomic
    from summarizer.report_html import report_from_parts

    page = report_from_parts(parts, picture, header=header, digests=digests)
    path = out / REPORT_HTML_NAME
    try:
        write_atomic(path, page)
    except OSError as exc:  # a full disk, a read-only directory: said like the other outputs
        unwritten.append(f"could not write {path}: {exc.strerror or exc}")
    else:
        written.append(path)


def _remember(summary: RunSummary, settings: Settings) -> None:
    """Keep the summary in the cache the command used, for `cache stats`."""
    from summarizer.cache import ChunkCache
    from summarizer.errors import CacheError
    from summarizer.pipeline import WITHOUT_CACHE
    from summarizer.settings import default_cache_dir

    if not settings.use_cache:
        return
    try:
        store = ChunkCache(settings.cache_dir or default_cache_dir())
        try:
            store.record_run(summary.to_record())
        finally:
            store.close()
    except CacheError as exc:  # the digests are written: only the summary is not kept
        if not any(WITHOUT_CACHE in said for said in _WarningLines.said):  # said once is enough
            _say(f"warning: {exc}; this run's summary is not kept for `cache stats`")


def _say(message: str) -> None:
    click.echo(message, err=True)


@cli.command()
@click.argument("article_ids", nargs=-1)
@click.option("--all", "every_article", is_flag=True,
              help="Rebuild every article in the cache (into --out).")  # fmt: skip
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="The output folder to rebuild, or to write the rebuilt digests into.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(OUTPUT_FORMATS),
    help="Outputs to write (repeatable); given, they replace the default: those the folder "
    "holds, else json and md.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Cache directory [env SUMMARIZER_CACHE_DIR; default: user cache dir].",
)
@click.option("--fill", is_flag=True, help="Ask the model for chunks that are not in the cache.")
@click.option("--workers", type=click.IntRange(1),
              help=f"Processes rebuilding digests (default: {DEFAULT_WORKERS}, one per core up "
                   "to 4).")  # fmt: skip
@click.option("--ray", "ray_address", metavar="ADDRESS|auto",
              help="Rebuild on the Ray cluster at ADDRESS (auto: the one this machine has "
                   "joined) from this machine's cache, one actor per CPU; needs pip install "
                   "'summarizer[ray]'.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, only errors and the summary.")
def regenerate(article_ids: tuple[str, ...], every_article: bool, out: Path,
               formats: tuple[str, ...], cache_dir: Path | None, fill: bool,
               workers: int | None, ray_address: str | None, quiet: bool) -> None:  # fmt: skip
    """Rebuild digests from the cache with the current code, without calling the model.

    By default rebuilds what the output folder --out holds (its record of what it wrote), under
    the same names; ARTICLE_IDS rebuilds those cached articles into it, --all every cached
    article. A chunk whose cache key changed (prompt, schema or model changed) is reported as a
    miss; --fill asks the model for those.
    """
    from summarizer import regenerating

    if article_ids and every_article:
        raise click.UsageError("give ARTICLE_IDS or --all, not both")
    if ray_address is not None:
        _check_ray_for_regenerate(fill)
    settings = _settings(cache_dir=cache_dir, workers=workers)
    store = _open_cache(settings)
    try:
        if article_ids or every_article:
            plan = regenerating.plan_for_index(store, article_ids)
            what = "cached articles" if article_ids else "every cached article"
        else:
            plan = regenerating.plan_for_folder(out)
            what = f"what {out}/ holds"
    except regenerating.NoRecord as exc:
        store.close()
        raise click.UsageError(str(exc)) from exc
    except SummarizerError as exc:
        store.close()
        raise click.ClickException(str(exc)) from exc
    chosen = tuple(formats) or plan.formats or DEFAULT_FORMATS
    first_line = f"regenerate: {len(plan.rebuilds)} articles, {what}, from the cache"
    _say(first_line)
    started = time.perf_counter()
    made = _rebuild(plan, store, settings, out, chosen, fill, quiet, ray_address)
    for outline in made[0]:
        missed = [w for w in outline.warnings if "not in the cache" in w]
        if missed:
            _say(f"{outline.id} ({outline.source_path}): {len(missed)} chunk(s) missed the cache")
    ran = _Ran("regenerate", first_line, out, chosen, settings, started)
    _finish(made, ran, "Regenerated from the cache.")


def _check_ray_for_regenerate(fill: bool) -> None:
    if fill:  # the model's answers are kept in this machine's cache, by this process
        raise click.UsageError("--fill asks the model and keeps its answers here: not with --ray")
    if importlib.util.find_spec("ray") is None:  # before the cache is read
        raise click.UsageError("--ray needs Ray: pip install 'summarizer[ray]'")


def _rebuild(plan: RebuildPlan, store: Any, settings: Settings, out: Path,
             formats: Sequence[str], fill: bool, quiet: bool,
             ray_address: str | None = None) -> Made:  # fmt: skip
    """The plan's digests: rebuilt on a Ray cluster from this cache when given its address, else
    in worker processes when there are enough (and no model is asked: --fill stays in one
    process)."""
    from summarizer import sharding
    from summarizer.naming import Names
    from summarizer.pipeline import rebuild_digests

    ids = [r.id for r in plan.rebuilds]
    try:
        if ray_address is None and not fill and sharding.worth_sharding(ids, settings.workers):
            store.close()  # each worker opens its own
            engine, _why = settings.resolve_engine()  # names the engine in a failed digest
            return _in_workers(ids, settings, engine, out, formats, quiet, work="cached",
                               rebuilds=plan.rebuilds, slots=plan.slots)  # fmt: skip

        async def work(on_digest: OnDigest) -> list[ArticleDigest]:
            if ray_address is not None:
                from summarizer.distributed import rebuild_on_cluster

                return await rebuild_on_cluster(store, settings, plan.rebuilds, ray_address,
                                                on_digest)  # fmt: skip
            return await rebuild_digests(store, settings, plan.rebuilds, fill=fill,
                                         on_digest=on_digest)  # fmt: skip

        taken = [s.name.stem for s in plan.slots if s is not None]
        slot_of = _with_cached_text(plan, store) if "html" in formats else plan.slots.__getitem__
        return _in_this_process(work, slot_of, Names(taken=taken), out, formats, quiet)
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _with_cached_text(plan: RebuildPlan, store: Any) -> SlotOf:
    """Where each rebuilt digest goes, with the text the cache holds of its article (the text
    it is rebuilt from), for report.html."""
    from summarizer.output_folder import slot_with_cached_text

    def slot_of(position: int) -> Slot | None:
        return slot_with_cached_text(plan.slots[position], store, plan.rebuilds[position].id)

    return slot_of


def _open_cache(settings: Settings) -> Any:
    from summarizer.cache import ChunkCache
    from summarizer.settings import default_cache_dir

    try:
        return ChunkCache(settings.cache_dir or default_cache_dir())
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.group(name="batch")
def batch_group() -> None:
    """Batches that `run --batch` submitted: look at them, wait for them, or cancel them."""


_BATCH_OPTIONS = (
    click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                 help="Cache directory the batches are kept in [env SUMMARIZER_CACHE_DIR]."),
)  # fmt: skip


def _stored_batches(cache_dir: Path | None) -> tuple[Settings, Any]:
    from summarizer.batch_store import BatchStore
    from summarizer.settings import default_cache_dir

    settings = _settings(cache_dir=cache_dir)
    return settings, BatchStore(settings.cache_dir or default_cache_dir())


def _api_for(settings: Settings, endpoint: str) -> Any:
    """The Batch API of a stored batch's endpoint (with the key of the environment)."""
    from summarizer.batch_api import BatchAPI

    base_url = None if endpoint == "openai" else endpoint
    return BatchAPI(settings.with_overrides(base_url=base_url))


@batch_group.command("status")
@_BATCH_OPTIONS[0]
def batch_status(cache_dir: Path | None) -> None:
    """Every stored batch: its state here and, for those still waiting, at the provider."""
    settings, store = _stored_batches(cache_dir)
    batches = list(store.all())
    if not batches:
        click.echo(f"no batches in {store.directory}")
    for batch in batches:
        submitted = time.strftime("%Y-%m-%d %H:%M", time.localtime(batch.submitted_at))
        line = (f"{batch.id}: {batch.state}, {len(batch.requests)} requests to {batch.model} "
                f"at {batch.endpoint}, submitted {submitted}")  # fmt: skip
        if batch.state == "waiting":
            try:
                api = _api_for(settings, batch.endpoint)
                progress = api.progress(batch.id)
                api.close()
                line += (f"; provider: {progress.status}, {progress.completed} of "
                         f"{progress.total} done, {progress.failed} failed")  # fmt: skip
            except Exception as exc:
                _raise_if_api_error(exc, settings)
                raise
        click.echo(line)


@batch_group.command("resume")
@_BATCH_OPTIONS[0]
@click.option("--poll-interval", type=click.FloatRange(0.01), default=30.0, show_default=True,
              metavar="SECONDS", help="Seconds between two looks at a batch.")  # fmt: skip
def batch_resume(cache_dir: Path | None, poll_interval: float) -> None:
    """Wait for every batch still waiting and put its answers in the cache; exits 1 if a
    request was not answered. Then `run` with the same inputs writes the digests from the
    cache (an answer that failed validation is asked again there, live)."""
    from summarizer.batching import Collected, collect, created
    from summarizer.pricing import prices_for

    settings, store = _stored_batches(cache_dir)
    waiting = store.waiting(states=("submitting", "waiting"))
    if not waiting:
        click.echo("no batch is waiting")
        return
    collected = Collected()
    with _waiting_on_batches(settings) as cache:
        for batch in waiting:
            api = _api_for(settings, batch.endpoint)
            try:
                batch = created(batch, api, store)  # a stop after uploading: its batch
                collected.absorb(collect(batch, api, cache, store, _say, poll_interval))
            finally:
                api.close()
    for line in collected.lines(prices_for(settings)):
        _say(line)
    sys.exit(EXIT_FAILED if collected.not_answered else EXIT_OK)


@batch_group.command("cancel")
@_BATCH_OPTIONS[0]
def batch_cancel(cache_dir: Path | None) -> None:
    """Ask the provider to cancel every batch still waiting, and stop waiting for them here."""
    settings, store = _stored_batches(cache_dir)
    waiting = store.waiting(states=("submitting", "waiting"))
    if not waiting:
        click.echo("no batch is waiting")
    for batch in waiting:
        try:
            api = _api_for(settings, batch.endpoint)
            made = batch.id if batch.state == "waiting" else api.created_from(batch.input_file_id)
            status = api.cancel(made) if made else "never created"
            api.close()
        except Exception as exc:
            _raise_if_api_error(exc, settings)
            raise
        store.save(batch.marked("cancelled"))
        click.echo(f"{batch.id}: {status} ({len(batch.requests)} requests not waited for)")


@cli.group()
def cache() -> None:
    """Inspect or empty the cache of chunk results."""


_CACHE_DIR_OPTION = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path),
    help="Cache directory [env SUMMARIZER_CACHE_DIR; default: user cache dir].",
)  # fmt: skip


@cache.command()
@_CACHE_DIR_OPTION
def stats(cache_dir: Path | None) -> None:
    """Entries, size, and what the last run or regenerate printed; exits 1 if it is corrupt."""
    store = _open_cache(_settings(cache_dir=cache_dir))
    try:
        info = store.stats()
    except SummarizerError as exc:  # corrupt: the message says so and how to start afresh
        raise click.ClickException(str(exc)) from exc
    finally:
        with contextlib.suppress(SummarizerError):  # a failed cache was reported just above
            store.close()
    click.echo(f"directory: {info.directory}")
    click.echo(f"entries: {info.entries} ({info.chunks} chunks, {info.articles} articles)")
    click.echo(f"size: {info.size_bytes / 1024:.1f} KiB")
    if info.last_run:
        click.echo("\n".join(_last_run_lines(info.last_run)))


def _last_run_lines(record: dict[str, Any]) -> list[str]:
    """What the last run or regenerate that used the cache printed at its end, line for line."""
    from summarizer.run_summary import RunSummary

    summary = RunSummary.from_record(record)
    if summary is None:
        return ["last run: recorded by an earlier version of summarizer"]
    return [f"last run: summarizer {summary.command}, which printed:", summary.first_line,
            *summary.lines()]  # fmt: skip


@cache.command()
@_CACHE_DIR_OPTION
@click.confirmation_option(prompt="Remove every cached chunk and article?")
def clear(cache_dir: Path | None) -> None:
    """Remove every entry; a corrupt cache is deleted and created anew."""
    from summarizer.cache import clear_cache
    from summarizer.settings import default_cache_dir

    directory = _settings(cache_dir=cache_dir).cache_dir or default_cache_dir()
    try:
        cleared = clear_cache(directory)
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    if cleared.started_afresh:
        click.echo(f"the cache in {directory} failed ({cleared.started_afresh}): deleted its "
                   "files and started afresh")  # fmt: skip
    else:
        click.echo(f"removed {cleared.entries} entries from {directory}")


@cache.command()
@_CACHE_DIR_OPTION
@click.option("--older-than", required=True, help="Age such as 30d, 12h or 90m.")
def prune(cache_dir: Path | None, older_than: str) -> None:
    """Remove entries stored longer ago than --older-than."""
    seconds = _parse_age(older_than)
    store = _open_cache(_settings(cache_dir=cache_dir))
    try:
        click.echo(f"removed {store.prune(seconds)} entries older than {older_than}")
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        with contextlib.suppress(SummarizerError):  # a failed cache was reported just above
            store.close()


def _parse_age(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        seconds = float(text[:-1]) * units[text[-1]]
    except (KeyError, ValueError, IndexError):
        seconds = math.nan
    # float() also reads "-1", "nan" and "inf": a negative age or an infinite one selects every
    # entry (or none), never what was meant
    if not math.isfinite(seconds) or seconds < 0:
        raise click.BadParameter(
            f"{text!r}: use a number of 0 or more and s, m, h or d, e.g. 30d",
            param_hint="'--older-than'",
        )
    return seconds


def _refuse_rules(_ctx: click.Context, _param: click.Parameter, engine: str | None) -> str | None:
    if engine == "rules":
        raise click.BadParameter(
            "record keeps the requests and answers of an LLM endpoint, and the rules engine "
            "sends none; leave --engine out (record always uses llm)"
        )
    return engine


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory for the fixtures (fixtures/llm holds the ones the tests replay).",
)
@click.option("--engine", type=click.Choice(["rules", "llm"]), callback=_refuse_rules,
              expose_value=False, help="Only llm, the default here.")  # fmt: skip
@_engine_options(leave_out=("--engine", "--workers", "--price-in", "--price-out", "--cache-dir"))
def record(paths: tuple[str, ...], out: Path, **flags: Any) -> None:
    """Summarize PATHS with a live LLM endpoint and write its answers as replay fixtures.

    One file per article, OUT/<input file stem>.json: every request body sent and the response
    received, in the OpenAI wire format. Headers are never written, so no API key reaches a
    fixture. The cache is neither read nor written: every chunk is sent to the endpoint. The
    digests are not written; an article that failed is named on stderr and the exit is 1.
    """
    from summarizer.recording import record_fixtures

    settings = _settings(engine="llm", use_cache=False, **flags)
    _resolve(settings)
    _say(f"recording from {settings.endpoint_name} (model {settings.model}, mode {settings.mode})")
    try:
        written, digests = asyncio.run(record_fixtures(paths, settings, out))
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    for path in written:
        click.echo(str(path))
    failed = [d for d in digests if d.status == "failed"]
    for digest in failed:
        _say(f"error: {digest.source_path}: {digest.error}")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _market_formats(_ctx: click.Context, _param: click.Parameter, given: tuple[str, ...]
                    ) -> tuple[str, ...]:  # fmt: skip
    """--format md,json or --format md --format json: the formats named, in the order known."""
    named = {f.strip().lower() for value in given for f in value.split(",") if f.strip()}
    unknown = sorted(named.difference(MARKET_FORMATS))
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}: choose among {', '.join(MARKET_FORMATS)}")
    return tuple(f for f in MARKET_FORMATS if f in named) or DEFAULT_MARKET_FORMATS


@cli.command("market")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))  # fmt: skip
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for market.json, market.md and report.html (default: the first PATH if it "
    "is a folder, else the folder of that file).",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    callback=_market_formats,
    metavar="FORMAT",
    help=f"Outputs, repeatable or comma-separated ({', '.join(MARKET_FORMATS)}; default json,md): "
    "json writes market.json, md market.md, html report.html.",
)
def market_command(paths: tuple[Path, ...], out: Path | None, formats: tuple[str, ...]) -> None:
    """The cross-article market picture of digests: per instrument and day, what each source
    states, the agreed move, conflicts, and the catalysts and risks naming it.

    PATHS: folders `run` wrote, digest files, or digests.jsonl. Exits 1 if an input is no
    digest, a folder holds none, or an output could not be written.
    """
    from summarizer import digest_files, render
    from summarizer.market_picture import market

    try:
        digests = digest_files.read_digests(paths)
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    with render.without_cycle_collection():  # outputs of many digests: see there
        picture = market(digests)
    folder = out or (paths[0] if paths[0].is_dir() else paths[0].parent)
    files = [f for f in formats if f != "html"]  # report.html is not render's: Jinja2
    try:
        written = render.write_market(folder, picture, files)  # type: ignore[arg-type]
    except render.OutputsNotWritten as exc:
        raise click.ClickException("; ".join(exc.failures)) from exc
    if "html" in formats:
        written.append(_write_market_html(folder, digests, picture))
    conflicts = sum(r.conflict for i in picture.instruments for r in i.readings)
    _say(
        f"market: {len(digests)} digests, {len(picture.instruments)} instruments, {conflicts} "
        f"readings where sources conflict; wrote {', '.join(p.name for p in written)} in {folder}/"
    )
    for warning in picture.warnings:
        _say(f"warning: {warning}")


def _write_market_html(folder: Path, digests: Sequence[ArticleDigest],
                      picture: MarketPicture) -> Path:  # fmt: skip
    """Write folder/report.html of digests read from files (their texts read again from their
    sources) and their picture."""
    from summarizer.formats import REPORT_HTML_NAME
    from summarizer.render import write_atomic
    from summarizer.report_html import report_from_digests

    path = folder / REPORT_HTML_NAME
    try:
        write_atomic(path, report_from_digests(digests, picture))
    except OSError as exc:
        raise click.ClickException(f"could not write {path}: {exc.strerror or exc}") from exc
    return path


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("schemas"), show_default=True,
              help="Directory for the schema files.")  # fmt: skip
def schema(out: Path) -> None:
    """Write the JSON Schemas of the digest and chunk-summary models."""
    for path, text in schema_files(out).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(str(path))


def schema_files(out: Path) -> dict[Path, str]:
    """The schema files `summarizer schema` writes, by path."""
    from pydantic import BaseModel

    from summarizer.models import ArticleDigest, ChunkSummary
    from summarizer.picture import MarketPicture

    models: dict[str, type[BaseModel]] = {
        "article_digest": ArticleDigest,
        "chunk_summary": ChunkSummary,
        "market_picture": MarketPicture,
    }
    return {
        out / f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2) + "\n"
        for name, model in models.items()
    }


@cli.command(name="eval")
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Directory of gold annotations (<article stem>.json).",
)
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--oracle",
    is_flag=True,
    help="Measure the LLM gate instead: run the llm engine against a stand-in model on "
    "loopback that answers from the gold, correctly and wrongly on purpose (no API key).",
)
@click.option(
    "--oracle-modes",
    metavar="MODES",
    help=f"With --oracle: comma-separated modes among {_ORACLE_MODES} (default: all).",
)
@_engine_options(leave_out=("--price-in", "--price-out"))
def eval_command(gold: Path, paths: tuple[str, ...], as_json: bool, oracle: bool,
                 oracle_modes: str | None, **flags: Any) -> None:  # fmt: skip
    """Score digests against gold annotations: precision, recall and F1.

    PATHS are articles (summarized now) or digest JSON files written by `run`. With --oracle,
    PATHS are articles, and the report says, per mode, what the pipeline keeps of correct
    answers (recall, precision) and how many wrong moves it lets through.
    """
    if oracle:
        _eval_oracle(gold, paths, oracle_modes, as_json, flags)
        return
    if oracle_modes is not None:
        raise click.UsageError("--oracle-modes needs --oracle")
    import summarizer.evaluate as evaluate

    settings = _settings(**flags)
    _resolve(settings)
    try:
        pairs = _digests_with_text(paths, settings)
        scores = [
            evaluate.evaluate_digest(digest, evaluate.load_gold(gold_path), text)
            for digest, text in pairs
            if (
                gold_path := gold / f"{evaluate.gold_name_for(digest.source_path or '')}.json"
            ).exists()
        ]
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    if not scores:
        raise click.ClickException(f"no article in {', '.join(paths)} has a gold file in {gold}")
    report = evaluate.aggregate(scores)
    click.echo(json.dumps(evaluate.report_to_json(report), indent=2) if as_json
               else evaluate.render_report_text(report))  # fmt: skip


def _eval_oracle(gold: Path, paths: Sequence[str], modes_text: str | None, as_json: bool,
                 flags: dict[str, Any]) -> None:  # fmt: skip
    """Run the gate-measuring harness (summarizer.oracle) and print its report."""
    from summarizer import oracle

    for name in ("engine", "model", "base_url"):
        if flags.get(name) is not None:
            option = "--" + name.replace("_", "-")
            raise click.UsageError(f"--oracle brings its own model and endpoint: drop {option}")
    modes = _oracle_mode_list(modes_text, oracle.ORACLE_MODES)
    settings = _settings(**flags)
    try:
        pairs, left_out = oracle.articles_with_gold(paths, gold)
    except SummarizerError as exc:
        raise click.ClickException(str(exc)) from exc
    for reason in left_out:
        _say(f"skipped: {reason}")
    if not pairs:
        raise click.ClickException(f"no article in {', '.join(paths)} has a gold file in {gold}")
    _say(f"oracle: {len(pairs)} articles, modes {', '.join(modes)}")
    results = oracle.measure_gate(pairs, modes, settings)
    click.echo(json.dumps(oracle.gate_report_to_json(results), indent=2, ensure_ascii=False)
               if as_json else oracle.render_gate_text(results), nl=as_json)  # fmt: skip


def _oracle_mode_list(text: str | None, known: Sequence[OracleMode]) -> list[OracleMode]:
    """The modes --oracle-modes names, in the report's order; all of them when not given."""
    if text is None:
        return list(known)
    named = {m.strip() for m in text.split(",") if m.strip()}
    unknown = sorted(named.difference(known))
    if unknown or not named:
        raise click.BadParameter(
            f"{', '.join(unknown) or 'none given'}: choose among {', '.join(known)}",
            param_hint="--oracle-modes",
        )
    return [m for m in known if m in named]


def _digests_with_text(paths: Sequence[str], settings: Settings) -> list[tuple[ArticleDigest, str]]:
    """Digests paired with their article text: read from digest files or made now."""
    from summarizer import ingest
    from summarizer.models import Article, ArticleDigest
    from summarizer.pipeline import summarize_many

    digest_files = [p for p in paths if _is_digest_file(Path(p))]
    articles = [a for a in ingest.read_articles([p for p in paths if p not in digest_files])]
    made = summarize_many(articles, settings)
    texts = [a.text if isinstance(a, Article) else "" for a in articles]
    pairs = list(zip(made, texts, strict=True))
    for path in digest_files:
        digest = ArticleDigest.model_validate_json(Path(path).read_text(encoding="utf-8"))
        source = Path(digest.source_path or "")
        pairs.append((digest, source.read_text(encoding="utf-8") if source.is_file() else ""))
    return pairs


def _is_digest_file(path: Path) -> bool:
    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        head = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(head, dict) and "schema_version" in head and "engine" in head


def main() -> None:
    """Console-script entry point."""
    # instructor logs each failed attempt at ERROR, which Python's last-resort handler prints as
    # pages of stderr; the command reports every article's outcome itself.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    try:
        cli(prog_name="summarizer")
    except SystemExit as finished:
        _exit_now(finished.code)
    _exit_now(0)


def _exit_now(code: int | str | None) -> NoReturn:
    """Leave without tearing the interpreter down: freeing every module and object took 50 ms
    at the end of each command, and changes nothing a user sees. Every file is written and
    closed by then (worker processes too); what is left is buffered in the standard streams
    and the logging handlers, flushed here."""
    if isinstance(code, str):  # sys.exit("message") prints it, as Python would
        print(code, file=sys.stderr)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed: nothing more can reach it
            stream.flush()
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)
