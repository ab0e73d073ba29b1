"""The provider's Batch API (`/v1/files`, `/v1/batches`) through the openai client.

A batch's input is one JSONL file of requests; its results come back as an output file (the
answered requests) and an error file (the others), each a JSONL line per request naming its
custom_id. An expired batch still returns what it answered before it expired.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from summarizer.settings import Settings

ENDPOINT: Final = "/v1/chat/completions"
FINAL_STATES = frozenset({"completed", "failed", "expired", "cancelled"})


@dataclass(frozen=True)
class Progress:
    """Where a batch is: its status and its request counts."""

    status: str
    total: int
    completed: int
    failed: int
    output_file_id: str | None
    error_file_id: str | None
    errors: tuple[str, ...] = ()  # the batch's own errors (a failed batch: why)

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATES


@dataclass(frozen=True)
class Outcome:
    """What one request of a batch got: the chat completion body, or why it has none."""

    custom_id: str
    body: dict[str, Any] | None
    error: str | None


class BatchAPI:
    """The Batch API of one endpoint."""

    def __init__(self, settings: Settings) -> None:
        import openai  # only a batch command pays for it

        key = settings.api_key.get_secret_value() if settings.api_key else "not-needed"
        self._client = openai.OpenAI(base_url=settings.base_url, api_key=key, max_retries=3,
                                     timeout=settings.timeout_s)  # fmt: skip

    def upload(self, lines: Sequence[dict[str, Any]], name: str) -> str:
        """Upload the requests as a JSONL file for a batch: its file id."""
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        uploaded = self._client.files.create(file=(name, data.encode(), "application/jsonl"),
                                             purpose="batch")  # fmt: skip
        return uploaded.id

    def create(self, input_file_id: str) -> str:
        """Create the batch of an uploaded file: its id."""
        batch = self._client.batches.create(input_file_id=input_file_id, endpoint=ENDPOINT,
                                            completion_window="24h")  # fmt: skip
        return batch.id

    def created_from(self, input_file_id: str) -> str | None:
        """The id of a batch already created from the file, if the provider lists one."""
        for batch in self._client.batches.list(limit=100):
            if batch.input_file_id == input_file_id:
                return batch.id
        return None

    def progress(self, batch_id: str) -> Progress:
        batch = self._client.batches.retrieve(batch_id)
        counts = batch.request_counts
        errors = tuple(e.message or e.code or "" for e in (batch.errors.data or [])) if (
            batch.errors is not None) else ()  # fmt: skip
        return Progress(
            status=batch.status,
            total=counts.total if counts else 0,
            completed=counts.completed if counts else 0,
            failed=counts.failed if counts else 0,
            output_file_id=batch.output_file_id,
            error_file_id=batch.error_file_id,
            errors=errors,
        )

    def cancel(self, batch_id: str) -> str:
        """Ask the provider to cancel the batch; its status after the request."""
        return str(self._client.batches.cancel(batch_id).status)

    def outcomes(self, progress: Progress) -> dict[str, Outcome]:
        """Each request's outcome from the batch's output and error files, by custom_id."""
        found: dict[str, Outcome] = {}
        for file_id in (progress.error_file_id, progress.output_file_id):  # answers win
            if not file_id:
                continue
            for line in self._client.files.content(file_id).text.splitlines():
                if line.strip():
                    outcome = _outcome(json.loads(line))
                    found[outcome.custom_id] = outcome
        return found

    def close(self) -> None:
        self._client.close()


def _outcome(line: dict[str, Any]) -> Outcome:
    custom_id = str(line.get("custom_id"))
    response = line.get("response") or {}
    error = line.get("error")
    if error:
        return Outcome(custom_id, None, f"{error.get('code') or 'error'}: {error.get('message')}")
    status = response.get("status_code")
    if status != 200:
        body = response.get("body") or {}
        message = (body.get("error") or {}).get("message") if isinstance(body, dict) else None
        return Outcome(custom_id, None, f"HTTP {status}: {message or 'no answer'}")
    return Outcome(custom_id, response.get("body"), None)
