"""merge: grounding gate, dedupe across chunks, reading order, status."""

from __future__ import annotations

import pytest

from summarizer.merge import DigestInfo, merge_article
from summarizer.models import Article, Catalyst, ChunkSummary, Move

TEXT = "BABA-W surged over 18% today. Earnings beat reignited sentiment. SMIC rose nearly 5%."
ARTICLE = Article(id="a1", text=TEXT)


def move(instrument: str, pct: float, evidence: str, span: tuple[int, int] | None = None) -> Move:
    return Move(instrument=instrument, direction="up", change_pct=pct, evidence=evidence, span=span)


def test_duplicates_from_overlapping_chunks_are_kept_once_in_reading_order() -> None:
    first = ChunkSummary(moves=[move("SMIC", 5.0, "SMIC rose nearly 5%")])
    second = ChunkSummary(
        moves=[
            move("BABA-W", 18.0, "BABA-W surged over 18%"),
            move("SMIC", 5.0, "SMIC rose nearly 5%"),
        ]
    )
    digest = merge_article(ARTICLE, [first, second], DigestInfo(engine="rules", chunks=2))
    assert [m.instrument for m in digest.moves] == ["BABA-W", "SMIC"]
    assert digest.moves[0].span == (0, 22)
    assert digest.status == "ok" and digest.warnings == []


def test_ungrounded_and_wrong_number_items_are_dropped_with_a_warning() -> None:
    summary = ChunkSummary(
        moves=[
            move("BABA-W", 81.0, "BABA-W surged over 18%"),
            move("Nvidia", 3.0, "Nvidia rose 3%"),
        ],
        catalysts=[
            Catalyst(
                summary="earnings", type="earnings", evidence="Earnings beat reignited sentiment"
            )
        ],
    )
    digest = merge_article(ARTICLE, [summary], DigestInfo(engine="llm", chunks=1))
    assert digest.moves == []
    assert len(digest.catalysts) == 1 and digest.catalysts[0].span == (30, 63)
    assert digest.status == "partial"
    assert any("81" in w and "not stated" in w for w in digest.warnings)
    assert any("Nvidia" in w and "not found" in w for w in digest.warnings)


def test_a_stale_span_is_corrected_from_the_evidence() -> None:
    summary = ChunkSummary(moves=[move("SMIC", 5.0, "SMIC rose nearly 5%", span=(0, 10))])
    digest = merge_article(ARTICLE, [summary], DigestInfo(engine="rules", chunks=1))
    start, end = digest.moves[0].span or (0, 0)
    assert TEXT[start:end] == "SMIC rose nearly 5%"


def test_a_span_off_by_one_is_corrected_though_it_contains_the_trimmed_evidence() -> None:
    evidence = "Earnings beat reignited sentiment."
    start = TEXT.index(evidence)
    shifted = (start - 1, start - 1 + len(evidence))  # " Earnings ... sentiment"
    item = Catalyst(summary="earnings", type="earnings", evidence=evidence, span=shifted)
    digest = merge_article(ARTICLE, [ChunkSummary(catalysts=[item])], DigestInfo(engine="llm"))
    assert digest.catalysts[0].span == (start, start + len(evidence))


def test_status_reflects_failed_chunks() -> None:
    some = DigestInfo(engine="llm", chunks=2, chunk_errors=("chunk 1 failed: timeout",))
    every = DigestInfo(engine="llm", chunks=1, chunk_errors=("chunk 0 failed: timeout",))
    assert merge_article(ARTICLE, [ChunkSummary()], some).status == "partial"
    failed = merge_article(ARTICLE, [], every)
    assert failed.status == "failed" and failed.error and "timeout" in failed.error
    assert merge_article(ARTICLE, [], DigestInfo(engine="rules", chunks=0)).status == "failed"


def digest_of_move(text: str, instrument: str, direction: str, pct: float, **fields: str) -> Move:
    item = Move(instrument=instrument, direction=direction, change_pct=pct, evidence=text, **fields)  # type: ignore[arg-type]
    digest = merge_article(
        Article(id="p", text=text), [ChunkSummary(moves=[item])], DigestInfo(engine="llm")
    )
    assert len(digest.moves) == 1, digest.warnings
    return digest.moves[0]


