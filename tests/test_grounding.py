"""grounding: locating quotes in the source, and the gate that checks an LLM's move.

The gate (`check_move`) is called as the LLM validator calls it: the evidence, the chunk it was
quoted from as `source`, and where in the chunk it stands as `span`. It refuses a move on evidence
of a mismatch (a number not stated, stated for another instrument, a contradicted direction, a
claimed timeframe the number is not) and lets through what it cannot read. Paragraphs and
sentences here are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.grounding import (
    check_move,
    confirmed_by_quote,
    locate_evidence,
    percents_in,
    session_claimed,
    timeframe_claimed,
)
from summarizer.models import Move

SOURCE = "Alibaba’s “AI+Cloud” push —\n  BABA-W surged over 18% today. SMIC rose nearly 5%."


def test_exact_match_first() -> None:
    start = SOURCE.index("BABA-W")
    assert locate_evidence("BABA-W surged over 18%", SOURCE) == (start, start + 22)


def test_whitespace_quotes_and_dashes_are_tolerated_and_map_back() -> None:
    span = locate_evidence('Alibaba\'s "AI+Cloud" push - BABA-W surged', SOURCE)
    assert span is not None
    assert SOURCE[span[0] : span[1]] == "Alibaba’s “AI+Cloud” push —\n  BABA-W surged"


def test_case_and_wording_are_not_tolerated() -> None:
    assert locate_evidence("baba-w surged over 18%", SOURCE) is None
    assert locate_evidence("BABA-W soared over 18%", SOURCE) is None
    assert locate_evidence("   ", SOURCE) is None


def test_search_window() -> None:
    smic = SOURCE.index("SMIC")
    assert locate_evidence("SMIC rose", SOURCE, start=smic - 1) == (smic, smic + 9)
    assert locate_evidence("SMIC rose", SOURCE, end=smic + 5) is None
    assert locate_evidence("SMIC  rose", SOURCE, start=smic + 1) is None


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_substring_is_found(source: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(source) - 1))
    end = data.draw(st.integers(start + 1, len(source)))
    needle = source[start:end]
    if not needle.strip():
        return
    span = locate_evidence(needle, source)
    assert span is not None and source[span[0] : span[1]] == needle


def test_percents_in_digits_and_words() -> None:
    assert percents_in("over 18%, -36.61% and 5.4 percent") == [18.0, 36.61, 5.4]
    assert percents_in("gave up about one percent, then two per cent") == [1.0, 2.0]
    assert percents_in("almost three-quarters of a per cent") == [0.75]


def gate(
    paragraph: str,
    evidence: str,
    instrument: str,
    direction: str,
    pct: float | None = None,
    bp: float | None = None,
    **fields: Any,
) -> str | None:
    """The gate's verdict on a move quoted from paragraph, located as the LLM validator does."""
    span = locate_evidence(evidence, paragraph)
    assert span is not None, evidence
    move = Move(
        instrument=instrument,
        direction=direction,
        change_pct=pct,
        change_bp=bp,
        evidence=evidence,
        span=span,
        **fields,
    )
    return check_move(move, evidence, source=paragraph, span=span)


def around(sentence: str) -> str:
    """A small paragraph with the sentence in its middle."""
    return f"Markets were busy on Thursday. {sentence} Volumes were close to average."


METALS = "Gold rose 0.9 percent and silver gained about 2.3 percent, while copper was flat."
TOKYO = "The Nikkei slipped 0.4 percent, while the broader Topix retreated 0.9 percent."
PAIR = "Sony and Nintendo rose 1.2% and 3.4%, respectively, in Tokyo."
GAINERS = "Top gainers were Delta Air Lines (6.1%), Carnival (4.4%) and Expedia (2.8%)."
GEELY = "Geely Automobile (0175:HK), off 3.6%, was the weakest carmaker."
YIELDS = "The two-year yield rose 3 basis points and the 10-year yield climbed 7 basis points."
BRENT = "Brent rose 0.8% on Friday and gained 3.5% for the week."


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "bp"),
    [
        ("Copper climbed two percent on Tuesday.", "Copper", "up", 2.0, None),
        ("The pound fell about one percent against the dollar.", "British pound", "down", -1.0, None),
        ("The Kospi lost three-quarters of a per cent.", "KOSPI", "down", -0.75, None),
        ("Unilever, Diageo and Reckitt each rose 1.4%.", "Diageo", "up", 1.4, None),
        (PAIR, "Nintendo", "up", 3.4, None),
        (PAIR, "Sony", "up", 1.2, None),
        (GAINERS, "Carnival", "up", 4.4, None),
        ("Among decliners: Santos (-3.3%), Woodside (-1.7%).", "Woodside", "down", -1.7, None),
        (GEELY, "Geely Automobile", "down", -3.6, None),
        ("The Dow gained 145 points, or 0.4%.", "Dow Jones Industrial Average", "up", 0.4, None),
        (METALS, "Gold", "up", 0.9, None),
        (METALS, "silver", "up", 2.3, None),
        (METALS, "copper", "flat", None, None),
        (TOKYO, "Topix", "down", -0.9, None),
        (YIELDS, "10-year yield", "up", None, 7.0),
        (YIELDS, "US 10-year Treasury yield", "up", None, 7.0),
        ("The yuan was firmer against the dollar.", "yuan", "up", None, None),
        ("Apple gave up 5%.", "Apple", "down", -5.0, None),
        # rarer verbs, a former name, a word saying what it is, a relative "whose shares"
        ("The Varno 20 index contracted 1.7%.", "Varno 20 index", "down", -1.7, None),
        ("Kestrel (ex-Norvex Group), which fell by 4.4%, led losers.", "Kestrel", "down", -4.4,
         None),
        ("Varno telecom slid 0.7% and Tarlo rose 1.3%.", "Varno", "down", -0.7, None),
        ("Losses were led by Orvane Energy, whose shares dropped 6.5%.", "Orvane Energy", "down",
         -6.5, None),
        ("The Kestrel MSCI Chile (ETF) closed down 2.2%.", "Kestrel MSCI Chile ETF", "down", -2.2,
         None),
        ("The two-year yield rose 2 basis points, while the yield on the 30-year was down 3 basis "
         "points.", "US 30-year Treasury yield", "down", None, -3.0),
        ("India's rupee, down ¾ of 1 per cent, led losses.", "Indian rupee", "down", -0.75, None),
    ],
)  # fmt: skip
def test_correct_answers_pass(
    sentence: str, instrument: str, direction: str, pct: float | None, bp: float | None
) -> None:
    assert gate(around(sentence), sentence, instrument, direction, pct, bp) is None


def test_a_phrase_of_the_sentence_is_evidence_enough() -> None:
    assert gate(around(METALS), "silver gained about 2.3 percent", "silver", "up", 2.3) is None


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "bp", "owner"),
    [
        (METALS, "Gold", "up", 2.3, None, "silver"),
        (TOKYO, "Nikkei", "down", -0.9, None, "Topix"),
        (PAIR, "Nintendo", "up", 1.2, None, "Sony"),
        (GAINERS, "Carnival", "up", 6.1, None, "Delta Air Lines"),
        (YIELDS, "10-year yield", "up", None, 3.0, "two-year yield"),
        # both names fit the move's words; the second fits them better
        ("The Varno Main Market Index rose 0.7% while the Junior Market Index rose 0.36%.",
         "Varno Junior Market Index", "up", 0.7, None, "Varno Main Market Index"),
    ],
)  # fmt: skip
def test_a_number_of_another_instrument_is_refused_naming_it(
    sentence: str, instrument: str, direction: str, pct: float | None, bp: float | None, owner: str
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct, bp)
    assert problem is not None and owner in problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "bp"),
    [
        (GEELY, "Geely Automobile", "up", 3.6, None),
        (TOKYO, "Nikkei 225", "up", 0.4, None),
        (METALS, "silver", "down", -2.3, None),
        ("Apple gave up 5%.", "Apple", "up", 5.0, None),
        (YIELDS, "two-year yield", "down", None, -3.0),
        ("Kering was off 6.3% in Paris.", "Kering", "up", 6.3, None),
    ],
)  # fmt: skip
def test_a_reversed_direction_is_refused(
    sentence: str, instrument: str, direction: str, pct: float | None, bp: float | None
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct, bp)
    assert problem is not None and "contradicts" in problem


def test_a_direction_only_move_against_the_text_is_refused() -> None:
    problem = gate(around(METALS), METALS, "copper", "up")
    assert problem is not None and "contradicts" in problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "bp"),
    [
        (GEELY, "Geely Automobile", "down", -4.6, None),
        (METALS, "Gold", "up", 1.9, None),
        (YIELDS, "10-year yield", "up", None, 9.0),
        ("The Dow gained 145 points, or 0.4%.", "Dow", "up", 145.0, None),
    ],
)  # fmt: skip
def test_a_number_never_stated_is_refused(
    sentence: str, instrument: str, direction: str, pct: float | None, bp: float | None
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct, bp)
    assert problem is not None and "not stated" in problem


def test_a_sign_against_the_direction_is_refused() -> None:
    problem = gate(around(GEELY), GEELY, "Geely Automobile", "down", 3.6)
    assert problem is not None and "contradicts" in problem


def test_basis_points_are_not_percentages() -> None:
    assert gate(around(YIELDS), YIELDS, "10-year yield", "up", 7.0) is not None


