"""Exceptions raised by summarizer.

SummarizerError
 ├── InputError    an article cannot be read or decoded (bad path, binary, empty, invalid JSON)
 ├── ConfigError   settings are inconsistent (unknown engine, missing endpoint for the llm engine)
 ├── EngineError   an engine failed on a chunk after its retries (transport, validation, truncation)
 └── CacheError    the cache directory is unusable or an entry was refused
      └── CacheUnusableError  its database failed: corrupt, disk full, I/O error

Messages are written for the person running the tool; the CLI alone maps them to exit codes.
"""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class of every error summarizer raises on purpose."""


class InputError(SummarizerError):
    """An input cannot be turned into an article."""


class ConfigError(SummarizerError):
    """The settings cannot work together."""


class EngineError(SummarizerError):
    """An engine could not summarize a chunk; the attributes say what the failed attempts cost
    (a failed chunk's requests are billed all the same, so they count in the digest's usage)."""

    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0


class CacheError(SummarizerError):
    """The cache cannot be used, or an entry in it was refused."""


class CacheUnusableError(CacheError):
    """The cache's database failed (corrupt, disk full, I/O error): the cache as a whole, not
    one entry. `corrupt` says whether SQLite found the file damaged."""

    def __init__(self, message: str, *, corrupt: bool = False) -> None:
        super().__init__(message)
        self.corrupt = corrupt
