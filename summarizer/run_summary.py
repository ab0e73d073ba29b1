"""What a `run` or `regenerate` did, in the lines it ends with: made once from the digests'
outlines, printed by the command, and kept in the cache so that `cache stats` repeats exactly
those lines (it counted on its own before, and disagreed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from summarizer.output_folder import NAME_TAKEN
from summarizer.render import DigestOutline

SUMMARY_VERSION = 1

# How a chunk that failed is worded in its digest's warnings (pipeline: chunk_errors).
_FAILED_CHUNK = re.compile(r"chunk [0-9]+ failed: ")
# How a chunk the budget kept from being sent is worded (budget.Budget.refusal).
_OVER_BUDGET = re.compile(r"chunk [0-9]+ failed: not sent: the run's budget of \$([0-9.e+-]+) ")
_STATUSES = ("ok", "partial", "failed")
_ITEMS = ("moves", "catalysts", "risks")


@dataclass(frozen=True)
class RunSummary:
    """The counts a run ends with. Chunks are every article's, those answered from the cache,
    those that failed (an engine error, or a miss when the model may not be asked) and the
    rest, computed by the engine; LLM calls are the requests sent, re-asks and failed ones
    included."""

    command: str
    first_line: str  # the engine line of a run, the "regenerate: ..." line of a regenerate
    out: str
    articles: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    chunks: int = 0
    from_cache: int = 0
    chunks_failed: int = 0
    llm_calls: int = 0
    batched_calls: int = 0
    tokens: int = 0
    cost_usd: float | None = None
    over_budget: int = 0  # chunks not sent: the run's --budget would have been passed
    budget_usd: float | None = None
    renamed: int = 0
    kept: tuple[str, ...] = ()
    per_article_json: int | None = None  # None: no per-article JSON asked for
    written: tuple[str, ...] = ()
    seconds: float = 0.0

    @classmethod
    def of(
        cls,
        outlines: Sequence[DigestOutline],
        *,
        command: str,
        first_line: str,
        out: Path,
        json_files: bool,
        written: Sequence[Path],
        seconds: float,
    ) -> RunSummary:
        costs = [o.cost_usd for o in outlines if o.cost_usd is not None]
        budgets = [m for o in outlines for w in o.warnings if (m := _OVER_BUDGET.match(w))]
        return cls(
            command=command,
            first_line=first_line,
            out=str(out),
            articles=len(outlines),
            statuses={s: sum(o.status == s for o in outlines) for s in _STATUSES},
            items={k: sum(getattr(o, k) for o in outlines) for k in _ITEMS},
            chunks=sum(o.chunks for o in outlines),
            from_cache=sum(o.cache_hits for o in outlines),
            chunks_failed=sum(bool(_FAILED_CHUNK.match(w)) for o in outlines for w in o.warnings),
            llm_calls=sum(o.llm_calls for o in outlines),
            batched_calls=sum(o.batched_calls for o in outlines),
            tokens=sum(o.tokens for o in outlines),
            cost_usd=round(sum(costs), 6) if costs else None,
            over_budget=len(budgets),
            budget_usd=float(budgets[0].group(1)) if budgets else None,
            renamed=sum(any(w.startswith(NAME_TAKEN) for w in o.warnings) for o in outlines),
            kept=tuple(o.file for o in outlines if o.kept and o.file is not None),
            per_article_json=sum(o.file is not None and not o.kept for o in outlines)
            if json_files
            else None,
            written=tuple(p.name for p in written),
            seconds=round(seconds, 2),
        )

    def lines(self) -> list[str]:
        """The lines the command ends with (after any error lines), as `cache stats` repeats
        them."""
        status, items = self.statuses, self.items
        computed = self.chunks - self.from_cache - self.chunks_failed
        lines = [
            f"{self.articles} articles: {status.get('ok', 0)} ok, {status.get('partial', 0)} "
            f"partial, {status.get('failed', 0)} failed · {items.get('moves', 0)} moves, "
            f"{items.get('catalysts', 0)} catalysts, {items.get('risks', 0)} risks",
            f"chunks: {self.chunks} in all, {self.from_cache} answered from the cache, "
            f"{computed} computed by the engine, {self.chunks_failed} failed",
        ]
        if self.llm_calls:
            cost = f" · ${self.cost_usd:.4f}" if self.cost_usd is not None else ""
            batched = (f", {self.batched_calls} of them through the Batch API"
                       if self.batched_calls else "")  # fmt: skip
            lines.append(f"LLM: {self.llm_calls} calls (re-asks and failed calls included"
                         f"{batched}), {self.tokens} tokens{cost}")  # fmt: skip
        if self.over_budget:
            lines.append(f"budget: {self.over_budget} chunks not sent: the run's "
                         f"${self.budget_usd:g} would have been passed; what was done is kept "
                         "(in the digests and the cache: the same command with a larger "
                         "--budget sends only the rest)")  # fmt: skip
        if self.renamed:
            lines.append(f"warning: {self.renamed} articles have the name of another input of "
                         "this run: each is in its own <name>-N.json, and says so in its "
                         "warnings")  # fmt: skip
        if self.kept:
            shown = ", ".join(self.kept[:3]) + (", ..." if len(self.kept) > 3 else "")
            lines.append(f"kept {len(self.kept)} earlier digests in {self.out}/ ({shown}): this "
                         "run failed them, and a failed digest never replaces an ok or partial "
                         "one")  # fmt: skip
        files = [f"{self.per_article_json} per-article JSON"]
        files = [*(files if self.per_article_json is not None else []), *self.written]
        lines.append(f"wrote {self.out}/ ({', '.join(files) or 'nothing'}) in {self.seconds:.2f} s")
        return lines

    def to_record(self) -> dict[str, Any]:
        """The summary as the cache keeps it (JSON)."""
        return asdict(self) | {"summary_version": SUMMARY_VERSION}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> RunSummary | None:
        """The summary the cache kept; None for a record an earlier version kept."""
        if record.get("summary_version") != SUMMARY_VERSION:
            return None
        fields = {k: v for k, v in record.items() if k in cls.__dataclass_fields__}
        fields["kept"] = tuple(fields.get("kept", ()))
        fields["written"] = tuple(fields.get("written", ()))
        try:
            return cls(**fields)
        except TypeError:
            return None