def test_a_forecast_is_refused() -> None:
    sentence = "Analysts expect Tesla to gain 20% next year."
    problem = gate(around(sentence), sentence, "Tesla", "up", 20.0)
    assert problem is not None and "forecast" in problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct"),
    [
        ("Kone's gain, at 2.2%, was the biggest in Helsinki.", "Kone", "up", 2.2),
        ("For Orsted, the day ended with a 3.3% advance on the order news.", "Orsted", "up", 3.3),
        ("Higher by 1.6% was Sampo, after its update.", "Sampo", "up", 1.6),
    ],
)
def test_what_the_reading_cannot_bind_passes(
    sentence: str, instrument: str, direction: str, pct: float
) -> None:
    assert gate(around(sentence), sentence, instrument, direction, pct) is None


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct"),
    [
        ("Kone's gain, at 2.2%, was the biggest in Helsinki.", "Kone", "down", -2.2),
        (
            "For Orsted, the day ended with a 3.3% advance on the order news.",
            "Orsted",
            "down",
            -3.3,
        ),
    ],
)
def test_what_the_reading_cannot_bind_still_needs_its_direction(
    sentence: str, instrument: str, direction: str, pct: float
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert problem is not None and "contradicts" in problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "fields", "refused"),
    [
        (BRENT, "Brent (week)", 0.8, {}, True),
        (BRENT, "Brent", 0.8, {"timeframe": "week"}, True),
        (BRENT, "Brent (week)", 3.5, {}, False),
        (BRENT, "Brent", 3.5, {"timeframe": "week"}, False),
        (BRENT, "Brent", 0.8, {}, False),
        ("The Stoxx 600 added 0.3% on Friday and rose 2.1% over the week.", "STOXX 600 (week)", 0.3, {}, True),
        ("Brent rose 0.8% on Friday, for a weekly gain of 3.5%.", "Brent (week)", 0.8, {}, True),
    ],
)  # fmt: skip
def test_a_claimed_week_must_be_the_weeks_number(
    sentence: str, instrument: str, pct: float, fields: dict[str, Any], refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, "up", pct, **fields)
    assert (problem is not None) is refused, problem
    if refused:
        assert problem is not None and "week" in problem


FX = "The Australian dollar rose 0.5% versus the greenback and 0.2% against the yen."
COPPER = "Copper rose as much as 2.1% before settling 0.8% higher."
SILVER = (
    "The iShares Silver Trust (NYSEArca: SLV) and the Sprott Physical Silver Trust (NYSEArca: PSLV)"
    " extended their rally. For the week, SLV and PSLV gained 4.1% and 2.6%, respectively."
)


@pytest.mark.parametrize(
    ("paragraph", "evidence", "instrument", "pct", "refused"),
    [
        # the currency a rate move is against
        (FX, FX, "Australian dollar (vs yen)", 0.5, True),
        (FX, FX, "Australian dollar (vs yen)", 0.2, False),
        (FX, FX, "Australian dollar (vs US dollar)", 0.5, False),
        (FX, FX, "Australian dollar", 0.5, False),
        # where the text marks another number as the session's high, an unmarked one is not
        (COPPER, COPPER, "Copper (intraday high)", 0.8, True),
        (COPPER, COPPER, "Copper (intraday high)", 2.1, False),
        # a fund's code declared earlier in the text names it later
        (SILVER, "For the week, SLV and PSLV gained 4.1% and 2.6%, respectively.",
         "iShares Silver Trust", 2.6, True),
        (SILVER, "For the week, SLV and PSLV gained 4.1% and 2.6%, respectively.",
         "iShares Silver Trust", 4.1, False),
    ],
)  # fmt: skip
def test_what_a_name_claims_must_be_what_the_number_is(
    paragraph: str, evidence: str, instrument: str, pct: float, refused: bool
) -> None:
    problem = gate(paragraph, evidence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


def test_a_period_named_without_a_number_must_go_that_way() -> None:
    text = "The 10-year Bund yield fell 0.8 bp on Friday, with a cumulative rise of 5.6 bp in May."
    assert gate(text, text, "German 10-year Bund yield (May)", "up") is None
    problem = gate(text, text, "German 10-year Bund yield (May)", "down")
    assert problem is not None and "month" in problem


TAIEX = "The Taiex rose 0.6% to close at 21,000, its sixth straight gain, and has gained 3.1% this week."


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "refused"),
    [
        # a number the text gives as the day's close is not a streak's or a week's
        (TAIEX, "Taiex (six-session streak)", 0.6, True),
        (TAIEX, "Taiex (week)", 3.1, False),
        (TAIEX, "Taiex (week)", 0.6, True),
        # a weekly report's close is the week's: nothing in the text says it is a day's
        ("The Varno 15 index closed at 948.62 points, up by 0.23%.",
         "Varno 15 index (week)", 0.23, False),
        # the quote currency named in the name itself
        ("The dollar was 0.2% higher against the yen and rebounded 0.4% to the franc.",
         "US dollar vs Swiss franc", 0.2, True),
        ("The dollar was 0.2% higher against the yen and rebounded 0.4% to the franc.",
         "US dollar vs Swiss franc", 0.4, False),
        # where the text marks the session's move, even without a number, an unmarked number is
        # not that session's
        ("The rand erased early losses to rise 0.4%.", "South African rand (early session)", 0.4,
         True),
        ("Sony fell in morning trade but closed 1.2% higher.", "Sony (morning trade)", 1.2, True),
        ("Sony fell in morning trade but closed 1.2% higher.", "Sony", 1.2, False),
    ],
)  # fmt: skip
def test_a_sessions_or_periods_number_is_the_one_the_text_marks(
    sentence: str, instrument: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "refused"),
    [
        # a label the text says of the instrument's other number
        ("Kestrel fell 12.5% during the selloff but has since recovered 4.2% after the rebound.",
         "Kestrel (during the selloff)", "up", 4.2, True),
        ("Kestrel fell 12.5% during the selloff but has since recovered 4.2% after the rebound.",
         "Kestrel (during the selloff)", "down", -12.5, False),
        ("Kestrel fell 12.5% during the selloff but has since recovered 4.2% after the rebound.",
         "Kestrel (after the rebound)", "up", 4.2, False),
    ],
)  # fmt: skip
def test_a_number_keeps_the_label_the_text_gives_it(
    sentence: str, instrument: str, direction: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "refused"),
    [
        # a month before the contract's name is the contract's, no period of the move
        ("Mar ICE NY cocoa (CCH21) on Friday closed up +27 (+1.08%).", "ICE NY cocoa (Mar)",
         1.08, False),
        ("December corn futures rose 1.2% on Tuesday.", "Corn futures (December)", 1.2, False),
        # a month the quote gives as the move's period stays the name's claim
        ("Bullion is up 16% this month after rising 2% in December.", "Gold (December)", 16.0,
         True),
        # "since Monday" is this week so far
        ("The currency index has fallen about 0.8 per cent since Monday.",
         "EM currency index (week)", 0.8, False),
    ],
)  # fmt: skip
def test_a_contract_month_and_a_week_so_far(
    sentence: str, instrument: str, pct: float, refused: bool
) -> None:
    direction = "down" if "fallen" in sentence else "up"
    signed = -pct if direction == "down" else pct
    problem = gate(around(sentence), sentence, instrument, direction, signed)
    assert (problem is not None) is refused, problem


def test_a_list_item_wrapped_over_lines_keeps_the_verb_of_its_sentence() -> None:
    # one sentence over many lines, as a page with ticker links renders it; the quote holds
    # only the item's lines, the verb is lines before it
    text = (
        "Drugmakers fell again. Pfizer\n(\nPFE |\nQuote |\nChart)\nlost 4.1%,\nMerck\n"
        "(\nMRK |\nQuote |\nChart)\n2.2%, Amgen\n(\nAMGN |\nQuote |\nChart)\n1.3%."
    )
    evidence = "2.2%, Amgen\n(\nAMGN |\nQuote |\nChart)\n1.3%."
    assert gate(text, evidence, "Amgen", "down", -1.3) is None
    problem = gate(text, evidence, "Amgen", "down", -2.2)
    assert problem is not None and "Merck" in problem


def test_gave_up_states_no_rise() -> None:
    # where the reading binds no number, the direction must still be stated, and the words
    # are taken as the reading takes them, the longest first
    text = "The Internet fund gave up\n6.2%, the worst in a year."
    assert gate(text, text, "Internet fund", "down", -6.2) is None
    problem = gate(text, text, "Internet fund", "up", 6.2)
    assert problem is not None and "direction" in problem


def test_a_ranking_states_its_members_direction() -> None:
    text = "Among the biggest losers on the index were Wipro, Cipla and Infosys."
    assert gate(text, text, "Cipla", "down") is None
    assert gate(text, text, "Cipla", "up") is not None


def test_a_span_counted_back_is_no_year() -> None:
    text = "Ether is down 12% over the last 30 days and 40% over the past year."
    assert gate(around(text), text, "Ether (last 30 days)", "down", -12) is None
    assert gate(around(text), text, "Ether (last 30 days)", "down", -40) is not None


def test_an_unnamed_number_of_the_claimed_period_is_not_refused_for_the_days() -> None:
    text = "After a cold-driven 7.5% rally yesterday, US natgas is trading about 5% lower today."
    assert gate(around(text), text, "US natural gas (previous session)", "up", 7.5) is None
    assert gate(around(text), text, "US natural gas", "up", 7.5) is not None


def test_early_gains_are_the_sessions_early_move() -> None:
    text = "Miners reversed early gains, ending near the bottom of the index."
    assert gate(around(text), text, "Miners (early session)", "up") is None
    assert gate(around(text), text, "Miners (early session)", "down") is not None


def test_a_direction_only_move_of_a_named_day_goes_the_way_the_text_says_that_day() -> None:
    text = "Prices rebounded on Tuesday from Monday's losses, and slipped again on Wednesday."
    assert gate(around(text), text, "crude oil (Tuesday)", "up") is None
    problem = gate(around(text), text, "crude oil (Tuesday)", "down")
    assert problem is not None and "Tuesday" in problem


