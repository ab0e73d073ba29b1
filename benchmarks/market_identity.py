"""Instrument identity on real articles: the two measurements of benchmarks/README.md.

    python benchmarks/market_identity.py check40        # ../shared/corpus: one entry per instrument
    python benchmarks/market_identity.py pairs DIGESTS [SEED]  # 50 merged pairs to judge by hand
    python benchmarks/market_identity.py engine40 DIGESTS  # check40 on the engine's digests

check40: the gold moves of the 40 articles of ../shared/corpus become digests (instrument as the
annotator wrote it, ticker, direction, percent, bp, text), `summarizer.market` builds their
picture, and every instrument the gold names in two or more articles (grouped by hand below) must
be one entry of the picture (a move its source dates to a futures contract month, "Brent Oil
Futures for March settlement", is that contract's entry, by design, and listed beside). Prints
each group's entries, and the gold names of two or more articles that no group holds (so that
none is overlooked).

engine40: the same groups on the digests an engine made of the 40 articles (`summarizer run
../shared/corpus/articles --out DIGESTS`): each gold move is matched to the digest move whose span
overlaps its text, in its direction, sharing a word of its name (and its percent, where one does);
prints each group's entries and the articles where the engine has no such move.

pairs: from the picture of the digests in DIGESTS (`summarizer run fixtures/corpus/articles
--engine rules --out DIGESTS`), every pair of moves an instrument gathers whose names, as
written, differ; 50 of them drawn with a fixed seed, printed with their quotes to be judged.
"""

from __future__ import annotations

import json
import random
import re
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

from summarizer import market
from summarizer.digest_files import read_digests
from summarizer.models import ArticleDigest, Move
from summarizer.picture import MarketPicture

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
SEED = 17

# Instruments the gold names in two or more of the 40 articles, grouped by hand (reading the
# articles where the names alone leave it open): group -> gold names as written.
GROUPS = {
    "Hang Seng Index": ["Hang Seng Index", "Hang Seng Index (three sessions)"],
    "Hang Seng Tech Index": ["Hang Seng Tech Index", "Hang Seng Tech Index (intraday high)"],
    "Hang Seng China Enterprises Index": [
        "Hang Seng China Enterprises Index", "Hang Seng China Enterprises Index (H-shares)"],
    "Shanghai Composite Index": ["Shanghai Composite", "Shanghai Composite Index"],
    "Shenzhen Component Index": ["Shenzhen Component", "Shenzhen Component Index"],
    "ChiNext Index": ["ChiNext Index"],  # a09's ChiNext Composite Index is another index
    "Nikkei 225": ["Nikkei", "Nikkei 225", "Nikkei 225 Stock Average", "Nikkei Stock Average"],
    "Kospi": ["Kospi"],
    "Dow Jones Industrial Average": ["Dow Jones Industrial Average"],
    "S&P 500": ["S&P 500"],
    "Nasdaq Composite": ["NASDAQ", "Nasdaq composite", "Nasdaq Composite"],
    "FTSE 100": ["FTSE 100"],
    "DAX": ["DAX"],
    "FTSE Bursa Malaysia KLCI": ["FTSE Bursa Malaysia KLCI", "FTSE Bursa Malaysia KLCI (opening)"],
    "MSCI Asia ex-Japan": ["MSCI Asia ex-Japan index"],
    "Brent crude": ["Brent crude", "Brent crude futures", "Brent crude oil"],
    "WTI crude": ["US crude", "WTI crude", "WTI crude futures"],
    "crude oil": ["crude oil", "oil"],
    "iron ore": ["Iron ore", "spot iron ore (62% content)"],
    "US dollar": ["US dollar"],
    "USD/JPY": ["US dollar (against yen)", "USD/JPY"],
    "Chinese yuan": ["Chinese yuan"],
    "South Korean won": ["South Korean won"],
    "US 10-year Treasury yield": ["US 10-year Treasury yield"],
    "US stock market": ["Wall Street", "US stocks", "US equities", "US stocks (Wall Street)"],
    "European banks": ["European banks"],
    "Chinese tech stocks": [
        "Chinese technology stocks", "Chinese technology shares (recent weeks)"],
    "BHP Billiton": ["BHP Billiton"],
    "Rio Tinto": ["Rio Tinto"],
    "Fortescue Metals": ["Fortescue Metals", "Fortescue Metals (Monday)", "Fortescue Metals Group"],
    "Samsung Electronics": ["Samsung Electronics"],
    "SK hynix": ["SK hynix", "SK Hynix"],
    "Hyundai Motor": ["Hyundai Motor"],
    "Tencent": ["Tencent", "Tencent Holdings"],
    "Alibaba (Hong Kong)": [
        "Alibaba Group", "Alibaba Group Holding",
        "Alibaba Group Holding (Hong Kong, year to date)"],
    "China Mengniu Dairy": ["China Mengniu Dairy", "China Mengniu Dairy Co Ltd"],
    "Hong Kong and China Gas": ["Hong Kong & China Gas", "Hong Kong and China Gas Co Ltd"],
    "New World Development": ["New World Development"],
    "Facebook": ["Facebook"],
    "Tesla": ["Tesla"],
    "Twitter": ["Twitter"],
    "UniCredit": ["UniCredit"],
}  # fmt: skip


