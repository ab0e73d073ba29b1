"""One key per instrument: what a move's mention resolves to, the same in every article.

Keys, by what the mention names (the first that applies):

- a listing its ticker gives: 'ticker:0700.HK' for "0700.HK", "700 HK", "HKG:0700", "0700:HK"
  (the code at its market's width, then the market's ISO 3166 letters); 'ticker:BABA' for a code
  that names no exchange;
- a well-known instrument of instruments.json: 'idx:hang-seng-index' ("HSI", "the Hang Seng"),
  'cmd:brent-crude', with the contract month when the name gives one ('cmd:gold:2026-06' for
  "COMEX gold futures (June)", the year the first June from the article's day; '--06' when the
  day is unknown), 'crypto:bitcoin', 'ccy:USD' by ISO code, 'fx:GBP/EUR' for a currency quoted
  against another ("sterling ... against the euro", "USD/JPY");
- a market's benchmark ("Hong Kong's benchmark" -> the Hang Seng Index; identities.json);
- a company of the curated list ("Tencent Holdings" -> 'ticker:0700.HK'; identities.json);
- a bond yield: 'bond:us:10y';
- a whole market: 'mkt:hong-kong' ("Hong Kong stocks", "Wall Street" -> 'mkt:us');
- a group of instruments: 'grp:bank-europe' ("European banks"), 'grp:bank:spain' ("banks" in a
  move the text places in Spain); a group no place is known for ('grp:bank') is never one
  instrument across articles (market_picture.py keeps it to its article);
- else the name's distinguishing words: 'name:tencent' ("Tencent Holdings Ltd"), with ':adr'
  for American depositary receipts ("Alibaba ADRs" is not the Hong Kong listing).

A mention that names nothing ("the index", "shares") resolves to None. Pure and offline; not part
of any cache key: digests get their keys when they are merged (merge.py).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from summarizer import days, instruments, markets
from summarizer.models import InstrumentKind, Move
from summarizer.reading.lexicon import MONTH

DATA_FILE = Path(__file__).parent / "data" / "identities.json"

_SLUG_WORDS = re.compile(r"[a-z0-9]+")
_TENOR = re.compile(rf"\b({instruments.TENOR_NUMBER})[- ]?(?:year|yr|y)\b")
_MATURITY_YEAR = re.compile(r"\b(20\d\d)\b")
_MONTH_WORD = re.compile(rf"\b{MONTH}(?<!\.)\b", re.IGNORECASE)
# the year right after a contract's month: "June 2026", "Dec '26", "(June) 26"
_CONTRACT_YEAR = re.compile(r"\W{0,3}\s*(?:(?:20)?(\d\d)\b|'(\d\d)\b)")
_DELIVERY = re.compile(
    r"\bfor\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{4}\s+)?"
    r"(?:delivery|settlement|contracts?)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:futures|contracts?)\b",
    re.I,
)
_AGAINST = re.compile(
    r"\b(?:against|versus|vs\.?|to)\s+(?:the\s+|a\s+)?(?:basket\s+of\s+)?"
    r"(?P<other>(?:[A-Z][a-z]+\s)?[A-Za-z.]+)"
)
_BENCHMARK_WORDS = re.compile(r"\b(?:benchmark|index|gauge|barometer|average|composite)\b", re.I)
# Hong Kong's share-class marks: "Xiaomi Group-W" (weighted voting rights), "Yakang Pharma-B"
_HK_SHARE_CLASS = re.compile(r"-(?:W|SW|B|S|R)$")
_FUTURES = re.compile(r"\bfutures?\b", re.I)
_ON_EXCHANGE = re.compile(
    r"\bon\s+(?:the\s+)?((?:[A-Z][A-Za-z]+\s+){1,3})(?:Commodity\s+|Futures\s+|Mercantile\s+)*"
    r"Exchange\b|\b(Dalian|Zhengzhou|Shanghai Futures|Multi Commodity|Tokyo Commodity)\b"
)
_EXCHANGE_TOWNS = {"dalian": "china", "zhengzhou": "china", "shanghai": "china",
                   "multi": "india", "tokyo": "japan"}  # fmt: skip
_LOCAL_PRICES = (
    (re.compile(r"\bRs\.?\s?\d|₹|\bINR\s?\d|\brupees?\b", re.I), "india"),
    (re.compile(r"\byuan\b|\bCNY\s?\d|\bRMB\b"), "china"),
)
_MONTH_LETTERS = "FGHJKMNQUVXZ"  # January to December, as futures codes write months
_FUTURES_CODE = re.compile(r"([A-Z]{1,3})([FGHJKMNQUVXZ])(\d{1,2})")
_SHARES_OF = re.compile(
    r"\b(?:index|sub-index|indices|sector|stocks|shares|equities|companies|producers|miners|"
    r"group|firms|counters|names|inventories)\b",
    re.I,
)
# a commodity benchmark that names its place itself: "US crude" is WTI, not WTI "in the US"
_LOCATED = frozenset({"Brent crude", "WTI crude"})
_EXCHANGE_VENUES = {"comex": "us", "nymex": "us", "cbot": "us", "cme": "us", "henry": "us",
                    "lme": "uk", "tocom": "japan", "shfe": "china", "dce": "china", "zce": "china",
                    "ine": "china", "mcx": "india", "ncdex": "india", "sgx": "singapore",
                    "bursa": "malaysia"}  # fmt: skip
# a commodity priced region by region: with no venue named, one article's is not another's
_REGIONAL = frozenset({"cmd:natural-gas", "cmd:coal", "cmd:steel-rebar"})
_COMPANY_WORDS = re.compile(
    r"\b(?:inc|corp|corporation|co|ltd|limited|plc|holdings?|group|ag|sa|nv|se|bhd)\b\.?", re.I
)
_ADR = re.compile(r"\bADRs?\b|\bAmerican depositary", re.I)
# a ticker naming an index ('.DJI', 'INDEXSP:.INX') is no listing: the index's name decides
_INDEX_CODE = re.compile(r"^(?:INDEX[A-Z]*:)?\.", re.I)
_BOND_COUNTRY = {"treasury": "us", "treasuries": "us", "t-note": "us", "gilt": "uk", "gilts": "uk",
                 "bund": "germany", "bunds": "germany", "jgb": "japan", "jgbs": "japan",
                 "oat": "france", "btp": "italy", "btps": "italy"}  # fmt: skip
_PREFIX_KIND: dict[str, InstrumentKind] = {
    "idx": "index", "cmd": "commodity", "crypto": "crypto", "ccy": "currency", "fx": "currency",
    "bond": "bond", "mkt": "index", "grp": "sector",
}  # fmt: skip


@dataclass(frozen=True)
class Resolved:
    """A mention's instrument: its key, and what the key says of it where it says anything."""

    key: str
    kind: InstrumentKind
    canonical_name: str | None = None  # the curated name, for a well-known instrument
    ticker: str | None = None  # the canonical listing, 'ticker:' keys only


