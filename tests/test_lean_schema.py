"""The schema the model reads is lean, and everything it allows validates into the full model."""

from __future__ import annotations

import json
import typing
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from summarizer.engines import llm_schema
from summarizer.engines.lean_schema import lean_schema
from summarizer.engines.llm_schema import MarketSummary, response_schema, schema_hash
from summarizer.models import Catalyst, ChunkSummary, Move, Risk


def _nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [n for item in node for n in _nodes(item)]
    if not isinstance(node, dict):
        return []
    return [node, *(n for value in node.values() for n in _nodes(value))]


def test_the_model_reads_no_span_title_default_or_description_below_the_top() -> None:
    schema = response_schema()
    assert schema["title"] == "MarketSummary" and schema["description"]
    inner = [n for n in _nodes(schema) if n is not schema]
    for node in inner:
        assert not {"title", "default", "description", "additionalProperties", "$ref", "$defs",
                    "anyOf"} & set(node), node  # fmt: skip
        assert "span" not in node.get("properties", {})


def _enum(model: type[BaseModel], field: str) -> tuple[str, ...]:
    return typing.get_args(model.model_fields[field].annotation)


def _item_schemas() -> dict[str, dict[str, Any]]:
    properties = response_schema()["properties"]
    return {key: properties[key]["items"] for key in ("moves", "catalysts", "risks")}


@pytest.mark.parametrize(("key", "model"), [("moves", Move), ("catalysts", Catalyst),
                                            ("risks", Risk)])  # fmt: skip
def test_every_field_the_model_may_fill_is_one_of_the_full_model(
    key: str, model: type[BaseModel]
) -> None:
    shown = _item_schemas()[key]
    assert set(shown["properties"]) == set(model.model_fields) - llm_schema.HIDDEN_FROM_MODEL
    required = {name for name, f in model.model_fields.items() if f.is_required()}
    assert set(shown["required"]) == required


def test_an_enum_offers_every_value_but_the_one_said_by_leaving_the_field_out() -> None:
    moves = _item_schemas()["moves"]["properties"]
    for field in ("kind", "direction"):
        default = Move.model_fields[field].default
        offered = moves[field]["enum"]
        assert set(offered) | ({default} if isinstance(default, str) else set()) == set(
            _enum(Move, field)
        ), field
        assert default not in offered
    # a value that means something is never hidden, even when it is the default
    impact = _item_schemas()["catalysts"]["properties"]["impact"]["enum"]
    assert set(impact) == set(_enum(Catalyst, "impact"))


def test_an_answer_using_everything_the_schema_offers_validates_into_the_full_model() -> None:
    chunk = "Gold rose 1.1% in early trade, its biggest gain in a week, on fears of war."
    moves_schema = _item_schemas()["moves"]["properties"]
    # every offered value of every enum of a catalyst, each in an answer of its own
    answers: list[dict[str, Any]] = []
    for value in _item_schemas()["catalysts"]["properties"]["type"]["enum"]:
        answers.append({"catalysts": [{"summary": "war fears", "type": value, "entities": ["Gold"],
                                       "impact": "positive", "evidence": "on fears of war"}]})  # fmt: skip
    for value in moves_schema["kind"]["enum"]:
        answers.append({"moves": [{"instrument": "Gold", "kind": value, "direction": "up",
                                   "change_pct": 1.1, "evidence": "Gold rose 1.1%"}]})  # fmt: skip
    answers.append({"moves": [{"instrument": "Gold", "direction": "up", "change_pct": 1.1,
                               "evidence": "Gold rose 1.1%"}],  # every optional field left out
                    "risks": [{"summary": "war", "type": "geopolitical_trade",
                               "evidence": "on fears of war"}]})  # fmt: skip
    for answer in answers:
        summary = MarketSummary.model_validate_json(json.dumps(answer), context={"chunk": chunk})
        ChunkSummary.model_validate(summary.model_dump())
    # a field left out is the full model's default: the text does not state it
    (move,) = MarketSummary.model_validate_json(json.dumps(answers[-1]),
                                                context={"chunk": chunk}).moves  # fmt: skip
    assert (move.kind, move.qualifier, move.session, move.timeframe) == (
        "other",
        "exact",
        "unspecified",
        "unspecified",
    )


def test_the_model_is_not_asked_what_the_words_it_quotes_say() -> None:
    # the qualifier, session and timeframe of a number are read from its quoted words (merge),
    # so a model is asked only for the words of a period it names (`period`)
    moves = _item_schemas()["moves"]["properties"]
    assert not {"qualifier", "session", "timeframe", "span"} & set(moves)
    assert moves["period"] == {"type": "string"}


def test_a_model_that_sends_a_hidden_field_is_still_read() -> None:
    chunk = "Gold rose as much as 1.1% in early trade."
    answer = {"moves": [{"instrument": "Gold", "direction": "up", "change_pct": 1.1,
                         "session": "intraday_high", "qualifier": "up_to",
                         "evidence": "Gold rose as much as 1.1% in early trade."}]}  # fmt: skip
    (move,) = MarketSummary.model_validate_json(json.dumps(answer), context={"chunk": chunk}).moves
    assert (move.session, move.qualifier) == ("intraday_high", "up_to")


def test_grounding_still_refuses_what_the_text_does_not_state() -> None:
    chunk = "Gold rose 1.1% in early trade."
    answer = {"moves": [{"instrument": "Gold", "direction": "up", "change_pct": 2.5,
                         "evidence": "Gold rose 1.1%"}]}  # fmt: skip
    with pytest.raises(ValueError, match=r"2\.5"):
        MarketSummary.model_validate_json(json.dumps(answer), context={"chunk": chunk})


class _Inner(BaseModel):
    """An inner object."""

    name: str
    note: str | None = None
    side: Literal["a", "b", "none"] = "none"


class _Outer(BaseModel):
    """The outer object."""

    items: list[_Inner] = []
    secret: int = 0


def test_lean_schema_inlines_references_and_reads_optional_as_omittable() -> None:
    lean = lean_schema(_Outer.model_json_schema(), title="Outer", description="d",
                       left_out={"side": "none"}, hidden=frozenset({"secret"}))  # fmt: skip
    assert lean == {
        "title": "Outer",
        "description": "d",
        "type": "object",
        "properties": {
            "items": {
                "items": {
                    "properties": {
                        "name": {"type": "string"},
                        "note": {"type": "string"},
                        "side": {"enum": ["a", "b"]},
                    },
                    "required": ["name"],
                }
            }
        },
    }


def test_the_cache_key_follows_the_schema_the_model_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    before = schema_hash()
    schema_hash.cache_clear()
    monkeypatch.setattr(llm_schema, "_SAID_BY_LEAVING_OUT", {})
    try:
        assert schema_hash() != before
    finally:
        schema_hash.cache_clear()
