"""Which instrument keys of different articles name one instrument: the links identity.py cannot
make from one mention alone.

- A code that names no exchange joins the one listing of that code ('ticker:BABA' and
  'ticker:BABA.US'; two listings, and it stays apart), a currency but the dollar ('ccy:KRW')
  its pair against the dollar ('fx:KRW/USD').
- A name ('name:byd') joins the one listing whose names, as the sources wrote them beside its
  ticker, are that name ('BYD Company (01211.HK)'), when every article that wrote the name
  alone is about that listing's market (the market its instruments name most); a name beside
  two listings ('Alibaba': 9988.HK and BABA.US) joins neither.
- Two names join when they are one name spelt two ways: the same letters with other spaces
  ('Hongkong Land', 'Hong Kong Land'), or close by rapidfuzz's ratio (92 or more of 100) with
  every word of each close to a word of the other ('Fortescue Metals', 'Fortescue Metal');
  never when their numbers differ, and not 'Samsung SDI' and 'Samsung SDS'.

Never two tickers in one instrument: a link that would put two listings together is not made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from summarizer import identity

_NAME_RATIO = 92.0  # "fortescuemetals" / "fortescuemetal": 96.6; "samsungsdi" / "samsungsds": 90
_WORD_RATIO = 85.0  # "metals" / "metal": 90.9; "sdi" / "sds": 66.7
_WORDS = re.compile(r"[a-z0-9]+")
# words of a company's legal form, which tell no two companies apart
_FORM_WORDS = frozenset(
    "the of and inc ltd co corp corporation company plc group holding holdings limited sa ag nv "  # noqa: SIM905
    "se llc bhd tbk pt spa".split()
)


@dataclass
class KeyNames:
    """A key, the names (without their tickers) the sources wrote for it, and the markets of
    the articles that wrote them (each article's most named market; None where it names none)."""

    key: str
    names: set[str] = field(default_factory=set)
    markets: set[str | None] = field(default_factory=set)


def link(groups: Mapping[str, KeyNames]) -> dict[str, str]:
    """Each key -> the key of the instrument it belongs to (itself when it joins none)."""
    union = _Union(groups)
    _join_bare_codes(union, list(groups))
    _join_spellings(union, groups)
    _join_names_to_listings(union, groups)
    return {key: union.find(key) for key in groups}


class _Union:
    """Union-find over keys that refuses to put two listings in one set."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}
        self.tickers = {key: {_listing(key)} - {None} for key in self.parent}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        listings = self.tickers[root_a] | self.tickers[root_b]
        if len({_listing_core(t) for t in listings if t}) > 1 or len(_with_market(listings)) > 1:
            return False
        # the listing's key names the instrument: it says most
        keep, drop = sorted((root_a, root_b), key=_root_rank)
        self.parent[drop] = keep
        self.tickers[keep] = listings
        return True


def _root_rank(key: str) -> tuple[int, int, str]:
    return (not key.startswith("ticker:"), -len(key), key)


def _listing(key: str) -> str | None:
    return key.removeprefix("ticker:") if key.startswith("ticker:") else None


def _listing_core(ticker: str) -> str:
    code = ticker.rsplit(".", 1)[0] if re.search(r"\.[A-Z]{2}$", ticker) else ticker
    return code.lstrip("0") or code


def _with_market(listings: set[str | None]) -> set[str]:
    return {t for t in listings if t and re.search(r"\.[A-Z]{2}$", t)}


def _join_bare_codes(union: _Union, keys: list[str]) -> None:
    """'ticker:BABA' -> the one 'ticker:BABA.XX'; 'ccy:KRW' -> 'fx:KRW/USD'."""
    tickers_by_core: dict[str, list[str]] = {}
    for key in keys:
        if key.startswith("ticker:"):
            tickers_by_core.setdefault(_listing_core(key[7:]), []).append(key)
    present = set(keys)
    for key in keys:
        if key.startswith("ticker:") and not re.search(r"\.[A-Z]{2}$", key):
            found = [k for k in tickers_by_core[_listing_core(key[7:])] if k != key]
        elif key.startswith("ccy:") and key != "ccy:USD":
            # "the won" of one article is "the won against the dollar" of another: a currency's
            # move is quoted against the dollar unless said otherwise (the dollar's, against
            # one currency or another, is not)
            found = [k for k in (f"fx:{key[4:]}/USD",) if k in present]
        else:
            continue
        if len(found) == 1:
            union.join(key, found[0])


def _join_names_to_listings(union: _Union, groups: Mapping[str, KeyNames]) -> None:
    """A name joins the one listing the sources wrote it beside (its words, or its spelling);
    beside two listings, neither."""
    written_at: dict[str, set[str]] = {}  # a name's key -> listings written with that name
    listing_forms: dict[str, list[tuple[str, str]]] = {}  # block -> (form, listing)
    for key, group in groups.items():
        if key.startswith("ticker:"):
            for name in group.names:
                resolved = identity.resolve(name)
                if resolved is not None and resolved.key.startswith("name:"):
                    written_at.setdefault(resolved.key, set()).add(key)
                form = _form(name)
                listing_forms.setdefault(_block(form), []).append((form, key))
    for key, group in groups.items():
        if not key.startswith("name:"):
            continue
        listings = set(written_at.get(key, set()))
        for name in group.names:
            form = _form(name)
            listings |= {
                k for f, k in listing_forms.get(_block(form), []) if same_spelling(form, f)
            }
        roots = {union.find(listing) for listing in listings}
        if len(roots) == 1 and _in_listings_market(group, listings):
            union.join(key, roots.pop())


def _in_listings_market(group: KeyNames, listings: set[str]) -> bool:
    """Whether every article that wrote the name is about the listing's market: 'Anglo
    American' in a story on London's miners is not the Johannesburg listing 'JSE:AGL'. The
    listing's keys joined so far ('ticker:0005.HK' and the bare 'ticker:5') are all read, not
    one of them: a set's order changes with the process's hash seed, and so did the link."""
    markets = {identity.market_of_listing(k.removeprefix("ticker:")) for k in listings} - {None}
    return len(markets) == 1 and group.markets == markets


def _join_spellings(union: _Union, groups: Mapping[str, KeyNames]) -> None:
    """Names (not listings: those joined above) spelt two ways; compared within blocks of the
    first three letters, as a day's thousands of names are not compared pairwise."""
    blocks: dict[str, list[tuple[str, str]]] = {}
    for key, group in groups.items():
        if key.startswith("name:"):
            for name in group.names:
                form = _form(name)
                if len(form) >= 3:
                    blocks.setdefault(_block(form), []).append((key, form))
    for members in blocks.values():
        for i, (key_a, form_a) in enumerate(members):
            for key_b, form_b in members[i + 1 :]:
                if union.find(key_a) != union.find(key_b) and same_spelling(form_a, form_b):
                    union.join(key_a, key_b)


def _block(form: str) -> str:
    return form.replace(" ", "")[:3]


def same_spelling(a: str, b: str) -> bool:
    """Whether two names (as `_form` gives them) are one name spelt two ways."""
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    words_a, words_b = a.split(), b.split()
    if {w for w in words_a if w.isdigit()} != {w for w in words_b if w.isdigit()}:
        return False
    if fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")) < _NAME_RATIO:
        return False
    return _each_has_a_partner(words_a, words_b) and _each_has_a_partner(words_b, words_a)


def _each_has_a_partner(words: list[str], others: list[str]) -> bool:
    return all(any(fuzz.ratio(w, o) >= _WORD_RATIO for o in others) for w in words)


def _form(name: str) -> str:
    """A name's words in lower case without its legal form: 'China Mengniu Dairy Co Ltd' ->
    'china mengniu dairy'."""
    bare = re.sub(r"\([^)]*\)", " ", name.lower()).replace("'s ", " ")
    return " ".join(w for w in _WORDS.findall(bare) if w not in _FORM_WORDS)