HALVARD = "Halvard Bank (HVB US, +2.41%) rose, while Orrin Mutual (ORM US, +0.66%) advanced."
RANKED = (
    "Pellam Bank gained the most during the week, followed by Sorvik (4.1 percent) and Dunmore "
    "Holdings (2.2 percent)."
)
SPREAD = "The Kolvar index advanced 1.2 percent to end the day, a 9.4 percent gain from year-end."
STREAK = "Zinc fell 2% to $2,710 a tonne, retreating after six straight sessions of gains."
WEEKLY = "The rand is down about 0.3% this week, keeping monthly gains below 2.5%."
REVERSED = "After closing lower on Tuesday, in thin trade, the Bovespa gained 0.8%."
AGAIN = "Cocoa prices jumped again overnight, rising 6% after spiking yesterday on supply fears."
ELABORATED = "Tin had the largest decline on Friday, March 7, dropping 3.9%."
NICKEL = "Nickel is up 9% this month after rising 3% in March and gaining 4.5% in February."
COCOA = "Cocoa gained 6.2% this week, after falling 2.4% last week."
LUMBER = "Lumber, which ended 2023 up 14 percent, has shed 5.5 percent this year."
PALM = (
    "It was the best performer last year, rising 21.5 percent, but is down 2.2 percent this year."
)


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "refused"),
    [
        # one instrument's numbers for named periods: a number goes with its own period
        (NICKEL, "Nickel (March)", "up", 9, True),
        (NICKEL, "Nickel (March)", "up", 3, False),
        (NICKEL, "Nickel (month to date)", "up", 3, True),
        (NICKEL, "Nickel (this month)", "up", 9, False),
        (NICKEL, "Nickel (February)", "up", 3, True),
        (NICKEL, "Nickel (week)", "up", 9, True),  # a month is no week
        (NICKEL, "Nickel", "up", 3, False),  # a name without a period claims none
        (COCOA, "Cocoa (previous week)", "up", 6.2, True),
        (COCOA, "Cocoa (previous week)", "down", 2.4, False),
        (COCOA, "Cocoa (week)", "down", 2.4, True),
        (LUMBER, "Lumber (2023)", "down", 5.5, True),
        (LUMBER, "Lumber (2023)", "up", 14, False),
        (LUMBER, "Lumber (year to date)", "up", 14, True),
        # the subject named by a pronoun still owns the other period's number
        (PALM, "Crude palm oil (year to date)", "up", 21.5, True),
        (PALM, "Crude palm oil (year to date)", "down", 2.2, False),
        # a number in a name's own parenthesis is that name's
        (HALVARD, "Orrin Mutual", "up", 2.41, True),
        (HALVARD, "Orrin Mutual", "up", 0.66, False),
        # a number another name holds, where the move's instrument has a clause of its own
        (RANKED, "Pellam Bank", "up", 2.2, True),
        (RANKED, "Dunmore Holdings", "up", 2.2, False),
        # an unmarked number is not the claimed period's where the text dates another to it
        (SPREAD, "Kolvar index (year to date)", "up", 1.2, True),
        (SPREAD, "Kolvar index (year to date)", "up", 9.4, False),
        (SPREAD, "Kolvar index", "up", 1.2, False),
        (WEEKLY, "South African rand (week)", "up", 2.5, True),
        (WEEKLY, "South African rand (week)", "down", 0.3, False),
        # ... or where the claimed period went the other way
        (STREAK, "Zinc (previous six sessions)", "down", 2, True),
        (STREAK, "Zinc", "down", 2, False),
        (REVERSED, "Bovespa (Tuesday)", "up", 0.8, True),
        (REVERSED, "Bovespa", "up", 0.8, False),
        # ... or was dated in words after the number ("rising 6% after spiking yesterday")
        (AGAIN, "Cocoa (previous session)", "up", 6, True),
        (AGAIN, "Cocoa", "up", 6, False),
        # but a number that says how much the dated move was is that day's
        (ELABORATED, "Tin (Friday)", "down", 3.9, False),
    ],
)  # fmt: skip
def test_a_named_period_must_be_the_numbers_own(
    sentence: str, instrument: str, direction: str, pct: float, refused: bool
) -> None:
    signed = -pct if direction == "down" else pct
    problem = gate(around(sentence), sentence, instrument, direction, signed)
    assert (problem is not None) is refused, problem


BOURSES = "Madrid fell less than other centres such as Vienna (-1.12%) or Brussels (-0.48%)."
AMAZON = "The stock is up 41% over the past year and has soared 250% since early 2019."


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "refused"),
    [
        # a city is its market where the move names that city's market
        (BOURSES, "Brussels stocks (BEL 20)", 1.12, True),
        (BOURSES, "Brussels stocks (BEL 20)", 0.48, False),
        (BOURSES, "Vienna stocks", 1.12, False),
        # a period since a year is no year's
        (AMAZON, "Amazon (since 2019)", 41, True),
        (AMAZON, "Amazon (since 2019)", 250, False),
        (AMAZON, "Amazon (one year)", 250, True),
        (AMAZON, "Amazon (one year)", 41, False),
    ],
)
def test_places_and_periods_since_a_year(
    sentence: str, instrument: str, pct: float, refused: bool
) -> None:
    direction, signed = ("down", -pct) if "BEL" in instrument or "Vienna" in instrument else (
        "up", pct)  # fmt: skip
    problem = gate(around(sentence), sentence, instrument, direction, signed)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct"),
    [
        # the period is the reader's and the writer's: 'this week' read a week later is the
        # previous week, and 'last month' may be the month named
        ("The dollar index closed the week 0.9% higher.", "US dollar index (previous week)", 0.9),
        ("Zinc is up 12% from a low it hit last month.", "Zinc (week)", 12),
        ("Ether is 3.1% lower than it was this time yesterday.", "Ether (24 hours)", 3.1),
        (
            "Nickel has gained 8% since hitting its 2023 low at the start of the month.",
            "Nickel (since 2023 low)",
            8,
        ),
    ],
)
def test_periods_the_text_may_mean_are_not_refused(
    sentence: str, instrument: str, pct: float
) -> None:
    direction, signed = ("down", -pct) if "lower" in sentence else ("up", pct)
    assert gate(around(sentence), sentence, instrument, direction, signed) is None


@pytest.mark.parametrize(
    ("instrument", "direction", "evidence", "refused"),
    [
        # what the text says of the euro decides, not the bonds' fall beside it
        ("euro", "down", "The euro rose and bonds in the region slipped.", True),
        ("euro", "up", "The euro rose and bonds in the region slipped.", False),
    ],
)
def test_a_direction_only_move_is_judged_by_what_the_text_says_of_that_instrument(
    instrument: str, direction: str, evidence: str, refused: bool
) -> None:
    move = Move(instrument=instrument, direction=direction, evidence=evidence)
    assert (check_move(move, evidence) is not None) == refused


@pytest.mark.parametrize(
    "evidence",
    [
        "Tin was up 1.2% at $29,160, while lead was 0.8% lower at $1,953.",
        "Gold rose 1%, while the greenback was down 0.8%.",
    ],
)
def test_a_contrast_clause_with_its_own_subject_does_not_give_its_number_to_the_first(
    evidence: str,
) -> None:
    first = evidence.split()[0]
    move = Move(instrument=first, direction="down", change_pct=-0.8, evidence=evidence)
    assert check_move(move, evidence) is not None


@pytest.mark.parametrize(
    ("move", "evidence", "refused"),
    [
        # a code after a name is its ticker, and the quote box's own figure is no statement
        (Move(instrument="Brent crude (August)", direction="down", change_pct=-1.1,
              evidence="x"),
         "August Brent crude LCOQ8, -0.82% fell 82 cents, or 1.1%, to $74.73 a barrel.", False),
        (Move(instrument="LME aluminium", direction="down", change_pct=-0.3, evidence="x"),
         "LME aluminium (CMAl3) slid 0.3% to $2,550 a ton.", False),
        (Move(instrument="PSI 20", direction="down", change_pct=-1.11, evidence="x"),
         "In Lisbon, the PSI20 index depreciated by 1.11%, to 5,864.36 points.", False),
        # a figure's forecast says nothing of the stock's direction
        (Move(instrument="US financial sector", direction="up", evidence="x"),
         "Citigroup was part of a rally in the financial sector, despite acknowledging that "
         "third-quarter earnings should drop 60% from a year ago.", False),
        # the place that names the index also names its intraday number
        (Move(instrument="Hang Seng Index (intraday)", direction="down", change_pct=-1.9,
              evidence="x"),
         "Hong Kong slumped 1.90 percent, to 23,229.21, recovering somewhat after losing 2.31 "
         "percent during intraday trade.", True),
        (Move(instrument="Bitcoin", direction="up", evidence="x"),
         "Bitcoin has largely erased the gains it made since the election.", True),
        (Move(instrument="Advantest (earlier in session)", direction="down", evidence="x"),
         "Advantest reversed losses to close 2% higher.", False),
    ],
)  # fmt: skip
def test_reading_of_codes_sectors_and_undone_moves(
    move: Move, evidence: str, refused: bool
) -> None:
    move = move.model_copy(update={"evidence": evidence})
    assert (check_move(move, evidence) is not None) == refused


def test_a_company_named_by_its_code_is_the_company_with_that_ticker() -> None:
    sentence = "ADI stock declined 6.5% and TXN fell 2.5%."
    assert gate(sentence, sentence, "Analog Devices", "down", -6.5, ticker="ADI") is None
    assert gate(sentence, sentence, "Analog Devices", "down", -2.5, ticker="ADI") is not None


BEHIND = (
    "Vortex Bank was the session's best performer, rising 2.1%.\n\n"
    "Behind it were Carden Steel (1.40%), Melrow (1.10%) and Dunvale (0.62%)."
)
LEADERS = "Most Gulf markets fell on Sunday. Leading the way were Qatar and Kuwait."


