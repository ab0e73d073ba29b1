"""The README against the code: every command and flag, every Basis value and CSV column."""

from __future__ import annotations

import re
import typing

import click
import pytest
from conftest import REPO

from summarizer.cli import cli
from summarizer.models import Session, Timeframe
from summarizer.render import MOVE_COLUMNS

README = (REPO / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        found[f"{prefix}{name}"] = command
        if isinstance(command, click.Group):
            found |= commands(command, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize("name", sorted(commands(cli)))
def test_every_command_and_each_of_its_flags_is_in_the_readme(name: str) -> None:
    assert f"`{name}" in README, name
    command = commands(cli)[name]
    for flag in flags(command):
        assert mentioned(flag), f"{name} {flag}"


def flags(command: click.Command) -> list[str]:
    return [f for p in command.params for f in (*p.opts, *p.secondary_opts) if f.startswith("-")]


def mentioned(flag: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", README) is not None


def test_the_top_level_flags_are_in_the_readme() -> None:
    assert flags(cli) == ["--version"]  # and -h/--help, which click adds to every command
    assert all(mentioned(f) for f in ("--version", "-h", "--help"))


@pytest.mark.parametrize(
    "value",
    [v for v in (*typing.get_args(Session), *typing.get_args(Timeframe)) if v != "unspecified"],
)
def test_every_basis_value_is_explained(value: str) -> None:
    basis = README.split("- **Basis**", 1)[1].split("- **Evidence**", 1)[0]
    assert f"`{value}`" in basis, value


def test_every_csv_column_is_listed() -> None:
    csv_part = README.split("- **CSV.**", 1)[1].split("\n- ", 1)[0]
    for column in MOVE_COLUMNS:
        assert f"`{column}`" in csv_part, column
