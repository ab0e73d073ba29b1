"""reading: whose number it is, in the sentence shapes of wire copy the reading misread.

Every sentence is invented (names like Orvane, Kestrel and Varno are no real instruments), one
per pattern; each case says which mention a careful reader gives each number to, or that the
number is no realised move at all.
"""

from __future__ import annotations

import pytest

from summarizer import instruments
from summarizer.engines.rules import summarize_text
from summarizer.reading import Fact, read_sentence, stated_numbers

Stated = tuple[str | None, str, float | None]


def _name(fact: Fact) -> str | None:
    return fact.mention.name if fact.mention is not None else None


def numbered(sentence: str) -> list[Stated]:
    """(instrument, direction, percent or bp) of every realised fact stated with a number."""
    return [
        (_name(f), f.direction, f.pct if f.pct is not None else f.bp)
        for f in read_sentence(sentence).facts
        if f.has_number and f.realised
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a leader with its own move: "led by X with a N% gain"
        ("Nine of the 11 sectors rose, led by energy with a 2.4% gain, followed by utilities "
         "up 0.8%.", [("energy", "up", 2.4), ("utilities", "up", 0.8)]),
        ("Varno stocks rose, led by Orvane with a 2.4% gain.", [("Orvane", "up", 2.4)]),
        ("Most sectors fell, led by technology with a 1.9% drop.", [("technology", "down", 1.9)]),
        ("Most sectors fell, led by technology, down 1.9%.", [("technology", "down", 1.9)]),
        # a move noun whose object moved, "each" or not
        ("Strong gains of about 3.5% each in Orvane and Kestrel Group lifted the index.",
         [("Orvane", "up", 3.5), ("Kestrel Group", "up", 3.5)]),
        ("Steep losses of 4% in Varno Bank weighed on the market.", [("Varno Bank", "down", 4.0)]),
        # the object a verb moves, its points first: "pushed the index up by N points (+P%)"
        ("Orvane (+2.1%) and Kestrel (+1.5%) pushed the Varno index up by 45 points (+0.6%).",
         [("Orvane", "up", 2.1), ("Kestrel", "up", 1.5), ("Varno index", "up", 0.6)]),
        ("Orvane dragged the Varno index down 45 points, or 0.6%.",
         [("Varno index", "down", 0.6)]),
        # "its" is the subject's, not the name right before it
        ("Orvane was added to the Varno 50 index, with its share price jumping 5% to a record.",
         [("Orvane", "up", 5.0)]),
        ("The Kestrel index fell after a warning from Orvane, with its shares sliding 6%.",
         [("Orvane", "down", 6.0)]),
        ("The franc gained 2.3% against the euro in the quarter, which pushed its year-to-date "
         "gain to 4 percent.", [("franc", "up", 2.3), ("franc", "up", 4.0)]),
        # (a move the other way is the object's)
        ("The dollar rose 0.5% against the yen, which pushed its decline this year to 8%.",
         [("dollar", "up", 0.5), ("yen", "down", 8.0)]),
        # a gauge described, then named: the name is what moved
        ("The main index of the Varno Stock Exchange, the Kestrel 40, fell by 4.78%.",
         [("Kestrel 40", "down", 4.78)]),
        ("The Varno exchange recorded an advance of 0.8% in its main index, the Orvane 20.",
         [("Orvane 20", "up", 0.8)]),
        # a name with the lower-case words that describe it
        ("The Kestrel electronic exchange index fell by 112.4 points (1.93%).",
         [("Kestrel electronic exchange index", "down", 1.93)]),
        # letters joined by "and" are one name
        ("Varno C and T shot down 9.93 percent.", [("Varno C and T", "down", 9.93)]),
        ("Regional currencies weakened, with the Kestrel index of emerging market currencies "
         "falling 0.4%.", [("Kestrel index of emerging market currencies", "down", 0.4)]),
        # a tenor written short
        ("The yield on the 10-yr Varno bond fell 4 basis points.",
         [("yield on the 10-yr Varno bond", "down", 4.0)]),
        ("The 2-yr yield rose 3 bps to 4.1%.", [("2-yr yield", "up", 3.0)]),
        # "ahead by", "behind by" and "progress of", with their number
        ("The Kestrel 40 remains ahead by 3.5% on a year-to-date basis.",
         [("Kestrel 40", "up", 3.5)]),
        ("The pound was behind by 0.9% on a year-to-date basis.", [("pound", "down", 0.9)]),
    ],
)  # fmt: skip
def test_the_number_goes_to_the_name_the_sentence_gives_it(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a headline in title case: its verbs of forecasting are still verbs
        "Analyst Projects 300% Rally for Orvane",
        "Strategist Predicts 50% Surge in Kestrel",
        "Orvane Price Prediction: Analyst Projects 500% Rally",
        # a move of a time to come
        "The Varno index seen up 20% by the end of next year.",
        "Orvane could rally 40% over the next month.",
        "Analysts see a 20% rally in the Kestrel 40 next year.",
    ],
)
def test_a_forecast_is_no_move(sentence: str) -> None:
    assert numbered(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a headline's past move, and a move before a date to come, are moves
        ("Orvane Shares Jump 12% After Earnings Beat", [("Orvane", "up", 12.0)]),
        # a name that is a verb of forecasting, in a title-case headline, is still a name
        ("Shares Of Target Jump 5% In Early Trade", [("Target", "up", 5.0)]),
        ("The Kestrel 40 rose 2% ahead of next week's central bank meeting.",
         [("Kestrel 40", "up", 2.0)]),
        ("Orvane shares had fallen 20% by year-end.", [("Orvane", "down", 20.0)]),
    ],
)  # fmt: skip
def test_a_move_beside_words_of_the_future_is_still_a_move(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a headline of two words and a number: its verb is no part of the name
        ("Orvane Drops 5%", [("Orvane", "down", 5.0)]),
        ("Kestrel Down 1.3%", [("Kestrel", "down", 1.3)]),
        # a verb or a word for the stock before the direction
        ("Varno 40 Ends Up 0.5%", [("Varno 40", "up", 0.5)]),
        ("Orvane Stock Down 4% After Recall", [("Orvane", "down", 4.0)]),
        # "Stock" in a name stays in it
        ("Varno Stock Exchange Falls 2% On Monday", [("Varno Stock Exchange", "down", 2.0)]),
    ],
)  # fmt: skip
def test_a_short_headline_names_the_instrument_without_its_verb(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


def test_the_words_after_a_verb_that_moves_another_name_are_not_the_first_names() -> None:
    # the record close and the second straight day are the index's, not the two stocks'
    sentence = (
        "Gains of about 3.5% each in Orvane and Kestrel Group helped the Varno index close at a "
        "record high for a second straight day."
    )
    stocks = [f for f in read_sentence(sentence).facts if _name(f) in ("Orvane", "Kestrel Group")]
    assert [(f.pct, f.session, f.timeframe) for f in stocks] == [
        (3.5, "unspecified", "unspecified"),
        (3.5, "unspecified", "unspecified"),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Strong gains in Orvane lifted the index.", "Mixed results from Kestrel weighed."],
)
def test_a_sentences_first_adjective_is_no_name(sentence: str) -> None:
    names = [m.name for m in read_sentence(sentence).mentions]
    assert names[0] in ("Orvane", "Kestrel"), names


@pytest.mark.parametrize(
    ("text", "percents", "basis_points"),
    [
        ("rose 2-1/2 basis points", [], [2.5]),
        ("rose 2 1/2 basis points", [], [2.5]),
        ("rose 2½ bps to 4.1%", [4.1], [2.5]),
        ("fell 1/2 bp", [], [0.5]),
        ("rose 1 1/4 percent", [1.25], []),
        ("up 3/4%", [0.75], []),
        ("rose a basis point", [], [1.0]),
        ("rose 1.5 p.c. on Monday", [1.5], []),
        ("rose 1.5 per-cent", [1.5], []),
        ("rose 1.5 pc", [1.5], []),
        # US copy's leading point; a unit hyphenated to its number before a noun
        ("rose .5%", [0.5], []),
        ("a 1.5-percent gain", [1.5], []),
        ("a 25-basis-point cut", [], [25.0]),
        ("a 10-bp rise", [], [10.0]),
        ("the 10-year yield rose 3 bps", [], [3.0]),
        # a price's fraction has no unit; a curve's tenors are no number
        ("fell 5/32 in price", [], []),
        ("the 2/10s curve steepened 3 bps", [], [3.0]),
        ("half a percentage point higher", [], [50.0]),
    ],
)
def test_numbers_written_as_fractions_or_with_other_units(
    text: str, percents: list[float], basis_points: list[float]
) -> None:
    assert stated_numbers(text) == (percents, basis_points)


@pytest.mark.parametrize(
    ("name", "other", "verdict"),
    [
        # a company named after a commodity is no commodity
        ("gold", "Varno Gold International", "different"),
        ("copper", "Kestrel Copper", "different"),
        ("gold", "Orvane Gold", "different"),
        ("gold", "spot gold", "same"),
        ("gold", "COMEX gold futures", "same"),
        # "&" and "and" between letters; words a story says of a group
        ("Varno C&T", "Varno C and T", "same"),
        ("Kestrel energy sector", "weighty energy sector", "same"),
        ("Kestrel energy sector", "beleaguered materials sector", "different"),
        ("Varno 10-year bond yield", "10-yr Varno bond", "same"),
        ("Varno 2-year yield", "Varno 10-yr yield", "different"),
        ("Kestrel Composite", "Kestrel electronic exchange index", "same"),
    ],
)  # fmt: skip
def test_names_compared(name: str, other: str, verdict: str) -> None:
    assert instruments.compare(name, other) == verdict


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "that" with a move verb right after it relates the move to the name before it
        ("Oil and gold were dealt a blow by a dollar that rallied.",
         {("Oil", "down"), ("gold", "down"), ("dollar", "up")}),
        # "that" before a plural is no determiner
        ("Analysts noted that shares rose 5%.", {("shares", "up")}),
        ("The Kestrel index took a hit on Tuesday.", {("Kestrel index", "down")}),
    ],
)  # fmt: skip
def test_who_moved_which_way(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert {(_name(f), f.direction) for f in read_sentence(sentence).facts} == expected


@pytest.mark.parametrize(
    ("sentence", "timeframe"),
    [
        (
            "The index is now up roughly 13% in 2025, compared with a 17% rise in the S&P 500.",
            "ytd",
        ),
        ("The index rose 13% in 2024.", "year"),
    ],
)
def test_a_years_move_said_of_now_is_the_year_to_date(sentence: str, timeframe: str) -> None:
    assert read_sentence(sentence).facts[0].timeframe == timeframe


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Orvane and Kestrel posted modest gains.", ["Orvane", "Kestrel"]),
        ("Orvane posted a modest gain on Tuesday.", ["Orvane"]),
        ("Varno Bank also recorded solid gains.", ["Varno Bank"]),
    ],
)
def test_a_name_that_posted_gains_moved(sentence: str, names: list[str]) -> None:
    # the rules engine reports a move with no number only where its name is attached to it
    facts = read_sentence(sentence).facts
    assert [(_name(f), f.direction, f.attached) for f in facts] == [
        (name, "up", True) for name in names
    ]


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        # a run that names its own direction, ended by the day's move or extended by it
        ("The Kestrel index closed down 1.46%, ending a three-day streak of gains.", "up"),
        ("The Kestrel 50 fell 0.8%, snapping a five-session run of good gains.", "up"),
        ("The Varno All Share fell 0.3% after four days of gains.", "up"),
        ("The Varno index rose 0.5% after three sessions of losses.", "down"),
        ("Kestrel soybean futures retreated after two sessions of gains.", "up"),
        ("Kestrel aluminium fell 1%, retreating after eight straight sessions of gains.", "up"),
        ("Kestrel gold futures rose 0.5%, marking a fourth straight day of gains.", "up"),
        ("The Varno index rose 0.4%, its third session in a row of gains.", "up"),
        ("The Varno index fell 0.5%, its third straight losing session.", "down"),
    ],
)
def test_the_sessions_before_go_the_way_the_run_says(sentence: str, earlier: str) -> None:
    # the earlier sessions' move, attached to its name: the rules engine reports it
    runs = [
        (f.direction, f.attached)
        for f in read_sentence(sentence).facts
        if f.timeframe == "multi_day" and f.attached
    ]
    assert runs and all(direction == earlier for direction, _ in runs), runs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a move noun whose object lists names, commas and all
        ("The index rose on price gains in counters such as Orvane Bank, Kestrel Holdings and "
         "Varno Group.", ["Orvane Bank", "Kestrel Holdings", "Varno Group"]),
        ("The index was lifted by gains in Orvane, Kestrel and Varno.",
         ["Orvane", "Kestrel", "Varno"]),
        ("Gains in Orvane and Kestrel lifted the index.", ["Orvane", "Kestrel"]),
        ("Stocks rose on gains in Orvane and Kestrel.", ["Orvane", "Kestrel"]),
    ],
)  # fmt: skip
def test_the_names_a_move_noun_lists_moved(sentence: str, expected: list[str]) -> None:
    attached = [_name(f) for f in read_sentence(sentence).facts if f.attached and f.mention]
    assert [name for name in attached if name in expected] == expected


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # an amount in kwacha is no name; nor is a verb of reporting part of one
        ("Zambeef recorded price increases of K0.11, K6, K0.04.", ["Zambeef"]),
        ("Kestrel preferred shares rose 2%.", ["Kestrel preferred"]),
    ],
)
def test_what_is_no_name(sentence: str, names: list[str]) -> None:
    assert [m.name for m in read_sentence(sentence).mentions] == names


