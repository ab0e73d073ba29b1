"""Ground items in the source: find an evidence quote, check a move against what it says.

Pure functions. Matching is exact first, then tolerant of whitespace runs, typographic quotes and
dashes and width variants; never of case or wording: evidence is a quote.

A move is checked against the clause-level reading of its sentence (`summarizer.reading`): it is
refused on evidence of a mismatch (its number is not stated, is stated for another instrument, or
its direction contradicts what the text says of that number or instrument), never merely because
the reading cannot follow the phrasing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from summarizer import instruments
from summarizer.models import Move, Session, Span, Timeframe
from summarizer.reading import (
    WITHIN_A_SESSION,
    Fact,
    Mention,
    SentenceReading,
    currency_named,
    read_sentence,
    resolve,
    stated_numbers,
)
from summarizer.reading.clauses import find_cues
from summarizer.reading.lexicon import (
    DOWN_ARROWS,
    DOWN_VERB,
    DOWN_WORD,
    ENTITY_REFERENCES,
    FLAT,
    MONTH,
    TIMEFRAMES,
    UP_ARROWS,
    UP_VERB,
    UP_WORD,
)
from summarizer.reading.mentions import BARE_SHARES
from summarizer.reading.periods import WEEKDAYS, When, conflicts, when_named
from summarizer.sentences import split_sentences

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
_TRIM = " \t\n\r\u00a0.,;:!?\"'"

_SAME_NUMBER = 0.005


def _fold(text: str) -> tuple[str, list[int]]:
    """Text normalised for matching, and for each of its characters the source offset."""
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).translate(_FOLD)
        if folded.isspace() or not folded:
            if not in_space and chars:
                chars.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return "".join(chars), origin


@lru_cache(maxsize=64)
def _folded_source(source: str) -> tuple[str, tuple[int, ...]]:
    folded, origin = _fold(source)
    return folded, tuple(origin)


def locate_evidence(
    evidence: str, source: str, *, start: int = 0, end: int | None = None
) -> Span | None:
    """[start, end) of evidence in source: exact first, then normalised; None if absent."""
    stop = len(source) if end is None else min(end, len(source))
    if not evidence.strip():
        return None
    found = source.find(evidence, start, stop)
    if found >= 0:
        return found, found + len(evidence)
    needle, _ = _fold(evidence.strip(_TRIM))
    if not needle:
        return None
    haystack, origin = _folded_source(source)
    lo = _first_at_or_after(origin, start)
    position = haystack.find(needle, lo)
    while position >= 0:
        first, last = origin[position], origin[position + len(needle) - 1] + 1
        if last > stop:
            return None
        if first >= start:
            return first, last
        position = haystack.find(needle, position + 1)
    return None


def _first_at_or_after(origin: tuple[int, ...], offset: int) -> int:
    lo, hi = 0, len(origin)
    while lo < hi:
        mid = (lo + hi) // 2
        if origin[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def percents_in(text: str) -> list[float]:
    """Magnitudes of the percentages stated in text ("over 18%", "5.4 percent", "two per
    cent" -> 18, 5.4, 2)."""
    return stated_numbers(text)[0]


def check_move(
    move: Move, evidence: str, *, source: str | None = None, span: Span | None = None
) -> str | None:
    """None when the text supports the move, else the reason it does not.

    The evidence must state the move's number; the facts read from the evidence's sentences
    (of `source`, where `span` is the evidence) must not give that number to another
    instrument, nor a contradicting direction to the number or the instrument.
    """
    for value, unit in ((move.change_pct, "change_pct"), (move.change_bp, "change_bp")):
        if value is not None and (
            (value < 0 and move.direction == "up") or (value > 0 and move.direction == "down")
        ):
            return f"{unit} {value:g} contradicts direction '{move.direction}'"
    percents, points = _numbers_in(evidence)
    if move.change_pct is not None and not _among(move.change_pct, percents):
        listed = ", ".join(f"{p:g}%" for p in percents) or "no percentage"
        return (
            f"change_pct {move.change_pct:g} is not stated in the evidence (it states: {listed}); "
            "quote the words that state the number"
        )
    if move.change_bp is not None and not _among(move.change_bp, points):
        listed = ", ".join(f"{p:g} bp" for p in points) or "no basis points"
        return (
            f"change_bp {move.change_bp:g} is not stated in the evidence (it states: {listed}); "
            "quote the words that state the number"
        )
    if problem := _label_direction_problem(move):
        return problem
    move, read = _as_read(move, evidence, source, span)
    if move.change_pct is not None or move.change_bp is not None:
        return (
            _number_problem(move, read.facts, evidence)
            or _increment_problem(move, evidence)
            or _label_problem(move, read.facts, evidence)
            or _unread_direction_problem(move, read, evidence)
        )
    return _direction_only_problem(move, read, evidence)


def confirmed_by_quote(
    move: Move, evidence: str, *, source: str | None = None, span: Span | None = None
) -> bool:
    """Whether the reading of the quote gives the move's number and direction to its very
    instrument, named in the quoted words (not a reference named from a sentence before).

    A move check_move passes without this is one whose quote states its number and direction
    while the reading ties them to nothing it can compare: no contradiction, no confirmation.
    Measured with the stand-in model (`eval --oracle`), such moves were about a fifth of the
    correct answers kept, on the corpus and on a part the reading was never tuned on, and on
    that part most of the flipped and misattributed answers the gate let through.
    """
    move, read = _as_read(move, evidence, source, span)
    pct, bp = move.change_pct, move.change_bp
    numbered = pct is not None or bp is not None
    return any(
        fact.direction == move.direction
        and (not numbered or _states_number(fact, pct, bp))
        and _verdict(move, fact) == "same"
        for fact in read.facts
    )


def _as_read(
    move: Move, evidence: str, source: str | None, span: Span | None
) -> tuple[Move, _Read]:
    """The facts of the evidence's sentences, and the move as they are compared with: with the
    code the text declares for its name, without a contract month, seen from its quote currency."""
    read = _facts_of(evidence, source, span)
    move = _without_contract_month(_with_declared_code(move, source or evidence), evidence)
    return _seen_from_its_quote(move, read.facts), read


def _seen_from_its_quote(move: Move, facts: Sequence[Fact]) -> Move:
    """'USD/JPY' up 0.5% where the text says 'the yen weakened 0.5%': a pair rises as its quote
    currency falls, so the move is checked as the yen's, the other way. Where the text names
    the pair or its base currency, the move is checked as it is."""
    pair = instruments.identity(move.instrument)
    if pair is None or not pair.startswith("pair:") or move.direction not in _TURNED:
        return move
    base, _, quote = pair.removeprefix("pair:").partition("/")
    # each identity the facts name, with the first name it is named by
    named: dict[str | None, str] = {}
    for fact in facts:
        if fact.mention is not None:
            named.setdefault(instruments.identity(fact.mention.name), fact.mention.name)
    if f"currency:{quote}" not in named or named.keys() & {f"currency:{base}", pair}:
        return move
    turned = {
        # the pair's base is what the quote currency moved against: 'EUR/JPY' is the yen's
        # move against the euro
        "instrument": f"{named[f'currency:{quote}']} (vs {base})",
        "direction": _TURNED[move.direction],
        "change_pct": None if move.change_pct is None else -move.change_pct,
        "change_bp": None if move.change_bp is None else -move.change_bp,
    }
    return move.model_copy(update=turned)


_TURNED = {"up": "down", "down": "up"}


def _label_direction_problem(move: Move) -> str | None:
    """A name's label that names a move the other way: 'Solana (earlier drop)' up 37% gives the
    drop's name to the rebound. A label that says where a move was measured from ('after
    losses', 'from the peak') names no move of its own."""
    label = instruments.name_hints(move.instrument).lower()
    if not label or _MEASURED_FROM.search(label):
        return None
    if _UP_NOUN.search(label) and _DOWN_NOUN.search(label):
        return None  # "(October low to January high)": a span between two extremes
    for word, direction in ((_UP_NOUN, "up"), (_DOWN_NOUN, "down")):
        said = word.search(label)
        if said is not None and move.direction not in (direction, "flat"):
            return (
                f"the name's label '{said[0]}' is a move {direction}, and the move is "
                f"{move.direction}: name the move the number is of"
            )
    return None


# the nouns of a move that a label may name it by ("fall" may be the autumn)
_UP_NOUN = re.compile(
    r"\b(?:rall(?:y|ies)|surges?|rebounds?|recovery|jumps?|climbs?|advances?|gains|highs?)\b"
)
_DOWN_NOUN = re.compile(
    r"\b(?:dips?|drops?|declines?|slumps?|sell-?offs?|slides?|plunges?|losses|retreats?|lows?)\b"
)
# "(after losses)", "(from the peak)": where a move was measured from; "(pared gains)": what it
# undid
_MEASURED_FROM = re.compile(
    r"\b(?:after|despite|from|since|off|before|following|amid|pared|paring|erased|erasing|"
    r"trimmed|trimming|gave up|giving up|reversed|reversing|lost|losing|wiped|wiping)\b"
)


def _without_contract_month(move: Move, evidence: str) -> Move:
    """The move without a month in its name's parentheses that the quote gives as its
    contract's ('ICE NY cocoa (Mar)' for 'Mar ICE NY cocoa (CCH21) on Friday closed up'): a
    contract month is no period of the move. A month the quote puts after 'in', 'for' or
    'since' ('rising 2% in December') stays the period the name claims."""
    claimed = _when_claimed(move)
    if claimed is None or claimed.unit != "month" or claimed.which not in _MONTHS:
        return move  # "(month to date)" names this month, no contract
    lowered = evidence.lower()
    said = list(re.finditer(rf"\b{claimed.which}[a-z]*\b\.?", lowered))
    if not said or any(_PERIOD_PREPOSITION.search(lowered, 0, m.start()) for m in said):
        return move
    name = _HINT.sub(lambda hint: _without_a_month(hint[0]), move.instrument)
    return move.model_copy(update={"instrument": name.strip()})


def _without_a_month(hint: str) -> str:
    """A name's parenthesis without the parts that name a month: '(Mar)' and '(Dec 21)' go,
    '(September, most-traded)' keeps '(most-traded)'."""
    parts = [p.strip() for p in hint.strip(" ()").split(",")]
    kept = [p for p in parts if not _names_month(p)]
    if len(kept) == len(parts):
        return hint
    return f" ({', '.join(kept)})" if kept else ""


def _names_month(words: str) -> bool:
    """Whether the words name nothing but a month ('Mar', 'Dec 21')."""
    when = when_named(words.lower(), bare=True)
    return when is not None and when.unit == "month"


_PERIOD_PREPOSITION = re.compile(
    r"\b(?:in|for|during|throughout|over|since|of|until|through|by|from|to)\s+(?:early |late |"
    r"mid-?)?$"
)
_HINT = re.compile(r"\s*\([^)]*\)")


def _increment_problem(move: Move, evidence: str) -> str | None:
    """'Banco Popular shed another 17%' and 'the dollar fell a further 0.3%' state the latest
    move, on top of earlier sessions' the text does not number: a move naming those earlier
    sessions ('Banco Popular (prior sessions)') has no such number."""
    value = move.change_pct
    if value is None or not _claims_earlier_sessions(move):
        return None
    for said in _AN_INCREMENT.finditer(evidence):
        if _among(value, (float(said[1].replace(",", ".")),)):
            return (
                f"{value:g}% is the latest move ('{said[0]}'), not that of the earlier "
                "sessions it adds to"
            )
    return None


def _claims_earlier_sessions(move: Move) -> bool:
    """'(prior sessions)', '(previous two sessions)': not one earlier session, which 'fell a
    further 3% in the previous session' may number."""
    label = " ".join(_label_words(move))
    return timeframe_claimed(move) == "multi_day" and bool(_EARLIER.search(label))


_AN_INCREMENT = re.compile(
    r"\b(?:another|further|additional|extra)\s+(?:(?:about|around|nearly|almost|roughly|some)"
    r"\s+)?(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent\b|percent\b)"
)
_EARLIER = re.compile(r"\b(?:prior|previous|earlier|preceding)\b")


def _label_problem(move: Move, facts: Sequence[Fact], evidence: str) -> str | None:
    """A name's label the text says of another number of the instrument: 'Bitcoin fell 17.16
    percent during the downturn, but has since recovered 7.28 percent' gives 'during the
    downturn' to 17.16 %, so 'Bitcoin (during the downturn)' at 7.28 % is refused. Each word of
    the label the quote holds must stand nearer that number than any other of the instrument's."""
    label = _name_label(move)
    if label.startswith(("vs", "against", "versus")):
        return None  # the quote currency: checked with the number's own "against"
    words = [w for w in _LABEL_WORD.findall(label) if w not in _LABEL_FILLERS]
    if not words:
        return None
    pct, bp = move.change_pct, move.change_bp
    ours = [f for f in facts if _states_number(f, pct, bp)]
    others = [
        f
        for f in facts
        if f not in ours and (f.pct is not None or f.bp is not None) and _verdict(move, f) == "same"
    ]
    if not ours or not others:
        return None
    lowered = evidence.lower()
    found = [(m.start(), m.end(), _number_value(m.group())) for m in _A_NUMBER.finditer(lowered)]
    mine = [(a, b) for a, b, v in found if _states_number_value(v, pct, bp)]
    theirs = [
        (a, b) for a, b, v in found if any(_states_number_value(v, f.pct, f.bp) for f in others)
    ]
    hits = [m.start() for w in words for m in re.finditer(rf"\b{re.escape(w[:5])}", lowered)]
    if not mine or not theirs or not hits:
        return None
    if all(_distance(h, theirs) < _distance(h, mine) for h in hits):
        return (
            f"'{label}' is what the text says of another number of '{move.instrument}' "
            f"({_said(others)}), not of {_number_said(pct, bp)}"
        )
    return None


_LABEL_WORD = re.compile(r"[a-z]{4,}")
# words of a label that say nothing of which number it is ("vs euro", "from the peak")
_LABEL_FILLERS = frozenset(
    "with from than that this into over after before during since against versus also "  # noqa: SIM905
    "shares stock stocks index futures contract price prices "
    # which contract: "(July, benchmark)", "(most-traded)", "(front month)"
    "benchmark most traded active actively front nearby deferred spot cash "
    # periods, sessions and quote currencies have checks of their own
    "week weeks weekly month months monthly year years yearly quarter daily today yesterday "
    "session sessions intraday close open high highs lows euro dollar pound sterling franc "
    "rupee yuan".split()
)
_A_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _number_value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _states_number_value(value: float | None, pct: float | None, bp: float | None) -> bool:
    return value is not None and any(x is not None and _among(x, (value,)) for x in (pct, bp))


def _number_said(pct: float | None, bp: float | None) -> str:
    """A move's number as a reason names it: '2.3%', '6 bp'."""
    return f"{abs(pct):g}%" if pct is not None else f"{abs(bp or 0):g} bp"


def _distance(position: int, spans: Sequence[tuple[int, int]]) -> int:
    return min(
        0 if a <= position < b else min(abs(position - a), abs(position - b)) for a, b in spans
    )


def when_stated(
    move: Move, evidence: str, *, source: str | None = None, span: Span | None = None
) -> dict[str, str]:
    """The period or session of a move whose fields name neither: what its own words claim
    (its `period`, its name's parentheses), else what the text gives it: for a number, the
    period its quoted words name ('gained 2.3% for the week', 'rising over 6% intraday'); for a
    direction, where the text gives the same instrument a day's move beside it ('fell on
    Tuesday, erasing Monday's gains': the rise is Monday's). As fields to set ({"timeframe":
    "week"}); empty when there is nothing to say. A digest line without them would read as the
    day's move. (A quote that holds the day's number beside another period's is refused before
    this, the model asked to name the period: check_move.)"""
    if move.timeframe != "unspecified" or move.session != "unspecified":
        return {}
    if (named := _named_in_words(move)) is not None:
        return named
    move = _with_declared_code(move, source or evidence)
    pct, bp = move.change_pct, move.change_bp
    facts = _facts_of(evidence, source, span).facts
    same = [f for f in facts if _verdict(move, f) == "same"]
    if pct is None and bp is None:
        stating = [
            f for f in facts if f.direction == move.direction and _verdict(move, f) != "different"
        ]
        if any(f not in same for f in stating):
            return {}
        # a direction is another period's only beside the day's own move the other way
        day = [
            f
            for f in same
            if f.timeframe in ("unspecified", "day")
            and f.session in ("unspecified", "close")
            and not f.forecast
            and f not in stating
            and f.direction != move.direction
        ]
        if not day:
            return {}
    else:
        # a number whose own words name its period is labelled so, beside the day's or alone
        stating = [f for f in same if f.direction == move.direction and _states_number(f, pct, bp)]
    if not stating:
        return {}
    periods = {f.timeframe for f in stating}
    if len(periods) == 1 and periods <= _LONGER_THAN_A_DAY:
        return {"timeframe": periods.pop()}
    sessions = {f.session for f in stating}
    if len(sessions) == 1 and sessions <= WITHIN_A_SESSION and periods <= {"unspecified", "day"}:
        return {"session": sessions.pop()}
    return {}


def _named_in_words(move: Move) -> dict[str, str] | None:
    """The fields a move's own words name ('this week' as its period, '(intraday high)' in its
    name): the model says a period in words, not in the fields (llm_schema). Empty where the
    words claim a session but not which ('(early)': the open or the morning); None where they
    claim nothing."""
    frame, sessions = timeframe_claimed(move), session_claimed(move)
    if frame == "unspecified" and sessions is None:
        return None
    named: dict[str, str] = {} if frame == "unspecified" else {"timeframe": frame}
    if sessions is not None and sessions[0] in _A_SESSION_NAMED:
        named["session"] = sessions[0]
    return named


# a session the words of a claim name on their own ("early" may be the open or the morning)
_A_SESSION_NAMED = frozenset({"close", "intraday", "intraday_high"})


def qualifier_stated(
    move: Move, evidence: str, *, source: str | None = None, span: Span | None = None
) -> dict[str, str]:
    """The qualifier the text gives the move's number ('as much as 3%', 'nearly 18%'), as a
    field to set; empty where the move has one or the text gives none. The model is not asked
    for it (llm_schema): the number's own words say it."""
    pct, bp = move.change_pct, move.change_bp
    if move.qualifier != "exact" or (pct is None and bp is None):
        return {}
    move = _with_declared_code(move, source or evidence)
    qualifiers = {
        f.qualifier
        for f in _facts_of(evidence, source, span).facts
        if f.direction == move.direction
        and _states_number(f, pct, bp)
        and _verdict(move, f) != "different"
    }
    if len(qualifiers) == 1 and (qualifier := qualifiers.pop()) != "exact":
        return {"qualifier": qualifier}
    return {}


_LONGER_THAN_A_DAY: frozenset[Timeframe] = frozenset(
    {"week", "month", "quarter", "year", "ytd", "multi_day", "prior_session"}
)


@lru_cache(maxsize=256)
def _numbers_in(evidence: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The evidence's percentages and basis points (checked at validation and again at merge)."""
    percents, points = stated_numbers(evidence)
    return tuple(percents), tuple(points)


def _states_number(fact: Fact, pct: float | None, bp: float | None) -> bool:
    """Whether the fact's percent or basis points are the move's (signs aside)."""
    return (pct is not None and fact.pct is not None and _among(pct, (fact.pct,))) or (
        bp is not None and fact.bp is not None and _among(bp, (fact.bp,))
    )


def _among(value: float, stated: Sequence[float]) -> bool:
    return any(abs(abs(value) - s) <= _SAME_NUMBER for s in stated)


@lru_cache(maxsize=256)
def _facts_of(evidence: str, source: str | None, span: Span | None) -> _Read:
    """The facts of the sentences the evidence is in (read with the sentences before them, to
    name references), restricted to those the evidence quotes, and the directions of the move
    words no fact took up."""
    if source is None or span is None:
        source, span = evidence, (0, len(evidence))
    paragraph, stop = _paragraph_around(source, span)
    sentences = [s for s in _sentences(source, paragraph, stop) if s[0] < span[1]]
    sentences = sentences[-_CONTEXT - 1 :]
    readings = _resolved(source, tuple(sentences))
    codes = frozenset(code for _, code in _declared_codes(source))
    facts: list[Fact] = []
    loose: set[str] = set()
    for (start, end), reading in zip(sentences, readings, strict=True):
        if end <= span[0]:
            continue
        quoted = [
            _with_code_as_ticker(f, codes)
            for f in reading.facts
            if start + f.end > span[0] and start + f.start < span[1]
        ]
        facts += quoted
        taken = [f.predicate for f in reading.facts]
        for cue_start, cue_end, direction in reading.cues:
            inside = span[0] <= start + cue_start and start + cue_end <= span[1]
            if inside and not any(a <= cue_start and cue_end <= b for a, b in taken):
                loose.add(direction)
    earlier = [(start, end) for start, end in sentences if end <= span[0]]
    quoting = tuple((start, end) for start, end in sentences if end > span[0])
    return _Read(tuple(facts), frozenset(loose), source, paragraph, tuple(earlier), quoting)


def _last_sentence_before(source: str, start: int) -> str:
    """The last sentence of the paragraph before the one that begins at start: a list's
    heading is often a paragraph of its own."""
    previous = source[max(0, start - _AROUND) : start].strip()
    found = split_sentences(previous, 0, len(previous))
    return previous[found[-1][0] : found[-1][1]] if found else ""


def _paragraph_around(source: str, span: Span) -> Span:
    """The lines of the evidence, with the lines before it that its first sentence began on
    and the lines after that its last sentence runs on to, within its paragraph (a blank line
    ends one): 'Amgen\n(\nAMGN |\n...)\nlost 11.9%,\nBiogen ... 6.4%' is one sentence."""
    start = source.rfind("\n", 0, span[0]) + 1
    while start > 0 and span[0] - start < _AROUND:
        previous = source.rfind("\n", 0, start - 1) + 1
        line = source[previous : start - 1].rstrip()
        if not line or _ENDS_SENTENCE.search(line):
            break
        start = previous
    stop = source.find("\n", span[1])
    while stop >= 0 and stop - span[1] < _AROUND:
        line = source[source.rfind("\n", 0, stop) + 1 : stop].rstrip()
        following = source.find("\n", stop + 1)
        following = len(source) if following < 0 else following
        if _ENDS_SENTENCE.search(line) or not source[stop + 1 : following].strip():
            break
        stop = following if following < len(source) else -1
    return start, len(source) if stop < 0 else stop


_AROUND = 400  # characters at most before and after the evidence
_ENDS_SENTENCE = re.compile(r"[.!?。！？:;][\"”’)]?$")


# the moves of one sentence share its paragraph's split and its reading
@lru_cache(maxsize=64)
def _sentences(source: str, start: int, stop: int) -> tuple[tuple[int, int], ...]:
    return tuple(split_sentences(source, start, stop))


@lru_cache(maxsize=256)
def _resolved(source: str, sentences: tuple[tuple[int, int], ...]) -> tuple[SentenceReading, ...]:
    return tuple(resolve([read_sentence(source[s:e]) for s, e in sentences]))


def _with_declared_code(move: Move, source: str) -> Move:
    """The move with the code the text gives its name ('the Market Vectors Gold Miners ETF
    (NYSEArca: GDX)'), so that 'GDX gained 5.8%' later is known to be the same fund."""
    if move.ticker is not None:
        return move
    for name, code in _declared_codes(source):
        if instruments.compare(move.instrument, name) == "same":
            return move.model_copy(update={"ticker": code})
    return move


def _with_code_as_ticker(fact: Fact, codes: frozenset[str]) -> Fact:
    """A fact whose subject is a code the text declared ('GDX') carries it as its ticker."""
    mention = fact.mention
    if mention is None or mention.ticker is not None or mention.name not in codes:
        return fact
    return replace(fact, mention=replace(mention, ticker=mention.name))


@lru_cache(maxsize=64)
def _declared_codes(source: str) -> tuple[tuple[str, str], ...]:
    """(name, code) for each 'Name (EXCHANGE: CODE)' or 'Name (CODE)' of the text."""
    found = []
    for match in _CODE_IN_PARENTHESES.finditer(source):
        named = _NAME_BEFORE.search(source, max(0, match.start() - 80), match.start())
        if named is None:
            continue
        name, code = instruments.split_ticker(named.group(0) + match.group(0))
        if code is not None and name:
            found.append((name, code.split(":")[-1]))
    return tuple(found)


_CODE_IN_PARENTHESES = re.compile(r"\((?:[A-Za-z]+:\s?)?[A-Z]{2,6}\)")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.'’-]*\s+){0,6}[A-Z][\w&.'’-]*\s*$")


@dataclass(frozen=True)
class _Read:
    facts: tuple[Fact, ...]  # shared by every caller (cached): never changed
    loose_directions: frozenset[str]  # stated by a move word the reading bound to no fact
    source: str = ""
    paragraph_start: int = 0
    sentences_before: tuple[Span, ...] = ()  # the evidence's paragraph's, read with it
    sentences_of: tuple[Span, ...] = ()  # the sentences the evidence is in

    @property
    def around(self) -> str:
        """The sentences the evidence is in, whole."""
        return " ".join(self.source[start:end] for start, end in self.sentences_of)

    @property
    def before(self) -> str:
        """The sentence before the evidence's: in its paragraph the nearest that states a
        direction (a list's heading: "On the gainers' chart, A led by 10 per cent. B at 10 per
        cent. C at 9.96 per cent"), else the paragraph before's last (read only when a
        direction is looked for there, which is seldom)."""
        for start, end in reversed(self.sentences_before):
            sentence = self.source[start:end]
            lowered = sentence.lower()
            if _states("up", lowered) or _states("down", lowered):
                return sentence
        items = [self.source[start:end] for start, end in self.sentences_before]
        if items and not all(_A_LIST_ITEM.fullmatch(item) for item in items):
            return items[-1]
        # the first items of a list under a heading of its own ("Top gainers" / "Orvane (5.1%)"
        # / "Kestrel (3.2%)"): the heading is the paragraph before's last sentence
        return _last_sentence_before(self.source, self.paragraph_start)


_CONTEXT = 2  # sentences before the evidence read to name its references
# a line of a list: a short line with a percentage and no full sentence ("Orvane (5.1%)")
_A_LIST_ITEM = re.compile(r"(?:[^.!?]|\.(?=\d)){0,80}\d\s?%(?:[^.!?]|\.(?=\d)){0,20}")


def _verdict(move: Move, fact: Fact) -> str:
    if fact.mention is not None and _a_company_called(
        fact.mention.reference or fact.named_as, move
    ):
        return "different"  # "the stock gained 23.4%" is no move of the 'US stock market'
    if fact.mention is None or fact.mention.reference is not None or fact.resolved:
        return "unknown"  # "the stock" named from a sentence before is a guess, not evidence
    verdict = instruments.compare(
        move.instrument, fact.mention.name, ticker_a=move.ticker, ticker_b=fact.mention.ticker
    )
    if verdict == "unknown" and _the_places_market(move.instrument, fact.mention.name):
        return "same"  # "Milan (-0.86%) or Frankfurt (-0.65%)": Frankfurt is 'Frankfurt stocks'
    if verdict == "unknown" and _one_places_market(move.instrument, fact.mention.name):
        return "same"  # "Hong Kong markets ended in the green": the 'Hong Kong stock market'
    return verdict


def _a_company_called(reference: str | None, move: Move) -> bool:
    """Whether the words 'the stock', 'the shares', 'the carmaker' refer to a company, where
    the move's instrument is an index, currency, commodity or yield."""
    return (
        reference is not None
        and reference in _COMPANY_WORDS
        and instruments.kind_of(move.instrument) in ("index", "currency", "commodity", "bond")
    )


# not "group": a mention of several names at once ("all three major averages") is one too
_COMPANY_WORDS = (ENTITY_REFERENCES - {"group"}) | {"stock", "shares", "share price", "adr", "adrs"}


def _one_places_market(name: str, other: str) -> bool:
    """Whether both names are a whole market ('Hong Kong stock market', 'Hong Kong markets')
    of the same place."""
    bare = _HINT.sub("", name)
    places = instruments.places_in(bare)
    return (
        bool(places)
        and instruments.is_market(bare)
        and instruments.is_market(other)
        and places == instruments.places_in(other)
    )


def _outnamed(move: Move, fact: Fact, facts: Sequence[Fact]) -> bool:
    """Whether the quote gives another instrument a name more like the move's than the fact's,
    both fitting it: in 'the JSE Main Market Index rose 0.7% while the Junior Market Index rose
    0.36%', the 'JSE Junior Market Index' is the second."""
    mention = fact.mention
    if mention is None or _verdict(move, fact) != "same":
        return False
    mine = instruments.likeness(move.instrument, mention.name)
    return any(
        other.mention is not None
        and other.mention.name != mention.name
        and _verdict(move, other) == "same"
        and instruments.likeness(move.instrument, other.mention.name) > mine
        for other in facts
    )


def _the_places_market(name: str, place: str) -> bool:
    """Whether the name is a place's market ('Frankfurt stocks (DAX)') and the place is that
    one: the text's 'Frankfurt' then is it. (A company named after a place is no market.)"""
    bare = _HINT.sub("", name)
    return (
        instruments.is_place(place)
        and instruments.is_descriptive(bare)
        and re.match(rf"(?:the\s+)?{re.escape(place)}\b", bare, re.IGNORECASE) is not None
    )


def _number_problem(move: Move, facts: Sequence[Fact], evidence: str) -> str | None:
    """The move's number as the reading binds it: to this instrument, in this direction?"""
    pct, bp = move.change_pct, move.change_bp
    stating = [f for f in facts if _states_number(f, pct, bp)]
    number = _number_said(pct, bp)
    own = [f for f in facts if f.has_number and _verdict(move, f) == "same"]
    unnamed = all(f.mention is None for f in stating)
    if (unnamed or all(_verdict(move, f) == "unknown" for f in stating)) and (
        problem := _another_number_after_the_name(move, evidence, whole_name=unnamed)
    ):
        return problem
    if not stating:
        # the reading bound this number to nothing: a mismatch only if it gives this
        # instrument a number of its own ("Spot ore with 62 percent content has lost 20
        # percent" is not a 62 % move), or one of the period the move claims ("down about
        # 0.1% this week, keeping monthly gains below 1.5%" has no weekly 1.5%)
        if own and all(_number_of(f) is not None for f in own):
            return f"{number} is not stated as a move of '{move.instrument}': {_said(own)}"
        frame = timeframe_claimed(move)
        framed = [] if frame == "unspecified" else _framed(move, frame, facts)
        if any(f.has_number for f in framed):
            period = frame.replace("_", " ")
            return f"{number} is not the text's {period} move: {_said(framed)}"
        return None
    if all(not f.price for f in stating):
        return (
            f"{number} is a company or economic figure in the text (revenue, profit, output), "
            "not a price move"
        )
    ours = [
        f for f in stating if _verdict(move, f) != "different" and not _outnamed(move, f, facts)
    ]
    if not ours and not own and _a_listed_member(move, stating):
        return None  # "Several stocks rose 10 percent, including A and B": A's number, too
    if not ours and _named_just_before(move, evidence) and not _listed_in_order(stating, facts):
        # the move's own name is the last one before its number: the reading's other owner is
        # its mistake ("A (+4.21%) pushed the B index up by 13.82 points (+0.74%)"), so the
        # number is read as said of no one in particular, its labels kept
        ours = [replace(f, mention=None) for f in stating]
    if not ours:
        owners = _names(f.mention for f in stating)
        return (
            f"{number} is stated for {owners}, not for '{move.instrument}'; report each number "
            "for the instrument the text gives it to"
        )
    if (
        own
        and not any(f in own for f in ours)
        and all(_verdict(move, f) == "unknown" for f in ours)
        and not _of_the_claimed_period(move, ours, own)
    ):
        return f"{number} is not stated for '{move.instrument}': {_said(own)}"
    if _named_apart(move, ours, facts):
        owners = _names(f.mention for f in ours)
        return (
            f"{number} is stated for {owners}, which the text names apart from "
            f"'{move.instrument}'; report each number for the instrument the text gives it to"
        )
    if problem := (
        _named_period_problem(move, number, ours, facts)
        or _another_periods_number(move, number, ours, facts, evidence)
    ):
        return problem
    session = session_claimed(move)
    alike = [f for f in ours if f.direction == move.direction]
    if _claims_no_period(move) and alike and all(f.session in WITHIN_A_SESSION for f in alike):
        # "fell 0.1 percent at 3:02 p.m.; the gauge rose as much as 0.1 percent": the day's
        # 0.1% is a fall, and the rise was within the session
        days = [f for f in ours if f.direction != move.direction and _is_the_days(f)]
        if days:
            within = alike[0].session.replace("_", " ")
            return (
                f"{number} is the text's {within} move, not the day's ({_said(days)}); a move "
                "within a session needs the session named in `period`"
            )
    if session is not None and alike:
        if all(f.session not in ("unspecified", *session) for f in alike):
            stated, claimed = alike[0].session.replace("_", " "), session[0].replace("_", " ")
            return f"{number} is the text's {stated} move, not a {claimed} one"
        # "fell as much as 0.9 percent ... before trading 0.3 percent weaker", "erasing early
        # losses to rise 0.4%": where the text marks another move as the session's, an
        # unmarked number is not
        # the text's subject for the number, even where a place names it ("Hong Kong slumped
        # 1.90 percent ... after losing 2.31 percent during intraday trade")
        subjects = {f.mention for f in alike if f.mention is not None}
        marked = [
            f
            for f in facts
            if f.session in session and (_verdict(move, f) == "same" or f.mention in subjects)
        ]
        if marked and not any(f in marked for f in alike):
            return (
                f"{number} is not the text's {session[0].replace('_', ' ')} move: {_said(marked)}"
            )
    counter = _counter_claimed(move)
    if counter is not None and alike and all(f.against not in (None, counter) for f in alike):
        stated = (alike[0].against or "").removeprefix("currency:")
        return (
            f"{number} is the text's move against {stated}, not against "
            f"{counter.removeprefix('currency:')}"
        )
    frame = timeframe_claimed(move)
    if frame != "unspecified":
        framed = _framed(move, frame, facts) or _framed_unnamed(move, frame, ours, facts)
        also = _also_said_as(move, frame)
        if all(_period_of(f, frame) not in (frame, "unspecified", *also) for f in ours) or (
            framed and not any(f in framed for f in ours)
        ):
            period = frame.replace("_", " ")
            return f"{number} is not the text's {period} move: {_said(framed or ours)}"
        # "(previous session)" is a claim the text must make: 'rose 1.31% for the second day
        # in a row' is today's 1.31%; a streak of sessions includes the one before
        if frame == "prior_session" and not any(
            f.timeframe in ("prior_session", "multi_day")
            or (f.when is not None and f.when.unit == "day")
            for f in ours
        ):
            return f"{number} is not said of the session before: {_said(ours)}"
    if any(f.direction == move.direction for f in ours):
        if all(f.forecast for f in ours if f.direction == move.direction):
            return f"{number} is a forecast or target in the text, not a realised move"
        return None
    said = ours[0]
    return (
        f"direction '{move.direction}' contradicts the text, which gives {number} as "
        f"'{said.direction}'"
    )


def _a_listed_member(move: Move, stating: Sequence[Fact]) -> bool:
    """Whether the number is a group's ('Several mid-cap stocks posted the maximum daily
    increase of 10 percent') and the move's instrument is listed as one of the group's
    ('..., including Daar Communications and May and Baker'): no evidence of a mismatch."""
    if not all(f.mention is not None and f.mention.descriptive for f in stating):
        return False
    text = move.evidence.lower()
    at = text.find(_HINT.sub("", move.instrument).strip().lower())
    if at < 0:
        return False
    listed = [m.end() for m in _INCLUDING.finditer(text, 0, at)]
    return bool(listed) and not _SENTENCE_BREAK.search(text, listed[-1], at)


_INCLUDING = re.compile(r"\b(?:including|such as|among them|notably|like)\b")
_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\b(?:while|whereas|but)\b")


def _named_apart(move: Move, ours: Sequence[Fact], facts: Sequence[Fact]) -> bool:
    """Whether every statement of the number is another name's, in a sentence that says what
    the move's instrument did in a clause of its own: "Stanbic Bank gained the most during the
    week, followed by NCBA (6.69 percent) and Equity Holdings (2.94 percent)" gives 2.94% to
    Equity Holdings, whatever the two companies' names could be aliases of."""
    own = [f for f in facts if _verdict(move, f) == "same"]
    if not own or any(f in own for f in ours):
        return False
    mine = {f.mention for f in own}
    return all(
        f.mention is not None
        and f.mention not in mine
        and f.mention.reference is None
        and not f.resolved
        and _verdict(move, f) == "unknown"
        for f in ours
    ) and not _of_the_claimed_period(move, ours, own)


# "(five sessions)" claims what the text may call its week ("in the last five sessions"), and
# "(24 hours)" what a market that never closes calls its previous day
_FIVE_SESSIONS = re.compile(r"\b(?:five|5)[- ](?:trading )?(?:sessions?|days?)\b")
_24_HOURS = re.compile(r"\b24[- ]hours?\b")


def _also_said_as(move: Move, frame: str) -> tuple[str, ...]:
    """The text's other periods for the one the move claims in so many words."""
    said = _label_words(move)
    if frame == "multi_day" and any(_FIVE_SESSIONS.search(words) for words in said):
        return ("week",)
    if frame == "day" and any(_24_HOURS.search(words) for words in said):
        return ("prior_session",)
    if frame == "year":
        # "on track to end the year with an annual gain of about 76%": the year's move so far
        # is the year's move the text tells
        return ("ytd",)
    return ()


def _framed(move: Move, frame: str, facts: Sequence[Fact]) -> list[Fact]:
    """What the sentence says the instrument did over the period the move claims: its numbers
    marked with that period, named as the move is or left unnamed ("advanced 1 percent to end
    the day at 4,209.9 points, a 7.6 percent increase from year-end" gives the year 7.6%), and
    a move of that period in the other direction ("fell 3% ..., retreating after eight straight
    sessions of gains" has no eight-session fall of 3%)."""
    return [
        f
        for f in facts
        if f.timeframe == frame
        and f.price  # "the week's average daily turnover increased by 11.49%" is no price's
        and (f.direction != move.direction or f.has_number)
        and (
            _verdict(move, f) == "same"
            or (f.has_number and (f.mention is None or f.mention.reference is not None))
        )
    ]


def _framed_unnamed(
    move: Move, frame: str, ours: Sequence[Fact], facts: Sequence[Fact]
) -> list[Fact]:
    """Where the sentence names no subject for the number, a move of the claimed period it
    states for the same unnamed subject, the other way or with a number: "Stocks snapped an
    eight-day losing streak to rise 1%" gives the eight days a fall, so '(previous eight
    sessions)' is not 1%."""
    if any(f.mention is not None and not f.resolved for f in ours):
        return []
    subjects = {f.mention for f in ours}
    return [
        f
        for f in facts
        if f.mention in subjects
        and f.timeframe == frame
        and (f.direction != move.direction or f.has_number)
    ]


def _named_period_problem(
    move: Move, number: str, ours: Sequence[Fact], facts: Sequence[Fact]
) -> str | None:
    """The number as the text dates it, where the move names a period ('Gold (December)', or
    in its `period`): 'Bullion is up 16% this month after rising 2% in December' gives 16% to
    this month, so 'Gold (December)' at 16% is refused; 'Gold (week)' at 16% too, a month
    being no week."""
    claimed = _when_claimed(move)
    if claimed is None:
        return None  # a name without a period claims none: no contradiction to find
    subjects = {f.mention for f in ours if f.mention is not None}
    # the instrument's other facts: named as the move is, or with the subject of the number
    # ("It was the top gainer last year rising 18.4 percent but is down 3.8 percent this year")
    # ... or unnamed ("After closing in red on Friday, in New York, the Dow Jones advanced")
    its = [
        f
        for f in facts
        if f not in ours
        and f.price  # "the week's average daily turnover increased by 11.49%" is no price's
        and (_verdict(move, f) == "same" or f.mention in subjects or f.mention is None)
    ]
    if all(f.when is not None and conflicts(f.when, claimed) for f in ours):
        return f"{number} is the text's move {_words(ours[0].when)}, not {_words(claimed)}"
    # the text dates the claimed period's move in words of its own, and not this number: "gas
    # jumped again overnight, rising 14% after spiking yesterday" gives yesterday no 14%, nor
    # "After closing in red on Friday, the Dow Jones advanced 0.31%" Friday (but "had the
    # largest decline on Friday, dropping 5.7%" says how much it fell that day)
    said_until = max(f.end for f in ours)
    dated = [
        f
        for f in its
        if f.when == claimed
        and (f.has_number or f.direction != move.direction or f.end > said_until)
    ]
    if dated and not any(f.when == claimed for f in ours):
        return f"{number} is not the text's move {_words(claimed)}: {_said(dated)}"
    return None


def _another_periods_number(
    move: Move, number: str, ours: Sequence[Fact], facts: Sequence[Fact], evidence: str
) -> str | None:
    """A move that names no period is the day's. 'BUX finished down 0.90% after gaining 1.85%
    on Wednesday' and 'rose 0.55% on Friday, gaining 4.85% this week' give 1.85% to Wednesday
    and 4.85% to the week, so 'BUX up 1.85%' and 'Shanghai Composite up 4.85%' are refused
    where the text gives the instrument a day's number beside them, whichever is told first. A
    longer period's number is refused only where the quote holds the day's number too: a quote
    of its own words ('gaining 4.85% this week') says which it is, and merge names its period
    (when_stated), as it does where the text gives no day's number. A part of the day's session
    ('fell as much as 0.9% before trading 0.3% weaker') is the day's, and merge names it."""
    if not _claims_no_period(move) or not ours or any(_is_the_days(f) for f in ours):
        return None
    if all(f.when is None and f.timeframe in ("unspecified", "day") for f in ours):
        return None  # a part of the day's session: merge names it (when_stated)
    subjects = {f.mention for f in ours}
    # beside a week's number, a day's is one whatever day it names ("rose 0.4% on Friday"),
    # and "settled flat" states the day's move as surely as a number
    dated = all(f.when is not None and f.when.unit == "day" for f in ours)
    # "fell Friday morning by 0.2 percent at $1.38, and fell about 0.3 percent against the
    # euro": a move against another currency is no day's number of the one claimed
    counter = _counter_claimed(move)
    days = [
        f
        for f in facts
        if f not in ours
        and (_number_of(f) is not None or (not dated and f.direction == "flat"))
        and not f.forecast
        and (counter is None or f.against in (None, counter))
        and (_is_the_days(f) or (not dated and _of_one_day(f)))
        and (f.mention in subjects or _verdict(move, f) == "same")
    ]
    if not dated:
        percents, points = _numbers_in(evidence)
        days = [
            f
            for f in days
            if (f.pct is not None and _among(f.pct, percents))
            or (f.bp is not None and _among(f.bp, points))
            or (f.direction == "flat" and FLAT.search(evidence.lower()) is not None)
        ]
    if not days or any(_verdict(move, f) == "different" for f in days):
        return None
    stated = ours[0]
    if stated.when is not None:
        period = f"move {_words(stated.when)}"
    else:
        label = stated.timeframe if stated.timeframe != "unspecified" else stated.session
        period = f"{label.replace('_', ' ')} move"
    return (
        f"{number} is the text's {period}, not the day's ({_said(days)}); a move of another "
        "period or session needs it named in `period`"
    )


def _within_the_day(fact: Fact) -> bool:
    """A fact of the story's day, in any of its sessions ("fell in afternoon trade")."""
    return fact.timeframe in ("unspecified", "day") and (
        fact.when is None or fact.when.unit == "day"
    )


def _of_one_day(fact: Fact) -> bool:
    return fact.when is not None and fact.when.unit == "day" and fact.session not in _PARTS_OF_A_DAY


def _of_the_claimed_period(move: Move, ours: Sequence[Fact], own: Sequence[Fact]) -> bool:
    """Whether the move names a period that an unnamed statement of its number has and the
    instrument's own numbers have not: 'After a weather-induced 8.5% rally yesterday, US natgas
    is trading 6.5% lower today' states 8.5% for yesterday, as 'US natural gas (previous
    session)' says."""
    frame = timeframe_claimed(move)
    # "advanced 1.2 percent to end the day, a 9.4 percent gain from year-end"
    if (
        frame not in ("unspecified", "day")
        and any(f.timeframe == frame for f in ours)
        and not any(f.timeframe == frame for f in own)
    ):
        return True
    claimed = _when_claimed(move)
    if claimed is None:
        return False
    return any(f.when is not None and not conflicts(f.when, claimed) for f in ours) and not any(
        f.when is not None and not conflicts(f.when, claimed) for f in own
    )


def _when_claimed(move: Move) -> When | None:
    """The period a move names: in its `period` field, or in its name's parentheses."""
    for words in _label_words(move):
        for part in words.split(","):
            when = when_named(part.strip(), bare=True)
            if when is not None:
                return when
    return None


def _words(when: When | None) -> str:
    """'for the previous week', 'for December', 'for 2014', 'on Monday'."""
    if when is None or when.which is None:
        return "over several sessions" if when is not None else "of another period"
    if when.which == "previous":
        return f"for the previous {when.unit.replace('_', ' ')}"
    if when.which == "this":
        return f"for this {when.unit.replace('_', ' ')}"
    if when.unit == "month":
        return f"for {_MONTHS.get(when.which, when.which)}"
    if when.unit == "day":
        return f"on {_DAYS.get(when.which, when.which)}"
    return f"for {when.which}"


# English names whatever the locale (calendar's follow it)
_MONTHS = {m[:3].lower(): m for m in ("January", "February", "March", "April", "May", "June",
                                      "July", "August", "September", "October", "November",
                                      "December")}  # fmt: skip
_DAYS = {d[:3].lower(): d for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                    "Saturday", "Sunday")}  # fmt: skip


