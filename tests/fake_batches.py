"""A loopback OpenAI-compatible Batch API for tests: files, batches, their output and error
files, and chat completions for the live path, over real HTTP.

A batch is answered when it has been polled `polls_to_finish` times: each request by
`answer(body)` (a chat completion body), but those whose custom_id `fail` names (an HTTP 500
line in the error file) and, when `expire_after` is set, every request after the first
`expire_after` (status `expired`, a `batch_expired` line each); `batch_answer`, when given,
answers the batch's requests instead of `answer`. Every upload, batch creation,
poll and live request is recorded.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from fake_openai import running

Answer = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class FakeBatches:
    answer: Answer
    batch_answer: Answer | None = None  # the batch's answers, when not those of the live path
    polls_to_finish: int = 2
    expire_after: int | None = None
    fail: frozenset[str] = frozenset()
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)  # batch ids, in order of creation
    polls: int = 0
    live: list[dict[str, Any]] = field(default_factory=list)  # live chat completion bodies
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests_of(self, batch_id: str) -> list[dict[str, Any]]:
        data = self.files[self.batches[batch_id]["input_file_id"]]
        return [json.loads(line) for line in data.decode().splitlines() if line.strip()]

    # the routes, each returning (status, JSON-able body or raw bytes)
    def upload(self, content_type: str, data: bytes) -> dict[str, Any]:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"content-type: " + content_type.encode() + b"\r\n\r\n" + data
        )
        parts = {part.get_param("name", header="content-disposition"): part
                 for part in message.iter_parts()}  # fmt: skip
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = parts["file"].get_payload(decode=True)
        return {"id": file_id, "object": "file", "bytes": len(self.files[file_id]),
                "created_at": int(time.time()), "filename": parts["file"].get_filename(),
                "purpose": "batch", "status": "processed"}  # fmt: skip

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        batch_id = f"batch_{len(self.batches) + 1}"
        self.created.append(batch_id)
        self.batches[batch_id] = {"id": batch_id, "object": "batch", "endpoint": body["endpoint"],
                                  "input_file_id": body["input_file_id"],
                                  "completion_window": body["completion_window"],
                                  "status": "validating", "created_at": int(time.time()),
                                  "polls": 0}  # fmt: skip
        total = len(self.requests_of(batch_id))
        self.batches[batch_id]["request_counts"] = {"total": total, "completed": 0, "failed": 0}
        return self._public(batch_id)

    def retrieve(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        self.polls += 1
        if batch["status"] in ("validating", "in_progress"):
            batch["polls"] += 1
            batch["status"] = "in_progress"
            if batch["polls"] >= self.polls_to_finish:
                self._finish(batch_id)
        elif batch["status"] == "cancelling":
            batch["status"] = "cancelled"
        return self._public(batch_id)

    def cancel(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        if batch["status"] in ("validating", "in_progress"):
            batch["status"] = "cancelling"
        return self._public(batch_id)

    def _finish(self, batch_id: str) -> None:
        batch = self.batches[batch_id]
        output, errors = [], []
        for index, request in enumerate(self.requests_of(batch_id)):
            custom_id = request["custom_id"]
            if self.expire_after is not None and index >= self.expire_after:
                errors.append({"id": f"r{index}", "custom_id": custom_id, "response": None,
                               "error": {"code": "batch_expired",
                                         "message": "This request could not be executed "
                                                    "before the completion window expired."}})  # fmt: skip
            elif custom_id in self.fail:
                errors.append({"id": f"r{index}", "custom_id": custom_id, "error": None,
                               "response": {"status_code": 500, "body": {
                                   "error": {"message": "The server had an error"}}}})  # fmt: skip
            else:
                output.append({"id": f"r{index}", "custom_id": custom_id, "error": None,
                               "response": {"status_code": 200,
                                            "body": (self.batch_answer or self.answer)(
                                                request["body"])}})  # fmt: skip
        for name, lines in (("output_file_id", output), ("error_file_id", errors)):
            if lines:
                file_id = f"file-{len(self.files) + 1}"
                self.files[file_id] = "".join(json.dumps(x) + "\n" for x in lines).encode()
                batch[name] = file_id
        batch["request_counts"] = {"total": len(output) + len(errors),
                                   "completed": len(output), "failed": len(errors)}  # fmt: skip
        batch["status"] = "expired" if self.expire_after is not None else "completed"

    def _public(self, batch_id: str) -> dict[str, Any]:
        return {k: v for k, v in self.batches[batch_id].items() if k != "polls"}


def _handler(state: FakeBatches) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            parts = self.path.split("?")[0].strip("/").split("/")
            with state.lock:
                if parts == ["v1", "batches"]:
                    listed = [state._public(b) for b in reversed(state.created)]
                    self._send({"object": "list", "data": listed, "has_more": False})
                elif parts[:2] == ["v1", "batches"] and len(parts) == 3:
                    self._send(state.retrieve(parts[2]))
                elif parts[:2] == ["v1", "files"] and parts[-1] == "content":
                    self._send(state.files[parts[2]])
                elif parts[:2] == ["v1", "models"]:
                    self._send({"object": "list", "data": []})
                else:
                    self._send({"error": {"message": "not found"}}, 404)

        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("content-length", 0)))
            parts = self.path.split("?")[0].strip("/").split("/")
            with state.lock:
                if parts == ["v1", "files"]:
                    self._send(state.upload(self.headers["content-type"], data))
                elif parts == ["v1", "batches"]:
                    self._send(state.create(json.loads(data)))
                elif parts[:2] == ["v1", "batches"] and parts[-1] == "cancel":
                    self._send(state.cancel(parts[2]))
                elif parts == ["v1", "chat", "completions"]:
                    body = json.loads(data)
                    state.live.append(body)
                    self._send(state.answer(body))
                else:
                    self._send({"error": {"message": "not found"}}, 404)

        def _send(self, body: Any, status: int = 200) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            pass

    return Handler


@contextmanager
def serve_batches(state: FakeBatches) -> Iterator[FakeBatches]:
    """Run the fake Batch API on 127.0.0.1 on a free port for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    with running(server) as state.base_url:
        yield state
