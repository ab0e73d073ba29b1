"""A stand-in model that answers from gold, and the harness that measures the LLM gate with it.

The stand-in is an OpenAI-compatible server on loopback. For each chat-completions request it
answers with the gold items whose `text` occurs in the request's chunk, either faithfully
(`perfect`) or with every move wrong in one way:

- `flip`: direction and sign reversed (flat moves cannot be flipped);
- `num`: the first other number of the evidence sentence (differing by more than 0.06, under 100);
- `swap`: the fact given to another gold instrument whose gold text is in the same sentence;
- `fab`: a number the text never states, round(percent * 1.37 + 0.11, 2).

In the corrupt modes catalysts and risks are left out, and so is a move that cannot be made wrong
that way (no percent for num and fab, no other number, no rival instrument). Evidence is the whole
sentence around the gold text, as a good model would quote it.

Running the real pipeline against it measures the grounding gate: with perfect answers, what the
pipeline keeps of them (recall against the same gold; re-asks happen, and are answered the same);
with wrong ones, how many of the moves sent reach the digests (no re-asks). Every rule follows
the shared workspace's external yardstick (tools/oracle_llm.py and tools/oracle_eval.py), so the
numbers are comparable; only the perfect-mode scoring is the project's own (`evaluate`).
"""

from __future__ import annotations

import http.server
import json
import re
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import SecretStr

from summarizer import instruments
from summarizer.evaluate import (
    CATEGORIES,
    EvalReport,
    Gold,
    GoldItem,
    GoldMove,
    aggregate,
    describe_item,
    evaluate_digest,
    gold_name_for,
    load_gold,
)
from summarizer.grounding import session_claimed, timeframe_claimed
from summarizer.ingest import InputFailure, read_articles
from summarizer.models import Article, ArticleDigest, Move
from summarizer.pipeline import summarize_many
from summarizer.settings import Settings

OracleMode = Literal["perfect", "flip", "num", "swap", "fab"]
ORACLE_MODES: tuple[OracleMode, ...] = ("perfect", "flip", "num", "swap", "fab")
ORACLE_MODEL = "oracle"
_API_KEY = "sk-oracle"  # the openai client wants one; the stand-in never reads it

Answer = dict[str, list[dict[str, Any]]]
"""A MarketSummary as JSON: moves, catalysts and risks."""

_WHITESPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


# --- the stand-in's answers (pure) ------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntry:
    """One gold item and its category ('moves', 'catalysts' or 'risks')."""

    kind: str
    item: GoldMove | GoldItem


def gold_entries(golds: Sequence[Gold]) -> list[GoldEntry]:
    """Every item of golds, gold by gold, and in each its moves, catalysts, then risks.

    The order is the yardstick's (gold files in name order): it decides the order of an answer's
    items and which rival a swap takes.
    """
    return [
        GoldEntry(kind, item)
        for gold in golds
        for kind in CATEGORIES
        for item in getattr(gold, kind)
    ]


def chunk_of_request(body: Mapping[str, Any]) -> str:
    """The chunk a chat-completions body asks about: what follows 'Text:' (prompts/user.md) in
    the last user message that has it, else the last user message.

    Not simply the last user message: in the json modes instructor re-asks with the error as a
    new user message (in tools mode, as a tool message), and the answer must stay the chunk's.
    """
    users = [
        _text_of(m.get("content")) for m in body.get("messages") or [] if m.get("role") == "user"
    ]
    text = next((u for u in reversed(users) if "Text:" in u), users[-1] if users else "")
    at = text.find("Text:")
    return text[at + 5 :] if at >= 0 else text


def _text_of(content: Any) -> str:
    if isinstance(content, list):  # content parts
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return str(content or "")


def sentence_around(chunk: str, text: str) -> str:
    """The sentence of chunk that holds text: from after the previous '. ' or line break to the
    next '. ' (kept) or line break; text itself when the chunk does not hold it verbatim."""
    at = chunk.find(text)
    if at < 0:
        return text
    after_stop = chunk.rfind(". ", 0, at)
    start = max(after_stop + 2 if after_stop >= 0 else 0, chunk.rfind("\n", 0, at) + 1)
    past = at + len(text)
    ends = [j for j in (chunk.find(". ", past), chunk.find("\n", past)) if j >= 0]
    end = min(ends) + 1 if ends else len(chunk)
    return chunk[start:end].strip()