def dropped_for(text: str, instrument: str, direction: str, pct: float, **fields: str) -> list[str]:
    item = Move(instrument=instrument, direction=direction, change_pct=pct, evidence=text, **fields)  # type: ignore[arg-type]
    digest = merge_article(
        Article(id="p", text=text), [ChunkSummary(moves=[item])], DigestInfo(engine="llm")
    )
    assert digest.moves == []
    return digest.warnings


def test_a_number_of_a_longer_period_beside_the_days_is_no_move_that_names_no_period() -> None:
    # invented sentences: the day's number beside the week's, the month's, since year-end
    week = "The Kospi rose 0.4% on Friday and gained 2.3% for the week."
    assert any("week" in w and "0.4%" in w for w in dropped_for(week, "Kospi", "up", 2.3))
    assert digest_of_move(week, "Kospi", "up", 2.3, timeframe="week").timeframe == "week"
    assert digest_of_move(week, "Kospi", "up", 0.4).timeframe == "unspecified"
    month = "Ether slid 6% on Tuesday and is down 18% this month."
    assert any("month" in w for w in dropped_for(month, "Ether", "down", -18))
    ytd = "The Taiex closed 0.7 percent higher, a gain of 9.1 percent from Dec. 31."
    assert any("ytd" in w for w in dropped_for(ytd, "Taiex", "up", 9.1))
    assert digest_of_move(ytd, "Taiex (year to date)", "up", 9.1).change_pct == 9.1


def test_a_direction_the_text_gives_only_an_earlier_day_is_kept_with_that_day() -> None:
    text = "The rand weakened on Tuesday, erasing Monday's gains."
    digest = merge_article(
        Article(id="r", text=text),
        [
            ChunkSummary(
                moves=[Move(instrument="South African rand", direction="up", evidence=text)]
            )
        ],
        DigestInfo(engine="llm"),
    )
    assert [m.timeframe for m in digest.moves] == ["prior_session"]


def test_an_intraday_high_beside_the_close_is_kept_as_the_intraday_high() -> None:
    text = "Copper rose as much as 2.1% before settling 0.8% higher."
    high = digest_of_move(text, "Copper", "up", 2.1)
    assert (high.session, high.timeframe) == ("intraday_high", "unspecified")
    assert digest_of_move(text, "Copper", "up", 0.8).session == "unspecified"


def test_a_period_is_named_from_the_numbers_own_words_and_left_alone_when_claimed() -> None:
    # the week's number alone: its own words say it is the week's, and the digest says so
    alone = "The Kospi gained 2.3% for the week."
    assert digest_of_move(alone, "Kospi", "up", 2.3).timeframe == "week"
    claimed = "The Kospi rose 0.4% on Friday and gained 2.3% over five sessions."
    assert digest_of_move(claimed, "Kospi", "up", 2.3, timeframe="multi_day").timeframe == (
        "multi_day"
    )


def test_a_move_stated_twice_keeps_the_statement_that_says_most() -> None:
    text = "STI rises 1.1%\n\nThe benchmark Straits Times Index (STI) ended 1.1 per cent higher."
    headline = Move(instrument="STI", direction="up", change_pct=1.1, evidence="STI rises 1.1%")
    body = Move(
        instrument="Straits Times Index",
        ticker="STI",
        direction="up",
        change_pct=1.1,
        evidence="Straits Times Index (STI) ended 1.1 per cent higher",
    )
    digest = merge_article(
        Article(id="a", text=text),
        [ChunkSummary(moves=[headline, body])],
        DigestInfo(engine="rules", chunks=1),
    )
    assert [(m.instrument, m.ticker) for m in digest.moves] == [("Straits Times Index", "STI")]


