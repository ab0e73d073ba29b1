"""The LLM engine: openai + instructor, schema-constrained and grounded in the chunk.

Two retry layers, kept apart on purpose:
- validation failures (an ungrounded quote, a number the evidence does not state, bad JSON) are
  re-asked by instructor with the error (`max_retries`); items that still fail are dropped and
  reported, the rest of the answer is kept;
- transport faults (429, 5xx, connection errors) are retried here with tenacity, honouring
  Retry-After up to a budget, with exponential backoff and jitter. instructor 1.17 wraps every
  API error in InstructorRetryException at once, so the cause is what we match on. A request
  that got no answer in time is not retried: the server is either gone or slow, and asking
  again repeats the work it may still be doing.
One breaker per endpoint: after `breaker_after` chunks in a row failed on the endpoint (429,
5xx, no answer, no connection), nothing more is sent and the rest of the batch fails at once.
`openai` and `instructor` are imported inside functions: importing them costs about a second,
which the CLI's --help and the rules engine must not pay.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import json
import logging
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarizer.engines import base
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
# Seconds one chunk may spend waiting between its retries, in all. A Retry-After that would take
# it past this is not waited for: the chunk fails at once, so a server asking for minutes (or
# 429 forever) trips the breaker in seconds instead of holding the batch.
_RETRY_WAIT_BUDGET_S = 20.0
# How long the check of a silent endpoint (GET /models) may take before it counts as silent too.
_CHECK_TIMEOUT_S = 5.0
_MAX_TOKENS_CEILING = 16384
_NO_KEY = "not-needed"  # local servers ignore the key, but the openai client requires one

_log = logging.getLogger(__name__)

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
    request_started: float = 0.0  # loop time the latest request was sent
    gave_up: str | None = None  # why a retry was not made, for the error

    def on_request(self, *_args: Any, **_kwargs: Any) -> None:
        self.requests += 1
        self.request_started = asyncio.get_running_loop().time()

    def on_response(self, response: Any) -> None:
        # read at once: instructor later overwrites this object's usage with running totals
        usage = getattr(response, "usage", None)
        self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)


class _NoAnswer(EngineError):
    """A request got no complete answer in time, or the endpoint stopped answering."""


class _Breaker:
    """Counts chunks in a row that failed on the endpoint; opens for good after `after`.

    One per engine, so one per endpoint and process; the run's worker processes open theirs
    together (engines.base.endpoint_down). Counting chunks, not requests, lets a chunk's own
    retries ride out a short outage; a success resets the count.
    """

    def __init__(self, endpoint: str, after: int) -> None:
        self.endpoint = endpoint
        self.after = after
        self.in_a_row = 0
        self.reason: str | None = None
        self.opened = asyncio.Event()  # wakes chunks sleeping before a retry

    def note(self, fault: str | None) -> None:
        """Count a chunk's outcome: the endpoint's fault in words, or None when it answered."""
        if fault is None:
            self.in_a_row = 0
            return
        self.in_a_row += 1
        if self.in_a_row >= self.after and self.reason is None:
            self.open(
                f"stopped sending to {self.endpoint} after {self.in_a_row} chunks in a row "
                f"failed (last: {fault})"
            )
            base.mark_endpoint_down()

    def open(self, reason: str) -> None:
        self.reason = reason
        self.opened.set()

    def check_other_processes(self) -> None:
        """Open when another worker process of the run stopped sending to the endpoint."""
        if self.reason is None and base.endpoint_down():
            self.open(
                f"stopped sending to {self.endpoint}: it failed for another worker process of "
                "this run"
            )


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
        self.breaker = _Breaker(settings.endpoint_name, settings.breaker_after)
        self._check: asyncio.Future[bool] | None = None  # the latest liveness check
        self._checked_at = 0.0
        self._announced_until = 0.0  # a Retry-After wait already told about lasts until then

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
        self.breaker.check_other_processes()
        if self.breaker.reason is not None:
            raise EngineError(f"not sent: {self.breaker.reason}")
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

        def out_of_budget(state: RetryCallState) -> bool:
            if state.idle_for + state.upcoming_sleep <= _RETRY_WAIT_BUDGET_S:
                return self.breaker.reason is not None
            log.gave_up = (
                f"a retry would wait {state.upcoming_sleep:.0f} s, beyond the "
                f"{_RETRY_WAIT_BUDGET_S:.0f} s a chunk may wait"
            )
            return True

        attempts = stop_after_attempt(self.settings.transport_retries + 1)
        retrying = AsyncRetrying(
            stop=lambda state: attempts(state) or out_of_budget(state),
            wait=_wait_for_retry,
            retry=retry_if_exception(_is_transient),
            before_sleep=lambda state: self._announce_wait(state, log),
            sleep=self._sleep_unless_stopped,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    if self.breaker.reason is not None:  # opened while this chunk waited
                        raise EngineError(f"not retried: {self.breaker.reason}")
                    summary = await self._watched(self._ask_growing_room(chunk, log), log)
                    self.breaker.note(None)
                    return summary
        except _expected_failures() as exc:
            self.breaker.note(_endpoint_fault(exc))
            raise _engine_error(exc, log) from exc
        raise EngineError("no attempt was made")  # unreachable: AsyncRetrying runs at least once

    async def _watched(
        self, asking: Coroutine[Any, Any, ChunkSummary], log: _CallLog
    ) -> ChunkSummary:
        """Await asking, giving up when its current request has taken timeout_s in all, or has
        waited hang_check_s and the endpoint does not answer a check either.

        The client's read timeout alone cannot do it: it is the wait for the next byte, so a
        server trickling bytes is never timed out. And a slow model and a hung server look the
        same from a pending request (no byte until the answer is whole), but a working server
        still answers GET /models while it computes, a hung one does not.
        """
        s = self.settings
        loop = asyncio.get_running_loop()
        task = asyncio.ensure_future(asking)
        log.request_started = loop.time()
        try:
            while True:
                waited = loop.time() - log.request_started
                if waited >= s.timeout_s:
                    raise _NoAnswer(f"no complete answer within {s.timeout_s:g} s")
                if waited < s.hang_check_s:
                    step = min(s.timeout_s, s.hang_check_s) - waited
                else:
                    check = self._endpoint_check()
                    either: set[asyncio.Future[Any]] = {task, check}
                    await asyncio.wait(
                        either, timeout=s.timeout_s - waited, return_when=asyncio.FIRST_COMPLETED
                    )
                    if task.done():
                        return task.result()
                    if not check.done():
                        continue  # timeout_s is up: said above
                    if not check.result():
                        raise _NoAnswer(
                            f"no answer after {loop.time() - log.request_started:.1f} s, and "
                            "the endpoint did not answer "
                            f"a check (GET /models) within {self._check_timeout():g} s either"
                        )
                    # it answered: the model is just slow; check again later
                    step = min(s.hang_check_s, s.timeout_s - waited)
                done, _ = await asyncio.wait({task}, timeout=step)
                if done:
                    return task.result()
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)

    def _endpoint_check(self) -> asyncio.Future[bool]:
        """Whether the endpoint answers anything: one check shared by every waiting chunk,
        made again at most every hang_check_s."""
        now = asyncio.get_running_loop().time()
        stale = now - self._checked_at >= self.settings.hang_check_s
        if self._check is None or (self._check.done() and stale):
            self._check = asyncio.ensure_future(self._check_endpoint())
            self._checked_at = now
        return self._check

    def _check_timeout(self) -> float:
        return min(_CHECK_TIMEOUT_S, self.settings.hang_check_s)

    async def _check_endpoint(self) -> bool:
        import openai

        if self._sdk is None:  # no request was made yet: nothing to doubt
            return True
        seconds = self._check_timeout()
        sdk = self._sdk.with_options(timeout=seconds, max_retries=0)
        try:
            await asyncio.wait_for(sdk.models.list(), seconds)
        except (asyncio.TimeoutError, openai.APIConnectionError):
            return False
        except (openai.APIError, ValueError):
            return True  # it answered, if only to refuse or with something odd
        return True

    def _announce_wait(self, state: RetryCallState, log: _CallLog) -> None:
        """Say when the server asked us to wait: in the chunk's warnings, and once per wait on
        the log (chunks waiting together heed the same request)."""
        if _retry_after(state) is None:
            return
        seconds = state.upcoming_sleep
        log.warnings.append(
            f"{self.breaker.endpoint} asked to wait (Retry-After): waited {seconds:.1f} s"
        )
        now = asyncio.get_running_loop().time()
        if seconds >= 1 and now >= self._announced_until:  # a pause a person would notice
            self._announced_until = now + seconds
            _log.warning("%s asked to wait %.1f s (Retry-After)", self.breaker.endpoint, seconds)

    async def _sleep_unless_stopped(self, seconds: float) -> None:
        """Sleep before a retry, waking early when the breaker opens (the retry is not made)."""
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.breaker.opened.wait(), seconds)

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
                **self._create_kwargs(chunk, max_tokens), hooks=hooks
            )
        except InstructorRetryException as exc:
            if exc.__cause__ is not None and _is_api_error(exc.__cause__):
                raise
            return _salvage(exc, chunk, log)
        finally:
            # every request of one create() after its first re-asks with a validation error
            log.reasks += max(0, log.requests - requests_before - 1)
        return summary

    def _create_kwargs(self, chunk: Chunk, max_tokens: int) -> dict[str, Any]:
        """What instructor's create() is given for chunk: the batch path sends the same."""
        return {
            "response_model": _response_model(),
            "messages": chunk_messages(self.settings.prompt_dir),
            "context": {"chunk": chunk.text},
            "max_retries": self.settings.max_retries,
            "strict": False,  # accept "5.2" for a number: local models send strings
            "model": self.settings.model,
            "temperature": self.settings.temperature,
            "max_tokens": max_tokens,
        }

    async def request_bodies(self, chunks: list[Chunk]) -> list[dict[str, Any]]:
        """The body of the request the live path sends first for each chunk, made by the same
        code (instructor, the mode, the templates) but never sent: a transport inside the
        client keeps it and answers with an empty summary."""
        import instructor
        import openai

        kept: list[dict[str, Any]] = []
        httpx = importlib.import_module(_httpx_module())

        def keep(request: Any) -> Any:
            body = json.loads(request.content)
            kept.append(body)
            return httpx.Response(200, json=_empty_answer(self.settings.mode))

        sdk = openai.AsyncOpenAI(
            base_url=self.settings.base_url, api_key=_NO_KEY, max_retries=0,
            http_client=openai.DefaultAsyncHttpxClient(transport=httpx.MockTransport(keep)),
        )  # fmt: skip
        try:
            client = instructor.from_openai(sdk, mode=_MODES[self.settings.mode]())
            for chunk in chunks:
                await client.create(**self._create_kwargs(chunk, self.settings.max_tokens))
        finally:
            await sdk.close()
        return kept

    def _instructor(self) -> AsyncInstructor:
        if self._client is None:
            import instructor
            import openai

            s = self.settings
            self._sdk = openai.AsyncOpenAI(
                base_url=s.base_url,
                api_key=s.api_key.get_secret_value() if s.api_key else _NO_KEY,
                max_retries=0,  # transport retries are ours: counted, and Retry-After aware
                timeout=http_timeout(s),
                http_client=self._recording_http_client(),
            )
            self._client = instructor.from_openai(self._sdk, mode=_MODES[s.mode]())
        return self._client

    def _recording_http_client(self) -> Any:
        """An HTTP client that hands each exchange's bodies (never headers) to on_exchange."""
        if self._on_exchange is None:
            return None
        import openai

        on_exchange = self._on_exchange

        async def keep(response: Any) -> None:
            await response.aread()
            # POST only: a liveness check (GET /models) is no exchange to replay
            if response.status_code == 200 and response.request.method == "POST":
                on_exchange(json.loads(response.request.content), response.json())

        # the name both openai 2 (an httpx client) and 3 (an httpx2 one) have, with the SDK's
        # own defaults; DefaultAsyncHttpx2Client came in late 2.x releases
        return openai.DefaultAsyncHttpxClient(event_hooks={"response": [keep]})


