"""instruments: the kind and identity of a mention, and whether two mentions name one instrument.

`compare(a, b)` is read with `a` the name a move gives and `b` a name in the text; 'unknown'
means one of them says too little to tell, which the gate treats as no evidence either way.
"""

from __future__ import annotations

import pytest

from summarizer.instruments import (
    compare,
    identity,
    is_demonym,
    kind_of,
    market_of,
    relation,
    split_ticker,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Nikkei 225", "index"),
        ("the Kospi", "index"),
        ("ASX 200", "index"),
        ("the Dow", "index"),
        ("Nasdaq Internet index", "index"),
        ("Dow Jones Transportation Average", "index"),
        ("S&P 500 futures", "index"),
        ("Toyota shares", "stock"),
        ("Toyota", "stock"),
        ("iron ore futures", "commodity"),
        ("Brent crude", "commodity"),
        ("natural gas", "commodity"),
        ("sterling", "currency"),
        ("USD/JPY", "currency"),
        ("Bitcoin", "crypto"),
        ("ether", "crypto"),
        ("US 10-year Treasury yield", "bond"),
        ("German 10-year Bund yield", "bond"),
        ("gilts", "bond"),
        ("Vanguard Total Stock Market ETF", "etf"),
        ("Vanguard Wellington Fund", "fund"),
        ("energy stocks", "sector"),
        ("An MSCI gauge of Asian shares", "index"),
    ],
)
def test_kind_of(name: str, kind: str) -> None:
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    ("names", "known"),
    [
        (["the Dow", "DJIA", "Dow Jones Industrial Average", "the Dow Jones"],
         "index:Dow Jones Industrial Average"),
        (["sterling", "the pound", "GBP", "British pound", "pound sterling"], "currency:GBP"),
        (["yen", "the Japanese yen", "JPY"], "currency:JPY"),
        (["yuan", "renminbi", "CNY"], "currency:CNY"),
        (["the loonie", "Canadian dollar"], "currency:CAD"),
        (["Nikkei", "Nikkei 225", "Nikkei Stock Average"], "index:Nikkei 225"),
        (["Stoxx 600", "STOXX 600"], "index:STOXX 600"),
        ([".TASI", "Tadawul All Share Index", "Saudi Arabia’s Tadawul All Share Index"],
         "index:Tadawul All Share Index"),
        (["the Hang Seng index", "Hang Seng"], "index:Hang Seng Index"),
        (["Bitcoin", "bitcoin"], "crypto:bitcoin"),
        # a currency word many countries share, owned by its country
        (["Mexico’s peso", "Mexican peso", "MXN"], "currency:MXN"),
        (["Argentina's peso", "Argentine peso"], "currency:ARS"),
        (["Brazil’s real", "Brazilian real"], "currency:BRL"),
        (["Egypt's pound", "Egyptian pound"], "currency:EGP"),
    ],
)  # fmt: skip
def test_aliases_name_one_identity(names: list[str], known: str) -> None:
    assert {identity(name) for name in names} == {known}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("zloty", "PLN"),  # ISO 4217 names from pycountry, beyond the curated nicknames
        ("forint", "HUF"),
        ("Swedish krona", "SEK"),
        ("Norwegian krone", "NOK"),
        ("Polish zloty", "PLN"),  # a country adjective before the name
        ("Hungarian forint", "HUF"),
    ],
)  # fmt: skip
def test_currency_names_from_iso_4217(name: str, code: str) -> None:
    assert identity(name) == f"currency:{code}"


@pytest.mark.parametrize(
    "name",
    ["Nasdaq Internet index", "Impala Platinum", "Tencent", "Hong Kong stocks", "krona", "peso"],
)
def test_names_that_are_no_known_instrument(name: str) -> None:
    assert identity(name) is None  # another instrument, a company, a market, or ambiguous


def test_a_currency_pair_is_its_own_identity() -> None:
    assert identity("USD/JPY") == "pair:USD/JPY"
    assert identity("EUR/USD") == "pair:EUR/USD"