@pytest.mark.parametrize(
    ("sentence", "timeframes"),
    [
        # a move set beside another for comparison is of the other's period
        ("The index is now up roughly 13% in 2025, compared with a 17% rise in the Varno 50.",
         ["ytd", "ytd"]),
        ("Orvane rose 3% this week, compared with a 1% gain in the index.", ["week", "week"]),
        # (a move joined by "while" names its own)
        ("Orvane rose 3% this week, while Kestrel fell 1%.", ["week", "unspecified"]),
    ],
)  # fmt: skip
def test_a_comparisons_period(sentence: str, timeframes: list[str]) -> None:
    assert [f.timeframe for f in read_sentence(sentence).facts] == timeframes


@pytest.mark.parametrize(
    "text",
    [
        "The Varno index fell as investors continued to take profit.",
        "Kestrel stocks slipped as traders were taking profits after the rally.",
    ],
)
def test_taking_profit_is_a_flow_of_capital(text: str) -> None:
    assert [c.type for c in summarize_text(text, 0, len(text)).catalysts] == ["capital_flows"]


def test_a_list_item_of_two_words_joined_by_and_is_one_name() -> None:
    sentence = (
        "The telecom sector index shot up 1.8%, industrials (0.33%), consumer goods and services "
        "(0.15%) and banks and financial services (0.03%)."
    )
    assert numbered(sentence) == [
        ("telecom sector index", "up", 1.8),
        ("industrials", "up", 0.33),
        ("consumer goods and services", "up", 0.15),
        ("banks and financial services", "up", 0.03),
    ]


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Varno transportation index", "transport"),
        ("Kestrel telecommunications sector", "telecom sector"),
        ("Orvane Pharmaceuticals", "Orvane Pharma"),
    ],
)
def test_a_sectors_two_names_are_one(name: str, other: str) -> None:
    assert instruments.compare(name, other) == "same"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a modifier before "and" shares the head of the name after it: tenors...
        ("The 5-year and 2-year bonds increased by 4.1bp and 6.3bp respectively.",
         [("5-year bonds", "up", 4.1), ("2-year bonds", "up", 6.3)]),
        ("The three- and 7-year yields fell 2 and 3 basis points, respectively.",
         [("three-year yields", "down", 2.0), ("7-year yields", "down", 3.0)]),
        # ... and places, a list of them too
        ("Taiwan, Thailand and Malaysia stocks fell 1%, 2% and 3%, respectively.",
         [("Taiwan stocks", "down", 1.0), ("Thailand stocks", "down", 2.0),
          ("Malaysia stocks", "down", 3.0)]),
        # (two places with no head after them are the two places)
        ("Stocks in Norway and Denmark fell 1%.", [("Norway", "down", 1.0),
                                                  ("Denmark", "down", 1.0)]),
        # the words before each figure of a list of figures name what moved, known or not
        ("Losses were led by transport (-1.2 percent), leisure (-0.8 percent) and shipping and "
         "ports (-0.5 percent).",
         [("transport", "down", 1.2), ("leisure", "down", 0.8),
          ("shipping and ports", "down", 0.5)]),
        ("Among sub-indices, “forestry” (+4.1%) and “beverages” (+2.2%) led.",
         [("forestry", "up", 4.1), ("beverages", "up", 2.2)]),
        # two sectors that "both" moved
        ("Stocks ended lower, with banks and insurance both dropping 1.4 percent.",
         [("banks", "down", 1.4), ("insurance", "down", 1.4)]),
        # a rate's change, then the level it reached, is no range
        ("The 7-year yield lost 2.5% to 3.12%.", [("7-year yield", "down", 2.5)]),
        ("Shares of Orvane rose 2% to 3%.", []),
        # a rate's change told in percentage points and in percent
        ("The 5-year yield fell 0.25 percentage point, or 6.2%, to 3.8%.",
         [("5-year yield", "down", 6.2)]),
        # a price band's top and bottom
        ("Kestrel Land hit the ceiling at 6.9 per cent, while Varno Steel hit the floor price at "
         "7 per cent.", [("Kestrel Land", "up", 6.9), ("Varno Steel", "down", 7.0)]),
        # "per-cent" written with a hyphen before a move noun
        ("Orvane's 4.2-per-cent rise added 30 points to the index.", [("Orvane", "up", 4.2)]),
        # a place set before the clause is no name the clause is an aside of
        ("In Lisbon, the 10-year yield closed at 3.1%, up 4 basis points.",
         [("10-year yield", "up", 4.0)]),
        # the neighbourhood of a level is a level
        ("The 10-year yield climbed to the 4% range.", []),
        # the exchange rate of a currency is the currency's price
        ("The exchange rate of the Swedish krona against the euro sank 0.9 per cent.",
         [("Swedish krona", "down", 0.9)]),
    ],
)  # fmt: skip
def test_shared_heads_lists_of_figures_and_rates(sentence: str, expected: list[Stated]) -> None:
    assert [s for s in numbered(sentence) if s[2] is not None] == expected