def _httpx_module() -> str:
    """httpx for openai 2, httpx2 for openai 3: the package the client's HTTP client is of."""
    import openai

    bases = openai.DefaultAsyncHttpxClient.__mro__[1:]
    return next(c for c in bases if c.__name__ == "AsyncClient").__module__.split(".")[0]


def _empty_answer(mode: str) -> dict[str, Any]:
    """A chat completion saying the text states nothing, as the mode reads it."""
    empty = '{"moves": [], "catalysts": [], "risks": []}'
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if mode == "tools":
        call = {"name": "MarketSummary", "arguments": empty}
        message["tool_calls"] = [{"id": "call_0", "type": "function", "function": call}]
    else:
        message["content"] = f"```json\n{empty}\n```" if mode == "md_json" else empty
    return {"id": "kept", "object": "chat.completion", "created": 0, "model": "kept",
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}  # fmt: skip


def validated_answer(body: dict[str, Any], chunk: Chunk, mode: str) -> ChunkSummary:
    """A chat completion body (a batch's answer) parsed and validated as the live path does:
    grounded in the chunk, spans in the chunk's coordinates. Raises ValidationError or
    ValueError when it does not hold."""
    from instructor.core import InstructorError
    from openai.types.chat import ChatCompletion

    completion = ChatCompletion.model_validate(body)
    try:
        response_model: Any = _response_model()  # instructor's ResponseSchema subclass
        summary = response_model.from_response(
            completion, validation_context={"chunk": chunk.text}, strict=False,
            mode=_MODES[mode](),
        )  # fmt: skip
    except InstructorError as exc:  # no tool call, a cut-off answer, no JSON
        raise ValueError(str(exc)) from exc
    article = Article(id="batch", text=chunk.text)
    return _in_article_coordinates(summary, Chunk(index=0, start=0, end=len(chunk.text),
                                                  text=chunk.text), article)  # fmt: skip


