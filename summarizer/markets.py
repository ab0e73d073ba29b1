"""Which market a move trades in, where the text or the instrument list says it.

In order: the market the model read in the text (`Move.market`, set by the llm engine), the
exchange the move's ticker names ('NYSE: CAT', '0700.HK', '9022 JT'; data/exchanges.json), the
market a main index or a whole-market name stands for ('Hang Seng Index', 'Hong Kong stocks';
data/instruments.json). Markets are named as instruments.json names them, lower-case places
('us', 'hong kong', 'uk'), so that one column of a table groups them; a market the lists do not
know keeps the words it was given in. Nothing is guessed from a company's name.

Pure and offline; not part of any cache key: digests get it when they are merged.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from summarizer import instruments
from summarizer.models import Move

EXCHANGES_FILE = Path(__file__).parent / "data" / "exchanges.json"

# "NYSE: CAT", "NYSEArca:GLD", "INDEXDJX:.DJI": an exchange's letters, a colon, the code
_EXCHANGE_FIRST = re.compile(r"(?P<exchange>[A-Za-z][A-Za-z0-9]*)\s*:\s*\S+")
# "9022 JT", "0669:HK", "ERJ:US": the code, then Bloomberg's two letters
_EXCHANGE_AFTER_SPACE_OR_COLON = re.compile(r"[A-Za-z0-9.]+[\s:](?P<exchange>[A-Z]{2})")
# "0700.HK", "9984.T", "EMAA.DU": a code (never a bare ".N225"), a dot, the exchange
_EXCHANGE_AFTER_DOT = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*\.(?P<exchange>[A-Z]{1,3})")


@dataclass(frozen=True)
class _Exchanges:
    prefix: dict[str, str]
    after_dot: dict[str, str]
    after_space_or_colon: dict[str, str]


@functools.cache
def _exchanges() -> _Exchanges:
    raw = json.loads(EXCHANGES_FILE.read_text("utf-8"))
    return _Exchanges(raw["prefix"], raw["after_dot"], raw["after_space_or_colon"])


def market_of_move(move: Move) -> str | None:
    """The market the move trades in, or None when neither the text nor the lists say it."""
    if move.market and move.market.strip():
        return named_market(move.market)
    if move.ticker and (market := market_of_ticker(move.ticker)) is not None:
        return market
    return instruments.market_of(move.instrument)


@functools.lru_cache(maxsize=1024)
def named_market(words: str) -> str:
    """A market as some text names it, in the lists' words when they know it ('Hong Kong' ->
    'hong kong', 'NYSE' -> 'us'), else as given."""
    words = " ".join(words.split())
    known = _exchanges().prefix.get(words.upper()) or instruments.market_of(words)
    return known or words


@functools.lru_cache(maxsize=8192)
def market_of_ticker(ticker: str) -> str | None:
    """The market of the exchange a ticker names: 'NYSE: CAT' -> 'us', '0700.HK' -> 'hong
    kong', '9022 JT' -> 'japan'; None for a code that names none ('BABA', 'KCc1', '.N225')."""
    ticker = ticker.strip()
    exchanges = _exchanges()
    found = _EXCHANGE_FIRST.fullmatch(ticker)
    if found and (market := exchanges.prefix.get(found["exchange"].upper())) is not None:
        return market
    found = _EXCHANGE_AFTER_SPACE_OR_COLON.fullmatch(ticker)
    if found and (market := exchanges.after_space_or_colon.get(found["exchange"])) is not None:
        return market
    found = _EXCHANGE_AFTER_DOT.fullmatch(ticker)
    return exchanges.after_dot.get(found["exchange"]) if found else None