def gold_digests() -> list[ArticleDigest]:
    """One digest per article of ../shared/corpus, its moves the gold's."""
    digests = []
    for path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        moves = [_gold_move(m) for m in gold["moves"]]
        digests.append(ArticleDigest(id=path.stem, engine="rules", status="ok", moves=moves))
    return digests


def _gold_move(gold: dict[str, object]) -> Move:
    direction = str(gold["direction"])
    sign = -1.0 if direction == "down" else 1.0
    pct, bp = gold.get("percent"), gold.get("bp")
    return Move(
        instrument=str(gold["instrument"]),
        ticker=gold.get("ticker"),  # type: ignore[arg-type]
        direction=direction,  # type: ignore[arg-type]
        change_pct=None if pct is None else sign * float(pct),  # type: ignore[arg-type]
        change_bp=None if bp is None else sign * float(bp),  # type: ignore[arg-type]
        evidence=str(gold["text"]),
    )


def check40() -> int:
    digests = gold_digests()
    picture = market(digests)
    entry_of = _entries(picture)
    for move in picture.unassigned_moves:
        entry_of[(move.article_id, move.move_index)] = "(no instrument)"
    failures = 0
    grouped = {name for names in GROUPS.values() for name in names}
    for group, names in GROUPS.items():
        entries: dict[str, set[str]] = {}
        for digest in digests:
            for index, move in enumerate(digest.moves):
                if move.instrument in names:
                    entries.setdefault(entry_of[(digest.id, index)], set()).add(digest.id[:3])
        articles = sorted(set().union(*entries.values()))
        # a move the source dates to a contract month ("Brent Oil Futures for March settlement")
        # is that contract's, by design; the instrument itself must still be one entry
        whole = [k for k in entries if not _CONTRACT.search(k)]
        ok = len(whole) == 1 and len(articles) >= 2
        failures += not ok
        shown = "; ".join(f"{k} ({', '.join(sorted(v))})" for k, v in sorted(entries.items()))
        print(f"{'ok  ' if ok else 'FAIL'} {group}: {len(articles)} articles -> {shown}")
    by_name: dict[str, set[str]] = {}
    for digest in digests:
        for move in digest.moves:
            by_name.setdefault(move.instrument, set()).add(digest.id[:3])
    left = sorted(n for n, a in by_name.items() if len(a) >= 2 and n not in grouped)
    print(f"{len(GROUPS)} groups, {failures} not one entry; gold names of 2+ articles in no "
          f"group: {left or 'none'}")  # fmt: skip
    return 1 if failures or left else 0


