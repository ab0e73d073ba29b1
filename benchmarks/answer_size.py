"""How big a model's answer is against the rules engine's answer to the same chunk, in tokens.

Usage: python benchmarks/answer_size.py      (needs the test extra: bpe-openai)

The dry run (summarizer/estimate.py) cannot count completion tokens before a model answers, so
it counts the rules engine's answer, written as the model writes it, and scales it by the
factor measured here. The model's answers are stood in for by the reference answers of the
hand-written gold (tests/reference_answers.py). The factor is measured on parts A to O of
fixtures/corpus; part P, kept aside, and the seeds check it. Prints, per group: the ratio of
all answers to all rules answers, and per chunk the 10th percentile, median and 90th.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reference_answers import REPO, answer_for

from summarizer.chunking import chunk_article
from summarizer.clean import clean_article
from summarizer.engines.rules import summarize_text
from summarizer.estimate import _as_the_model_writes
from summarizer.evaluate import Gold, load_gold
from summarizer.tokens import counter_for

CHUNK_TOKENS = 1500  # the default --chunk-tokens


def sizes(text: str, gold: Gold, count: Callable[[str], int]) -> Iterator[tuple[int, int]]:
    """(reference answer, rules answer) tokens of each chunk of text."""
    for chunk in chunk_article(text, clean_article(text).kept, max_tokens=CHUNK_TOKENS):
        reference = json.dumps(answer_for(chunk.text, gold), ensure_ascii=False)
        rules = _as_the_model_writes(summarize_text(chunk.text, 0, len(chunk.text)))
        yield count(reference), count(rules)


def main() -> int:
    count = counter_for("gpt-4o-mini").count
    corpus = REPO / "fixtures" / "corpus"
    groups: dict[str, list[tuple[int, int]]] = {"A-O (measured)": [], "P (kept aside)": [],
                                                 "seeds": []}  # fmt: skip
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        group = "P (kept aside)" if gold_path.stem.startswith("p") else "A-O (measured)"
        text = (corpus / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        groups[group] += sizes(text, load_gold(gold_path), count)
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        gold = load_gold(REPO / "fixtures" / "gold" / f"{seed.stem}.json")
        groups["seeds"] += sizes(seed.read_text(encoding="utf-8"), gold, count)
    for group, rows in groups.items():
        ratios = [reference / rules for reference, rules in rows if rules]
        deciles = statistics.quantiles(ratios, n=10)
        whole = sum(r for r, _ in rows) / sum(u for _, u in rows)
        print(f"{group:16} {len(rows):4} chunks: {whole:.2f} in all; per chunk "
              f"{deciles[0]:.2f} (10th percentile), {deciles[4]:.2f} (median), "
              f"{deciles[8]:.2f} (90th)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