def test_the_figures_of_a_list_of_company_results_are_no_moves() -> None:
    text = "Revenue (+5%) and profit (+3%) beat forecasts."
    assert summarize_text(text, 0, len(text)).moves == []


def test_a_move_measured_from_the_previous_day_is_no_move_of_that_day() -> None:
    (fact,) = read_sentence("The Varno index rose 1.2% from the previous day.").facts
    assert (fact.pct, fact.timeframe) == (1.2, "unspecified")


def test_the_days_before_a_move_say_nothing_of_its_direction() -> None:
    reading = read_sentence("The Varno index opened 0.7 percent after several days of sharp falls.")
    assert reading.cues == ()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # items after semicolons, each a name and its number, repeat the verb...
        ("Lisbon is up 1.1%; Madrid, 0.9%; Athens, 1.4%.",
         [("Lisbon", "up", 1.1), ("Madrid", "up", 0.9), ("Athens", "up", 1.4)]),
        # ... and an index's number is part of its name, not a percentage of a list
        ("The Dax rose 1.3%; the CAC 40, 1.2%; and the FTSE 100, 0.8%.",
         [("Dax", "up", 1.3), ("CAC 40", "up", 1.2), ("FTSE 100", "up", 0.8)]),
        # what an apposition says of the name before it is the name's
        ("VRX, the oldest index on the Varno Stock Exchange (VSE), rose by 0.37 percent.",
         [("VRX", "up", 0.37)]),
        ("The Spanish national index, the IBEX 35, is up 151.2 points, or 1.62%.",
         [("IBEX 35", "up", 1.62)]),
        ("Kestrelcoin, the third-largest cryptocurrency by market value, fell below $3,100, "
         "reflecting a 6% decrease.", [("Kestrelcoin", "down", 6.0)]),
        # "some" of a group moved: no name
        ("Tokens slid, with some dropping nearly 14%.", [(None, "down", 14.0)]),
        # numbers told in turn of names the reading does not all know: the unknown one's
        # number is no one's (not the known name's)
        ("Iron ore and gizmos fell 1.5% and 0.8%, respectively.",
         [("Iron ore", "down", 1.5), (None, "down", 0.8)]),
        ("Copper and tin fell 1.5% and 0.8%, respectively.",
         [("Copper", "down", 1.5), ("tin", "down", 0.8)]),
    ],
)  # fmt: skip
def test_semicolon_lists_appositions_and_names_not_all_read(
    sentence: str, expected: list[Stated]
) -> None:
    assert numbered(sentence) == expected