@dataclass(frozen=True)
class _Curated:
    market_codes: dict[str, str]
    code_digits: dict[str, int]
    benchmarks: dict[str, str]
    companies: dict[str, str]  # a name's distinguishing words -> canonical ticker
    distinct: dict[str, str]  # slug of a name -> the index it is
    ambiguous: frozenset[str]  # slugs of names the curated list gives one market's index


@functools.cache
def _curated() -> _Curated:
    raw = json.loads(DATA_FILE.read_text("utf-8"))
    companies = {
        _words_key(n): entry["ticker"] for entry in raw["companies"] for n in entry["names"]
    }
    distinct = {_slug(name): index for name, index in raw["distinct"].items()}
    ambiguous = frozenset(_slug(name) for name in raw["ambiguous"])
    return _Curated(
        raw["market_codes"], raw["code_digits"], raw["benchmarks"], companies, distinct, ambiguous
    )


def instrument_id(move: Move, day: str | None = None) -> str | None:
    """The move's instrument key (see the module's docstring), or None when it names none;
    day (ISO) dates a futures contract month the name gives without a year."""
    resolved = resolve(
        move.instrument, ticker=move.ticker, evidence=move.evidence, day=day, market=move.market
    )
    return None if resolved is None else resolved.key


@functools.lru_cache(maxsize=16384)
def resolve(
    name: str,
    *,
    ticker: str | None = None,
    evidence: str = "",
    day: str | None = None,
    market: str | None = None,
) -> Resolved | None:
    """The instrument a mention names, or None when it names none ('the index', 'shares');
    market (the move's) places a group the name gives no place ('banks' in a story on Spain)."""
    bare, code = instruments.split_ticker(name)
    bare = _HK_SHARE_CLASS.sub("", bare)
    code = ticker or code
    curated = _curated()
    if (index := curated.distinct.get(_slug(_without_the(bare)))) is not None:
        return Resolved(f"idx:{_slug(index)}", "index", canonical_name=index)
    plain = _slug(_without_the(bare))
    if plain in curated.ambiguous:
        # "Weighted Index" is Taiwan's in Taipei and Kuwait's in Kuwait: kept to its article
        return Resolved(f"grp:{plain}", "index")
    known = instruments.identity(bare)
    if known is not None and _not_the_known(known, bare, evidence):
        known = None
    # a well-known instrument's code is its own ("Shanghai Composite Index (000001:CH)"), but a
    # company is no index even when its name holds one ("Nasdaq Inc (NDAQ.O)")
    if known is not None and not (code and _COMPANY_WORDS.search(bare)):
        return _known(known, name, evidence, day, code)
    if code and not _INDEX_CODE.match(code) and (listing := canonical_ticker(code)) is not None:
        return _listing(listing, name)
    if known is not None:
        return _known(known, name, evidence, day, code)
    if code and (listing := canonical_ticker(code)) is not None:
        return _listing(listing, name)
    # a group is no company: "Chinese banks" has the words of "Bank of China"
    company = curated.companies.get(_words_key(bare))
    if company is not None and instruments.kind_of(bare) != "sector":
        return _listing(company, name)
    # the annotator's or model's hints ("(recent weeks)", "(opening)") say nothing of identity
    return _described(re.sub(r"\s*\([^)]*\)", "", bare).strip() or bare, market)