# "(previous weeks)", "(past few days)": several sessions before, as a streak is
_STREAK = re.compile(
    r"\b(?:streak|straight|consecutive|sessions|[\w-]+-session|"
    r"(?:previous|past|prior|preceding|recent|last)(?: few| several)? (?:days|weeks|months))\b"
)


def _period_of(fact: Fact, claimed: str) -> str:
    """A fact's period, where a session says it is the day's ('closed 0.55% higher', 'rose as
    much as 2% intraday'). A close says nothing against a calendar period that ends with it: a
    weekly report's 'the index closed at 948.62 points, up by 0.23%' is the week's move."""
    if (
        claimed == "prior_session"
        and fact.when is not None
        and fact.when.unit == "day"
        and fact.when.which in WEEKDAYS
    ):
        return "unspecified"  # "closed 0.1 per cent higher on Tuesday" may be the session before
    if claimed == "ytd" and fact.timeframe == "year" and fact.when is None:
        return "ytd"  # "its 2025 gain", said while 2025 runs, is the year to date
    if fact.timeframe != "unspecified" or fact.session == "unspecified":
        return fact.timeframe
    if fact.session == "close" and claimed in _CALENDAR_PERIODS:
        return "unspecified"
    return "day"


_CALENDAR_PERIODS = frozenset({"week", "month", "quarter", "year", "ytd"})


