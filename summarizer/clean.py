"""Boilerplate removal that keeps a map back to the original text.

The text is split into blocks (lines); each block is kept or dropped with a reason, and the kept
blocks are returned as [start, end) spans of the original, so every offset downstream still
indexes the original article. A block that states a price move is never dropped, except inside a
trailing sidebar of unrelated headlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.models import Span

# These five are matched against lowercased blocks (see _drop_reason).
_DISCLAIMER = re.compile(
    r"^\W*(?:disclaimer|免责声明|risk (?:warning|reminder)|important (?:notice|information))\b|"
    r"not (?:financial|investment) advice|should not be regarded as an offer|"
    r"do(?:es)? not constitute (?:any form of )?investment advice|"
    r"invest(?:ing|ment) (?:carries|involves) risks?|for reference only|仅供参考|"
    r"assumes no responsibility|do their own research|"
    r"past performance (?:of \w+ )?(?:does|do) not|"
    # a publisher's rights notice and a page's browser notice
    r"may not be (?:published|reproduced|redistributed)|rewritten,? or redistributed|"
    r"browser is out of date|may not be compatible with (?:our|this) (?:website|site)"
)
# Every alternative of _DISCLAIMER contains one of these: most blocks contain none and are
# passed without the pattern's scan (most of cleaning's time).
_DISCLAIMER_WORDS = (
    "disclaimer", "免责声明", "risk ", "important ", "advice", "regarded", "carries ", "involves ",
    "reference only", "仅供参考", "responsibility", "own research", "past performance",
    "may not be", "redistributed", "browser",
)  # fmt: skip
_HEADING_NOISE = re.compile(
    r"^\W*(?:most (?:discussed|read|popular)|related (?:articles|news|stories)|read more|"
    r"recommended|trending|you may also like|more from|"
    r"stocks mentioned in (?:the|this) article)\W*$"
)
# a row of a quote widget: "EURO / BRITISH POUND (EUR/GBP) -0.32% 0.88156 Delayed Quote.4.63%"
_QUOTE_ROW = re.compile(r"\b(?:delayed|real-?time|live) quote\b")
_FURNITURE = re.compile(
    r"^\W*(?:gotop|go to top|back to top|top|quote|placeholder|share|advertisement|ad|"
    r"sponsored|print|email|comments?|subscribe|log ?in|sign ?up|menu|search)\W*$"
)
_EMPTY_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]?\s*)+$")
# a paywall's pitch: "Complete your profile to continue reading and get FREE access to ..."
_PAYWALL_PHRASES = (
    "continue reading", "keep reading", "digital membership", "complete your profile",
    "unlimited access", "access to unlimited", "already a subscriber", "subscribe now",
    "subscribe to continue", "create a free account", "free access to",
)  # fmt: skip
# a newsletter's pitch: "Have breaking news sent to your inbox. Subscribe to MarketWatch's free
# Bulletin emails. Sign up here."
_NEWSLETTER_PHRASES = (
    "to your inbox", "in your inbox", "sign up here", "sign up for our", "newsletter",
    "bulletin emails", "daily briefing email",
)  # fmt: skip
_AD = re.compile(
    r"^\W*(?:join|sign up|register|download|open an account|subscribe|claim|get)\b.{0,80}"
    r"\b(?:bonus|free|now|today|reward|offer|app|minutes)\b.{0,40}$"
)
_BYLINE = re.compile(r"^\s*(?:作者|by)\s+\S.{0,40}$|^\s*\d+\s*(?:小时前|分钟前|天前)\s*$|"
                     r"^\s*\d+\s+(?:hours?|minutes?|days?) ago\s*$", re.IGNORECASE)  # fmt: skip
_MOVE = re.compile(
    r"\d(?:[\d.,]*)\s?%.{0,0}|\b(?:rose|fell|gained|surged|jumped|climbed|dropped|declined|"
    r"retreated|slumped|rallied|soared|tumbled|plunged)\b"
)
# A line's text from its first to its last non-space character; blank lines do not match.
_TRIMMED_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)
# The article's main script is judged on its start: enough text, at a bounded cost.
_SCRIPT_SAMPLE_CHARS = 4000
# runs, not single characters: findall then builds one string per word instead of per letter
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class CleanText:
    """The kept spans of the original text and what was removed, with reasons."""

    kept: tuple[Span, ...]
    removed_chars: int
    removed: tuple[tuple[Span, str], ...]


def clean_article(text: str) -> CleanText:
    """Keep the article's content blocks; drop disclaimers, ads, sidebars and page furniture."""
    blocks = _blocks(text)
    reasons = [_drop_reason(text[s:e]) for s, e in blocks]
    for index, why in enumerate(reasons):
        if why == "page_furniture" and _inside_a_sentence(text, blocks, index):
            reasons[index] = None  # "Amgen\n(\nAMGN |\nQuote |\nChart |\n...)\nlost 11.9%"
    sidebar_from = _trailing_sidebar(text, blocks)
    for index in range(sidebar_from, len(blocks)):
        reasons[index] = reasons[index] or "related_sidebar"
    kept = tuple(span for span, why in zip(blocks, reasons, strict=True) if why is None)
    removed = tuple(
        (span, why) for span, why in zip(blocks, reasons, strict=True) if why is not None
    )
    return CleanText(kept, sum(e - s for (s, e), _ in removed), removed)


