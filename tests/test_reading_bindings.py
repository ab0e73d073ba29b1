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
