"""Output formats of `run` and `regenerate`, apart from render so the CLI starts without it."""

from __future__ import annotations

from typing import Literal

OutputFormat = Literal["json", "jsonl", "md", "csv"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "md", "csv")
DEFAULT_FORMATS: tuple[OutputFormat, ...] = ("json", "md")

# An output folder's record of what it holds (output_folder.py), in JSON. A hidden name, so no
# input's digest can be named so and a directory input skips it as every hidden file; and no
# ".json" suffix, so that a script's Path.glob("*.json"), which matches hidden files, finds the
# digests alone.
MANIFEST_NAME = ".summarizer-manifest"
