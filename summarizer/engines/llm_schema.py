"""The response model the LLM fills in, with validators that ground every item in the chunk.

The validators read the chunk from instructor's validation context (`context={"chunk": text}`).
Their error messages go back to the model on a re-ask, so they say what to fix.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

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


# What the model needs to know about evidence, in fewer words than the public schema's.
_EVIDENCE_FOR_MODEL = "Verbatim quote, one sentence at most."


def _compact_for_model(schema: dict[str, Any]) -> None:
    """Trim the schema the model reads on every call to what carries meaning.

    Titles only repeat the names. Defaults matter to the validator, not to the model, which
    learns from `required` what it may leave out. An enum's values already give its type (JSON
    Schema allows an untyped enum; llama.cpp's grammar converter reads it). Pydantic's
    `anyOf: [X, null]` says `type: [X, "null"]` at twice the length. Measured with a real BPE
    vocabulary, the schema was most of the prompt (benchmarks/README.md). The top-level title
    stays: instructor names the tool after it.
    """
    for field_schema in schema.get("properties", {}).values():
        field_schema.pop("title", None)
        field_schema.pop("default", None)
        if "enum" in field_schema:
            field_schema.pop("type", None)
        options = field_schema.get("anyOf")
        if options and len(options) == 2 and {"type": "null"} in options:
            (other,) = (option for option in options if option != {"type": "null"})
            if set(other) == {"type"}:
                del field_schema["anyOf"]
                field_schema["type"] = [other["type"], "null"]
    if "evidence" in schema.get("properties", {}):
        schema["properties"]["evidence"]["description"] = _EVIDENCE_FOR_MODEL


def _compact_item_for_model(schema: dict[str, Any]) -> None:
    """As `_compact_for_model`, and an item's title goes too: its `$ref` name says as much."""
    _compact_for_model(schema)
    schema.pop("title", None)


# The docstrings of these classes are what the model reads as each object's description; the
# validators ground every item in the chunk (see the module docstring).
class LLMMove(Move):
    """A realised price move of one instrument; never a forecast, target or growth figure."""

    model_config = ConfigDict(json_schema_extra=_compact_item_for_model)
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

    model_config = ConfigDict(json_schema_extra=_compact_item_for_model)
    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)


class LLMRisk(Risk):
    """A stated warning, concern or uncertainty; never a legal disclaimer."""

    model_config = ConfigDict(json_schema_extra=_compact_item_for_model)
    span: SkipJsonSchema[Span | None] = None

    @field_validator("evidence")
    @classmethod
    def _evidence_is_quoted(cls, evidence: str, info: ValidationInfo) -> str:
        return _require_quote(evidence, info)


class MarketSummary(ChunkSummary):
    """The moves, catalysts and risks the text states."""

    model_config = ConfigDict(json_schema_extra=_compact_for_model)

    moves: list[LLMMove] = Field(default_factory=list)  # type: ignore[assignment]
    catalysts: list[LLMCatalyst] = Field(default_factory=list)  # type: ignore[assignment]
    risks: list[LLMRisk] = Field(default_factory=list)  # type: ignore[assignment]


ITEM_MODELS: dict[str, type[LLMMove | LLMCatalyst | LLMRisk]] = {
    "moves": LLMMove,
    "catalysts": LLMCatalyst,
    "risks": LLMRisk,
}


def response_schema() -> dict[str, Any]:
    """The JSON Schema the model receives."""
    return MarketSummary.model_json_schema()


@functools.cache
def schema_hash() -> str:
    """A short hash of the response schema: a schema change is a cache miss.

    Cached: building the schema takes about 5 ms, and every article's cache key asks for it.
    """
    text = json.dumps(response_schema(), sort_keys=True, separators=(",", ":"))
    return "s1-" + hashlib.sha256(text.encode()).hexdigest()[:12]
