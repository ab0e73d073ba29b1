"""`run --batch`: the chunks a run would ask the model about, sent as one Batch API job at the
provider's batch price, and their answers put where the run finds them.

Only chunks the cache does not hold, and that no batch still waiting already carries, are
sent: one JSONL line each, whose body is the request the live path makes (the engine builds it
with the same code and keeps it instead of sending it) and whose custom_id is the chunk's
cache key. The batch is stored (batch_store) before the run waits, so a run killed while
waiting loses nothing: run again, it waits for the same batch. Each answer is validated and
grounded exactly as a live one (engines.llm.validated_answer) and written to the cache; an
answer that fails validation is left to the live path, which asks again with re-asks as usual
(counted apart); a request the batch did not answer (expired, failed, cancelled) is reported
with its reason and not sent again.

A stop between the upload and the batch's record reaching the disk leaves a `submitting`
record naming the uploaded file: the next run asks the provider for a batch made from that
file and waits for it, or creates it then, so no stop makes the requests be sent twice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from pydantic import ValidationError

from summarizer.batch_api import ENDPOINT, BatchAPI, Progress
from summarizer.batch_store import BatchStore, StoredBatch
from summarizer.cache import CachedChunk, ChunkCache, chunk_keyer
from summarizer.chunking import chunk_article
from summarizer.clean import clean_article
from summarizer.engines.base import ChunkResult
from summarizer.errors import SummarizerError
from summarizer.ingest import InputFailure
from summarizer.models import Article, Chunk
from summarizer.pipeline import run_sync
from summarizer.pricing import Prices
from summarizer.settings import Settings

Say = Callable[[str], None]


@dataclass
class Collected:
    """What the batches of a run brought back, by chunk key."""

    answered: dict[str, ChunkResult] = field(default_factory=dict)
    not_answered: dict[str, str] = field(default_factory=dict)  # key -> why
    invalid: list[str] = field(default_factory=list)  # answers that failed validation
    batches: list[str] = field(default_factory=list)

    def absorb(self, other: Collected) -> None:
        self.answered |= other.answered
        self.not_answered |= other.not_answered
        self.invalid += other.invalid
        self.batches += other.batches

    def lines(self, prices: Prices | None) -> list[str]:
        """The batch's closing lines: what it answered, and what that cost (batch price)."""
        if not self.batches:
            return ["batch: nothing to send (every chunk is in the cache)"]
        prompt = sum(r.prompt_tokens for r in self.answered.values())
        completion = sum(r.completion_tokens for r in self.answered.values())
        cost = (f" · ${prices.cost(prompt, completion, batched=True):.4f} at the batch price"
                if prices is not None else "")  # fmt: skip
        lines = [f"batch {', '.join(self.batches)}: {len(self.answered)} answered and "
                 f"validated, {len(self.not_answered)} not answered, {len(self.invalid)} "
                 f"failed validation (asked again live); {prompt + completion} tokens"
                 f"{cost}"]  # fmt: skip
        reasons: dict[str, int] = {}
        for why in self.not_answered.values():
            reasons[why] = reasons.get(why, 0) + 1
        lines += [f"  {count} requests: {why}" for why, count in reasons.items()]
        return lines


def chunks_to_send(
    items: Iterable[Article | InputFailure], settings: Settings, identity: dict[str, object],
    cache: ChunkCache,
) -> dict[str, str]:  # fmt: skip
    """The distinct chunks of items the cache does not hold, by key, as the run lays them out."""
    key_of = chunk_keyer(identity, {"chunk_tokens": settings.chunk_tokens})
    wanted: dict[str, str] = {}
    for item in items:
        if isinstance(item, InputFailure):
            continue
        kept = clean_article(item.text).kept
        for chunk in chunk_article(item.text, kept, max_tokens=settings.chunk_tokens):
            key = key_of(chunk.text)
            if key not in wanted and (settings.refresh or not cache.has_chunk(key)):
                wanted[key] = chunk.text
    return wanted


