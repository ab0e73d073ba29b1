"""Output formats of `run` and `regenerate`, apart from render so the CLI starts without it."""

from __future__ import annotations

from typing import Literal

# "market": the cross-article picture as market.json. Asked for, not by default: a script's
# glob of "*.json" in an output folder finds the digests alone unless the run was asked for it.
# "html": report.html, the page of the picture and the articles (report_html.py).
OutputFormat = Literal["json", "jsonl", "md", "csv", "market", "html"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "md", "csv", "market", "html")
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
# The cross-article picture (market_picture.py): `run` and `regenerate` write market.json with
# --format market, `summarizer market` writes it and market.md. An input named market.txt gets
# market-2.json (naming.py): its digest must not take the picture's name.
MARKET_JSON_NAME = "market.json"
MARKET_MD_NAME = "market.md"
MARKET_STEM = "market"
# `summarizer market --format`: html is report.html
MarketFormat = Literal["json", "md", "html"]
MARKET_FORMATS: tuple[MarketFormat, ...] = ("json", "md", "html")
DEFAULT_MARKET_FORMATS: tuple[MarketFormat, ...] = ("json", "md")
DIGEST_JSON_START = b'{\n  "schema_version": '
DIGESTS_JSONL_START = b'{"schema_version": '
REPORT_START = b"# Market news digest\n"
REPORT_HTML_START = b"<!DOCTYPE html>\n<!-- report.html, written by summarizer -->\n"