@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("yen", "USD/JPY", "inverse"),  # the yen's rise is the pair's fall
        ("USD/JPY", "the yen", "inverse"),
        ("dollar", "USD/JPY", "same"),
        ("sterling", "GBP/USD", "same"),
        ("euro", "USD/JPY", "different"),
        ("Oil prices", "WTI crude", "same"),
        ("Hong Kong stocks", "the Hang Seng Index", "same"),
        # two indices of one market are two instruments, whatever market both stand for
        ("Hang Seng", "Hang Seng Tech Index", "different"),
        ("Sensex", "Nifty", "different"),
        ("Kospi", "Kosdaq", "different"),
        ("Nifty", "Bank Nifty", "different"),
    ],
)
def test_relation(a: str, b: str, related: str) -> None:
    assert relation(a, b) == related


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("the Dow", "DJIA", "same"),
        ("sterling", "the pound", "same"),
        ("Woori Financial Group", "Woori Financial", "same"),
        ("Tencent", "Tencent Holdings", "same"),
        ("US 10-year Treasury yield", "10-year yield", "same"),
        ("Tencent (0700.HK)", "Tencent Holdings 0700.HK", "same"),
        ("China Petroleum and Chemical (Sinopec)", "Sinopec", "same"),
        ("Woori Financial", "KB Financial", "different"),
        ("2-year Treasury yield", "10-year Treasury yield", "different"),
        ("CSI 300", "CSI 500", "different"),
        ("Hang Seng Index", "Hang Seng Tech Index", "different"),
        ("gold", "silver", "different"),
        ("Nikkei", "Topix", "different"),
        ("Apple", "Microsoft", "different"),
        ("Tencent (0700.HK)", "Alibaba (9988.HK)", "different"),
        ("Tencent", "Hong Kong stocks", "unknown"),
        ("Apple", "US equities", "unknown"),
        ("Brent crude", "crude futures", "unknown"),
        # a code beside a name is no evidence either way, even where the curated list knows both
        (".TASI", "Tadawul All Share Index", "unknown"),
        ("Tadawul All Share Index", ".TASI", "unknown"),
        # yields by country, tenor and spread, whatever the words for the bond
        ("German 10-year Bund yield", "yield on German 10-year government bonds", "same"),
        ("Italian 10-year yield", "Italy 10-year BTP yield", "same"),
        ("US 10-year Treasury yield", "two-year Treasury yield", "different"),
        ("German 10-year Bund yield", "French 10-year yield", "different"),
        ("UK 10-year gilt yield", "Japanese 10-year government bond yield", "different"),
        ("German 2/10-year yield spread", "German 2-year yield", "different"),
        ("German 2-year yield", "bond yield", "unknown"),
        # the yields of one bond market, no tenor named on either side
        ("US Treasury yields", "Treasury yields", "same"),
        ("German bond yields", "Bund yields", "same"),
        ("US 10-year Treasury yield", "Treasury yields", "unknown"),
        ("German Bund futures", "German bond yields", "unknown"),  # a price, not a yield
        # a name's initials, and a fund's exchange code (its name does not say which code)
        ("Royal Bank of Scotland", "RBS", "same"),
        ("Banco Bilbao Vizcaya Argentaria", "BBVA", "same"),
        ("iShares Silver Trust", "SLV", "unknown"),
        ("Vedanta", "ONGC", "different"),
        # a commodity, currency or crypto asset is never a stock market or a group of stocks
        ("Gold", "stock markets", "different"),
        ("Japanese yen", "Tokyo stocks", "different"),
        ("Gold", "gold miners", "different"),
        ("gold", "Gold prices", "same"),
    ],
)
def test_compare(a: str, b: str, verdict: str) -> None:
    assert compare(a, b) == verdict


def test_a_ticker_given_apart_decides() -> None:
    assert compare("Tencent", "Tencent", ticker_a="0700.HK", ticker_b="9988.HK") == "different"
    assert compare("Tencent", "Tencent Holdings", ticker_a="0700.HK", ticker_b="700 HK") == "same"