def test_gainers_named_with_where_they_gained() -> None:
    reading = read_sentence(
        "Major gainers in the main market included Orvane Holding, Kestrel Bank and Varno Foods."
    )
    assert [(_name(f), f.direction) for f in reading.facts] == [
        ("Orvane Holding", "up"),
        ("Kestrel Bank", "up"),
        ("Varno Foods", "up"),
    ]


def test_what_an_aside_says_a_company_makes_is_no_figure_of_its_move() -> None:
    text = "Orvane Group, known for its mining and steel production, rose 0.4 percent."
    assert [(m.instrument, m.change_pct) for m in summarize_text(text, 0, len(text)).moves] == [
        ("Orvane Group", 0.4)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a heading of gainers or losers after a fronted place, or in a clause of its own, with
        # words that describe a name before it
        ("In the Varno-30 basket, the biggest gainers included property giant Orvane (ORV), "
         "Kestrel Group (KSG) and Varno Air (VAR).",
         [("Orvane", "up"), ("Kestrel Group", "up"), ("Varno Air", "up")]),
        ("Stocks rose, with gainers including Orvane Bank (ORB) and Kestrel Bank (KSB).",
         [(None, "up"), ("Orvane Bank", "up"), ("Kestrel Bank", "up")]),
        ("Banks were mixed, while losers were Orvane Bank (ORB) and Kestrel Bank (KSB).",
         [("Orvane Bank", "down"), ("Kestrel Bank", "down")]),
        # a count is no name
        ("Another 59 closed flat.", [(None, "flat")]),
        # a name in quotes and the word after it are one name
        ("Losses were led by “Orvane” Communications and “Kestrel” Insurance, down by 8.86 "
         "percent and 8.39 percent, respectively.",
         [("“Orvane” Communications", "down"), ("“Kestrel” Insurance", "down")]),
        # where the figures come from is no name
        ("The price of kestrelcoin (KST) has plunged this week, trading at $1,878 according to "
         "exchange data via Varnoview — down 23% in 24 hours.", [("KST", "down"), ("KST", "down")]),
        # an acronym of the words before it is no name
        ("The broader VX 70 of the leading small and medium enterprises (SMEs) dropped by 0.67 "
         "per cent.", [("VX 70", "down")]),
    ],
)  # fmt: skip
def test_headings_quoted_names_counts_sources_and_acronyms(
    sentence: str, expected: list[tuple[str | None, str]]
) -> None:
    assert [(_name(f), f.direction) for f in read_sentence(sentence).facts] == expected