def _blocks(text: str) -> list[Span]:
    """Non-blank lines as spans, surrounding whitespace trimmed."""
    return [match.span(1) for match in _TRIMMED_LINE.finditer(text)]


def _inside_a_sentence(text: str, blocks: list[Span], index: int) -> bool:
    """Whether the block continues the line before it, whose sentence has not ended: cutting it
    out would cut a sentence in two, and its quote with it."""
    if index == 0:
        return False
    before_start, before_end = blocks[index - 1]
    if "\n\n" in text[before_end : blocks[index][0]]:
        return False
    return not _SENTENCE_END.search(text, before_start, before_end)


_SENTENCE_END = re.compile(r"[.!?:;。！？\"”’)\]]$")


def _drop_reason(block: str) -> str | None:
    # Patterns match the lowercased block: with re.IGNORECASE, cleaning took 4x as long.
    block = block.lower()
    if _EMPTY_LIST_ITEM.match(block):
        return "empty_list"
    if _HEADING_NOISE.match(block):
        return "most_discussed"
    if _FURNITURE.match(block):
        return "page_furniture"
    if "quote" in block and _QUOTE_ROW.search(block):
        return "quote_tape"
    if _AD.match(block) and len(block) <= 120:
        return "ad"
    if _holds_any(block, _PAYWALL_PHRASES) and not _states_a_move(block):
        return "paywall"
    if len(block) <= 300 and _holds_any(block, _NEWSLETTER_PHRASES) and not _states_a_move(block):
        return "ad"
    if (
        _holds_any(block, _DISCLAIMER_WORDS)
        and _DISCLAIMER.search(block)
        and not _states_a_move(block)
    ):
        return "disclaimer"
    return None


def _holds_any(lowered_block: str, phrases: tuple[str, ...]) -> bool:
    # a plain loop: any() over a generator takes twice as long here
    for phrase in phrases:  # noqa: SIM110
        if phrase in lowered_block:
            return True
    return False


def _states_a_move(lowered_block: str) -> bool:
    return bool(_MOVE.search(lowered_block))


def _trailing_sidebar(text: str, blocks: list[Span]) -> int:
    """Index of the first block of a trailing run of headlines in another script, or len(blocks)."""
    main_cjk = _share_cjk(text[: min(len(text) // 2, _SCRIPT_SAMPLE_CHARS)])
    start = len(blocks)
    for index in range(len(blocks) - 1, -1, -1):
        block = text[blocks[index][0] : blocks[index][1]]
        foreign = abs(_share_cjk(block) - main_cjk) > 0.5
        if foreign or _BYLINE.match(block) or _FURNITURE.match(block.lower()):
            start = index
        else:
            break
    return start if start <= len(blocks) - 3 else len(blocks)


def _share_cjk(text: str) -> float:
    if not _CJK_RUN.search(text):  # most articles and blocks: no need to count the Latin ones
        return 0.0
    cjk = sum(map(len, _CJK_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    return cjk / (cjk + latin) if cjk + latin else 0.0