def timeframe_claimed(move: Move) -> str:
    """The period the move says it covers: its timeframe, or failing that what its words say,
    its `period` ('this week') or its name's parentheses ('Shanghai Composite Index (year to
    date)', 'Brent (week)'). The model is not asked for the timeframe (llm_schema): it says a
    period in these words."""
    if move.timeframe != "unspecified":
        return move.timeframe
    for said in _label_words(move):
        frame = _frame_said(said, move)
        if frame != "unspecified":
            return frame
    return "unspecified"


def _label_words(move: Move) -> tuple[str, ...]:
    """The words a move names its period or session in, lower case: its `period`, its name's
    parentheses."""
    said = (_without_as_of((move.period or "").lower()), _name_label(move))
    return tuple(words for words in said if words)


def _name_label(move: Move) -> str:
    """The words of the move's name's parentheses, less an "as of" that dates them."""
    return _without_as_of(instruments.name_hints(move.instrument))


def _without_as_of(words: str) -> str:
    """'(quarter to date, as of last week)': when the period was measured, not the period."""
    return _AS_OF.sub("", words).strip(" ,")


_AS_OF = re.compile(r",?\s*\bas of\b[^,;]*")


def _frame_said(said: str, move: Move) -> str:
    if _STREAK.search(said):
        return "multi_day"
    if _MONTH_NAME.fullmatch(said.strip()) and instruments.kind_of(move.instrument) != "commodity":
        return "month"  # "German 2-year yield (May)"; "Natural gas (October)" is a contract
    frames = {frame for pattern, frame in (*_FRAME_HINTS, *TIMEFRAMES) if pattern.search(said)}
    return frames.pop() if len(frames) == 1 else "unspecified"


