"""summarizer: financial market news into structured, verifiable digests.

>>> from summarizer import summarize
>>> digest = summarize("BABA-W surged over 18% today after its earnings beat.")
>>> [(m.instrument, m.change_pct) for m in digest.moves]
[('BABA-W', 18.0)]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.errors import (
        CacheError,
        ConfigError,
        EngineError,
        InputError,
        SummarizerError,
    )
    from summarizer.market_picture import market
    from summarizer.models import (
        Article,
        ArticleDigest,
        Catalyst,
        Chunk,
        ChunkSummary,
        Move,
        Risk,
        Usage,
    )
    from summarizer.picture import MarketPicture
    from summarizer.pipeline import Summarizer, asummarize, summarize, summarize_many
    from summarizer.settings import Settings

# The public names resolve on first use (PEP 562): importing the package for `summarizer --help`
# must not pay for pydantic models and the pipeline (about 0.3 s on these machines).
_HOME_OF = {
    **dict.fromkeys(
        ("CacheError", "ConfigError", "EngineError", "InputError", "SummarizerError"),
        "summarizer.errors",
    ),
    **dict.fromkeys(
        ("Article", "ArticleDigest", "Catalyst", "Chunk", "ChunkSummary", "Move", "Risk", "Usage"),
        "summarizer.models",
    ),
    **dict.fromkeys(
        ("Summarizer", "asummarize", "summarize", "summarize_many"), "summarizer.pipeline"
    ),
    "Settings": "summarizer.settings",
    "market": "summarizer.market_picture",
    "MarketPicture": "summarizer.picture",
}

__all__ = [
    "Article",
    "ArticleDigest",
    "CacheError",
    "Catalyst",
    "Chunk",
    "ChunkSummary",
    "ConfigError",
    "EngineError",
    "InputError",
    "MarketPicture",
    "Move",
    "Risk",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "Usage",
    "asummarize",
    "market",
    "summarize",
    "summarize_many",
]


def __getattr__(name: str) -> Any:
    home = _HOME_OF.get(name)
    if home is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
