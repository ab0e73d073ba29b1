"""Split kept text into chunks under a token budget: paragraphs first, then sentences.

Pure and deterministic. Chunk offsets index the original text, and a chunk never spans removed
boilerplate, so `text[chunk.start:chunk.end] == chunk.text` always holds. Sentences end where
`summarizer.sentences` says they do.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from summarizer.models import Chunk, Span
from summarizer.sentences import split_sentences, trim

# numbers-heavy English runs ~3.8 characters per token, CJK ~1 character (3 bytes) per token
_BYTES_PER_TOKEN = 3.5


def estimate_tokens(text: str) -> int:
    """Deterministic offline token estimate (no tiktoken: it downloads encodings at run time)."""
    return math.ceil(len(text.encode("utf-8")) / _BYTES_PER_TOKEN)


def chunk_article(text: str, kept: Sequence[Span], *, max_tokens: int) -> list[Chunk]:
    """Pack kept paragraphs, then sentences, into chunks of at most max_tokens each.

    Only a single sentence longer than the budget makes a chunk over it; it is never cut.
    """
    pieces = [p for span in _contiguous(text, kept) for p in _pieces(text, span, max_tokens)]
    chunks: list[Chunk] = []
    current: Span | None = None
    for piece in pieces:
        joinable = current is not None and not text[current[1] : piece[0]].strip()
        if current is not None and joinable:
            merged = (current[0], piece[1])
            if estimate_tokens(text[merged[0] : merged[1]]) <= max_tokens:
                current = merged
                continue
        if current is not None:
            chunks.append(_chunk(text, current, len(chunks)))
        current = piece
    if current is not None:
        chunks.append(_chunk(text, current, len(chunks)))
    return chunks


def _chunk(text: str, span: Span, index: int) -> Chunk:
    return Chunk(index=index, start=span[0], end=span[1], text=text[span[0] : span[1]])


def _contiguous(text: str, kept: Sequence[Span]) -> list[Span]:
    """Kept spans, each marked as joinable with the next when only whitespace separates them."""
    return [trim(text, s, e) for s, e in sorted(kept) if text[s:e].strip()]


def _pieces(text: str, span: Span, max_tokens: int) -> list[Span]:
    """A paragraph whole when it fits, else its sentences."""
    if estimate_tokens(text[span[0] : span[1]]) <= max_tokens:
        return [span]
    return split_sentences(text, span[0], span[1])
