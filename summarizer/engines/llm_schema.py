"""The response model the LLM fills in, with validators that ground every item in the chunk.

The validators read the chunk from instructor's validation context (`context={"chunk": text}`).
Their error messages go back to the model on a re-ask, so they say what to fix.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from summarizer.engines.lean_schema import lean_schema
from summarizer.grounding import check_move, locate_evidence
from summarizer.models import Catalyst, ChunkSummary, Move, Risk, Span

# Bump when a validator changes what is accepted: it is part of the cache key.
VALIDATORS_VERSION = "3"

# A bound no real daily or yearly move reaches; a small model once answered 1.8e15 %.
MAX_ABS_CHANGE_PCT = 1000.0


def _chunk_of(info: ValidationInfo) -> str | None:
    context = info.context or {}
    chunk = context.get("chunk")
    return chunk if isinstance(chunk, str) else None


def _require_quote(evidence: str, info: ValidationInfo) -> str:
    chunk = _chunk_of(info)
    if chunk is not None and locate_evidence(evidence, chunk) is None:
        raise ValueError(
            f"evidence {evidence[:80]!r} is not a verbatim quote of the text; "
            "copy the exact words from the text"
        )
    return evidence


# The fields the model fills in by leaving them out, with the value that says: the text does not
# state it (the field's default in the full model).
_SAID_BY_LEAVING_OUT = {"kind": "other"}

# The fields the model is not shown. Spans are the code's. A number's qualifier, session and
# timeframe are said by the words the evidence quotes ('as much as 3%', 'for the week') or by
# the move's `period` ('this week'): merge reads them there (grounding.when_stated,
# qualifier_stated) as it does for the rules engine, and the gate checks the period the words
# claim. Asking the model too cost 78 tokens of enums on every request and a second answer for
# the gate to reconcile. A model that sends them anyway is still read and checked.
HIDDEN_FROM_MODEL = frozenset({"span", "qualifier", "session", "timeframe"})


# The validators ground every item in the chunk (see the module docstring); what the model reads
# is the lean schema of MarketSummary.model_json_schema, not these classes' docstrings.
class LLMMove(Move):
    """A realised price move of one instrument; never a forecast, target or growth figure."""

    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)

    @field_validator("change_pct")
    @classmethod
    def _change_is_sane(cls, change: float | None) -> float | None:
        if change is not None and abs(change) > MAX_ABS_CHANGE_PCT:
            raise ValueError(f"change_pct {change} is not a plausible percent move")
        return change

    @model_validator(mode="after")
    def _number_and_direction_are_stated(self, info: ValidationInfo) -> LLMMove:
        chunk = _chunk_of(info)
        span = locate_evidence(self.evidence, chunk) if chunk is not None else None
        problem = check_move(self, self.evidence, source=chunk, span=span)
        if problem:
            raise ValueError(problem)
        return self


class LLMCatalyst(Catalyst):
    """What the text says drove prices or sentiment."""

    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)


class LLMRisk(Risk):
    """A stated warning, concern or uncertainty; never a legal disclaimer."""

    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)


class MarketSummary(ChunkSummary):
    """The moves, catalysts and risks the text states."""

    moves: list[LLMMove] = Field(default_factory=list)  # type: ignore[assignment]
    catalysts: list[LLMCatalyst] = Field(default_factory=list)  # type: ignore[assignment]
    risks: list[LLMRisk] = Field(default_factory=list)  # type: ignore[assignment]

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema the model receives (instructor asks for it here): the lean one."""
        full = super().model_json_schema(*args, **kwargs)
        return lean_schema(
            full,
            title="MarketSummary",
            description="The moves, catalysts and risks the text states.",
            left_out=_SAID_BY_LEAVING_OUT,
            hidden=HIDDEN_FROM_MODEL,
        )


ITEM_MODELS: dict[str, type[LLMMove | LLMCatalyst | LLMRisk]] = {
    "moves": LLMMove,
    "catalysts": LLMCatalyst,
    "risks": LLMRisk,
}


def response_schema() -> dict[str, Any]:
    """The JSON Schema the model receives (in tools mode instructor moves the title and
    description out of it, into the tool's name and description)."""
    return MarketSummary.model_json_schema()


@functools.cache
def schema_hash() -> str:
    """A short hash of the response schema: a schema change is a cache miss.

    Cached: building the schema takes about 5 ms, and every article's cache key asks for it.
    """
    text = json.dumps(response_schema(), sort_keys=True, separators=(",", ":"))
    return "s1-" + hashlib.sha256(text.encode()).hexdigest()[:12]
