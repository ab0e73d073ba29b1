"""What every engine is: the Engine protocol and the ChunkResult it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from summarizer.models import Article, Chunk, ChunkSummary, EngineName


@dataclass(frozen=True)
class ChunkResult:
    """What an engine returns for one chunk: the summary, what it cost, what it had to drop."""

    summary: ChunkSummary
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    batched: bool = False  # answered through the Batch API: billed at its share


class Engine(Protocol):
    """Summarizes one chunk of an article; item spans are in article coordinates."""

    name: EngineName
    model: str | None
    prompt_version: str | None

    def identity(self) -> dict[str, Any]:
        """Everything about this engine that changes its answers (never credentials)."""
        ...

    async def summarize_chunk(self, chunk: Chunk, article: Article) -> ChunkResult:
        """Summarize `chunk` of `article`; raise EngineError when it cannot."""
        ...

    async def aclose(self) -> None:
        """Release connections."""
        ...


# The run's worker processes share one endpoint: when one of them stops sending to it, all do.
# The parent hands each worker a multiprocessing.Event (sharding); alone, a process has none.
_endpoint_down: Any = None


def share_endpoint_down(flag: Any) -> None:
    """In a worker process: the run's shared flag that the endpoint is down."""
    global _endpoint_down
    _endpoint_down = flag


def mark_endpoint_down() -> None:
    """Tell the run's other worker processes to stop sending to the endpoint."""
    if _endpoint_down is not None:
        _endpoint_down.set()


def endpoint_down() -> bool:
    """Whether another process of this run stopped sending to the endpoint."""
    return _endpoint_down is not None and bool(_endpoint_down.is_set())
