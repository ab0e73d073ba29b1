"""Contracts as tests: imports point one way, the public API is pinned, the CLI stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import summarizer

PACKAGE = Path(summarizer.__file__).parent
LAYERS = [
    {"errors", "models", "formats", "code_version", "process_watch", "redaction", "html_depth"},
    {"settings", "sentences", "instruments", "days", "picture", "digest_files"},
    {"reading"},
    {"ingest", "clean", "chunking", "grounding", "prompts", "markets"},
    {
        "engines",
        "cache",
        "naming",
        "identity",
        "agreement",
        "render_market",
        "tokens",
        "pricing",
        "batch_store",
        "batch_api",
    },
    {"budget"},
    {"linking"},
    {"merge", "render", "evaluate", "source_text"},
    {"market_picture", "report_view"},
    {"pipeline", "output_folder"},
    {
        "recording",
        "sharding",
        "distributed",
        "oracle",
        "regenerating",
        "run_summary",
        "report_html",
        "estimate",
    },
    {"batching"},  # a batch is checked against the budget with the dry run's estimate
    {"__init__", "cli"},
    {"__main__"},
]
LAYER_OF = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def internal_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("summarizer")
        ):
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("summarizer.")
            )
    return found


def test_imports_point_down() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        module = relative.parts[0] if len(relative.parts) > 1 else path.stem
        for imported in internal_imports(path) - {module}:
            assert LAYER_OF[imported] < LAYER_OF[module], f"{relative} imports {imported}"


def test_public_api_is_sorted_and_complete() -> None:
    assert summarizer.__all__ == sorted(summarizer.__all__)
    assert set(summarizer.__all__) == set(summarizer._HOME_OF)
    for name in summarizer.__all__:
        assert hasattr(summarizer, name)


def imported_by(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of modules a fresh interpreter has loaded after running code."""
    check = f"{code}; import sys; print(sorted(m for m in {modules!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    return ast.literal_eval(done.stdout.strip())


def test_cli_and_offline_path_do_not_import_openai_or_ray() -> None:
    code = (
        "import summarizer.cli, summarizer.pipeline; "
        "from summarizer import summarize; summarize('SMIC rose nearly 5% today.')"
    )
    assert imported_by(code, ("openai", "instructor", "ray")) == []


def test_help_path_imports_no_models_pipeline_or_pydantic() -> None:
    # What `summarizer --help` loads decides its start-up time (benchmarks/bench_help.sh).
    heavy = ("pydantic", "summarizer.models", "summarizer.pipeline", "openai", "ray")
    assert imported_by("import summarizer.cli", heavy) == []


def test_unknown_attribute_of_the_package_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        summarizer.no_such_name  # noqa: B018


def test_a_quiet_run_does_not_import_rich(tmp_path: Path) -> None:
    # with no bar to draw, its import would be a tenth of a cached run's start-up
    article = tmp_path / "a.txt"
    article.write_text("SMIC rose nearly 5% today.", encoding="utf-8")
    code = (
        "from click.testing import CliRunner; from summarizer.cli import cli; "
        f"r = CliRunner().invoke(cli, ['run', {str(article)!r}, '--out', {str(tmp_path / 'o')!r},"
        " '--no-cache', '-q']); assert r.exit_code == 0, r.output"
    )
    assert imported_by(code, ("rich", "rich.progress")) == []


def test_only_an_html_report_imports_jinja2(tmp_path: Path) -> None:
    # Jinja2 and the templates cost a run that writes no report.html nothing
    article = tmp_path / "a.txt"
    article.write_text("SMIC rose nearly 5% today.", encoding="utf-8")

    def run(formats: list[str]) -> str:
        flags = ", ".join(f"'--format', {f!r}" for f in formats)
        return (
            "from click.testing import CliRunner; from summarizer.cli import cli; "
            f"r = CliRunner().invoke(cli, ['run', {str(article)!r}, '--out', "
            f"{str(tmp_path / 'o')!r}, '--no-cache', '-q', {flags}]); "
            "assert r.exit_code == 0, r.output"
        )

    assert imported_by(run(["json", "md", "csv", "jsonl"]), ("jinja2",)) == []
    assert imported_by(run(["html"]), ("jinja2",)) == ["jinja2"]
