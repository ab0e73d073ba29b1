"""Engines turn one chunk into one ChunkSummary; `make_engine(settings)` picks one.

This is the seam where tests plug in a scripted engine: the pipeline only knows the protocol in
`engines.base`. No registry: there are two engines.
"""

from __future__ import annotations

from summarizer.engines.base import ChunkResult, Engine
from summarizer.settings import Settings

__all__ = ["ChunkResult", "Engine", "make_engine"]


def make_engine(settings: Settings) -> Engine:
    """The engine the settings ask for (see Settings.resolve_engine)."""
    name, _why = settings.resolve_engine()
    if name == "llm":
        # engines.llm imports openai and instructor (about 1 s): only pay for it when asked
        from summarizer.engines.llm import LLMEngine

        return LLMEngine(settings)
    # likewise the rules: compiling their patterns is a tenth of a cached LLM run's start-up
    from summarizer.engines.rules import RulesEngine

    return RulesEngine(workers=settings.workers)
