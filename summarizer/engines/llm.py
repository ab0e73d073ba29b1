"""The LLM engine: openai + instructor, schema-constrained and grounded in the chunk.

Two retry layers, kept apart on purpose:
- validation failures (an ungrounded quote, a number the evidence does not state, bad JSON) are
  re-asked by instructor with the error (`max_retries`); items that still fail are dropped and
  reported, the rest of the answer is kept;
- transport faults (429, 5xx, timeouts, connection resets) are retried here with tenacity,
  honouring Retry-After, with exponential backoff and jitter. instructor 1.17 wraps every API
  error in InstructorRetryException at once, so the cause is what we match on.
`openai` and `instructor` are imported inside functions: importing them costs about a second,
which the CLI's --help and the rules engine must not pay.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarizer.engines import instructor_once
from summarizer.engines.base import ChunkResult
from summarizer.engines.llm_schema import (
    ITEM_MODELS,
    VALIDATORS_VERSION,
    MarketSummary,
    schema_hash,
)
from summarizer.errors import EngineError
from summarizer.grounding import locate_evidence
from summarizer.models import Article, Chunk, ChunkSummary, EngineName
from summarizer.prompts import chunk_messages, prompt_version
from summarizer.settings import Settings

if TYPE_CHECKING:
    from instructor import AsyncInstructor
    from tenacity import RetryCallState

_RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504}
_MAX_RETRY_AFTER_S = 60.0
_MAX_TOKENS_CEILING = 16384
# Chunks in a row that never reached the server before the rest of the batch is not sent.
_UNREACHABLE_AFTER_CHUNKS = 3
_NO_KEY = "not-needed"  # local servers ignore the key, but the openai client requires one

OnExchange = Callable[[dict[str, Any], dict[str, Any]], None]
"""Called with (request body, response body) of every successful HTTP exchange (recording)."""


@dataclass
class _CallLog:
    """What the model calls of one chunk cost, read as each response arrives."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    warnings: list[str] = field(default_factory=list)

    def on_request(self, *_args: Any, **_kwargs: Any) -> None:
        self.requests += 1

    def on_response(self, response: Any) -> None:
        # read at once: instructor later overwrites this object's usage with running totals
        usage = getattr(response, "usage", None)
        self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)


