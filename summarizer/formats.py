"""Output formats of `run` and `regenerate`, apart from render so the CLI starts without it."""

from __future__ import annotations

from typing import Literal

OutputFormat = Literal["json", "jsonl", "md", "csv"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "md", "csv")
DEFAULT_FORMATS: tuple[OutputFormat, ...] = ("json", "md")