@pytest.mark.parametrize(
    ("paragraph", "evidence", "instrument", "direction", "pct", "refused"),
    [
        # a sentence that states no direction takes the one of the sentence before it, even
        # across a paragraph break (a list under its heading) ...
        (BEHIND, "Behind it were Carden Steel (1.40%), Melrow (1.10%) and Dunvale (0.62%).",
         "Melrow", "up", 1.10, False),
        (BEHIND, "Behind it were Carden Steel (1.40%), Melrow (1.10%) and Dunvale (0.62%).",
         "Melrow", "down", 1.10, True),
        # ... for a number it states right after the move's own name only
        (BEHIND, "Behind it were Carden Steel (1.40%), Melrow (1.10%) and Dunvale (0.62%).",
         "Melrow", "up", 1.40, True),
        (LEADERS, "Leading the way were Qatar and Kuwait.", "Qatar stocks", "down", None, False),
        (LEADERS, "Leading the way were Qatar and Kuwait.", "Qatar stocks", "up", None, True),
    ],
)  # fmt: skip
def test_a_sentence_without_a_direction_takes_the_one_before_it(
    paragraph: str,
    evidence: str,
    instrument: str,
    direction: str,
    pct: float | None,
    refused: bool,
) -> None:
    signed = None if pct is None else (-pct if direction == "down" else pct)
    problem = gate(paragraph, evidence, instrument, direction, signed)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct"),
    [
        # a named weekday may be the session before the article's
        ("The contract closed 0.6 per cent higher on Tuesday.", "Brent crude (prior session)",
         "up", 0.6),
        # five days are a week
        ("Over the last 5 days, the metal lost 2.4%.", "Platinum (week)", "down", 2.4),
        ("Nickel fell 3.1% over the past five trading days.", "Nickel (week)", "down", 3.1),
    ],
)  # fmt: skip
def test_periods_said_in_other_words_are_the_claimed_ones(
    sentence: str, instrument: str, direction: str, pct: float
) -> None:
    signed = -pct if direction == "down" else pct
    assert gate(around(sentence), sentence, instrument, direction, signed) is None


BUND = "The German 10-year yield rose 2 basis points to 2.49%, but was on track for a weekly fall."


@pytest.mark.parametrize(
    ("instrument", "direction", "refused"),
    [
        # a move that names no period is the day's
        ("German 10-year yield", "down", True),
        ("German 10-year yield", "up", False),
        # the other period's move, named, stands
        ("German 10-year yield (week)", "down", False),
    ],
)
def test_a_move_without_a_period_is_the_days(
    instrument: str, direction: str, refused: bool
) -> None:
    problem = gate(around(BUND), BUND, instrument, direction)
    assert (problem is not None) is refused, problem


KOLVAR = "The Kolvar index finished down 0.90% at 2,070.83 after gaining 1.85% on Wednesday."


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "refused"),
    [
        # the number of another, named day is not the day's; named with its day it stands
        ("Kolvar index", "up", 1.85, True),
        ("Kolvar index (Wednesday)", "up", 1.85, False),
        ("Kolvar index", "down", -0.9, False),
    ],
)
def test_a_number_the_text_dates_to_another_day_is_not_the_days(
    instrument: str, direction: str, pct: float, refused: bool
) -> None:
    problem = gate(around(KOLVAR), KOLVAR, instrument, direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "fields", "refused"),
    [
        # the other day told first
        (
            "After surging more than 12 per cent on Monday, Orvane Tech gave back 3.4 per cent.",
            "Orvane Tech",
            "up",
            12.0,
            {},
            True,
        ),
        (
            "After surging more than 12 per cent on Monday, Orvane Tech gave back 3.4 per cent.",
            "Orvane Tech",
            "down",
            -3.4,
            {},
            False,
        ),
        (
            "Tarsk Bank, which slumped 7.5% in the previous session, recovered 1.2%.",
            "Tarsk Bank",
            "down",
            -7.5,
            {},
            True,
        ),
        (
            "Tarsk Bank, which slumped 7.5% in the previous session, recovered 1.2%.",
            "Tarsk Bank (previous session)",
            "down",
            -7.5,
            {},
            False,
        ),
        # a longer period, or a part of the session, beside the day's number
        (
            "The Velora index rose 0.6% to 2,118 on Thursday, gaining 3.2% this week.",
            "Velora index",
            "up",
            3.2,
            {},
            True,
        ),
        (
            "The Velora index rose 0.6% to 2,118 on Thursday, gaining 3.2% this week.",
            "Velora index",
            "up",
            3.2,
            {"timeframe": "week"},
            False,
        ),
        (
            "The Velora index rose 0.6% to 2,118 on Thursday, gaining 3.2% this week.",
            "Velora index",
            "up",
            0.6,
            {},
            False,
        ),
        (
            "Up 14 percent so far this year, the Kestrel crown dropped 1.3 percent.",
            "Kestrel crown",
            "up",
            14.0,
            {},
            True,
        ),
        # a part of the day's session is the day's: merge names it
        (
            "The Kestrel crown fell as much as 1.1% before trading 0.4% weaker.",
            "Kestrel crown",
            "down",
            -1.1,
            {},
            False,
        ),
        (
            "The Kestrel crown fell as much as 1.1% before trading 0.4% weaker.",
            "Kestrel crown",
            "down",
            -1.1,
            {"session": "intraday_high"},
            False,
        ),
        # a flat day is the day's move, number or not
        (
            "Orrin natural gas settled flat at $2.792, down nearly 4.2% for the week.",
            "Orrin natural gas",
            "down",
            -4.2,
            {},
            True,
        ),
        (
            "Orrin natural gas settled flat at $2.792, down nearly 4.2% for the week.",
            "Orrin natural gas (week)",
            "down",
            -4.2,
            {},
            False,
        ),
        # the text's only number: the name alone may be how it tells the move
        ("The Velora index gained 3.2% this week.", "Velora index", "up", 3.2, {}, False),
        # the day's number is another instrument's
        (
            "The Velora index gained 3.2% this week, while the Orrin index rose 0.6% on Friday.",
            "Velora index",
            "up",
            3.2,
            {},
            False,
        ),
    ],
)
def test_a_number_of_another_period_beside_the_days_is_not_the_days(
    sentence: str,
    instrument: str,
    direction: str,
    pct: float,
    fields: dict[str, str],
    refused: bool,
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct, **fields)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction"),
    [
        # "a strong lead from Wall Street" says how Wall Street moved
        ("Orrin stocks closed lower, despite a strong lead from Wall Street.", "Wall Street", "up"),
        ("Vordan shares rose in spite of a weak lead from Wall Street.", "Wall Street", "down"),
    ],
)
def test_the_lead_a_market_followed_is_that_markets_move(
    sentence: str, instrument: str, direction: str
) -> None:
    assert gate(around(sentence), sentence, instrument, direction) is None
    other = "down" if direction == "up" else "up"
    assert gate(around(sentence), sentence, instrument, other) is not None


MIDCAPS = (
    "Several mid-cap stocks posted the maximum daily price increase of 10 percent, including "
    "Kolvar Products, Orrin Foods and Vordan Communications, while Halvard Bank fell 2 percent."
)


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        # a member listed after the group's number has no other number of its own
        ("Kolvar Products", 10.0, False),
        ("Vordan Communications", 10.0, False),
        # a name not listed, or listed with a number of its own, has not the group's number
        ("Halvard Bank", 10.0, True),
        ("Sunmere Oil", 10.0, True),
    ],
)
def test_a_groups_number_holds_for_the_members_it_lists(
    instrument: str, pct: float, refused: bool
) -> None:
    problem = gate(around(MIDCAPS), MIDCAPS, instrument, "up", pct)
    assert (problem is not None) is refused, problem


GAUGE = (
    "The Kolvar Currency Index fell 0.1 percent at 3:02 p.m. in New York; the gauge rose as "
    "much as 0.1 percent and fell by 0.6 percent earlier."
)


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "refused"),
    [
        # a move that names no session is the day's, not the session's high
        ("Kolvar Currency Index", "up", 0.1, True),
        ("Kolvar Currency Index", "down", -0.1, False),
        ("Kolvar Currency Index (intraday high)", "up", 0.1, False),
    ],
)
def test_a_number_within_a_session_is_not_the_days(
    instrument: str, direction: str, pct: float, refused: bool
) -> None:
    problem = gate(around(GAUGE), GAUGE, instrument, direction, pct)
    assert (problem is not None) is refused, problem


ASIA = (
    "In Asia, Seoul, Tokyo and Vordan City markets ended in the green, while Orrin settled lower."
)


@pytest.mark.parametrize(
    ("instrument", "direction", "refused"),
    [
        # a place's market named two ways ("Hong Kong markets", "Hong Kong stock market") is one
        ("Hong Kong stock market", "up", False),
        ("Hong Kong stock market", "down", True),
    ],
)
def test_a_places_market_named_two_ways_is_one(
    instrument: str, direction: str, refused: bool
) -> None:
    problem = gate(around(ASIA), ASIA, instrument, direction)
    assert (problem is not None) is refused, problem


