"""markets: the market a move trades in, from the text (a model's reading, a ticker's exchange)
or the instrument list, and never guessed."""

from __future__ import annotations

import pytest

from summarizer.markets import market_of_move, market_of_ticker, named_market
from summarizer.models import Move


@pytest.mark.parametrize(
    ("ticker", "market"),
    [
        ("NYSE:CAT", "us"),
        ("NYSE: CAT", "us"),
        ("NYSEArca:GLD", "us"),
        ("Nasdaq:NVMI", "us"),
        ("INDEXDJX:.DJI", "us"),
        ("ASX:BHP", "australia"),
        ("TASE:LUMI", "israel"),
        ("0700.HK", "hong kong"),
        ("9984.T", "japan"),
        ("1120.SE", "saudi arabia"),
        ("EMAA.DU", "uae"),
        ("TEC2.BA", "argentina"),
        ("9022 JT", "japan"),
        ("0669:HK", "hong kong"),
        ("000001:CH", "china"),
        ("ERJ:US", "us"),
    ],
)
def test_a_ticker_that_names_its_exchange_gives_that_exchange_s_market(
    ticker: str, market: str
) -> None:
    assert market_of_ticker(ticker) == market


@pytest.mark.parametrize(
    "ticker",
    # no exchange: a bare code, a Reuters index or futures code, a share class, an unknown venue
    ["BABA", "513770", ".N225", ".DFMGI", "KCc1", "JP20YTN=JBTC", "LCOQ8", "BRK.B", "ST:ABB"],
)
def test_a_ticker_that_names_no_exchange_gives_no_market(ticker: str) -> None:
    assert market_of_ticker(ticker) is None


def move(instrument: str, **fields: str) -> Move:
    return Move(instrument=instrument, direction="up", evidence=f"{instrument} rose", **fields)


def test_the_market_read_in_the_text_comes_first_in_the_lists_words() -> None:
    # a model's "market" is what the text says; a known place or exchange is named as the lists
    # name it, so that one column groups them
    assert market_of_move(move("Tencent", market="Hong Kong", ticker="TCEHY:US")) == "hong kong"
    assert market_of_move(move("Caterpillar", market="NYSE")) == "us"
    assert market_of_move(move("Aramco", market="Tadawul")) == "saudi arabia"
    assert market_of_move(move("Foo", market="  Euronext  Growth ")) == "Euronext Growth"


def test_then_the_ticker_then_the_instrument_list() -> None:
    assert market_of_move(move("Rio Tinto", ticker="ASX:RIO")) == "australia"
    assert market_of_move(move("the Nikkei 225")) == "japan"
    assert market_of_move(move("Hong Kong stocks")) == "hong kong"
    assert market_of_move(move("S&P 500", ticker="SPX")) == "us"


@pytest.mark.parametrize(
    "instrument", ["Tencent", "gold", "Bank of China", "China Gold International"]
)
def test_no_market_is_guessed_from_a_company_commodity_or_place_in_a_name(instrument: str) -> None:
    assert market_of_move(move(instrument)) is None


def test_named_market_keeps_words_it_does_not_know() -> None:
    assert named_market("Wall Street") == "us"
    assert named_market("OTC Pink") == "OTC Pink"
