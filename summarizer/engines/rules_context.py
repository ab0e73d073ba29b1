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

from summarizer.models import Catalyst, CatalystType, Impact, Risk, RiskType

_CATALYST_PATTERNS: tuple[tuple[CatalystType, str], ...] = (
        ("analyst_rating", r"price target|upgrade|downgrade|raised its rating|to buy from|"
         r"overweight|outperform|brokerage calls"),
        ("monetary_policy", r"rate[- ]cut|rate hike|\bfed\b|federal reserve|\blpr\b|\brrr\b|"
         r"pboc|central bank|liquidity easing|monetary"),
        ("earnings", r"earnings|quarterly results|interim results|\bresults\b|revenue|profit|"
         r"guidance|exceeded expectations|beat estimates"),
        ("geopolitics_trade", r"tariff|trade (?:deal|talks|war|tensions)|sanction|summit|"
         r"us-china|u\.s\.-china|export (?:controls|restrictions)|easing tensions"),
        ("government_policy", r"\bpolic(?:y|ies)\b|regulator|approval|stimulus|government|"
         r"national .*fund|state funds"),
        ("corporate_action", r"acqui|merger|buyback|repurchase|convertible bond|placement|"
         r"\bipo\b|listing|financing|bond sale|dividend"),
        ("capital_flows", r"inflows?|net buying|southbound|northbound|capital flow|"
         r"foreign capital|net purchases"),
        ("cross_market", r"wall street|nasdaq|s&p 500|treasury yields|oil prices|us futures"),
        ("commodity_supply", r"supply tightness|opec|inventor(?:y|ies)|output cut|rig count"),
        ("management_legal", r"\bceo\b|lawsuit|court|probe|investigation|resign"),
        ("product_technology", r"\bchips?\b|\bmodel\b|models\b|launch|released|unveil|"
         r"partnership|contract|\bai\b|computing|trial"),
)  # fmt: skip
_CATALYST_CUES: tuple[tuple[CatalystType, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in _CATALYST_PATTERNS
)
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
_RISK_PATTERNS: tuple[tuple[RiskType, str], ...] = (
        ("geopolitical_trade", r"export (?:controls|restrictions)|restrictions on|tariffs?|"
         r"sanctions?|political tensions|geopolitic|backlash|war\b"),
        ("monetary_rates", r"hawkish|higher for longer|rate hikes?"),
        ("valuation", r"valuations? (?:still )?(?:lag|stretched|expensive)|overvalued|"
         r"overbought|bubble"),
        ("volatility_sentiment", r"volatil\w+|risk[- ]off|kept risk in check|pullback|"
         r"correction|negative rumou?rs|sell-?off|profit[- ]taking"),
        ("macro_growth", r"slowdown|recession|deflation|weak (?:post-pandemic )?economy|"
         r"weak demand"),
        ("policy_regulatory", r"crackdown|regulation|tightening rules|delist|lockdown"),
        ("credit_liquidity", r"default|debt crisis|cash-strapped|liquidity crunch"),
        ("earnings_fundamental", r"competition|margin pressure|supply bottlenecks?|"
         r"shortage|weak earnings|earnings concerns?"),
        ("fx_currency", r"depreciation|currency weakness|yuan weakness"),
        ("event_uncertainty", r"uncertaint\w+|ahead of|before the federal reserve|awaited|"
         r"remains? to be seen|hurdle|unlikely"),
)  # fmt: skip
_RISK_CUES: tuple[tuple[RiskType, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in _RISK_PATTERNS
)
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


def extract_catalysts(text: str, start: int, end: int) -> Catalyst | None:
    """The catalyst the sentence text[start:end] states, if it states one."""
    sentence = text[start:end]
    lowered = sentence.lower()
    if _GENERIC_WARNING.search(lowered) or not _CAUSAL.search(lowered):
        return None
    kind = next((k for k, cue in _CATALYST_CUES if cue.search(lowered)), None)
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
    kind = next((k for k, cue in _RISK_CUES if cue.search(lowered)), None)
    if kind is None:
        return None
    return Risk(
        summary=_summary(sentence),
        type=kind,
        evidence=sentence.strip(),
        span=_trimmed_span(text, start, end),
    )


def _summary(sentence: str, limit: int = 100) -> str:
    words = " ".join(sentence.replace("*", "").split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    segment = text[start:end]
    lead = len(segment) - len(segment.lstrip())
    return start + lead, start + lead + len(segment.strip())