_MONTH_NAME = re.compile(MONTH)


# what a name's parenthesis says of its period: "(week)", "(year to date)", "(12 months)"
_FRAME_HINTS: tuple[tuple[re.Pattern[str], Timeframe], ...] = (
    (
        re.compile(r"\b(?:year to date|ytd|this year|since (?:january|the start of the year))\b"),
        "ytd",
    ),
    (
        re.compile(
            r"^(?:week|weekly|the week|this week|past week|(?:past|last) (?:7|seven) days)$"
        ),
        "week",
    ),
    (re.compile(r"^(?:(?:past|last) 24 hours|24 hours|24-hour|daily)$"), "day"),
    # "(front month)", "(second month)" name a contract, not a period
    (
        re.compile(
            r"^(?:month|monthly|the month|(?!front |nearby |next |second |third |deferred )"
            r"[a-z]+ month)$"
        ),
        "month",
    ),
    (re.compile(r"^(?:quarter|quarterly)$|\bquarter[- ]to[- ]date\b|\bqtd\b"), "quarter"),
    (re.compile(r"^(?:year|annual|12 months|one year|a year)$"), "year"),
    (re.compile(r"\b(?:previous|prior) (?:session|day)\b|^(?:yesterday)$"), "prior_session"),
)


_SESSION_HINTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(
            r"\b(?:intraday (?:high|low)|session (?:high|low)|day's (?:high|low)|as much as|"
            r"at one point|peak)\b"
        ),
        ("intraday_high", "intraday"),
    ),
    (
        re.compile(
            r"\b(?:intraday|earlier in (?:the )?session|during the session|in the session)\b"
        ),
        ("intraday", "intraday_high"),
    ),
    (re.compile(r"\b(?:close|closing|settle|settlement)\b"), ("close",)),
    (re.compile(r"\b(?:open|opening|start)\b"), ("open",)),
    # "early gains" were the session's, read as its intraday move
    (re.compile(r"\b(?:early|earlier)\b"), ("open", "intraday")),
    (re.compile(r"\b(?:morning|midday|afternoon|lunch)\b"), ("intraday", "intraday_high")),
)


