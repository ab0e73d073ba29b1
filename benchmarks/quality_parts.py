"""Quality per corpus part: the rules engine scored with the shared yardstick, and the LLM gate.

    python benchmarks/quality_parts.py                    # every part, as in benchmarks/README.md
    python benchmarks/quality_parts.py --parts i j        # some of them
    python benchmarks/quality_parts.py --no-gate          # the rules engine only

Each part's articles and gold are copied into a directory of their own, run through
`summarizer run --engine rules`, scored with `score.py` (all moves, then `--percent-only`), and
measured with `summarizer eval --oracle`. Prints one Markdown row per part, the way the tables of
benchmarks/README.md are written. It takes about a minute for all parts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "fixtures" / "corpus"
# the sets of benchmarks/README.md: name -> the file-name prefixes (regular expressions) it holds
PARTS = {
    "seeds": None,
    "tuning": r"[ab]0[1-9]|[ab]1[0-4]",
    "measured": r"[ab]1[5-9]|[ab]20",
    **{letter: letter for letter in "cdefghijklmnop"},
    # part Q: q01-q08 read for development; q09-q16 held out until the fifth session of
    # 2026-11-30, which read them (fixtures/corpus/SOURCES-Q.md)
    "q-read": r"q0[1-8]",
    "q-held-out": r"q09|q1[0-6]",
    # part R: held out until the sixth session of 2026-11-30, which read it; part S: scored
    # unread, then read in that session; part T: held out then, read in the seventh session;
    # parts U and V: that session's held-out sets (fixtures/corpus/SOURCES-U.md, SOURCES-V.md),
    # read in the eighth session; part W: written and read in the eighth session; part X: its
    # held-out set (SOURCES-W.md, SOURCES-X.md), read in the ninth session (2026-12-01); part
    # Y: the ninth session's held-out set (SOURCES-Y.md); parts Z and AA: the tenth's and the
    # eleventh's (SOURCES-Z.md, SOURCES-AA.md)
    "r": "r",
    "s": "s",
    "t": "t",
    "u": "u",
    "v": "v",
    "w": "w",
    "x": "x",
    "y": "y",
    "z": "z",
    "aa": "aa",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", nargs="*", default=list(PARTS), choices=list(PARTS))
    parser.add_argument("--no-gate", action="store_true", help="skip summarizer eval --oracle")
    parser.add_argument(
        "--score",
        type=Path,
        default=REPO.parent / "shared" / "tools" / "score.py",
        help="the shared yardstick (default: ../shared/tools/score.py)",
    )
    args = parser.parse_args()
    if not args.score.is_file():
        print(f"no scorer at {args.score}: pass --score PATH", file=sys.stderr)
        return 2
    print(
        "| set | articles | moves P / R | % moves P / R | catalysts P / R | risks P / R "
        "| gate (`eval --oracle`) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="quality-") as work:
        for part in args.parts:
            row = _measure(part, Path(work) / part, args.score, gate=not args.no_gate)
            print(row, flush=True)
    return 0


def _measure(part: str, where: Path, score: Path, *, gate: bool) -> str:
    articles, gold = _copy(part, where)
    count = len(list(articles.glob("*.txt")))
    out = where / "out"
    # a failed article is reported and scored as missing, as a user would see it
    _run(
        [sys.executable, "-m", "summarizer", "run", str(articles), "--engine", "rules",
         "--out", str(out), "-q"],
        {"SUMMARIZER_CACHE_DIR": str(where / "cache")},
        check=False,
    )  # fmt: skip
    everything = _scores(score, out, gold)
    percent = _scores(score, out, gold, "--percent-only")
    cells = [
        _pair(everything["moves"]),
        _pair(percent["moves"]),
        _pair(everything["catalysts"]),
        _pair(everything["risks"]),
    ]
    gate_cell = ""
    if gate:
        report = json.loads(
            _run(
                [sys.executable, "-m", "summarizer", "eval", "--oracle", "--json", "--gold",
                 str(gold), str(articles)],
                {"SUMMARIZER_CACHE_DIR": str(where / "oracle-cache")},
            )
        )  # fmt: skip
        gate_cell = _gate(report)
    return f"| {part} | {count} | " + " | ".join(cells) + f" | {gate_cell} |"


def _gate(report: dict[str, Any]) -> str:
    """'perfect 0.924 / 1.000 / 1.000 · flip 8.1 % · num 6.9 % · swap 27.6 % (7) · fab 0.0 %': what
    the gate keeps of correct answers (moves / catalysts / risks), and the share of each kind of
    wrong move it lets through, with how many of those still state a fact of the gold."""
    perfect = report["perfect"]
    kept = " / ".join(f"{perfect[kind]['recall']:.3f}" for kind in ("moves", "catalysts", "risks"))
    cells = [f"perfect {kept}"]
    for mode in ("flip", "num", "swap", "fab"):
        result = report[mode]
        true = result.get("true_after_corruption") or 0
        share = 100 * float(result["share"] or 0)
        cells.append(f"{mode} {share:.1f} %" + (f" ({true})" if true else ""))
    return " · ".join(cells)


def _copy(part: str, where: Path) -> tuple[Path, Path]:
    articles, gold = where / "articles", where / "gold"
    articles.mkdir(parents=True)
    gold.mkdir()
    if part == "seeds":
        sources = [(REPO / "seeds", REPO / "fixtures" / "gold")]
    else:
        sources = [(CORPUS / "articles", CORPUS / "gold")]
    pattern = re.compile(rf"(?:{PARTS[part]})") if PARTS[part] else None
    for text_dir, gold_dir in sources:
        for text in sorted(text_dir.glob("*.txt")):
            if pattern is not None and not pattern.match(text.name):
                continue
            shutil.copy(text, articles / text.name)
            shutil.copy(gold_dir / f"{text.stem}.json", gold / f"{text.stem}.json")
    return articles, gold


def _scores(score: Path, out: Path, gold: Path, *extra: str) -> dict[str, dict[str, float]]:
    report: dict[str, dict[str, float]] = json.loads(
        _run([sys.executable, str(score), str(out), str(gold), "--json", *extra], {})
    )
    return report


def _pair(score: dict[str, float]) -> str:
    return f"{score['precision']:.3f} / {score['recall']:.3f}"


def _run(command: list[str], env: dict[str, str], *, check: bool = True) -> str:
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **env}, check=False
    )
    if check and done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


if __name__ == "__main__":
    raise SystemExit(main())
