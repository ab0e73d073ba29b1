"""instructor's per-call work done once for our model and templates, and kept for anything else."""

from __future__ import annotations

import instructor
import pytest
from fake_openai import FakeOpenAI, serve
from instructor.v2.core import templating
from instructor.v2.validation import async_validators
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel
from test_llm import GOOD, TEXT, run_engine, tool_reply

from summarizer.engines import instructor_once, llm


def counting_walks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Install the check, then count the walks instructor's own function makes, by model."""
    llm._response_model()
    walked: list[object] = []
    real = instructor_once._walk
    assert real is not None, f"not installed: instructor {instructor.__version__}"

    def walk(model: object) -> None:
        walked.append(model)
        real(model)

    monkeypatch.setattr(instructor_once, "_walk", walk)
    return walked


def test_a_call_no_longer_walks_our_response_model(monkeypatch: pytest.MonkeyPatch) -> None:
    walked = counting_walks(monkeypatch)
    with serve(FakeOpenAI.scripted([tool_reply(GOOD)])) as server:
        result = run_engine(server)
    assert result.summary.moves and len(server.requests) == 1
    assert llm._response_model() not in walked


def test_other_models_are_still_walked_and_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    walked = counting_walks(monkeypatch)

    class WithAsyncCheck(BaseModel):
        name: str

        @async_validators.async_field_validator("name")
        async def check_name(self, value: str) -> str:
            return value

    class Plain(BaseModel):
        name: str

    async_validators.reject_async_validators(Plain)
    assert Plain in walked
    with pytest.raises(ValueError, match="async validators are not supported"):
        async_validators.reject_async_validators(WithAsyncCheck)


def test_a_call_compiles_no_template_and_renders_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with serve(FakeOpenAI.scripted([tool_reply(GOOD)])) as server:
        run_engine(server)  # installs, and compiles our templates
    compiled: list[str] = []
    real = SandboxedEnvironment.from_string

    def from_string(self: SandboxedEnvironment, source: str, *args: object) -> object:
        compiled.append(source)
        return real(self, source, *args)

    monkeypatch.setattr(SandboxedEnvironment, "from_string", from_string)
    with serve(FakeOpenAI.scripted([tool_reply(GOOD)])) as server:
        run_engine(server)
    assert compiled == []
    assert server.requests[0]["messages"][-1]["content"].endswith(TEXT)
    # any other text still goes through instructor's own rendering (and is compiled there)
    assert templating.apply_template("Hi {{ name }}", {"name": "Ann"}) == "Hi Ann"
    assert compiled == ["Hi {{ name }}"]