EURO = (
    "The krona last stood at 11.01 finishing 0.8% lower the previous session, though the "
    "krona had risen to as high as 11.12 earlier in that session."
)


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "refused"),
    [
        # the previous session's high is not decided by that session's close
        ("krona (previous session intraday high)", "up", None, False),
        ("krona (previous session)", "up", None, True),
        ("krona (previous session)", "down", -0.8, False),
        # the session's close has its number: a move of it without one leaves it out
        ("krona (previous session)", "down", None, True),
    ],
)
def test_a_sessions_high_is_not_decided_by_its_close(
    instrument: str, direction: str, pct: float | None, refused: bool
) -> None:
    problem = gate(around(EURO), EURO, instrument, direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("paragraph", "instrument", "direction", "pct", "refused"),
    [
        # the text states the instrument's percentage: a move without it leaves it out
        (
            "Kestrel Mining and Orvane Tech both jumped nearly 4 per cent to A$7.10 and A$2.40.",
            "Kestrel Mining",
            "up",
            None,
            True,
        ),
        (
            "Kestrel Mining and Orvane Tech both jumped nearly 4 per cent to A$7.10 and A$2.40.",
            "Kestrel Mining",
            "up",
            4.0,
            False,
        ),
        ("Silver jumped 2.9% overnight.", "silver (overnight)", "up", None, True),
        # a move the text states without a number keeps a move without one
        (
            "The Zentra index rose 0.55% to close at 3,105, climbing for the eighth straight "
            "session.",
            "Zentra index",
            "up",
            None,
            False,
        ),
        (
            "USD/CHF fell to lows of 0.8842 and was last at 0.8890, down 0.21%.",
            "USD/CHF",
            "down",
            None,
            False,
        ),
        # no percentage to give: points only, or a yield's change in percentage points
        ("The Dow slipped 12 points to 38,105.", "Dow", "down", None, False),
        (
            "The Bund yield inched up 0.005 percentage point to 2.31 percent.",
            "Bund yield",
            "up",
            None,
            False,
        ),
    ],
)
def test_a_move_without_the_number_the_text_states_for_it_is_refused(
    paragraph: str, instrument: str, direction: str, pct: float | None, refused: bool
) -> None:
    problem = gate(paragraph, paragraph, instrument, direction, pct)
    assert (problem is not None) is refused, problem
    if refused:
        assert problem is not None and "change_pct is missing" in problem


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "refused"),
    [
        # a parenthesis that only names (an exchange, a code) claims no period: the day's move
        ("Varrow Tech (BSE)", "up", None, True),
        ("Varrow Tech (BSE)", "down", -3.88, False),
        ("Varrow Tech (VRW.NS)", "up", None, True),
        # a label in words may name a session: the opening was positive
        ("Varrow Tech (opening)", "up", None, False),
    ],
)
def test_a_name_in_parentheses_claims_no_period(
    instrument: str, direction: str, pct: float | None, refused: bool
) -> None:
    text = (
        "Despite a positive opening, Varrow Tech shares slipped into the red and ended with a "
        "loss of 3.88 per cent on the BSE."
    )
    problem = gate(text, text, instrument, direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "refused"),
    [
        # the sentence names no subject: its six days are a fall, the 0.8% is the day's rise
        ("Regional stocks (previous six sessions)", True),
        ("Regional stocks", False),
    ],
)
def test_an_unnamed_subjects_period_is_its_own(instrument: str, refused: bool) -> None:
    text = "Stocks snapped a six-day losing streak to rise 0.8%, led by banks."
    problem = gate(text, text, instrument, "up", 0.8)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "refused"),
    [
        # "another", "a further": the latest move, on top of earlier sessions' unnumbered
        (
            "Halvard Bank was the day's worst faller, shedding another 11% of its value.",
            "Halvard Bank (prior sessions)",
            -11.0,
            True,
        ),
        (
            "Halvard Bank was the day's worst faller, shedding another 11% of its value.",
            "Halvard Bank",
            -11.0,
            False,
        ),
        (
            "The Orrin dollar fell a further 0.4% against major rivals, its third day of losses.",
            "Orrin dollar (previous two sessions)",
            -0.4,
            True,
        ),
        (
            "The Orrin dollar fell a further 0.4% against major rivals, its third day of losses.",
            "Orrin dollar (third straight day)",
            -0.4,
            False,
        ),
        # one earlier session may be what the increment is of
        (
            "Halvard Bank fell a further 3% in the previous session before steadying on Friday.",
            "Halvard Bank (previous session)",
            -3.0,
            False,
        ),
    ],
)
def test_an_increment_is_no_move_of_the_sessions_it_adds_to(
    sentence: str, instrument: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, "down", pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "refused"),
    [
        # "the stock" is a company's: its number is no index's, currency's or commodity's
        ("Orrin stock market", True),
        ("Orrin All Share index", True),
        ("Kestrel Motors", False),
    ],
)
def test_a_number_the_text_gives_the_stock_is_no_markets(instrument: str, refused: bool) -> None:
    text = (
        "Kestrel Motors sold more cars in June. The biggest move came 11 months ago, when the "
        "stock gained 23.4% as markets rallied."
    )
    sentence = text.split(". ", 1)[1]
    problem = gate(text, sentence, instrument, "up", 23.4)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        # "its 2025 gain", said while 2025 runs, is the year to date
        ("Kestrel Mining (year to date)", 12.69, False),
        ("Kestrel Mining (2025)", 12.69, False),
        ("Kestrel Mining (week)", 12.69, True),
    ],
)
def test_a_years_gain_said_by_its_year_is_the_year_to_date(
    instrument: str, pct: float, refused: bool
) -> None:
    sentence = "Kestrel Mining fell 2%, reducing its 2025 gain to 12.69%."
    problem = gate(around(sentence), sentence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


VELORA = "Velora Coin rallied 12% in a month after a steep drop, and rose 3% on Friday."
POUND_AND_YIELD = (
    "The pound failed to hold on to previous gains against the dollar and fell. The Varno "
    "10-year yield dropped to 1.469%, the lowest since March 4, before it rose."
)


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "refused"),
    [
        # a label naming a move the other way gives that move's name to another
        (VELORA, "Velora Coin (earlier drop)", "up", True),
        (VELORA, "Velora Coin (earlier drop)", "down", False),
        (VELORA, "Velora Coin (recent rally)", "down", True),
        (VELORA, "Velora Coin (recent rally)", "up", False),
        # where a move was measured from is no move of the label's own
        (VELORA, "Velora Coin (rebound after losses)", "up", False),
        (VELORA, "Velora Coin (from the peak)", "down", False),
        # a label's gains or high is a rise, its low a fall ...
        (POUND_AND_YIELD, "British pound (previous gains)", "down", True),
        (POUND_AND_YIELD, "British pound (previous gains)", "up", False),
        (POUND_AND_YIELD, "Varno 10-year yield (intraday low)", "up", True),
        (POUND_AND_YIELD, "Varno 10-year yield (intraday low)", "down", False),
        # ... unless the label says what the move undid, or spans a low and a high
        (POUND_AND_YIELD, "British pound (pared gains)", "down", False),
        (POUND_AND_YIELD, "Varno 10-year yield (March low to May high)", "up", False),
    ],
)  # fmt: skip
def test_a_label_naming_a_move_the_other_way_is_refused(
    sentence: str, instrument: str, direction: str, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "refused"),
    [
        # a delivery month names the contract: the move is the day's, and the day's went down
        ("Orrin zinc (October contract)", True),
        ("Orrin zinc (October contract, eight sessions)", False),
    ],
)
def test_a_contracts_delivery_month_claims_no_period(instrument: str, refused: bool) -> None:
    sentence = (
        "The most-traded October zinc contract on the Orrin exchange fell 3% to 22,660 yuan, "
        "retreating after eight straight sessions of gains."
    )
    problem = gate(around(sentence), sentence, instrument, "up")
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "refused"),
    [
        # "(previous session)" is a claim the text must make of the number
        ("The Orrin index continued to rise for the second day in a row, by 1.31 percent.", True),
        ("The Orrin index, which rose 1.31 percent yesterday, slipped 0.2 percent.", False),
        ("The day before, the Orrin index rose 1.31 percent.", False),
        ("The Orrin index fell 1.31 percent, after three sessions of gains.", True),
    ],
)
def test_a_move_of_the_session_before_needs_the_text_to_say_so(
    sentence: str, refused: bool
) -> None:
    direction = "down" if "fell" in sentence else "up"
    pct = -1.31 if direction == "down" else 1.31
    problem = gate(around(sentence), sentence, "Orrin index (previous session)", direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "refused"),
    [
        # a move that names no period is the day's, whose number the text gives; the month's
        # gains are stated without one
        ("Kestrel Composite", True),
        ("Kestrel Composite (month)", False),
    ],
)
def test_a_longer_periods_move_without_its_name_is_the_day_without_its_number(
    instrument: str, refused: bool
) -> None:
    sentence = "The Kestrel Composite rose 0.55%, extending its gains for the month."
    problem = gate(around(sentence), sentence, instrument, "up")
    assert (problem is not None) is refused, problem
    assert not refused or "0.55%" in (problem or "")


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "refused"),
    [
        # the day's gain is no move within the session, which the text says went down
        ("Orvane (intraday)", "up", 6.2, True),
        ("Orvane", "up", 6.2, False),
        ("Orvane (intraday)", "down", None, False),
        ("Orvane", "down", None, True),
    ],
)
def test_a_move_through_the_day_is_the_sessions_not_the_closes(
    instrument: str, direction: str, pct: float | None, refused: bool
) -> None:
    sentence = (
        "Orvane shares dipped a bit from that high through the day, closing at $446.66; however, "
        "that price still represents a gain of $26.25, or 6.2 percent, from Tuesday's close."
    )
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("period", "name", "frame", "sessions"),
    [
        ("this week", "Orvane", "week", None),
        ("intraday high", "Orvane", "unspecified", ("intraday_high", "intraday")),
        ("early trade", "Orvane", "unspecified", ("open", "intraday")),
        # a period's words that name a period are no session: no early trade here
        ("earlier this month", "Orvane", "month", None),
        # a name's parentheses are read as before, a period and a session at once
        (None, "Orvane (previous session intraday low)", "prior_session",
         ("intraday_high", "intraday")),
    ],
)  # fmt: skip
def test_a_move_claims_the_period_and_session_its_words_name(
    period: str | None, name: str, frame: str, sessions: tuple[str, ...] | None
) -> None:
    # the model is not asked for timeframe and session: it names them in `period` or the name
    move = Move(instrument=name, direction="up", evidence="Orvane rose.", period=period)
    assert (timeframe_claimed(move), session_claimed(move)) == (frame, sessions)


def test_a_yields_move_is_refused_the_other_way_when_the_text_says_the_market_moved() -> None:
    # invented: "Treasury yields" is the market's yields the move names, not something else
    text = "Treasury yields climbed, pressuring technology stocks."
    assert (
        check_move(Move(instrument="US Treasury yields", direction="up", evidence=text), text)
        is None
    )
    refused = check_move(
        Move(instrument="US Treasury yields", direction="down", evidence=text), text
    )
    assert refused is not None and "contradicts" in refused


