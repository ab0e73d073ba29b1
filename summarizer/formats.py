"""Output formats of `run` and `regenerate`, apart from render so the CLI starts without it."""

from __future__ import annotations

from typing import Literal

OutputFormat = Literal["json", "jsonl", "md", "csv", "html"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "md", "csv", "html")
DEFAULT_FORMATS: tuple[OutputFormat, ...] = ("json", "md")

# An output folder's record of what it holds (output_folder.py), in JSON. A hidden name, so no
# input's digest can be named so and a directory input skips it as every hidden file; and no
# ".json" suffix, so that a script's Path.glob("*.json"), which matches hidden files, finds the
# digests alone.
MANIFEST_NAME = ".summarizer-manifest"

# The batch outputs' file names, and how each file summarizer writes begins (render.py writes
# them): a directory input leaves out what it finds of them (ingest.LeftOut).
REPORT_NAME = "digest.md"
JSONL_NAME = "digests.jsonl"
CSV_NAME = "moves.csv"
REPORT_HTML_NAME = "report.html"
DIGEST_JSON_START = b'{\n  "schema_version": '
DIGESTS_JSONL_START = b'{"schema_version": '
REPORT_START = b"# Market news digest\n"
REPORT_HTML_START = b"<!DOCTYPE html>\n<!-- report.html, written by summarizer -->\n"