class LLMEngine:
    """Summarizes chunks with an OpenAI-compatible model through instructor."""

    name: EngineName = "llm"

    def __init__(self, settings: Settings, *, on_exchange: OnExchange | None = None) -> None:
        self.settings = settings
        self._on_exchange = on_exchange
        self.model: str | None = settings.model
        self.prompt_version: str | None = prompt_version(settings.prompt_dir)
        self._client: AsyncInstructor | None = None
        self._sdk: Any = None
        self._unconnected_in_a_row = 0
        self._unreachable: str | None = None

    def identity(self) -> dict[str, Any]:
        """Everything that changes the model's answer; never the API key."""
        s = self.settings
        return {
            "engine": "llm",
            "endpoint": s.endpoint_name,
            "model": s.model,
            "mode": s.mode,
            "temperature": s.temperature,
            "max_tokens": s.max_tokens,
            "prompt_version": self.prompt_version,
            "schema": schema_hash(),
            "validators": VALIDATORS_VERSION,
        }

    async def summarize_chunk(self, chunk: Chunk, article: Article) -> ChunkResult:
        """The grounded summary of one chunk; raises EngineError when no answer can be had."""
        if self._unreachable is not None:
            raise EngineError(f"not sent: {self._unreachable}")
        log = _CallLog()
        summary = await self._ask_with_transport_retries(chunk, log)
        return ChunkResult(
            summary=_in_article_coordinates(summary, chunk, article),
            llm_calls=log.requests,
            prompt_tokens=log.prompt_tokens,
            completion_tokens=log.completion_tokens,
            reasks=log.reasks,
            warnings=tuple(log.warnings),
        )

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        if self._sdk is not None:
            await self._sdk.close()
            self._sdk = self._client = None

    async def _ask_with_transport_retries(self, chunk: Chunk, log: _CallLog) -> ChunkSummary:
        # here, not at the top: a run answered from the cache never retries (17 ms of import)
        from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.transport_retries + 1),
            wait=_wait_for_retry,
            retry=retry_if_exception(_is_transient),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    summary = await self._ask_growing_room(chunk, log)
                    self._unconnected_in_a_row = 0
                    return summary
        except _expected_failures() as exc:
            self._note_failure(exc)
            raise _engine_error(exc, log) from exc
        raise EngineError("no attempt was made")  # unreachable: AsyncRetrying runs at least once

    def _note_failure(self, exc: BaseException) -> None:
        """After chunks in a row that never reached the server (each after its retries), the
        rest of the batch fails at once: a wrong --base-url or a stopped server would otherwise
        cost every chunk its retries (1,000 articles took 7 minutes against a closed port)."""
        cause = _never_connected(exc)
        if cause is None:
            self._unconnected_in_a_row = 0
            return
        self._unconnected_in_a_row += 1
        if self._unconnected_in_a_row >= _UNREACHABLE_AFTER_CHUNKS:
            self._unreachable = (
                f"{self.settings.endpoint_name} could not be reached for "
                f"{self._unconnected_in_a_row} chunks in a row ({_short(cause)}); check "
                "--base-url and that the server is running"
            )

    async def _ask_growing_room(self, chunk: Chunk, log: _CallLog) -> ChunkSummary:
        """Ask; when the answer is cut off at max_tokens, ask once more with twice the room."""
        from instructor.core import IncompleteOutputException

        max_tokens = self.settings.max_tokens
        try:
            return await self._ask(chunk, log, max_tokens)
        except IncompleteOutputException:
            if max_tokens * 2 > _MAX_TOKENS_CEILING:
                raise
            log.warnings.append(f"answer cut off at {max_tokens} tokens; asked again with more")
            return await self._ask(chunk, log, max_tokens * 2)

    async def _ask(self, chunk: Chunk, log: _CallLog, max_tokens: int) -> ChunkSummary:
        from instructor.core import InstructorRetryException
        from instructor.core.hooks import Hooks

        hooks = Hooks()
        hooks.on("completion:kwargs", log.on_request)
        hooks.on("completion:response", log.on_response)
        requests_before = log.requests
        try:
            summary: MarketSummary = await self._instructor().create(
                response_model=_response_model(),
                messages=chunk_messages(self.settings.prompt_dir),  # type: ignore[arg-type]
                context={"chunk": chunk.text},
                max_retries=self.settings.max_retries,
                strict=False,  # accept "5.2" for a number: local models send strings
                hooks=hooks,
                model=self.settings.model,
                temperature=self.settings.temperature,
                max_tokens=max_tokens,
            )
        except InstructorRetryException as exc:
            if exc.__cause__ is not None and _is_api_error(exc.__cause__):
                raise
            return _salvage(exc, chunk, log)
        finally:
            # every request of one create() after its first re-asks with a validation error
            log.reasks += max(0, log.requests - requests_before - 1)
        return summary

    def _instructor(self) -> AsyncInstructor:
        if self._client is None:
            import instructor
            import openai

            s = self.settings
            self._sdk = openai.AsyncOpenAI(
                base_url=s.base_url,
                api_key=s.api_key.get_secret_value() if s.api_key else _NO_KEY,
                max_retries=0,  # transport retries are ours: counted, and Retry-After aware
                timeout=s.timeout_s,
                http_client=self._recording_http_client(),
            )
            self._client = instructor.from_openai(self._sdk, mode=_MODES[s.mode]())
            messages = chunk_messages(s.prompt_dir)
            instructor_once.compile_templates_once(*(m["content"] for m in messages))
        return self._client

    def _recording_http_client(self) -> Any:
        """An HTTP client that hands each exchange's bodies (never headers) to on_exchange."""
        if self._on_exchange is None:
            return None
        import openai

        on_exchange = self._on_exchange

        async def keep(response: Any) -> None:
            await response.aread()
            if response.status_code == 200:
                on_exchange(json.loads(response.request.content), response.json())

        return openai.DefaultAsyncHttpx2Client(event_hooks={"response": [keep]})


@functools.cache
def _response_model() -> type[MarketSummary]:
    """MarketSummary as instructor's ResponseSchema, made once.

    Given a plain model, instructor 1.17 wraps it in a new class on every call, which defeats its
    schema cache: the JSON Schema was rebuilt per request, about 10 ms of CPU each. Its check for
    async validators is made once for this class, not seven times a call (instructor_once).
    """
    import instructor

    model = instructor.response_schema(MarketSummary)
    instructor_once.check_model_once(model)
    return model


def _mode(name: str) -> Any:
    from instructor import Mode

    return Mode[name]


_MODES = {
    "tools": lambda: _mode("TOOLS"),
    "json_schema": lambda: _mode("JSON_SCHEMA"),
    "json": lambda: _mode("JSON"),
    "md_json": lambda: _mode("MD_JSON"),
}


def _expected_failures() -> tuple[type[Exception], ...]:
    """What a model call can fail with, short of a bug: these become an EngineError."""
    import openai
    from instructor.core import IncompleteOutputException, InstructorRetryException

    return (EngineError, openai.APIError, InstructorRetryException, IncompleteOutputException)