@pytest.mark.parametrize(
    ("instrument", "direction", "evidence", "refused"),
    [
        # the trend a participle gives another noun is no direction of the instrument
        ("Orvane", "up", "Orvane fell after rising oil prices hurt airlines.", True),
        ("Orvane", "down", "Orvane fell after rising oil prices hurt airlines.", False),
        ("Kestrel Air", "up",
         "Shares of Kestrel Air fell after rising fuel costs weighed on the airline.", True),
        ("Orvane index", "down",
         "The Orvane index climbed, shrugging off falling commodity prices.", True),
        ("oil prices", "up", "Orvane fell after rising oil prices hurt airlines.", False),
    ],
)  # fmt: skip
def test_a_participle_before_another_noun_is_not_the_instruments_direction(
    instrument: str, direction: str, evidence: str, refused: bool
) -> None:
    move = Move(instrument=instrument, direction=direction, evidence=evidence)
    assert (check_move(move, evidence) is not None) == refused


@pytest.mark.parametrize(
    ("instrument", "direction", "evidence", "refused"),
    [
        # the day's number decides over words set apart from the name
        ("US 10-year Treasury yield", "up",
         "The yield on the benchmark 10-year Treasury fell nearly 6 basis points to 3.33%, "
         "trimming gains after climbing to 3.39%.", True),
        ("US 10-year Treasury yield", "down",
         "The yield on the benchmark 10-year Treasury fell nearly 6 basis points to 3.33%, "
         "trimming gains after climbing to 3.39%.", False),
        # West Texas crude is WTI; last week's gain is last week's
        ("WTI crude", "up", "West Texas crude oil edged lower after last week's gain.", True),
        # the euro is no bond
        ("euro-area government bonds", "up", "The euro rose and bonds in the region slipped.",
         True),
        ("Oil", "up",
         "Yields on government bonds were rising as the pound, oil and London's equity markets "
         "all fell.", True),
    ],
)  # fmt: skip
def test_numbers_of_the_day_aliases_and_lists_decide_a_number_less_move(
    instrument: str, direction: str, evidence: str, refused: bool
) -> None:
    move = Move(instrument=instrument, direction=direction, evidence=evidence)
    assert (check_move(move, evidence) is not None) == refused


def test_a_grade_of_ore_is_no_move_of_it() -> None:
    evidence = "Spot ore with 62 percent content has lost 20 percent this year."
    grade = Move(instrument="spot iron ore", direction="down", change_pct=-62.0, evidence=evidence)
    move = Move(instrument="spot iron ore", direction="down", change_pct=-20.0, evidence=evidence)
    assert check_move(grade, evidence) is not None
    assert check_move(move, evidence) is None


@pytest.mark.parametrize(
    ("instrument", "direction", "evidence", "refused"),
    [
        # a pair rises as its quote currency falls
        ("USD/JPY", "up", "The yen weakened 0.5% to 151.2 per dollar.", False),
        ("USD/JPY", "down", "The yen weakened 0.5% to 151.2 per dollar.", True),
        ("USD/INR", "up", "The rupee ended at 83.40 per dollar, 0.2% weaker.", False),
        # the pair's base currency named: as it is
        ("EUR/USD", "down", "The euro fell 0.3% to $1.08.", False),
        ("EUR/USD", "up", "The euro fell 0.3% to $1.08.", True),
        ("USD/JPY", "up", "The dollar rose 0.4% against the yen.", False),
    ],
)
def test_a_currency_pair_is_checked_from_the_currency_the_text_names(
    instrument: str, direction: str, evidence: str, refused: bool
) -> None:
    number = (
        0.5
        if "0.5%" in evidence
        else 0.2
        if "0.2%" in evidence
        else 0.3
        if "0.3%" in evidence
        else 0.4
    )
    move = Move(
        instrument=instrument,
        direction=direction,
        change_pct=number if direction == "up" else -number,
        evidence=evidence,
    )
    assert (check_move(move, evidence) is not None) == refused


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct"),
    [
        # a country's adjective names its market; initials with "&" name the company
        ("Elsewhere in the Gulf, Qatari benchmark gained 0.8 per cent with the country's "
         "largest lender, Varno National Bank, rising 1.8 per cent.",
         "Qatar benchmark index", "up", 0.8),
        ("L&T: With a loss of 1.47 percent, the shares ended at Rs 3,510", "Larsen & Toubro",
         "down", -1.47),
        ("Varno Chip ETF(VCH – Free Report), Tarlo Chips ETF (TCP  – Free Report) and Kestrel "
         "Semis ETF (KSE – Free Report) tumbled nearly 7% each.", "Tarlo Chips ETF", "down", -7.0),
        ("Kestrel Bank: Registering a gain of 1.11 percent, the shares rose to Rs 760.20",
         "Kestrel Bank", "up", 1.11),
    ],
)  # fmt: skip
def test_names_said_another_way_pass(
    sentence: str, instrument: str, direction: str, pct: float
) -> None:
    assert gate(around(sentence), sentence, instrument, direction, pct) is None


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "owner"),
    [
        # the producers' move is not the commodity's
        ("Copper stocks rose 2%, while aluminium slipped 0.5%.", "copper", "up", 2.0,
         "Copper stocks"),
        ("The oil and gas sector fell 2%, while banks rose 1%.", "Brent crude", "down", -2.0,
         "oil and gas sector"),
        ("Orvane and Kestrel, which fell 5% and 4% respectively, led the losses.", "Kestrel",
         "down", -5.0, "Orvane"),
    ],
)  # fmt: skip
def test_a_groups_number_is_not_its_commoditys(
    sentence: str, instrument: str, direction: str, pct: float, owner: str
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert problem is not None and owner in problem


RANKING = (
    "Of the index's 35 members, 18 registered gains, while Orvane, Kestrel and Tellus "
    "concentrated the most notable declines."
)


def test_words_that_name_no_period_decide_a_claimed_periods_direction() -> None:
    # the quote names no period for Kestrel: its fall is the week's as much as the day's
    problem = gate(around(RANKING), RANKING, "Kestrel", "up", period="this week")
    assert problem is not None and "contradicts" in problem
    assert gate(around(RANKING), RANKING, "Kestrel", "down", period="this week") is None


def test_a_claimed_period_in_the_quotes_words_is_left_to_them() -> None:
    sentence = "Palladium lost 2.55% despite a strong intraday gain last Thursday."
    assert (
        gate(around(sentence), sentence, "palladium", "up", period="intraday, last Thursday")
        is None
    )


def test_a_figure_of_the_same_period_is_no_move_the_claim_must_match() -> None:
    # a sentence run on after its stop: the turnover's week is no price of the index
    sentence = (
        "The Varno Index closed at 948.62 points up by 0.23%.Furthermore, the week’s average "
        "daily turnover increased by 11.49%, compared to the preceding week."
    )
    assert gate(sentence, sentence, "Varno Index (week)", "up", 0.23) is None


@pytest.mark.parametrize("instrument", ["Varno Composite Index", "VCI"])
def test_a_move_naming_no_period_is_the_days_even_where_the_text_names_it_otherwise(
    instrument: str,
) -> None:
    # the sessions before fell; the day, named by its weekday, rose
    sentence = "Varno stocks closed 1.71 percent higher Friday, snapping a four-session slump."
    assert gate(around(sentence), sentence, instrument, "down") is not None


@pytest.mark.parametrize(
    ("sentence", "instrument"),
    [
        ("Macro-wise, the US and Canada opened higher, despite Varno developers weighing on the "
         "Kestrel index.", "US stocks"),
        ("Overall, Japan and Korea opened higher, despite carmakers weighing on the Kestrel "
         "index.", "Japanese stocks"),
    ],
)  # fmt: skip
def test_another_names_fall_is_no_day_for_a_market_that_opened_higher(
    sentence: str, instrument: str
) -> None:
    # the fall is the developers' (or carmakers'): the market the move names has no day's move
    # of its own to contradict its opening rise
    assert gate(around(sentence), sentence, instrument, "up") is None


@pytest.mark.parametrize(
    ("sentence", "instrument"),
    [
        ("Earlier in the day, equities in Varno and Orvane outperformed, while they slipped in "
         "Kestrel, Tarn and Sydney.", "Kestrel equities"),
        ("Despite a positive opening and the stock hitting a one-year high, shares slipped into "
         "the red and ended with a loss of 3.88 per cent.", "Orvane"),
    ],
)  # fmt: skip
def test_a_day_said_of_words_that_may_be_anything_still_contradicts(
    sentence: str, instrument: str
) -> None:
    # "they" and bare "shares" may be the move's instrument: their fall is its day
    assert gate(around(sentence), sentence, instrument, "up") is not None


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "refused"),
    [
        # a partial recovery set apart from the name, with no number, is no day's rise
        ("Kestrel Oil slid to a two-week low in early trade before recouping some of that "
         "decline.", "Kestrel Oil", "down", False),
        ("Brent fell to $101.10 a barrel in afternoon trade before regaining some of that "
         "decline.", "Brent crude", "down", False),
        # but a close named after the early move is the day's
        ("The Kestrel index fell in early trade, then rallied to close higher.",
         "Kestrel index", "down", True),
        ("The Kestrel index rose in morning trade but ended lower.", "Kestrel index", "up", True),
    ],
)  # fmt: skip
def test_words_apart_from_the_name_decide_the_day_only_with_a_number_or_the_close(
    sentence: str, instrument: str, direction: str, refused: bool
) -> None:
    assert (gate(around(sentence), sentence, instrument, direction) is not None) is refused


VARNO_FINANCIALS = (
    "Orvane Bank (+4.21%), Kestrel (+3.70%) and Tarn (+0.22%) pushed the Varno Financial Index "
    "up by 13.82 points (+0.74%) to close at 1,890.89 with a year-to-date return of 6.07%."
)


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        # the move's own name is the last one before its number: the number is its own,
        # whatever name the reading gave it
        ("Varno Financial Index (year to date)", 6.07, False),
        ("Varno Financial Index", 0.74, False),
        # and another's name before it still refuses the number
        ("Orvane Bank", 0.74, True),
    ],
)
def test_the_name_right_before_a_number_owns_it(instrument: str, pct: float, refused: bool) -> None:
    sentence = VARNO_FINANCIALS
    verdict = gate(around(sentence), sentence, instrument, "up", pct)
    assert (verdict is not None) is refused, verdict