def _counter_claimed(move: Move) -> str | None:
    """The currency a move says it is against: 'Swiss franc (vs euro)', 'yen (against the
    dollar, intraday)', 'US dollar vs Swiss franc'."""
    said = instruments.name_hints(move.instrument)
    # ... or in the name itself: 'US dollar vs Swiss franc'
    match = _COUNTER.search(said) or _COUNTER.search(move.instrument.lower())
    if match is not None:
        if named := currency_named(match.group(1)):
            return named
        code = instruments.identity(match.group(1).upper())  # 'vs EUR', as ISO 4217 codes
        return code if code is not None and code.startswith("currency:") else None
    # ... or by the pair: 'GBP/EUR' is the pound against the euro
    pair = instruments.identity(move.instrument)
    if pair is not None and pair.startswith("pair:"):
        return f"currency:{pair.rpartition('/')[2]}"
    return None


_COUNTER = re.compile(r"\b(?:vs\.?|versus|against)\s+((?:the\s+)?[a-z][\w.]*(?:\s+[a-z]+)?)")


def session_claimed(move: Move) -> tuple[str, ...] | None:
    """The sessions the move says it is of: its session, or what its words say: its `period`
    ('intraday high') or its name's parentheses ('Hang Seng Tech Index (intraday high)')."""
    if move.session != "unspecified":
        return (move.session, "intraday") if move.session == "intraday_high" else (move.session,)
    period = (move.period or "").lower()
    for said in _label_words(move):
        if said == period and _frame_said(said, move) != "unspecified":
            continue  # a `period` of "earlier this month" names no early trade
        for pattern, sessions in _SESSION_HINTS:
            if pattern.search(said):
                return sessions
    return None


