"""What a run would cost, known before it runs (`run --dry-run`): nothing is sent.

For each input: its chunks (cleaned and chunked as the run would), which of them the cache
answers already (the same keys the run computes), and for the rest, one call each (a chunk
that several articles share is asked once). Prompt tokens are counted on the request each call
would send (the prompt, the chunk and the schema in the mode's form), with the model's own
vocabulary when a tokenizer is installed (summarizer.tokens). Completion tokens cannot be
counted before the model answers: they are estimated from the answer the offline rules engine
gives to the same chunks, written as the model would write it, times the spread of the real
answer's size around it measured on the corpus (below). Re-asks are not in the estimate: each
resends the prompt with the answer and the error, and how many there are depends on the model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.cache import ChunkCache, chunk_keyer
from summarizer.chunking import chunk_article
from summarizer.clean import clean_article
from summarizer.ingest import InputFailure
from summarizer.models import Article
from summarizer.pricing import Prices, prices_for
from summarizer.prompts import chunk_messages
from summarizer.settings import Settings
from summarizer.tokens import counter_for

# The size of a model's answer against the rules engine's answer to the same chunk, in tokens:
# measured on the 274 chunks of parts A to O of fixtures/corpus (256 articles) with the
# reference answers of their hand-written gold standing for the model's
# (tests/reference_answers.py): 1.03 for them all; per chunk, 0.72 at the 10th percentile and
# 1.87 at the 90th. Part P, kept aside, gives 1.00, the seeds 0.89 (benchmarks/README.md).
_ANSWER_VS_RULES = (0.72, 1.03, 1.87)
# The rules engine reads at most this many of the chunks to be sent (spread evenly over
# them): the ratio of answer to chunk size it gives is applied to all of them.
_SAMPLED_CHUNKS = 200


@dataclass(frozen=True)
class Estimate:
    """The counts and the cost range of a run that was not made."""

    articles: int
    unreadable: int
    chunks: int
    cache_hits: int
    calls: int
    prompt_tokens: int
    completion_tokens: tuple[int, int, int]  # low, likely, high
    counting: str  # how tokens were counted, in words
    prices: Prices | None

    def cost(self, *, batched: bool = False) -> tuple[float, float, float] | None:
        """The cost's low, likely and high, in USD (at the batch price when batched); None
        without prices."""
        if self.prices is None:
            return None
        low, likely, high = (
            self.prices.cost(self.prompt_tokens, c, batched=batched) for c in self.completion_tokens
        )
        return low, likely, high

    def lines(self, *, batched: bool = False) -> list[str]:
        """The dry run's report (the cost at the batch price when batched: a --batch run)."""
        low, likely, high = self.completion_tokens
        lines = [
            f"dry run: nothing was sent; {self.articles} articles"
            + (f" ({self.unreadable} unreadable)" if self.unreadable else ""),
            f"chunks: {self.chunks} in all, {self.cache_hits} answered from the cache, "
            f"{self.calls} calls to make (one per chunk not in the cache; re-asks not included)",
            f"prompt tokens: {self.prompt_tokens:,} ({self.counting})",
            f"completion tokens: {low:,}–{high:,}, likely {likely:,} (estimated from the rules "
            "engine's answer to the same chunks, with the spread measured on the corpus)",
        ]
        cost = self.cost(batched=batched)
        if cost is None or self.prices is None:
            lines.append("cost: unknown for this model: give --price-in and --price-out "
                         "(USD per 1M tokens)")  # fmt: skip
        else:
            p = self.prices
            share = f"--batch: {p.batch_share:.0%} of that" if not batched else (
                f"through the Batch API: {p.batch_share:.0%} of that")  # fmt: skip
            lines.append(
                f"cost: ${cost[0]:.4f}–${cost[2]:.4f}, likely ${cost[1]:.4f} ({p.source}: "
                f"${p.input:g} in, ${p.output:g} out per 1M tokens; {share})"
            )
        return lines


