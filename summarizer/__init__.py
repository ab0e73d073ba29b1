"""summarizer: financial market news into structured, verifiable digests.

>>> from summarizer import summarize
>>> digest = summarize("BABA-W surged over 18% today after its earnings beat.")
>>> [(m.instrument, m.change_pct) for m in digest.moves]
[('BABA-W', 18.0)]
"""

from summarizer.errors import (
    CacheError,
    ConfigError,
    EngineError,
    InputError,
    SummarizerError,
)
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
from summarizer.pipeline import Summarizer, asummarize, summarize, summarize_many
from summarizer.settings import Settings

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
    "Move",
    "Risk",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "Usage",
    "asummarize",
    "summarize",
    "summarize_many",
]
