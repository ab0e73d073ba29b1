"""Token counts offline: the model's own vocabulary when installed, else a stated estimate."""

from __future__ import annotations

import sys

import pytest

from summarizer import tokens
from summarizer.chunking import estimate_tokens


def test_without_a_tokenizer_the_count_is_the_estimate_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tokens.counter_for.cache_clear()
    monkeypatch.setitem(sys.modules, "bpe_openai", None)  # as if not installed
    try:
        counter = tokens.counter_for("gpt-4o-mini")
        text = "The Hang Seng rose 1.5% on Monday."
        assert not counter.exact and "estimated" in counter.method
        assert counter.count(text) == estimate_tokens(text)
    finally:
        tokens.counter_for.cache_clear()


def test_with_bpe_openai_a_known_model_is_counted_with_its_own_vocabulary() -> None:
    pytest.importorskip("bpe_openai")
    tokens.counter_for.cache_clear()
    counter = tokens.counter_for("gpt-4o-mini")
    assert counter.exact and "o200k_base" in counter.method
    # o200k: "Hello" and " world" are one token each; an article's special-token text is text
    assert counter.count("Hello world") == 2
    assert counter.count("a <|endoftext|> b") > 3
    other = tokens.counter_for("qwen2.5-7b-instruct")
    assert not other.exact and "approximation" in other.method
