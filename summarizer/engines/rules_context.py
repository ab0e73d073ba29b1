"""Deterministic extraction of catalysts and risks from one sentence.

A sentence is a catalyst when it names a driver (a cue of one of the catalyst types) and presents
it as driving prices or sentiment (a causal cue). A sentence is a risk when it states a warning,
concern or uncertainty; generic compliance language ("past performance ...", "invest rationally")
is never a risk.

Every pattern is written in lower case and searched in the lowercased sentence: the same cues
with re.IGNORECASE made catalysts and risks three times as slow (benchmarks/README.md).
"""

from __future__ import annotations

import re
from typing import TypeVar

from summarizer.models import Catalyst, CatalystType, Impact, Risk, RiskType

# A cue is plain phrases (substrings of the lowercased sentence: far cheaper to find than a
# regular expression's alternatives) and, for words that need boundaries, a pattern.
_CATALYST_CUES: tuple[tuple[CatalystType, tuple[str, ...], re.Pattern[str] | None], ...] = (
    ("analyst_rating", ("price target", "upgrade", "downgrade", "raised its rating", "to buy from",
                        "overweight", "outperform", "brokerage calls"), None),
    ("monetary_policy", ("rate cut", "rate-cut", "rate hike", "federal reserve", "pboc",
                         "central bank", "liquidity easing", "monetary"),
     re.compile(r"\b(?:fed|lpr|rrr)\b")),
    ("earnings", ("earnings", "quarterly results", "interim results", "revenue", "profit",
                  "guidance", "exceeded expectations", "beat estimates"),
     re.compile(r"\bresults\b")),
    ("geopolitics_trade", ("tariff", "trade deal", "trade talks", "trade war", "trade tensions",
                           "sanction", "summit", "us-china", "u.s.-china", "export controls",
                           "export restrictions", "easing tensions"), None),
    ("government_policy", ("regulator", "approval", "stimulus", "government", "state funds"),
     re.compile(r"\bpolic(?:y|ies)\b|national .*fund")),
    ("corporate_action", ("acqui", "merger", "buyback", "repurchase", "convertible bond",
                          "placement", "listing", "financing", "bond sale", "dividend"),
     re.compile(r"\bipo\b")),
    ("capital_flows", ("inflow", "net buying", "southbound", "northbound", "capital flow",
                       "foreign capital", "net purchases"), None),
    ("cross_market", ("wall street", "nasdaq", "s&p 500", "treasury yields", "oil prices",
                      "us futures"), None),
    ("commodity_supply", ("supply tightness", "opec", "inventory", "inventories", "output cut",
                          "rig count"), None),
    ("management_legal", ("lawsuit", "court", "probe", "investigation", "resign"),
     re.compile(r"\bceo\b")),
    ("product_technology", ("launch", "released", "unveil", "partnership", "contract",
                            "computing", "trial"),
     re.compile(r"\bchips?\b|\bmodel\b|models\b|\bai\b")),
)  # fmt: skip
_CAUSAL = re.compile(
    r"\b(?:drove|drive[sn]?|driving|boost(?:s|ed)?|fuel(?:s|ed|led)?|lift(?:s|ed)?|spurr?(?:ed)?|"
    r"spark(?:s|ed)?|ignit(?:es|ed)|reignit(?:es|ed)|trigger(?:s|ed)?|thanks to|on the back of|"
    r"amid|after|following|due to|because|benefit(?:s|ed|ing)?|catalys(?:t|ts|e|ed)|"
    r"expectations?|momentum|sentiment|rally|rallied|surged|jumped|gains?|rebound|"
    r"optimis(?:m|tic)|confidence|re-rating|added fuel|rocket fuel|beneficiar(?:y|ies)|"
    r"attract(?:s|ed)?|exceed(?:s|ed|ing) expectations)\b",
)
_NEGATIVE_IMPACT = re.compile(
    r"\b(?:restrictions?|declin\w*|fell|drop\w*|pressure|weak\w*|cooled|concerns?|fears?)\b",
)
_RISK_CUES: tuple[tuple[RiskType, tuple[str, ...], re.Pattern[str] | None], ...] = (
    ("geopolitical_trade", ("export controls", "export restrictions", "restrictions on", "tariff",
                            "sanction", "political tensions", "geopolitic", "backlash"),
     re.compile(r"war\b")),
    ("monetary_rates", ("hawkish", "higher for longer", "rate hike"), None),
    ("valuation", ("overvalued", "overbought", "bubble"),
     re.compile(r"valuations? (?:still )?(?:lag|stretched|expensive)")),
    ("volatility_sentiment", ("risk-off", "risk off", "kept risk in check", "pullback",
                              "correction", "negative rumors", "negative rumours", "sell-off",
                              "selloff", "profit-taking", "profit taking"),
     re.compile(r"volatil\w+")),
    ("macro_growth", ("slowdown", "recession", "deflation", "weak economy",
                      "weak post-pandemic economy", "weak demand"), None),
    ("policy_regulatory", ("crackdown", "regulation", "tightening rules", "delist", "lockdown"),
     None),
    ("credit_liquidity", ("default", "debt crisis", "cash-strapped", "liquidity crunch"), None),
    ("earnings_fundamental", ("competition", "margin pressure", "supply bottleneck", "shortage",
                              "weak earnings", "earnings concern"), None),
    ("fx_currency", ("depreciation", "currency weakness", "yuan weakness"), None),
    ("event_uncertainty", ("ahead of", "before the federal reserve", "awaited",
                           "remain to be seen", "remains to be seen", "hurdle", "unlikely"),
     re.compile(r"uncertaint\w+")),
)  # fmt: skip
_RISK_SIGNAL = re.compile(
    r"\b(?:risks?|concerns?|worr\w+|fears?|uncertain\w*|volatil\w+|pressure|restrictions?|"
    r"tensions?|headwinds?|cautio\w+|challeng\w+|hurdle|threat\w*|negative|in check|"
    r"unlikely|shortage|bottlenecks?|despite|limits?)\b",
)
# Compliance boilerplate that can survive cleaning inside a paragraph: never an article risk.
_GENERIC_WARNING = re.compile(
    r"investment advice|past performance|future (?:results|performance)|invest rationally|"
    r"risk tolerance|risk management|not indicative|requires? caution|carr(?:y|ies) risks?|"
    r"own research|risk (?:reminder|warning)",
)