def estimate(
    items: Iterable[Article | InputFailure],
    settings: Settings,
    engine_identity: dict[str, Any],
    cache: ChunkCache | None,
) -> Estimate:
    """The estimate of summarizing items with settings (engine_identity: the engine's, which
    is part of every chunk key)."""
    counter = counter_for(settings.model)
    key_of = chunk_keyer(engine_identity, {"chunk_tokens": settings.chunk_tokens})
    articles = unreadable = chunks = hits = 0
    to_send: dict[str, str] = {}  # key -> chunk text, one per distinct chunk
    for item in items:
        if isinstance(item, InputFailure):
            unreadable += 1
            continue
        articles += 1
        kept = clean_article(item.text).kept
        for chunk in chunk_article(item.text, kept, max_tokens=settings.chunk_tokens):
            chunks += 1
            key = key_of(chunk.text)
            if key in to_send:
                continue
            if _cached(cache, key, settings):
                hits += 1
            elif not settings.cache_only:
                to_send[key] = chunk.text
    texts = list(to_send.values())
    prompt, completion = _tokens(texts, settings)
    return Estimate(
        articles=articles,
        unreadable=unreadable,
        chunks=chunks,
        cache_hits=hits,
        calls=len(texts),
        prompt_tokens=prompt,
        completion_tokens=completion,
        counting=counter.method,
        prices=prices_for(settings),
    )


def batch_cost(texts: list[str], settings: Settings) -> tuple[float, float, float] | None:
    """The low, likely and high cost of asking about texts in a batch (at the batch price), or
    None without prices: what `run --batch --budget` checks before it submits anything."""
    prices = prices_for(settings)
    if prices is None:
        return None
    prompt, completion = _tokens(texts, settings)
    low, likely, high = (prices.cost(prompt, c, batched=True) for c in completion)
    return low, likely, high


def _tokens(texts: list[str], settings: Settings) -> tuple[int, tuple[int, int, int]]:
    """The prompt tokens of asking about each text, and the low, likely and high completion."""
    counter = counter_for(settings.model)
    chunk_tokens = [counter.count(text) for text in texts]
    overhead = counter.count(_request_without_chunk(settings))
    completion = _completion_tokens(texts, chunk_tokens, counter.count)
    return sum(chunk_tokens) + overhead * len(texts), completion


def _cached(cache: ChunkCache | None, key: str, settings: Settings) -> bool:
    if cache is None or settings.refresh:
        return False
    return cache.has_chunk(key)


def _request_without_chunk(settings: Settings) -> str:
    """What every call sends besides its chunk, as the client sends it (compact JSON): the
    messages and the schema in the mode's form (in the prompt for json and md_json, where
    instructor adds its own instructions too: not counted)."""
    from summarizer.engines.llm_schema import response_schema

    schema = response_schema()
    messages = [
        {"role": m["role"], "content": m["content"].replace("{{ chunk }}", "")}
        for m in chunk_messages(settings.prompt_dir)
    ]
    body: dict[str, Any] = {"messages": messages}
    if settings.mode == "tools":
        parameters = {k: v for k, v in schema.items() if k not in ("title", "description")}
        function = {"name": schema["title"], "description": schema["description"],
                    "parameters": parameters}  # fmt: skip
        body["tools"] = [{"type": "function", "function": function}]
        body["tool_choice"] = {"type": "function", "function": {"name": schema["title"]}}
    elif settings.mode == "json_schema":
        named = {"name": schema["title"], "schema": schema}
        body["response_format"] = {"type": "json_schema", "json_schema": named}
    else:
        messages[0]["content"] += json.dumps(schema, ensure_ascii=False)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _completion_tokens(
    texts: Sequence[str], chunk_tokens: Sequence[int], count: Any
) -> tuple[int, int, int]:
    """Low, likely and high completion tokens of answering texts."""
    if not texts:
        return 0, 0, 0
    from summarizer.engines.rules import summarize_text

    step = max(1, len(texts) // _SAMPLED_CHUNKS)
    sampled = range(0, len(texts), step)
    answered = sum(count(_as_the_model_writes(summarize_text(texts[i], 0, len(texts[i]))))
                   for i in sampled)  # fmt: skip
    per_chunk_token = answered / max(1, sum(chunk_tokens[i] for i in sampled))
    rules_total = per_chunk_token * sum(chunk_tokens)
    low, likely, high = (round(rules_total * factor) for factor in _ANSWER_VS_RULES)
    return low, likely, high


def _as_the_model_writes(summary: Any) -> str:
    """A chunk summary as the model answers: JSON (spaced as the corpus's measure was), without
    the fields it is not shown, defaults left out."""
    from summarizer.engines.llm_schema import HIDDEN_FROM_MODEL

    data = summary.model_dump(mode="json", exclude_defaults=True)
    for items in data.values():
        for item in items:
            for field in HIDDEN_FROM_MODEL:
                item.pop(field, None)
    return json.dumps(data, ensure_ascii=False)
