"""What an instrument mention names: its kind, its identity among well-known instruments, and
whether two names can be the same instrument.

Pure and offline. Well-known indices, commodities and crypto assets come from a curated list
shipped as package data (`data/instruments.json`); currencies from ISO 4217 (pycountry) plus a
few market nicknames ("greenback", "sterling", "loonie") from the same file.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from summarizer.models import InstrumentKind

Verdict = Literal["same", "different", "unknown"]

# the curated list: part of the rules engine's cache key (engines/rules.py)
DATA_FILE = Path(__file__).parent / "data" / "instruments.json"

_TOKEN = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
_NATGAS = re.compile(r"\bnat(?:\.|ural)?\s?gas\b")
_WORDS_AND_WORDS = re.compile(r"\b([a-z]{3,})&([a-z]{3,})\b")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# "(0700.HK)", "(NYSE: AXP)", and the first of several listings: "(TASE: ENLT; Nasdaq: ENLT)"
# Reuters codes too: "(EUR=)", "(US10YT=RR)", "(LCOc1)" (a continuous future)
_RIC = r"[A-Z0-9.]{1,10}=[A-Z]{0,4}|[A-Z]{1,4}c\d{1,2}"
_TICKER_IN_PARENTHESES = re.compile(
    rf"\((?P<code>(?:[A-Z][A-Za-z]*:\s?\.?)?(?:{_RIC}|[A-Z0-9.]{{1,10}}(?:[:.\s][A-Z]{{1,3}})?))"
    r"(?:;\s*(?:[A-Z][A-Za-z]*:\s?)?[A-Z0-9.]{1,10})*\)"
)
_RIC_AT_END = re.compile(r"\s(\.?[A-Z0-9]{2,10}\.[A-Z]{1,3})$")
_CODE = re.compile(
    r"^(?:\.[A-Z0-9]{2,8}|[A-Z0-9]{1,10}\.[A-Z]{1,3}|\d{3,6}|[A-Z]{2,6}(?:c|v|cv)?\d{1,2}|[A-Z](?:c|v|cv)\d|"
    r"[A-Z0-9]{3,10}=[A-Z]*)$"
)  # ".DJI", "0700.HK", "9022", Reuters continuous futures "DJMcv1" and "JP20YTN=JBTC"
# "Bursa" is Malay for bourse: "Bursa Malaysia", "Bursa Malaysia Derivatives"
_VENUE = re.compile(r"\b(?:exchange|board of trade|bourse)$|^bursa\b", re.IGNORECASE)
_PAIR = re.compile(r"\b(?P<base>[A-Z]{3})\s?/\s?(?P<quote>[A-Z]{3})\b")

# Words that describe or place a name without telling two instruments apart.
_GENERIC = frozenset(
    "the a an its their s of and for on in at to index indices indexes stock stocks share shares "  # noqa: SIM905
    "equity equities average composite benchmark blue chip broad based broader wider main key "
    "gauge barometer futures future price prices contract contracts spot market markets bourse "
    "listed local inc ltd co corp corporation company plc group holding holdings limited sa ag "
    "nv se llc adr adrs h a b w class ordinary common rate exchange traded overall major "
    "heavyweight leading top policy sensitive rate-sensitive closely watched front most active "
    "traded tech-heavy broad-based blue-chip crude oil january february march april may june "
    "july august september october november december month nearby "
    # what a story says of a group, not which: "the weighty energy sector"
    "weighty influential beleaguered battered embattled hard-hit".split()
)
# Heads that make a name a group of instruments rather than one.
# words that may stand before a known name without making it another instrument
_QUALIFYING = frozenset(
    "january february march april may june july august september october november december jan "  # noqa: SIM905
    "feb mar apr jun jul aug sep sept oct nov dec nymex comex cbot cme ice lme shfe dce tocom "
    "new york london chicago singapore issue pan three month front near dated physical "
    "benchmark broad based tech heavy blue chip kingdom kingdom's country's nation's main "
    "offshore onshore".split()
)
_SECTOR_HEADS = re.compile(
    r"\b(?:stocks|shares|equities|sectors?|names|issues|counters|developers|lenders|banks|"
    r"banking|miners|insurers|brokers|brokerages|carmakers|automakers|chipmakers|"
    r"semiconductors|utilities|industrials|financials|techs|exporters|importers|airlines|"
    r"retailers|property|properties|firms|companies|makers|producers|refiners|plays|autos|telecoms|"
    r"heavyweights|stocks?|industry|industries)\b"
)
_PLACES = frozenset(
    "us u s usa america american wall street europe european eurozone euro zone britain british uk "  # noqa: SIM905
    "london england germany german frankfurt france french paris italy italian milan spain "
    "spanish madrid swiss switzerland dutch netherlands greek greece nordic china chinese "
    "mainland shanghai shenzhen hong kong japan japanese tokyo korea korean south seoul taiwan "
    "taiwanese india indian mumbai singapore singaporean malaysia malaysian indonesia "
    "indonesian thailand thai philippine philippines vietnam vietnamese australia australian "
    "sydney new zealand canada canadian toronto brazil brazilian mexico mexican asia asian "
    "pacific regional global world emerging gulf saudi africa african south-african russia "
    "russian turkey turkish israel israeli middle east latin domestic overseas offshore onshore "
    "h-shares a-shares h-share a-share polish hungarian czech swedish norwegian danish finnish "
    "austrian belgian irish portuguese ukrainian egyptian nigerian kenyan argentine chilean "
    "colombian peruvian vietnamese pakistani philippine icelandic romanian new york york chicago "
    "dalian zhengzhou dubai abu dhabi riyadh doha kuwait muscat johannesburg sao paulo taipei "
    "zurich amsterdam stockholm oslo copenhagen helsinki vienna brussels lisbon dublin istanbul "
    "moscow cairo lagos nairobi karachi jakarta bangkok manila kuala lumpur wellington arabia "
    "emirates qatar qatari oman omani bahrain egypt pakistan nigeria kenya argentina chile "
    "colombia peru aus".split()
)
_DESCRIPTIVE = (
    _GENERIC
    | _PLACES
    | frozenset(
        "tech technology financial energy property real estate consumer healthcare health "  # noqa: SIM905
        "industrial materials utility telecom defensive cyclical small mid large cap small-cap "
        "mid-cap large-cap growth value internet ai chip semiconductor bank mining insurance auto "
        "car oil gas metal metals commodity commodities bond bonds sovereign government yield "
        "yields treasury treasuries note notes bill bills year years yr yrs month day "
        # what a group of producers is named after: "copper stocks", "gold miners"
        "gold silver copper coal iron ore steel uranium lithium nickel aluminium aluminum "
        "platinum palladium zinc tin cobalt crude "
        # the industries of sector indices: "Travel & Leisure", "Food & Beverage"
        "travel leisure food beverage beverages personal household goods media entertainment "
        "chemicals retail services financials industrials staples discretionary durables "
        "realty pharma fmcg".split()
    )
)
_SYNONYMS = {"technology": "tech", "u.s.": "us", "usa": "us", "american": "us", "chinese": "china",
             "japanese": "japan", "korean": "korea", "indian": "india", "british": "britain",
             "uk": "britain", "european": "europe", "german": "germany", "french": "france",
             "australian": "australia", "taiwanese": "taiwan", "greenback": "dollar",
             "italian": "italy", "spanish": "spain", "greek": "greece", "dutch": "netherlands",
             "swiss": "switzerland", "portuguese": "portugal", "canadian": "canada",
             "pvt": "private", "intl": "international", "natl": "national", "hldgs": "holdings",
             "grp": "group", "ind": "industries", "inds": "industries",
             "lenders": "banks", "lender": "bank", "carmakers": "autos", "automakers": "autos",
             "chipmakers": "semiconductors", "oilers": "energy",
             # "MSCI's broad EM FX gauge" is its Emerging Markets currency index
             "em": "emerging", "fx": "currency", "currencies": "currency", "forex": "currency",
             "ether": "ethereum",
             # a sector's two names: "transport" is the "QSE Transportation Index"
             "transportation": "transport", "telecommunications": "telecom",
             "telecommunication": "telecom", "telecoms": "telecom",
             "pharmaceuticals": "pharma", "pharmaceutical": "pharma"}  # fmt: skip
SPELLED_TENORS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                  "seven": "7", "eight": "8", "nine": "9", "ten": "10", "fifteen": "15",
                  "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50"}  # fmt: skip
# a bond's term in digits or words: "10-year", "four-year"
TENOR_NUMBER = "(?:" + "|".join([r"\d+", *SPELLED_TENORS]) + ")"
YEAR_WORD = r"(?:year|yr)"  # "the 10-yr German Bund"
_BOND_WORDS = re.compile(
    r"\b(?:yields?|treasur(?:y|ies)|bunds?|gilts?|jgbs?|t-notes?|t-bills?|"
    r"government bonds?|sovereign bonds?|bonds?|notes?|oat|btps?|spreads?|curve|"
    # "the 2-year rate": a tenor's rate is its yield
    rf"{TENOR_NUMBER}-{YEAR_WORD} rates?)\b"
)
_ETF_WORDS = re.compile(r"\betfs?\b|exchange[- ]traded fund")
_FUND_WORDS = re.compile(r"\b(?:fund|funds|trust|reit)\b")
_INDEX_WORDS = re.compile(
    r"\b(?:index|indices|indexes|composite|average|gauge|barometer|benchmark|sub-index|"
    r"stock market|share market|equity market|bourse|market|stock exchanges?|bourses)\b"
)
_FUTURES_WORD = re.compile(r"\bfutures?\b")
_STOCK_FUTURES = re.compile(r"\b(?:stock|equity|index)\s+futures\b")
# the companies of a commodity, not the commodity: "copper stocks", "gold miners", "oil majors"
_PRODUCERS_HEAD = frozenset(
    "stocks shares equities miners producers explorers drillers refiners companies firms names "  # noqa: SIM905
    "majors plays counters issues sector sectors index sub-index".split()
)
_MARKET_HEAD = frozenset(["stocks", "shares", "equities", "index", "benchmark", "bourse", "market"])
_TICKER_FORM = re.compile(
    rf"^(?:[A-Z][A-Za-z]*:\s?)?(?:{_RIC}|[A-Z0-9.]{{1,10}}(?:[:.\s][A-Z]{{1,3}})?)$"
)


@dataclass(frozen=True)
class _Known:
    """The curated list, read once: normalised alias -> (identity, kind)."""

    aliases: dict[str, tuple[str, InstrumentKind]]
    longest_alias_words: int
    names_with_and: tuple[str, ...]
    index_markets: dict[str, str]  # identity -> market ("index:Hang Seng Index" -> "hong kong")
    broader: dict[str, str]  # identity -> the identity it is a kind of (WTI -> crude oil)
    place_markets: dict[str, str]  # normalised place word -> market
    codes: dict[str, tuple[str, InstrumentKind]]  # "usd", "sol": codes, matched as written


@functools.cache
def _known() -> _Known:
    raw = json.loads(DATA_FILE.read_text("utf-8"))
    aliases: dict[str, tuple[str, InstrumentKind]] = {}
    groups: list[tuple[str, InstrumentKind]] = [
        ("indices", "index"), ("commodities", "commodity"), ("crypto", "crypto")
    ]  # fmt: skip
    codes: dict[str, tuple[str, InstrumentKind]] = {}
    for section, kind in groups:
        for names in raw[section]:
            for name in names:
                # a crypto code is also a word ("SOL" and Peru's "sol", "ADA"): kept apart
                is_code = kind == "crypto" and _BARE_CODE.fullmatch(name) is not None
                table = codes if is_code else aliases
                table.setdefault(_normal(name), (f"{kind}:{names[0]}", kind))
    currencies = _currency_words(raw["currency_nicknames"])
    for code, words in currencies.items():
        codes.setdefault(code.lower(), (f"currency:{code}", "currency"))
        for word in words:
            aliases.setdefault(word, (f"currency:{code}", "currency"))
    longest = max(len(alias.split()) for alias in [*aliases, *codes])
    index_markets = {f"index:{name}": market for name, market in raw["index_markets"].items()}
    places = {_normal(place): market for place, market in raw["place_markets"].items()}
    return _Known(
        aliases=aliases,
        longest_alias_words=longest,
        names_with_and=tuple(raw["names_with_and"]),
        index_markets=index_markets,
        broader=raw["broader"],
        place_markets=places,
        codes=codes,
    )


def _currency_words(nicknames: dict[str, list[str]]) -> dict[str, set[str]]:
    """Each ISO 4217 code -> the normalised words that name it: its full name, its last word
    when no other currency shares it ("yen", "won", "baht"), and the curated nicknames."""
    by_last_word: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for currency in _iso_currencies():
        name = _normal(currency.name)
        if not name:
            continue
        words.setdefault(currency.alpha_3, set()).add(name)
        by_last_word.setdefault(name.split()[-1], set()).add(currency.alpha_3)
    for word, codes in by_last_word.items():
        if len(codes) == 1:
            words[next(iter(codes))].add(word)
    for code, names in nicknames.items():
        words.setdefault(code, set()).update(_normal(n) for n in names)
    return words


def _iso_currencies() -> list[Any]:
    """The ISO 4217 currencies (pycountry's records), less the X-codes: metals, fund units and
    test codes."""
    import pycountry  # about 50 ms: only when a currency word is first needed

    return [c for c in pycountry.currencies if not c.alpha_3.startswith("X")]


@functools.cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of currencies ("PLN", "MAD", "KES")."""
    return frozenset(currency.alpha_3 for currency in _iso_currencies())


@functools.cache
def currency_units() -> frozenset[str]:
    """The word text names each ISO 4217 currency by, the last of its name ("Kenyan Shilling"
    -> "shilling", "Naira", "Zambian Kwacha"), less the ones that are also ordinary words or
    parts of other names ("colon", "sum", "mark", "real", "Sierra Leone") and the names of
    fund and accounting units ("Unidad de Fomento"), none of which a text calls a currency."""
    return frozenset(
        word
        for currency in _iso_currencies()
        if (word := currency.name.split()[-1].lower()).isalpha()
        and word not in _NOT_A_CURRENCY_WORD
    )


_NOT_A_CURRENCY_WORD = frozenset({"colon", "sum", "mark", "real", "leone", "gold", "fomento",
                                  "mvdol", "omani", "oro", "previsional", "soberano",
                                  "uruguayo"})  # fmt: skip


# an exchange's name as its code: "Chicago Board of Trade soyoil" is "CBOT soyoil futures"
_VENUE_CODE_OF = {
    "chicago board of trade": "cbot", "chicago mercantile exchange": "cme",
    "new york mercantile exchange": "nymex", "london metal exchange": "lme",
    "intercontinental exchange": "ice", "singapore exchange": "sgx",
    "dalian commodity exchange": "dce", "zhengzhou commodity exchange": "zce",
    "shanghai futures exchange": "shfe", "tokyo commodity exchange": "tocom",
    "multi commodity exchange": "mcx",
}  # fmt: skip
_VENUE_NAME = re.compile(r"\b(?:" + "|".join(_VENUE_CODE_OF) + r")\b")


_LETTERS_AND_LETTERS = re.compile(r"\b([a-z]) and ([a-z])\b")


@functools.lru_cache(maxsize=8192)
def _normal(name: str) -> str:
    """Lower-case words of a name, possessives and punctuation dropped: "Japan’s Nikkei" ->
    "japan nikkei"."""
    lowered = name.lower().replace("’", "'").replace("'s ", " ").replace("u.s.", "us")
    lowered = _WORDS_AND_WORDS.sub(r"\1 and \2", lowered)  # "Oil&Gas", not "S&P"
    lowered = _LETTERS_AND_LETTERS.sub(r"\1&\2", lowered)  # "Samsung C and T" is "C&T"
    lowered = _NATGAS.sub("natural gas", lowered)
    lowered = _VENUE_NAME.sub(lambda venue: _VENUE_CODE_OF[venue[0]], lowered)
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    return " ".join(_TOKEN.findall(lowered))


@functools.lru_cache(maxsize=8192)
def split_ticker(name: str) -> tuple[str, str | None]:
    """'Tencent (0700.HK)' -> ('Tencent', '0700.HK'), 'Emaar Malls EMAA.DU' -> ('Emaar Malls',
    'EMAA.DU'); a name with no code -> (name, None)."""
    stripped = _STRIPPED_CODE.search(name)
    if stripped is not None and stripped.start() > 0:
        return " ".join((name[: stripped.start()] + name[stripped.end() :]).split()), None
    ric = _RIC_AT_END.search(name)
    if ric is not None and ric.start() > 0:
        return name[: ric.start()].strip(), ric.group(1)
    match = _TICKER_IN_PARENTHESES.search(name)
    if match is None or not any(c.isdigit() or c.isupper() for c in match.group("code")):
        return name.strip(), None
    code = match.group("code").strip()
    if not _TICKER_FORM.match(code) or (code.isalpha() and len(code) > 6 and code.istitle()):
        return name.strip(), None
    if (
        code.upper() in _KINDS_OF_SECURITY
    ):  # "iShares MSCI Brazil (ETF)": the iShares MSCI Brazil ETF
        return " ".join((name[: match.start()] + code + name[match.end() :]).split()), None
    bare = " ".join((name[: match.start()] + name[match.end() :]).split()).strip(" ,")
    return bare, code.replace(": ", ":")


# "Stellantis (NYSE:)": the exchange of a code a copying site stripped; no ticker is left
_STRIPPED_CODE = re.compile(r"\s*\([A-Z][A-Za-z]*:\)")
# "iShares MSCI Brazil (ETF)", "Alibaba (ADR)": what the security is, not its code
_KINDS_OF_SECURITY = frozenset({"ETF", "ETFS", "ETN", "ETC", "ADR", "ADRS", "GDR", "REIT", "SPAC"})


def _qualifies(word: str) -> bool:
    """A word before a known name that keeps it the same instrument ('benchmark', 'US')."""
    return word in _GENERIC or word in _PLACES or word in _QUALIFYING or word.isdigit()


@functools.lru_cache(maxsize=8192)
def identity(name: str) -> str | None:
    """The known instrument a name refers to ('the Hang Seng index' -> 'index:Hang Seng Index',
    'sterling' -> 'currency:GBP', 'USD/JPY' -> 'pair:USD/JPY'), or None when the name is not a
    well-known instrument or says more than one ('Nasdaq Internet index', 'S&P 500 sectors')."""
    pair = _PAIR.search(name)
    if pair:
        return f"pair:{pair.group('base')}/{pair.group('quote')}"
    if (owned := _countrys_currency(name)) is not None:
        return owned  # "Egypt's pound" is no sterling
    words = _normal(_PARENTHESES.sub("", name)).split()
    known = _known()
    for size in range(min(known.longest_alias_words, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            alias = " ".join(words[start : start + size])
            # a code counts where it is written as one: "SOL" is Solana, "sol" Peru's currency,
            # and "All Shares index" is not the lek (ALL)
            found = (
                known.codes[alias]
                if alias in known.codes and re.search(rf"\b{alias.upper()}\b", name)
                else known.aliases.get(alias)
            )
            if found is None:
                continue
            rest, before = words[start + size :], words[:start]
            # "Henry Hub natural gas futures": both names of the one commodity
            rest, before = _without_aliases_of(rest, found), _without_aliases_of(before, found)
            if found[1] == "commodity" and _PRODUCERS_HEAD.intersection(rest):
                return None
            if found[1] == "currency" and _MARKET_HEAD.intersection(rest):
                return None  # "Omani stocks" are Oman's, not its rial
            # words around the alias that are not generic make it another instrument: "Nasdaq
            # Internet index", "Impala Platinum"
            if all(w in _GENERIC or w in _PLACES or (w.isdigit() and size > 1) for w in rest) and (
                all(_qualifies(w) for w in before)
                # "United States West Texas Intermediate crude futures": a country's name
                or is_country(" ".join(before))
            ):
                return found[0]
            return None
    return None


def _without_aliases_of(words: list[str], found: tuple[str, InstrumentKind]) -> list[str]:
    """The words less any run of them that is another name of the same instrument."""
    known = _known()
    kept: list[str] = []
    i = 0
    while i < len(words):
        size = next(
            (
                n
                for n in range(min(known.longest_alias_words, len(words) - i), 0, -1)
                if known.aliases.get(" ".join(words[i : i + n])) == found
            ),
            0,
        )
        if size:
            i += size
        else:
            kept.append(words[i])
            i += 1
    return kept


def _countrys_currency(name: str) -> str | None:
    """'Brazil's real', 'Mexico's peso': a currency word that many countries share, named by its
    country's possessive, is the currency ISO 4217 names after that country's adjective."""
    owned = _COUNTRYS_UNIT.fullmatch(name.strip())
    if owned is None:
        return None
    country, unit = _normal(owned["country"]), _normal(owned["unit"])
    return _currency_by_country_and_unit().get((country, unit))


_COUNTRYS_UNIT = re.compile(r"(?:[Tt]he\s+)?(?P<country>[A-Z][\w .-]*?)['’]s\s+(?P<unit>[A-Za-z]+)")


@functools.cache
def _currency_by_country_and_unit() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    countries = [c for c in _country_names() if " " not in c]
    for currency in _iso_currencies():
        words = _normal(currency.name).split()
        if len(words) != 2:
            continue
        # "Mexican" is Mexico's, "Argentine" Argentina's: the name less its last letter or two
        for country in countries:
            if _shared_start(words[0], country) >= max(4, len(country) - 1):
                found.setdefault((country, words[1]), f"currency:{currency.alpha_3}")
    return found


def _shared_start(a: str, b: str) -> int:
    """How many letters the two words start with alike."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


@functools.lru_cache(maxsize=8192)
def kind_of(name: str) -> InstrumentKind:
    """The kind of instrument a mention names, from the curated list and the words it uses."""
    known = identity(name)
    lowered = name.lower()
    if known is not None:
        kind = known.split(":", 1)[0]
        if kind == "pair":
            return "currency"
        if kind == "commodity" and _STOCK_FUTURES.search(lowered):
            return "index"
        return kind  # type: ignore[return-value]
    if _normal(name) in currency_units() or lowered.endswith("currencies"):
        # "shilling": Kenya's, Uganda's or Tanzania's, a currency all the same; "Asian
        # currencies", a group of them
        return "currency"
    if _ETF_WORDS.search(lowered):
        return "etf"
    if _BOND_WORDS.search(lowered) and not _FUND_WORDS.search(lowered):
        return "bond"
    if _FUND_WORDS.search(lowered):
        return "fund"
    if _INDEX_WORDS.search(lowered) or _STOCK_FUTURES.search(lowered):
        return "index"
    if is_descriptive(name) and (
        _SECTOR_HEADS.search(lowered) or (" " not in lowered.strip() and not is_place(name))
    ):
        return "sector"  # "Copper stocks", and a bare sector word: "materials", "energy"
    if _FUTURES_WORD.search(lowered):
        return "commodity"
    return "stock"


@functools.lru_cache(maxsize=8192)
def is_descriptive(name: str) -> bool:
    """Whether a name only describes (a place, a sector, a market: 'Hong Kong stocks', 'Chinese
    H-shares', 'tech firms') rather than names one instrument ('Tencent', 'Nikkei', 'gold')."""
    if identity(name) is not None:
        return False
    bare, ticker = split_ticker(name)
    if ticker is not None:
        return False
    words = _normal(bare).split()
    return all(
        w in _DESCRIPTIVE or _SECTOR_HEADS.fullmatch(w) or is_demonym(w.capitalize()) for w in words
    )


@functools.lru_cache(maxsize=8192)
def name_tokens(name: str) -> frozenset[str]:
    """The distinguishing words of a name: lower case, generic words dropped, plurals and a few
    synonyms folded ('Chinese technology shares' -> {'china', 'tech'})."""
    return frozenset(_fold(w) for w in _words(name) if w not in _GENERIC)


def is_venue(name: str) -> bool:
    """Whether the name is of where things trade ('the Bursa Malaysia Derivatives exchange',
    'the Chicago Board of Trade'), not of what trades."""
    return _VENUE.search(name) is not None or name.upper() in _VENUE_CODES


# futures exchanges written by their codes ("futures on ICE"); not "Nasdaq", also an index
_VENUE_CODES = frozenset({"ICE", "CME", "NYMEX", "COMEX", "CBOT", "LME", "SGX", "DCE", "ZCE",
                          "SHFE", "INE", "MCX", "NCDEX", "TOCOM", "EUREX", "BURSA"})  # fmt: skip


def likeness(name: str, mention: str) -> float:
    """The share of a text's mention's words that a name holds (generic words and the name's
    parentheses counted): 'JSE Junior Market Index' holds all of 'Junior Market Index' and
    three quarters of 'JSE Main Market Index'; 'Goldman Sachs Gold ETF (Goldbees)' all of
    'Goldbees'."""
    held = {_fold(w) for w in _normal(name.replace("(", " ").replace(")", " ")).split()}
    words = {_fold(w) for w in _words(mention)}
    return len(words & held) / len(words) if words else 0.0


@functools.lru_cache(maxsize=16384)
def _words(name: str) -> tuple[str, ...]:
    # "PSI20" is the "PSI 20", "CAC40" the "CAC 40"
    return tuple(_INDEX_NUMBER.sub(r"\1 \2", _normal(_PARENTHESES.sub("", name))).split())


_INDEX_NUMBER = re.compile(r"\b([a-z]{2,})(\d{2,4})\b")


def _fold(word: str) -> str:
    word = _SYNONYMS.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=8192)
def compare(a: str, b: str, *, ticker_a: str | None = None, ticker_b: str | None = None) -> Verdict:
    """Whether two mentions name the same instrument: 'same', 'different', or 'unknown' when
    one of them says too little to tell (a place or a market: 'Hong Kong stocks', 'US
    equities', a reference)."""
    a_bare, a_code = split_ticker(a)
    b_bare, b_code = split_ticker(b)
    a_code, b_code = ticker_a or a_code, ticker_b or b_code
    if a_code and b_code:
        return "same" if _same_code(a_code, b_code) else "different"
    # "ADI stock declined 6.5%": the text names Analog Devices (ADI) by its code
    if (a_code and b_bare == a_code.split(":")[-1]) or (b_code and a_bare == b_code.split(":")[-1]):
        return "same"
    id_a, id_b = identity(a_bare), identity(b_bare)
    if bool(_CODE.match(a_bare)) != bool(_CODE.match(b_bare)):
        return "unknown"  # ".ADI" and "Abu Dhabi index": a code says nothing of a name
    if id_a is not None and id_b is not None:
        if _known().broader.get(id_a) == id_b or _known().broader.get(id_b) == id_a:
            return "unknown"  # "crude futures" may be WTI's
        return "same" if _same_identity(id_a, id_b) else "different"
    if _alias_matches(a, b) or _alias_matches(b, a):
        return "same"
    if _BOND_WORDS.search(a_bare.lower()) and _BOND_WORDS.search(b_bare.lower()):
        return _compare_yields(a_bare, b_bare)
    if _other_asset_class(a_bare, b_bare) or _other_asset_class(b_bare, a_bare):
        return "different"  # "gold prices tumbled as stock markets recovered"
    if _initials_of(a_bare, b_bare) or _initials_of(b_bare, a_bare):
        return "same"  # "RBS" is the Royal Bank of Scotland
    if _fund_and_code(a_bare, b_bare) or _fund_and_code(b_bare, a_bare):
        return "unknown"  # "GDX" may be the Market Vectors Gold Miners ETF's code
    if _VENUE.search(a_bare) or _VENUE.search(b_bare):
        return "unknown"  # "the Dalian Commodity Exchange": where it trades, not what
    # "NEPSE Index" is the "Nepal Stock Exchange (NEPSE) Index", and "ASE General Index" the
    # "Amman Stock Exchange (ASE) index"
    if (a_code and _the_codes_main_index(b_bare, a_code)) or (
        b_code and _the_codes_main_index(a_bare, b_code)
    ):
        return "same"
    if _a_group_beside_a_company(a_bare, b_bare) or _a_group_beside_a_company(b_bare, a_bare):
        return "different"  # "Qatar bank shares" are not "Qatar National Bank"
    if _a_sector_beside_its_market(a_bare, b_bare) or _a_sector_beside_its_market(b_bare, a_bare):
        return "different"  # "Qatar bank shares" are not the "Qatar Stock Exchange index"
    tokens_a, tokens_b = (
        _joined(a_bare, b_bare),
        _joined(b_bare, a_bare),
    )
    if not tokens_a or not tokens_b:
        # a specific name in the text that a vague move name does not contain
        if tokens_b and not tokens_a and not is_descriptive(b_bare) and is_market(a_bare):
            return "different"
        return "unknown"
    numbers_a = {t for t in tokens_a if t.isdigit()}
    numbers_b = {t for t in tokens_b if t.isdigit()}
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return "different"  # 2-year vs 10-year, CSI 300 vs CSI 500
    # every distinguishing word of the shorter name must be in the longer one: "Woori
    # Financial" is not "KB Financial", "Hang Seng IT sector" not "Hang Seng energy sub-index"
    return "same" if tokens_a <= tokens_b or tokens_b <= tokens_a else "different"


def _a_group_beside_a_company(group: str, company: str) -> bool:
    """Whether the first name is a group of companies by a lower-case word ('Qatar bank shares',
    'tech stocks') and the second one company's, with a capitalised word no place has
    ('Qatar National Bank')."""
    if (
        not _a_group(group)
        or _A_GROUP.search(company) is not None
        or _A_GAUGE.search(company) is not None  # "Hang Seng Tech index" may be the group's
    ):
        return False
    # a capitalised word of the company's own, not a place's nor one of the group's words
    # ("Real Estate" may be the group "US real estate stocks")
    group_words = {w.lower() for w in group.split()}
    capitalised = [w for w in company.split() if w[:1].isupper() and w.lower() not in group_words]
    return any(not is_place(w) and not is_demonym(w) for w in capitalised)


def _a_group(name: str) -> bool:
    """'Qatar bank shares', 'tech stocks': companies by a lower-case word, named by no company
    ('Murata's U.S.-listed shares' are one company's)."""
    return _A_GROUP.search(name) is not None and all(
        is_place(w) or is_demonym(w) for w in name.split() if w[:1].isupper()
    )


def _a_sector_beside_its_market(group: str, gauge: str) -> bool:
    """Whether the first name is a sector's group ('Muscat investment shares') and the second a
    whole market's gauge that names no such sector ('Muscat Stock Exchange index')."""
    found = _A_GROUP.search(group)
    if found is None or not _a_group(group) or _A_MARKETS_GAUGE.search(gauge) is None:
        return False
    sector = found[0].split()[0]
    if sector in _NO_SECTOR or is_demonym(sector.capitalize()) or is_place(sector):
        return False
    return not any(w.lower().startswith(sector[:4]) for w in re.findall(r"[\w-]+", gauge))


_A_MARKETS_GAUGE = re.compile(
    r"\b(?:index|exchange|bourse|market|composite|all-?share|benchmark|average)\b", re.IGNORECASE
)
# words before "shares" that say which shares without naming a sector
_NO_SECTOR = frozenset(
    "local listed domestic foreign blue-chip mainland regional global major key leading small-cap "  # noqa: SIM905
    "mid-cap large-cap most other all index heavyweight heavy-weight bellwether".split()
)
_A_GAUGE = re.compile(
    r"\b(?:index|indices|gauge|average|benchmark|etf|fund|sector|sub-index|industry|group)\b",
    re.IGNORECASE,
)
_A_GROUP = re.compile(
    r"(?:^|(?<=\s))[a-z][\w-]*\s+(?:shares|stocks|equities|names|counters|firms|companies)\b"
)


def _the_codes_main_index(name: str, code: str) -> bool:
    """Whether the name is the code with nothing but words of a market's main index."""
    tokens = content_tokens(name)
    return code.lower() in tokens and tokens - {code.lower()} <= _MAIN_INDEX_WORDS


_MAIN_INDEX_WORDS = frozenset({"general", "composite", "main", "benchmark", "broad", "key"})


@functools.lru_cache(maxsize=16384)
def _joined(name: str, other: str) -> frozenset[str]:
    """The name's content words, two neighbours written as one where the other name writes them
    so: 'Shang Hai SE index' is the 'Shanghai SE Composite Index', 'BET Plus' the 'BETPlus'."""
    words = _words(name)
    theirs = {_fold(w) for w in _words(other)}
    tokens = set(content_tokens(name))
    for first, second in itertools.pairwise(words):
        joined = _fold(first + second)
        if joined in theirs:
            tokens -= {_fold(first), _fold(second)}
            if joined not in _GENERIC and joined not in _PLACES:
                tokens.add(joined)
    return frozenset(tokens)


def _compare_yields(a: str, b: str) -> Verdict:
    """Yields and bonds by country, tenor and spread: 'German 10-year Bund yield' is the
    'yield on German 10-year government bonds', not the 'French 10-year yield' nor the German
    2/10-year spread; a 'bond yield' says too little to tell."""
    tokens_a = _tenor_tokens(a)
    tokens_b = _tenor_tokens(b)
    countries_a, countries_b = _bond_countries(tokens_a), _bond_countries(tokens_b)
    if countries_a and countries_b and not countries_a & countries_b:
        return "different"
    tenors_a = {t for t in tokens_a if t.isdigit()}
    tenors_b = {t for t in tokens_b if t.isdigit()}
    if tenors_a and tenors_b and tenors_a != tenors_b:
        return "different"
    if tenors_a and tenors_b and _is_spread(a) != _is_spread(b):
        return "different"
    if tenors_a and tenors_b:
        return "same"  # "the 10-year yield" of a story on Treasuries is the US 10-year yield
    if (
        not tenors_a
        and not tenors_b
        and countries_a
        and countries_a == countries_b
        and ("yield" in a.lower()) == ("yield" in b.lower())
        and _is_spread(a) == _is_spread(b)
    ):
        # "US Treasury yields" are the "Treasury yields", and "Treasuries" the "US Treasuries"
        # (a bond's yield and its price are said of one market, but move opposite ways)
        return "same"
    return "unknown"


def _tenor_tokens(name: str) -> frozenset[str]:
    """A bond name's words with tenors as numbers: 'two-year' -> '2', '2s10s' -> '2', '10'."""
    tokens: set[str] = set()
    for token in name_tokens(name):
        pair = _TENOR_PAIR.fullmatch(token)
        tokens |= set(pair.groups()) if pair else {SPELLED_TENORS.get(token, token)}
    return frozenset(tokens)


_TENOR_PAIR = re.compile(r"(\d+)s(\d+)s?")  # "2s10s" is folded to "2s10"


def _bond_countries(tokens: frozenset[str]) -> frozenset[str]:
    found = {_BOND_MARKETS.get(t, t) for t in tokens}
    return frozenset(t for t in found if t in _FOLDED_PLACES)


_FOLDED_PLACES = frozenset(_fold(_SYNONYMS.get(p, p)) for p in _PLACES)  # as name_tokens folds
_BOND_MARKETS = {"bund": "germany", "gilt": "britain", "jgb": "japan", "treasury": "us",
                 "oat": "france", "btp": "italy"}  # fmt: skip


def _is_spread(name: str) -> bool:
    return re.search(r"\b(?:spread|curve|premium)\b|\d\s*/\s*\d", name.lower()) is not None


_NOT_EQUITY = ("commodity", "currency", "crypto", "pair")
_EQUITY_MARKET = re.compile(
    r"\b(?:stocks|shares|equities|stock markets?|share markets?|bourses?|miners|producers|"
    r"companies|firms|explorers|refiners|developers|counters|plays|majors|etfs?)\b"
)


def _other_asset_class(known: str, market: str) -> bool:
    """A commodity, currency or crypto asset beside a stock or bond market or a company ('gold'
    and 'stock markets', 'the yen' and 'Tokyo stocks', 'the euro' and 'euro-area government
    bonds', 'copper' and 'Jiangxi Copper'): never the same."""
    found = identity(known)
    lowered = market.lower()
    return (
        found is not None
        and found.split(":", 1)[0] in _NOT_EQUITY
        and identity(market) is None
        and (
            _EQUITY_MARKET.search(lowered) is not None
            or _BOND_WORDS.search(lowered) is not None
            or _a_company_named_after(found, market)
        )
        and _STOCK_FUTURES.search(lowered) is None
    )


def _a_company_named_after(commodity: str, name: str) -> bool:
    """'China Gold International', 'Jiangxi Copper', 'Barrick Gold': a company with the
    commodity's word, capitalised, in its name."""
    if not commodity.startswith("commodity:") or not name.split() or kind_of(name) != "stock":
        return False
    words = set(commodity.removeprefix("commodity:").lower().split())
    first, *rest = name.split()
    return any(word[:1].isupper() and word.lower() in words for word in rest) or (
        bool(rest) and first.lower() in words and rest[0][:1].isupper()
    )


def _initials_of(short: str, name: str) -> bool:
    """'RBS' of 'Royal Bank of Scotland', 'HSBC' of 'Hongkong and Shanghai Banking Corp'."""
    if _AMPERSAND_CODE.fullmatch(short):
        short = short.replace("&", "")  # "L&T" of "Larsen & Toubro"
    if _BARE_CODE.fullmatch(short) is None:
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", _PARENTHESES.sub("", name)) if w[0].isupper()]
    initials = "".join(w[0] for w in words)
    return len(words) >= 2 and (initials == short or initials.rstrip("CLPGI") == short)


def _fund_and_code(code: str, name: str) -> bool:
    """A bare exchange code ('GDX', 'GLD') beside a fund's name."""
    lowered = name.lower()
    return _BARE_CODE.fullmatch(code) is not None and any(
        words.search(lowered) for words in (_ETF_WORDS, _FUND_WORDS, _FUND_FAMILIES)
    )


_BARE_CODE = re.compile(r"[A-Z]{2,5}")  # "GDX", "RBS", "SOL"
_AMPERSAND_CODE = re.compile(r"[A-Z]{1,3}&[A-Z]{1,3}")  # "L&T", "M&M"
_FUND_FAMILIES = re.compile(
    r"\b(?:spdr|ishares|vaneck|invesco|vanguard|market vectors|proshares|direxion|wisdomtree|"
    r"global x)\b"
)


@functools.lru_cache(maxsize=8192)
def content_tokens(name: str) -> frozenset[str]:
    """The words of a name that tell instruments apart: no places, no generic words."""
    # a place is filtered before folding too: "Paris" is no plural of "pari"
    # a country's adjective names the country: the "Qatari benchmark" is the "Qatar index"
    return (
        frozenset(
            _fold(_country_of(w))
            for w in _words(name)
            if w not in _GENERIC and w not in _PLACES and _country_of(w) not in _PLACES
        )
        - _PLACES
    )


def places_in(name: str) -> frozenset[str]:
    """The place words of a name: 'Hong Kong markets' -> {'hong', 'kong'}."""
    return frozenset(w for w in _normal(name).split() if w in _PLACES)


def names_a_bond(text: str) -> bool:
    """Whether the words name a bond or its yield ('10-year bond yield', 'gilts', 'BTPs')."""
    return _BOND_WORDS.search(text.lower()) is not None


def is_country(name: str) -> bool:
    """Whether the name is a country's (ISO 3166, pycountry's names and common names), or a
    place this module knows: 'Bahrain', 'Kuwait', 'Hong Kong'."""
    return is_place(name) or _normal(name) in _country_names()


@functools.cache
def _country_names() -> frozenset[str]:
    import pycountry  # only when a place's possessive is first met

    names: set[str] = set()
    for country in pycountry.countries:
        for field in ("name", "common_name"):
            if (value := getattr(country, field, None)) is not None:
                names.add(_normal(value))
    return frozenset(names)


def is_demonym(word: str) -> bool:
    """Whether the word is a country's adjective, made from its name the common ways: 'Qatari',
    'Omani', 'Nigerian', 'Egyptian', 'Sudanese', 'Emirati' (pycountry has names, not
    adjectives)."""
    return word[:1].isupper() and _demonyms_country(word.lower()) is not None


def _country_of(word: str) -> str:
    """The country a lower-case adjective names ('qatari' -> 'qatar'), else the word."""
    country = _demonyms_country(word)
    return country if country is not None and country in _country_names() else word


@functools.lru_cache(maxsize=8192)
def _demonyms_country(lowered: str) -> str | None:
    """The country name (or, for 'emirati', the start of one) a lower-case adjective is made
    from, or None when it is none: the name less '-i', '-n', '-an', '-ian' or '-ese'."""
    stems = []
    if lowered.endswith("i"):
        stems.append(lowered[:-1])
    if lowered.endswith("n"):
        stems += [lowered[:-1], lowered[:-2], lowered[:-3]]
    if lowered.endswith("ese"):
        stems.append(lowered[:-3])
    if not stems:
        return None
    names = _country_names()
    for stem in stems:
        if len(stem) > 2 and stem in names:
            return stem
    for stem in stems:  # "Emirati": the United Arab Emirates
        if len(stem) > 4 and any(w.startswith(stem) for w in _country_words()):
            return stem
    return None


@functools.cache
def _country_words() -> frozenset[str]:
    return frozenset(w for name in _country_names() for w in name.split() if len(w) > 4)


def is_place(name: str) -> bool:
    """'China', 'Hong Kong': a place, not a market or an instrument ('Hong Kong stocks')."""
    words = _normal(name).split()
    return bool(words) and all(w in _PLACES for w in words)


@functools.lru_cache(maxsize=8192)
def is_market(name: str) -> bool:
    """'US equities', 'Hong Kong stocks', 'the market': a whole market, not one instrument."""
    return bool(_normal(name)) and all(w in _GENERIC or w in _PLACES for w in _normal(name).split())


def name_hints(name: str) -> str:
    """What a name's parentheses say, lower case: 'Brent (week)' -> 'week', 'Swiss franc (vs
    euro, intraday)' -> 'vs euro, intraday'."""
    return " ".join(hint_parts(name)).lower()


def hint_parts(name: str) -> list[str]:
    """Each of a name's parentheses, as written: 'Infosys (BSE)' -> ['BSE']."""
    return _HINTS.findall(name)


_HINTS = re.compile(r"\(([^)]*)\)")


def _alias_matches(name: str, other: str) -> bool:
    """'China Petroleum and Chemical (Sinopec)' is also called 'Sinopec'."""
    aliases = re.findall(r"\(([^)]+)\)", name)
    return any(name_tokens(alias) and name_tokens(alias) == name_tokens(other) for alias in aliases)


def _same_code(a: str, b: str) -> bool:
    def core(code: str) -> str:
        code = (
            code.upper().split(":")[-1].strip() if ":" in code and not code[0].isdigit() else code
        )
        return re.split(r"[.:\s]", code.upper().lstrip("."))[0].lstrip("0")

    return core(a) == core(b)


def _same_identity(a: str, b: str) -> bool:
    if a == b:
        return True
    # a currency pair moves with either of its currencies (against the other)
    pairs = [x for x in (a, b) if x.startswith("pair:")]
    currencies = [x for x in (a, b) if x.startswith("currency:")]
    if len(pairs) == 1 and len(currencies) == 1:
        return currencies[0][9:] in pairs[0][5:].split("/")
    return False


@functools.lru_cache(maxsize=8192)
def market_of(name: str) -> str | None:
    """The market a whole-market name or a main index stands for: 'Hong Kong stocks' and 'the
    Hang Seng Index' -> 'hong kong'; None for anything else ('Tencent', 'tech shares')."""
    known = _known()
    found = identity(name)
    if found is not None:
        return known.index_markets.get(found)
    if not is_market(name):
        return None
    words = _normal(name).split()
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            market = known.place_markets.get(" ".join(words[start : start + size]))
            if market is not None:
                return market
    return None


@functools.lru_cache(maxsize=8192)
def relation(a: str, b: str) -> Literal["same", "inverse", "different", "unknown"]:
    """As `compare`, and 'inverse' when b is a currency pair quoted in a ('the yen' and
    'USD/JPY': the yen's rise is the pair's fall)."""
    id_a, id_b = identity(a), identity(b)
    for one, other in ((id_a, id_b), (id_b, id_a)):
        if one and other and one.startswith("currency:") and other.startswith("pair:"):
            quote = other[5:].split("/")[1]
            if one[9:] == quote:
                return "inverse"
    broader = _known().broader
    if id_a and id_b and (broader.get(id_a) == id_b or broader.get(id_b) == id_a):
        return "same"  # "Oil prices closed higher" and "WTI crude rose 1.3 percent"
    market_a, market_b = market_of(a), market_of(b)
    # "Hong Kong stocks" is the Hang Seng's market; the Hang Seng Tech Index is not the Hang Seng
    if market_a is not None and market_a == market_b and not (id_a and id_b and id_a != id_b):
        return "same"
    return compare(a, b)


def splits_a_name(first: str, second: str) -> bool:
    """Whether 'first and second' is one company name ('Procter and Gamble', 'Industrial and
    Commercial Bank of China'), not two instruments."""
    joined = _normal(f"{first} and {second}")
    if _SIZES_JOINED.search(joined):
        return True  # "the MASI Mid and Small Cap index": one gauge of two sizes of company
    return any(joined.startswith(_normal(n)) for n in _known().names_with_and)


_SIZES_JOINED = re.compile(
    r"\b(?:mid|small|large|big|micro)(?:-cap)? and (?:mid|small|large|big|micro)[- ]?cap"
)
