"""The prompt templates (shipped as package data) and PROMPT_VERSION, a hash of their bytes.

The article text is never formatted into a template: the user template keeps `{{ chunk }}`, which
instructor renders from the validation context, so braces in an article survive untouched.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

from summarizer.errors import ConfigError

TEMPLATE_NAMES = ("system.md", "user.md")


def _template_dir(directory: Path | None) -> Path:
    """directory, else summarizer/_prompts in a wheel, else prompts/ in a source checkout."""
    if directory is not None:
        return directory
    packaged = Path(str(resources.files("summarizer"))) / "_prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


@cache
def load_template(name: str, directory: Path | None = None) -> str:
    """The text of one template, e.g. load_template("system.md"), from directory if given."""
    path = _template_dir(directory) / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read prompt template {path}: {exc.strerror}") from exc


@cache
def prompt_version(directory: Path | None = None) -> str:
    """A short hash of every template: it changes whenever a prompt's bytes change."""
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(name.encode() + b"\0" + load_template(name, directory).encode() + b"\0")
    return "p1-" + digest.hexdigest()[:12]


def chunk_messages(directory: Path | None = None) -> list[dict[str, str]]:
    """The chat messages for one chunk, with `{{ chunk }}` left for instructor to render."""
    return [
        {"role": "system", "content": load_template("system.md", directory).strip()},
        {"role": "user", "content": load_template("user.md", directory).strip()},
    ]
