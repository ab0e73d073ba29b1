"""A check instructor 1.17.0 repeats on every call, made once for this project's response model.

instructor refuses response models with async validators (it cannot run them) by walking the
model's classes, every member of every class in their MRO. 1.17.0 makes that walk seven times
per `create()` (patch, request preparation, retry, parsing...): 1.9 ms of CPU per call here, more
than the rest of what this project adds to a call (benchmarks/README.md). The response model this
project passes is built once and never changes, so the first walk's verdict holds for all of its
calls. Every other model, such as a caller's own in the same process, still gets every walk.

Installed only on the instructor release it was written for (pyproject.toml pins it); on any other
release instructor is left exactly as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FOR_INSTRUCTOR = "1.17.0"

_checked: set[type] = set()
_walk: Callable[[Any], None] | None = None  # instructor's own check, once replaced


def check_once(model: type) -> None:
    """Run instructor's async-validator check on model now (raises as instructor would) and let
    its later calls for this same class pass without walking it again."""
    global _walk
    import instructor
    from instructor.v2.core import patch
    from instructor.v2.validation import async_validators

    if instructor.__version__ != FOR_INSTRUCTOR:
        return
    if _walk is None:
        _walk = async_validators.reject_async_validators
        # other modules import the function inside each call; patch.py imported it at load
        async_validators.reject_async_validators = _reject_unless_checked
        patch.reject_async_validators = _reject_unless_checked  # type: ignore[attr-defined]
    _walk(model)
    _checked.add(model)


def _reject_unless_checked(response_model: Any) -> None:
    if isinstance(response_model, type) and response_model in _checked:
        return
    assert _walk is not None  # installed before this replaced instructor's function
    _walk(response_model)
