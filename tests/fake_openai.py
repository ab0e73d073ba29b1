"""A loopback OpenAI-compatible server for tests: real sockets and client, scripted replies.

A `Reply` is what one request gets: a status, headers, and a JSON body (or raw bytes), plus an
optional delay. The server answers from a script (a list consumed in order, the last reply
repeating) or from a function of the request body, and records every request it receives.
`serve_silent` is a server that never gives a whole answer: it reads each request and then says
nothing, or trickles the body a byte at a time.
"""

from __future__ import annotations

import json
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: Any = None
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Responder = Callable[[dict[str, Any]], Reply]


def completion(
    *,
    content: str | None = None,
    arguments: str | None = None,
    finish_reason: str = "stop",
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
    model: str = "test-model",
) -> dict[str, Any]:
    """A chat.completion body in the OpenAI wire format, as text content or a tool call."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if arguments is not None:
        message["tool_calls"] = [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "MarketSummary", "arguments": arguments},
            }
        ]
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1700000000,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class FakeOpenAI:
    """The server's state: how it answers and what it was asked."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.base_url = ""

    @classmethod
    def scripted(cls, replies: list[Reply]) -> FakeOpenAI:
        queue = list(replies)

        def next_reply(_body: dict[str, Any]) -> Reply:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        return cls(next_reply)

    def handle(self, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        with self.lock:
            self.requests.append(body)
            self.headers.append(headers)
            return self.responder(body)


def _handler_for(state: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body go out in two writes; with Nagle on, the body waits for the client's
        # delayed ACK (about 40 ms a request on Linux loopback)
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            reply = state.handle(body, {k.lower(): v for k, v in self.headers.items()})
            if reply.delay:
                time.sleep(reply.delay)
            data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer

        def log_message(self, *_args: Any) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    # socketserver's default backlog of 5 refused some of 16 connections opened at once (the
    # client then retried them after a backoff); real servers queue hundreds
    request_queue_size = 128


@contextmanager
def serve(state: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """Run the fake server on 127.0.0.1 on a free port for the duration of the block."""
    server = _Server(("127.0.0.1", 0), _handler_for(state))
    with running(server) as state.base_url:
        yield state


@contextmanager
def running(server: socketserver.TCPServer) -> Iterator[str]:
    """Serve in a thread for the duration of the block; its base URL."""
    server.daemon_threads = True  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class SilentServer:
    """What a silent server was asked: the request lines ('POST /v1/chat/completions ...')."""

    base_url: str = ""
    requests: list[str] = field(default_factory=list)

    @property
    def posts(self) -> int:
        return sum(line.startswith("POST") for line in self.requests)


@contextmanager
def serve_silent(
    *, trickle_every: float | None = None, trickle_for: float = 3.0
) -> Iterator[SilentServer]:
    """A server on 127.0.0.1 that accepts and reads every request and never answers it; with
    trickle_every, it sends the headers of a long body and then one byte every trickle_every
    seconds, and drops the connection after trickle_for seconds."""
    state = SilentServer()
    stop = threading.Event()

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            line = self.rfile.readline().decode("latin-1").strip()
            length = 0
            while (header := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.rfile.read(length)
            state.requests.append(line)
            if trickle_every is None:
                stop.wait()
                return
            head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n"
            try:
                self.wfile.write(head)
                ends = time.monotonic() + trickle_for
                while time.monotonic() < ends and not stop.wait(trickle_every):
                    self.wfile.write(b" ")
            except OSError:
                pass  # the client gave up

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
    server.allow_reuse_address = True
    server.request_queue_size = 128
    server.server_bind()
    server.server_activate()
    with running(server) as state.base_url:
        try:
            yield state
        finally:
            stop.set()  # before the server stops: the handlers wait on it
