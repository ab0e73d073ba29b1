"""The JSON Schema the model reads on every call, made from a response model's full schema.

The model pays for every token of the schema on every request, so it gets only what changes
its answer: field names, types, the values an enum allows, and which fields it must fill.
Everything else goes: titles (the names say as much), defaults (the validator applies them),
`additionalProperties`, `$defs` (each item type is used once, so inlining it is shorter than
referring to it), `anyOf: [X, null]` (an optional field is left out rather than set to null),
the `object`/`array` type of a node whose `properties`/`items` already say it, descriptions
(the system prompt says what names cannot, once) and the one value of an enum that means "not
stated", which the model says by leaving the field out. The answer is still validated against
the full model, which accepts everything this schema allows and fills in its defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_DROPPED_KEYS = frozenset({"title", "default", "additionalProperties", "description", "$defs"})


def lean_schema(
    full: Mapping[str, Any],
    *,
    title: str,
    description: str,
    left_out: Mapping[str, str] | None = None,
    hidden: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The model-facing schema of full (a pydantic JSON Schema).

    title and description stay at the top: instructor names the tool after the title and gives
    the description as the tool's. left_out maps a field to the enum value the model says by
    leaving the field out (its default); hidden fields are never shown (e.g. spans, which the
    code fills in).
    """
    defs = full.get("$defs", {})
    lean = _lean(full, defs, left_out or {}, hidden, top=True)
    return {"title": title, "description": description, **lean}


def _lean(
    node: Any, defs: Mapping[str, Any], left_out: Mapping[str, str], hidden: frozenset[str],
    *, top: bool = False,
) -> Any:  # fmt: skip
    if isinstance(node, list):
        return [_lean(item, defs, left_out, hidden) for item in node]
    if not isinstance(node, Mapping):
        return node
    if "$ref" in node:
        return _lean(defs[node["$ref"].rsplit("/", 1)[-1]], defs, left_out, hidden)
    options = node.get("anyOf")
    if options and {"type": "null"} in options and len(options) == 2:
        (other,) = (option for option in options if option != {"type": "null"})
        return _lean(other, defs, left_out, hidden)
    lean: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED_KEYS:
            continue
        if key == "properties":
            lean[key] = {
                name: _field(name, schema, defs, left_out, hidden)
                for name, schema in value.items()
                if name not in hidden
            }
        else:
            lean[key] = _lean(value, defs, left_out, hidden)
    if "enum" in lean:
        lean.pop("type", None)  # the values say it (JSON Schema allows an untyped enum)
    said_by_shape = "properties" in lean or "items" in lean
    if not top and said_by_shape and lean.get("type") in ("object", "array"):
        del lean["type"]
    if "required" in lean:
        lean["required"] = [name for name in lean["required"] if name not in hidden]
    return lean


def _field(
    name: str, schema: Any, defs: Mapping[str, Any], left_out: Mapping[str, str],
    hidden: frozenset[str],
) -> Any:  # fmt: skip
    lean = _lean(schema, defs, left_out, hidden)
    unstated = left_out.get(name)
    if unstated is not None and isinstance(lean, dict) and "enum" in lean:
        lean["enum"] = [value for value in lean["enum"] if value != unstated]
    return lean
