"""reading: the phrasings of issues 13 and 14, one invented sentence each.

Each case states what a careful reader takes from the sentence: who moved, which way, by how much,
and on what basis. A case the reading gets wrong today is kept and marked `xfail(strict=True)`
with the reason, so that it documents the requirement and turns red when it is met.
"""

from __future__ import annotations

import pytest

from summarizer import instruments
from summarizer.engines.rules import summarize_text
from summarizer.reading import Fact, read_sentence, resolve, stated_numbers
from summarizer.reading.language import is_english
from summarizer.reading.periods import When, when_named

Stated = tuple[str | None, str, float | None]


def _name(fact: Fact) -> str | None:
    return fact.mention.name if fact.mention is not None else None


def numbered(sentence: str) -> list[Stated]:
    """(instrument, direction, percent) of every fact the sentence states with a number."""
    return [(_name(f), f.direction, f.pct) for f in read_sentence(sentence).facts if f.has_number]


def directions(sentence: str) -> set[tuple[str | None, str]]:
    """(instrument, direction) of every realised price fact, with or without a number."""
    return {
        (_name(f), f.direction) for f in read_sentence(sentence).facts if f.realised and f.price
    }


def only_fact(sentence: str) -> Fact:
    """The one fact a sentence states with a number."""
    facts = [f for f in read_sentence(sentence).facts if f.has_number]
    assert len(facts) == 1, facts
    return facts[0]


def moves(text: str) -> list[tuple[str, str, float | None]]:
    return [
        (m.instrument, m.direction, m.change_pct) for m in summarize_text(text, 0, len(text)).moves
    ]