def run_batches(
    items: Iterable[Article | InputFailure], settings: Settings, cache: ChunkCache, say: Say,
    poll_s: float,
) -> Collected:  # fmt: skip
    """Send the run's uncached chunks as a batch (resuming any stored batch that carries some
    of them instead), wait for every batch involved, and collect their answers."""
    from summarizer.engines.llm import LLMEngine

    engine = LLMEngine(settings)
    wanted = chunks_to_send(items, settings, engine.identity(), cache)
    store = BatchStore(cache.directory)
    endpoint = settings.endpoint_name
    stored = store.waiting(endpoint, states=("submitting", "waiting"))
    involved = [b for b in stored if wanted.keys() & b.requests.keys()]
    carried = {key for batch in involved for key in batch.requests}
    new = {key: text for key, text in wanted.items() if key not in carried}
    api = BatchAPI(settings)
    try:
        involved = [created(batch, api, store) for batch in involved]
        for batch in involved:
            ours = len(wanted.keys() & batch.requests.keys())
            say(f"batch {batch.id}: resuming (submitted earlier with {len(batch.requests)} "
                f"requests, {ours} of this run's)")  # fmt: skip
        _within_the_budget(new, settings)
        for part in _within_the_limits(_request_lines(new, engine)):
            involved.append(_submit(part, settings, api, store))
            say(f"batch {involved[-1].id}: submitted {len(part)} requests (the chunks not in the "
                "cache); waiting. Stopped, it keeps running at the provider: `summarizer batch "
                "resume` or this command again picks it up")  # fmt: skip
        collected = Collected()
        for batch in involved:
            collected.absorb(collect(batch, api, cache, store, say, poll_s))
        return collected
    finally:
        api.close()


class OverBudget(SummarizerError):
    """A batch that could cost more than the run's budget: nothing was sent."""


def _within_the_budget(new: dict[str, str], settings: Settings) -> None:
    """A batch cannot be stopped once submitted, so with --budget it is sent only when even its
    high estimate (estimate.batch_cost) stays within the budget."""
    if settings.budget_usd is None or not new:
        return
    from summarizer.estimate import batch_cost

    cost = batch_cost(list(new.values()), settings)
    if cost is None or cost[2] <= settings.budget_usd:
        return  # no prices: --budget is refused before this (cli._check_budget)
    low, likely, high = cost
    raise OverBudget(
        f"the batch of {len(new)} requests could cost ${low:.4f}–${high:.4f} (likely "
        f"${likely:.4f}) at the batch price, more than the budget of ${settings.budget_usd:.2f}; "
        "a submitted batch cannot be stopped, so nothing was sent: raise --budget, send fewer "
        "articles, or run without --batch (which stops at the budget)"
    )


# What one batch may hold at OpenAI (https://platform.openai.com/docs/guides/batch): 50,000
# requests and an input file of 200 MB; a run with more is sent as several batches.
MAX_REQUESTS = 50_000
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class _Line:
    key: str
    text: str  # the chunk
    request: dict[str, object]  # the JSONL line
    size: int  # its bytes in the file


def _request_lines(new: dict[str, str], engine: object) -> list[_Line]:
    """The JSONL line of each chunk: the request the live path would send."""
    from summarizer.engines.llm import LLMEngine

    assert isinstance(engine, LLMEngine)
    chunks = [Chunk(index=0, start=0, end=len(text), text=text) for text in new.values()]
    bodies = run_sync(engine.request_bodies(chunks))
    lines = []
    for (key, text), body in zip(new.items(), bodies, strict=True):
        request: dict[str, object] = {
            "custom_id": key,
            "method": "POST",
            "url": ENDPOINT,
            "body": body,
        }
        size = len(json.dumps(request, ensure_ascii=False).encode()) + 1
        lines.append(_Line(key, text, request, size))
    return lines