def answer_chunk(chunk: str, entries: Sequence[GoldEntry], mode: OracleMode = "perfect") -> Answer:
    """The stand-in's answer to one chunk: the gold items whose text the chunk holds
    (whitespace and typographic quotes aside), each once, in the given mode."""
    answer: Answer = {kind: [] for kind in CATEGORIES}
    in_chunk = _normalised(chunk)
    seen: set[tuple[str, str]] = set()
    gold_moves = [e.item for e in entries if isinstance(e.item, GoldMove)]
    for entry in entries:
        text = entry.item.text
        key = (entry.kind, entry.item.model_dump_json())
        if not text or _normalised(text) not in in_chunk or key in seen:
            continue
        seen.add(key)
        evidence = sentence_around(chunk, text)
        if isinstance(entry.item, GoldMove):
            made = (
                faithful_move(entry.item, evidence)
                if mode == "perfect"
                else corrupt_move(entry.item, evidence, mode, gold_moves)
            )
            if made is not None:
                answer["moves"].append(made)
        elif mode == "perfect":
            # the type is not what is measured: evaluate matches catalysts and risks on evidence
            answer[entry.kind].append({"summary": text[:80], "type": "other", "evidence": evidence})
    return answer


def faithful_move(gold: GoldMove, evidence: str) -> dict[str, Any]:
    """A gold move as a correct answer: percent (and basis points, when gold has them) signed
    by the direction."""
    move = _move(gold, evidence, gold.direction, gold.percent)
    if gold.bp is not None:
        move["change_bp"] = _signed(gold.bp, gold.direction)
    return move


def corrupt_move(
    gold: GoldMove, evidence: str, mode: OracleMode, gold_moves: Sequence[GoldMove]
) -> dict[str, Any] | None:
    """One wrong version of a gold move, or None where this kind of error cannot be made.

    As in the yardstick, a wrong move carries no change_bp: only change_pct is made wrong.
    """
    percent, direction = gold.percent, gold.direction
    if mode == "flip":
        flipped = {"up": "down", "down": "up"}.get(direction)
        return None if flipped is None else _move(gold, evidence, flipped, percent)
    if mode == "num":
        if percent is None:
            return None
        others = [
            float(x) for x in _NUMBER.findall(evidence)
            if abs(float(x) - percent) > 0.06 and float(x) < 100
        ]  # fmt: skip
        return _move(gold, evidence, direction, others[0]) if others else None
    if mode == "fab":
        if percent is None:
            return None
        return _move(gold, evidence, direction, round(percent * 1.37 + 0.11, 2))
    if mode == "swap":
        rivals = [
            g for g in gold_moves
            if g.text and g.instrument != gold.instrument and g.text in evidence
            and g.text != gold.text and g.percent != percent
        ]  # fmt: skip
        if not rivals:
            return None
        return _move(gold, evidence, direction, percent) | {
            "instrument": rivals[0].instrument,
            "ticker": rivals[0].ticker,
        }
    raise ValueError(f"not a corruption: {mode!r}")


def _move(gold: GoldMove, evidence: str, direction: str, percent: float | None) -> dict[str, Any]:
    return {
        "instrument": gold.instrument,
        "ticker": gold.ticker,
        "direction": direction,
        "change_pct": None if percent is None else _signed(percent, direction),
        "evidence": evidence,
    }


def _signed(magnitude: float, direction: str) -> float:
    return -abs(magnitude) if direction == "down" else abs(magnitude)


def _normalised(text: str) -> str:
    return _WHITESPACE.sub(" ", text.translate(_QUOTES)).strip()


# --- the stand-in on the wire -----------------------------------------------------------------