# A line without a full stop and at most this many words is a heading (list items aside).
_HEADING_WORDS = 16
_LIST_ITEM = re.compile(r"^(?:[-*•]\s|\d{1,3}[.)]\s)")


def extract_catalysts(text: str, start: int, end: int) -> Catalyst | None:
    """The catalyst the sentence text[start:end] states, if it states one."""
    sentence = text[start:end]
    lowered = sentence.lower()
    if _GENERIC_WARNING.search(lowered) or not _CAUSAL.search(lowered):
        return None
    if _is_heading(text, start, end):
        return None
    kind = _first_kind(_CATALYST_CUES, lowered)
    if kind is None:
        return None
    impact: Impact = "mixed" if _NEGATIVE_IMPACT.search(lowered) else "positive"
    return Catalyst(
        summary=_summary(sentence),
        type=kind,
        impact=impact,
        evidence=sentence.strip(),
        span=_trimmed_span(text, start, end),
    )


def extract_risks(text: str, start: int, end: int) -> Risk | None:
    """The risk the sentence text[start:end] states, if it states one."""
    sentence = text[start:end]
    lowered = sentence.lower()
    if _GENERIC_WARNING.search(lowered) or not _RISK_SIGNAL.search(lowered):
        return None
    kind = _first_kind(_RISK_CUES, lowered)
    if kind is None:
        return None
    return Risk(
        summary=_summary(sentence),
        type=kind,
        evidence=sentence.strip(),
        span=_trimmed_span(text, start, end),
    )


Kind = TypeVar("Kind", CatalystType, RiskType)


def _first_kind(
    cues: tuple[tuple[Kind, tuple[str, ...], re.Pattern[str] | None], ...], lowered: str
) -> Kind | None:
    """The first kind, in table order, one of whose cues the lowercased sentence states."""
    for kind, phrases, words in cues:
        for phrase in phrases:  # a plain loop: any() over a generator takes twice as long here
            if phrase in lowered:
                return kind
        if words is not None and words.search(lowered):
            return kind
    return None


def _is_heading(text: str, start: int, end: int) -> bool:
    """A title or section heading ("**Oracle's Giant Leap Ignites Domestic AI Rally**",
    "Three key developments drove AI momentum:"): a short line of its own that does not end
    like a sentence. It names a theme; the body states the catalyst with its context."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line != text[start:end].strip() or _LIST_ITEM.match(line):
        return False
    return not line.rstrip("*_\"'”’)").endswith(".") and len(line.split()) <= _HEADING_WORDS


def _summary(sentence: str, limit: int = 100) -> str:
    words = " ".join(sentence.replace("*", "").split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    segment = text[start:end]
    lead = len(segment) - len(segment.lstrip())
    return start + lead, start + lead + len(segment.strip())
