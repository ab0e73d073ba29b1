"""sentences: where a sentence ends in news text, and when a line break is not an end."""

from __future__ import annotations

import pytest

from summarizer.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def test_numbers_tickers_and_abbreviations_stay_whole() -> None:
    text = (
        "U.S. stocks fell. Apple Inc. shares dropped 1.5% to $182.30 after J.P. Morgan cut it. "
        "Gold rose."
    )
    assert sentences(text) == [
        "U.S. stocks fell.",
        "Apple Inc. shares dropped 1.5% to $182.30 after J.P. Morgan cut it.",
        "Gold rose.",
    ]


def test_an_abbreviation_then_a_full_stop_ends_the_sentence() -> None:
    text = "Cocoa gained 0.5% to $847.36 U.S.. It has dropped 5.5% this week."
    assert sentences(text) == [
        "Cocoa gained 0.5% to $847.36 U.S..",
        "It has dropped 5.5% this week.",
    ]


def test_a_list_number_is_not_a_sentence() -> None:
    text = "1. **Oracle's order** boosted chips."
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]


def test_spans_index_the_text_and_respect_the_window() -> None:
    text = "Intro line.\n\nSamsung rose 2%. SK Hynix fell 1%.\n\nOutro."
    start, end = text.index("Samsung"), text.index("\n\nOutro")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Samsung rose 2%.", "SK Hynix fell 1%."]
    assert all(start <= s < e <= end for s, e in spans)


def test_cjk_punctuation_ends_a_sentence() -> None:
    assert sentences("上证指数收涨1.2%。创业板指涨2.3%！") == [
        "上证指数收涨1.2%。",
        "创业板指涨2.3%！",
    ]


_SHORT_WRAPPED = "a short line followed by a capitalised word is taken for a heading"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Miners and energy firms lifted\nAustralian shares on Friday.",
            ["Miners and energy firms lifted\nAustralian shares on Friday."],
            marks=pytest.mark.xfail(strict=True, reason=_SHORT_WRAPPED),
        ),
        (
            "SYDNEY, May 3 Miners and energy firms lifted\nAustralian shares on Friday, with iron "
            "ore\nprices at a two-month high.",
            ["SYDNEY, May 3 Miners and energy firms lifted\nAustralian shares on Friday, with iron "
             "ore\nprices at a two-month high."],
        ),
        (
            "Chipmakers rallied across Asia on Thursday as investors\nbet on demand for servers. "
            "Samsung rose 2%.",
            ["Chipmakers rallied across Asia on Thursday as investors\nbet on demand for servers.",
             "Samsung rose 2%."],
        ),
        (
            "Shares of European carmakers fell sharply on Monday after\nVolkswagen cut its outlook.",
            ["Shares of European carmakers fell sharply on Monday after\nVolkswagen cut its outlook."],
        ),
        (
            "The Fed held rates steady\nand signalled patience.",
            ["The Fed held rates steady\nand signalled patience."],
        ),
        # an ellipsis glued to the next word ends a sentence
        ("The won rose 1%.....READ MORE", ["The won rose 1%.....", "READ MORE"]),
        # a page's ticker links, one per line, inside a sentence; a comma never ends one
        (
            "Pfizer\n(\nPFE |\nQuote |\nChart)\nlost 4.1%,\nMerck\n(\nMRK |\nChart)\n2.2%. Lilly rose.",
            ["Pfizer\n(\nPFE |\nQuote |\nChart)\nlost 4.1%,\nMerck\n(\nMRK |\nChart)\n2.2%.",
             "Lilly rose."],
        ),
        (
            "Among its peers,\nNovartis\n(NOVN)\n, down 1.5%, led.",
            ["Among its peers,\nNovartis\n(NOVN)\n, down 1.5%, led."],
        ),
    ],
)  # fmt: skip
def test_hard_wrapped_lines_are_joined(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Markets Wrap\nThe Stoxx 600 rose 0.4% on Wednesday.",
         ["Markets Wrap", "The Stoxx 600 rose 0.4% on Wednesday."]),
        ("Asian Shares Slip As Chip Stocks Retreat\nJapan's Nikkei lost 0.7% on Monday.",
         ["Asian Shares Slip As Chip Stocks Retreat", "Japan's Nikkei lost 0.7% on Monday."]),
        ("Key points:\n- Apple rose 2%\n- Microsoft fell 1%",
         ["Key points:", "- Apple rose 2%", "- Microsoft fell 1%"]),
    ],
)  # fmt: skip
def test_a_heading_or_list_line_stays_apart(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Miners and energy firms lifted\n\naustralian shares on Friday.",
         ["Miners and energy firms lifted", "australian shares on Friday."]),
        ("Miners fell sharply in London on Thursday after copper prices\n\ndropped to a low.",
         ["Miners fell sharply in London on Thursday after copper prices", "dropped to a low."]),
        ("Banks rose\n\nMiners fell", ["Banks rose", "Miners fell"]),
        ("Banks rose\n  \nMiners fell", ["Banks rose", "Miners fell"]),
    ],
)  # fmt: skip
def test_a_blank_line_always_separates(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_london_code_with_a_dot_before_its_price_ends_no_sentence() -> None:
    text = (
        "Risers: Kolvar Group (KG.) 1,132.50p +2.58% and Orrin (OR.A) 26p. Vordan fell (VD.) Then."
    )
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "Risers: Kolvar Group (KG.) 1,132.50p +2.58% and Orrin (OR.A) 26p.",
        "Vordan fell (VD.)",
        "Then.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page's furniture inside a sentence: the sentence goes on after it
        (
            "The rand erased early losses\n\nAdvertisement 4\nStory continues below\n"
            "Article content\n\nto rise 0.6%. Gold fell.",
            [
                "The rand erased early losses\n\nAdvertisement 4\nStory continues below\n"
                "Article content\n\nto rise 0.6%.",
                "Gold fell.",
            ],
        ),
        # between two sentences it is lines of its own, as before
        (
            "The rand rose.\n\nAdvertisement 4\nStory continues below\n\nGold fell.",
            ["The rand rose.", "Advertisement 4", "Story continues below", "Gold fell."],
        ),
        (
            "The rand rose\n\nAdvertisement 4\n\nGold fell.",
            ["The rand rose", "Advertisement 4", "Gold fell."],
        ),
    ],
)
def test_a_pages_furniture_inside_a_sentence_does_not_end_it(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_a_title_case_headline_line_ends_before_the_first_sentence() -> None:
    text = (
        "Gas Supply Once Again Hinges on One Norwegian Company\n"
        "Dutch front-month futures, Europe's gas benchmark, rose 7.9%."
    )
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "Gas Supply Once Again Hinges on One Norwegian Company",
        "Dutch front-month futures, Europe's gas benchmark, rose 7.9%.",
    ]


def test_hard_wrapped_names_of_a_list_are_no_headline() -> None:
    text = "Banks led, with Spain's Bankia, Italy's UniCredit and\nFrance's Societe Generale up 2%."
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "Banks led, with Spain's Bankia, Italy's UniCredit and\nFrance's Societe Generale up 2%."
    ]