def _unread_direction_problem(move: Move, read: _Read, evidence: str) -> str | None:
    """Where the reading bound nothing, the evidence must at least state the direction."""
    if any(f.direction == move.direction for f in read.facts):
        return None
    # the sentence before may give the direction only to a number this very name holds
    return _direction_problem(
        move.direction,
        evidence,
        lambda: (read.around, read.before) if _named_just_before(move, evidence) else (),
    )


def _listed_in_order(stating: Sequence[Fact], facts: Sequence[Fact]) -> bool:
    """Whether a number's predicate gives several numbers or names in turn ('Sony and Nintendo
    rose 1.2% and 3.4%, respectively', 'A, ..., and B, ..., increased by 0.53% and 0.31%'):
    there the reading's order decides, not the name last before the number."""
    return any(
        other.predicate == fact.predicate
        and (other.mention != fact.mention or (other.pct, other.bp) != (fact.pct, fact.bp))
        for fact in stating
        for other in facts
    )


def _another_number_after_the_name(
    move: Move, evidence: str, *, whole_name: bool = True
) -> str | None:
    """Where the reading gives the move's number to no name (a publisher's names it does not
    know): the percentages after the move's own name in the quote, up to another capitalised
    word or a contrast ('while'), are its numbers ('ORVANE (+5.2%), KESTREL (+3.1%)' gives
    ORVANE 5.2%, 'acme put on 5.2% while zorbel added 3.1%' acme 5.2%); where another name
    stands between a name and the first number after it ('ORVANE and KESTREL rose 5.2% and
    3.1%'), or the names are listed before their numbers, nothing is decided. Where the reading
    gives the number to a name it cannot relate to the move's (not `whole_name`), only the
    words of the move's name that the text does not write whole decide."""
    pct = move.change_pct
    lowered = evidence.lower()
    if pct is None or _IN_TURN.search(lowered):
        return None  # "A, B and C are 10.65%, 27.72% and 88.88%, respectively"
    followed_by: list[float] = []
    name = _HINT.sub("", move.instrument).strip()
    writings = [name, move.ticker or ""] if whole_name else []
    if not re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lowered):
        # a name the text does not write whole ('Casablanca beverages index' of 'and that of
        # beverages by 6.44%'): the word of it that no other name has, where the text has it
        writings += _distinctive_words(name, lowered)
    for written in writings:
        if len(written) < 2:
            continue
        for at in re.finditer(rf"(?<!\w){re.escape(written.lower())}(?!\w)", lowered):
            if _AFTER_A_LISTED_NAME.search(evidence, max(0, at.start() - 40), at.start()):
                return None  # one of a list of names, their numbers after them all
            other = _ANOTHER_NAME_OR_CLAUSE.search(evidence, at.end())
            until = other.start() if other is not None else len(evidence)
            numbers = list(_A_PERCENT.finditer(evidence, at.end(), until))
            if not numbers and _A_PERCENT.search(evidence, at.end()) is not None:
                return None  # another name may stand between it and its number
            followed_by += [float(n[1].replace(",", ".")) for n in numbers]
    if followed_by and not _among(pct, followed_by):
        stated = ", ".join(f"{v:g}%" for v in followed_by)
        return (
            f"{_number_said(pct, None)} is not the number the text gives '{move.instrument}' "
            f"(it gives {stated}); report each number for the instrument the text gives it to"
        )
    return None


