"""Two pieces of work instructor 1.17.0 repeats on every call, done once for this project's own
response model and prompt templates.

- instructor refuses response models with async validators (it cannot run them) by walking the
  model's classes, every member of every class in their MRO, seven times per `create()` (patch,
  request preparation, retry, parsing...): 1.9 ms of CPU a call on these machines.
- Given a validation context, instructor renders each message as a Jinja template, building a
  new sandboxed environment and compiling the template on every call: 1.5 ms of CPU a call.
The response model is built once and never changes, and so are the prompt templates, so the
first walk's verdict holds for every call and one compiled template renders every call's message
(to the same text: instructor's `dedent(template.render(**context))`). Any other model or text,
such as a caller's own in the same process, still takes instructor's own path. Together they were
more than half of what a call costs beyond the bare openai client (benchmarks/README.md).

Installed only on the instructor release it was written for (pyproject.toml pins it); on any other
release instructor is left exactly as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from textwrap import dedent
from typing import Any

FOR_INSTRUCTOR = "1.17.0"

_checked: set[type] = set()
_compiled: dict[str, Any] = {}  # template text -> jinja2 Template
# instructor's own functions, once replaced
_walk: Callable[[Any], None] | None = None
_render: Callable[[str, dict[str, Any]], str] | None = None


def check_model_once(model: type) -> None:
    """Run instructor's async-validator check on model now (raises as instructor would) and let
    its later calls for this same class pass without walking it again."""
    global _walk
    if not _installable():
        return
    from instructor.v2.core import patch
    from instructor.v2.validation import async_validators

    if _walk is None:
        _walk = async_validators.reject_async_validators
        # other modules import the function inside each call; patch.py imported it at load
        async_validators.reject_async_validators = _reject_unless_checked
        patch.reject_async_validators = _reject_unless_checked  # type: ignore[attr-defined]
    _walk(model)
    _checked.add(model)


def compile_templates_once(*texts: str) -> None:
    """Compile these message templates now, as instructor would on each call, and render them
    from the compiled form from now on."""
    global _render
    if not _installable():
        return
    from instructor.v2.core import templating
    from jinja2.sandbox import SandboxedEnvironment

    if _render is None:
        # the module is not typed (its first line ignores every type error): by name
        _render = getattr(templating, "apply_template")  # noqa: B009
        setattr(templating, "apply_template", _apply_template)  # noqa: B010 (looked up per call)
    for text in texts:
        if text not in _compiled:
            _compiled[text] = SandboxedEnvironment().from_string(text)


def _installable() -> bool:
    import instructor

    return bool(instructor.__version__ == FOR_INSTRUCTOR)


def _reject_unless_checked(response_model: Any) -> None:
    if isinstance(response_model, type) and response_model in _checked:
        return
    assert _walk is not None  # installed before this replaced instructor's function
    _walk(response_model)


def _apply_template(text: str, context: dict[str, Any]) -> str:
    template = _compiled.get(text)
    if template is None:
        assert _render is not None  # installed before this replaced instructor's function
        return _render(text, context)
    return dedent(template.render(**context))