def http_timeout(settings: Settings) -> Any:
    """The client's timeouts: a refused or unroutable endpoint is known in connect_timeout_s,
    while the wait for a model's answer may be as long as timeout_s."""
    import openai

    return openai.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)


@functools.cache
def _response_model() -> type[MarketSummary]:
    """MarketSummary as instructor's ResponseSchema, made once.

    Given a plain model, instructor 1.17 wraps it in a new class on every call, which defeats its
    schema cache: the JSON Schema was rebuilt per request, about 10 ms of CPU each.
    """
    import instructor

    return instructor.response_schema(MarketSummary)


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


def _endpoint_fault(exc: BaseException) -> str | None:
    """In words, how the endpoint failed a chunk (no answer, no connection, 429, 5xx); None
    when the endpoint answered and the failure is the answer's (validation, a 400)."""
    import openai

    cause = exc.__cause__ if exc.__cause__ is not None else exc
    if isinstance(exc, _NoAnswer):
        return str(exc)
    if isinstance(cause, openai.APITimeoutError):
        return "timed out" + (" connecting" if _is_connect_timeout(cause) else " waiting")
    if isinstance(cause, openai.APIConnectionError):
        return f"could not connect: {_short(cause.__cause__ or cause, 120)}"
    if isinstance(cause, openai.APIStatusError) and (
        cause.status_code == 429 or cause.status_code >= 500
    ):
        return f"HTTP {cause.status_code}"
    return None