def _without_the(name: str) -> str:
    return _THE_OR_HINT.sub("", name.strip())


# compiled once: called for every name of every move (re.sub with flags looks its cache up
# through an enum each call, a tenth of a second on the corpus)
_THE_OR_HINT = re.compile(r"^the\s+|\s*\([^)]*\)", re.I)


def _not_the_known(known: str, name: str, evidence: str) -> bool:
    """Whether a name the curated list knows names something else here: a commodity's or a
    currency's shares ('platinum index', and 'Oil' where the evidence says 'Oil&Gas stocks' or
    'Mining and Oil sub-index', 'Crude' in 'Crude stocks rose')."""
    if known.split(":", 1)[0] not in ("commodity", "currency", "crypto"):
        return False
    if _SHARES_OF.search(name):
        return True
    if not _SHARES_OF.search(evidence):  # the cheap test first: most evidence says none
        return False
    written = re.escape(name.strip())
    shares = rf"\b{written}(?:\s*(?:&|and)\s*\w+)?\s+{_SHARES_OF.pattern}"
    return re.search(shares, evidence, re.I) is not None


def _listing(listing: str, name: str) -> Resolved:
    return Resolved(f"ticker:{listing}", instruments.kind_of(name), ticker=listing)


def _known(
    known: str, name: str, evidence: str, day: str | None, ticker: str | None = None
) -> Resolved:
    """A key for an instrument of instruments.json ('index:Hang Seng Index', 'currency:GBP')."""
    kind, canonical = known.split(":", 1)
    if kind == "index":
        # "Dow Jones Industrial Average futures" trade apart from the index, and move apart
        futures = ":futures" if _index_futures(name, evidence) else ""
        return Resolved(f"idx:{_slug(canonical)}{futures}", "index", canonical_name=canonical)
    if kind == "commodity":
        month = _contract_month(name, day, evidence) or _month_of_code(ticker, day)
        venue = None if canonical in _LOCATED else _venue(name) or _venue_said(evidence)
        key = f"cmd:{_slug(canonical)}" + "".join(f":{p}" for p in (venue, month) if p)
        return Resolved(key, "commodity", canonical_name=canonical)
    if kind == "crypto":
        return Resolved(f"crypto:{_slug(canonical)}", "crypto", canonical_name=canonical)
    if kind == "pair":
        return Resolved(f"fx:{canonical}", "currency", canonical_name=canonical)
    other = _counter_currency(name, evidence, canonical)
    if other is not None:
        pair = f"{canonical}/{other}"
        return Resolved(f"fx:{pair}", "currency", canonical_name=pair)
    return Resolved(f"ccy:{canonical}", "currency", canonical_name=canonical)