@pytest.mark.parametrize(
    ("headline", "body", "kept"),
    [
        # a title-case headline's whole number for the story's decimals, same name
        (("Orvane", 6.0, "Orvane Slips 6% On Weak Guidance"), ("Orvane", 6.4, "Orvane slid 6.4%"),
         [6.4]),
        # the same number under a name that does not say it is another
        (("Varno Benchmark", 1.44, "Varno Benchmark Sheds 1.44% As Banks Fall"),
         ("Varno All Share Index", 1.44, "the Varno All Share Index fell 1.44 percent"), [1.44]),
        # a headline in sentence case is a sentence: its own number stays
        (("Orvane", 6.0, "Orvane slips 6% on weak guidance"), ("Orvane", 6.4, "Orvane slid 6.4%"),
         [6.0, 6.4]),
        # another instrument's number is no restatement
        (("Gold", 2.0, "Gold Falls 2% As Dollar Firms"), ("silver", 2.3, "silver fell 2.3%"),
         [2.0, 2.3]),
    ],
)  # fmt: skip
def test_a_title_case_headlines_number_the_story_states_is_kept_once(
    headline: tuple[str, float, str], body: tuple[str, float, str], kept: list[float]
) -> None:
    text = f"{headline[2]}\n\nLONDON - {body[2]} on Monday."
    moves = [
        Move(instrument=name, direction="down", change_pct=-pct, evidence=quote)
        for name, pct, quote in (headline, body)
    ]
    digest = merge_article(
        Article(id="a", text=text),
        [ChunkSummary(moves=moves)],
        DigestInfo(engine="rules", chunks=1),
    )
    assert sorted(-m.change_pct for m in digest.moves if m.change_pct is not None) == kept


def test_each_move_gets_the_market_its_ticker_or_the_instrument_list_says() -> None:
    text = "The Hang Seng Index fell 2%. Rio Tinto (ASX:RIO) dropped 3%. Tencent rose 1%."
    summary = ChunkSummary(
        moves=[
            Move(instrument="Hang Seng Index", direction="down", change_pct=-2,
                 evidence="Hang Seng Index fell 2%"),
            Move(instrument="Rio Tinto", ticker="ASX:RIO", direction="down", change_pct=-3,
                 evidence="Rio Tinto (ASX:RIO) dropped 3%"),
            Move(instrument="Tencent", direction="up", change_pct=1, evidence="Tencent rose 1%"),
        ]
    )  # fmt: skip
    digest = merge_article(Article(id="m", text=text), [summary], DigestInfo("rules", chunks=1))
    assert [(m.instrument, m.market) for m in digest.moves] == [
        ("Hang Seng Index", "hong kong"), ("Rio Tinto", "australia"), ("Tencent", None)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "instrument", "quote", "pct", "label"),
    [
        # a model that quotes only the period's own words says which move it means; merge
        # names it
        ("The Kospi rose 0.4% on Friday and gained 2.3% for the week.", "Kospi",
         "gained 2.3% for the week", 2.3, ("timeframe", "week")),
        ("Orvane rose 5% to HK$120, after rising over 6% intraday.", "Orvane",
         "rising over 6% intraday", 6.0, ("session", "intraday")),
    ],
)  # fmt: skip
def test_a_quote_of_a_longer_periods_own_words_is_kept_with_that_period(
    text: str, instrument: str, quote: str, pct: float, label: tuple[str, str]
) -> None:
    item = Move(instrument=instrument, direction="up", change_pct=pct, evidence=quote)
    digest = merge_article(
        Article(id="q", text=text), [ChunkSummary(moves=[item])], DigestInfo(engine="llm")
    )
    field, value = label
    assert [(m.change_pct, getattr(m, field)) for m in digest.moves] == [(pct, value)]


WEEK = "The Orvane Index rose 0.4% on Friday and gained 2.3% for the week."
SINCE_JANUARY = "The Orvane Index slipped 0.3% on Friday but is up 9.1% since January."


@pytest.mark.parametrize(
    ("text", "pct", "period", "name", "timeframe"),
    [
        (WEEK, 2.3, "this week", "Orvane Index", "week"),
        (WEEK, 2.3, "for the week", "Orvane Index", "week"),
        (WEEK, 2.3, None, "Orvane Index (week)", "week"),
        (SINCE_JANUARY, 9.1, "year to date", "Orvane Index", "ytd"),
    ],
)
def test_a_period_the_move_names_in_words_is_kept_and_set_in_its_fields(
    text: str, pct: float, period: str | None, name: str, timeframe: str
) -> None:
    # invented: the model is not asked for the timeframe; it names the period in words, and a
    # move of a longer period's number beside the day's passes only so, its field set from them
    fields = {} if period is None else {"period": period}
    assert digest_of_move(text, name, "up", pct, **fields).timeframe == timeframe