def engine40(folder: Path) -> None:
    digests = read_digests([folder])
    entry_of = _entries(market(digests))
    name_to_group = {name: group for group, names in GROUPS.items() for name in names}
    found: dict[str, dict[str, set[str]]] = {}
    missed: dict[str, set[str]] = {}
    for digest in digests:
        stem = Path(digest.source_path or "").stem
        text = (SHARED / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        for move in gold["moves"]:
            group = name_to_group.get(move["instrument"])
            if group is not None:
                index = _matching_move(digest, move, text)
                if index is None:
                    missed.setdefault(group, set()).add(stem[:3])
                else:
                    entry = entry_of.get((digest.id, index), "(no instrument)")
                    found.setdefault(group, {}).setdefault(entry, set()).add(stem[:3])
    split = 0
    for group in GROUPS:
        entries = found.get(group, {})
        whole = [k for k in entries if not _CONTRACT.search(k)]
        articles = set().union(*entries.values()) if entries else set()
        split += len(whole) > 1 and len(articles) >= 2
        shown = "; ".join(f"{k} ({', '.join(sorted(v))})" for k, v in sorted(entries.items()))
        print(f"{'ok  ' if len(whole) <= 1 else 'SPLIT'} {group}: {shown}; the engine has no "
              f"such move in {', '.join(sorted(missed.get(group, []))) or 'none'}")  # fmt: skip
    named = sum(len(set().union(*found.get(g, {"": set()}).values())) >= 2 for g in GROUPS)
    print(f"{named} groups the engine names in two or more articles; {split} not one entry")


def _entries(picture: MarketPicture) -> dict[tuple[str, int], str]:
    entries = {}
    for instrument in picture.instruments:
        for reading in instrument.readings:
            for s in reading.statements:
                for article in [s.article_id, *s.restated_in]:
                    entries[(article, s.move_index)] = instrument.instrument_id
    return entries


def _matching_move(digest: ArticleDigest, gold: dict[str, Any], text: str) -> int | None:
    start = text.find(gold["text"])
    end = start + len(gold["text"])
    words = set(_WORDS.findall(re.sub(r"\(.*\)", "", gold["instrument"]).lower()))
    overlapping = [
        (i, m)
        for i, m in enumerate(digest.moves)
        if m.span and start >= 0 and m.span[0] < end and start < m.span[1]
        and m.direction == gold["direction"] and words & set(_WORDS.findall(m.instrument.lower()))
    ]  # fmt: skip
    same_number = [
        i for i, m in overlapping
        if gold.get("percent") is not None and m.change_pct is not None
        and abs(abs(m.change_pct) - gold["percent"]) < 1e-6
    ]  # fmt: skip
    return (same_number or [i for i, _m in overlapping] or [None])[0]


def pairs(folder: Path, seed: int = SEED, count: int = 50) -> None:
    digests = read_digests([folder])
    by_id = {d.id: d for d in digests}
    picture = market(digests)
    candidates = []
    for instrument in picture.instruments:
        said = [(s.article_id, s.move_index) for r in instrument.readings for s in r.statements]
        for (a, i), (b, j) in combinations(said, 2):
            move_a, move_b = by_id[a].moves[i], by_id[b].moves[j]
            if _plain(move_a.instrument) != _plain(move_b.instrument):
                candidates.append((instrument.instrument_id, a, i, b, j))
    print(f"{len(picture.instruments)} instruments, {len(candidates)} merged pairs whose names "
          f"differ; {count} drawn (seed {seed}):\n")  # fmt: skip
    for n, (key, a, i, b, j) in enumerate(random.Random(seed).sample(candidates, count), 1):
        move_a, move_b = by_id[a].moves[i], by_id[b].moves[j]
        print(f"{n}. {key}")
        for digest, move in ((by_id[a], move_a), (by_id[b], move_b)):
            source = Path(digest.source_path or digest.id).name
            print(f"   {move.instrument!r} [{move.ticker or ''}] {source}: {move.evidence[:150]!r}")


_WORDS = re.compile(r"[a-z0-9]+")
_CONTRACT = re.compile(r":(?:\d{4}|-)-\d{2}$")


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


if __name__ == "__main__":
    if sys.argv[1:2] == ["check40"]:
        sys.exit(check40())
    if sys.argv[1:2] == ["engine40"]:
        sys.exit(engine40(Path(sys.argv[2])))
    pairs(Path(sys.argv[2]), *(int(a) for a in sys.argv[3:4]))