def test_a_list_of_numbers_in_turn_is_not_read_by_the_last_name() -> None:
    # the numbers follow the names in turn: the name last before 0.53% is not its owner
    sentence = (
        "Shortly after the opening, both the Kestrel 20 index, which reflects the top 20 listed "
        "companies, and the Varno ESG index, tracking the highest-rated ESG companies, increased "
        "by 0.53% to 1,223.48 points and 0.31% to 1,076.47 points, respectively."
    )
    assert gate(around(sentence), sentence, "Varno ESG index", "up", 0.53) is not None


def test_the_sessions_before_a_run_was_snapped_went_the_other_way() -> None:
    sentence = "Varno stocks closed 1.71 percent higher Friday, snapping a four-session slump."
    name = "Varno stocks (previous four sessions)"
    assert gate(around(sentence), sentence, name, "down") is None
    assert gate(around(sentence), sentence, name, "up") is not None


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "refused"),
    [
        # a commodity named by both its names, and a contract's month word, are still it
        ("Front-month Henry Hub futures jumped 25% yesterday.",
         "Henry Hub natural gas futures (front month)", 25.0, False),
        ("Front-month Henry Hub futures jumped 25% yesterday, while Orvane shares rose 4%.",
         "Henry Hub natural gas futures", 4.0, True),
        # several sessions claimed where the text counts five of them, its week
        ("The Varno dollar index accumulated an increase of 2.07% in the last five sessions.",
         "Varno dollar index (five sessions)", 2.07, False),
        # a week claimed where the text counts three sessions is still refused
        ("Orvane shares rose 2.07% over three straight sessions.", "Orvane (week)", 2.07, True),
    ],
)  # fmt: skip
def test_two_names_of_one_commodity_and_five_sessions_as_a_week(
    sentence: str, instrument: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


TWO_SPANS = (
    "Orvane shares have fallen by -86.61% over the last 12 months, and they have moved down by "
    "-19.27% in the past week."
)
COIN = (
    "Orvane coin has more than doubled in price over the past week, up 104% to a price of "
    "$0.000024 at present, a 48% spike in just the last 24 hours."
)
THIRTY = (
    "Orvane coin has lost 11.5 percent in a week, but the price has dropped 25.2 percent in "
    "thirty days."
)


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "refused"),
    [
        # "(past week)" claims the week, "(last 24 hours)" the day, "(30 days)" thirty of them
        (TWO_SPANS, "Orvane (past week)", "down", -86.61, True),
        (TWO_SPANS, "Orvane (past week)", "down", -19.27, False),
        (COIN, "Orvane coin (last 24 hours)", "up", 104.0, True),
        (COIN, "Orvane coin (last 24 hours)", "up", 48.0, False),
        (THIRTY, "Orvane coin (30 days)", "down", -11.5, True),
        (THIRTY, "Orvane coin (30 days)", "down", -25.2, False),
        # a coin's "previous day" is its last 24 hours; a stock's yesterday is not its today
        ("Orvane coin has dropped 13.9 percent in the previous day.", "Orvane coin (24 hours)",
         "down", -13.9, False),
        ("Orvane stock fell 3% yesterday and rose 1% today.", "Orvane (today)", "down", -3.0,
         True),
    ],
)  # fmt: skip
def test_a_week_a_day_of_24_hours_and_thirty_days_claimed(
    sentence: str, instrument: str, direction: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert (problem is not None) is refused, problem


GAINERS_CHART = (
    "The market rose. On the gainer’s chart, Orvane Gas led by 10 per cent to close at N9.35 per "
    "share. Kestrel Hotel at 10 per cent. Varno Oil at 9.96 per cent. On the loser’s chart, "
    "Orvane Holt led by 10 per cent."
)


@pytest.mark.parametrize(
    ("evidence", "instrument", "direction", "refused"),
    [
        # a chart's name states its members' direction, also two members down the list
        ("On the gainer’s chart, Orvane Gas led by 10 per cent", "Orvane Gas", "up", False),
        ("On the gainer’s chart, Orvane Gas led by 10 per cent", "Orvane Gas", "down", True),
        ("Kestrel Hotel at 10 per cent", "Kestrel Hotel", "up", False),
        ("Varno Oil at 9.96 per cent", "Varno Oil", "up", False),
        ("Varno Oil at 9.96 per cent", "Varno Oil", "down", True),
        ("On the loser’s chart, Orvane Holt led by 10 per cent", "Orvane Holt", "up", True),
    ],
)
def test_a_charts_name_states_its_members_direction(
    evidence: str, instrument: str, direction: str, refused: bool
) -> None:
    pct = 9.96 if "9.96" in evidence else 10.0
    problem = gate(GAINERS_CHART, evidence, instrument, direction, pct)
    assert (problem is not None) is refused, problem


GREATEST_UPWARD = (
    "Volumes were thin. The securities with the greatest upward variation were those of "
    "the brewer Orvane Brewing (ORV), with 3.34%; of the logistics company Kestrel Freight (KSF), "
    "with 3.07%."
)


@pytest.mark.parametrize(
    ("evidence", "direction", "refused"),
    [
        # a quote that states no direction takes its sentence's ("the greatest upward variation")
        ("Orvane Brewing (ORV), with 3.34%", "up", False),
        ("Orvane Brewing (ORV), with 3.34%", "down", True),
    ],
)
def test_a_quote_takes_the_direction_of_its_sentence(
    evidence: str, direction: str, refused: bool
) -> None:
    pct = 3.34 if direction == "up" else -3.34
    problem = gate(GREATEST_UPWARD, evidence, "Orvane Brewing", direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        ("Orvane Brewing", 3.34, False),
        ("Kestrel Freight", 3.07, False),
        # the numbers of a list told with "with" belong to the names before them
        ("Orvane Brewing", 3.07, True),
        ("Kestrel Freight", 3.34, True),
    ],
)
def test_a_with_lists_numbers_are_its_names(instrument: str, pct: float, refused: bool) -> None:
    sentence = GREATEST_UPWARD.split(". ", 1)[1]
    problem = gate(GREATEST_UPWARD, sentence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


QUARTER = "Brent fell 11% last week, bringing the decline in the two contracts to more than 35% for the quarter."
POUND = (
    "The pound failed to hold on to previous gains against the dollar, and fell Friday morning "
    "by 0.2 percent at $1.38, and fell about 0.3 percent against the euro at 1.31 euros."
)


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "value", "refused"),
    [
        # "as of last week" says when a quarter's number was taken, not its period
        (QUARTER, "Brent crude (quarter to date, as of last week)", "down", -35.0, False),
        (QUARTER, "Brent crude (quarter to date, as of last week)", "down", -11.0, True),
        (QUARTER, "Brent crude (last week)", "down", -35.0, True),
        # a move against the euro is no day's number of the pound against the dollar
        (POUND, "British pound vs dollar", "down", -0.2, False),
        # "the day earlier" is the session before
        ("It also edged down 0.1 percent the day earlier.", "Varno index (previous session)",
         "down", -0.1, False),
        # a curve "steeper" rose
        ("That yield curve was last about 6 basis points steeper.", "5-year/30-year yield curve",
         "up", None, False),
        ("That yield curve was last about 6 basis points steeper.", "5-year/30-year yield curve",
         "down", None, True),
    ],
)  # fmt: skip
def test_as_of_another_currency_the_day_earlier_and_a_steeper_curve(
    sentence: str, instrument: str, direction: str, value: float | None, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, value)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "bp", "refused"),
    [
        # the words before each figure of a list name the figure's owner, known word or not
        ("Banks fell 1.4 percent, followed by leisure (-0.6 percent) and ports (-0.2 percent).",
         "Varno leisure sub-index", -0.6, None, False),
        ("Banks fell 1.4 percent, followed by leisure (-0.6 percent) and ports (-0.2 percent).",
         "Banks", -0.6, None, True),
        # two tenors sharing "bonds": each takes its own number in turn
        ("The 7-year and 3-year bonds rose by 2.1bp and 4.4bp respectively.",
         "Varno 7-year government bond yield", None, 2.1, False),
        ("The 7-year and 3-year bonds rose by 2.1bp and 4.4bp respectively.",
         "Varno 3-year government bond yield", None, 2.1, True),
        # a rate's change in percent, then the level it reached
        ("The yield on the 7-year note lost 2.5% to 3.12%.", "7-year note yield", -2.5, None,
         False),
    ],
)  # fmt: skip
def test_lists_of_figures_shared_heads_and_a_rates_change_to_a_level(
    sentence: str, instrument: str, pct: float | None, bp: float | None, refused: bool
) -> None:
    direction = "down" if (pct or bp or 0) < 0 else "up"
    verdict = gate(around(sentence), sentence, instrument, direction, pct, bp)
    assert (verdict is not None) is refused, verdict


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        # a number told in turn of a name the reading does not know is no known name's...
        ("Varno coke futures", -0.8, False),
        ("Varno iron ore futures", -1.5, False),
        # ... and the known name's own number still refuses another
        ("Varno iron ore futures", -0.8, True),
    ],
)
def test_numbers_in_turn_of_names_not_all_read(instrument: str, pct: float, refused: bool) -> None:
    sentence = (
        "Iron ore and coke, the other steel-making ingredients, fell 1.5% and 0.8%, respectively."
    )
    verdict = gate(around(sentence), sentence, instrument, "down", pct)
    assert (verdict is not None) is refused, verdict


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct"),
    [
        ("The most-traded September iron ore on the Varno exchange ended 0.12% lower, following "
         "a rise of about 2% the week before.",
         "Varno iron ore futures (September, most-traded)", 2.0),
        ("The benchmark July iron ore contract in Kestrel edged down 0.05%, after rising by more "
         "than 4% in the previous week.", "Kestrel iron ore futures (July, benchmark)", 4.0),
    ],
)  # fmt: skip
def test_a_contract_month_and_which_contract_are_no_labels_of_one_number(
    sentence: str, instrument: str, pct: float
) -> None:
    assert gate(around(sentence), sentence, instrument, "up", pct) is None