def test_a_period_named_in_words_is_still_checked_against_the_text() -> None:
    # the week's 2.3% claimed as the year's is refused, as a claimed timeframe is
    warnings = dropped_for(WEEK, "Orvane Index", "up", 2.3, period="since January")
    assert any("week" in w for w in warnings)


def test_a_session_the_move_names_in_words_is_set_only_where_the_words_say_which() -> None:
    text = "Kestrel Mining rose as much as 6.1% before closing 2.2% higher."
    high = digest_of_move(text, "Kestrel Mining", "up", 6.1, period="intraday high")
    assert high.session == "intraday_high"
    # "early" may be the open or the morning: the words claim a session, not which one
    early = "Velora shares fell 1.2% early on Tuesday."
    assert digest_of_move(early, "Velora (early)", "down", -1.2).session == "unspecified"


@pytest.mark.parametrize(
    ("text", "pct", "qualifier"),
    [
        ("Orrin Capital rose nearly 4.2% on Monday.", 4.2, "nearly"),
        ("Orrin Capital rose more than 4% on Monday.", 4, "over"),
        ("Orrin Capital rose as much as 4.2% before paring gains.", 4.2, "up_to"),
        ("Orrin Capital rose about four percent on Monday.", 4, "about"),
        ("Orrin Capital rose 4.2% on Monday.", 4.2, "exact"),
    ],
)
def test_a_numbers_qualifier_is_read_from_its_quoted_words(
    text: str, pct: float, qualifier: str
) -> None:
    # the model is not asked for the qualifier: the number's own words say it
    assert digest_of_move(text, "Orrin Capital", "up", pct).qualifier == qualifier


def test_a_qualifier_is_read_only_from_the_moves_own_number() -> None:
    # invented: "nearly" is Tallis's; Orrin's 1.5% is exact, and a model's own qualifier stays
    text = "Tallis jumped nearly 3%, while Orrin Capital added 1.5%."
    assert digest_of_move(text, "Orrin Capital", "up", 1.5).qualifier == "exact"
    assert digest_of_move(text, "Tallis", "up", 3).qualifier == "nearly"
    assert digest_of_move(text, "Tallis", "up", 3, qualifier="about").qualifier == "about"


def _merged(text: str, moves: list[Move]) -> list[tuple[str, float | None]]:
    digest = merge_article(
        Article(id="a", text=text),
        [ChunkSummary(moves=moves)],
        DigestInfo(engine="rules", chunks=1),
    )
    return [(m.instrument, m.change_pct) for m in digest.moves]


def _down(instrument: str, pct: float, evidence: str) -> Move:
    return Move(instrument=instrument, direction="down", change_pct=pct, evidence=evidence)


def test_a_rounded_restatement_of_a_move_is_kept_once_as_the_exact_number() -> None:
    text = "Orvane slumps more than 10%\n\nShares of Orvane slid 14% on Tuesday."
    moves = [
        _down("Orvane", -10.0, "Orvane slumps more than 10%"),
        _down("Orvane", -14.0, "Shares of Orvane slid 14%"),
    ]
    assert _merged(text, moves) == [("Orvane", -14.0)]