def _within_the_limits(lines: list[_Line]) -> Iterable[list[_Line]]:
    """The lines in runs that each fit one batch (MAX_REQUESTS, MAX_FILE_BYTES)."""
    part: list[_Line] = []
    size = 0
    for line in lines:
        if part and (len(part) == MAX_REQUESTS or size + line.size > MAX_FILE_BYTES):
            yield part
            part, size = [], 0
        part.append(line)
        size += line.size
    if part:
        yield part


def _submit(
    lines: list[_Line], settings: Settings, api: BatchAPI, store: BatchStore
) -> StoredBatch:
    file_id = api.upload([line.request for line in lines], f"summarizer-{int(time.time())}.jsonl")
    uploaded = StoredBatch(id=f"file:{file_id}", endpoint=settings.endpoint_name,
                           model=settings.model, mode=settings.mode, input_file_id=file_id,
                           requests={line.key: line.text for line in lines},
                           state="submitting")  # fmt: skip
    store.save(uploaded)  # a stop from here on finds the file, and the batch made from it
    return created(uploaded, api, store)


def created(batch: StoredBatch, api: BatchAPI, store: BatchStore) -> StoredBatch:
    """The waiting batch of a record: itself, or for a submitting one, the batch the provider
    made from its file (created now if it made none), recorded before anyone waits for it."""
    if batch.state != "submitting":
        return batch
    batch_id = api.created_from(batch.input_file_id) or api.create(batch.input_file_id)
    waiting = replace(batch, id=batch_id, state="waiting")
    store.save(waiting)
    store.remove(batch.id)
    return waiting


def collect(batch: StoredBatch, api: BatchAPI, cache: ChunkCache, store: BatchStore, say: Say,
            poll_s: float) -> Collected:  # fmt: skip
    """Wait for batch (progress on say), then validate its answers into the cache."""
    progress = wait(batch.id, api, say, poll_s)
    outcomes = api.outcomes(progress)
    collected = Collected(batches=[batch.id])
    for key, text in batch.requests.items():
        outcome = outcomes.get(key)
        if outcome is None or outcome.body is None:
            why = outcome.error if outcome is not None else "no result for this request"
            if progress.errors and outcome is None:
                why = f"{why} ({'; '.join(progress.errors)})"
            collected.not_answered[key] = f"batch {batch.id} {progress.status}: {why}"
            continue
        result = _validated(outcome.body, text, batch.mode)
        if result is None:
            collected.invalid.append(key)
            continue
        cache.put_chunk(key, CachedChunk(result.summary, result.warnings), 0, commit_now=False)
        collected.answered[key] = result
    cache.commit()
    store.save(batch.marked("done"))  # only once its answers are in the cache
    return collected


def _validated(body: dict[str, object], text: str, mode: str) -> ChunkResult | None:
    from summarizer.engines.llm import validated_answer

    chunk = Chunk(index=0, start=0, end=len(text), text=text)
    try:
        summary = validated_answer(body, chunk, mode)
    except (ValidationError, ValueError):
        return None
    usage = body.get("usage") if isinstance(body.get("usage"), dict) else {}
    assert isinstance(usage, dict)
    return ChunkResult(summary, llm_calls=1, prompt_tokens=int(usage.get("prompt_tokens") or 0),
                       completion_tokens=int(usage.get("completion_tokens") or 0),
                       batched=True)  # fmt: skip


def wait(batch_id: str, api: BatchAPI, say: Say, poll_s: float) -> Progress:
    """Poll the batch until it is done, saying on say how it goes when that changes."""
    started = time.monotonic()
    said = None
    while True:
        progress = api.progress(batch_id)
        now = (progress.status, progress.completed, progress.failed)
        if now != said:
            say(f"batch {batch_id}: {progress.status}, {progress.completed} of "
                f"{progress.total} done, {progress.failed} failed "
                f"({time.monotonic() - started:.0f} s)")  # fmt: skip
            said = now
        if progress.final:
            return progress
        time.sleep(poll_s)