def _index_futures(name: str, evidence: str) -> bool:
    """Whether a mention of an index is of its futures: the name says so, or the evidence
    ("futures for the S&P 500, Dow Jones Industrial Average and Nasdaq edging up", "Nikkei
    futures fell")."""
    if _FUTURES.search(name):
        return True
    if "futures" not in evidence.lower():  # the cheap test first: most evidence says none
        return False
    written = re.escape(name.strip())
    return (
        re.search(rf"\bfutures\s+(?:on|for|of)\s+(?:the\s+)?[^.;]*\b{written}", evidence, re.I)
        is not None
        or re.search(rf"\b{written}\S*\s+(?:index\s+)?futures\b", evidence, re.I) is not None
    )


def _venue_said(evidence: str) -> str | None:
    """The venue the evidence names as where the contract trades ('oil contract on the Dalian
    Commodity Exchange' -> 'china'), or its price's currency does ('Rs 1,47,568' -> 'india')."""
    found = _ON_EXCHANGE.search(evidence)
    if found is None:
        # a price in rupees or yuan is the Indian or Chinese contract's, not the dollar price
        local = next((v for pattern, v in _LOCAL_PRICES if pattern.search(evidence)), None)
        return local
    place = found[1] or found[2]
    return _EXCHANGE_TOWNS.get(place.strip().split()[0].lower()) or _venue(place)


def _month_of_code(ticker: str | None, day: str | None) -> str | None:
    """A futures code's contract month: 'CLK20' is May 2020 (the exchanges' month letters)."""
    found = _FUTURES_CODE.fullmatch(ticker or "")
    if found is None:
        return None
    month = _MONTH_LETTERS.index(found[2]) + 1
    year = int(found[3])
    if year < 10 and day is not None:  # one digit: the decade of the article's day
        year += int(day[2]) * 10
    elif year < 10:
        return f"--{month:02d}"
    return f"{2000 + year:04d}-{month:02d}"


def _venue(name: str) -> str | None:
    """Where a commodity named with a place or an exchange trades ('Japanese silver' -> 'japan',
    'COMEX gold', 'U.S. wheat futures' -> 'us', 'LME copper', 'London copper' -> 'uk'): two
    venues' contracts are two instruments, priced apart."""
    words = _SLUG_WORDS.findall(name.lower().replace("u.s.", "us"))
    for word in words:
        if word in _EXCHANGE_VENUES:
            return _EXCHANGE_VENUES[word]
    places = " ".join(w for w in words if instruments.is_place(w))
    market = instruments.market_of(f"{places} stocks") if places else None
    return _slug(market) if market else None


def _counter_currency(name: str, evidence: str, base: str) -> str | None:
    """The currency a currency's move is quoted against, where the name's parentheses or the
    evidence say it ('British pound (vs euro)', 'sterling fell 0.3% against the euro')."""
    for text in (instruments.name_hints(name), evidence):
        for found in _AGAINST.finditer(text):
            other = instruments.identity(found["other"])
            if other and other.startswith("currency:") and other[9:] != base:
                return other[9:]
    return None


