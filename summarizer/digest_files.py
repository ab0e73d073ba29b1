"""Digests read back from what `run` wrote: a folder of `<name>.json`, one digest file, or a
`digests.jsonl`. Anything else is refused by name, with what was expected."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import InputError
from summarizer.formats import JSONL_NAME, MARKET_JSON_NAME
from summarizer.models import ArticleDigest

_PICTURE_KIND = "market_picture"


def read_digests(paths: Sequence[Path]) -> list[ArticleDigest]:
    """Every digest the paths hold, in the order given (a folder's files by name).

    A folder gives its `*.json` digests (the picture `market.json` and hidden files left out),
    else its `digests.jsonl`; a file is one digest (`.json`) or one per line (`.jsonl`).
    InputError naming the path when a file is no digest or a folder holds none."""
    digests: list[ArticleDigest] = []
    for path in paths:
        digests.extend(_digests_in(path))
    return digests


def _digests_in(path: Path) -> Iterator[ArticleDigest]:
    if path.is_dir():
        yield from _folder(path)
    elif path.suffix.lower() == ".jsonl":
        yield from _lines(path)
    else:
        digest = _file(path)
        if digest is None:
            raise InputError(f"{path}: a market picture, not a digest: give the digests' folder")
        yield digest


def _folder(folder: Path) -> Iterator[ArticleDigest]:
    files = sorted(
        p
        for p in folder.glob("*.json")
        if not p.name.startswith(".") and p.name != MARKET_JSON_NAME and p.is_file()
    )
    if not files and (folder / JSONL_NAME).is_file():
        yield from _lines(folder / JSONL_NAME)
        return
    found = [d for d in (_file(p) for p in files) if d is not None]
    if not found:
        raise InputError(
            f"{folder}/ holds no digests: `summarizer run` writes one <name>.json per article "
            f"(or {JSONL_NAME} with --format jsonl)"
        )
    yield from found


def _file(path: Path) -> ArticleDigest | None:
    """The digest a file holds; None for a market picture (run writes one beside digests)."""
    try:
        raw = json.loads(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InputError(f"{path}: not JSON, so no digest ({exc})") from exc
    if isinstance(raw, dict) and raw.get("kind") == _PICTURE_KIND:
        return None
    return _digest(raw, str(path))


def _lines(path: Path) -> Iterable[ArticleDigest]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                raw = json.loads(line)
            except ValueError as exc:
                raise InputError(f"{path}, line {number}: not JSON ({exc})") from exc
            yield _digest(raw, f"{path}, line {number}")


def _digest(raw: object, where: str) -> ArticleDigest:
    if not (isinstance(raw, dict) and "schema_version" in raw and "engine" in raw):
        what = "a gold annotation" if isinstance(raw, dict) and "moves" in raw else "JSON"
        raise InputError(
            f"{where}: {what}, not a digest (a digest, as `summarizer run` writes it, has "
            "schema_version, id, engine, status, moves...)"
        )
    try:
        return ArticleDigest.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{where}: not a valid digest: {field}: {first['msg']}") from exc
