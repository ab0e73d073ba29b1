"""The batches a run submitted, kept in the cache directory before it waits for them.

One JSON file per batch under `<cache dir>/batches/`: the batch's id, the endpoint and model it
went to, and its request map (custom_id, which is the chunk's cache key, to the chunk's text,
which its answer is validated against). It is written, atomically, once the requests are
uploaded (as `submitting`, under the file's id) and again once the batch exists (under the
batch's id), before the run starts waiting, so a run killed while it waits loses nothing:
`batch resume`, or the same command run again, finds the batch here and waits for it instead
of submitting its requests again. Never the API key: requests carry no headers here, and the
endpoint is stored without credentials.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal

# submitting: its requests are uploaded (input_file_id) and the batch may or may not have been
# created; its id is not known yet
State = Literal["submitting", "waiting", "done", "cancelled"]
_FORMAT = 1


@dataclass(frozen=True)
class StoredBatch:
    """A submitted batch, as kept on disk."""

    id: str
    endpoint: str
    model: str
    mode: str
    input_file_id: str
    requests: Mapping[str, str]  # custom_id (the chunk's cache key) -> the chunk's text
    submitted_at: float = field(default_factory=time.time)
    state: State = "waiting"

    def marked(self, state: State) -> StoredBatch:
        return replace(self, state=state)


class BatchStore:
    """The stored batches of one cache directory."""

    def __init__(self, cache_dir: Path) -> None:
        self.directory = cache_dir / "batches"

    def save(self, batch: StoredBatch) -> None:
        """Write batch's file (atomically: a crash leaves the old file or the new one)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(batch.id)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        record = {"format": _FORMAT, **asdict(batch), "requests": dict(batch.requests)}
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())  # on disk before the run waits: that is the point
        os.replace(temporary, path)

    def remove(self, batch_id: str) -> None:
        """Forget a record (a submitting one, once its batch has a record of its own)."""
        self._path(batch_id).unlink(missing_ok=True)

    def all(self) -> Iterator[StoredBatch]:
        """Every stored batch, oldest first; a file that cannot be read is skipped."""
        if not self.directory.is_dir():
            return
        found = []
        for path in self.directory.glob("*.json"):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                if record.pop("format", None) != _FORMAT:
                    continue
                found.append(StoredBatch(**record))
            except (OSError, ValueError, TypeError):
                continue
        yield from sorted(found, key=lambda batch: batch.submitted_at)

    def waiting(
        self, endpoint: str | None = None, *, states: tuple[State, ...] = ("waiting",)
    ) -> list[StoredBatch]:
        """The batches still waiting for their results (sent to endpoint, when given); with
        states, those in any of them."""
        return [b for b in self.all() if b.state in states
                and (endpoint is None or b.endpoint == endpoint)]  # fmt: skip

    def _path(self, batch_id: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in batch_id)
        return self.directory / f"{safe}.json"
