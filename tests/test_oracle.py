"""oracle: the stand-in model's answers, the stand-in on the wire, and the gate it measures.

The harness runs the real pipeline and the real openai client against the stand-in on loopback.
The corpus tests assert the targets of issue 13 (part 4); while the gate is being improved some
of them fail, and their messages carry the numbers.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from conftest import REPO, SEEDS
from openai.types.chat import ChatCompletionMessageFunctionToolCall

from summarizer.evaluate import Gold
from summarizer.models import Article, Move
from summarizer.oracle import (
    ModeResult,
    StandInModel,
    answer_chunk,
    articles_with_gold,
    chunk_of_request,
    gold_entries,
    measure_gate,
    render_gate_text,
    sentence_around,
    serve_stand_in,
    states_a_gold_fact,
)
from summarizer.settings import Settings

CORPUS = REPO / "fixtures" / "corpus"

TEXT = (
    "Stocks rallied after Beijing announced fresh property support measures. The Hang Seng "
    "Index rose 1.6% to 25,000, while the Hang Seng Tech Index gained 2.8%. Tencent was flat.\n"
    "The 10-year yield rose 6 basis points to 4.31%. Analysts warned that the rally could fade."
)
GOLD = Gold.model_validate(
    {
        "moves": [
            {"instrument": "Hang Seng Index", "direction": "up", "percent": 1.6,
             "text": "The Hang Seng Index rose 1.6%"},
            {"instrument": "Hang Seng Tech Index", "ticker": "HSTECH", "direction": "up",
             "percent": 2.8, "text": "the Hang Seng Tech Index gained 2.8%"},
            {"instrument": "Tencent", "direction": "flat", "text": "Tencent was flat"},
            {"instrument": "US 10-year Treasury yield", "direction": "up", "bp": 6,
             "text": "The 10-year yield rose 6 basis points"},
        ],
        "catalysts": [{"text": "after Beijing announced fresh property support measures",
                       "type": "government_policy"}],
        "risks": [{"text": "Analysts warned that the rally could fade"}],
    }
)  # fmt: skip
HSI_SENTENCE = (
    "The Hang Seng Index rose 1.6% to 25,000, while the Hang Seng Tech Index gained 2.8%."
)


def answer(mode: Any, golds: tuple[Gold, ...] = (GOLD,), chunk: str = TEXT) -> dict[str, Any]:
    return answer_chunk(chunk, gold_entries(golds), mode)


def moves_by_instrument(mode: Any) -> dict[str, dict[str, Any]]:
    return {m["instrument"]: m for m in answer(mode)["moves"]}


# --- the answers ------------------------------------------------------------------------------


def test_evidence_is_the_sentence_around_the_gold_text() -> None:
    assert sentence_around(TEXT, "The Hang Seng Index rose 1.6%") == HSI_SENTENCE
    assert sentence_around(TEXT, "Tencent was flat") == "Tencent was flat."  # ends at the line
    assert sentence_around(TEXT, "Analysts warned") == (
        "Analysts warned that the rally could fade."
    )
    assert sentence_around(TEXT, "not in it") == "not in it"


def test_perfect_answers_give_every_gold_item_quoted_in_the_chunk_once() -> None:
    got = answer("perfect", golds=(GOLD, GOLD))  # an item in two gold files is answered once
    assert got["moves"] == [
        {"instrument": "Hang Seng Index", "ticker": None, "direction": "up", "change_pct": 1.6,
         "evidence": HSI_SENTENCE},
        {"instrument": "Hang Seng Tech Index", "ticker": "HSTECH", "direction": "up",
         "change_pct": 2.8, "evidence": HSI_SENTENCE},
        {"instrument": "Tencent", "ticker": None, "direction": "flat", "change_pct": None,
         "evidence": "Tencent was flat."},
        {"instrument": "US 10-year Treasury yield", "ticker": None, "direction": "up",
         "change_pct": None, "change_bp": 6.0,
         "evidence": "The 10-year yield rose 6 basis points to 4.31%."},
    ]  # fmt: skip
    assert got["catalysts"] == [
        {"summary": "after Beijing announced fresh property support measures", "type": "other",
         "evidence": "Stocks rallied after Beijing announced fresh property support measures."}
    ]  # fmt: skip
    assert [r["evidence"] for r in got["risks"]] == ["Analysts warned that the rally could fade."]
    assert answer("perfect", chunk="Tencent was flat.") == {
        "moves": [{"instrument": "Tencent", "ticker": None, "direction": "flat",
                   "change_pct": None, "evidence": "Tencent was flat."}],
        "catalysts": [], "risks": [],
    }  # fmt: skip


def test_a_gold_text_is_found_whatever_the_spacing_and_quotes() -> None:
    gold = Gold.model_validate({"moves": [{"instrument": "BYD", "direction": "down",
                                           "percent": 3, "text": "BYD's shares fell 3%"}]})  # fmt: skip
    (move,) = answer("perfect", golds=(gold,), chunk="BYD\u2019s  shares\nfell 3% today.")["moves"]
    # not a verbatim quote, so the evidence is the gold text, as the yardstick sends it
    assert move["change_pct"] == -3.0 and move["evidence"] == "BYD's shares fell 3%"


def test_flip_reverses_direction_and_sign_and_leaves_out_what_cannot_flip() -> None:
    got = answer("flip")
    assert got["catalysts"] == [] and got["risks"] == []
    moves = {m["instrument"]: m for m in got["moves"]}
    assert set(moves) == {"Hang Seng Index", "Hang Seng Tech Index", "US 10-year Treasury yield"}
    assert (moves["Hang Seng Index"]["direction"], moves["Hang Seng Index"]["change_pct"]) == (
        "down",
        -1.6,
    )
    # a wrong move carries no basis points, as in the yardstick
    assert moves["US 10-year Treasury yield"] == {
        "instrument": "US 10-year Treasury yield", "ticker": None, "direction": "down",
        "change_pct": None, "evidence": "The 10-year yield rose 6 basis points to 4.31%.",
    }  # fmt: skip


def test_num_takes_the_first_other_number_of_the_sentence_under_100() -> None:
    moves = moves_by_instrument("num")
    # "1.6% to 25,000": 25 is the first number that is not 1.6; no percent, no wrong number
    assert {k: m["change_pct"] for k, m in moves.items()} == {
        "Hang Seng Index": 25.0,
        "Hang Seng Tech Index": 1.6,
    }
    one_number = Gold.model_validate({"moves": [{"instrument": "SMIC", "direction": "down",
                                                 "percent": 5, "text": "SMIC fell 5%"}]})  # fmt: skip
    assert (
        answer("num", golds=(one_number,), chunk="SMIC fell 5%, or 5.04%, to 120 yuan.")["moves"]
        == []
    )


def test_swap_gives_the_fact_to_another_instrument_of_the_sentence() -> None:
    moves = answer("swap")["moves"]
    assert [(m["instrument"], m["ticker"], m["change_pct"]) for m in moves] == [
        ("Hang Seng Tech Index", "HSTECH", 1.6),
        ("Hang Seng Index", None, 2.8),
    ]  # Tencent and the yield have no rival in their sentences
    assert all(m["evidence"] == HSI_SENTENCE for m in moves)


def test_fab_makes_a_number_up_for_moves_with_a_percent() -> None:
    moves = moves_by_instrument("fab")
    assert {k: m["change_pct"] for k, m in moves.items()} == {
        "Hang Seng Index": 2.3,  # round(1.6 * 1.37 + 0.11, 2)
        "Hang Seng Tech Index": 3.95,
    }


def test_a_wrong_answer_that_states_another_gold_fact_is_told_apart() -> None:
    gold = Gold.model_validate({"moves": [
        {"instrument": "Brent", "direction": "up", "percent": 2.2, "text": "2.2 percent on Friday"},
        {"instrument": "Brent", "direction": "up", "percent": 3.4, "text": "3.4 percent on Thursday"},
        {"instrument": "Alibaba", "direction": "up", "percent": 4, "text": "jumped nearly 4 per cent"},
    ]})  # fmt: skip

    def move(name: str, direction: str, pct: float | None) -> Move:
        return Move(instrument=name, direction=direction, change_pct=pct, evidence="x")  # type: ignore[arg-type]

    assert states_a_gold_fact(move("Brent", "up", 3.4), gold)  # num: Thursday's number
    assert states_a_gold_fact(move("Alibaba", "up", None), gold)  # swap of a null move
    assert not states_a_gold_fact(move("Brent", "up", 2.7), gold)
    assert not states_a_gold_fact(move("Brent", "down", -2.2), gold)  # flip
    assert not states_a_gold_fact(move("Alibaba Group", "up", None), gold)
    weekly = Gold.model_validate({"moves": [
        {"instrument": "Kospi (week)", "direction": "up", "percent": 2.3, "text": "2.3% this week"},
    ]})  # fmt: skip
    dated = move("Kospi", "up", 2.3)
    assert states_a_gold_fact(dated.model_copy(update={"timeframe": "week"}), weekly)
    assert not states_a_gold_fact(dated, weekly)  # without its period it reads as the day's
    # a move's own parentheses beside the session merge gave it from its words
    paired = Gold.model_validate({"moves": [
        {"instrument": "Varno peso (vs dollar, intraday)", "direction": "down", "percent": 0.9,
         "text": "fell as much as 0.9 percent"},
    ]})  # fmt: skip
    low = move("Varno peso (vs dollar)", "down", -0.9)
    assert states_a_gold_fact(low.model_copy(update={"session": "intraday_high"}), paired)
    assert not states_a_gold_fact(low, paired)
    assert not states_a_gold_fact(
        move("Varno peso (vs euro)", "down", -0.9).model_copy(update={"session": "intraday_high"}),
        paired,
    )


def test_the_chunk_is_read_from_the_user_message_even_after_a_json_reask() -> None:
    first = {"messages": [{"role": "system", "content": "Extract."},
                          {"role": "user", "content": "Text:\nSMIC fell 5%."}]}  # fmt: skip
    assert chunk_of_request(first) == "\nSMIC fell 5%."
    reask = {"messages": [*first["messages"], {"role": "assistant", "content": "{}"},
                          {"role": "user", "content": "Correct your JSON: validation error"}]}  # fmt: skip
    assert chunk_of_request(reask) == "\nSMIC fell 5%."
    parts = {"messages": [{"role": "user", "content": [{"type": "text", "text": "SMIC rose."}]}]}
    assert chunk_of_request(parts) == "SMIC rose."


# --- on the wire ------------------------------------------------------------------------------


def test_the_stand_in_answers_the_openai_client_with_a_tool_call_or_json_content() -> None:
    model = StandInModel([GOLD], "perfect")
    messages: Any = [{"role": "user", "content": "Text:\n" + TEXT}]
    tools: Any = [{"type": "function", "function": {"name": "MarketSummary", "parameters": {}}}]
    with serve_stand_in(model) as base_url:
        client = openai.OpenAI(base_url=base_url, api_key="sk-test", max_retries=0)
        assert [m.id for m in client.models.list()] == ["oracle"]
        called = client.chat.completions.create(model="oracle", messages=messages, tools=tools)
        schema: Any = {"type": "json_schema", "json_schema": {"name": "MarketSummary"}}
        content = client.chat.completions.create(
            model="oracle", messages=messages, response_format=schema
        )
        client.close()
    (call,) = called.choices[0].message.tool_calls or []
    assert isinstance(call, ChatCompletionMessageFunctionToolCall)
    assert call.function.name == "MarketSummary" and called.choices[0].finish_reason == "tool_calls"
    assert json.loads(call.function.arguments) == answer("perfect")
    assert json.loads(content.choices[0].message.content or "") == answer("perfect")
    assert (model.requests, model.moves_sent) == (2, 8)


@pytest.fixture(scope="module")
def seed_pairs() -> list[tuple[Article, Gold]]:
    pairs, left_out = articles_with_gold([str(SEEDS)], REPO / "fixtures" / "gold")
    assert len(pairs) == 5 and left_out == []
    return pairs


def test_the_harness_runs_every_mode_on_the_seeds(seed_pairs: list[tuple[Article, Gold]]) -> None:
    results = {r.mode: r for r in measure_gate(seed_pairs)}
    print(render_gate_text(list(results.values())))
    assert list(results) == ["perfect", "flip", "num", "swap", "fab"]
    assert all(r.articles == 5 and r.failed == 0 for r in results.values())
    perfect = results["perfect"].scores
    assert perfect is not None and perfect.overall["moves"].tp > 0
    assert perfect.overall["moves"].tp + perfect.overall["moves"].fn == 94  # every gold move
    for mode in ("flip", "num", "swap", "fab"):
        assert results[mode].scores is None and results[mode].moves_sent > 0, mode
        assert len(results[mode].let_through_moves) == results[mode].let_through
        assert 0 <= results[mode].let_through_confirmed <= results[mode].let_through
    # keeping only confirmed moves keeps fewer correct ones, and no move the gate dropped
    confirmed = results["perfect"].confirmed_scores
    assert confirmed is not None
    assert 0 < confirmed.overall["moves"].tp <= perfect.overall["moves"].tp
    assert confirmed.overall["moves"].tp + confirmed.overall["moves"].fn == 94


def test_the_harness_gives_the_same_numbers_in_json_schema_mode(
    seed_pairs: list[tuple[Article, Gold]],
) -> None:
    def numbers(mode: Any) -> list[tuple[Any, ...]]:
        results = measure_gate(seed_pairs, ["perfect", "flip"], Settings(mode=mode))
        return [
            (r.moves_sent, r.let_through, r.scores and r.scores.overall, r.let_through_moves)
            for r in results
        ]

    # json_schema re-asks with a user message: the stand-in still answers the chunk
    assert numbers("json_schema") == numbers("tools")


# --- the targets, on the corpus ---------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_gate() -> Iterator[dict[str, ModeResult]]:
    pairs, left_out = articles_with_gold([str(CORPUS / "articles")], CORPUS / "gold")
    # articles still waiting for their gold (being added) are left out, nothing else
    assert len(pairs) >= 61 and all("no gold file" in reason for reason in left_out)
    # instructor logs every failed validation at ERROR: thousands of lines in a failure report
    quiet = logging.getLogger("instructor")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        results = measure_gate(pairs)
    finally:
        quiet.setLevel(level)
    print(render_gate_text(results))
    yield {r.mode: r for r in results}


def report_line(result: ModeResult) -> str:
    return render_gate_text([result]).strip()


# Issue #13's targets, and the floor each is held to today. A floor is the measured figure less a
# small margin, so a change that makes the gate worse fails here; a target not yet reached is kept
# as a strict xfail, so the day it is reached the test says so and the floor moves up to it.
# Measured 2026-12-01 (eleventh session, d42bc74) on 448 corpus articles (parts A-AA; E to AA
# were each written after the gate was tuned on the parts before them, and their first-look
# figures are in benchmarks/README.md; part AA is that session's held-out set): perfect moves
# 0.9662 (of 4,850), catalysts 1.000, risks 1.000; let through: flip 4.1% (199 of 4,805), num
# 2.0% (48 of 2,406), swap 6.7% (111 of 1,662), fab 0% (of which true facts of the gold, which
# the yardstick counts all the same: flip 27, num 21, swap 48). The 432 of A-Z gave the same
# figures at the session's start (94f6646) and end: perfect 0.9706, flip 4.0%, num 1.9%, swap
# 6.1%; the floors fell with part AA alone, which gives perfect 0.859, flip 7.0%, num 4.5%, swap
# 17.5% (the same at the session's start and end).
KEPT = {"moves": (0.964, 0.98), "catalysts": (0.99, 0.95), "risks": (0.99, 0.95)}
STOPPED = {"flip": (0.043, 0.05), "num": (0.021, 0.05), "swap": (0.068, 0.05), "fab": (0.0, 0.0)}
# the moves let through that are wrong (not a fact of the gold): flip 3.6%, num 1.1%, swap 3.8%
WRONG = {"flip": 0.037, "num": 0.012, "swap": 0.039, "fab": 0.0}


def perfect_recall(corpus_gate: dict[str, ModeResult], kind: str) -> tuple[float, str]:
    perfect = corpus_gate["perfect"]
    assert perfect.scores is not None and perfect.failed == 0
    return perfect.scores.overall[kind].recall, report_line(perfect)


def let_through_share(corpus_gate: dict[str, ModeResult], mode: str) -> tuple[float, str]:
    result = corpus_gate[mode]
    assert result.failed == 0 and result.moves_sent > 0
    share = result.let_through / result.moves_sent
    return share, report_line(result) + "\n" + "\n".join(result.let_through_moves)


@pytest.mark.parametrize("kind", list(KEPT))
def test_perfect_answers_are_kept_at_least_as_well_as_today(
    corpus_gate: dict[str, ModeResult], kind: str
) -> None:
    recall, report = perfect_recall(corpus_gate, kind)
    assert recall >= KEPT[kind][0], f"{kind} recall {recall:.3f} < {KEPT[kind][0]}: {report}"


@pytest.mark.parametrize("mode", list(STOPPED))
def test_wrong_answers_are_stopped_at_least_as_well_as_today(
    corpus_gate: dict[str, ModeResult], mode: str
) -> None:
    share, report = let_through_share(corpus_gate, mode)
    assert share <= STOPPED[mode][0], f"{mode}: {share:.1%} let through: {report}"


# Keeping only confirmed moves (DigestMove.confirmed), measured with the figures above: perfect
# moves 0.7682; let through flip 1.48%, num 0.87%, swap 3.67%, fab 0% (on part AA alone: 0.662,
# 1.1%, 4.5%, 6.3%).
CONFIRMED_KEPT = 0.760
CONFIRMED_STOPPED = {"flip": 0.016, "num": 0.010, "swap": 0.039, "fab": 0.0}


def test_confirmed_moves_alone_keep_three_quarters_of_perfect_answers(
    corpus_gate: dict[str, ModeResult],
) -> None:
    confirmed = corpus_gate["perfect"].confirmed_scores
    assert confirmed is not None
    recall = confirmed.overall["moves"].recall
    assert recall >= CONFIRMED_KEPT, report_line(corpus_gate["perfect"])


@pytest.mark.parametrize("mode", list(CONFIRMED_STOPPED))
def test_confirmed_moves_let_through_fewer_wrong_answers(
    corpus_gate: dict[str, ModeResult], mode: str
) -> None:
    result = corpus_gate[mode]
    share = result.let_through_confirmed / result.moves_sent
    assert result.let_through_confirmed <= result.let_through
    assert share <= CONFIRMED_STOPPED[mode], f"{mode}: {share:.1%}: {report_line(result)}"


@pytest.mark.parametrize("mode", list(WRONG))
def test_wrong_facts_let_through_stay_few(corpus_gate: dict[str, ModeResult], mode: str) -> None:
    result = corpus_gate[mode]
    wrong = (result.let_through - result.true_after_corruption) / result.moves_sent
    assert 0 <= result.true_after_corruption <= result.let_through
    assert wrong <= WRONG[mode], (
        f"{mode}: {wrong:.1%} wrong facts let through: {report_line(result)}"
    )


def _target(kind: str, reached_today: bool) -> Any:
    if reached_today:
        return kind
    return pytest.param(kind, marks=pytest.mark.xfail(strict=True, reason="target not reached yet"))


@pytest.mark.parametrize(
    "kind", [_target("moves", False), _target("catalysts", True), _target("risks", True)]
)
def test_perfect_answers_are_kept_to_the_target(
    corpus_gate: dict[str, ModeResult], kind: str
) -> None:
    recall, report = perfect_recall(corpus_gate, kind)
    assert recall >= KEPT[kind][1], f"{kind} recall {recall:.3f} < {KEPT[kind][1]}: {report}"


@pytest.mark.parametrize(
    "mode",
    [_target("flip", True), _target("num", True), _target("swap", False), _target("fab", True)],
)
def test_wrong_answers_are_stopped_to_the_target(
    corpus_gate: dict[str, ModeResult], mode: str
) -> None:
    share, report = let_through_share(corpus_gate, mode)
    assert share <= STOPPED[mode][1], f"{mode}: {share:.1%} let through: {report}"