@pytest.mark.parametrize(
    ("text", "moves", "kept"),
    [
        # the day named with one statement and not the other
        ("The Varno rand traded 2.7% weaker. The rand slipped nearly 3% on Friday.",
         [_down("Varno rand", -2.7, "The Varno rand traded 2.7% weaker"),
          Move(instrument="Varno rand", direction="down", change_pct=-3.0, qualifier="nearly",
               timeframe="day", evidence="The rand slipped nearly 3% on Friday")],
         ("Varno rand", -2.7)),
        # basis points rounded, of a yield named two ways
        ("The 10-year Varno bond yield fell by more than 8 basis points. The yield on Varno "
         "10-year government bonds fell by 8.5 basis points.",
         [Move(instrument="10-year Varno bond yield", direction="down", change_bp=-8.0,
               qualifier="over", evidence="10-year Varno bond yield fell by more than 8 basis points"),
          Move(instrument="yield on Varno 10-year government bonds", direction="down",
               change_bp=-8.5, evidence="The yield on Varno 10-year government bonds fell by 8.5 basis points")],
         ("yield on Varno 10-year government bonds", None)),
        # a market named by its place, twice
        ("Hong Kong fell 2.31%. Hong Kong tumbled more than two percent.",
         [_down("Hong Kong", -2.31, "Hong Kong fell 2.31%"),
          Move(instrument="Hong Kong", direction="down", change_pct=-2.0, qualifier="over",
               evidence="Hong Kong tumbled more than two percent")],
         ("Hong Kong", -2.31)),
    ],
)  # fmt: skip
def test_a_rounded_restatement_on_another_label_or_of_a_place_is_kept_once(
    text: str, moves: list[Move], kept: tuple[str, float | None]
) -> None:
    assert _merged(text, moves) == [kept]


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        # two contracts
        (
            "December Kestrel crude fell nearly 0.8%. January Kestrel crude lost 0.7%.",
            [
                _down("Kestrel crude", -0.8, "December Kestrel crude fell nearly 0.8%"),
                _down("Kestrel crude", -0.7, "January Kestrel crude lost 0.7%"),
            ],
        ),
        # two quote currencies
        (
            "The pound fell 0.43% against the dollar. Against the euro, it was down about 0.4%.",
            [
                _down("British pound", -0.43, "The pound fell 0.43% against the dollar"),
                _down("British pound (vs euro)", -0.4, "Against the euro, it was down about 0.4%"),
            ],
        ),
        # "about" a number with decimals stands for that number, not for one 0.2 away
        (
            "The Varno peso was down 0.6% on the day. It was down around 0.4% later.",
            [
                _down("Varno peso", -0.6, "The Varno peso was down 0.6%"),
                Move(
                    instrument="Varno peso",
                    direction="down",
                    change_pct=-0.4,
                    qualifier="about",
                    evidence="down around 0.4%",
                ),
            ],
        ),
        # a number too far from the rounded one to be it
        (
            "Orvane fell more than 3%. Orvane later fell 9%.",
            [
                _down("Orvane", -3.0, "Orvane fell more than 3%"),
                _down("Orvane", -9.0, "Orvane later fell 9%"),
            ],
        ),
    ],
)
def test_rounded_numbers_of_other_contracts_currencies_or_sizes_are_kept(
    text: str, moves: list[Move]
) -> None:
    assert len(_merged(text, moves)) == 2


def test_a_currency_named_twice_without_a_number_is_one_move_and_its_low_another() -> None:
    text = (
        "The rouble slid. The Russian rouble was hit hardest, and slipped as low as 99 per dollar."
    )
    moves = [
        Move(instrument="rouble", direction="down", evidence="The rouble slid"),
        Move(instrument="Russian rouble", direction="down", evidence="Russian rouble was hit"),
        Move(instrument="Russian rouble", direction="down", session="intraday_high",
             evidence="slipped as low as 99 per dollar"),
    ]  # fmt: skip
    digest = merge_article(
        Article(id="a", text=text),
        [ChunkSummary(moves=moves)],
        DigestInfo(engine="rules", chunks=1),
    )
    assert [m.session for m in digest.moves] == ["unspecified", "intraday_high"]


def test_each_move_says_whether_its_quote_ties_it_to_its_instrument() -> None:
    text = "Orvane said sales rose. The stock rose 3%. Kestrel rose 2%."
    summary = ChunkSummary(
        moves=[move("Orvane", 3.0, "The stock rose 3%."), move("Kestrel", 2.0, "Kestrel rose 2%.")]
    )
    digest = merge_article(Article(id="c", text=text), [summary], DigestInfo(engine="llm"))
    assert [(m.instrument, m.confirmed) for m in digest.moves] == [
        ("Orvane", False),  # named by a sentence before its quote
        ("Kestrel", True),
    ]