def _distinctive_words(name: str, lowered: str) -> list[str]:
    """The words of a name that say which one it is ('beverages' of 'Casablanca beverages
    index'), each written once in the quote: not the kind of thing it is, not a place."""
    return [
        word
        for word in re.findall(r"[a-z][a-z-]{4,}", name.lower())
        if word not in _KIND_WORDS
        and not instruments.is_country(word.title())
        and not instruments.is_demonym(word.title())
        and len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)) == 1
    ]


_KIND_WORDS = frozenset(
    {"index", "indices", "indexes", "stocks", "shares", "market", "markets", "exchange",
     "prices", "price", "futures", "composite", "benchmark", "general", "sector", "sectors",
     "group", "holding", "company", "companies", "limited", "corporation", "yield", "yields",
     "bonds", "currency", "dollar", "crude", "spot", "contract", "weighted", "share", "stock",
     "equities", "total", "global", "international", "national"}
)  # fmt: skip
# where the words that may be a name's end: another name, or a contrast with another subject
# ("but the price has dropped 25.2% in thirty days" is still the name's), or a gapped clause
# of another ("and that of beverages by 6.44%")
_ANOTHER_NAME_OR_CLAUSE = re.compile(
    r"(?<![\w'’])[A-Z][\w&.'’-]+|;|\b(?:while|whereas|but)\b"
    r"(?!\s+(?:the|it|its|they|their|this|that|these|those|also|still)\b)|"
    r"\band (?:that|those) of\b"
)
_IN_TURN = re.compile(r"\b(?:respectively|in that order)\b")
# a figure and its unit, as the quote writes them (the figure is group 1)
_A_FIGURE = r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?"
_PERCENT_UNIT = r"%|per ?cents?\b|percent\b"
_A_PERCENT = re.compile(rf"{_A_FIGURE}(?:{_PERCENT_UNIT})")
_AFTER_A_LISTED_NAME = re.compile(r"[A-Z][\w&.'’)-]*(?:,|,? and|,? &)\s+$")


def _named_just_before(move: Move, evidence: str) -> bool:
    """Whether the evidence states the move's number right after the move's instrument, no
    other name between: 'Behind Santander are Banco Sabadell (1.30%), ArcelorMittal (1.22%)'
    gives 1.22% to ArcelorMittal, whatever words state the direction."""
    value = move.change_pct if move.change_pct is not None else move.change_bp
    if value is None:
        return False
    mentions = read_sentence(evidence).mentions
    for number in _A_CHANGE.finditer(evidence):
        if not _among(value, (float(number[1].replace(",", ".")),)):
            continue
        before = [m for m in mentions if m.end <= number.start()]
        if (
            before
            and before[-1].reference is None
            and instruments.compare(
                move.instrument, before[-1].name, ticker_a=move.ticker, ticker_b=before[-1].ticker
            )
            == "same"
        ):
            return True
    return False


_A_CHANGE = re.compile(rf"{_A_FIGURE}(?:{_PERCENT_UNIT}|bps?\b|basis)")


def _direction_only_problem(move: Move, read: _Read, evidence: str) -> str | None:
    """A move without a number: the text must say the instrument (or something it may be)
    moved that way; it is refused when what the text says of it is only the other way. A
    figure's forecast ("earnings should drop 60%") says nothing of the stock."""
    ours = [f for f in read.facts if (f.realised or f.price) and _verdict(move, f) != "different"]
    same = [f for f in ours if _verdict(move, f) == "same"]
    if problem := _period_direction_problem(move, same, ours):
        return problem
    # what the text says of this very instrument decides, unless the move says it is of
    # another session or period than all of that ("US stocks (early trading)" beside "Stocks
    # closed higher")
    sessions = session_claimed(move)
    other_period = timeframe_claimed(move) not in (
        "unspecified",
        *(f.timeframe for f in same),
    ) or (sessions is not None and not set(sessions) & {f.session for f in same})
    # "Becle, OMA and GAP concentrated the most notable declines" in a week's review: words
    # that name no period are the week's as much as the day's, so they decide its direction
    # (not its number: the period's may be unstated)
    undated = (
        other_period
        and bool(same)
        and all(_says_no_when(f) for f in same)
        and not _label_in_quote(move, evidence)
    )
    # "The euro rose and bonds in the region slipped": the bonds' fall says nothing of the
    # euro, whose own rise the text states
    deciding = same if same and (not other_period or undated) else ours
    todays = [f for f in same if _is_the_days(f)]
    if any(f.has_number for f in todays):
        # "fell 6 basis points, trimming gains after climbing to 3.39%": the day's number
        # decides over words set apart from the name ("Kestrel edged higher" still counts)
        todays = [f for f in todays if f.has_number or f.attached]
    elif any(f.direction == move.direction and f.attached and _within_the_day(f) for f in same):
        # "Brent fell to $101.10 in afternoon trade before regaining some of that decline":
        # words set apart from the name, with no number or close, do not outweigh the name's
        # own verb (but "fell in early trade, then rallied to close higher" names the close)
        todays = [f for f in todays if f.attached or f.session == "close"]
    if (
        deciding is same
        and _claims_no_period(move)
        and todays
        and all(f.direction != move.direction for f in todays)
        and any(f.direction != move.direction for f in same)
    ):
        # a move that names no period is the day's: "the yield rose 2 basis points, but was on
        # track for a weekly fall" says the yield rose
        return (
            f"direction '{move.direction}' contradicts the text, which says "
            f"'{move.instrument}' moved '{todays[0].direction}' (a move of another period or "
            "session needs it named in `period`)"
        )
    if not same and _claims_no_period(move) and (problem := _only_another_periods(move, ours)):
        return problem
    if any(f.direction == move.direction for f in deciding):
        return _withheld_number_problem(move, same) if deciding is same and not undated else None
    if move.direction in read.loose_directions and (not same or (other_period and not undated)):
        return None
    if same:
        return (
            f"direction '{move.direction}' contradicts the text, which says "
            f"'{move.instrument}' moved '{same[0].direction}'"
        )
    if ours or read.loose_directions:
        return f"direction '{move.direction}' contradicts the evidence"
    return _direction_problem(move.direction, evidence, lambda: (read.around, read.before))


def _only_another_periods(move: Move, ours: list[Fact]) -> str | None:
    """Where the quote's subject is named in other words than the move's ('South Korean stocks'
    for the KOSPI), a move that names no period is still the day's: 'closed 1.71 percent
    higher Friday, snapping a four-session slump' gives the day no fall, only the sessions
    before it."""
    # the story's session may be named by its weekday: "closed 1.71 percent higher Friday"
    todays = [
        f
        for f in ours
        if f.price
        and (_is_the_days(f) or (_of_one_day(f) and f.timeframe in ("unspecified", "day")))
    ]
    earlier = [f for f in ours if f.price and f not in todays]
    # the day's move and the earlier one must be of one subject, or the day's said of one in
    # words that may be any ("they slipped", "shares slipped into the red"): "the UK and Europe
    # opened higher ... despite property developers weighing on the Hang Seng" gives the UK no
    # day of its own
    subjects = {f.mention for f in todays if f.mention is not None}
    unnamed = any(_names_nothing_itself(f.mention) for f in todays)
    if (
        todays
        and all(f.direction != move.direction for f in todays)
        and any(
            f.direction == move.direction and (unnamed or f.mention in subjects) for f in earlier
        )
        and any(f.has_number or f.attached for f in todays)
    ):
        return (
            f"direction '{move.direction}' contradicts the text, which gives the day's move as "
            f"'{todays[0].direction}' (a move of another period or session needs it named in "
            "`period`)"
        )
    return None


def _names_nothing_itself(mention: Mention | None) -> bool:
    """Words that stand for whatever the story is about: 'they', 'the stock', bare 'shares'."""
    return mention is None or mention.reference is not None or mention.name.lower() in BARE_SHARES


def _label_in_quote(move: Move, evidence: str) -> bool:
    """Whether a word the move names its period or session in is in the quote ('intraday',
    'Thursday', 'spike', 'week' in 'weekly'): then the quote may tell of that period in words
    the reading missed."""
    quoted = re.findall(r"[a-z]+", evidence.lower())
    return any(
        any(said == word or (len(word) > 3 and said.startswith(word)) for said in quoted)
        for words in _label_words(move)
        for word in re.findall(r"[a-z]+", words)
        if word not in _NOT_A_PERIODS_WORD
    )


