"""chunking: properties over generated texts, and the seeds' hard cases."""

from __future__ import annotations

import itertools
import re

from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.chunking import chunk_article, estimate_tokens
from summarizer.clean import clean_article
from summarizer.sentences import split_sentences

PROTECTED = ["4.2%", "$182.30", "1,466", "BABA-W", "(513770)", "NYSE:BABA", "U.S.", "Inc.", "Sep.",
             "J.P. Morgan", "0669:HK", "38.6 billion"]  # fmt: skip
WORDS = ["stocks", "rose", "fell", "The", "index", "Alibaba", "on", "Friday", "shares", "gained"]

piece = st.one_of(st.sampled_from(PROTECTED), st.sampled_from(WORDS))
sentence = st.lists(piece, min_size=1, max_size=25).map(lambda w: " ".join(w) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=6).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=6).map(lambda ps: "\n\n".join(ps))


def check_chunks(text: str, budget: int) -> None:
    kept = clean_article(text).kept
    chunks = chunk_article(text, kept, max_tokens=budget)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip()
        if estimate_tokens(chunk.text) > budget:  # only a single over-long sentence may exceed
            assert split_sentences(text, chunk.start, chunk.end) == [(chunk.start, chunk.end)]
    for before, after in itertools.pairwise(chunks):
        assert before.end <= after.start
    covered = {i for c in chunks for i in range(c.start, c.end)}
    for start, end in kept:
        assert all(i in covered for i in range(start, end) if not text[i].isspace())
    for token in PROTECTED:
        for match in re.finditer(re.escape(token), text):
            assert any(c.start <= match.start() and match.end() <= c.end for c in chunks), token


@settings(max_examples=150, deadline=None)
@given(article, st.integers(min_value=50, max_value=400))
def test_chunk_properties(text: str, budget: int) -> None:
    check_chunks(text, budget)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=400), st.integers(min_value=50, max_value=200))
def test_chunk_properties_on_any_text(text: str, budget: int) -> None:
    kept = clean_article(text).kept
    chunks = chunk_article(text, kept, max_tokens=budget)
    assert all(text[c.start : c.end] == c.text for c in chunks)
    assert chunk_article(text, kept, max_tokens=budget) == chunks


def test_seeds_never_split_numbers_tickers_or_abbreviations() -> None:
    for path in SEEDS.glob("*.txt"):
        check_chunks(path.read_text(encoding="utf-8"), 60)


def test_paragraphs_pack_under_the_budget() -> None:
    text = "\n\n".join(f"Stock{i} rose {i}% on demand from funds." for i in range(10))
    chunks = chunk_article(text, [(0, len(text))], max_tokens=40)
    assert len(chunks) > 1 and all(estimate_tokens(c.text) <= 40 for c in chunks)
    assert chunk_article(text, [(0, len(text))], max_tokens=10_000)[0].text == text