STERLING = (
    "The sell-off spilled into currency markets, sending the pound down 0.9% against the dollar "
    "and 0.4% against the euro."
)
YEN = "The yen rose 0.5% against the dollar and 0.8% versus the euro."


@pytest.mark.parametrize(
    ("sentence", "instrument", "direction", "pct", "refused"),
    [
        # a pair names what its base moved against: the pound's number against the dollar is
        # no GBP/EUR move
        (STERLING, "GBP/EUR", "down", -0.9, True),
        (STERLING, "GBP/EUR", "down", -0.4, False),
        (STERLING, "GBP/USD", "down", -0.9, False),
        # the pair quoted the other way round is the yen's move against the pair's base
        (YEN, "EUR/JPY", "down", -0.5, True),
        (YEN, "EUR/JPY", "down", -0.8, False),
        (YEN, "USD/JPY", "down", -0.5, False),
        # where the text names no counter currency, a pair's is not contradicted
        ("The euro rose 0.3% to $1.09.", "EUR/USD", "up", 0.3, False),
        ("The euro rose 0.3% against the yen.", "EUR/USD", "up", 0.3, True),
        # a period stated for a year still running is the year to date ...
        ("For 2022, the Varno ETF has traded lower by roughly 20%.", "Varno ETF (year to date)",
         "down", -20.0, False),
        ("The Varno ETF has fallen 20% in 2022.", "Varno ETF (year to date)", "down", -20.0,
         False),
        # ... a year's move said in the past tense need not be
        ("The Varno ETF fell 20% in 2021, and 4% this year.", "Varno ETF (year to date)", "down",
         -20.0, True),
        # a noun's owner is what moved, whatever is then said of the move
        ("Investors also cheered the previous week, when the Kestrel index's 1.6% gain was fuelled "
         "by an upbeat jobs report.", "Kestrel index", "up", 1.6, False),
    ],
)  # fmt: skip
def test_a_pairs_counter_currency_a_running_year_and_a_nouns_owner(
    sentence: str, instrument: str, direction: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "refused"),
    [
        ("Orvane", "up", 5.2, False),
        ("Kestrel", "down", -3.1, False),
        ("Orvane", "down", -3.1, True),
        ("Kestrel", "up", 5.2, True),
    ],
)
def test_an_arrow_states_a_direction_and_binds_its_figure(
    instrument: str, direction: str, pct: float, refused: bool
) -> None:
    sentence = "Top movers: Orvane ▲5.2%, Kestrel ▼3.1%."
    problem = gate(around(sentence), sentence, instrument, direction, pct)
    assert (problem is not None) is refused, problem


SPANS = (
    "Over the past three months, the stock has lost 72.12%, while over the past six months, it "
    "has shed 74.98%."
)


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        # a label that counts a span, and a period fronted before a later clause
        ("Varno Motors (three months)", -72.12, False),
        ("Varno Motors (six months)", -74.98, False),
        ("Varno Motors (six months)", -72.12, True),
        ("Varno Motors (three months)", -74.98, True),
    ],
)
def test_a_counted_span_and_a_period_fronted_before_a_later_clause(
    instrument: str, pct: float, refused: bool
) -> None:
    paragraph = f"Varno Motors fell again. {SPANS} Volumes were close to average."
    problem = gate(paragraph, SPANS, instrument, "down", pct)
    assert (problem is not None) is refused, problem


UNKNOWN_NAMES = (
    "Among the gainers, orvane holdings put on 5.2% while kestrel group added 3.1% and the rest "
    "were flat."
)
UNKNOWN_CAPITALS = "Gainers: ORVANE HLDG (+5.2%), KESTREL GRP (+3.1%), TALLIS CO (+2.0%)."


@pytest.mark.parametrize(
    ("sentence", "instrument", "pct", "refused"),
    [
        # names the reading does not know: the numbers right after each name are its own
        (UNKNOWN_NAMES, "orvane holdings", 5.2, False),
        (UNKNOWN_NAMES, "orvane holdings", 3.1, True),
        (UNKNOWN_NAMES, "kestrel group", 3.1, False),
        (UNKNOWN_NAMES, "kestrel group", 5.2, True),
        (UNKNOWN_CAPITALS, "KESTREL GRP", 3.1, False),
        (UNKNOWN_CAPITALS, "KESTREL GRP", 2.0, True),
        # names listed before their numbers, in turn: nothing decided by position
        ("Weekly gains of orvane, kestrel and tallis are 10.65%, 27.72% and 88.88%, respectively.",
         "tallis", 88.88, False),
        # a contrast that goes on with the same subject ("but the price")
        ("orvane coin has gained 11.5 percent in a week, but the price has risen 25.2 percent "
         "since May.", "orvane coin (since May)", 25.2, False),
        # one name's two numbers, a day's and a year's
        ("While the Varno Composite Index advanced 1 percent to end the day at 4,209.9 points, a "
         "7.6 percent increase from year-end.", "Varno Composite Index (year to date)", 7.6, False),
    ],
)  # fmt: skip
def test_the_numbers_after_a_name_the_reading_does_not_know(
    sentence: str, instrument: str, pct: float, refused: bool
) -> None:
    problem = gate(around(sentence), sentence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


def test_an_arrow_apart_from_its_figure_is_a_sign_and_a_hyphen_apart_is_none() -> None:
    spaced = "Top movers: Orvane ▲ 5.2%, Kestrel ▼ 3.1%."
    assert gate(around(spaced), spaced, "Orvane", "up", 5.2) is None
    assert gate(around(spaced), spaced, "Kestrel", "up", 3.1) is not None
    ranged = "Orvane guided for sales growth of 10% - 15%, and its shares rose."
    assert gate(around(ranged), ranged, "Orvane", "up") is None


def test_a_year_claimed_for_a_year_still_running_passes() -> None:
    sentence = (
        "Orvane coffee prices are on track to end the year with an annual gain of about 76% with "
        "drought in top producer Varno earlier this year helping fuel gains."
    )
    assert gate(around(sentence), sentence, "Orvane coffee (year)", "up", 76.0) is None
    assert gate(around(sentence), sentence, "Orvane coffee (week)", "up", 76.0) is not None


@pytest.mark.parametrize(
    ("instrument", "pct", "refused"),
    [
        # the word that tells the move's name apart, where the text does not write the name
        ("Varno beverages index (week)", 9.0, True),
        ("Varno beverages index (week)", 6.44, False),
        ("Varno holdings index (week)", 6.44, True),
        ("Varno holdings index (week)", 9.0, False),
        # (a word of the kind of thing it is decides nothing)
        ("Varno index (week)", 6.44, False),
    ],
)
def test_a_word_of_the_name_the_text_writes_decides_its_number(
    instrument: str, pct: float, refused: bool
) -> None:
    sentence = "Similarly, the index of portfolio companies-Holdings soared by 9% and that of "
    sentence += "beverages by 6.44%."
    problem = gate(around(sentence), sentence, instrument, "up", pct)
    assert (problem is not None) is refused, problem


@pytest.mark.parametrize(
    ("source", "evidence", "instrument", "pct", "confirmed"),
    [
        # the quoted words give the number to the name: confirmed
        ("Gold rose 1.1 percent and silver gained about 2.6 percent.", None, "silver", 2.6, True),
        ("Top gainers were Orvane (5.2%) and Kestrel (3.9%).", None, "Kestrel", 3.9, True),
        ("It was a good day for Orvane, whose stock put on 4.1%.", None, "Orvane", 4.1, True),
        # stated, nothing contradicts, but the tie is not read from the quoted words
        ("Orvane said sales rose. The stock rose 3%.", "The stock rose 3%.", "Orvane", 3.0,
         False),
        ("Among the big movers, a 4.1% jump came from Orvane.", None, "Orvane", 4.1, False),
        ("The session's best performer, up 3%, was Orvane.", None, "Orvane", 3.0, False),
    ],
)  # fmt: skip
def test_a_move_is_confirmed_only_where_its_quote_ties_it_to_its_name(
    source: str, evidence: str | None, instrument: str, pct: float, confirmed: bool
) -> None:
    quote = evidence or source
    move = Move(instrument=instrument, direction="up", change_pct=pct, evidence=quote)
    span = locate_evidence(quote, source)
    assert check_move(move, quote, source=source, span=span) is None  # the gate passes them all
    assert confirmed_by_quote(move, quote, source=source, span=span) is confirmed


def test_a_move_of_another_instrument_or_direction_is_not_confirmed() -> None:
    source = "Gold rose 1.1 percent and silver gained about 2.6 percent."
    gold = Move(instrument="Gold", direction="up", change_pct=2.6, evidence=source)
    down = Move(instrument="silver", direction="down", change_pct=-2.6, evidence=source)
    span = (0, len(source))
    assert not confirmed_by_quote(gold, source, source=source, span=span)
    assert not confirmed_by_quote(down, source, source=source, span=span)


@pytest.mark.parametrize(
    ("instrument", "direction", "pct", "passes"),
    [("Kestrel", "up", 3.2, True), ("Kestrel", "down", -3.2, False), ("Zelkova", "up", 1.1, True)],
)
def test_a_list_line_takes_its_direction_from_the_heading_above_the_list(
    instrument: str, direction: str, pct: float, passes: bool
) -> None:
    source = "Top gainers\n\nOrvane (5.1%)\nKestrel (3.2%)\nZelkova (1.1%)"
    quote = f"{instrument} ({abs(pct)}%)"
    move = Move(instrument=instrument, direction=direction, change_pct=pct, evidence=quote)
    problem = check_move(move, quote, source=source, span=locate_evidence(quote, source))
    assert (problem is None) is passes, problem