_NOT_A_PERIODS_WORD = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "vs"})


def _says_no_when(fact: Fact) -> bool:
    """Whether the words of a fact name no period, session or date of their own."""
    return (
        fact.timeframe == "unspecified"
        and fact.session == "unspecified"
        and fact.period is None
        and fact.when is None
    )


def _withheld_number_problem(move: Move, same: list[Fact]) -> str | None:
    """A move without a number where the text states the instrument's number for it: "Alibaba
    and JD.com both jumped nearly 4 per cent" gives 'Alibaba' up 4%, and "gold jumped 2.9%
    overnight" gives 'Gold (overnight)' up 2.9%; with no number, the move leaves out what the
    text says. A move the text states without a number of the same period keeps it: "fell to
    lows of 109.42 and was last down 0.16%" ('down' for the low). A move that names no period
    is the day's: "rose 0.55%, climbing for the eighth straight session" gives the day 0.55%,
    and the streak needs its name ('(eighth straight session)')."""
    going = [f for f in _facts_of_the_claim(move, same) if f.direction == move.direction]
    stated = [f for f in going if f.pct is not None]
    if not stated or any(f.pct is None and not f.has_number for f in going):
        return None
    return f"change_pct is missing: {_said(stated)}; give its percentage in change_pct"


def _facts_of_the_claim(move: Move, same: list[Fact]) -> list[Fact]:
    """The instrument's facts of the period or session the move names (the day's where it
    names none)."""
    if _claims_no_period(move):
        return [f for f in same if _is_the_days(f)]
    claimed, frame, sessions = _when_claimed(move), timeframe_claimed(move), session_claimed(move)
    if claimed is not None:
        return [f for f in same if f.when == claimed]
    if frame != "unspecified":
        return [f for f in same if f.timeframe == frame]
    if sessions is not None:
        return [f for f in same if f.session in sessions]
    return []


def _claims_no_period(move: Move) -> bool:
    return (
        timeframe_claimed(move) == "unspecified"
        and session_claimed(move) is None
        and _when_claimed(move) is None
        and all(
            _A_NAME_ONLY.fullmatch(hint.strip()) for hint in instruments.hint_parts(move.instrument)
        )
    )


# a name's parenthesis that only names (an exchange, a code, an alias, a quote currency): 'Infosys
# (BSE)', 'Euro (vs US dollar)'; a label in lower-case words may name a period no pattern knows
# ('earlier rally', 'from weekend lows')
_A_NAME_ONLY = re.compile(
    r"(?:vs\.?|versus|against)\s+[^,;]+|[A-Z0-9][\w.&'’/-]*(?:\s+[A-Z0-9][\w.&'’/-]*)*"
    # a futures contract's delivery month names the contract, no period: "(October contract)"
    rf"|(?i:{MONTH}\s+(?:contracts?|futures|delivery))"
)


# the sessions of a day before its close: a move in one of them is another than the day's (a
# move after hours is the day's, told late)
_PARTS_OF_A_DAY: frozenset[Session] = WITHIN_A_SESSION - {"after_hours"}


def _is_the_days(fact: Fact) -> bool:
    """A fact the text gives no other period or earlier session: the day's move."""
    return (
        fact.timeframe in ("unspecified", "day")
        and fact.when is None
        and fact.session not in _PARTS_OF_A_DAY
    )


def _period_direction_problem(move: Move, same: list[Fact], ours: list[Fact]) -> str | None:
    """A move without a number that names its period or session ('German 10-year yield (May)',
    'Hang Seng Index (open)') must go the way the text says the instrument went then."""
    frame, sessions = timeframe_claimed(move), session_claimed(move)
    claimed = _when_claimed(move)
    dated = [
        f
        for f in (same or ours)
        if claimed is not None
        and f.when == claimed
        and (sessions is None or f.session in (*sessions, "unspecified"))
    ]
    if dated and not any(f.direction == move.direction for f in dated):
        # "Oil prices showed a slight uptick on Thursday": 'crude oil (Thursday)' went up
        return (
            f"direction '{move.direction}' contradicts the text's move {_words(claimed)} of "
            f"'{move.instrument}': {_said(dated)}"
        )
    if frame != "unspecified":
        decisive, period = [f for f in same if f.timeframe == frame], frame.replace("_", " ")
        if sessions is not None and set(sessions) <= WITHIN_A_SESSION:
            # "euro (previous session intraday high)": that session's high, not its close
            decisive = [
                f for f in same if f.session in sessions and f.timeframe in (frame, "unspecified")
            ]
    elif sessions is not None:
        decisive = [f for f in same if f.session in sessions]
        period = sessions[0].replace("_", " ")
    else:
        return None  # where the direction is a longer period's, merge says so (when_stated)
    if decisive and not any(f.direction == move.direction for f in decisive):
        return (
            f"direction '{move.direction}' contradicts the text's {period} move of "
            f"'{move.instrument}': {_said(decisive)}"
        )
    return None


def _number_of(fact: Fact) -> str | None:
    if fact.pct is not None:
        return f"{fact.pct:g}%"
    return None if fact.bp is None else f"{fact.bp:g} bp"


def _said(facts: list[Fact]) -> str:
    """'the text gives: Shanghai Composite up 4.85% (week)'."""
    parts = []
    for fact in facts[:3]:
        name = fact.mention.name if fact.mention is not None else "it"
        frame = "" if fact.timeframe == "unspecified" else f" ({fact.timeframe.replace('_', ' ')})"
        parts.append(
            f"{name} {fact.direction} {_number_of(fact) or ''}{frame}".replace("  ", " ").strip()
        )
    return "the text gives " + "; ".join(parts)


def _names(mentions: Iterable[Mention | None]) -> str:
    names = sorted({f"'{m.name}'" for m in mentions if m is not None})
    return " and ".join(names) or "another instrument"


def _direction_problem(
    direction: str, evidence: str, contexts: Callable[[], Iterable[str]] = tuple
) -> str | None:
    lowered = evidence.lower()
    if _states(direction, lowered):
        return None
    others = [other for other in ("up", "down", "flat") if other != direction]
    if any(_states(other, lowered) for other in others):
        return f"direction '{direction}' contradicts the evidence"
    # a quote that states no direction takes the one of its sentence ("The securities with
    # the greatest upward variation were those of A, with 3.34%; of B, with 3.07%"), else of
    # the sentence before it: "Santander has been the bullish value of the session. Behind
    # Santander are Banco Sabadell (1.30%), BBVA (1.03%) ...", "This drop can be seen in most
    # assets. Ripple (XRP) and Cardano (ADA) posted 4.4% and 5.59%"
    for context in contexts():
        lowered = context.lower()
        stated = _states(direction, lowered)
        stated_otherwise = any(_states(other, lowered) for other in others)
        if stated and not stated_otherwise:
            return None
        if stated or stated_otherwise:
            break  # the nearest words that state a direction decide
    return f"direction '{direction}' is not stated in the evidence; quote the words that state it"


def _states(direction: str, lowered: str) -> bool:
    """Whether the lowercased evidence states a move in this direction, by word or by sign."""
    if direction == "flat":
        return FLAT.search(lowered) is not None
    verbs, words, sign = (
        (UP_VERB, UP_WORD, "+") if direction == "up" else (DOWN_VERB, DOWN_WORD, "-")
    )
    # the words as the reading takes them, the longest first: "gave up" is no "up"
    lowered = _without_other_cues(direction, lowered)
    if verbs.search(lowered) or words.search(lowered):
        return True
    # a ranking states its members' direction: "Among the biggest losers were A, B and C"
    if (_RANKED_UP if direction == "up" else _RANKED_DOWN).search(lowered):
        return True
    # a sign states a direction only beside a percentage ("+15%"), not in "2024-25"
    signs = f"+{UP_ARROWS}" if sign == "+" else f"-−\u2011{DOWN_ARROWS}"
    return any(m.group(1).strip() in signs for m in _SIGNED_PERCENT.finditer(lowered))


# "the gainers' chart", "the gainer’s chart", "top gainer"
_RANKED_UP = re.compile(
    r"\b(?:(?:gainer|advancer|winner|riser)(?:s|['’]s|s['’])?|best performers|"
    r"(?:greatest|biggest|largest) upward)(?!\w)"
)
_RANKED_DOWN = re.compile(
    r"\b(?:(?:loser|decliner|laggard|faller)(?:s|['’]s|s['’])?|worst performers|"
    r"(?:greatest|biggest|largest) downward)(?!\w)"
)


def _without_other_cues(direction: str, lowered: str) -> str:
    """The text with the words that state another direction blanked out."""
    for cue in find_cues(lowered):
        if cue.direction != direction and cue.direction != "flat":
            lowered = lowered[: cue.start] + " " * (cue.end - cue.start) + lowered[cue.end :]
    return lowered


_SIGNED_PERCENT = re.compile(
    # an arrow may stand apart from its figure ("▲ 5.2%"), a hyphen may not ("10% - 15%")
    rf"(?<![\w.])([+\-−\u2011]|[{UP_ARROWS}{DOWN_ARROWS}]\s?)\d+(?:\.\d+)?\s?(?:%|per ?cent)"
)
