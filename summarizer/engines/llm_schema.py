"""The response model the LLM fills in, with validators that ground every item in the chunk.

The validators read the chunk from instructor's validation context (`context={"chunk": text}`).
Their error messages go back to the model on a re-ask, so they say what to fix.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from summarizer.grounding import check_move, locate_evidence
from summarizer.models import Catalyst, ChunkSummary, Move, Risk, Span

# Bump when a validator changes what is accepted: it is part of the cache key.
VALIDATORS_VERSION = "1"

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


class LLMMove(Move):
    """A move as the model reports it; grounded in the chunk on validation."""

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
    def _number_and_direction_are_stated(self) -> LLMMove:
        problem = check_move(self, self.evidence)
        if problem:
            raise ValueError(problem)
        return self


class LLMCatalyst(Catalyst):
    """A catalyst as the model reports it; its evidence must be a quote of the chunk."""

    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)


class LLMRisk(Risk):
    """A risk as the model reports it; its evidence must be a quote of the chunk."""

    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)


class MarketSummary(ChunkSummary):
    """Realised price moves, their stated drivers and stated risks in the text."""

    moves: list[LLMMove] = Field(default_factory=list, description="Realised price moves.")  # type: ignore[assignment]
    catalysts: list[LLMCatalyst] = Field(default_factory=list, description="Stated drivers.")  # type: ignore[assignment]
    risks: list[LLMRisk] = Field(default_factory=list, description="Stated risks.")  # type: ignore[assignment]


ITEM_MODELS: dict[str, type[LLMMove | LLMCatalyst | LLMRisk]] = {
    "moves": LLMMove,
    "catalysts": LLMCatalyst,
    "risks": LLMRisk,
}


def response_schema() -> dict[str, Any]:
    """The JSON Schema the model receives."""
    return MarketSummary.model_json_schema()


def schema_hash() -> str:
    """A short hash of the response schema: a schema change is a cache miss."""
    text = json.dumps(response_schema(), sort_keys=True, separators=(",", ":"))
    return "s1-" + hashlib.sha256(text.encode()).hexdigest()[:12]
