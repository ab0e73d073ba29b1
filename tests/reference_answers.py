"""Reference answers for the seeds: what a faithful model would reply, written from the gold.

`fixtures/gold/<stem>.json` holds hand annotations of every seed. For one chunk request, the
answer is every gold item whose evidence is a quote of that chunk, in the OpenAI tool-call wire
format. `pytest --update-fixtures` runs `summarizer record` against a loopback server that
answers this way, so the fixtures hold the exact requests the code sends and these answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fake_openai import Reply, Responder, completion

from summarizer.evaluate import Gold, load_gold
from summarizer.grounding import check_move, locate_evidence
from summarizer.models import Move
from summarizer.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO / "seeds"
GOLD_DIR = REPO / "fixtures" / "gold"
FIXTURE_DIR = REPO / "fixtures" / "llm"
REFERENCE_SOURCE = (
    "reference answers written for the seed from its gold annotations "
    "(fixtures/gold/{stem}.json), served by tests/reference_answers.py and recorded with "
    "`summarizer record` through the real openai client; regenerate with "
    "`pytest tests/test_replay.py --update-fixtures`"
)


def seed_golds() -> dict[str, tuple[str, Gold]]:
    """Each seed's stem -> (its text, its gold)."""
    return {
        path.stem: (path.read_text(encoding="utf-8"), load_gold(GOLD_DIR / f"{path.stem}.json"))
        for path in sorted(SEED_DIR.glob("*.txt"))
    }


def chunk_of_request(body: dict[str, Any]) -> str:
    """The chunk text the user message carries (prompts/user.md puts it after 'Text:')."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    return str(user).split("\n", 1)[1]


def answer_for(chunk: str, gold: Gold) -> dict[str, Any]:
    """The MarketSummary arguments that report the gold items quoted in the chunk."""
    moves = []
    for gold_move in gold.moves:
        span = locate_evidence(gold_move.text, chunk)
        if span is None:
            continue
        pct = gold_move.percent
        move = Move(
            instrument=gold_move.instrument,
            ticker=gold_move.ticker,
            direction=gold_move.direction,
            change_pct=None if pct is None else (-pct if gold_move.direction == "down" else pct),
            evidence=gold_move.text,
        )
        if check_move(move, move.evidence) is not None:
            # "2020, 109.31%": the table's lead-in ("gains and losses ... were:") states the
            # direction, so a faithful answer quotes the sentence up to the row
            sentence = next(s for s in split_sentences(chunk, 0, len(chunk)) if s[1] > span[0])
            move = move.model_copy(update={"evidence": chunk[sentence[0] : span[1]]})
        moves.append(move.model_dump(include={"instrument", "ticker", "direction", "change_pct",
                                              "evidence"}))  # fmt: skip
    catalysts = [
        {"summary": c.text[:60], "type": c.type or "other", "evidence": c.text}
        for c in gold.catalysts
        if locate_evidence(c.text, chunk) is not None
    ]
    risks = [
        {"summary": r.text[:60], "type": r.type or "other", "evidence": r.text}
        for r in gold.risks
        if locate_evidence(r.text, chunk) is not None
    ]
    return {"moves": moves, "catalysts": catalysts, "risks": risks}


def reference_responder(seeds: dict[str, tuple[str, Gold]]) -> Responder:
    """Answer each chunk from the gold of the seed the chunk comes from."""

    def respond(body: dict[str, Any]) -> Reply:
        chunk = chunk_of_request(body)
        owners = [gold for text, gold in seeds.values() if chunk in text]
        if not owners:
            return Reply(status=400, body={"error": {"message": "chunk of no seed article"}})
        arguments = json.dumps(answer_for(chunk, owners[0]), ensure_ascii=False)
        # token counts a real server would report, roughly: 4 characters a token of what the
        # model reads, the messages and the schema (as a tool or a response format)
        schema = {k: body[k] for k in ("tools", "response_format") if k in body}
        read = "".join(str(m["content"]) for m in body["messages"]) + json.dumps(schema)
        prompt = len(read) // 4
        return Reply(body=completion(arguments=arguments, prompt_tokens=prompt,
                                     completion_tokens=len(arguments) // 4, model=body["model"]))  # fmt: skip

    return respond