def _contract_month(name: str, day: str | None, evidence: str = "") -> str | None:
    """'2026-06' for "COMEX gold futures (June)" read on a day in 2026 before July; '--06' when
    the day is unknown and no year is given; None when neither the name nor the evidence gives
    a contract month ("Gold for April delivery fell": the engine may name it "Gold")."""
    found = _MONTH_WORD.search(name)
    text = name
    if found is not None and found[0].lower() == "may" and not _may_is_the_month(name, found):
        found = None  # "may" is a verb as often as a month; "May WTI crude" is the month
    if found is None:
        delivery = _DELIVERY.search(evidence)
        if delivery is None:
            return None
        found, text = _MONTH_WORD.search(evidence, delivery.start()), evidence
    month = days.month_number(found[0]) if found is not None else None
    if found is None or month is None:
        return None
    after = _CONTRACT_YEAR.match(text, found.end())
    if after is not None:
        year = int(after[1] or after[2])
        return f"{2000 + year if year < 100 else year:04d}-{month:02d}"
    if day is None:
        return f"--{month:02d}"
    year, day_month = int(day[:4]), int(day[5:7])
    return f"{year if month >= day_month else year + 1:04d}-{month:02d}"


def _may_is_the_month(name: str, found: re.Match[str]) -> bool:
    """'May WTI crude', 'gold futures for May': the month; 'oil may rise': a verb."""
    return found[0] == "May" and (found.start() == 0 or _names_a_contract(name))


def _names_a_contract(name: str) -> bool:
    return re.search(r"\b(?:futures?|contracts?)\b", name, re.I) is not None


def _described(name: str, market: str | None) -> Resolved | None:
    """A key for a mention no list knows: a benchmark, a bond, a market, a group, a name."""
    lowered = name.lower()
    if instruments.is_market(name):
        market = instruments.market_of(name)
        if market is None:
            return None  # "stocks", "the index": no instrument
        if _FUTURES.search(name):  # "US index futures": neither the market nor its benchmark
            return Resolved(f"mkt:{_slug(market)}:futures", "index")
        benchmark = _curated().benchmarks.get(market)
        if benchmark is not None and _BENCHMARK_WORDS.search(name):
            return Resolved(f"idx:{_slug(benchmark)}", "index", canonical_name=benchmark)
        return Resolved(f"mkt:{_slug(market)}", "index")
    if instruments.names_a_bond(name) and (bond := _bond_key(lowered)) is not None:
        return Resolved(bond, "bond")
    tokens = sorted(instruments.name_tokens(name))
    if not tokens:
        return None
    # "energy index", "Energy": a sector (somewhere), not a company named Energy
    # ... but "Hong Kong & China Gas" and "China Gas Co Ltd" are companies: a place, or a
    # company's legal form, in a descriptive name makes it a name
    descriptive = (
        instruments.is_descriptive(name)
        and not _COMPANY_WORDS.search(name)
        and not any(instruments.is_place(t) for t in tokens)
    )
    if instruments.kind_of(name) == "sector" or instruments.names_a_bond(name) or descriptive:
        # "banks", "bonds": a group; the move's market places it where the name does not
        place = "" if any(instruments.is_place(t) for t in tokens) or not market else market
        key = f"grp:{'-'.join(tokens)}" + (f":{_slug(place)}" if place else "")
        return Resolved(key, "bond" if instruments.names_a_bond(name) else "sector")
    adr = ":adr" if _ADR.search(name) else ""
    return Resolved(f"name:{'-'.join(tokens)}{adr}", instruments.kind_of(name))


