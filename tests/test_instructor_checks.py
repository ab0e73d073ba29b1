"""instructor's async-validator check: made once for our response model, kept for any other."""

from __future__ import annotations

import instructor
import pytest
from fake_openai import FakeOpenAI, serve
from instructor.v2.validation import async_validators
from pydantic import BaseModel
from test_llm import GOOD, run_engine, tool_reply

from summarizer.engines import instructor_checks, llm


def counting_walks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Install the check, then count the walks instructor's own function makes, by model."""
    llm._response_model()
    walked: list[object] = []
    real = instructor_checks._walk
    assert real is not None, f"not installed: instructor {instructor.__version__}"
    monkeypatch.setattr(instructor_checks, "_walk", lambda m: walked.append(m) or real(m))
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