def _xfail(*values: object, reason: str) -> object:
    """A case that fails today: it documents the requirement until the reading meets it."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- lists, "respectively", gapping and parenthetical lists ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unilever, Diageo and Reckitt each rose 1.4%.",
         [("Unilever", "up", 1.4), ("Diageo", "up", 1.4), ("Reckitt", "up", 1.4)]),
        ("Fanuc, Keyence and SMC all fell 2.2% in Tokyo.",
         [("Fanuc", "down", 2.2), ("Keyence", "down", 2.2), ("SMC", "down", 2.2)]),
        ("Sony and Nintendo rose 1.2% and 3.4%, respectively.",
         [("Sony", "up", 1.2), ("Nintendo", "up", 3.4)]),
        ("Repsol and Eni lost 0.8% and 1.5% respectively on Thursday.",
         [("Repsol", "down", 0.8), ("Eni", "down", 1.5)]),
        # an aside between dashes, with a hyphen of its own
        ("Orsted and Vestas - the two worst-hit stocks - dropped 6.1% and 4.3%, respectively.",
         [("Orsted", "down", 6.1), ("Vestas", "down", 4.3)]),
        ("Hitachi rose 2% and Fanuc 3%.", [("Hitachi", "up", 2.0), ("Fanuc", "up", 3.0)]),
        ("Top gainers were Delta Air Lines (6.1%), Carnival (4.4%) and Expedia (2.8%).",
         [("Delta Air Lines", "up", 6.1), ("Carnival", "up", 4.4), ("Expedia", "up", 2.8)]),
        ("Among decliners: Santos (-3.3%), Woodside (-1.7%).",
         [("Santos", "down", 3.3), ("Woodside", "down", 1.7)]),
    ],
)  # fmt: skip
def test_lists_give_one_fact_per_instrument(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


# --- number forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The S&P/TSX composite index rose 112.3 points, or 0.5%.",
         [("S&P/TSX composite index", "up", 0.5)]),
        ("The Dow Jones Industrial Average rose 318.7 points, or 0.8 percent, to 41,250.3.",
         [("Dow Jones Industrial Average", "up", 0.8)]),
        ("The Dow gained 145 points, or 0.4%.", [("Dow", "up", 0.4)]),
        ("Brent crude settled up $1.07, or 1.3 percent, at $82.44 a barrel.",
         [("Brent crude", "up", 1.3)]),
        ("WTI crude settled up $0.85, or 1.1%.", [("WTI crude", "up", 1.1)]),
        ("Bitcoin climbed $2,350, or 3.6%, to $67,900.", [("Bitcoin", "up", 3.6)]),
        ("Copper climbed two percent on Tuesday.", [("Copper", "up", 2.0)]),
        ("Silver rose one and a half percent.", [("Silver", "up", 1.5)]),
        ("The pound fell about one percent against the dollar.", [("pound", "down", 1.0)]),
        ("The Kospi lost three-quarters of a per cent.", [("Kospi", "down", 0.75)]),
        ("Kering was off 6.3% in Paris.", [("Kering", "down", 6.3)]),
        ("Burberry was 2.6% weaker in London.", [("Burberry", "down", 2.6)]),
        ("The CAC 40 ended 1.3 percent higher.", [("CAC 40", "up", 1.3)]),
        ("The FTSE 250 was 0.6 percent lower.", [("FTSE 250", "down", 0.6)]),
    ],
)  # fmt: skip
def test_number_forms(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


def test_qualifier_of_a_spelled_number() -> None:
    assert only_fact("The pound fell about one percent against the dollar.").qualifier == "about"


@pytest.mark.parametrize(
    ("text", "percents", "points"),
    [
        ("up two percent", [2.0], []),
        ("nearly three-quarters of a per cent", [0.75], []),
        ("rose 187.6 points, or 0.5 percent", [0.5], []),
        ("a rise of twenty-five basis points", [], [25.0]),
        ("half a percentage point higher", [], [50.0]),
        ("fell 12 bps, while the index lost 1.5%", [1.5], [12.0]),
        ("BP fell 2.4pc", [2.4], []),
        # a fraction of one percent, in words or in one glyph
        ("down three-quarters of 1 percent", [0.75], []),
        ("off ¾ of 1 per cent", [0.75], []),
        ("about half of one percent", [0.5], []),
        ("rose 2¼ percent, then fell ½%", [2.25, 0.5], []),
    ],
)  # fmt: skip
def test_stated_numbers(text: str, percents: list[float], points: list[float]) -> None:
    assert stated_numbers(text) == (percents, points)


# --- move verbs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shares of Hermes slipped 1.3% in Paris.", [("Hermes", "down", 1.3)]),
        ("The Hang Seng eased 0.4% by midday.", [("Hang Seng", "down", 0.4)]),
        ("Unilever dipped 0.8%.", [("Unilever", "down", 0.8)]),
        ("Siemens edged up 0.2%.", [("Siemens", "up", 0.2)]),
        ("Bayer edged lower by 0.3%.", [("Bayer", "down", 0.3)]),
        ("Novartis shed 2.2%.", [("Novartis", "down", 2.2)]),
        ("Apple gave up 5%.", [("Apple", "down", 5.0)]),
        ("Airbus put on 3.3%.", [("Airbus", "up", 3.3)]),
        ("Ferrari tacked on 1.7%.", [("Ferrari", "up", 1.7)]),
        ("Sea Ltd dived 8%.", [("Sea Ltd", "down", 8.0)]),
        ("Nio, which dived 5.8 percent, dragged on the sector.", [("Nio", "down", 5.8)]),
        ("Woodside sagged 1.9% in Sydney.", [("Woodside", "down", 1.9)]),
        ("Glencore came under pressure, losing 2.4%.", [("Glencore", "down", 2.4)]),
        ("Tesco bucked the trend, rising 0.9%.", [("Tesco", "up", 0.9)]),
        ("The Nasdaq pared losses to close down 0.2%.", [("Nasdaq", "down", 0.2)]),
        ("Netflix pared its gain to 1.1%.", [("Netflix", "up", 1.1)]),
        ("The Stoxx 600 eased 0.2% as the euro firmed 0.3%.",
         [("Stoxx 600", "down", 0.2), ("euro", "up", 0.3)]),
    ],
)  # fmt: skip
def test_move_verbs(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The yuan was firmer against the dollar.", {("yuan", "up")}),
        ("The rupee was weaker in early trade.", {("rupee", "down")}),
        ("China's CSI 300 was little changed.", {("CSI 300", "flat")}),
        ("Banks came under pressure on Monday.", {("Banks", "down")}),
    ],
)
def test_moves_without_a_number(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


# --- instrument names and tickers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "ticker", "direction", "pct"),
    [
        ("Shares of Nvidia fell 4% in late trading.", "Nvidia", None, "down", 4.0),
        ("Tencent (0700.HK) fell 2%.", "Tencent", "0700.HK", "down", 2.0),
        ("Microsoft Corp. (NASDAQ: MSFT) rose 1.5%.", "Microsoft Corp.", "NASDAQ:MSFT", "up", 1.5),
        ("Geely Automobile (0175:HK), off 3.6%, was the weakest carmaker.",
         "Geely Automobile", "0175:HK", "down", 3.6),
        ("The dollar weakened 0.4% against the Swiss franc.", "dollar", None, "down", 0.4),
        ("The euro fell 0.3% to $1.0740.", "euro", None, "down", 0.3),
        # a sentence's first adverb is no name
        ("Similarly, Wolfram Mining ended 1.95% higher.", "Wolfram Mining", None, "up", 1.95),
        ("Markets slid after Orvane, the bourse's heaviest stock, lost 2.2 percent.",
         "Orvane", None, "down", 2.2),
        # a lower-case word that makes the name another index is part of the name
        ("The bank Nifty index fell 0.8% on Friday.", "bank Nifty index", None, "down", 0.8),
        # descriptions between "shares of" and the name
        ("Shares of Dutch chipmaker Velmora slid 2.1% in Amsterdam.", "Velmora", None, "down", 2.1),
        # "On Tuesday" is when, not a preposition taking the name as its object
        ("On Tuesday the Kospi closed at a decade high, rising by 1.7 percent.",
         "Kospi", None, "up", 1.7),
    ],
)  # fmt: skip
def test_the_subject_is_the_instrument(
    sentence: str, name: str, ticker: str | None, direction: str, pct: float
) -> None:
    fact = only_fact(sentence)
    assert fact.mention is not None
    assert (fact.mention.name, fact.mention.ticker, fact.direction, fact.pct) == (
        name, ticker, direction, pct
    )  # fmt: skip


def test_futures_named_with_their_market_are_a_commodity() -> None:
    fact = only_fact("Iron ore futures in Singapore fell 2.5%.")
    assert fact.mention is not None
    assert (fact.mention.name, fact.direction, fact.pct) == ("Iron ore futures", "down", 2.5)
    assert instruments.kind_of(fact.mention.name) == "commodity"


def test_a_yield_keeps_the_country_that_owns_it() -> None:
    fact = only_fact("Spain's 10-year bond yield was up 3 bps at 3.1%.")
    assert fact.mention is not None
    assert (fact.mention.name, fact.bp) == ("Spain's 10-year bond yield", 3.0)
    assert instruments.compare(fact.mention.name, "Italian 10-year yield") == "different"


@pytest.mark.parametrize(
    ("sentence", "name", "direction", "bp"),
    [
        (
            "The 10-year Bund yield climbed 6 basis points to 2.61%.",
            "10-year Bund yield",
            "up",
            6.0,
        ),
        ("The two-year Treasury yield fell 12 bps.", "two-year Treasury yield", "down", 12.0),
    ],
)
def test_basis_points(sentence: str, name: str, direction: str, bp: float) -> None:
    fact = only_fact(sentence)
    assert fact.mention is not None
    assert (fact.mention.name, fact.direction, fact.bp, fact.pct) == (name, direction, bp, None)
    assert instruments.kind_of(fact.mention.name) == "bond"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Nikkei 225 rose 1.1%.", "index"),
        ("The Kospi fell 0.7%.", "index"),
        ("The ASX 200 added 0.5%.", "index"),
        ("The Dow slipped 0.2%.", "index"),
        ("Toyota shares rose 1.9%.", "stock"),
    ],
)
def test_kind_of_the_subject(sentence: str, kind: str) -> None:
    fact = only_fact(sentence)
    assert fact.mention is not None
    assert instruments.kind_of(fact.mention.name) == kind


def test_toyota_shares_name_toyota() -> None:
    fact = only_fact("Toyota shares rose 1.9%.")
    assert fact.mention is not None and fact.mention.name == "Toyota"


def test_an_msci_gauge_is_an_index_not_the_stock_msci() -> None:
    fact = only_fact("An MSCI gauge of Asia-Pacific shares outside Japan slipped 0.5%.")
    assert fact.mention is not None
    assert fact.mention.name == "MSCI gauge of Asia-Pacific shares outside Japan"
    assert instruments.kind_of(fact.mention.name) == "index"


def test_a_short_msci_gauge_keeps_its_name() -> None:
    fact = only_fact("An MSCI gauge of Asian shares edged up 0.1%.")
    assert fact.mention is not None
    assert fact.mention.name == "MSCI gauge of Asian shares"
    assert instruments.kind_of(fact.mention.name) == "index"


# --- what is not a move ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect Tesla to gain 20% next year.",
        "Quarterly revenue rose 26% to $4.1 billion.",
        "Strategists warn the Nasdaq could fall another 5%.",
        "The new price target implies 15% upside for Airbnb.",
        "US CPI rose 0.4% in March.",
        "UK consumer prices rose 0.5% in June.",
    ],
)  # fmt: skip
def test_not_moves(text: str) -> None:
    assert moves(text) == []


def test_a_forecast_is_read_but_not_realised() -> None:
    fact = only_fact("Analysts expect Tesla to gain 20% next year.")
    assert (fact.realised, fact.forecast) == (False, True)
    assert only_fact("Strategists warn the Nasdaq could fall another 5%.").realised is False


def test_a_rise_in_a_figure_named_far_after_it_is_not_a_price() -> None:
    (fact, *_) = read_sentence(
        "Kestrel, the country's biggest software exporter, reported a 9.8 per cent rise in "
        "September quarter consolidated net profit but trimmed its forecast."
    ).facts
    assert (fact.pct, fact.price) == (9.8, False)


def test_a_fundamental_is_not_a_price() -> None:
    assert all(
        not f.price for f in read_sentence("Quarterly revenue rose 26% to $4.1 billion.").facts
    )


# --- sessions, timeframes and periods --------------------------------------------------------


def test_intraday_close_and_week_are_three_facts() -> None:
    sentence = (
        "Shares of Zai Lab soared over 95% intraday before closing up 61.4%, with weekly gains "
        "exceeding 140%."
    )
    facts = [f for f in read_sentence(sentence).facts if f.has_number]
    assert [(f.pct, f.qualifier, f.session) for f in facts[:2]] == [
        (95.0, "over", "intraday"), (61.4, "exact", "close")
    ]  # fmt: skip
    assert all(f.timeframe != "week" for f in facts[:2])
    assert (facts[2].pct, facts[2].timeframe) == (140.0, "week")
    assert {_name(f) for f in facts} == {"Zai Lab"}


def test_a_close_over_a_streak_is_the_days_move() -> None:
    fact = only_fact(
        "The ChiNext index extended its rally, closing up 1.83% for four consecutive trading sessions."
    )
    assert (fact.pct, fact.session) == (1.83, "close")
    assert fact.timeframe != "multi_day"


@pytest.mark.parametrize(
    ("sentence", "day", "earlier"),
    [
        ("Kestrel Mining gained for a seventh day.", "up", "up"),
        ("Palladium futures marked a fourth straight day of gains.", "up", "up"),
        ("The Bovespa closed lower for a third consecutive session.", "down", "down"),
        # the day broke the streak: the sessions before went the other way
        ("Latin American stocks snapped an eight-day losing streak.", "up", "down"),
    ],
)
def test_a_streak_is_the_days_move_and_the_earlier_sessions_move(
    sentence: str, day: str, earlier: str
) -> None:
    facts = read_sentence(sentence).facts
    assert [(f.direction, f.timeframe, f.pct) for f in facts] == [
        (day, "unspecified", None),
        (earlier, "multi_day", None),
    ]


def test_close_up_is_the_close() -> None:
    fact = only_fact("Xiaomi shares close up 3.1% after the launch.")
    assert (_name(fact), fact.direction, fact.pct, fact.session) == ("Xiaomi", "up", 3.1, "close")


@pytest.mark.parametrize(
    ("sentence", "day", "week"),
    [
        ("Brent rose 0.8% on Friday and gained 3.5% for the week.", 0.8, 3.5),
        ("The Stoxx 600 added 0.3% on Friday and rose 2.1% over the week.", 0.3, 2.1),
        ("Brent rose 0.8% on Friday, for a weekly gain of 3.5%.", 0.8, 3.5),
    ],
)  # fmt: skip
def test_the_days_number_is_not_the_weeks(sentence: str, day: float, week: float) -> None:
    by_number = {f.pct: f.timeframe for f in read_sentence(sentence).facts if f.has_number}
    assert by_number[week] == "week"
    assert by_number[day] != "week"


def test_a_year_is_kept_in_period() -> None:
    fact = only_fact("The Hang Seng Index rose 4% in 2023.")
    assert (fact.pct, fact.period) == (4.0, "2023")


def test_a_funds_return_for_a_year() -> None:
    fact = only_fact("The Invesco QQQ Trust returned 54% in 2023.")
    assert (fact.direction, fact.pct, fact.period) == ("up", 54.0, "2023")


# --- references across sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Qualcomm jumped 6% on Wednesday. The stock has gained 40% this year.",
         [("Qualcomm", "up", 6.0), ("Qualcomm", "up", 40.0)]),
        ("Japan's Topix added 0.6% on Friday. The gauge has risen for six straight weeks.",
         [("Topix", "up", 0.6), ("Topix", "up", None)]),
        ("Rheinmetall jumped on Monday after winning an order. It closed 4.5% higher.",
         [("Rheinmetall", "up", 4.5)]),
        ("Orsted and Vestas reported weak orders. Both fell 3.1% and 2.2%, respectively.",
         [("Orsted", "down", -3.1), ("Vestas", "down", -2.2)]),
        ("Nvidia posted results after the bell. Its shares fell 4% in extended trading.",
         [("Nvidia", "down", -4.0)]),
        ("Rheinmetall won a large order on Monday. The stock rose 4.5% in Frankfurt.",
         [("Rheinmetall", "up", 4.5)]),
        ("Rheinmetall won a large order on Monday. It rose 4.5% in Frankfurt.",
         [("Rheinmetall", "up", 4.5)]),
    ],
)  # fmt: skip
def test_references_are_named_from_the_sentences_before(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert moves(text) == expected


def test_resolve_names_the_index_and_marks_it_resolved() -> None:
    first, second = resolve(
        [read_sentence("The Taiex rose 0.8%."), read_sentence("The index rose 2.5% this week.")]
    )
    (fact,) = [f for f in second.facts if f.has_number]
    assert fact.mention is not None
    assert (fact.mention.name, fact.pct, fact.resolved) == ("Taiex", 2.5, True)
    assert all(not f.resolved for f in first.facts)


# --- patterns from unseen publishers (each rule tried on sentences written for it) ----------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a long list paired in order, its names after "Prices of", its units repeated
        ("Prices of Alpha Holdings, Beta Investment Co, Gammavest and Delta Finance were down by "
         "3.1 per cent, 2.4 per cent, 1.8 per cent and 0.6 per cent respectively.",
         [("Alpha Holdings", "down", 3.1), ("Beta Investment Co", "down", 2.4),
          ("Gammavest", "down", 1.8), ("Delta Finance", "down", 0.6)]),
        # a participle states the subject's move as its object
        ("The Karachi index closed at 41,220 points, marking a decline of 0.4% from Friday.",
         [("Karachi index", "down", 0.4)]),
        ("Hapag-Lloyd topped the gainers, posting a hefty 7.2% increase in its share price.",
         [("Hapag-Lloyd", "up", 7.2)]),
        ("The ISEQ closed at 9,120, marking a drop of 36 points, equivalent to a 0.39% decline.",
         [("ISEQ", "down", 0.39)]),
        # an adjective between "by" and the number
        ("Orkla improved by a modest 0.7 percent.", [("Orkla", "up", 0.7)]),
        ("Telenor slipped by a negligible 0.05 percent.", [("Telenor", "down", 0.05)]),
        ("The Banking Index posted a negative change of 1.3%.", [("Banking Index", "down", 1.3)]),
        ("Sasol garnered 2.2 percent.", [("Sasol", "up", 2.2)]),
        ("Nickel prices exploded 250% in two days.", [("Nickel prices", "up", 250.0)]),
        # a table row: a level, then a signed change (not the range "12,801.95-0.12")
        ("WIG20 2,345.10 -0.42%", [("WIG20", "down", 0.42)]),
    ],
)  # fmt: skip
def test_wire_and_local_exchange_patterns(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rupiah hardened against the dollar.", {("rupiah", "up")}),
        ("The regulator's stance hardened.", set()),
        ("The merger marks a positive change for the company.", set()),
    ],
)
def test_directions_without_a_number(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("After opening higher, the Kospi closed 0.5% lower.", ("Kospi", "up")),
        ("After starting the day in positive territory, the Taiex ended 0.3% down.",
         ("Taiex", "up")),
        ("The Nikkei closed 0.8% higher after a weak start.", ("Nikkei", "down")),
        ("The Sensex declined 0.66 per cent even after beginning the trade on a firm note.",
         ("Sensex", "up")),
    ],
)  # fmt: skip
def test_how_the_session_began_is_its_own_move(sentence: str, expected: tuple[str, str]) -> None:
    opening = [f for f in read_sentence(sentence).facts if f.session == "open"]
    assert [(_name(f), f.direction) for f in opening] == [expected]
    assert expected in [m[:2] for m in moves(sentence)]  # the rules engine reports it too


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Among the gainers were Pirelli and Leonardo.", {("Pirelli", "up"), ("Leonardo", "up")}),
        ("In the red were Delta Holdings limited, Axor and Meridian.",
         {("Delta Holdings", "down"), ("Axor", "down"), ("Meridian", "down")}),
        ("Top losers included Sasol, Exxaro and Gold Fields.",
         {("Sasol", "down"), ("Exxaro", "down"), ("Gold Fields", "down")}),
        # the list ends where the sentence goes on about something else
        ("Losers were few, while Tesla fell 2%.", {("Tesla", "down")}),
    ],
)  # fmt: skip
def test_names_listed_under_a_heading_went_its_way(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Wall Street turned negative.", {("Wall Street", "down")}),
        ("Shares on Wall Street declined again.", {("Wall Street", "down")}),
        # a count of stocks on an index is breadth, not the index's move
        ("While 11 stocks on the BIST 100 rose, 88 fell.", {(None, "up"), (None, "down")}),
        ("The stock started the trading session in green.", {("The stock", "up")}),
        ("Acme Ltd hit the lower circuit.", {("Acme Ltd", "down")}),
    ],
)  # fmt: skip
def test_more_ways_to_say_a_move(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


def test_an_upper_circuit_is_a_rise_of_its_width() -> None:
    fact = only_fact("Shares of Orvane Ltd (ORVL) were locked in a 5 per cent upper circuit.")
    assert (_name(fact), fact.direction, fact.pct) == ("Orvane Ltd", "up", 5.0)


def test_the_morning_session_is_not_the_close() -> None:
    fact = only_fact("The Hang Seng closed the morning session down 148 points or 0.6%.")
    assert (fact.direction, fact.pct, fact.session) == ("down", 0.6, "intraday")


def test_a_yield_under_a_percentage_crossed_a_level() -> None:
    (fact,) = read_sentence("Benchmark 10-year Treasury yields fell under 4%.").facts
    assert (fact.direction, fact.pct, fact.has_number) == ("down", None, False)
    assert numbered("Apple rose just under 2%.") == [("Apple", "up", 2.0)]


def test_a_price_then_its_change() -> None:
    assert numbered("Solana was trading at $145.20 or 3.1 per cent lower.") == [
        ("Solana", "down", 3.1)
    ]


def test_an_unsigned_row_of_a_table_whose_falls_carry_a_minus_rose() -> None:
    rows = ["WIG20 2,345.10 -0.42%", "MWIG40 5,120.80 0.35%", "SWIG80 21,004.55 -0.10%"]
    readings = resolve([read_sentence(row) for row in rows])
    assert [[(_name(f), f.direction, f.pct) for f in r.facts] for r in readings] == [
        [("WIG20", "down", 0.42)],
        [("MWIG40", "up", 0.35)],
        [("SWIG80", "down", 0.1)],
    ]
    # with no row that carries a sign, an unsigned number may be anything (a weight, a yield)
    alone = resolve([read_sentence("Acme 189.50 2.1%"), read_sentence("Beta 41.20 1.3%")])
    assert all(r.facts == () for r in alone)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # parenthesised numbers whose direction the words after the list give
        ("Meanwhile, Cardano (8.2%) and Polkadot (5.1%) have posted heavy losses.",
         [("Cardano", "down", 8.2), ("Polkadot", "down", 5.1)]),
        ("Airbus (2.4%) and Safran (1.9%) led the gains in Paris.",
         [("Airbus", "up", 2.4), ("Safran", "up", 1.9)]),
        # a return over a period is a move; a negative one goes down
        ("The fund posted a negative return of 4% this year.", [("The fund", "down", 4.0)]),
    ],
)  # fmt: skip
def test_the_words_after_a_list_and_a_return(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


def test_a_weight_list_before_another_clause_states_no_direction() -> None:
    sentence = "Apple (7.1%) and Microsoft (6.5%) are the biggest weights, while the index fell."
    assert not any(f.pct is not None for f in read_sentence(sentence).facts)


def test_a_ytd_return_is_an_up_move() -> None:
    (fact,) = read_sentence("With a 12.6 percent return year-to-date, the sector leads.").facts
    assert (fact.direction, fact.pct, fact.timeframe) == ("up", 12.6, "ytd")


def test_a_start_to_the_year_is_no_session_opening() -> None:
    assert read_sentence("The company had a strong start to the year.").facts == ()


def test_a_move_measured_from_the_previous_close_is_the_days() -> None:
    fact = only_fact("The index slipped 0.3% compared with the previous day's closing.")
    assert (fact.timeframe, fact.when) == ("unspecified", None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # crypto names written in lower case
        ("Bitcoin slid 3%, while dogecoin lost 7% and litecoin shed 2%.",
         [("Bitcoin", "down", 3.0), ("dogecoin", "down", 7.0), ("litecoin", "down", 2.0)]),
        # a clause after "after": its name is its subject, not the object of a preposition
        ("Energy shares fell after crude prices plunged 4% overnight.",
         [("crude prices", "down", 4.0)]),
        # a name right before a participle is its subject
        ("Treasuries rallied, led by 10-year yields dropping 9 basis points.",
         [("10-year yields", "down", None)]),
        # an opening participle takes the subject of the main clause
        ("After sliding 12% last week, Zoom Video rebounded 3.4% on Monday.",
         [("Zoom Video", "down", 12.0), ("Zoom Video", "up", 3.4)]),
        # the verbs of wire copy
        ("The cosmetics retailer pulled back more than 5% before the opening bell.",
         [("The cosmetics retailer", "down", 5.0)]),
        # a token losing part of its value is a price move
        ("Solana has lost 40% of its value since March.", [("Solana", "down", 40.0)]),
        # a lower-case index named after "the broader"
        ("The Top40 index fell 0.5%, while the broader all share index dropped 0.4%.",
         [("Top40 index", "down", 0.5), ("all share index", "down", 0.4)]),
    ],
)  # fmt: skip
def test_unseen_publisher_patterns(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # rarer verbs of a move, with a number
        ("The Varno 20 index contracted 1.7% and Kestrel Bank conceded 0.6%.",
         [("Varno 20 index", "down", 1.7), ("Kestrel Bank", "down", 0.6)]),
        ("The Orvane index nosedived by 55 points, or 2.1 per cent.",
         [("Orvane index", "down", 2.1)]),
        ("Norvex eroded 3.2% while Tarlo Steel regained 1.1%.",
         [("Norvex", "down", 3.2), ("Tarlo Steel", "up", 1.1)]),
        ("Brent came off 1.5% and copper retraced 0.8%.",
         [("Brent", "down", 1.5), ("copper", "down", 0.8)]),
        ("Shares in Kestrel Mining popped 7% and Orvane vaulted 12%.",
         [("Kestrel Mining", "up", 7.0), ("Orvane", "up", 12.0)]),
        ("The Sarvo index corrected 12% from its peak.", [("Sarvo index", "down", 12.0)]),
        # a name with its former name or with what it is, before the verb
        ("Kestrel (ex-Norvex Group), which fell by 4.4%, led the losers.",
         [("Kestrel", "down", 4.4)]),
        ("Varno telecom slid 0.7% and Tarlo lender rose 1.3%.",
         [("Varno", "down", 0.7), ("Tarlo", "up", 1.3)]),
        # "whose shares": the clause is its antecedent's
        ("The index was led by Orvane Energy, whose shares jumped 6.5%.",
         [("Orvane Energy", "up", 6.5)]),
        # "(ETF)" says what a fund is, not its code
        # a currency a bond is paid in is not the currency's move
        ("Debt slid, with a 1.9 percent fall in the rand-denominated Kestrel bond.",
         [("Kestrel bond", "down", 1.9)]),
        # a cause after a move noun says nothing of what moved
        ("Copper trimmed last week's losses of 3% on hopes for Chinese demand.",
         [("Copper", "down", 3.0)]),
        ("The Kestrel MSCI Chile (ETF) closed down 2.2%.",
         [("Kestrel MSCI Chile ETF", "down", 2.2)]),
    ],
)  # fmt: skip
def test_rarer_verbs_and_appositions(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an index named with a number, before its change in parentheses
        ("Asia: Nikkei 225 (+0.3%), Kospi 200 (-0.5%)",
         [("Nikkei 225", "up", 0.3), ("Kospi 200", "down", 0.5)]),
        # lower-case names with their codes in a list that shares one verb
        ("Solana fell 9%, while dogecoin (DOGE), litecoin (LTC), and ether (ETH) each lost over "
         "4%.",
         [("Solana", "down", 9.0), ("dogecoin", "down", 4.0), ("litecoin", "down", 4.0),
          ("ether", "down", 4.0)]),
        # a page's live quote boxes between a contract and its verb
        ("Heating oil for May delivery\nHOK5,\n+0.31% HO.1,\n+0.31%\nfell 3 cents, or 1.2%.",
         [("Heating oil", "down", 1.2)]),
    ],
)  # fmt: skip
def test_names_around_numbers_and_quote_boxes(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


def test_a_contract_month_is_not_the_period_of_the_move() -> None:
    (fact,) = read_sentence("Gold for December delivery rose 0.4%.").facts
    assert (fact.when, fact.timeframe) == (None, "unspecified")


def test_a_second_predicates_period_is_not_the_firsts() -> None:
    day, week = read_sentence("Orvane fell 6%, extending its weekly losses to over 15%.").facts[-2:]
    assert (day.pct, day.timeframe, week.pct, week.timeframe) == (6.0, "unspecified", 15.0, "week")
    day, week = read_sentence("Orvane fell 6% and extending its weekly losses to 15%.").facts[-2:]
    assert (day.timeframe, week.timeframe) == ("unspecified", "week")


def test_to_the_currency_is_the_quote_currency() -> None:
    facts = read_sentence(
        "The dollar rose 0.2% against the yen and gained 0.4% to the franc."
    ).facts
    assert [(f.pct, f.against) for f in facts] == [(0.2, "currency:JPY"), (0.4, "currency:CHF")]


@pytest.mark.parametrize(
    "sentence",
    [
        # the ambiguous verbs say nothing of a price without a number
        "Hopes faded as the talks collapsed.",
        "The company conceded the point and regained control of the unit.",
        "Analysts corrected their forecasts after the call.",
        "Orvane was valued at 3 billion dollars in the deal.",
        "The reform regressed and the board valued the plan.",
    ],
)
def test_ambiguous_verbs_state_no_move_without_a_number(sentence: str) -> None:
    assert summarize_text(sentence, 0, len(sentence)).moves == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tata Steel, Hindalco and JSW Steel were among the laggards.",
         {("Tata Steel", "down"), ("Hindalco", "down"), ("JSW Steel", "down")}),
        ("Cipla and Lupin were also among the gainers.", {("Cipla", "up"), ("Lupin", "up")}),
        # the producers' move, not lithium's
        ("Smaller lithium producers are big winners.", {("lithium producers", "up")}),
        ("Drug developer Arcellx more than doubled.", {("Arcellx", "up")}),
        ("Yields on Spanish government bonds suffered their biggest one-day drop.",
         {("Yields", "down")}),
        ("A setback in the dollar helped soybeans.", {("dollar", "down")}),
        # groups listed before the head they share
        ("Shipping, tourism and duty-free retail stocks led the gains, while the property and "
         "insurance sectors slipped.",
         {("shipping stocks", "up"), ("tourism stocks", "up"), ("duty-free retail stocks", "up"),
          ("property sectors", "down"), ("insurance sectors", "down")}),
        ("Oil prices rose and bank shares fell.", {("Oil prices", "up"), ("bank shares", "down")}),
        ("Maybank shaved 2 sen while the ringgit firmed against the dollar.",
         {("Maybank", "down"), ("ringgit", "up")}),
        # a direction adjective before a name
        ("Copper slipped as a stronger dollar made metals dearer for other buyers.",
         {("Copper", "down"), ("dollar", "up")}),
        ("The rupee fell against the resurgent US dollar.", {("rupee", "down"), ("US dollar", "up")}),
        # "stock markets" after "the precious metal as" is no reference to a stock
        ("Gold slid as stock markets recovered.", {("Gold", "down"), ("stock markets", "up")}),
    ],
)  # fmt: skip
def test_directions_of_unseen_publisher_patterns(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The miner doubled its dividend after a record year.",  # an object: not a price move
        "The company halved its forecast for the year.",
        "Iron ore producers cut output in March.",  # producers are not the commodity
        "The company firmed up its plans for a listing.",
        "Investors bought and sold shares all day.",
        "Analysts expect a weaker yen next year.",  # a forecast
    ],
)
def test_not_price_moves_of_the_object(sentence: str) -> None:
    assert not any(f.realised and f.price for f in read_sentence(sentence).facts)


@pytest.mark.parametrize(
    ("sentence", "timeframe"),
    [
        ("The Kospi rose 4.1% in October.", "month"),
        ("The Taiex closed 0.7 percent higher, a gain of 9.1 percent from Dec. 31.", "ytd"),
        ("The fund gained 3.2% in the holiday-shortened trading week.", "week"),
        ("The shares are up 48% going back one year.", "year"),
    ],
)
def test_period_words_of_the_number(sentence: str, timeframe: str) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.has_number]
    assert facts[-1].timeframe == timeframe


def test_only_a_month_carries_the_label_past_a_number() -> None:
    # "Dec. 31" keeps the label going; a word that merely begins like a month does not
    first = read_sentence("Zinc added 1.4% in a market 2% higher this week.").facts[0]
    assert (first.pct, first.timeframe) == (1.4, "unspecified")


@pytest.mark.parametrize(
    ("sentence", "against"),
    [
        ("The Australian dollar rose 0.5% versus the greenback.", "currency:USD"),
        ("The franc lost 0.3 percent to 1.1340 per euro.", "currency:EUR"),
        ("The yen fell 0.4% to a three-month low.", None),
    ],
)
def test_the_currency_a_rate_move_is_against(sentence: str, against: str | None) -> None:
    assert only_fact(sentence).against == against


def test_a_yield_spread_is_named_with_its_tenors() -> None:
    fact = only_fact("The 2/10-year German bond yield spread fell by 1.4 basis points.")
    assert fact.mention is not None and fact.mention.name == "2/10-year German bond yield spread"


def test_a_described_stock_refers_to_the_company_before() -> None:
    _, second = resolve(
        [
            read_sentence("Nvidia reported results after the bell."),
            read_sentence("The graphics chip stock fell 4% in late trading."),
        ]
    )
    (fact,) = [f for f in second.facts if f.has_number]
    assert fact.mention is not None and fact.mention.name == "Nvidia" and fact.resolved


@pytest.mark.parametrize(
    "before",
    [
        # one who speaks is no company "the stock" refers to
        ["Orvane Motors cut its outlook.", "Halvard Shah wrote that demand had peaked."],
        ["Orvane Motors cut its outlook.", "Halvard Shah, an analyst at Norvik, said so."],
        # nor a sentence's other subject beside the name whose move it states
        ["Pressure came from the heavyweights, led by Orvane Motors, which fell 2 percent."],
    ],
)
def test_the_stock_refers_to_a_company_not_to_who_speaks_or_a_subject_without_a_move(
    before: list[str],
) -> None:
    readings = resolve(
        [read_sentence(s) for s in [*before, "The stock has slumped 14% in three months."]]
    )
    (fact,) = readings[-1].facts
    assert fact.mention is not None and fact.mention.name == "Orvane Motors"
    assert fact.named_as == "stock"


def test_a_capitalised_reference_word_inside_a_name_is_the_name() -> None:
    fact = only_fact("The Stock Exchange of Orrin (SEO) index fell 0.7% to 1,402.")
    assert fact.mention is not None and fact.mention.reference is None
    assert "Stock Exchange of Orrin" in fact.mention.name


def test_a_move_at_the_start_of_trading_is_the_opens() -> None:
    reading = read_sentence(
        "The Orrin General Index dived 5.7 percent at the start of trading before closing the "
        "day 3.2 percent lower."
    )
    sessions = {f.pct: f.session for f in reading.facts if f.pct is not None}
    assert sessions == {5.7: "open", 3.2: "close"}
    assert only_fact("Kestrel Mining rose 2% at the start of the week.").session == "unspecified"


def test_earlier_may_stand_between_the_verb_and_its_number() -> None:
    fact = only_fact("Orvane crude futures fell earlier 3.2%, the largest decline since June.")
    assert (fact.direction, fact.pct) == ("down", 3.2)


def test_a_years_move_noun_keeps_its_year() -> None:
    facts = [
        f
        for f in read_sentence("Kestrel Mining fell 2%, reducing its 2025 gain to 12.69%.").facts
        if f.pct is not None
    ]
    assert [(f.direction, f.pct, f.timeframe, f.period) for f in facts] == [
        ("down", 2.0, "unspecified", None),
        ("up", 12.69, "year", "2025"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Mining shed GH¢1.45 to trade at GH¢440.05, a fall of 0.3%.",
        "Kestrel Mining shed HK$1.45 to HK$40.05, a fall of 3.5%.",
    ],
)
def test_the_letters_of_a_money_sign_are_no_name(sentence: str) -> None:
    assert [m.name for m in read_sentence(sentence).mentions] == ["Kestrel Mining"]


def test_prices_reached_listed_after_a_shared_number_are_no_changes() -> None:
    sentence = (
        "Orvane Group and Kestrel.com both jumped nearly 4 per cent to HK$76.10 and HK$178.70, "
        "respectively."
    )
    assert numbered(sentence) == [("Orvane Group", "up", 4.0), ("Kestrel.com", "up", 4.0)]


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Asian shares rose on Tuesday as investors bet that the Federal Reserve would cut "
         "rates later in the year, while the dollar slipped against the yen.", True),
        ("Les actions européennes ont terminé en hausse mardi, portées par les banques et par "
         "l'espoir d'une baisse des taux de la BCE.", False),
        ("周二沪深两市震荡走高，上证指数收涨1.2%，创业板指涨2.3%，半导体板块领涨。", False),
        ("Sony rose 2%.", True),  # too short to tell: taken for English
        # a table of names and numbers is bare of words, not another language
        ("BET 12,801.95 -0.12%\nBET-TR 22,655.36 -0.14%\nBET-BK 2,534.89 0.17%\n"
         "BET-FI 53,143.90 -0.59%\nROTX 27,281.09 -0.25%\nBET-XT 1,132.85 -0.14%", True),
        ("Der DAX schloss am Dienstag mit einem Plus von 1,2 Prozent, gestützt von Autowerten "
         "und der Hoffnung auf Zinssenkungen der Notenbank.", False),
        ("El Ibex 35 cerró la sesión con una subida del 1,2% impulsado por los bancos y las "
         "eléctricas, mientras el euro se mantuvo estable.", False),
    ],
)  # fmt: skip
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english


def test_a_company_described_by_its_country_is_the_company_named_before() -> None:
    readings = resolve(
        [read_sentence("Kestrel Bank led the gains."),
         read_sentence("Norway's largest lender rose 3.6 per cent to NOK 210.")]
    )  # fmt: skip
    (fact,) = readings[1].facts
    assert fact.mention is not None and (fact.mention.name, fact.pct) == ("Kestrel Bank", 3.6)


# The cheap prefilter that skips sentences stating no move must know every cue's words.
@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("The yen recouped some of its losses.", "up"),
        ("Norvex erased the gains it made since March.", "down"),
        ("Kestrel Mining wiped out its early advance.", "down"),
        ("Brent gave back its gains.", "down"),
        ("Orvane surrendered most of its rally.", "down"),
        ("The rand reversed earlier losses.", "up"),
        ("Kestrel Mining pared its losses.", "down"),
        ("Kestrel Mining dived.", "down"),
        ("Orvane put on 2 per cent.", "up"),
        ("Kestrel Mining collapsed.", "down"),
        ("Shares of Orvane headed south.", "down"),
        ("Norvex closed in red on Friday.", "down"),
        ("Orvane vaulted higher.", "up"),
    ],
)
def test_every_cue_passes_the_prefilter(sentence: str, direction: str) -> None:
    assert [f.direction for f in read_sentence(sentence).facts][:1] == [direction]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ShFE copper fell 1.3% to 70,360 yuan a tonne and lead decreased 1.5% to 14,900 yuan.",
         [("copper", 1.3), ("lead", 1.5)]),
        # a bare sector word in a list of sector moves names the sector, and so do the words
        # before any figure of a list of figures in parentheses
        ("Among indices, auto declined 0.97 per cent, consumer discretionary (0.38 per cent), "
         "bankex (0.36 per cent) and commodities (0.34 per cent).",
         [("auto", 0.97), ("consumer discretionary", 0.38), ("bankex", 0.36),
          ("commodities", 0.34)]),
        ("Holding firms shed 0.82 percent, financials 1.51 percent, and property 0.48 percent, "
         "while demand for power rose 2%.",
         [("Holding firms", 0.82), ("financials", 1.51), ("property", 0.48), (None, 2.0)]),
        # "kept pace with": the name after "with" is a comparison, not the subject
        ("Kestrel Coin (KST) has kept pace with BTC and trades at $571, down 2.4% on the day.",
         [("Kestrel Coin", 2.4)]),
        ("Sales rose, along with the Forkast NFT Composite that rose 0.22% to 1,132 points.",
         [("Forkast NFT Composite", 0.22)]),
    ],
)  # fmt: skip
def test_numbers_go_to_the_names_the_words_give_them(
    sentence: str, expected: list[tuple[str | None, float]]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert [(f.mention.name if f.mention else None, f.pct) for f in facts] == expected


@pytest.mark.parametrize(
    ("sentence", "name", "ticker", "pct", "bp"),
    [
        # a decimal read out, as Korean wire copy writes it (with non-breaking hyphens)
        ("The KOSDAQ ended the week up two\u2011point\u201171 percent.", "KOSDAQ", None, 2.71, None),
        ("The Kospi rose 5-point-31 percent.", "Kospi", None, 5.31, None),
        # codes after a name are its ticker
        ("Mining giant Anglo American PLC [JSE:AGL] closed the day 3.38% lower.",
         "Anglo American PLC", "JSE:AGL", 3.38, None),
        ("Coking coal DJMcv1 decreased by 5 percent.", "Coking coal", "DJMcv1", 5.0, None),
        ("The 20-year JGB yield JP20YTN=JBTC jumped 7 basis points to 1.315%.",
         "20-year JGB yield", "JP20YTN=JBTC", None, 7.0),
        # a page's links after the ticker are not a name
        ("Pfizer\n(\nPFE |\nQuote |\nChart |\nNews)\nlost 4.1%.", "Pfizer", "PFE", 4.1, None),
        # a name ends at its company suffix when the next sentence starts
        ("Retailers trailed Metro Inc. They closed at $104.08, up 12.68 per cent.",
         "They", None, 12.68, None),
    ],
)  # fmt: skip
def test_numbers_and_codes_as_wires_write_them(
    sentence: str, name: str, ticker: str | None, pct: float | None, bp: float | None
) -> None:
    fact = [f for f in read_sentence(sentence).facts if f.has_number][-1]
    assert fact.mention is not None
    assert (fact.mention.name, fact.mention.ticker, fact.pct, fact.bp) == (name, ticker, pct, bp)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # lower-case commodity names with their contract codes, each its own subject
        ("In Dalian, rebar SRBcv9 rose 1.2 percent, hot rolled coil SHHCcv9 0.7 percent and "
         "wire rod SWRcv9 2 percent.",
         [("rebar", "SRBcv9", 1.2), ("hot rolled coil", "SHHCcv9", 0.7), ("wire rod", "SWRcv9", 2.0)]),
        # lower-case index names of wire copy
        ("The all share gained 0.4% while the top 40 added 0.6%.",
         [("all share", None, 0.4), ("top 40", None, 0.6)]),
        # a market's sub-index named by the group it tracks; "per cent and" is no name
        ("The NSE midcap gauge rose 0.3 per cent and smallcap index climbed 0.5 per cent.",
         [("NSE midcap gauge", None, 0.3), ("smallcap index", None, 0.5)]),
        ("The Nikkei metals index fell 2.2%.", [("Nikkei metals index", None, 2.2)]),
    ],
)  # fmt: skip
def test_lower_case_names_and_sub_indices(
    sentence: str, expected: list[tuple[str, str | None, float]]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert [(f.mention.name if f.mention else None, f.mention.ticker if f.mention else None,
             f.pct) for f in facts] == expected  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        ("Tin is up 7% this month after rising 2% in January and 1.5% in December.",
         [("month", "this"), ("month", "jan"), ("month", "dec")]),
        ("Oats rose 3.3% this week after a 1.1% fall last week.",
         [("week", "this"), ("week", "previous")]),
        ("After jumping 11% on Tuesday, the stock fell 4% to $20.", [("day", "tue"), None]),
        ("The index, which ended 2022 down 9 percent, is up 4 percent so far this year.",
         [("year", "2022"), ("year", "this")]),
        ("The index is 6% higher than at the end of last year.", [("year", "this")]),
        ("The fund is up 30% over the past 12 months.", [("year", "past")]),
        # a move since a reference point is not the period that point is in
        ("Cobalt has rallied 25% from a low it hit last month.", [None]),
        ("Wheat rose 2% on the day, capping its best three-week run, and is up 5% for the week.",
         [None, ("week", "this")]),
    ],
)  # fmt: skip
def test_the_period_each_number_is_dated_by(
    sentence: str, periods: list[tuple[str, str | None] | None]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert [f.when and (f.when.unit, f.when.which) for f in facts] == periods


@pytest.mark.parametrize(
    ("sentence", "direction", "pct"),
    [
        ("The steel index closed significantly weaker.", "down", None),
        ("The kiwi ended marginally firmer.", "up", None),
        ("The peso clawed back some ground.", "up", None),
        ("In Madrid, the Ibex had a devaluation of 0.9%.", "down", 0.9),
        ("The won's appreciation of 0.3% was the biggest in Asia.", "up", 0.3),
    ],
)
def test_more_ways_wire_copy_states_a_direction(
    sentence: str, direction: str, pct: float | None
) -> None:
    (fact,) = read_sentence(sentence).facts
    assert (fact.direction, fact.pct) == (direction, pct)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a move noun's number, then its object
        ("The Stoxx 600 ended up 0.2%, with a gain of 1.1% for Spain's Ibex and an advance of "
         "0.6% to 7,100.20 in the FTSE 100.",
         [("Stoxx 600", "up", 0.2), ("Ibex", "up", 1.1), ("FTSE 100", "up", 0.6)]),
        # an object that names only a place is where, not what
        ("Xiaomi saw a drop of 3% in Hong Kong.", [("Xiaomi", "down", 3.0)]),
        # a code named by its company, Vietnamese wire style
        ("HPG of steelmaker Hoa Phat, down 2.1 percent.", [("Hoa Phat", "down", 2.1)]),
        # a market's gauge of a group, with a possessive
        ("The Stoxx 600's gauge of insurers' shares lost 0.4%.",
         [("Stoxx 600's gauge of insurers' shares", "down", 0.4)]),
        # descriptors that look like figures
        ("The market cap weighted NSE 20 index is up 9.5 percent.", [("NSE 20 index", "up", 9.5)]),
        ("Cebu Pacific, a budget carrier, fell 2%.", [("Cebu Pacific", "down", 2.0)]),
        # more verbs of wire copy
        ("Tin erased a further 1.5% on Tuesday.", [("Tin", "down", 1.5)]),
        ("It had rallied 7% before the weekend and gave back 2.5% yesterday.",
         [("It", "up", 7.0), ("It", "down", 2.5)]),
        ("The market value of the chipmaker has grown by 30% this year.",
         [("the chipmaker", "up", 30.0)]),
    ],
)  # fmt: skip
def test_nouns_objects_codes_and_verbs_of_wire_copy(
    sentence: str, expected: list[tuple[str, str, float]]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert [(f.mention.name if f.mention else None, f.direction, f.pct) for f in facts] == expected


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("The peso went up to 17.05 per dollar this morning.", "up"),
        ("Silver is backing off for a second session.", "down"),
        ("The dollar came back better bid.", "up"),
        ("March copper is flattish.", "flat"),
        ("Nickel showed little movement.", "flat"),
    ],
)
def test_direction_only_phrasings(sentence: str, direction: str) -> None:
    assert read_sentence(sentence).facts[0].direction == direction


@pytest.mark.parametrize(
    ("sentence", "name", "ticker"),
    [
        # a leverage is part of a fund's name; a code right after it is its ticker
        ("The Direxion Daily Small Cap Bull 3X Shares(NYSE:TNA) finished up 4.4 percent.",
         "Direxion Daily Small Cap Bull 3X Shares", "NYSE:TNA"),
        # a pair written in words
        ("The data propelled euro/dollar higher by 0.3%.", "euro/dollar", None),
    ],
)  # fmt: skip
def test_fund_names_and_pairs_in_words(sentence: str, name: str, ticker: str | None) -> None:
    fact = next(f for f in read_sentence(sentence).facts if f.pct is not None)
    assert fact.mention is not None
    assert (fact.mention.name, fact.mention.ticker) == (name, ticker)


def test_a_cross_rate_is_the_local_currencys_move() -> None:
    (fact,) = read_sentence("The central bank set the rupee-dollar rate up 0.2% from Monday.").facts
    assert fact.mention is not None
    assert (fact.mention.name, fact.direction, fact.pct, fact.when) == ("rupee", "down", 0.2, None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a period put before the subject is the first clause's, where a number names none
        ("For the week, the Kospi and the Taiex gained 2.1% and 1.4%, respectively.",
         [("week", "unspecified"), ("week", "unspecified")]),
        ("Over the past five sessions, the Nikkei added 3%.", [("week", "unspecified")]),
        ("In early trade, Sony fell 2% but later recovered.", [("unspecified", "open")]),
        # its own period wins
        ("Over the previous eight sessions, the index added 9%, and it has gained 22% so far "
         "this year.", [("multi_day", "unspecified"), ("ytd", "unspecified")]),
    ],
)  # fmt: skip
def test_a_fronted_period_labels_its_clause(sentence: str, expected: list[tuple[str, str]]) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert [(f.timeframe, f.session) for f in facts] == expected


def test_since_a_weekday_is_a_span_not_the_day() -> None:
    assert when_named("since last thursday", bare=True) == When("since", "thu")
    assert when_named("thursday", bare=True) == When("day", "thu")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Novartis became cheaper by 1.1 percent and Roche by 0.4 percent.",
         [("Novartis", "down", 1.1, None), ("Roche", "down", 0.4, None)]),
        ("The Hang Seng index closed up 120.5 points or 0.57 per cents.",
         [("Hang Seng index", "up", 0.57, None)]),
        ("Germany's 10-year yield was down -4bpt.", [("Germany's 10-year yield", "down", None, 4.0)]),
        ("The two-year to 10-year spread flattened by 2 basis points.",
         [("two-year to 10-year spread", "down", None, 2.0)]),
        ("Teva Pharmaceutical (TASE: TEVA; NYSE: TEVA) rose 1.2%.",
         [("Teva Pharmaceutical", "up", 1.2, None)]),
        ("The fund closed at Rs 3038, with GoldBees showing an 11.3% rise.",
         [("GoldBees", "up", 11.3, None)]),
    ],
)  # fmt: skip
def test_more_wire_copy_units_verbs_and_codes(
    sentence: str, expected: list[tuple[str | None, str, float | None, float | None]]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.has_number]
    got = [(f.mention.name if f.mention and f.mention.reference is None else None, f.direction,
            f.pct, f.bp) for f in facts]  # fmt: skip
    assert [g for g in got if g[2] is not None or g[3] is not None] == expected


def test_a_period_that_owns_the_move_dates_it() -> None:
    facts = read_sentence("Banks fell on Thursday, extending Friday's 2.1% drop.").facts
    dated = [(f.pct, f.when) for f in facts if f.pct is not None]
    assert dated == [(2.1, When("day", "fri"))]


def test_an_adjective_between_the_direction_and_its_number() -> None:
    (fact,) = read_sentence("Cardano is up a relatively modest 3% on the day.").facts
    assert (fact.direction, fact.pct) == ("up", 3.0)


def test_a_second_verb_after_and_has_its_own_label() -> None:
    # the streak is the second verb's, not the first's
    facts = read_sentence(
        "Silver rallied strongly ahead of the weekend and is easing for the second session."
    ).facts
    assert [(f.direction, f.timeframe) for f in facts] == [
        ("up", "unspecified"), ("down", "unspecified"), ("down", "multi_day")
    ]  # fmt: skip


def test_a_streak_the_clause_states_before_the_move() -> None:
    facts = read_sentence(
        "MWG of retailer Mobile World ended four straight sessions in the red with a rise of 2.2 "
        "percent."
    ).facts
    assert [(f.direction, f.pct, f.timeframe) for f in facts] == [
        ("up", 2.2, "unspecified"), ("down", None, "multi_day")
    ]  # fmt: skip


def test_so_far_in_a_year_is_the_year_to_date() -> None:
    (fact,) = read_sentence("So far, TASI has lost 6.4 percent in 2015.").facts
    assert (fact.pct, fact.timeframe) == (6.4, "ytd")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Oil settled higher.", [("Oil", "up")]),
        ("Seoul ended higher, while Shanghai settled lower.", [("Seoul", "up"), ("Shanghai", "down")]),
        # "as the real climbed": a clause with a subject of its own that no pattern names
        ("Planemaker Embraer SA slumped to an eight-week low as the real climbed.",
         [("Planemaker Embraer SA", "down"), (None, "up")]),
    ],
)  # fmt: skip
def test_settled_and_as_clauses(sentence: str, expected: list[tuple[str | None, str]]) -> None:
    facts = read_sentence(sentence).facts
    assert [(f.mention.name if f.mention else None, f.direction) for f in facts] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a ranking: "followed by X, down Y%", and a relative clause's own antecedent
        ("Cemex led the decline, falling 4.79%, followed by Grupo Carso, down 4.09%, and "
         "Televisa, which dropped 3.71% to 8.82 pesos.",
         [("Cemex", 4.79), ("Grupo Carso", 4.09), ("Televisa", 3.71)]),
        # a sentence's opening preposition is no name
        ("During the day, it lost nearly 2 percent.", [("it", 2.0)]),
    ],
)  # fmt: skip
def test_rankings_relatives_and_openings(
    sentence: str, expected: list[tuple[str | None, float]]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert [(f.mention.name if f.mention else None, f.pct) for f in facts] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a move in money after a name and a comma, or in a relative clause
        ("Gainers were Varno Bank, which gained 1.50 rupees to 199.50 rupees; Orvane Cement, up 2 "
         "rupees at 113 rupees.", [("Varno Bank", "up", None), ("Orvane Cement", "up", None)]),
        # "were also lower" of a list
        ("Lead, zinc and tin were also lower.",
         [("Lead", "down", None), ("zinc", "down", None), ("tin", "down", None)]),
        # contracts named by what they are on, and a Reuters continuation code
        ("Futures on the Nasdaq 100 rose 0.4%.", [("Nasdaq 100 futures", "up", 0.4)]),
        ("Three-month contracts for zinc on the LME dropped 1.1%.",
         [("zinc futures", "down", -1.1)]),
        ("CBOT wheat Wv1 ended 0.9% higher.", [("CBOT wheat", "up", 0.9)]),
        # a yield named by its maturity band
        ("The yield on long-dated gilts rose.", [("yield on long-dated gilts", "up", None)]),
    ],
)  # fmt: skip
def test_unseen_publisher_moves(text: str, expected: list[tuple[str, str, float | None]]) -> None:
    assert moves(text) == expected


def test_a_volume_of_shares_is_not_the_market() -> None:
    assert moves("Turnover reached 120 million shares, a decrease of 0.88%.") == []


def test_a_move_word_inside_a_name_is_part_of_the_name() -> None:
    assert moves("Advanced Micro Devices dropped 7.8% and Rising Star Holdings fell 2%.") == [
        ("Advanced Micro Devices", "down", -7.8),
        ("Rising Star Holdings", "down", -2.0),
    ]


def test_the_index_refers_to_a_curated_index_named_before() -> None:
    text = (
        "Swedish shares ended with broad gains, pushing the OMX Stockholm 30 to a fresh closing "
        "high. The index added 0.65%."
    )
    assert moves(text) == [("OMX Stockholm 30", "up", 0.65)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Reuters index and stock codes after the name
        ("The Varno .VRN40 was up 0.1%, while the broader Orvane .ORVX rose 0.9%.",
         [("Varno", "up", 0.1), ("Orvane", "up", 0.9)]),
        ("Kestrel 6857.T and Norvex Electron 8035.T fell 1.99% and 1.87%, respectively.",
         [("Kestrel", "down", 1.99), ("Norvex Electron", "down", 1.87)]),
        # a decimal comma, and a space before the percent sign
        ("Brent oil contract decreased by 2,76%.", [("Brent oil contract", "down", 2.76)]),
        ("Frankfurt advanced 0.50 %, Milan 0.44%.", [("Frankfurt", "up", 0.5), ("Milan", "up", 0.44)]),
        # a company's name holding a word of a figure
        ("Orvane Finance & Investment slumped 5 percent.",
         [("Orvane Finance & Investment", "down", 5.0)]),
    ],
)  # fmt: skip
def test_codes_decimal_commas_and_company_names(sentence: str, expected: list[Stated]) -> None:
    assert [(n, d, p) for n, d, p in numbered(sentence)] == expected


def test_a_move_measured_from_last_fridays_close_is_not_fridays() -> None:
    (fact,) = read_sentence("Copper was down by 1.4% from last Friday's closing price.").facts
    assert fact.when is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a ticker and the day's change in one parenthesis, whatever the clause is about
        ("Halvard Bank (HVB US, +2.41%) rose after lifting its targets, while Orrin Mutual "
         "(ORM US, -0.87%) slipped.",
         [("Halvard Bank", "up", 2.41), ("Orrin Mutual", "down", 0.87)]),
        ("Trials of vaccines such as those made by Velmora (NYSE: VLM, -3.2%) disappointed.",
         [("Velmora", "down", 3.2)]),
        # a relative clause without a comma, after a name: "led by X which declined"
        ("The worst performers were led by Kestrel Cables which declined by 6.12% to KSh 2.10.",
         [("Kestrel Cables", "down", 6.12)]),
        ("Losers were led by Tamsin Foods who lost 2.5%.", [("Tamsin Foods", "down", 2.5)]),
        # ... but not one that names a subject of its own (a "while" mistyped)
        ("Paris and Milan were flat which the Ibex rose 0.7%.", [("Ibex", "up", 0.7)]),
        # "There" opens a sentence and names nothing; "Wed." is a day, not part of a name
        ("There were some winners on Thu. Corvane Steel (CVS US, +4.4%) rose.",
         [("Corvane Steel", "up", 4.4)]),
    ],
)  # fmt: skip
def test_codes_with_changes_relatives_without_commas(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "price"),
    [
        # a market value is its price times a share count: its change is the price's
        ("The market value of Orrin Tech has grown by 12% since the start of the year.", True),
        ("The total crypto market capitalisation shrank by 6.6% on Monday.", True),
        # "digital assets" are the instruments, not a fund's holdings
        ("Velmora was an exception among the top 20 digital assets, gaining 0.4%.", True),
        ("Assets under management at Carden Funds rose 3% in the quarter.", False),
        ("Orrin Tech's revenue rose 12% in the quarter.", False),
    ],
)
def test_a_market_value_moves_with_its_price(sentence: str, price: bool) -> None:
    assert only_fact(sentence).price is price


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "with" a name and a bare comparative, and more such pairs after "and"
        ("Grains closed mixed, with CBOT wheat higher and soyoil lower.",
         {("CBOT wheat", "up"), ("soyoil", "down")}),
        ("Metals ended the week mixed, with zinc firmer, and tin weaker.",
         {("zinc", "up"), ("tin", "down")}),
        # ... not a comparison that goes on ("higher up", "higher than")
        ("He spoke with investors higher up the chain.", set()),
    ],
)  # fmt: skip
def test_with_a_name_and_a_comparative(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Tallin stocks closed higher today, rebounding from losses in the previous two sessions.",
        "Copper rebounded from last week's steep losses, rising 1.2% on Monday.",
    ],
)
def test_the_period_after_the_losses_a_rebound_is_from_is_the_losses(sentence: str) -> None:
    facts = read_sentence(sentence).facts
    dated = {f.direction for f in facts if f.when is not None and f.when.unit != "day"}
    assert dated == {"down"}, facts
    assert any(f.direction == "up" for f in facts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a participle that states the move speaks of every name listed as the subject
        ("Halvard (HVD) and Orrin (ORN) bucked the trend, posting modest 2% gains.",
         [("Halvard", "up", 2.0), ("Orrin", "up", 2.0)]),
        # ... not of a name with a clause of its own
        ("Gold rose and silver fell, marking a 2% gain.", [("Gold", "up", 2.0)]),
    ],
)  # fmt: skip
def test_a_participle_of_a_listed_subject(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the verb after a relative clause is the antecedent's; the name may carry its head word
        ("Kolvar (KLV), which had rallied along with Vordan, shed 8.7%.",
         [("Kolvar", "down", 8.7)]),
        ("The krona currency, which the Halvard central bank manages closely, weakened 0.16 "
         "percent.", [("krona", "down", 0.16)]),
        ("It was a good day for Orrin Energy stock, which ended the session 4.80 percent higher.",
         [("Orrin Energy", "up", 4.8)]),
        # a capitalised name inside a sentence is no modal or figure, and "its shares" are its
        ("Retail giant Target saw its shares fall 3.8%, while Vordan dropped 5.2%.",
         [("Target", "down", 3.8), ("Vordan", "down", 5.2)]),
        # "despite X closing"; a decimal read out in words; "the most at"; ", by" after a streak
        ("Halvard lagged despite Kolvar Holdings closing 1.95% firmer.",
         [("Kolvar Holdings", "up", 1.95)]),
        ("Vordan Shipbuilding slid three\u2011point\u2011five percent, and Orrin lost "
         "two-point-one percent.", [("Vordan Shipbuilding", "down", 3.5), ("Orrin", "down", 2.1)]),
        ("Kestrel Bank gained the most at 9.3 percent during the week.",
         [("Kestrel Bank", "up", 9.3)]),
        ("The Tallin index continued to rise for the second day in a row, by 1.31 percent.",
         [("Tallin index", "up", 1.31)]),
        # a time after a move noun is no object of it; an adjective between number and noun
        ("Kolvar has today seen around a 5 percent loss on the day.", [("Kolvar", "down", 5.0)]),
        ("The krona was at 9.85 after a 0.36% overnight gain.", [("krona", "up", 0.36)]),
    ],
)  # fmt: skip
def test_relatives_names_read_out_decimals_and_times(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


def test_a_move_tried_and_not_made_is_not_realised() -> None:
    (tried,) = read_sentence("Halvard struggled to gain momentum on Monday.").facts
    assert not tried.realised
    facts = read_sentence("The Orrin index failed to hold its gains and fell 1%.").facts
    assert [(f.direction, f.pct, f.realised) for f in facts] == [("down", 1.0, True)]


def test_sessions_counted_as_gaining_or_losing_are_several() -> None:
    facts = read_sentence(
        "Kolvar dropped 4.1 percent, going into the red after six gaining sessions."
    ).facts
    assert [(f.direction, f.pct, f.timeframe) for f in facts] == [
        ("down", 4.1, "unspecified"),
        ("up", None, "multi_day"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # directions said without a move verb: recovery, performance, levels crossed, limits
        # (and the early fall it overcame, earlier in the session)
        ("Kolvar Labs overcame early losses.", {("Kolvar Labs", "up"), ("Kolvar Labs", "down")}),
        ("Orrin had performed well in the last few days.", {("Orrin", "up")}),
        ("Vordan performed poorly on Tuesday.", {("Vordan", "down")}),
        ("Gold broke the support level of 1,995.", {("Gold", "down")}),
        ("The Kestrel two-year yield moved under 4.5%.", {("Kestrel two-year yield", "down")}),
        ("The wider crypto markets see deep red.", {("crypto markets", "down")}),
        ("The share of Kolvar Bank hit the mandatory upper limit.", {("Kolvar Bank", "up")}),
        ("Gold is on track for its best monthly performance since 1980.", {("Gold", "up")}),
        ("Sterling held at $1.1539.", {("Sterling", "flat")}),
        ("Kolvar fell despite a strong lead from Wall Street.",
         {("Kolvar", "down"), ("Wall Street", "up")}),
        ("Vordan rose, nearly wiping out five straight days of selling.", {("Vordan", "up")}),
        ("Kestrel Bank shares fell on a slump by financials.",
         {("Kestrel Bank", "down"), ("financials", "down")}),
        # a signed level is no move, and a tenor alone is its yield
        ("Japan's two-year yield stayed -0.045%.", set()),
        ("The two-year yield rose 3 basis points, while the 10-year edged down 2 basis points.",
         {("two-year yield", "up"), ("10-year yield", "down")}),
    ],
)  # fmt: skip
def test_directions_said_in_other_words(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "and B, down 2.8 percent" is B's; a participle's object is no subject; an amount in
        # a currency is no move of it; the noun after a comma gives the number's direction
        ("It was followed by VJX of carrier Kolvar Air, down 3.5 percent, and MSX of conglomerate "
         "Orrin Group, down 2.8 percent.", [("Kolvar Air", "down", 3.5), ("Orrin Group", "down", 2.8)]),
        ("The Halvard index measuring the krona's moves against six currencies increased 0.5%.",
         [("Halvard index", "up", 0.5)]),
        ("The listing pushed Vordan to a high of KES 4.30, a 505.63% gain.", [(None, "up", 505.63)]),
        ("CBOT soyoil barely changed, with a 0.02% increase.", [("CBOT soyoil", "up", 0.02)]),
    ],
)  # fmt: skip
def test_conjuncts_participles_amounts_and_nouns_after_a_comma(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


def test_a_session_put_before_the_sentence_labels_its_moves() -> None:
    (fact,) = [
        f
        for f in read_sentence("At opening, the Kolvar 100 index gained 0.53 percent.").facts
        if f.pct is not None
    ]
    assert fact.session == "open"


def test_a_period_after_a_respectively_list_is_every_numbers() -> None:
    facts = read_sentence(
        "The Kolvar20 and the Orrin25 indices have shed up to 32.70% and 19.21% in year to date "
        "performance."
    ).facts
    assert [(f.pct, f.timeframe, f.session) for f in facts] == [
        (32.7, "ytd", "unspecified"),
        (19.21, "ytd", "unspecified"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a rate "was set" higher is a fixing, not a forecast; a cross rate is against its quote
        ("The representative krona-euro rate was set 0.158% higher.", ("down", "currency:EUR")),
        ("The representative krona-dollar rate fell 0.05%.", ("up", "currency:USD")),
    ],
)
def test_a_fixed_cross_rate_is_a_realised_move_of_the_local_currency(
    sentence: str, expected: tuple[str, str]
) -> None:
    fact = only_fact(sentence)
    assert (fact.direction, fact.against, fact.realised) == (*expected, True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kolvar index gained 0.53 percent compared to the previous close of 1,573 points.",
         "unspecified"),
        ("Kolvar index closed 0.53 percent higher.", "close"),
    ],
)  # fmt: skip
def test_a_close_a_move_is_measured_from_is_not_its_session(sentence: str, expected: str) -> None:
    (fact,) = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert fact.session == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Regional markets posted a strong performance across the region.",
         {("Regional markets", "up")}),
        ("Yields on Kolvar 10-year bonds neared six-month highs.",
         {("Yields on Kolvar 10-year bonds", "up")}),
        ("Orrin touched a fresh two-year low.", {("Orrin", "down")}),
        ("Several mid-cap stocks hit the upper limit, including Vordan Products.",
         {("Several mid-cap stocks", "up")}),
    ],
)  # fmt: skip
def test_highs_lows_performances_and_groups(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a move noun the subject "showed" or "posted" is its move; a loss posted is a result
        ("Oil prices showed a slight uptick on Thursday.", {("Oil prices", "up")}),
        ("The Kolvar index posted a modest gain.", {("Kolvar index", "up")}),
        ("Vordan suffered a sharp drop.", {("Vordan", "down")}),
        ("The company recorded a loss.", set()),
    ],
)
def test_a_move_noun_the_subject_showed(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "price"),
    [
        ("The Kolvar-15 index recorded 3.69% growth.", True),
        ("Orrin Foods' revenue recorded 5% growth.", False),
    ],
)
def test_a_numbers_growth_is_a_move_of_what_grew(sentence: str, price: bool) -> None:
    fact = only_fact(sentence)
    assert (fact.direction, fact.price) == ("up", price)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a move noun's object ends at a participle; an adjective before "gains" makes it a noun
        ("The Kolvar index fell 0.19%, with losses in Financials offsetting strength across "
         "eight of the eleven sectors.",
         {("Kolvar index", "down"), ("Financials", "down"), (None, "up")}),
        ("The general mining index closed weaker despite marginal gains from the platinum index.",
         {("general mining index", "down"), ("platinum index", "up")}),
    ],
)  # fmt: skip
def test_objects_of_move_nouns(sentence: str, expected: set[tuple[str | None, str]]) -> None:
    assert directions(sentence) == expected


def test_a_group_named_after_was_the_only_is_the_name_before_it() -> None:
    sentence = (
        "The Kolvar construction index was the only sector index that recorded an increase, "
        "going up 0.34 percent."
    )
    assert numbered(sentence) == [("Kolvar construction index", "up", 0.34)]


def test_a_change_after_at_a_is_a_change_where_a_move_noun_follows_it() -> None:
    fact = only_fact(
        "However, the Kolvar financials sector was at a 2.5 percent return year-to-date."
    )
    assert (fact.direction, fact.pct, fact.timeframe) == ("up", 2.5, "ytd")
    assert numbered("The Orrin yield rose to 4.5%.") == []


@pytest.mark.parametrize(
    ("sentence", "timeframe", "session"),
    [
        # measured from a day's opening price: not that day's move, nor a session's
        ("Kolvar crude traded at $87.73 for a 4.04% decrease from Monday's opening price.",
         "unspecified", "unspecified"),
        ("Orrin gold lost 1.90% of its value from its Monday market open price.",
         "unspecified", "unspecified"),
        # five days is a week
        ("Vordan palladium fell a massive 7.03% in the span of 5 days.", "week", "unspecified"),
    ],
)  # fmt: skip
def test_a_move_measured_from_a_days_opening_and_one_over_five_days(
    sentence: str, timeframe: str, session: str
) -> None:
    (fact,) = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert (fact.timeframe, fact.session, fact.when) == (timeframe, session, None)


def test_a_fronted_period_reaches_a_with_clause_and_not_a_while_clause() -> None:
    with_clause = read_sentence(
        "For the week, the contracts closed mixed, with Kolvar wheat higher."
    ).facts
    assert [(f.direction, f.timeframe) for f in with_clause] == [("up", "week")]
    while_clause = read_sentence(
        "In the week, the Orrin index rose 5%, while the Vordan index increased by 2.17%."
    ).facts
    assert [(f.pct, f.timeframe) for f in while_clause] == [(5.0, "week"), (2.17, "unspecified")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a scraped page's furniture inside a sentence reads as nothing
        (
            "The rand erased early losses\n\nAdvertisement 4\nStory continues below\n"
            "Article content\n\nto rise 0.6%.",
            [("rand", "up", 0.6)],
        ),
        # a link's label after a name, and a place after "outside" or "excluding", name nothing
        (
            "Norvik's broadest index of Nordic shares outside Denmark, opens new tab fell "
            "0.7 percent.",
            [("index of Nordic", "down", 0.7)],
        ),
        ("Asian shares outside Japan rose 1.2%.", [("Asian shares", "up", 1.2)]),
        (
            "Latin American stocks excluding Brazil slipped 0.4%.",
            [("Latin American stocks", "down", 0.4)],
        ),
    ],
)
def test_page_furniture_and_excluded_places_are_no_subjects(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Zinc prices have increased week to week by 3.1%.",
        "Zinc rose 3.1% week-over-week.",
        "Zinc rose 3.1% week on week.",
    ],
)
def test_week_to_week_is_the_weeks_move(sentence: str) -> None:
    assert only_fact(sentence).timeframe == "week"


def test_the_antecedent_of_a_relative_clause_after_led_by() -> None:
    sentence = "All sector gauges closed lower, led by Shipping, which fell 2.4 percent."
    assert numbered(sentence) == [("Shipping", "down", 2.4)]
    # a relative clause with no name before it gives the clause's subject nothing new
    sentence = (
        "Second was Orlan (ex-Vesta), which fell 8.1% to 90 rubles, the state company Dorne "
        "closes the top three, whose shares fell 5.9%."
    )
    assert ("Orlan", "down", 5.9) not in numbered(sentence)


def test_a_contract_by_month_venue_and_commodity_is_one_name() -> None:
    sentence = (
        "May ICE NY sugar #11 (SBK21) closed down -0.12 (-0.75%), and May ICE London white "
        "sugar #5 (SWK21) closed up +2.40 (+0.52%)."
    )
    reading = read_sentence(sentence)
    assert [(m.name, m.ticker) for m in reading.mentions] == [
        ("May ICE NY sugar #11", "SBK21"),
        ("May ICE London white sugar #5", "SWK21"),
    ]
    # the change right after the second contract's move words is the second contract's
    assert numbered(sentence) == [
        ("May ICE NY sugar #11", "down", 0.75),
        ("May ICE London white sugar #5", "up", 0.52),
    ]
    assert numbered("Dec corn (ZCZ20) closed up 3 cents, or 0.7%.") == [("Dec corn", "up", 0.7)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tin and nickel futures surged on Monday. While the former soared 0.28%, the "
            "latter jumped 0.96%.",
            [("Tin", "up", 0.28), ("nickel futures", "up", 0.96)],
        ),
        (
            "Copper and zinc fell sharply: the former lost 2.1% and the latter 1.4%.",
            [("Copper", "down", -2.1), ("zinc", "down", -1.4)],
        ),
        (
            "Both the Kospi and the Taiex rose, with the former up 0.5% and the latter up 0.8%.",
            [("the Kospi", "up", 0.5), ("Taiex", "up", 0.8)],
        ),
    ],
)
def test_the_former_and_the_latter_are_the_first_and_last_names_listed(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [m for m in moves(text) if m[2] is not None] == expected


@pytest.mark.parametrize(
    "text", ["Analysts said stocks rose 2%.", "The minister said stocks rose 2%."]
)
def test_a_verb_of_saying_is_no_part_of_a_name(text: str) -> None:
    assert moves(text) == [("stocks", "up", 2.0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a qualifier or "another" in a gapped repeat names no new subject
        (
            "Ether has plunged 7.4% in the past day and roughly 9.2% in a week.",
            [("Ether", "down", 7.4), ("Ether", "down", 9.2)],
        ),
        (
            "Zinc slid 1.1% on Monday and another 0.8% on Tuesday.",
            [("Zinc", "down", 1.1), ("Zinc", "down", 0.8)],
        ),
        # "with" before a name and a finite verb is no "with" clause
        (
            "Kestrel Coin (KST) has kept pace with bitcoin and is currently trading for $571, "
            "down 2.4%.",
            [("Kestrel Coin", "down", 2.4)],
        ),
    ],
)
def test_gapped_repeats_and_an_object_of_with(sentence: str, expected: list[Stated]) -> None:
    assert [s for s in numbered(sentence) if s[2] is not None] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name's possessive before a number and a move noun: the name moved
        (
            "Markets were dragged by the Zeta IT index's 2 per cent fall.",
            [("Zeta IT index", "down", -2.0)],
        ),
        # a day's possessive names no instrument: the clause's subject moved that day
        (
            "Varno crude settled at $68.08 a barrel, returning a small portion of Friday's 4.6% "
            "climb.",
            [("Varno crude", "up", 4.6)],
        ),
        # "the February contract" refers to the futures named before; "the October aluminum
        # contract" names its own
        (
            "Platinum futures rallied on Friday. The February contract rose 2.1%, while silver "
            "fell 1.2%.",
            [("Platinum futures", "up", 2.1), ("silver", "down", -1.2)],
        ),
        (
            "Nickel fell. The most-traded October aluminum contract fell 3%.",
            [("October aluminum contract", "down", -3.0)],
        ),
    ],
)
def test_possessive_owners_and_dated_contracts(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [m for m in moves(text) if m[2] is not None] == expected


def test_the_former_with_no_pair_before_it_keeps_its_fact() -> None:
    (reading,) = resolve([read_sentence("The former rose 2%.")])
    assert [(f.direction, f.pct) for f in reading.facts if f.has_number] == [("up", 2.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The day before, the Orrin index rose 0.70%.",
        "Yesterday, the Orrin index rose 0.70%.",
        "The Orrin index had risen 0.70% the day before.",
    ],
)
def test_the_day_before_is_the_session_before(sentence: str) -> None:
    assert only_fact(sentence).timeframe == "prior_session"


def test_a_participle_right_after_a_move_is_that_moves_subjects() -> None:
    sentence = (
        "Among all sectors, the Orrin banking index was the worst performer with a 5.69 percent "
        "fall, and the Orrin construction index was the only sector index that recorded an "
        "increase, going up 0.34 percent."
    )
    assert numbered(sentence) == [
        ("Orrin banking index", "down", 5.69),
        ("Orrin construction index", "up", 0.34),
    ]


def test_its_index_opening_a_clause_is_the_name_right_before() -> None:
    sentence = (
        "Banks fell 1.4%, followed by the Orrin Basic Materials sector, as its index closed at "
        "1,304.09 points at a loss of 0.99%."
    )
    assert numbered(sentence) == [
        ("Banks", "down", 1.4),
        ("Orrin Basic Materials sector", "down", 0.99),
    ]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        # a gapped repeat may carry its own period, counted in days, and a qualifier
        ("Orvane shares gained 20 percent in the last 30 days and more than 50 percent in the "
         "last 12 months.", ("Orvane", 50.0, "over", "year")),
        ("Orvane shares gained 20 percent in the last 30 days and 50 percent in the last 12 "
         "months.", ("Orvane", 50.0, "exact", "year")),
    ],
)  # fmt: skip
def test_a_gapped_repeat_keeps_the_subject_across_a_period_in_days(
    sentence: str, second: tuple[str, float, str, str]
) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert len(facts) == 2
    fact = facts[1]
    assert fact.mention is not None
    assert (fact.mention.name, fact.pct, fact.qualifier, fact.timeframe) == second


@pytest.mark.parametrize(
    "sentence",
    [
        "Orvane shares dipped 1.2% through the day before recovering.",
        "Orvane shares slid 1.2% throughout the session.",
    ],
)
def test_through_the_day_is_within_the_session(sentence: str) -> None:
    assert only_fact(sentence).session == "intraday"


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        # "its highest level since 2014" says how rare the level is, not the move's period
        ("Orvane rose 2% to its highest level since October 2014 on Wednesday.", "day:wed"),
        ("Orvane fell 2%, its steepest drop since 2020.", None),
        ("Orvane has risen 12% since 2020.", "since:2020"),
    ],
)
def test_a_record_since_a_date_is_no_period_of_the_move(sentence: str, when: str | None) -> None:
    fact = only_fact(sentence)
    assert (f"{fact.when.unit}:{fact.when.which}" if fact.when else None) == when


def test_giving_up_an_earlier_climb_is_a_rise_within_the_session_then_a_fall() -> None:
    reading = read_sentence(
        "August Orrin crude gave up an earlier climb to lose 50 cents, or 0.7%, to settle at "
        "$68.08 a barrel."
    )
    moves = {(f.direction, f.pct, f.session) for f in reading.facts}
    assert ("up", None, "intraday") in moves and ("down", 0.7, "unspecified") in moves
    assert {(f.direction, f.pct) for f in read_sentence("Orvane gave up 5%.").facts} == {
        ("down", 5.0)
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name's shares are the name's: not a group called "s shares"
        ("Orvane's shares slid 2.7% in early trade.", [("Orvane", "down", 2.7)]),
        ("Kestrel Holdings' shares fell 1.1% on Monday.", [("Kestrel Holdings", "down", 1.1)]),
        ("Velora’s shares closed at 45.10 yuan, down 1.5%.", [("Velora", "down", 1.5)]),
        (
            "Tallis rose 3%, while Orvane's shares slid 2.7%.",
            [("Tallis", "up", 3.0), ("Orvane", "down", 2.7)],
        ),
        # a place's shares stay the place's market, which the reading names by the shares
        ("Hong Kong's shares fell 1%.", [("shares", "down", 1.0)]),
        # "with" before a country's index: the index is the subject of the bare "up 0.8%"
        (
            "European stocks rose, with Germany's DAX up 0.8% and France's CAC 40 adding 0.5%.",
            [("DAX", "up", 0.8), ("CAC 40", "up", 0.5)],
        ),
    ],
)
def test_a_possessive_before_shares_or_after_with_names_the_subject(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb whose object is the move, then "to": the move's running total, not a level
        ("Tallis extended losses to 5.5% in late trade.", [("Tallis", "down", 5.5)]),
        ("Orvane pared gains to 0.4%.", [("Orvane", "up", 0.4)]),
        ("Velora extended its decline to 3.1%.", [("Velora", "down", 3.1)]),
        (
            "The Orvane index fell in the afternoon, extending losses to 2.3% by the close.",
            [("Orvane index", "down", 2.3)],
        ),
        # a rate's rise "to" a number reaches a level: the yield rose, by no stated number
        ("The Ruritanian yield extended its rise to 4.35%.", []),
        ("Kestrel extended losses to a fourth session.", []),
    ],
)
def test_extended_or_pared_to_a_number_is_the_moves_running_total(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


def test_a_yield_that_extended_its_rise_rose() -> None:
    assert directions("The Ruritanian yield extended its rise to 4.35%.") == {
        ("Ruritanian yield", "up")
    }


def test_futures_on_bursa_malaysia_are_the_commoditys_not_the_exchanges() -> None:
    # "Bursa" is the Malay bourse: where the contract trades, not what it is on
    assert numbered("Palm oil futures on Bursa Malaysia fell 1.7% to 3,900 ringgit a ton.") == [
        ("Palm oil futures", "down", 1.7)
    ]


def test_a_currency_is_read_by_the_word_of_its_iso_4217_name() -> None:
    # "shilling", "naira", "kwacha": from pycountry's currency names, not a hand-typed list
    assert numbered("The shilling depreciated 0.4% against the dollar.") == [
        ("shilling", "down", 0.4)
    ]
    assert numbered("The naira fell 1.2%.") == [("naira", "down", 1.2)]
    assert directions("The cedi, kwacha and birr all fell.") == {
        ("cedi", "down"),
        ("kwacha", "down"),
        ("birr", "down"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the object of a verb that moves something moved, not the subject that moved it
        ("Tech gains lifted the Orvane index 0.9% higher.", [("Orvane index", "up", 0.9)]),
        ("Weak data knocked the dollar 0.5% lower.", [("dollar", "down", 0.5)]),
        ("The news pushed Orvane shares up 12%.", [("Orvane", "up", 12.0)]),
        (
            "Tallis Steel's 7% slump dragged the Orvane index down 1.1%.",
            [("Tallis Steel", "down", 7.0), ("Orvane index", "down", 1.1)],
        ),
        (
            "The rally left the Kestrel index 2% higher for the week.",
            [("Kestrel index", "up", 2.0)],
        ),
    ],
)
def test_what_a_verb_moves_is_the_subject_of_the_move_after_it(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a leader named after "led by" with a move of its own
        ("Decliners were led by Orvane, down 4%, and Kestrel, off 3.5%.",
         [("Orvane", "down", 4.0), ("Kestrel", "down", 3.5)]),
        ("The Nikkei rose 0.5%, led by Orvane, up 4%.",
         [("Nikkei", "up", 0.5), ("Orvane", "up", 4.0)]),
        ("The index was dragged down by Orvane, off 3%, and Kestrel, down 2%.",
         [("Orvane", "down", 3.0), ("Kestrel", "down", 2.0)]),
        # a name joined by "and" after a relative clause is the subject of what follows it
        ("Orvane, which fell 4%, and Kestrel, off 3.5%, led decliners.",
         [("Orvane", "down", 4.0), ("Kestrel", "down", 3.5)]),
        ("Decliners were led by Orvane, which fell 4%, and Kestrel, off 3.5%.",
         [("Orvane", "down", 4.0), ("Kestrel", "down", 3.5)]),
        # a by-phrase set off by commas before the verb is an aside: the verb is the subject's
        ("The Nikkei, led by chip stocks, rose 1%.", [("Nikkei", "up", 1.0)]),
        ("The Orvane index, dragged down by Kestrel, fell 1%.", [("Orvane index", "down", 1.0)]),
        ("The Nikkei, led by chip stocks, rose 1%, and the Topix gained 0.5%.",
         [("Nikkei", "up", 1.0), ("Topix", "up", 0.5)]),
    ],
)  # fmt: skip
def test_leaders_after_led_by_and_names_after_a_relative_clause(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a description set right after a name is the name's: the move is the name's
        ("The Orvane index fell 1%, with Kestrel the worst-performing stock, down 5%.",
         [("Orvane index", "down", 1.0), ("Kestrel", "down", 5.0)]),
        ("The Orvane index fell 1%, with Kestrel, the worst-performing stock, down 5%.",
         [("Orvane index", "down", 1.0), ("Kestrel", "down", 5.0)]),
        ("The Stoxx 600 closed down 0.3%, with autos the worst-performing sector, down 2.1%.",
         [("Stoxx 600", "down", 0.3), ("autos", "down", 2.1)]),
        # sector shorthand of wire copy
        ("Autos rose 2%, while telecoms fell 1%.", [("Autos", "up", 2.0), ("telecoms", "down", 1.0)]),
        ("Retailers were the worst performers, down 3%.", [("Retailers", "down", 3.0)]),
    ],
)  # fmt: skip
def test_a_description_after_a_name_and_sector_shorthand(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a participle before the noun it describes says the noun's trend, not the subject's
        ("Orvane fell 4.9% after rising oil prices hurt airlines.",
         {("Orvane", "down"), ("oil prices", "up")}),
        ("Orvane rose 2% despite falling bond yields.",
         {("Orvane", "up"), ("bond yields", "down")}),
        ("Gold rose 1% on a weakening dollar.", {("Gold", "up"), ("dollar", "down")}),
        ("Orvane fell 3% amid rising competition.", {("Orvane", "down")}),
        ("The Orvane index climbed, shrugging off falling commodity prices.",
         {("Orvane index", "up")}),
        # a participle that takes a number, an adverb or "to" is the subject's move
        ("Orvane fell 2% after rising 3% on Monday.", {("Orvane", "down"), ("Orvane", "up")}),
        ("Orvane fell on Tuesday after rising sharply on Monday.",
         {("Orvane", "down"), ("Orvane", "up")}),
    ],
)  # fmt: skip
def test_a_participle_before_a_noun_describes_the_noun(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb that moves its object, then the object and the number
        ("Strong earnings lifted Orvane 3%.", [("Orvane", "up", 3.0)]),
        ("Strong earnings boosted Orvane shares by 3%.", [("Orvane", "up", 3.0)]),
        ("Weak data dragged the Orvane index 1.2%.", [("Orvane index", "down", 1.2)]),
        # the object of the verb moved, even inside a relative clause or when it is a reference
        ("Orvane, which dragged the index down 1.1%, fell 5%.",
         [("the index", "down", 1.1), ("Orvane", "down", 5.0)]),
        ("The news sent the stock up 12%.", [("the stock", "up", 12.0)]),
        # not a price: a dividend, a stake
        ("Orvane lifted its dividend 5%.", []),
    ],
)  # fmt: skip
def test_what_a_verb_moves_with_a_bare_number(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


def test_the_stock_after_a_name_that_moved_an_index_is_that_name() -> None:
    sentence = "Orvane dragged the Kestrel index down 1.1%; the stock is up 13.1% this year."
    assert numbered(sentence) == [("Kestrel index", "down", 1.1), ("Orvane", "up", 13.1)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a description owned by another name, set off by commas, is no item of a list
        ("Orvane, Kestrel's biggest rival, jumped 15%.", [("Orvane", "up", 15.0)]),
        ("The VIX, Wall Street's fear gauge, jumped 15% to 18.5.", [("VIX", "up", 15.0)]),
        ("The rand, South Africa's currency, fell 1%.", [("rand", "down", 1.0)]),
        # a country's instrument is: the next item of the list
        ("Losers were the rand, down 1.1%, India's rupee, down 0.75%, and the zloty, down 0.6%.",
         [("rand", "down", 1.1), ("India's rupee", "down", 0.75), ("zloty", "down", 0.6)]),
        ("Spain's Bankia, Italy's UniCredit and France's BNP fell 2%.",
         [("Bankia", "down", 2.0), ("UniCredit", "down", 2.0), ("BNP", "down", 2.0)]),
        # grades and markets of a commodity are part of its name
        ("Raw sugar fell 1.4% to 19.8 cents per lb, while white sugar lost 1.1%.",
         [("Raw sugar", "down", 1.4), ("white sugar", "down", 1.1)]),
        ("Arabica coffee rose 2% and robusta coffee gained 1%.",
         [("Arabica coffee", "up", 2.0), ("robusta coffee", "up", 1.0)]),
        # "a gauge of ..." is a gauge of its own, not the subject before it
        ("Emerging-market stocks fell 0.7%, and a gauge of their currencies slipped 0.2%.",
         [("Emerging-market stocks", "down", 0.7), ("gauge of their currencies", "down", 0.2)]),
    ],
)  # fmt: skip
def test_owned_descriptions_commodity_grades_and_a_gauge_of(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name that owns the head of a list's last item is no item of the list
        ("The pound, oil and London's equity markets all fell.",
         {("pound", "down"), ("oil", "down"), ("equity markets", "down")}),
        # what a participle describes is no subject of its clause's verb (what the verb
        # weighed on moved its way)
        ("Orvane fell 4.9% after concerns about rising oil prices weighed on airlines.",
         {("Orvane", "down"), ("oil prices", "up"), (None, "down"), ("airlines", "down")}),
        # the spread between two tenors is an instrument of its own
        ("The 10-year yield climbed 1.5 basis points, and the 2-year to 10-year spread "
         "flattened by 1.5 basis points.",
         {("10-year yield", "up"), ("2-year to 10-year spread", "down")}),
    ],
)  # fmt: skip
def test_owners_in_lists_participles_and_tenor_spreads(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert directions(sentence) == expected


def test_the_benchmark_before_a_name_is_a_word_for_it_and_the_opening_is_the_names() -> None:
    sentence = (
        "After starting the day in positive territory, the benchmark Orvane 200 closed "
        "34.8 points down."
    )
    assert [(_name(f), f.direction, f.session) for f in read_sentence(sentence).facts] == [
        ("Orvane 200", "up", "open"),
        ("Orvane 200", "down", "close"),
    ]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        # the period that owns the gains is not the period of the verb that gave them up
        ("Kestrel shares gave up most of Monday's gains.", None),
        ("Kestrel shares fell on Tuesday.", "tue"),
    ],
)
def test_a_period_owning_the_object_is_not_the_verbs(sentence: str, when: str | None) -> None:
    first = read_sentence(sentence).facts[0]
    assert first.direction == "down"
    assert (first.when.which if first.when else None) == when


def test_a_company_named_with_stock_and_its_code_is_one_name() -> None:
    assert numbered("Orvane stock (ORV) is higher by 2.4% today.") == [("Orvane", "up", 2.4)]


@pytest.mark.parametrize(
    "sentence",
    [
        "European shares opened lower on Monday.",
        "The dollar then turned weaker.",
        "Silver traded down in Asia.",
    ],
)
def test_a_verb_of_trading_before_the_direction_keeps_it_the_subjects(sentence: str) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.direction != "flat"]
    assert len(facts) == 1 and facts[0].attached


@pytest.mark.parametrize(
    "sentence",
    [
        # a closing verb, or a number of points, between the name and its direction word
        "Utilities finished in the black.",
        "The Orvane Index opened about 100 points higher.",
        "The Kestrel index closed 254 points higher.",
        "June palladium closed down 35 cents.",
    ],
)
def test_closing_verbs_and_points_between_keep_the_move_the_names(sentence: str) -> None:
    facts = read_sentence(sentence).facts
    assert len(facts) == 1 and facts[0].attached and facts[0].mention is not None


def test_a_name_then_was_the_best_performing_stock_owns_the_gain_after() -> None:
    sentence = (
        "Orvane Holding (ORVH) was the best performing stock for the week, with a gain of 1.4%."
    )
    assert numbered(sentence) == [("Orvane Holding", "up", 1.4)]


def test_week_over_week_fronted_is_the_weeks_move_and_names_nothing() -> None:
    facts = read_sentence("Week-over-week, the contract closed down 4 cents.").facts
    assert [(f.direction, f.timeframe) for f in facts] == [("down", "week")]
    assert all(f.mention is None or f.mention.reference for f in facts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the names that led a market's move moved that way, and so did the market
        ("Orvane, Kestrel and Tallis led the Stoxx 600 lower.",
         {("Stoxx 600", "down"), ("Orvane", "down"), ("Kestrel", "down"), ("Tallis", "down")}),
        ("Weak data sent the yen higher.", {("yen", "up")}),
        # a participle after the object is still the leader's
        ("Orvane Inc. led the index higher, adding more than 2.5 percent.",
         {("the index", "up"), ("Orvane Inc.", "up")}),
        # a leader's own gain, after 'with', is its own
        ("Kestrel led the index up with a 7.2% gain.", {("Kestrel", "up")}),
        # a country's index and the crypto market are instruments
        ("Bahrain's index was little changed.", {("Bahrain's index", "flat")}),
        ("Outside the Gulf, Egypt's blue-chip index eased 0.1%.",
         {("Egypt's blue-chip index", "down")}),
        ("The total crypto market capitalization shrank by 6.6%.",
         {("total crypto market capitalization", "down")}),
    ],
)  # fmt: skip
def test_leaders_of_a_move_a_countrys_index_and_the_crypto_market(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert directions(sentence) == expected


def test_a_companys_possessive_index_is_no_market() -> None:
    assert "Orvane's index" not in {
        m.name for m in read_sentence("Orvane's index fell 1%.").mentions
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "on a positive note", "on a flat note"; "the day" or "the session" before the direction
        ("The Kestrel index ended the session on a positive note.", {("Kestrel index", "up")}),
        ("The Orvane index closed on a negative note.", {("Orvane index", "down")}),
        ("Tallis shares ended on a flat note.", {("Tallis", "flat")}),
        ("The Orvane index ended the day higher.", {("Orvane index", "up")}),
        ("Kestrel Bank closed the week in the red.", {("Kestrel Bank", "down")}),
    ],
)  # fmt: skip
def test_closing_on_a_note_and_the_session_named_between(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    facts = read_sentence(sentence).facts
    assert {(_name(f), f.direction) for f in facts} == expected
    assert all(f.attached for f in facts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # early losses overcome: an earlier fall in the session, and the day's rise
        ("Kestrel Sciences overcame early losses to close 0.1% higher.",
         {("Kestrel Sciences", "up"), ("Kestrel Sciences", "down")}),
        ("The Orvane index shrugged off early losses to end 0.5% up.",
         {("Orvane index", "up"), ("Orvane index", "down")}),
        # shrugging off news is no move
        ("The Orvane index shrugged off weak data to rise 1%.", {("Orvane index", "up")}),
        # "indexes" ends the names of a pair
        ("Both the Orvane Midcap 100 and Orvane Smallcap 100 indexes ended little changed.",
         {("the Orvane Midcap 100", "flat"), ("Orvane Smallcap 100 indexes", "flat")}),
        # a gauge described with "an"
        ("An Asian equities benchmark advanced.", {("Asian equities benchmark", "up")}),
    ],
)  # fmt: skip
def test_early_losses_overcome_pairs_of_indexes_and_a_described_gauge(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert directions(sentence) == expected


def test_a_move_word_after_the_subjects_own_clause_is_the_subjects() -> None:
    facts = read_sentence("Brent crude hovered near $80 a barrel, down 30 cents.").facts
    assert [(_name(f), f.direction, f.attached) for f in facts] == [("Brent crude", "down", True)]
    facts = read_sentence("Brent crude hovered near $80, while WTI was down 30 cents.").facts
    assert all(_name(f) != "Brent crude" or f.direction != "down" for f in facts)


def test_a_described_name_is_no_subject_of_the_verb_after_it() -> None:
    facts = read_sentence("Gold was lifted by a weaker dollar and rose 1%.").facts
    assert ("dollar", "down") in {(_name(f), f.direction) for f in facts}
    assert all(_name(f) != "dollar" for f in facts if f.has_number)


@pytest.mark.parametrize(
    ("sentence", "direction", "timeframe"),
    [
        # a move undone or followed, owned by a named earlier period, is of that period
        ("Kestrel futures climbed after last week's declines.", "down", "week"),
        ("The Varno index rose, reversing last month's losses.", "down", "month"),
        ("The pound fell, erasing Monday's gains.", "up", "prior_session"),
    ],
)
def test_an_earlier_move_keeps_the_period_that_owns_it(
    sentence: str, direction: str, timeframe: str
) -> None:
    earlier = read_sentence(sentence).facts[-1]
    assert (earlier.direction, earlier.timeframe) == (direction, timeframe)


@pytest.mark.parametrize(
    ("sentence", "timeframe"),
    [
        # the level a move reached is part of its words; the period after it still labels it
        ("Two-year gilt yields, which had fallen back to 4.2 per cent yesterday afternoon, "
         "rose by 60 basis points.", "prior_session"),
        ("The 10-year Varno yield fell over 2 basis points to 4.059% on Monday.", "day"),
    ],
)  # fmt: skip
def test_a_period_after_the_level_reached_labels_the_move(sentence: str, timeframe: str) -> None:
    first = read_sentence(sentence).facts[0]
    assert first.timeframe == timeframe


def test_a_major_plunge_for_a_name_is_that_names() -> None:
    facts = read_sentence(
        "That was the second major plunge for Varno Coin over the last week."
    ).facts
    assert [(_name(f), f.direction, f.timeframe) for f in facts] == [("Varno Coin", "down", "week")]


def test_a_price_word_inside_the_move_outweighs_a_figure_before_it() -> None:
    (fact,) = read_sentence(
        "Varno's owners refused to pay record dividends, which led to a collapse in quotations by "
        "more than 30%."
    ).facts
    assert (fact.direction, fact.pct, fact.price) == ("down", 30.0, True)
    (figure,) = read_sentence("Orvane posted a 9.8 per cent rise in quarterly net profit.").facts
    assert not figure.price


@pytest.mark.parametrize(
    ("sentence", "day", "earlier"),
    [
        ("Varno stocks closed 1.7 percent higher, snapping a four-session slump.", "up", "down"),
        ("The Kestrel index fell 1%, ending a three-day rally.", "down", "up"),
    ],
)
def test_a_run_of_sessions_ended_is_a_move_of_the_sessions_before(
    sentence: str, day: str, earlier: str
) -> None:
    facts = read_sentence(sentence).facts
    assert facts[0].direction == day
    assert [(f.direction, f.timeframe) for f in facts if f.timeframe == "multi_day"] == [
        (earlier, "multi_day")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a sector's figure written with its sign in parentheses
        ("All sectors in the Kestrel index gained, with materials (+2.1%) and utilities (+0.4%) "
         "outperforming.", [("materials", "up", 2.1), ("utilities", "up", 0.4)]),
        ("Stocks fell, with property (-0.9%) the worst.", [("property", "down", 0.9)]),
    ],
)  # fmt: skip
def test_a_sectors_signed_figure_in_parentheses_is_its_own(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "price"),
    [
        # "per share" and "a share" name no share price
        ("Orvane's revenue rose 12%, while its adjusted earnings per share grew 30%.", False),
        ("Orvane's earnings of 10 cents a share grew 8%.", False),
        ("Net income rose to $2.5 million, while book value grew 8%.", False),
        # what is said of a move after its noun is not what moved
        ("The Kestrel index's 2% slide, led by weak exports data, hurt sentiment.", True),
        ("Last week the Varno index's 1.6% gain was fuelled by an upbeat jobs report.", True),
        ("Orvane posted a 4% rise in quarterly sales.", False),
    ],
)  # fmt: skip
def test_a_figure_per_share_and_what_is_said_of_a_moves_noun(sentence: str, price: bool) -> None:
    facts = [f for f in read_sentence(sentence).facts if f.has_number]
    assert [f.price for f in facts][-1] is price


@pytest.mark.parametrize(
    ("sentence", "timeframe"),
    [
        ("The Varno ETF has fallen 20% so far in 2022.", "ytd"),
        ("For 2022, the Varno ETF has traded lower by roughly 20%.", "ytd"),
        ("Kestrel is up 9% in 2024 to date.", "ytd"),
        ("For 2021, the Varno ETF fell 20%.", "year"),
        ("The Varno index fell 12% in 2021, which has hurt savers.", "year"),
        ("The stock has lost 55.1% in the past 12 months.", "year"),
    ],
)
def test_a_named_year_still_running_is_the_year_to_date(sentence: str, timeframe: str) -> None:
    assert only_fact(sentence).timeframe == timeframe


@pytest.mark.parametrize(
    "sentence",
    ["Orvane ▲5.2% Kestrel ▼3.1%", "Orvane ↑5.2%, Kestrel ↓3.1%", "Orvane △5.2%; Kestrel ▽3.1%"],
)
def test_an_arrow_before_a_figure_is_its_sign(sentence: str) -> None:
    assert numbered(sentence) == [("Orvane", "up", 5.2), ("Kestrel", "down", 3.1)]


def test_a_period_fronted_before_a_later_clause_is_that_clauses() -> None:
    facts = read_sentence(
        "Over the past three months, the stock has lost 7.2%, while over the past six months, it "
        "has shed 9.8%."
    ).facts
    assert [(f.pct, f.when) for f in facts] == [
        (7.2, When("span", "3 months")),
        (9.8, When("span", "6 months")),
    ]
    assert when_named("six months", bare=True) == When("span", "6 months")
    assert when_named("five sessions", bare=True) == When("week", "this")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb that moves its object states the object's direction, with no number of its own
        ("Strong results lifted the Kestrel index.", {("Kestrel index", "up")}),
        # (the verb's own subject is no name: a fact of no one)
        ("Weak data weighed on the Kestrel index.", {(None, "down"), ("Kestrel index", "down")}),
        ("Rising oil prices boosted Orvane shares on Monday.", {("Orvane", "up")}),
        ("Rising costs hurt Orvane Airlines.", set()),
        ("Kestrel Mining weighed on the Varno index.",
         {("Kestrel Mining", "down"), ("Varno index", "down")}),
        # not a noun ("selling pressure on"), a verb to come, a passive, a clause of its own
        ("Foreign investors sold, with selling pressure on Orvane and Kestrel.", set()),
        ("This should support risk assets and weigh on the Varno dollar.", set()),
        ("The news helped Orvane win a contract.", set()),
        ("The deal lifted Orvane's profit.", set()),
    ],
)  # fmt: skip
def test_the_object_of_a_verb_that_moves_it(
    sentence: str, expected: set[tuple[str | None, str]]
) -> None:
    assert directions(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A rally in banks helped the Kestrel index gain 1%.",
        "A rally in banks helped the Kestrel index to gain 1%.",
    ],
)
def test_what_a_verb_helped_to_move_holds_the_number(sentence: str) -> None:
    assert ("Kestrel index", "up", 1.0) in numbered(sentence)
    assert ("banks", "up", 1.0) not in numbered(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kestrel Coin was pushed south by about $500.", {("Kestrel Coin", "down")}),
        ("The Kestrel index turned north after the data.", {("Kestrel index", "up")}),
    ],
)
def test_pushed_south_and_turned_north_are_directions(
    sentence: str, expected: set[tuple[str | None, str]]
) -> None:
    assert directions(sentence) == expected


def test_points_then_a_percentage_with_no_comma_are_one_change() -> None:
    assert numbered("The Kestrel Main Index advanced by 3,927.57 points 1.19 per cent.") == [
        ("Kestrel Main Index", "up", 1.19)
    ]


def test_where_an_instrument_trades_stands_between_it_and_its_verb() -> None:
    (fact,) = read_sentence(
        "The price of Kestrel gold in the international market rose by US$ 12 to US$ 2,650."
    ).facts
    assert (fact.direction, fact.attached, fact.has_number) == ("up", True, True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a noun's object that carries its code in brackets
        ("The Varno index gained 1.3%, helped by a 3% jump in lender Orvane Bank (ORVB.VA) and a "
         "1.7% rise in Kestrel Holdings (KSTH.VA).",
         [("Varno index", "up", 1.3), ("Orvane Bank", "up", 3.0), ("Kestrel Holdings", "up", 1.7)]),
        # an aside set off by dashes, with a clause word of its own inside
        ("The Varno index – which reopened after a two-day break – gained 1.3%.",
         [("Varno index", "up", 1.3)]),
        # a Reuters index code keeps its dot
        ("The Kestrel Composite Index (.KSTCI) gained 1.3%.", [("Kestrel Composite Index", "up", 1.3)]),
        # giving up, with a number; a decimal comma
        ("Orvane surrendered 2,96% and Kestrel ceded 1.9%.",
         [("Orvane", "down", 2.96), ("Kestrel", "down", 1.9)]),
        # translated copy's verbs: 'valorizou', 'desvalorizou', 'regresse'
        ("Orvane valued 1.5% and Kestrel devalued 0.8%.",
         [("Orvane", "up", 1.5), ("Kestrel", "down", 0.8)]),
        ("The naira devalued by 2% while the Varno index regressed 0.4%.",
         [("naira", "down", 2.0), ("Varno index", "down", 0.4)]),
        ("Kestrel valorized 2.1%.", [("Kestrel", "up", 2.1)]),
        # a verb's particle or object before its number
        ("The yen fell back 0.3% and Orvane lost ground 1.5%.",
         [("yen", "down", 0.3), ("Orvane", "down", 1.5)]),
        ("Kestrel gained ground 2% and the peso slipped back 0.4%.",
         [("Kestrel", "up", 2.0), ("peso", "down", 0.4)]),
        # an item's price after its change, inside the parenthesis
        ("The biggest drops were recorded by Orvane (-12.73% at 24 MAD), Kestrel (-9.64% at 1,190 "
         "MAD).", [("Orvane", "down", 12.73), ("Kestrel", "down", 9.64)]),
        # a move noun whose "of" takes a signed number that agrees with it
        ("The Varno index posted a decline of -0.2% to stand at 61,200 points.",
         [("Varno index", "down", 0.2)]),
        ("The Varno index suffered a correction of -0.2%.", [("Varno index", "down", 0.2)]),
        # an amount in a currency's ISO code is no name
        ("Shares worth PLN 180m changed hands and Orvane rose 2%.", [("Orvane", "up", 2.0)]),
        # "the X Company (CODE)" is a name with its code, not a reference to a company before
        ("It is worth noting the fall in shares of the Orvane Tower management Company (OTMC), "
         "which fell by 15.61%.", [("Orvane Tower management Company", "down", 15.61)]),
        # a verb with a subject of its own that the reading does not know is not the first's
        ("Orvane fell 4.1% and widgets fell 5.9%.", [("Orvane", "down", 4.1), (None, "down", 5.9)]),
        ("Orvane fell 4.1% and later rebounded 2%.", [("Orvane", "down", 4.1), ("Orvane", "up", 2.0)]),
        ("Dalian coking coal fell 4.1% and coke fell 5.9%.",
         [("Dalian coking coal", "down", 4.1), ("coke", "down", 5.9)]),
        # a place set before the clause names the gauge a bare "the index" is
        ("In Qatar, the index (.QSI) rose 0.2%.", [("Qatar index", "up", 0.2)]),
        ("In Orvane, the index rose 0.2%.", [("the index", "up", 0.2)]),
    ],
)  # fmt: skip
def test_names_codes_and_asides_of_gulf_and_translated_wraps(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # each name of a listed object moved, codes and "shares of" included
        ("Chipmakers fell, with the biggest drop in shares of Orvane (ORV), Kestrel (KST) and "
         "Varno (VRN).",
         {("Chipmakers", "down"), ("Orvane", "down"), ("Kestrel", "down"), ("Varno", "down")}),
        # "led by gains in" is no "led the gains"
        ("The Tallis index rose 1%, led by gains in Orvane, Kestrel and Varno.",
         {("Tallis index", "up"), ("Orvane", "up"), ("Kestrel", "up"), ("Varno", "up")}),
        ("Orvane was among the steepest climbers after the results.", {("Orvane", "up")}),
        ("Yields on 5- and 20-year Varno bonds ended around the flatline.",
         {("Yields on 5- and 20-year Varno bonds", "flat")}),
        ("Orvane Coin started the week strong.", {("Orvane Coin", "up")}),
        ("The Kestrel index began the session on a weak note.", {("Kestrel index", "down")}),
    ],
)  # fmt: skip
def test_listed_objects_and_the_words_of_a_day_or_week_start(
    sentence: str, expected: set[tuple[str | None, str]]
) -> None:
    assert directions(sentence) == expected


def test_an_amount_in_a_currency_code_is_no_name() -> None:
    reading = read_sentence("Shares worth PLN 180m changed hands and Orvane rose 2%.")
    assert [m.name for m in reading.mentions] == ["Orvane"]


def test_the_yield_on_a_debt_is_a_price() -> None:
    fact = only_fact(
        "Varno bond yields jumped, with the yield on the 10-year debt instruments adding around "
        "30 basis points."
    )
    assert (fact.bp, fact.price) == (30.0, True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "seen as a benchmark" describes; it forecasts nothing
        ("The Varno 10-year yield, seen as a benchmark for the region, ticked lower.",
         [("10-year yield", "down", "unspecified")]),
        # the start of a session, and a turn the other way after it
        ("The Kestrel index started strong, but grew weaker as institutions sold.",
         [("Kestrel index", "up", "open"), ("Kestrel index", "down", "unspecified")]),
        ("Orvane erased its morning losses.", [("Orvane", "up", "unspecified")]),
        # a time of day fronted with no comma; "although" ends the label before it
        ("In the morning Kestrel jumped to 2,253 points.", [("Kestrel", "up", "intraday")]),
        ("Orvane rose 0.6 percent although in the morning the company was losing.",
         [("Orvane", "up", "unspecified"), ("Orvane", "down", "intraday")]),
    ],
)  # fmt: skip
def test_within_a_session_words(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    facts = read_sentence(sentence).facts
    assert [(_name(f), f.direction, f.session) for f in facts if f.realised] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name with what the company does between it and its verb (wire copy from Warsaw)
        ("Orvane insulin producer fell significantly.", {("Orvane", "down", True)}),
        ("Kestrel butter fat producer was gaining.", {("Kestrel", "up", True)}),
        # (a description with its article is a reference of its own)
        ("Varno said the copper producer rose 4%.", {("the copper producer", "up", True)}),
        # an aside set off by dashes between the subject and its verb
        ("Orvane crude – a key driver for the region's markets – fell.", {("Orvane crude", "down", True)}),
        # a time set before the subject is no place the subject is in
        ("In the morning Kestrel jumped to 2,253 points.", {("Kestrel", "up", True)}),
        # the moves, ranked, as a heading of the names that made them
        ("The biggest drops corresponded to Orvane, Kestrel and Varno.",
         {("Orvane", "down", True), ("Kestrel", "down", True), ("Varno", "down", True)}),
        ("The largest gains of the week came from Orvane and Kestrel.",
         {("Orvane", "up", True), ("Kestrel", "up", True)}),
        ("The biggest gains were limited.", set()),
        # the day's move told as the latest of a run
        ("The Varno index recorded its third consecutive decline this Friday.",
         {("Varno index", "down", True)}),
        ("Kestrel Coin posted its fifth straight weekly gain.", {("Kestrel Coin", "up", True)}),
        # the hardest hit of a fall
        ("The Varno index fell, with chipmakers among the hardest hit.",
         {("Varno index", "down", True), ("chipmakers", "down", True)}),
        ("Banks were the worst hit.", {("Banks", "down", True)}),
    ],
)  # fmt: skip
def test_subjects_with_descriptions_times_and_ranked_moves(
    sentence: str, expected: set[tuple[str | None, str, bool]]
) -> None:
    facts = read_sentence(sentence).facts
    assert {
        (_name(f), f.direction, f.attached) for f in facts if f.realised and f.price
    } == expected
