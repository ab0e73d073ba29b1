"""--budget: the run stops sending once what it spent, and what its requests in flight may
still cost, would pass the budget. A chunk already sent is finished, re-asks included, so an
answer that costs more than its estimate can take the spend past the budget by that much.

Before a chunk is sent, its cost is reserved: estimated from what the run's calls cost so far
per token of chunk (re-asks included), and before any call has finished from the chunk's size
(its prompt, plus an answer 1.7 times the chunk: the median measured on the corpus, see
summarizer/estimate.py), and never less than the mean chunk so far. A chunk whose
reservation would take the run past the budget is not sent. When its answer comes, the
reservation is replaced by what the answer really cost.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.chunking import estimate_tokens
from summarizer.pricing import Prices

# What a call sends besides its chunk, in tokens (benchmarks/bench_prompt.py: about 530)
_PROMPT_OVERHEAD = 600
_ANSWER_PER_CHUNK_TOKEN = 1.7


@dataclass
class Budget:
    """The run's spending against its limit, in USD."""

    limit: float
    prices: Prices
    spent: float = 0.0
    reserved: float = 0.0
    not_sent: int = 0
    _settled_chunk_tokens: int = 0
    _settled_cost: float = 0.0
    _settled_calls: int = 0

    def reserve(self, chunk_text: str) -> float | None:
        """The amount reserved for sending chunk_text, or None when it may not be sent."""
        tokens = estimate_tokens(chunk_text)
        if self._settled_calls:
            # per token of chunk, but never below the mean chunk so far: part of a call's
            # cost (the prompt's schema, an answer's minimum) does not shrink with the chunk
            per_token = self._settled_cost / max(1, self._settled_chunk_tokens) * tokens
            cost = max(per_token, self._settled_cost / self._settled_calls)
        else:
            cost = self.prices.cost(tokens + _PROMPT_OVERHEAD,
                                    round(tokens * _ANSWER_PER_CHUNK_TOKEN))  # fmt: skip
        if self.spent + self.reserved + cost > self.limit:
            self.not_sent += 1
            return None
        self.reserved += cost
        return cost

    def settle(self, reserved: float, chunk_text: str, prompt: int, completion: int) -> None:
        """Replace a reservation by what the chunk's calls cost (prompt and completion tokens
        of all of them, re-asks included)."""
        self.reserved -= reserved
        cost = self.prices.cost(prompt, completion)
        self.spent += cost
        if prompt or completion:  # a call that was made: it says what a chunk costs
            self._settled_chunk_tokens += estimate_tokens(chunk_text)
            self._settled_cost += cost
            self._settled_calls += 1

    def refusal(self) -> str:
        """Why a chunk was not sent, in words."""
        return (f"not sent: the run's budget of ${self.limit:g} (--budget) would be passed "
                f"(spent ${self.spent:.4f} so far)")  # fmt: skip
