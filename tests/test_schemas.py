"""The checked-in JSON Schemas equal what the models export (`summarizer schema` rewrites them)."""

from __future__ import annotations

from conftest import REPO

from summarizer.cli import schema_files


def test_checked_in_schemas_match_the_models() -> None:
    for path, text in schema_files(REPO / "schemas").items():
        assert path.exists(), f"{path.name} missing: run `summarizer schema`"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} drifted: run `summarizer schema`"
        )