@pytest.mark.parametrize(
    ("name", "other", "verdict"),
    [
        # a group of companies by a lower-case word is not one company named with that word
        ("Omani bank shares", "Varno National Bank", "different"),
        ("tech stocks", "Orvane Tech", "different"),
        # (a gauge may be the group's, and a company's shares are the company)
        ("Varno tech stocks", "Varno Tech index", "same"),
        ("Orvane shares", "Orvane", "same"),
    ],
)
def test_a_group_of_companies_and_one_company(name: str, other: str, verdict: str) -> None:
    assert instruments.compare(name, other) == verdict


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a move noun set before the subject is the subject's own move before the one told
        ("Despite a promising start, the Varno index fell 0.5% in the late afternoon.",
         [("Varno index", "up", None), ("Varno index", "down", 0.5)]),
        ("After a strong rally, the Kestrel index fell sharply.",
         [("Kestrel index", "up", None), ("Kestrel index", "down", None)]),
        # (a fronted phrase that moves nothing names no move)
        ("After a meeting, Orvane rose 2%.", [("Orvane", "up", 2.0)]),
        # a count of shares is part of an index's name
        ("The VSE 30-share index grew by 99.53 points or 0.59 percent.",
         [("VSE 30-share index", "up", 0.59)]),
    ],
)  # fmt: skip
def test_fronted_move_nouns_and_share_counts(sentence: str, expected: list[Stated]) -> None:
    facts = read_sentence(sentence).facts
    assert [(_name(f), f.direction, f.pct) for f in facts] == expected


