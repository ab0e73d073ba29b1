"""clean: the seeds lose their boilerplate and keep every sentence that states a move."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from summarizer.clean import clean_article


def kept_text(text: str) -> str:
    return "\n".join(text[s:e] for s, e in clean_article(text).kept)


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "gone", "kept"),
    [
        ("000", ["Disclaimer: Investing carries risk", "Most Discussed", "10. 10"],
         ["BABA-W surged over 18% today.", "Hong Kong stocks gapped up 2.15% today."]),
        ("001", ["**Risk Reminder:**"], ["closing up 2.29%", "VeriSilicon hit the 20% daily limit"]),
        ("002", ["Join Bybit now", "免责声明", "作者  Tony Chou", "placeholder", "goTop", "可能会下跌5%"],
         ["The Hang Seng Tech Index rose 4.2%", "SMIC shares gained over 7%"]),
        ("003", ["Risk Warning:", "Disclaimer:", "Most Discussed"],
         ["2021, -36.61%", "closing up 1.13%", "BABA-W rising over 6% intraday"]),
        ("004", [], ["Kingsoft Cloud (+15%)", "Alibaba’s 7% jump"]),
    ],
)  # fmt: skip
def test_seed_boilerplate_goes_and_moves_stay(
    prefix: str, gone: list[str], kept: list[str]
) -> None:
    text = kept_text(seed(prefix))
    for phrase in gone:
        assert phrase not in text
    for phrase in kept:
        assert phrase in text


def test_every_percent_sentence_of_the_seeds_outside_boilerplate_is_kept() -> None:
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        result = clean_article(text)
        for (start, end), reason in result.removed:
            if re.search(
                r"\b(?:rose|fell|gained|surged|closing up)\b[^.]{0,30}\d%", text[start:end]
            ):
                assert reason == "related_sidebar", (path.name, text[start:end][:80])


def test_offsets_slice_the_original_and_removed_chars_add_up() -> None:
    text = "Stocks rose 2% today.\n\ngoTop\nDisclaimer: This is not financial advice.\n"
    result = clean_article(text)
    assert [text[s:e] for s, e in result.kept] == ["Stocks rose 2% today."]
    assert result.removed_chars == sum(e - s for (s, e), _ in result.removed)
    assert {why for _, why in result.removed} == {"page_furniture", "disclaimer"}


def test_an_article_without_boilerplate_is_kept_whole() -> None:
    text = "Oil fell 3% on Monday.\nGold rose 1%."
    result = clean_article(text)
    assert result.removed == () and len(result.kept) == 2


@given(st.text(alphabet=st.sampled_from("ab %\n\r\t\u3000\u00a0\u2028涨"), max_size=60))
def test_blocks_are_the_non_blank_lines_trimmed(text: str) -> None:
    result = clean_article(text)
    spans = sorted(result.kept + tuple(span for span, _ in result.removed))
    expected = [line.strip() for line in text.split("\n") if line.strip()]
    assert [text[s:e] for s, e in spans] == expected


def test_a_quote_widget_is_page_furniture_not_news() -> None:
    text = (
        "Gilt yields rose 2 basis points on Wednesday.\n"
        "Stocks mentioned in the article\n"
        "EURO / BRITISH POUND (EUR/GBP) -0.32% 0.88156 Delayed Quote.4.63%\n"
        "US DOLLAR / BRITISH POUND (USD/GBP) -0.47% 0.9012 Real-time Quote.-1.20%\n"
    )
    result = clean_article(text)
    kept = [text[start:end] for start, end in result.kept]
    assert kept == ["Gilt yields rose 2 basis points on Wednesday."]
    assert {why for _, why in result.removed} == {"most_discussed", "quote_tape"}


def test_a_link_line_inside_a_sentence_is_kept_and_one_between_blocks_goes() -> None:
    # a page that renders a ticker's links one per line, inside the sentence: cutting "Quote |"
    # out would cut the sentence and every quote of it in two
    text = "Drugmakers fell again.\nPfizer\n(\nPFE |\nQuote |\nChart)\nlost 4.1%.\nShare\n\nPrint\n"
    result = clean_article(text)
    kept = "\n".join(text[start:end] for start, end in result.kept)
    assert "PFE |\nQuote |\nChart)" in kept
    assert [text[s:e] for (s, e), _ in result.removed] == ["Share", "Print"]


@pytest.mark.parametrize(
    "notice",
    [
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Your browser is out of date, and may not be compatible with our website.",
    ],
)
def test_a_rights_notice_or_a_browser_notice_is_removed(notice: str) -> None:
    text = f"The Orvane index rose 1.2% on Monday.\n\n{notice}\n\nKestrel fell 3%."
    cleaned = "\n".join(text[s:e] for s, e in clean_article(text).kept)
    assert notice not in cleaned
    assert "Orvane index rose 1.2%" in cleaned and "Kestrel fell 3%" in cleaned


def test_a_paywalls_pitch_goes_and_a_subscription_business_stays() -> None:
    text = (
        "Varno stocks rose 1% on Monday.\n"
        "Complete your profile to continue reading and get FREE access to Varno Risk.\n"
        "Your access to unlimited Varno Risk content isn’t changing.\n"
        "Orvane said subscription revenue rose 4.5%, and unlimited access plans sold well.\n"
    )
    cleaned = clean_article(text)
    assert [why for _, why in cleaned.removed] == ["paywall", "paywall"]
    kept = " ".join(text[s:e] for s, e in cleaned.kept)
    assert "subscription revenue rose 4.5%" in kept and "Varno stocks rose 1%" in kept


def test_a_newsletters_pitch_goes_and_a_newsletter_business_stays() -> None:
    text = (
        "Varno stocks rose 1% on Monday.\n"
        "Have breaking news sent to your inbox. Subscribe to Varno's free Bulletin emails. Sign "
        "up here.\n"
        "Get the latest Kestrel markets news delivered straight to your inbox.\n"
        "Orvane Media said newsletter subscriptions jumped 12%, and its shares rose 3%.\n"
    )
    cleaned = clean_article(text)
    assert [why for _, why in cleaned.removed] == ["ad", "ad"]
    kept = " ".join(text[s:e] for s, e in cleaned.kept)
    assert "newsletter subscriptions jumped 12%" in kept and "Varno stocks rose 1%" in kept