@pytest.mark.parametrize(
    ("name", "market"),
    [
        ("Hong Kong stocks", "hong kong"),
        ("the Hang Seng Index", "hong kong"),
        ("Tadawul All Share Index", "saudi arabia"),
        ("Tencent", None),
        ("tech shares", None),
    ],
)
def test_market_of(name: str, market: str | None) -> None:
    assert market_of(name) == market


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("Tencent (0700.HK)", ("Tencent", "0700.HK")),
        ("Lenovo Group (0992:HK)", ("Lenovo Group", "0992:HK")),
        ("Microsoft Corp. (NASDAQ: MSFT)", ("Microsoft Corp.", "NASDAQ:MSFT")),
        ("Alibaba (NYSE:BABA)", ("Alibaba", "NYSE:BABA")),
        ("AI ETF (589520)", ("AI ETF", "589520")),
        ("Emaar Malls EMAA.DU", ("Emaar Malls", "EMAA.DU")),
        ("Nasdaq Composite (.IXIC)", ("Nasdaq Composite", ".IXIC")),
        ("Samsung Electronics (005930.KS)", ("Samsung Electronics", "005930.KS")),
        ("Apple", ("Apple", None)),
        (
            "China Petroleum and Chemical (Sinopec)",
            ("China Petroleum and Chemical (Sinopec)", None),
        ),
        ("Brent (week)", ("Brent (week)", None)),
    ],
)
def test_split_ticker(name: str, split: tuple[str, str | None]) -> None:
    assert split_ticker(name) == split


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("USD", "currency:USD"),  # a code written as a code
        ("All Shares index", None),  # not the lek (ALL)
        ("SOL", "crypto:Solana"),
        ("Peruvian sol", "currency:PEN"),  # the word, not Solana's code
        ("the Dax", "index:DAX"),
    ],
)
def test_codes_count_where_written_as_codes(name: str, known: str | None) -> None:
    assert identity(name) == known


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("WTI crude futures", "New York"),  # where it trades says nothing of what
        ("Dalian iron ore (September)", "Dalian Commodity Exchange"),
        ("Dalian coke", "DCJcv1"),  # a Reuters code beside a name
        ("Japan 20-year JGB yield", "JP20YTN=JBTC"),
    ],
)
def test_a_venue_or_a_code_is_no_evidence_against_a_name(a: str, b: str) -> None:
    assert compare(a, b) == "unknown"


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Saudi Tadawul All-Shares Index", "index:Tadawul All Share Index"),
        ("Dubai Financial Market Index", "index:DFM General Index"),
        ("Binance coin", "crypto:BNB"),
    ],
)
def test_more_names_of_known_instruments(name: str, known: str) -> None:
    assert identity(name) == known


def test_a_city_that_ends_in_s_is_still_a_place() -> None:
    assert compare("CAC 40", "Paris") == "unknown"  # "Paris bourse closed down 1.28%"
    assert identity("the weighted index") == "index:Taiex"


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # a sector's other word for its companies
        ("Stoxx 600 banks", "Stoxx 600's gauge of lenders' shares", "same"),
        ("Stoxx 600 insurers", "Stoxx 600's gauge of lenders' shares", "different"),
        ("European automakers", "carmakers", "same"),
        # 'Oil&Gas' is 'oil and gas'; 'S&P' stays one word
        ("Stoxx 600 oil and gas", "Oil&Gas", "same"),
        ("S&P 500", "S&P", "same"),
    ],
)
def test_sector_words_and_ampersands(a: str, b: str, verdict: str) -> None:
    assert compare(a, b) == verdict