def test_the_move_before_the_one_told_is_of_an_earlier_period() -> None:
    first = read_sentence("After a strong rally, the Kestrel index fell sharply.").facts[0]
    assert first.timeframe == "prior_session"


@pytest.mark.parametrize(
    ("name", "other", "verdict"),
    [
        # a group's own words capitalised are still the group
        ("Varno real estate stocks", "Real Estate", "same"),
        # a country's name before a commodity's is the commodity's place
        ("WTI crude futures", "United States West Texas Intermediate crude futures", "same"),
    ],
)
def test_a_groups_capitalised_words_and_a_countrys_commodity(
    name: str, other: str, verdict: str
) -> None:
    assert instruments.compare(name, other) == verdict


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "and Company" ends a name, so the list item before its figure is named
        ("Orvane (up 1.5 percent at 35.50), Kestrel and Company (up 7.1 percent at 27.30) and "
         "Varno Holdings (up 2.2 percent) gained.",
         [("Orvane", "up", 1.5), ("Kestrel and Company", "up", 7.1),
          ("Varno Holdings", "up", 2.2)]),
        # an increment is a rise
        ("Orvane enjoyed a 2.2% increment, while Kestrel recorded a 1% decrement.",
         [("Orvane", "up", 2.2), ("Kestrel", "down", 1.0)]),
        # an index's lower-case "allshare" is part of its name
        ("VSE allshare-index went up by 112.08 points or 0.70 percent, while the VSE 30-share "
         "index grew by 99.53 points or 0.59 percent.",
         [("VSE allshare-index", "up", 0.7), ("VSE 30-share index", "up", 0.59)]),
    ],
)  # fmt: skip
def test_company_suffixes_and_lower_case_index_words(sentence: str, expected: list[Stated]) -> None:
    assert numbered(sentence) == expected


