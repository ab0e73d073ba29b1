"""What tokens cost: the prices given (--price-in/--price-out) or a small shipped table of list
prices (summarizer/data/prices.json, dated), and the Batch API's share of them."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from summarizer.settings import Settings


@dataclass(frozen=True)
class Prices:
    """USD per 1M tokens, and where they come from (in words, for the person reading a cost)."""

    input: float
    output: float
    source: str
    batch_share: float = 0.5  # what a batched call is billed, as a share of these

    def cost(self, prompt_tokens: int, completion_tokens: int, *, batched: bool = False) -> float:
        """The USD cost of the tokens (at the Batch API's share when batched)."""
        full = (self.input * prompt_tokens + self.output * completion_tokens) / 1e6
        return full * self.batch_share if batched else full


@functools.cache
def _table() -> dict[str, Any]:
    text = resources.files("summarizer").joinpath("data/prices.json").read_text(encoding="utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def prices_for(settings: Settings) -> Prices | None:
    """The prices of settings' model: both flags when given (either one alone is taken with the
    table's other price, else 0), else the table's for the model or its dated snapshot
    (gpt-4o-mini-2024-07-18 is gpt-4o-mini); None when neither says."""
    table = _table()
    listed = _listed(settings.model, table["models"])
    share = float(table["batch_share"])
    if settings.price_in is None and settings.price_out is None:
        if listed is None:
            return None
        name, price = listed
        return Prices(price["input"], price["output"],
                      f"{name} list prices of {table['as_of']}", share)  # fmt: skip
    base = listed[1] if listed else {"input": 0.0, "output": 0.0}
    return Prices(
        settings.price_in if settings.price_in is not None else base["input"],
        settings.price_out if settings.price_out is not None else base["output"],
        "--price-in/--price-out",
        share,
    )


def _listed(model: str, models: dict[str, Any]) -> tuple[str, dict[str, float]] | None:
    if model in models:
        return model, models[model]
    # a dated snapshot: the longest listed name it starts with, followed by a dash
    names = [
        name
        for name in models
        if model.startswith(name + "-") and model[len(name) + 1 :][:1].isdigit()
    ]
    if not names:
        return None
    name = max(names, key=len)
    return name, models[name]