class StandInModel:
    """The stand-in's state: the gold it answers from, its mode, and what it has sent.

    Safe to call from the server's threads.
    """

    def __init__(self, golds: Sequence[Gold], mode: OracleMode = "perfect") -> None:
        self.mode = mode
        self.entries = gold_entries(golds)
        self.requests = 0
        self.moves_sent = 0
        self._lock = threading.Lock()

    def respond(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """A chat.completion body answering a request body: a tool call when the request has
        tools, else the JSON as message content (json, json_schema and md_json modes)."""
        answer = answer_chunk(chunk_of_request(body), self.entries, self.mode)
        with self._lock:
            self.requests += 1
            self.moves_sent += len(answer["moves"])
        payload = json.dumps(answer)
        tools = body.get("tools") or []
        if tools:
            function = {"name": tools[0]["function"]["name"], "arguments": payload}
            call = {"id": "call_1", "type": "function", "function": function}
            message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [call]}
            finish = "tool_calls"
        else:
            message, finish = {"role": "assistant", "content": payload}, "stop"
        return {
            "id": "chatcmpl-oracle",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", ORACLE_MODEL),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # the default backlog of 5 refuses some of a batch's connections opened at once
    request_queue_size = 128


def _handler_for(model: StandInModel) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body go out in two writes: with Nagle on, each answer waits ~40 ms
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            self._send(200, {"object": "list", "data": [{"id": ORACLE_MODEL, "object": "model"}]})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                self._send(400, {"error": {"message": "the body is not JSON"}})
                return
            self._send(200, model.respond(body))

        def _send(self, status: int, obj: Any) -> None:
            data = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            pass  # a request line per chunk on stderr would bury the report

    return Handler


@contextmanager
def serve_stand_in(model: StandInModel) -> Iterator[str]:
    """Serve model on 127.0.0.1 (a free port) in a background thread; yields the base URL
    ('http://127.0.0.1:PORT/v1') and stops the server when the block ends."""
    server = _Server(("127.0.0.1", 0), _handler_for(model))
    thread = threading.Thread(target=server.serve_forever, name="oracle-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- the harness ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModeResult:
    """What one mode's run gave.

    `scores` (perfect mode only) matches the digests against the gold the stand-in answered
    from. `moves_sent` counts the moves of every answer, re-asks included; `let_through` the
    moves in the digests, with `let_through_moves` describing them ('<article>: <move>'), and
    `true_after_corruption` those of them that state a fact the gold also holds (a swap of two
    null moves going the same way, a number of another gold move of the same name, or one whose
    period merge set as the gold's name says it): the yardstick counts them as let through, but
    they are not wrong. `confirmed_scores` and `let_through_confirmed` are the same counts for
    the moves whose quote itself ties them to their instrument (`DigestMove.confirmed`): what a
    user who keeps only those gets.
    """

    mode: OracleMode
    articles: int
    failed: int
    seconds: float
    requests: int
    moves_sent: int
    let_through: int
    scores: EvalReport | None = None
    let_through_moves: tuple[str, ...] = ()
    true_after_corruption: int = 0
    # the same, counting only moves whose quote the reading confirms (DigestMove.confirmed)
    confirmed_scores: EvalReport | None = None
    let_through_confirmed: int = 0

    @property
    def share(self) -> float | None:
        """The share of the moves sent that reached the digests (None when none was sent)."""
        return self.let_through / self.moves_sent if self.moves_sent else None


def articles_with_gold(
    paths: Sequence[str], gold_dir: Path
) -> tuple[list[tuple[Article, Gold]], list[str]]:
    """The articles of paths that have a gold file in gold_dir (<article stem>.json), each with
    its gold, in input order; and, in words, the inputs left out (unreadable or without gold)."""
    pairs: list[tuple[Article, Gold]] = []
    left_out: list[str] = []
    for item in read_articles(paths):
        if isinstance(item, InputFailure):
            left_out.append(str(item))
            continue
        gold_path = gold_dir / f"{gold_name_for(item.source_path or '')}.json"
        if gold_path.is_file():
            pairs.append((item, load_gold(gold_path)))
        else:
            left_out.append(f"{item.source_path}: no gold file {gold_path}")
    return pairs, left_out


def measure_gate(
    pairs: Sequence[tuple[Article, Gold]],
    modes: Sequence[OracleMode] = ORACLE_MODES,
    settings: Settings | None = None,
) -> list[ModeResult]:
    """Run the llm engine against the stand-in over every article, once per mode.

    pairs: each article with its gold; the stand-in answers from all their gold. settings: the
    run's other settings (mode, chunking, concurrency, and max_retries for the perfect mode);
    the endpoint, model, key and cache are the harness's: a fresh cache per mode in a temporary
    directory, and no re-asks for the corrupt modes (a re-ask would only be answered the same).
    """
    base = settings or Settings()
    golds = [gold for _, gold in pairs]
    return [_run_mode(pairs, StandInModel(golds, mode), base) for mode in modes]


def _run_mode(
    pairs: Sequence[tuple[Article, Gold]], model: StandInModel, base: Settings
) -> ModeResult:
    articles = [article for article, _ in pairs]
    with (
        tempfile.TemporaryDirectory(prefix="summarizer-oracle-") as cache_dir,
        serve_stand_in(model) as url,
    ):
        settings = base.with_overrides(
            engine="llm", base_url=url, model=ORACLE_MODEL, api_key=SecretStr(_API_KEY),
            use_cache=True, cache_dir=Path(cache_dir), refresh=False, cache_only=False,
            max_retries=base.max_retries if model.mode == "perfect" else 0,
        )  # fmt: skip
        started = time.perf_counter()
        digests = summarize_many(articles, settings)
        seconds = time.perf_counter() - started
    scores = confirmed_scores = None
    if model.mode == "perfect":
        scores = aggregate(
            [evaluate_digest(d, gold, a.text) for d, (a, gold) in zip(digests, pairs, strict=True)]
        )
        confirmed_scores = aggregate(
            [
                evaluate_digest(_confirmed_only(d), gold, a.text)
                for d, (a, gold) in zip(digests, pairs, strict=True)
            ]
        )
    return ModeResult(
        mode=model.mode,
        articles=len(digests),
        failed=sum(d.status == "failed" for d in digests),
        seconds=round(seconds, 2),
        requests=model.requests,
        moves_sent=model.moves_sent,
        let_through=sum(len(d.moves) for d in digests),
        scores=scores,
        confirmed_scores=confirmed_scores,
        let_through_confirmed=sum(bool(m.confirmed) for d in digests for m in d.moves),
        let_through_moves=tuple(_describe_moves(digests)) if model.mode != "perfect" else (),
        true_after_corruption=0
        if model.mode == "perfect"
        else sum(
            states_a_gold_fact(move, gold)
            for digest, (_, gold) in zip(digests, pairs, strict=True)
            for move in digest.moves
        ),
    )


def _confirmed_only(digest: ArticleDigest) -> ArticleDigest:
    return digest.model_copy(update={"moves": [m for m in digest.moves if m.confirmed]})


def states_a_gold_fact(move: Move, gold: Gold) -> bool:
    """Whether a move says what one of the gold moves says: same direction, the same number or
    none, and the same name, or the gold's name without the period or session the move carries
    in its fields ('Shanghai Composite' with timeframe week is 'Shanghai Composite (week)')."""
    return any(
        g.direction == move.direction
        and (
            move.change_pct is None
            or (g.percent is not None and abs(abs(move.change_pct) - g.percent) <= 0.005)
        )
        and (g.instrument == move.instrument or _same_when(move, g.instrument))
        for g in gold.moves
    )


def _same_when(move: Move, gold_name: str) -> bool:
    """Whether the gold name is the move's with the period or session the move has in its
    fields: 'Shanghai Composite (week)' for 'Shanghai Composite' with timeframe week."""
    bare = re.sub(r"\s*\([^)]*\)", "", gold_name).strip()
    if bare == gold_name or bare != re.sub(r"\s*\([^)]*\)", "", move.instrument).strip():
        return False
    # what the move's own parentheses say the gold's say too: 'Japanese yen (vs dollar)' with
    # session intraday_high is 'Japanese yen (vs dollar, intraday high)'
    if not _hints(move.instrument) <= _hints(gold_name):
        return False
    named = move.model_copy(update={"instrument": gold_name, "timeframe": "unspecified",
                                    "session": "unspecified"})  # fmt: skip
    sessions = session_claimed(named) or ()
    return (move.timeframe != "unspecified" and timeframe_claimed(named) == move.timeframe) or (
        move.session != "unspecified" and move.session in sessions
    )


def _hints(name: str) -> set[str]:
    """The labels a name's parentheses give, one by one: 'X (vs dollar, intraday)' ->
    {'vs dollar', 'intraday'}."""
    labels = (h.strip().lower() for part in instruments.hint_parts(name) for h in part.split(","))
    return {label for label in labels if label}


def _describe_moves(digests: Sequence[ArticleDigest]) -> Iterator[str]:
    for digest in digests:
        name = gold_name_for(digest.source_path or digest.id)
        for move in digest.moves:
            yield f"{name}: {describe_item(move)}"  # a wrong move carries no change_bp


# --- the report -------------------------------------------------------------------------------


def render_gate_text(results: Sequence[ModeResult]) -> str:
    """One line per mode: recall and precision by category for perfect answers; for wrong ones,
    the moves let through out of those sent."""
    lines = []
    for r in results:
        run = f"{r.articles} articles, {r.failed} failed, {r.seconds:.1f} s"
        if r.scores is not None:
            cells = " · ".join(
                f"{kind} R {s.recall:.3f} P {s.precision:.3f} ({s.tp}/{s.tp + s.fn})"
                for kind, s in r.scores.overall.items()
            )
            lines.append(f"{r.mode:<8} {cells} · {run}")
            if r.confirmed_scores is not None:
                s = r.confirmed_scores.overall["moves"]
                lines.append(
                    f"{'':<8} confirmed moves only: R {s.recall:.3f} P {s.precision:.3f} "
                    f"({s.tp}/{s.tp + s.fn})"
                )
        else:
            share = "n/a" if r.share is None else f"{r.share:.1%}"
            true = (
                f", {r.true_after_corruption} of them true facts of the gold"
                if r.true_after_corruption
                else ""
            )
            confirmed = (
                "n/a"
                if not r.moves_sent
                else f"{r.let_through_confirmed} ({r.let_through_confirmed / r.moves_sent:.1%})"
            )
            lines.append(
                f"{r.mode:<8} let through {r.let_through} of {r.moves_sent} wrong moves sent "
                f"({share}{true}), confirmed {confirmed} · {run}"
            )
    return "\n".join(lines) + "\n"


def gate_report_to_json(results: Sequence[ModeResult]) -> dict[str, Any]:
    """The results as plain data, by mode, with the yardstick's keys (recall, precision, sent,
    let_through, share) and the detail behind them (misses, the moves let through)."""
    report: dict[str, Any] = {}
    for r in results:
        entry: dict[str, Any] = {"articles": r.articles, "failed": r.failed,
                                 "seconds": r.seconds, "requests": r.requests}  # fmt: skip
        if r.scores is not None:
            for kind, s in r.scores.overall.items():
                entry[kind] = {"recall": round(s.recall, 4), "precision": round(s.precision, 4),
                               "tp": s.tp, "fp": s.fp, "fn": s.fn}  # fmt: skip
            if r.confirmed_scores is not None:
                s = r.confirmed_scores.overall["moves"]
                entry["confirmed_moves"] = {"recall": round(s.recall, 4),
                                            "precision": round(s.precision, 4),
                                            "tp": s.tp, "fp": s.fp, "fn": s.fn}  # fmt: skip
            entry["misses"] = {
                a.name: {k: v for k, v in a.misses.items() if v}
                for a in r.scores.articles
                if any(a.misses.values())
            }
        else:
            share = None if r.share is None else round(r.share, 4)
            confirmed_share = (
                round(r.let_through_confirmed / r.moves_sent, 4) if r.moves_sent else None
            )
            entry |= {"sent": r.moves_sent, "let_through": r.let_through, "share": share,
                      "true_after_corruption": r.true_after_corruption,
                      "let_through_confirmed": r.let_through_confirmed,
                      "confirmed_share": confirmed_share,
                      "let_through_moves": list(r.let_through_moves)}  # fmt: skip
        report[r.mode] = entry
    return report