@pytest.mark.parametrize(
    ("a", "b", "ticker_b", "verdict"),
    [
        # two words written as one, either way round
        ("Kestrel Plus", "KestrelPlus", None, "same"),
        ("Vordan Bay Index", "Vor Dan Bay index", None, "same"),
        ("Vordan Bay Index", "Vor Dan Cove index", None, "different"),
        # a name that is its code and generic words: the code written after the full name
        ("KSX Index", "Kolvar Stock Exchange Index", "KSX", "same"),
        ("KSX Index", "Kolvar Stock Exchange Index", "KSB", "different"),
        # an exchange written out is its code
        ("CBOT soyoil futures", "Chicago Board of Trade soyoil prices", None, "same"),
        ("LME nickel", "London Metal Exchange nickel", None, "same"),
        ("LME nickel", "London Metal Exchange zinc", None, "different"),
    ],
)
def test_names_written_apart_joined_or_spelled_out(
    a: str, b: str, ticker_b: str | None, verdict: str
) -> None:
    assert compare(a, b, ticker_b=ticker_b) == verdict


def test_the_usd_index_is_the_dollar_index() -> None:
    assert compare("US Dollar Index", "the USD index") == "same"
    assert compare("USD index", "euro") == "different"


@pytest.mark.parametrize(
    ("move", "code", "verdict"),
    [
        # the text declares the code for its words: "the Varna Stock Exchange (VSE) index"
        ("VSE General Index", "VSE", "same"),
        ("VSE Composite", "VSE", "same"),
        ("VSE Banks Index", "VSE", "different"),
    ],
)
def test_a_code_with_a_main_index_word_is_the_codes_index(
    move: str, code: str, verdict: str
) -> None:
    assert compare(move, "Varna Stock Exchange index", ticker_b=code) == verdict


def test_every_currency_has_the_word_text_names_it_by() -> None:
    from summarizer.instruments import currency_units, kind_of

    units = currency_units()
    assert {"shilling", "naira", "kwacha", "cedi", "dirham", "riyal", "zloty"} <= units
    # ordinary words and parts of other names are no currency ("Sierra Leone", "sum")
    assert not {"colon", "sum", "mark", "leone", "gold"} & units
    assert [kind_of(n) for n in ("shilling", "dinar", "Family Dollar")] == [
        "currency",
        "currency",
        "stock",
    ]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("WTI crude", "West Texas crude", "same"),
        ("euro", "euro-area government bonds", "different"),
        ("yen", "JGB yields", "different"),
        ("US Treasury 2s10s yield spread", "2-year to 10-year spread", "same"),
        ("US Treasury 2s10s yield spread", "10-year yield", "different"),
    ],
)
def test_aliases_asset_classes_and_tenor_spreads(a: str, b: str, verdict: str) -> None:
    assert compare(a, b) == verdict


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # a bond market named twice, with or without its country, is one
        ("US Treasuries", "Treasuries", "same"),
        ("UK gilts", "gilts", "same"),
        ("US Treasuries (prices)", "US Treasuries", "same"),
        # a bond's price and its yield move opposite ways: not said to be one
        ("US Treasuries", "Treasury yields", "unknown"),
        ("German Bunds", "French OATs", "different"),
    ],
)
def test_bond_markets_by_country(a: str, b: str, verdict: str) -> None:
    assert compare(a, b) == verdict


def test_the_s_and_p_500_written_without_its_ampersand() -> None:
    assert compare("S&P 500", "SP500") == "same"
    assert compare("S&P 500", "Nasdaq") == "different"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Qatari", True), ("Omani", True), ("Nigerian", True), ("Egyptian", True),
     ("Sudanese", True), ("Emirati", True), ("Kestrel", False), ("Tencent", False),
     ("Amazon", False), ("qatari", False)],
)  # fmt: skip
def test_a_countrys_adjective_is_known_from_its_name(word: str, expected: bool) -> None:
    assert is_demonym(word) is expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Copper stocks", "sector"), ("gold miners", "sector"), ("Omani stocks", "sector"),
     ("copper", "commodity"), ("Bank of China", "stock"), ("materials", "sector")],
)  # fmt: skip
def test_a_commoditys_or_countrys_companies_are_a_group(name: str, kind: str) -> None:
    assert kind_of(name) == kind
