"""Name a version of the code by what it is, so a cache key can never outlive the code."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType


def source_version(prefix: str, *modules: ModuleType) -> str:
    """A hash of the modules' source files.

    Cache keys built from it change with any edit to that code, with no version number to
    forget to bump (a forgotten bump would serve answers of the old code).
    """
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__ or "").read_bytes())
    return f"{prefix}-{digest.hexdigest()[:12]}"