def _is_api_error(exc: BaseException) -> bool:
    import openai

    return isinstance(exc, openai.APIError)


def _never_connected(exc: BaseException) -> BaseException | None:
    """The connection error behind exc when no connection was made (not a timeout: a slow
    model is not a missing server)."""
    import openai

    cause = exc.__cause__ if exc.__cause__ is not None else exc
    if isinstance(cause, openai.APIConnectionError) and not isinstance(
        cause, openai.APITimeoutError
    ):
        return cause
    return None


def _transport_cause(exc: BaseException) -> BaseException | None:
    """The openai error behind an exception, when it is one worth retrying."""
    import openai

    cause = exc.__cause__ if exc.__cause__ is not None else exc
    if isinstance(cause, (openai.APIConnectionError, openai.APITimeoutError)):
        return cause
    if isinstance(cause, openai.APIStatusError) and cause.status_code in _RETRYABLE_STATUS:
        return cause
    return None


def _is_transient(exc: BaseException) -> bool:
    return _transport_cause(exc) is not None


def _wait_for_retry(state: RetryCallState) -> float:
    """Retry-After when the server gives one (bounded), else exponential backoff with jitter."""
    exc = state.outcome.exception() if state.outcome else None
    cause = _transport_cause(exc) if exc else None
    response = getattr(cause, "response", None)
    header = response.headers.get("retry-after") if response is not None else None
    if header:
        try:
            return min(max(float(header), 0.0), _MAX_RETRY_AFTER_S)
        except ValueError:
            pass  # an HTTP-date: fall back to our own backoff
    return float(_backoff()(state))


@functools.cache
def _backoff() -> Callable[[RetryCallState], float]:
    from tenacity.wait import wait_random_exponential

    return wait_random_exponential(multiplier=0.5, max=8)


def _engine_error(exc: Exception, log: _CallLog) -> EngineError:
    """One line for the person running the batch (never the article text or the key), carrying
    what the chunk's requests cost."""
    from instructor.core import IncompleteOutputException

    if isinstance(exc, EngineError):
        error = exc
    elif isinstance(exc, IncompleteOutputException):
        error = EngineError(
            "the answer was cut off at the token limit twice; raise max_tokens or lower "
            "--chunk-tokens"
        )
    else:
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        error = EngineError(
            f"{type(cause).__name__} after {log.requests} request(s): {_short(cause)}"
        )
    error.llm_calls, error.reasks = log.requests, log.reasks
    error.prompt_tokens, error.completion_tokens = log.prompt_tokens, log.completion_tokens
    return error


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _salvage(exc: Any, chunk: Chunk, log: _CallLog) -> ChunkSummary:
    """Keep the valid items of the last answer once re-asks are exhausted; report the rest."""
    raw = _answer_json(getattr(exc, "last_completion", None))
    if not isinstance(raw, dict):
        raise EngineError(
            f"no valid answer after {log.requests} request(s): the model's output is not the "
            "requested JSON"
        )
    kept: dict[str, list[Any]] = {key: [] for key in ITEM_MODELS}
    for key, model in ITEM_MODELS.items():
        for index, item in enumerate(raw.get(key) or []):
            try:
                kept[key].append(model.model_validate(item, context={"chunk": chunk.text}))
            except ValidationError as error:
                reason = error.errors()[0]["msg"] if error.errors() else str(error)
                log.warnings.append(f"dropped {key}[{index}] after re-asks: {_short_text(reason)}")
    return ChunkSummary.model_validate({k: [i.model_dump() for i in v] for k, v in kept.items()})


def _short_text(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _answer_json(completion: Any) -> Any:
    """The JSON object in a chat completion: tool-call arguments, or the message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    text = calls[0].function.arguments if calls else (message.content or "")
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    try:
        return json.loads(fenced.group(1) if fenced else text)
    except (ValueError, TypeError):
        return None


def _in_article_coordinates(summary: ChunkSummary, chunk: Chunk, article: Article) -> ChunkSummary:
    """Plain items (not the LLM's validating subclasses), spans located in the article."""

    def placed(item: Any) -> dict[str, Any]:
        span = locate_evidence(item.evidence, article.text, start=chunk.start, end=chunk.end)
        return {**item.model_dump(), "span": span}

    return ChunkSummary.model_validate(
        {
            "moves": [placed(m) for m in summary.moves],
            "catalysts": [placed(c) for c in summary.catalysts],
            "risks": [placed(r) for r in summary.risks],
        }
    )
