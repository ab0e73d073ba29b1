"""Deterministic extraction of price moves from one sentence.

A move is anchored on a stated change: a move verb followed by a percentage ("surged over 18%"),
a signed percentage ("Kingsoft Cloud (+15%)"), a nominal change ("with a 16% gain", "Alibaba's 7%
jump"), a limit hit ("hit the 20% daily limit"), a year in a performance table ("2021, -36.61%"),
or, without a number, a move verb right after an instrument ("JD.com Inc. also climbed sharply").
The instrument is the nearest name before the anchor in the same clause; lists ("A, B and C all
rose 2%") give one move per name; "the stock" / "the gauge" refer back to the paragraph's subject.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summarizer.grounding import check_move
from summarizer.models import Direction, InstrumentKind, Move, Qualifier, Session, Timeframe

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PCT = rf"(?P<sign>[+\-−])?(?P<num>{_NUM})\s?(?:%|percent\b|per cent\b)"
_PERCENT_WORD = re.compile(r"per ?cent\b")
_QUAL = (
    r"(?P<qual>over|more than|above|exceeding|in excess of|nearly|almost|close to|just under|"
    r"about|around|approximately|roughly|up to|as much as|as high as|reaching|of|by)?\s*"
)
_UP_VERBS = (
    r"rose|rise|rises|rising|risen|gained|gain|gains|gaining|surged|surge|surges|surging|"
    r"jumped|jump|jumps|jumping|climbed|climb|climbs|climbing|advanced|advance|advancing|"
    r"rallied|rally|rallying|soared|soar|soaring|rebounded|rebounding|added|adding|rocketed|"
    r"spiked|increased|higher|gapped up|ending up|ended up|closing up|closed up|finished up|"
    r"opened up|trading up|up"
)
_DOWN_VERBS = (
    r"fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|"
    r"declining|retreated|retreat|retreating|slid|slide|sliding|slumped|slump|slumping|lost|"
    r"losing|loses|tumbled|tumbling|plunged|plunging|sank|sinking|shed|shedding|decreased|"
    r"lower|gapped down|ending down|ended down|closing down|closed down|finished down|down"
)
_VERB_PCT = re.compile(
    rf"\b(?P<verb>{_UP_VERBS}|{_DOWN_VERBS})(?:\s+(?:sharply|strongly|further|again|by))?"
    rf"\s+{_QUAL}{_PCT}",
)
_NOUN_LEAD = re.compile(
    rf"\b(?:gains?|highs?|rise|increase|jump|drop|decline|losses?)\s+{_QUAL}{_PCT}"
)
_NOUN_TRAIL = re.compile(
    rf"{_PCT}\s+(?:gain|jump|rise|rally|surge|advance|increase|drop|decline|fall|loss|slump)\b",
)
_LIMIT = re.compile(
    rf"\b(?:hit|reached|touched)\s+the\s+{_PCT}\s+(?:daily\s+)?(?:upper\s+)?limit",
)
# A stated move without a number: "JD.com Inc. also climbed sharply", "was nearly flat"
_NULL_VERB = re.compile(
    r"\b(?:climbed|advanced|rallied|rebounded|surged|jumped|soared|rocketed|slumped|tumbled|"
    r"plunged|dropped|declined|retreated|cooled|"
    r"continued (?:its|their) (?:[\w-]+ )?(?:rally|rebound|gains|decline|slide|losses)|"
    r"continued (?:rebounding|rising|rallying|falling|declining)|"
    r"(?:was|were) (?:nearly |almost |little |roughly )?flat|"
    r"marked the \w+ straight (?:week|day|session|month)s? (?:in|of) gains)\b",
)
_NULL_NOUN = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:gains|decline|rally|rebound|drop|losses|jump|surge|"
    r"record highs?)\b",
)
_FLAT_WORDS = re.compile(r"\bflat\b", re.IGNORECASE)
_SIGNED_PCT = re.compile(rf"(?<![\w.])(?P<sign>[+\-−])(?P<num>{_NUM})\s?%")
_PAREN_UP = re.compile(rf"\((?P<verb>up|down)\s+{_PCT}\)")
_YEAR_PCT = re.compile(rf"\b(?:19|20)\d{{2}}[,:]\s*(?P<sign>[+\-−])?(?P<num>{_NUM})\s?%")

_DOWN_WORDS = re.compile(
    rf"\b(?:{_DOWN_VERBS}|losses?|limit down|slumped|tumbled|plunged|cooled|slide)\b", re.IGNORECASE
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|need to|needs to|expected to|forecasts?|projected|target|"
    r"likely to|set to|estimates?|predicts?|if)\b",
    re.IGNORECASE,
)
# A change of these is a company or market fundamental, not a price move ("revenue up 26%").
_FUNDAMENTAL = re.compile(
    r"\b(?:revenues?|profits?|income|earnings|sales|capex|expenditures?|spending|production|"
    r"output|EBITDA|margins?|growth|inflows?|outflows?|turnover|volume|investments?|orders|"
    r"shipments|dividends?|payout|stakes?|exposure|weight|GDP|CPI|PMI|exports|"
    r"imports|users|subscribers|deliveries|costs?|scale|assets|parameters|tons)\b",
    re.IGNORECASE,
)
_PRICE_WORDS = re.compile(r"\b(?:prices?|shares|stocks?|index|ETF|quotes?)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+while\s+|,\s+whereas\s+|:\s+(?=\S)")

# Capitalised names, tickers and a few lower-case heads that make a name an instrument.
_NAME = re.compile(
    r"(?:[A-Z][\w.&+'’-]*|\d{3,6}(?=\))|[A-Z]{2,}(?:-[A-Z])?)"
    r"(?:(?:\s+|-)(?:(?:of|de|&)\s+)?(?:[A-Z0-9][\w.&+'’-]*))*"
    r"(?:\s+(?:[a-z]+\s+)?(?:stocks|shares|sector|names|index|futures|prices|leaders|markets))?"
    r"(?:\s*\((?:[A-Z]+:\s?)?[A-Z0-9]{3,8}(?::[A-Z]{2})?\))?"
    r"|\b(?:tech|property|bank|oil|gold|chip|semiconductor|auto|tungsten\s+concentrate)\s+"
    r"(?:stocks|shares|prices)\b",
)
_NOT_INSTRUMENTS = re.compile(
    r"^(?:The|A|An|On|In|At|As|It|This|That|These|Those|Its|Their|So|But|And|While|With|"
    r"Meanwhile|Additionally|Notably|Separately|Also|Among|Other|Others|Major|Leading|Heavy|"
    r"Computing|Specifically|Currently|Today|Yesterday|Daily|Total|AI|AI\+|US|U\.S\.|UK|EU|"
    r"A-share|A-shares|H-share|Fed|Q[1-4]|H[12]|FY\d*|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|"
    r"Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|"
    r"Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Analysts?|"
    r"Shares|Stocks|Data|Reports?|According|Combined|Under|Despite|Heavy holding)$"
)
_LEADING_FILLERS = re.compile(
    r"^(?:(?:The|An?|Leading|Heavy|Major|Other|Fellow|Index|Computing|Shares|Stocks|Specialists?)\s+)+"
)
_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# "On September 12, Hong Kong stocks...": a date is where the capitalised run starts, not a name
_LEADING_DATE = re.compile(rf"^(?:On\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b,?\s*")
_BARE_HEADS = re.compile(
    r"^(?:index|stocks|shares|sector|names|futures|prices|leaders|markets)$", re.IGNORECASE
)
# A move without a number belongs to the name right before its verb; the gap may only be
# adverbs ("also climbed") or the noun the name modifies ("MSCI barometer of regional stocks")
_NULL_GAP = re.compile(
    r"^\s*(?:(?:also|all|both|each|shares|stock|have|has|had|was|were|then|further)\b\s*)*$"
    r"|^\s+[a-z][a-z\s-]{0,40}?\b(?:stocks|shares|index|gauge|barometer|benchmark|sector)\s+"
    r"(?:(?:was|were|has|have)\s+)?$",
    re.IGNORECASE,
)
_EARLIER_SESSION = re.compile(
    r"\b(?:yesterday|last (?:week|session|month)|(?:previous|prior) (?:session|day|week))$",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?$")
_BETWEEN_OK = re.compile(
    r"^[\s,]*(?:(?:all|also|both|each|shares|stock|respectively|have|has|had|was|were|"
    r"continued|continuing|to|its|their|intraday|price|saw|then)\b[\s,]*)*$",
    re.IGNORECASE,
)
_PERIOD_ON_PERIOD = re.compile(r"\s*(?:year|quarter|month)[- ]on[- ]|\s*(?:YoY|QoQ)", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"[,;]")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|that|a|an|featured|focusing|tracking)\b")
_POSSESSIVE_END = re.compile(r"(?:'s|’s)$")
_COMPANY_SUFFIX_END = re.compile(r"\b(?:Inc|Ltd|Corp|Co|Plc|Bhd|S\.A)\.$")
_BOTH = re.compile(r"\bboth\b")
_INDEX_WORD = re.compile(r"\bIndex\b")
_GROUP_WORD = re.compile(r"\b(?:sector|stocks|Index)\b")
_TICKER_END = re.compile(r"\(((?:[A-Z]+:\s?)?[A-Z0-9]{3,8}(?::[A-Z]{2})?)\)$")
_PARENTHESIS_END = re.compile(r"\s*\([^)]*\)$")
_COREF = re.compile(
    r"\b(?:the|its|their)\s+(?P<ref>stock|shares|company|firm|group|gauge|index|benchmark|"
    r"fund|ETF)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Anchor:
    start: int
    end: int
    direction: Direction
    pct: float | None
    qualifier: Qualifier
    in_table: bool = False  # "2020, 109.31%; 2021, -36.61%": one subject for every row


def extract_moves(text: str, start: int, end: int) -> list[Move]:
    """Moves stated in the sentence text[start:end]; spans are offsets into text."""
    sentence = text[start:end]
    moves: list[Move] = []
    previous: tuple[list[tuple[int, int, str]], int] | None = None
    for anchor in _anchors(sentence):
        if _is_hypothetical(sentence, anchor) or _is_fundamental(sentence, anchor):
            continue
        names = _names_before(sentence, anchor, previous)
        if names is None:
            names = _coreferent(text, start, sentence, anchor)
        if not names or (anchor.pct is None and not _names_next_to(sentence, names, anchor)):
            continue
        previous = (names, anchor.end)
        made = [_make_move(start, sentence, anchor, n, names[0][0]) for n in names]
        moves += [m for m in made if check_move(m, m.evidence) is None]
    return moves


def _anchors(sentence: str) -> list[_Anchor]:
    found: list[_Anchor] = []
    # The anchor patterns are lower case and searched in the lowercased sentence: as
    # re.IGNORECASE alternations they were most of the rules engine's time. Every numbered
    # pattern needs a percentage, and most sentences state none.
    lowered = _lower_keeping_offsets(sentence)
    states_a_percent = "%" in lowered or _PERCENT_WORD.search(lowered) is not None
    patterns = (_YEAR_PCT, _VERB_PCT, _LIMIT, _NOUN_LEAD, _NOUN_TRAIL, _PAREN_UP, _SIGNED_PCT)
    for pattern in patterns if states_a_percent else ():
        for match in pattern.finditer(lowered):
            if not _overlaps(found, match):
                found.append(_make_anchor(pattern, match))
    for pattern in (_NULL_VERB, _NULL_NOUN):
        for match in pattern.finditer(lowered):
            if not _overlaps(found, match):
                found.append(_null_anchor(match))
    ordered = sorted(found, key=lambda a: a.start)
    return [a for i, a in enumerate(ordered) if not _numbered_later(sentence, a, ordered[i + 1 :])]


def _lower_keeping_offsets(sentence: str) -> str:
    """The sentence in lower case, character for character ('İ' lowers to two characters)."""
    lowered = sentence.lower()
    if len(lowered) == len(sentence):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)


def _overlaps(found: list[_Anchor], match: re.Match[str]) -> bool:
    """An earlier pattern already claimed part of this text: its reading wins."""
    return any(a.start < match.end() and match.start() < a.end for a in found)


def _names_next_to(sentence: str, names: list[tuple[int, int, str]], anchor: _Anchor) -> bool:
    """'Ping An Securities notes that ... on advanced chip exports' states no move."""
    name_end = names[-1][1]
    if name_end < 0 or _EARLIER_SESSION.search(sentence[: anchor.start]):
        return True  # "retreated 1% following yesterday's gains": the same subject, a day earlier
    return bool(_NULL_GAP.match(sentence[name_end : anchor.start]))


def _null_anchor(match: re.Match[str]) -> _Anchor:
    words = match.group(0)
    direction: Direction = (
        "flat" if _FLAT_WORDS.search(words) else "down" if _DOWN_WORDS.search(words) else "up"
    )
    return _Anchor(match.start(), match.end(), direction, None, "exact")


def _numbered_later(sentence: str, anchor: _Anchor, later: list[_Anchor]) -> bool:
    """'surged in response with intraday gains reaching 3.78%': the number states the move."""
    if anchor.pct is not None or not later or later[0].pct is None:
        return False
    gap = sentence[anchor.end : later[0].start]
    names_between = any(_clean_name(m.group(0)) for m in _NAME.finditer(gap))
    return not _CLAUSE_BREAK.search(gap) and not names_between


def _make_anchor(pattern: re.Pattern[str], match: re.Match[str]) -> _Anchor:
    if pattern is _YEAR_PCT:
        return _signed_anchor(match, "exact", in_table=True)
    if pattern is _SIGNED_PCT:
        return _signed_anchor(match, "exact")
    return _word_anchor(match)


def _signed_anchor(
    match: re.Match[str], qualifier: Qualifier, *, in_table: bool = False
) -> _Anchor:
    down = (match.group("sign") or "+") in "-−"
    pct = _number(match.group("num"))
    direction: Direction = "down" if down else "up"
    return _Anchor(match.start(), match.end(), direction, pct, qualifier, in_table)


def _word_anchor(match: re.Match[str]) -> _Anchor:
    words = match.group(0)
    down = bool(_DOWN_WORDS.search(words)) or (match.group("sign") or "+") in "-−"
    qualifier = _qualifier(match.groupdict().get("qual"), words)
    pct = _number(match.group("num"))
    direction: Direction = "down" if down else "up"
    return _Anchor(match.start(), match.end(), direction, pct, qualifier)


def _qualifier(word: str | None, words: str) -> Qualifier:
    if "limit" in words.lower():
        return "limit"
    table: dict[str, Qualifier] = {
        "over": "over", "more than": "over", "above": "over", "exceeding": "over",
        "in excess of": "over", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
        "just under": "nearly", "about": "about", "around": "about", "approximately": "about",
        "roughly": "about", "up to": "up_to", "as much as": "up_to", "as high as": "up_to",
    }  # fmt: skip
    return table.get((word or "").lower(), "exact")


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _is_hypothetical(sentence: str, anchor: _Anchor) -> bool:
    clause = sentence[_clause_start(sentence, anchor.start) : anchor.start]
    return bool(_HYPOTHETICAL.search(clause[-60:]))


def _is_fundamental(sentence: str, anchor: _Anchor) -> bool:
    """'net profit of $371 million, up 22.5%': the thing that changed is not a price."""
    before = sentence[_clause_start(sentence, anchor.start) : anchor.start][-70:]
    after = sentence[anchor.end : anchor.end + 25]
    if _PERIOD_ON_PERIOD.match(after):
        after_is_growth = not _PRICE_WORDS.search(before)
        if after_is_growth:
            return True
    tail = _LIST_SEPARATOR.split(before)
    last = tail[-1] if tail[-1].strip() else (tail[-2] if len(tail) > 1 else "")
    near = before if len(last.strip()) < 3 else last
    return bool(_FUNDAMENTAL.search(near)) and not _PRICE_WORDS.search(near)


@functools.lru_cache(maxsize=1024)
def _clause_start(sentence: str, position: int) -> int:
    # cached: every test of one anchor asks where its clause starts (a tenth of the moves' time)
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, position)]
    return starts[-1] if starts else 0


def _names_before(
    sentence: str, anchor: _Anchor, previous: tuple[list[tuple[int, int, str]], int] | None
) -> list[tuple[int, int, str]] | None:
    """Instrument names that are the subject of the anchor, as (start, end, name)."""
    region_start = _clause_start(sentence, anchor.start)
    if previous is not None and previous[1] > region_start:
        region_start = previous[1]
    runs = _name_runs(sentence, region_start, anchor.start)
    if not runs and sentence[:region_start].rstrip().endswith(":"):
        # "Alibaba (NYSE:BABA) US pre-market surge: +6%": the subject precedes the colon
        runs = _name_runs(sentence, _clause_start(sentence, region_start - 2), region_start)
    if not runs:
        same_clause = previous is not None and previous[1] >= _clause_start(sentence, anchor.start)
        if previous is not None and (same_clause or anchor.in_table):
            return previous[0]
        return None
    return _trailing_list(sentence, runs, anchor)


def _name_runs(sentence: str, start: int, end: int) -> list[tuple[int, int, str]]:
    region = sentence[start:end]
    relative = _relative_clauses(region)
    runs = []
    for match in _NAME.finditer(region):
        name = _clean_name(match.group(0))
        if name and not any(a <= match.start() < b for a, b in relative):
            offset = match.end() - len(match.group(0)) + match.group(0).find(name)
            runs.append((start + offset, start + offset + len(name), name))
    return runs


def _relative_clauses(region: str) -> list[tuple[int, int]]:
    spans = []
    for match in _RELATIVE_CLAUSE.finditer(region):
        close = region.find(",", match.end())
        spans.append((match.start(), close if close >= 0 else len(region)))
    return spans


def _clean_name(raw: str) -> str:
    name = _LEADING_FILLERS.sub("", _LEADING_DATE.sub("", raw.strip()))
    name = _POSSESSIVE_END.sub("", name).strip(" ,-")
    if name.endswith(".") and not _COMPANY_SUFFIX_END.search(name):
        name = name.rstrip(".")
    if len(name) < 2 or _NOT_INSTRUMENTS.match(name) or _BARE_HEADS.match(name):
        return ""
    return name


def _trailing_list(
    sentence: str, runs: list[tuple[int, int, str]], anchor: _Anchor
) -> list[tuple[int, int, str]]:
    """The last name, plus the names joined to it by commas/'and' ('A, B, and C all rose')."""
    chosen = [runs[-1]]
    between = sentence[runs[-1][1] : anchor.start]
    wanted = 2 if _BOTH.search(between) else None
    for run in reversed(runs[:-1]):
        gap = sentence[run[1] : chosen[0][0]]
        if _LIST_JOIN.match(gap) or (wanted and len(chosen) < wanted):
            chosen.insert(0, run)
        else:
            break
    return chosen


def _coreferent(
    text: str, sentence_start: int, sentence: str, anchor: _Anchor
) -> list[tuple[int, int, str]] | None:
    """'The stock rose nearly 5%': the name the paragraph is about."""
    region = sentence[_clause_start(sentence, anchor.start) : anchor.start]
    ref = _COREF.search(region)
    if ref is None:
        return None
    wants_index = ref.group("ref").lower() in {"gauge", "index", "benchmark"}
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    for lo in (paragraph_start, text.rfind("\n", 0, max(paragraph_start - 1, 0)) + 1, 0):
        name = _paragraph_subject(text[lo:sentence_start], wants_index)
        if name:
            return [(-1, -1, name)]
    return None


def _paragraph_subject(passage: str, wants_index: bool) -> str | None:
    names = [_clean_name(m.group(0)) for m in _NAME.finditer(passage)]
    if wants_index:
        indexes = [n for n in names if _INDEX_WORD.search(n)]
        return indexes[-1] if indexes else None
    companies = [n for n in names if n and not _GROUP_WORD.search(n)]
    return companies[0] if companies else None


def _make_move(
    offset: int, sentence: str, anchor: _Anchor, name: tuple[int, int, str], first: int
) -> Move:
    instrument = name[2]
    # a table row's direction lives in its sign and the table's "gains and losses" wording
    begin = 0 if anchor.in_table else first if first >= 0 else _clause_start(sentence, anchor.start)
    evidence = sentence[begin : anchor.end].strip(" ,;")
    lead = len(sentence[begin : anchor.end]) - len(sentence[begin : anchor.end].lstrip(" ,;"))
    window = sentence[
        max(_clause_start(sentence, anchor.start), anchor.start - 30) : anchor.end + 30
    ]
    pct = anchor.pct if anchor.pct is None or anchor.direction == "up" else -anchor.pct
    return Move(
        instrument=_strip_ticker(instrument),
        ticker=_ticker(instrument),
        kind=_kind(instrument),
        direction=anchor.direction,
        change_pct=pct,
        qualifier=anchor.qualifier,
        session=_session(sentence[anchor.start : anchor.end], window),
        timeframe=_timeframe(
            sentence[anchor.start : anchor.end],
            sentence[max(0, anchor.start - 12) : anchor.end],
            window,
        ),
        evidence=evidence,
        span=(offset + begin + lead, offset + begin + lead + len(evidence)),
    )


def _ticker(name: str) -> str | None:
    match = _TICKER_END.search(name)
    return match.group(1).replace(" ", "") if match else None


def _strip_ticker(name: str) -> str:
    return _PARENTHESIS_END.sub("", name)


_KINDS: tuple[tuple[re.Pattern[str], InstrumentKind], ...] = (
    (re.compile(r"\betf\b|\bfund\b"), "etf"),
    (re.compile(r"\bindex\b|composite|chinext|gauge|barometer|\b(?:nasdaq|s&p)\b"), "index"),
    (re.compile(r"\bprices?\b|\bgold\b(?! (?:international|mining))|\boil\b"), "commodity"),
    (re.compile(r"\b(?:stocks|shares|sector|names)\b"), "sector"),
)
_CLOSE_WORDS = re.compile(r"clos|ending|ended|finish")
_HIGH_WORDS = re.compile(r"highs?\b|up to|as much as|as high as")
_INTRADAY_WORDS = re.compile(r"intraday|before clos")
_OPEN_WORDS = re.compile(r"early trading|at the open|opened")
_YEAR_ROW = re.compile(r"(?:19|20)\d{2}[,:]")
_PRIOR_SESSION = re.compile(r"yesterday|previous (?:session|day)|prior session")
_TIMEFRAMES: tuple[tuple[re.Pattern[str], Timeframe], ...] = (
    (re.compile(r"so far this year|year[- ]to[- ]date|this year"), "ytd"),
    (re.compile(r"this week|weekly|for the week|straight week"), "week"),
    (re.compile(r"consecutive|straight (?:sessions|days)|in a row|multi-day"), "multi_day"),
    (re.compile(r"\btoday\b|on the day|on \w+day\b"), "day"),
)


def _kind(name: str) -> InstrumentKind:
    lowered = name.lower()
    return next((kind for pattern, kind in _KINDS if pattern.search(lowered)), "stock")


def _session(anchor_text: str, window: str) -> Session:
    anchor_lower, window_lower = anchor_text.lower(), window.lower()
    if _CLOSE_WORDS.search(anchor_lower):
        return "close"
    if _HIGH_WORDS.search(anchor_lower):
        return "intraday_high"
    if "pre-market" in window_lower or "premarket" in window_lower:
        return "pre_market"
    if _INTRADAY_WORDS.search(window_lower):
        return "intraday"
    if _OPEN_WORDS.search(window_lower):
        return "open"
    return "unspecified"


def _timeframe(anchor_text: str, near_anchor: str, window: str) -> Timeframe:
    """near_anchor reaches a word back: "yesterday's gains" anchors on "'s gains"."""
    if _YEAR_ROW.match(anchor_text):
        return "year"
    if _PRIOR_SESSION.search(near_anchor.lower()):
        return "prior_session"
    lowered = window.lower()
    return next((frame for pattern, frame in _TIMEFRAMES if pattern.search(lowered)), "unspecified")