def _bond_key(lowered: str) -> str | None:
    """'bond:us:10y' for "US 10-year Treasury yield"; 'bond:10y' where no country is said;
    None without a tenor ("bond yields" say too little)."""
    tenor = _TENOR.search(lowered)
    maturity = _MATURITY_YEAR.search(lowered)
    spread = re.search(r"\b(?:spread|curve)\b|(\d{1,2})\s*/\s*(\d{1,2})", lowered)
    if spread is not None:
        # "2/10-year German bond yield spread": a spread is no yield, and 2/10 no 5/30
        tenors = re.findall(r"\d{1,2}", spread[0]) or re.findall(r"\b(\d{1,2})[- ]?y", lowered)
        term = "-".join(tenors) + "y-spread" if tenors else "spread"
    elif tenor is not None:
        term = f"{instruments.SPELLED_TENORS.get(tenor[1], tenor[1])}y"
    elif maturity is not None:
        term = maturity[1]
    else:
        return None
    words = set(_SLUG_WORDS.findall(lowered.replace("t-note", "tnote")))
    country = next((c for w, c in _BOND_COUNTRY.items() if w.replace("-", "") in words), None)
    if country is None:
        country = instruments.market_of(" ".join(w for w in words if instruments.is_place(w)))
    return f"bond:{_slug(country)}:{term}" if country else f"bond:{term}"


@functools.lru_cache(maxsize=8192)
def canonical_ticker(ticker: str) -> str | None:
    """'0700.HK', '700 HK', 'HKG:0700', '0700:HK' -> '0700.HK'; 'NYSE: BABA' -> 'BABA.US';
    'BABA' -> 'BABA' (no exchange named); None for text that is no code."""
    text = " ".join(ticker.split())
    market = markets.market_of_ticker(text)
    code = _bare_code(text, market is not None)
    if not code or not re.fullmatch(r"[A-Z0-9.=\-]{1,12}", code):
        return None
    if market is None:
        return code
    width = _curated().code_digits.get(market)
    if width and code.isdigit():
        code = code.lstrip("0").zfill(width)
    letters = _curated().market_codes.get(market)
    return f"{code}.{letters}" if letters else code


def _bare_code(text: str, has_exchange: bool) -> str:
    """The code of a ticker without its exchange: 'HKG:0700' -> '0700', '0700.HK' -> '0700'."""
    upper = text.upper()
    if ":" in upper:
        left, right = (part.strip() for part in upper.split(":", 1))
        # "NYSE: CAT" names the exchange first; "0669:HK", "ERJ:US" (Bloomberg's) the code
        exchange_first = markets.market_of_ticker(f"{left}:X") is not None
        return right if exchange_first or not re.fullmatch(r"[A-Z]{2}", right) else left
    if has_exchange and " " in upper:
        return upper.split(" ", 1)[0]
    if has_exchange and "." in upper:
        return upper.rsplit(".", 1)[0]
    return upper.replace(" ", "")


@functools.lru_cache(maxsize=8192)
def is_placeless(key: str) -> bool:
    """Whether a key is of a group no place is known for ('grp:bank', not 'grp:bank-europe' or
    'grp:bank:spain'): 'banks' in two articles may be two countries' banks; or of a commodity
    priced region by region that names no venue ('cmd:natural-gas': Henry Hub or TTF)."""
    if key in _REGIONAL or (key.startswith("bond:") and key.count(":") == 1):
        return True  # and a yield no country is known for: "10-year yields" of which market
    if not key.startswith("grp:") or key.count(":") > 1:
        return False
    return not any(instruments.is_place(t) for t in key[4:].split("-"))


def market_of_listing(ticker: str) -> str | None:
    """The market a canonical ticker's letters name ('0700.HK' -> 'hong kong'); None without."""
    letters = ticker.rsplit(".", 1)[-1] if "." in ticker else ""
    return next((m for m, code in _curated().market_codes.items() if code == letters), None)


def kind_of_key(key: str) -> InstrumentKind | None:
    """The kind a key's prefix says ('idx:...' -> 'index'); None for tickers and names."""
    return _PREFIX_KIND.get(key.split(":", 1)[0])


def _words_key(name: str) -> str:
    """A name's distinguishing words, sorted: 'Xiaomi Group' and 'Xiaomi Corp' -> 'xiaomi'."""
    return "-".join(sorted(instruments.name_tokens(name)))


def _slug(text: str) -> str:
    return "-".join(_SLUG_WORDS.findall(text.lower()))