@pytest.mark.parametrize(
    ("name", "other", "verdict"),
    [
        # a sector's group is not the whole market's gauge...
        ("Omani bank shares", "Muscat Stock Exchange index", "different"),
        # ... unless the gauge is the sector's
        ("Omani bank shares", "Oman banks index", "same"),
        # one company's shares are no group ("U.S.-listed" is no sector)
        ("Orvane U.S.-listed shares", "Orvane’s U.S.-listed", "same"),
        ("Varno utilities sector", "utilities stocks", "same"),
    ],
)
def test_a_sectors_group_and_a_markets_gauge(name: str, other: str, verdict: str) -> None:
    assert instruments.compare(name, other) == verdict


def test_spans_of_a_different_count_are_different_periods() -> None:
    from summarizer.reading.periods import conflicts, when_named

    four = when_named("previous four weeks", bare=True)
    two, also_four = when_named("over the past two weeks"), when_named("over the past 4 weeks")
    assert four is not None and two is not None and also_four is not None
    assert conflicts(four, two) and not conflicts(four, also_four)


def test_a_names_price_that_moved_is_the_names_move() -> None:
    text = "Kestrelcoin’s price fell to below $95,000 per coin on Friday."
    assert [(m.instrument, m.direction) for m in summarize_text(text, 0, len(text)).moves] == [
        ("Kestrelcoin", "down")
    ]


def test_a_stock_exchange_that_moved_is_its_index() -> None:
    assert instruments.kind_of("Varno stock exchange") == "index"


@pytest.mark.parametrize("unit", ["pesewas", "kobo", "fils", "piastres", "shillings"])
def test_a_change_in_a_currencys_small_units_is_a_number(unit: str) -> None:
    (fact,) = read_sentence(f"Orvane added 8 {unit} to settle at 3.29.").facts
    assert (fact.direction, fact.has_number) == ("up", True)


@pytest.mark.parametrize(
    ("sentence", "timeframe"),
    [
        # the period a driver's clause names is the driver's, not the move's
        ("Orvane tumbled 11% on news the maker late Tuesday cut its guidance for 2014.",
         "unspecified"),
        ("Orvane rose 5% on hopes that demand in 2025 will recover.", "unspecified"),
        ("Kestrel fell 3% due to weak results for the first quarter.", "unspecified"),
        # the move's own period still is
        ("Orvane rose 5% in 2024 on hopes of a deal.", "year"),
    ],
)  # fmt: skip
def test_a_period_inside_the_drivers_clause_is_not_the_moves(sentence: str, timeframe: str) -> None:
    [fact] = [f for f in read_sentence(sentence).facts if f.pct is not None]
    assert fact.timeframe == timeframe


def test_a_driver_clause_keeps_its_own_numbers_to_its_own_names() -> None:
    assert numbered("Orvane rose 5% due to a 3% rise in Kestrel.") == [
        ("Orvane", "up", 5.0), ("Kestrel", "up", 3.0)
    ]  # fmt: skip
