"""Name a version of the code by what it is, so a cache key can never outlive the code."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType


def source_version(prefix: str, *parts: ModuleType | Path) -> str:
    """A hash of the modules' source files (and of data files the code reads).

    Cache keys built from it change with any edit to that code, with no version number to
    forget to bump (a forgotten bump would serve answers of the old code). A package counts
    with every module in it.
    """
    digest = hashlib.sha256()
    for part in parts:
        for path in _files(part):
            digest.update(path.read_bytes())
    return f"{prefix}-{digest.hexdigest()[:12]}"


def _files(part: ModuleType | Path) -> list[Path]:
    if isinstance(part, Path):
        return [part]
    source = Path(part.__file__ or "")
    if source.name == "__init__.py":
        return sorted(source.parent.glob("*.py"))
    return [source]