def _is_connect_timeout(exc: BaseException) -> bool:
    return type(exc.__cause__).__name__ in {"ConnectTimeout", "PoolTimeout"}


def _transport_cause(exc: BaseException) -> BaseException | None:
    """The openai error behind an exception, when it is one worth retrying."""
    import openai

    cause = exc.__cause__ if exc.__cause__ is not None else exc
    if isinstance(cause, openai.APITimeoutError):
        # a read timeout is not retried: see the module docstring
        return cause if _is_connect_timeout(cause) else None
    if isinstance(cause, openai.APIConnectionError):
        return cause
    if isinstance(cause, openai.APIStatusError) and cause.status_code in _RETRYABLE_STATUS:
        return cause
    return None


def _is_transient(exc: BaseException) -> bool:
    return _transport_cause(exc) is not None


def _wait_for_retry(state: RetryCallState) -> float:
    """Retry-After when the server gives one, else exponential backoff with jitter (a wait past
    the chunk's budget stops the retries instead: see _RETRY_WAIT_BUDGET_S)."""
    asked = _retry_after(state)
    return asked if asked is not None else float(_backoff()(state))


def _retry_after(state: RetryCallState) -> float | None:
    """The seconds the last failed attempt's Retry-After asks for, if it gave a number."""
    exc = state.outcome.exception() if state.outcome else None
    cause = _transport_cause(exc) if exc else None
    response = getattr(cause, "response", None)
    header = response.headers.get("retry-after") if response is not None else None
    if not header:
        return None
    try:
        return max(float(header), 0.0)
    except ValueError:
        return None  # an HTTP-date: our own backoff then


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
        why = f" ({log.gave_up})" if log.gave_up else ""
        error = EngineError(
            f"{type(cause).__name__} after {log.requests} request(s): {_short(cause)}{why}"
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
