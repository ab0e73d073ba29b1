"""Clause boundaries and the direction cues of a sentence, and which cue governs each change.

A *predicate* is a direction cue with the changes it governs: "fell 1.5%", "ended 1.8 percent
higher", "a 13.4% slump", "(-4.4 per cent)", or a bare change that repeats the last verb
("Apple gained 1.2 per cent and Comcast 0.6 per cent"). A cue with no change is a predicate of
its own when it is a verb ("Lenovo Group rose"), or a noun with its object ("a selloff in the
tech sector").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from summarizer.models import Direction
from summarizer.reading import lexicon as lx
from summarizer.reading.numbers import Change

_A_LEVEL_LISTED_BEFORE = re.compile(
    r"\bto\s+[a-z]{0,3}[$¢€£¥]?\d[\d,.]*(?:\s?[a-z]{1,6})?(?:,\s*|\s+and\s+|,\s+and\s+)"
    r"[a-z]{0,3}[$¢€£¥]?$"
)
_LEVEL_BEFORE = re.compile(
    # "gained the most at 9.3 percent" says by how much, not where to
    r"(?:\bto|(?<!\bmost )(?<!\bmost, )\bat|\bfrom|"
    r"(?:\babove|\bbelow|\bpast|\bbeyond|\bnear|\bunder|\bover|\bthrough)\s+the)\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|just\s+|a\s+|key\s+|"
    r"psychologically important\s+)?$"
)
_BOUNDARY = re.compile(
    r";\s|\s[-–—]\s|:\s(?![\d$€£¥+\-−])|,\s+(?:while|whereas|but|although|though|yet)\s|"
    r"\s(?:while|whereas)\s|"
    r"\sbut\s|,\s+(?:with|as|after|following|on|despite|amid|even as)\s|"
    r"\s(?:after|following|amid|despite)\s|"
    # a driver's own clause: "tumbled 11% on news the maker late Tuesday cut its guidance for
    # 2014" (its Tuesday and its 2014 are not the move's)
    r"\s(?:on(?=\s+(?:the\s+)?(?:news|reports?|hopes?|fears?|worries|concerns|expectations|"
    r"speculation|optimism|bets|signs|rumou?rs?)\b)|due to|thanks to|because of)\s|"
    r"(?<!as much)(?<!as well)(?<!such)(?<!so far)(?<!as high)(?<!as low)(?<!as many)"
    r"\s+as\s+(?!much\b|"
    r"well\b|high\b|low\b|many\b|of\b|part\b|a result\b|the\b(?=\s+\w+\s+(?:of|for)\b))|"
    r"\s+(?:led by|helped by|driven by|dragged (?:down )?by|weighed (?:down )?by|boosted by|"
    r"lifted by|pressured by|hit by|supported by|buoyed by)\s"
)
_INSERTED_BY_PHRASE = re.compile(
    r",\s+(?:led|helped|driven|dragged(?: down)?|weighed(?: down)?|boosted|lifted|pressured|hit|"
    r"supported|buoyed) by\s[^,;()]{1,60},\s+(?!(?:and|or|but|while|whereas|which|who|up|down|"
    r"off|higher|lower|flat|unchanged|steady|[a-z]+ing)\b)[a-z]"
)
_POSSESSIVE_BEFORE = re.compile(
    r"(?<!\bit)(?<!\bthat)(?<!\bthere)(?<!\bhere)(?<!\bwhat)(?<!\bwho)(?<!\blet)['’]s\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_OWN_BEST = re.compile(
    r"(?:best|worst)\b|(?:strong|solid|robust|positive|impressive|stellar|weak|poor|dismal|"
    r"negative|lacklustre|lackluster) performance"
)
# "Oil prices showed a slight uptick", "the index posted a modest gain": the subject's move
_POSTED_A = re.compile(
    r"\b(?:posted|posts|recorded|records|showed|shows|registered|staged|stages|logged|enjoyed|"
    r"suffered|saw|sees|notched|booked|made|makes)\s+(?:a|an)\s+(?:[a-z][\w-]*\s+){0,2}$|"
    # "recorded its third consecutive intraday decline", "posted their fifth straight gain"
    r"\b(?:posted|posts|recorded|records|registered|logged|notched|booked|suffered|saw)\s+"
    rf"(?:its|their)\s+{lx.ORDINAL}\s+{lx.IN_A_ROW}\s+(?:[a-z][\w-]*\s+)?$|"
    # "Orvane and Kestrel posted modest gains", "with A and B posting gains"
    r"\b(?:posted|posting|recorded|recording|registered|registering|logged|logging|notched|"
    r"notching|booked|booking|made|making|saw|seeing|experienced|experiencing|suffered|"
    rf"suffering|enjoyed|enjoying|witnessed)\s+(?:{lx.HOW_BIG}\s+){{0,2}}$"
)
_ITS_BEFORE = re.compile(
    r"\b(?:its|their|(?:posted|posts|recorded|records|showed|shows|delivered|logged|had|has|saw|"
    r"sees|enjoyed|turned in|put in)\s+(?:a|an|its|their))\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_TIME_WORD = re.compile(
    r"\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|"
    r"year|session|day|morning|afternoon)$"
)
_YEAR_ROW = re.compile(r"\b(?:19|20)\d{2}[,:]\s*[+\-−]?$")
# "featured as a pick", "emerged as the top sectors", "known as": "as" after a verb of being
# named is a preposition, not the start of a clause
_AS_PREPOSITION = re.compile(
    r"(?:\w+ed|\w+ing|known|seen|such|same|regarded)\s+as\s+$|(?:\w+ed|\w+ing|known|seen|such|"
    r"same|regarded)\s+as\s+\S*$"
)
# "surged with BABA-W rising up to 6%": a clause of its own even without a comma (but a finite
# verb ends the name after "with": "kept pace with bitcoin and is trading at $571")
_WITH_CLAUSE = re.compile(
    r"(?<!,)\swith\s(?=(?:the\s+)?[\w.&'’-]+(?:\s+(?!(?:is|was|are|were|has|have|had|will|would|"
    r"could|can)\b)[\w.&'’-]+){0,3}\s+(?:\w+ing|up|down|off)\b)"
)
# "closed mixed, with CBOT wheat higher, and KC and Minneapolis wheat lower": a name and a bare
# comparative after "with" (or after such a pair and "and") state that name's move
_WITH_COMPARATIVE = re.compile(
    r"(?:\bwith|\b(?:higher|lower|firmer|weaker|steady|unchanged|flat),?\s+and)\s+"
    # "with Orvane Resources and Kestrel Metals both lower"
    r"(?:the\s+)?[\w.&'’/-]+(?:\s+[\w.&'’/-]+){0,3}(?:\s+and\s+(?:the\s+)?[\w.&'’/-]+"
    r"(?:\s+[\w.&'’/-]+){0,3}\s+(?:both|all|each))?\s+$"
)
# "X, whose shares fell 5.9%": the relative's subject is X's
_RELATIVE = re.compile(
    r",\s+(?:which|who|that|whose(?:\s+(?:shares|stock|stocks|units|share price|price))?)\s"
)
# "led by East African Cables which declined by 4.84%": no comma, after a name, and the subject
# of its verb ("that" alone is too often "said that"; "in which", "of which" and "which the Hang
# Seng rose" relate no move to the name before)
_BARE_RELATIVE = re.compile(
    r"(?<=[a-z0-9).])\s+(?:which|who)\s(?!(?:the|a|an|its|their|this|these|that|those|it|they|"
    r"we)\b)|"
    # "a US dollar that rallied": "that" with a move verb right after it relates the move to
    # the name before
    rf"(?<=[a-z0-9).])\s+that\s(?=(?:{lx.UP_VERB.pattern}|{lx.DOWN_VERB.pattern}))"
)
_NOT_AN_ANTECEDENT = re.compile(r"\b(?:in|of|by|for|on|to|at)$")
_LIST_CONNECTOR = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*;\s*|\s*/\s*|\s+or\s+)$")
_GAP_FILLER = re.compile(
    r"^[\s,]*(?:(?:by|of|the|a|an|with|sharply|strongly|further|again|slightly|modestly|marginally|"
    r"more|earlier|also|just|some|respectively|each|both|all|nearly|almost|about|around|to|in|on|"
    r"intraday|early|late|trade|trading|deals|session|its|their|value|day|single-day|"
    r"year-to-date|was|were|is|are|has|have|had|been|be|being|having|ended|closed|finished|"
    r"settled|stood|traded|trading|still|only|then|now|currently|last|so|far|this|year|"
    r"week|month|[a-z]+day|morning|afternoon|evening|relatively|modest|solid|healthy|hefty|"
    r"whopping|massive|meagre|meager|"
    r"mere|another|additional|impressive|decent|small|slight|steep|sharp|marginal|negligible|"
    r"notable|significant|substantial|considerable|moderate|paltry|robust|strong|"
    r"hefty|sizeable|sizable|remarkable|stunning|staggering|"
    # "gained the most at 9.3 percent", "rose for the second day in a row, by 1.31 percent"
    # "fell back 0.3%", "lost ground 1.5%": the verb's own particle or object
    r"back|ground|"
    r"most,?\s+at|(?:for|in)\s+(?:the\s+|a\s+)?[a-z]+\s+(?:straight\s+|consecutive\s+)?"
    r"(?:day|session|week)s?(?:\s+in\s+a\s+row)?,\s*by)\b[\s,]*)*$"
)
# the object of a move noun: "gains from [the properties] were limited", "a 3.5% rise in
# [Emaar Malls EMAA.DU] and ...", "a selloff in [the tech sector]"
_OBJECT_END = (
    # "a 3% jump in Emaar Properties (EMAR.DU) and ...": a ticker in brackets closes the name
    r"(?=(?:\s*\((?=[^()]*[a-z])[^()]{1,24}\))?"
    r"\s*(?:,|;|\.(?:\s|$)|$|\s(?:was|were|is|are|has|have|had|led|helped|weighed|dragged|"
    r"limited|after|as|amid|on|in|following|while|to|and (?:a|an|the|its|their)|"
    # "Gains in Orvane and Kestrel lifted the index"
    r"lifted|pushed|pulled|sent|drove|boosted|supported|kept|capped|offset|outweighed|"
    # "with losses in Financials offsetting strength elsewhere"
    r"offsetting|outweighing|lifting|pushing|dragging|weighing|helping|sending|pulling|"
    r"driving|boosting|hurting|erasing|wiping|leaving|keeping)\b))"
)
_A_TIME = re.compile(
    r"(?:just\s+|only\s+)?(?:(?:the|this|last|that|previous|past)\s+)*(?:day|session|week|month|"
    r"quarter|year|morning|afternoon|evening|[a-z]+day|trading day|trading session|year to date|"
    # "a 48% spike in just the last 24 hours"
    r"(?:\d+|twelve|twenty-four) hours)"
)
_A_SCOPE = re.compile(r"(?:the\s+)?(?:region|board|globe|world|continent|sector|market)")
# "a record low of 32.5 per dollar", "a high of $2,450 an ounce": a level, not what moved
_A_LEVEL = re.compile(r"(?:about\s+|around\s+|nearly\s+)?[$€£¥]?\d[\d.,]*(?:\s|$)")
_OWN_VALUE = re.compile(r"(?:its|their)\s+(?:share\s+|market\s+|stock\s+)?(?:value|price)s?")
_NOUN_OBJECT = re.compile(
    r"\s*(?:in|from|on|of|for|at|among|across|by(?!\s+[\d.]))\s+(?:the\s+)?"
    r"(?P<object>[^,;()]{2,60}?)" + _OBJECT_END
)
# "a gain of 1.25% for Germany's Dax", "an advance of 0.47% to 5,343.41 in the Cac-40",
# "gains of about 3.5% each in Orvane and Kestrel"
_NUMBER_THEN_OBJECT = re.compile(
    r"\s+of\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?[\d.,]+\s?(?:%|per ?cent|"
    r"percent)(?:\s+to\s+[\d.,]+)?(?:\s+each)?\s+(?:in|for)\s+(?:the\s+)?"
    r"(?P<object>[^,;()]{2,60}?)" + _OBJECT_END
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word or phrase that states a direction."""

    start: int
    end: int
    direction: Direction
    form: str  # verb, word (up/down/higher...), noun, flat, sign, list


@dataclass(slots=True)
class Predicate:
    """A direction with the changes it governs (none for "Lenovo rose")."""

    start: int
    end: int
    direction: Direction
    form: str
    changes: list[Change] = field(default_factory=list)
    detached: bool = False  # no subject of its own right before it ("..., up 0.1 percent")
    gapped: bool = False  # repeats the last predicate's verb ("and Comcast 0.6 per cent")
    noun_object: tuple[int, int] | None = None  # "a selloff in [the tech sector]"
    in_list: bool = False  # "COL Group (3%)": the name right before the parenthesis
    possessive: bool = False  # "Cambricon's decline": the name before the 's
    temporal: bool = False  # "erasing Monday's gains": an earlier session's move
    weak: bool = False  # a verb that states a price move only of a market ("the yen firmed")
    unnamed: bool = False  # "shed 1.65% and property 0.25%": a subject the reading does not know
    attributive: bool = False  # "on rising oil prices": a trend that describes, not a move told
    describes: bool = False  # "a weaker dollar", "rising oil prices": no subject of its clause
    moved_object: bool = False  # "led the index lower": the object's move, told in passing


def boundaries(lowered: str) -> list[tuple[int, int, str]]:
    """Clause boundaries as (start, end, kind): kind 'relative' for ', which', else 'clause'."""
    found = [
        (m.start(), m.end(), "clause")
        for m in _BOUNDARY.finditer(lowered)
        if not _AS_PREPOSITION.search(lowered, max(0, m.start() - 20), m.end())
        or "as" not in m.group(0)
    ]
    found += [(m.start(), m.end(), "clause") for m in _WITH_CLAUSE.finditer(lowered)]
    found += [(m.start(), m.end(), "relative") for m in _RELATIVE.finditer(lowered)]
    found += [
        (m.start(), m.end(), "relative")
        for m in _BARE_RELATIVE.finditer(lowered)
        if not _NOT_AN_ANTECEDENT.search(lowered, max(0, m.start() - 4), m.start())
    ]
    # "(NASDAQ: MSFT)", "(-4.4 per cent; 35 points)": nothing in parentheses ends a clause
    found = [c for c in found if lowered.count("(", 0, c[0]) <= lowered.count(")", 0, c[0])]
    # "The Nikkei, led by chip stocks, rose 1%": a by-phrase set off by commas before the verb
    # is an aside (insertions() skips its names), not a clause of its own
    found = [c for c in found if not _INSERTED_BY_PHRASE.match(lowered, max(0, c[0] - 1))]
    return sorted(_without_paired_dashes(lowered, found))


def _without_paired_dashes(
    lowered: str, cuts: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """'A and B - the top two losers - dropped 5.6% and 5.5%': two dashes set off an aside,
    which does not end the clause (insertions() skips the names in it), nor does a clause word
    inside it ('The index – which traded after a break – gained 1.3%')."""
    dashes = [c for c in cuts if lowered[c[0] : c[1]].strip() in ("-", "–", "—")]
    paired = set()
    for first, second in itertools.pairwise(dashes):
        between = [c for c in cuts if first[1] <= c[0] and c[1] <= second[0]]
        if second[0] - first[1] < 80 and not any(";" in lowered[c[0] : c[1]] for c in between):
            paired |= {first, second, *between}
    return [c for c in cuts if c not in paired]


def asides(lowered: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of ' - ... - ' asides between lo and hi."""
    return [(lo + m.start(), lo + m.end()) for m in _DASH_ASIDE.finditer(lowered[lo:hi])]


# "H-share" inside; not across a parenthesis: "ETF (SMH – Free Report), B ETF (PSI – Free
# Report)" holds two dashes and no aside
_DASH_ASIDE = re.compile(r"\s[-–—]\s(?:\([^()]*\)|(?!\s[-–—]\s)[^;()]){1,80}?\s[-–—]\s")


# each pattern of move words with the direction it states and its part of speech; "cause" words
# ("lifted", "weighed on") state the direction of their object and take no number
_CUE_PATTERNS: tuple[tuple[re.Pattern[str], Direction, str], ...] = (
    (lx.FLAT, "flat", "flat"),
    (lx.UP_VERB, "up", "verb"),
    (lx.DOWN_VERB, "down", "verb"),
    (lx.UP_WORD, "up", "word"),
    (lx.DOWN_WORD, "down", "word"),
    (lx.UP_NOUN, "up", "noun"),
    (lx.DOWN_NOUN, "down", "noun"),
    (lx.CAUSE_UP, "up", "cause"),
    (lx.CAUSE_DOWN, "down", "cause"),
)


def find_cues(lowered: str) -> list[Cue]:
    """Direction cues in reading order; the longer of two overlapping cues wins."""
    found: list[Cue] = []
    for match in lx.PARED.finditer(lowered):
        direction: Direction = (
            "up" if match.group("obj") in ("gains", "advances", "rise") else "down"
        )
        found.append(Cue(match.start(), match.end(), direction, "verb"))
    for match in lx.ERASED.finditer(lowered):
        down = match.group("obj") in ("gains", "advance", "advances", "rally", "rise", "climb")
        found.append(Cue(match.start(), match.end(), "down" if down else "up", "verb"))
    for pattern, direction, form in _CUE_PATTERNS:
        for match in pattern.finditer(lowered):
            found.append(Cue(match.start(), match.end(), direction, form))
    kept: list[Cue] = []
    for cue in sorted(found, key=lambda c: (c.form == "cause", -(c.end - c.start), c.start)):
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(_as_noun(lowered, cue))
    return sorted(kept, key=lambda c: c.start)


_NOUN_CAPABLE = re.compile(
    r"(?:gains?|rises?|jumps?|surges?|rall(?:y|ies)|advances?|increases?|climbs?|rebounds?|"
    r"drops?|falls?|declines?|slumps?|dips?|slides?|plunges?|retreats?|decreases?|losses|loss|"
    r"tumbles?|spikes?|leaps?|recovery|bounces?|collapses?|crash(?:es)?)"
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|this|that|his|her|our|strong|sharp|big|bigger|biggest|steep|"
    r"steeper|modest|slight|small|overnight|recent|early|late|further|initial|record|"
    r"marginal|heavy|hefty|broad|solid|robust|fresh|renewed|mild|moderate|minor|huge|massive|"
    r"deep|deeper|sharper|major|another|latest|significant|dramatic|severe|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|worst|largest|best|consecutive|straight|"
    r"successive|"
    r"single-day|daily|weekly|monthly|annual|year-to-date|intraday|session|percent|per[\s-]cent|"
    r"pct|pc|bps?|point|points|price|prices)|%|['’]s|\b(?:19|20)\d\d)\s*$"  # "its 2025 gain"
)


def _as_noun(lowered: str, cue: Cue) -> Cue:
    """'a 16% gain', 'the advance', 'Alibaba’s jump': a move word used as a noun."""
    if cue.form != "verb" or not _NOUN_CAPABLE.fullmatch(lowered, cue.start, cue.end):
        return cue
    if _DETERMINER_BEFORE.search(lowered, max(0, cue.start - 24), cue.start) or (
        # "Gains of about 3.5% each in A and B helped ...": a sentence opened by the noun;
        # "lifted by gains in A, B and C": one after a preposition
        (
            not lowered[: cue.start].strip(_OPENING_MARKS)
            or _PREPOSITION_BEFORE.search(lowered, max(0, cue.start - 8), cue.start)
        )
        and _OF_AFTER.match(lowered, cue.end)
    ):
        return Cue(cue.start, cue.end, cue.direction, "noun")
    return cue


_PREPOSITION_BEFORE = re.compile(r"\b(?:by|on|amid|after|with|despite|from)\s+$")
_OPENING_MARKS = " \t\n\"'“‘(-—–"
_OF_AFTER = re.compile(
    r"\s+of\s+(?:(?:about|around|nearly|almost|roughly|some|over|more than)\s+)?[+\-−]?\.?\d|"
    r"\s+in\s"  # "Gains in Orvane and Kestrel lifted the index"
)


def predicates(
    lowered: str,
    changes: list[Change],
    cues: list[Cue],
    cuts: list[tuple[int, int, str]],
    mention_spans: list[tuple[int, int]],
) -> list[Predicate]:
    """Each change with the cue that governs it, and the cues that stand alone, in order."""
    used: set[int] = set()
    found: list[Predicate] = []
    previous: Predicate | None = None
    for change in changes:
        if _is_level(lowered, change, cues):
            continue
        predicate = _governed(lowered, change, cues, used, previous, cuts, mention_spans)
        if predicate is None:
            continue
        if previous is not None and (
            (
                predicate.gapped
                and not predicate.unnamed
                and not _mention_between(mention_spans, previous.end, change.start)
            )
            or (
                predicate.form in ("word", "noun")
                and previous.form == predicate.form
                and predicate.end == previous.end
            )
        ):
            # "rallied 2.2% on Friday and 3.4% on Thursday", "closing 3.2 and 2.9 per cent lower"
            previous.changes.append(change)
            continue
        found.append(predicate)
        previous = predicate
    for index in range(len(cues) - 1):
        # "rising up to 6%", "closed down 1%": a verb right before the word that took the number
        if (
            index + 1 in used
            and cues[index + 1].form == "word"
            and not lowered[cues[index].end : cues[index + 1].start].strip()
        ):
            used.add(index)
    for index, cue in enumerate(cues):
        if index in used or cue.form == "cause":
            continue
        if cue.form == "word" and (obj := _attributive(lowered, cue, mention_spans)):
            # "a stronger dollar made oil more expensive": the dollar rose
            found.append(
                Predicate(
                    cue.start, cue.end, cue.direction, "noun", noun_object=obj, describes=True
                )
            )
            continue
        if cue.form == "verb" and _attributive_participle(lowered, cue):
            # "fell 4.9% on rising oil prices": the prices rose, not the subject
            obj = _the_name_after(cue, mention_spans)
            if obj is not None:
                attribute = Predicate(cue.start, cue.end, cue.direction, "noun", noun_object=obj)
                found.append(replace(attribute, attributive=True, describes=True))
            continue
        if cue.form == "word" and not _stands_alone(lowered, cue):
            continue
        if cue.form == "word" and _moves_its_object(lowered, cue):
            found.append(Predicate(cue.start, cue.end, cue.direction, cue.form, moved_object=True))
            continue
        if cue.form == "noun":
            obj = _object_of(lowered, cue, mention_spans)
            if obj is not None:
                found.append(Predicate(cue.start, cue.end, cue.direction, "noun", noun_object=obj))
            elif owner := _POSSESSIVE_BEFORE.search(lowered, max(0, cue.start - 40), cue.start):
                temporal = (
                    _TIME_WORD.search(lowered, max(0, owner.start() - 16), owner.start())
                    is not None
                )
                found.append(
                    Predicate(
                        cue.start,
                        cue.end,
                        cue.direction,
                        "noun",
                        possessive=True,
                        temporal=temporal,
                    )
                )
            elif (
                _OWN_BEST.match(lowered, cue.start)
                and _ITS_BEFORE.search(lowered, max(0, cue.start - 30), cue.start)
            ) or (
                # "posted a loss" is a company's result, not a price
                not lowered.startswith("loss", cue.start)
                and _POSTED_A.search(lowered, max(0, cue.start - 40), cue.start)
            ):
                # "Gold posted its best week since March": the subject's own move
                found.append(Predicate(cue.start, cue.end, cue.direction, "noun"))
            elif _FRONTED_NOUN.fullmatch(lowered, 0, cue.start) and lowered.startswith(
                ",", cue.end
            ):
                # "After a strong rally, the index fell", "Despite a promising start, the SMI
                # fell": the subject's own move before the one the sentence tells (a start is
                # the session's opening, read from its word)
                earlier = not lowered.endswith("start", cue.start, cue.end)
                found.append(Predicate(cue.start, cue.end, cue.direction, "noun", temporal=earlier))
        elif cue.form == "verb" and lx.NEEDS_A_NUMBER.fullmatch(lowered, cue.start, cue.end):
            found.append(Predicate(cue.start, cue.end, cue.direction, cue.form, weak=True))
        elif cue.form in ("verb", "flat", "word"):
            found.append(Predicate(cue.start, cue.end, cue.direction, cue.form))
    return sorted(found, key=lambda p: p.start)


_FRONTED_NOUN = re.compile(r"\W*(?:after|despite|following)\s+(?:a|an|its|their)\s+(?:[a-z-]+\s+)?")
_SIGNED_LEVEL = re.compile(r"\b(?:to|at)\s*$")
# "the yield stayed -0.045%": a level, whatever its sign
_STAYED = re.compile(r"\b(?:stayed|remained|stood|held)\s*$")


_THE_LEVELS_AREA_BEFORE = re.compile(r"\b(?:to|at|in|around|near|within)\s+the\s+$")
_A_LEVELS_AREA = re.compile(r"\s+(?:range|level|area|mark|zone|region|handle)\b")
_FROM_AN_AVERAGE = re.compile(
    r"\s+(?:below|above|under|over|short of)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:average|norm|mean|moving average)\b"
)


def _is_level(lowered: str, change: Change, cues: list[Cue]) -> bool:
    """'rose to 2.27 percent', 'at 3.897%': a level reached, not a change (unless a change
    noun precedes: 'gains ... have increased to 2.7 percent')."""
    if change.qualifier in ("up_to", "limit"):
        return False
    if _FROM_AN_AVERAGE.match(lowered, change.end):
        return True  # "stocks are 28 percent below the five-year average": where, not a move
    if change.sign:
        if _STAYED.search(lowered, max(0, change.start - 10), change.start):
            return True  # "the yield stayed -0.045%"
        if not _SIGNED_LEVEL.search(lowered, max(0, change.start - 10), change.start):
            return False  # "+1.2%" is a change; "spiked to -0.26%" is a level all the same
    before = lowered[max(0, change.start - 40) : change.start]
    if _THE_LEVELS_AREA_BEFORE.search(before) and _A_LEVELS_AREA.match(lowered, change.end):
        return True  # "surged to the 1.7% range": the neighbourhood of a level
    if change.pct is None and change.bp is None and _A_LEVEL_LISTED_BEFORE.search(before):
        return True  # "to HK$76.10 and HK$178.70, respectively": both prices reached
    if not _LEVEL_BEFORE.search(before):
        return False
    # "at a 2.5 percent return year-to-date", "to a 3% gain": a change all the same
    right = _right_cue(lowered, change, cues)
    if right is not None and cues[right].form == "noun":
        return False
    before_it = [c for c in cues if c.end <= change.start]
    if before_it and _a_running_total(lowered, before_it[-1], change):
        return False
    noun = next((c for c in reversed(cues) if c.end <= change.start and c.form == "noun"), None)
    return not (
        noun is not None
        and change.start - noun.end < 45
        and "." not in lowered[noun.end : change.start]
        # "the yield extended its rise to 4.35%": a rate's rise reaches a level all the same
        and not _A_RATE_BEFORE.search(lowered, max(0, noun.start - 60), noun.start)
    )


def _governed(
    lowered: str,
    change: Change,
    cues: list[Cue],
    used: set[int],
    previous: Predicate | None,
    cuts: list[tuple[int, int, str]],
    mention_spans: list[tuple[int, int]],
) -> Predicate | None:
    if _YEAR_ROW.search(lowered, max(0, change.start - 8), change.start):
        # "2020, 109.31%; 2021, -36.61%": a row of a table of yearly returns
        direction: Direction = "down" if change.sign < 0 else "up"
        return Predicate(change.start - 6, change.end, direction, "row", [change])
    around = next(
        (i for i, c in enumerate(cues) if c.start <= change.start and change.end <= c.end), None
    )
    if around is not None:
        used.add(around)
        cue = cues[around]
        limit = (
            replace(change, qualifier="limit")
            if "limit" in lowered[cue.start : cue.end]
            else change
        )
        return Predicate(cue.start, cue.end, cue.direction, cue.form, [limit])
    left = _left_cue(lowered, change, cues, mention_spans)
    right = _right_cue(lowered, change, cues)
    if change.sign and (
        left is None
        or (cues[left].form != "verb" and not _agreeing_signed_object(lowered, cues[left], change))
    ):
        direction = "up" if change.sign > 0 else "down"
        in_list = _in_parentheses(lowered, change)
        return Predicate(change.start, change.end, direction, "sign", [change], in_list=in_list)
    # "weighed down by a 3% decline in Talaat Mostafa": a move noun with its object wins, and
    # so does one the number stands in after a comma ("barely changed, with a 0.02% increase")
    right_object = (
        right is not None
        and cues[right].form == "noun"
        and (
            _noun_object(lowered, cues[right]) is not None
            or (left is not None and "," in lowered[cues[left].end : change.start])
        )
    )
    if (
        left is not None
        and not right_object
        and (right is None or (cues[left].form in ("verb", "flat") and cues[right].form != "word"))
    ):
        cue = cues[left]
        used.add(left)
        # "NASDAQ Golden Dragon China Index (up 3.2%)": the name before the parenthesis
        in_list = (
            lowered[max(0, cue.start - 2) : cue.start].strip() == "("
            and ")" in lowered[change.end : change.end + 2]
        )
        # "a gain of 1.25% for Germany's Dax": the noun's object moved, where it names one
        after = _NUMBER_THEN_OBJECT.match(lowered, cue.end) if cue.form == "noun" else None
        obj = None if after is None else after.span("object")
        # (a name may run on past the object: "in the main index, the IPSA")
        if obj is not None and not any(s < obj[1] and obj[0] < e for s, e in mention_spans):
            obj = None
        return Predicate(
            cue.start, change.end, cue.direction, cue.form, [change], in_list=in_list,
            noun_object=obj,
        )  # fmt: skip
    if right is not None:
        cue = cues[right]
        used.add(right)
        start = _article_before(lowered, change.start)
        # "a 3.5% rise in Emaar Malls": the noun's object moved
        obj = _object_of(lowered, cue, mention_spans) if cue.form == "noun" else None
        # "the IT index's 2 per cent fall": the owner before the number moved
        owner = _POSSESSIVE_BEFORE.search(lowered, max(0, start - 40), start)
        owned = (
            cue.form == "noun"
            and obj is None
            and owner is not None
            and any(end == owner.start() for _, end in mention_spans)  # not "Friday's 4.6% climb"
        )
        return Predicate(
            start, cue.end, cue.direction, cue.form, [change], noun_object=obj, possessive=owned
        )
    if (caused := _caused(lowered, change, cues, mention_spans)) is not None:
        return caused
    if _in_parentheses(lowered, change):
        head = _list_head(lowered, change.start, cues) or _list_tail(lowered, change.end, cues)
        if head is not None:
            return Predicate(change.start, change.end, head, "list", [change], in_list=True)
        return None
    if previous is not None and previous.changes and _continues(lowered, previous, change, cuts):
        gap = lowered[previous.end : change.start]
        named = _mention_between(mention_spans, previous.end, change.start)
        unnamed = not named and _UNKNOWN_SUBJECT.search(_GAP_WORDS.sub(" ", gap)) is not None
        return Predicate(
            change.start,
            change.end,
            previous.direction,
            previous.form,
            [change],
            gapped=True,
            unnamed=unnamed,
        )
    return None


def _caused(
    lowered: str, change: Change, cues: list[Cue], mention_spans: list[tuple[int, int]]
) -> Predicate | None:
    """'Strong earnings lifted Orvane 3%', 'boosted Kestrel shares by 2%': a verb that moves
    its object, the object, and the number; the object moved (see _moved_by_the_verb_before)."""
    before = [c for c in cues if c.end <= change.start and c.form == "cause"]
    if not before or not _MOVES_ITS_OBJECT.fullmatch(lowered, before[-1].start, before[-1].end):
        return None
    cue = before[-1]
    named = [(s, e) for s, e in mention_spans if cue.end < s and e <= change.start]
    if not named or not _OBJECT_GAP.fullmatch(lowered, cue.end, named[0][0]):
        return None
    if not _OBJECT_TO_NUMBER.fullmatch(lowered, named[-1][1], change.start):
        return None
    return Predicate(cue.start, change.end, cue.direction, "verb", [change])


_MOVES_ITS_OBJECT = re.compile(
    r"(?:lift|boost|propel|drag|hammer|batter|dent)(?:s|ed|ing|ged|ging|led|ling)?"
)
_OBJECT_GAP = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?")
_OBJECT_TO_NUMBER = re.compile(
    r"(?:['’]s)?\s+(?:(?:shares|stock|stocks|prices?)\s+)?(?:by\s+)?"
    r"(?:(?:about|nearly|almost|around|some|roughly|more than|over)\s+)?"
)


def _left_cue(
    lowered: str, change: Change, cues: list[Cue], mention_spans: list[tuple[int, int]]
) -> int | None:
    """The cue right before the change, with only qualifiers and fillers between ('rose by
    nearly', 'was down more than', 'a dip of', 'gains of over')."""
    for index in range(len(cues) - 1, -1, -1):
        cue = cues[index]
        if cue.end > change.start or cue.form == "cause":
            continue
        if lowered[cue.start : cue.end] in ("above", "below"):
            return None  # "below 1.5%", "its high above 5%": a level or a threshold
        gap = lowered[cue.end : change.start]
        if len(gap) > 48 or _mention_between(mention_spans, cue.end, change.start):
            return None
        if _TO_AS_FAR_AS.fullmatch(gap):
            return None  # "rose to as high as 0.597%": the level reached, not the move
        if (
            (change.pct is not None or change.bp is not None)
            and _AN_EXTREME.search(lowered, cue.start, cue.end)
            and _OF_A_LEVEL.fullmatch(gap)
        ):
            return None  # "a 14-month high of 1.776%": the yield's level, not its move
        if lowered.endswith(" by", cue.start, cue.end) and _AN_ARTICLE.match(gap):
            return None  # "boosted by a 5.8 per cent leapfrog in Orvane": the cause's number
        stripped = lx.QUALIFIER.sub("", gap) if lx.QUALIFIER.search(gap) else gap
        if _GAP_FILLER.match(stripped) or _GAP_FILLER.match(gap):
            return index
        if cue.form == "noun" and _NOUN_TO_NUMBER.match(gap) and "," not in gap:
            return index
        if _a_running_total(lowered, cue, change):
            return index
        return None
    return None


_AN_ARTICLE = re.compile(r"\s+an?\s")
_AN_EXTREME = re.compile(r"\b(?:highs?|lows?|peaks?|troughs?|tops?|bottoms?)$")
_OF_A_LEVEL = re.compile(r"\s+(?:of|at)\s+(?:about\s+|around\s+|nearly\s+)?")
_TO_AS_FAR_AS = re.compile(r"\s+to\s+as\s+(?:high|low|much|little)\s+as\s+")


def _a_running_total(lowered: str, cue: Cue, change: Change) -> bool:
    """'extended losses to 5.5%', 'pared gains to 0.4%', 'extended its rally to 9%': a verb
    whose object is the move, then "to" and the number: the move's running total, no level."""
    gap = lowered[cue.end : change.start]
    stripped = lx.QUALIFIER.sub("", gap) if lx.QUALIFIER.search(gap) else gap
    return bool(
        cue.form == "verb"
        and _RUNNING_TOTAL.fullmatch(stripped)
        and _A_MOVE_AS_OBJECT.search(lowered, cue.start, cue.end)
        # "the yield extended its rise to 4.35%": a rate's level
        and not _A_RATE_BEFORE.search(lowered, max(0, cue.start - 60), cue.start)
    )


# a verb whose object is the move ("extended losses", "pared gains", "extended its rally") and
# "to" before a number: the move's running total
_A_MOVE_AS_OBJECT = re.compile(
    r"(?:gains|losses|declines|advances|rally|rebound|slide|fall|drop|rise|decline|advance|"
    r"climb|recovery|slump|retreat|selloff|sell-off)$"
)
_RUNNING_TOTAL = re.compile(r"\s+to\s+")
_A_RATE_BEFORE = re.compile(r"\b(?:yields?|rates?|inflation|unemployment|spreads?|cpi)\b(?!-)")


_NOUN_TO_NUMBER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?(?:of|at|to|by|are|were|is|was|have|has|now|stand|stood|reached|"
    r"reaching|hitting|hit|topping|topped|exceeding|exceeded|increased|grew|widened|totalled|"
    r"totaled|came to|amounted to|were at|are at)\b"
)


# what may stand between a number and the word after it that gives its direction: "1.8 percent
# higher", "3.2 and 2.9 per cent lower", "44.96 points, or 2.33 percent, higher"
_TO_RIGHT_CUE = re.compile(
    rf"(?:\s*(?:,|and|,\s*and)\s*[+\-−]?{lx.NUM}(?:\s?(?:%|percent|per\s?cent|pct))?)*"
    r"[\s,)]*(?:(?:single-day|intraday|daily|weekly|monthly|annual|year-to-date|on-day|"
    r"session|overnight)\s+)?"
)


def _right_cue(lowered: str, change: Change, cues: list[Cue]) -> int | None:
    """'1.8 percent higher', '44.96 points, or 2.33 percent, higher', 'a 13.4% slump', '22
    percent below the levels'."""
    for index, cue in enumerate(cues):
        if cue.start < change.end or cue.form == "cause":
            continue
        gap = lowered[change.end : cue.start]
        if len(gap) > 48 or not _TO_RIGHT_CUE.fullmatch(gap):
            return None
        if cue.form in ("word", "noun"):
            return index
        return None
    return None


def _article_before(lowered: str, start: int) -> int:
    """'a 13.4% slump' starts at 'a'."""
    match = re.search(
        r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?$", lowered[max(0, start - 20) : start]
    )
    return start - (len(lowered[max(0, start - 20) : start]) - match.start()) if match else start


def _agreeing_signed_object(lowered: str, cue: Cue, change: Change) -> bool:
    """'posted a decline of -0.2%': a move noun whose 'of' takes a signed number that agrees
    with it governs the number (the sign only repeats the noun)."""
    agrees = (change.sign > 0) == (cue.direction == "up")
    return (
        cue.form == "noun"
        and agrees
        and _OF_BEFORE_NUMBER.fullmatch(lowered, cue.end, change.start) is not None
    )


_OF_BEFORE_NUMBER = re.compile(r"\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?")


def _in_parentheses(lowered: str, change: Change) -> bool:
    """'Orvane (5.2%)', and a list's item told with "with": 'those of Orvane, with 3.34%; of
    Kestrel, with 3.07%'."""
    before = lowered[max(0, change.start - 2) : change.start]
    if "(" in before and (
        ")" in lowered[change.end : change.end + 2] or _LEVEL_CLOSES.match(lowered, change.end)
    ):
        return True
    return _WITH_ITEM.search(lowered, max(0, change.start - 12), change.start) is not None


_WITH_ITEM = re.compile(r"[\w)],\s*with\s+$")
# "Cartier Saada (-12.73% at 24 MAD)": the item's price after its change, in the parenthesis
_LEVEL_CLOSES = re.compile(r"\s*,?\s*(?:at|to)\s+[$€£¥]?\s?\d[\d.,]*\s*[a-z$€£¥.]{0,6}\s*\)")


def _list_head(lowered: str, start: int, cues: list[Cue]) -> Direction | None:
    """The direction a list of '(5.2%)' items is headed by: 'Top gainers were', 'took sharp
    falls:', 'led the gains', or the last move verb before the list."""
    head = lowered[:start]
    up = max((m.end() for m in lx.LIST_HEAD_UP.finditer(head)), default=-1)
    down = max((m.end() for m in lx.LIST_HEAD_DOWN.finditer(head)), default=-1)
    verb = next((c for c in reversed(cues) if c.end <= start and c.form in ("verb", "noun")), None)
    if verb is not None and verb.end > max(up, down):
        return verb.direction
    if up < 0 and down < 0:
        return None
    return "up" if up > down else "down"


def _list_tail(lowered: str, end: int, cues: list[Cue]) -> Direction | None:
    """The direction the words after a list of '(11.9%)' items give it, where nothing before
    it did: 'Ethereum (11.9%) and Ripple (6.6%) have registered their own significant losses'."""
    after = next((c for c in cues if c.start >= end and c.form in ("verb", "noun")), None)
    if after is None:
        return None
    gap = lowered[end : after.start]
    if len(gap) > 90 or _TAIL_BREAK.search(gap):
        return None
    return after.direction


# what ends a list before the words after it: a clause or sentence break
_TAIL_BREAK = re.compile(r"[;:]|\.(?!\d)|\b(?:which|while|but|whereas|after|as|when)\b")


def _continues(
    lowered: str, previous: Predicate, change: Change, cuts: list[tuple[int, int, str]]
) -> bool:
    """A bare change after a predicate repeats its verb when only a list joins them ('and 3.4
    percent on Thursday', ', B 3% and C 1%', 'and Comcast 0.6 per cent')."""
    gap = lowered[previous.end : change.start]
    # "and more than 50 percent": a qualifier, not a level compared with
    if re.search(r"\b(?:to|at|from|(?<!more )(?<!less )than)\s+$", gap) or _cues_in(gap):
        return (
            False  # "to HK$76.10 and HK$178.70": levels; "remaining below the key 4%": another verb
        )
    first = previous.changes[0]
    if (first.pct is None) != (change.pct is None) and (first.bp is None) != (change.bp is None):
        return False  # "jumped 4 per cent to HK$76.10 and HK$178.70": a price after a percentage
    # "Paris is up 1.32%; Milan, 1.19%; Frankfurt, 1.32%": items after semicolons, each a
    # name and its number, repeat the verb too
    gapped_items = _GAPPED_ITEMS.fullmatch(gap) is not None
    if len(gap) > 80 or any(
        previous.end <= s < change.start
        and kind == "clause"
        and lowered[s:e].strip(" ,") not in ("and",)
        and not (gapped_items and lowered[s:e].strip() == ";")
        for s, e, kind in cuts
    ):
        return False
    return re.search(r"(?:,|\band\b|;)", gap) is not None and not re.search(
        r"\b(?:to|at|from)\s*$", gap
    )


_GAPPED_ITEMS = re.compile(r"(?:[^;]*;\s*(?:and\s+)?(?=[^;,]*[a-z])[^;,]{1,40},?\s*)+")


def _cues_in(gap: str) -> list[Cue]:
    return [Cue(m.start(), m.end(), "up", "verb") for p in lx.MOVE_WORDS for m in p.finditer(gap)]


# the words a gapped repeat may carry without naming a new subject ("and 3.4 percent on Thursday")
_GAP_WORDS = re.compile(
    r"\b(?:and|or|while|on|in|over|for|the|a|past|last|this|previous|earlier|later|days?|"
    r"weeks?|months?|years?|sessions?|hours|trading|monday|tuesday|wednesday|thursday|friday|"
    r"respectively|to|at|"
    r"about|around|nearly|almost|roughly|approximately|another|further|slightly|more|than|"
    r"some|just|over|by|of|its|their|up|down|"
    # the units of the changes listed before: "down by 2.26 per cent, 2.22 per cent, 1.95 ..."
    r"per|cent|percent|pct|percentage|points?|basis|bps?)\b"
)
_UNKNOWN_SUBJECT = re.compile(r"[a-z]{3,}")


def _mention_between(mention_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= s and e <= end for s, e in mention_spans)


def _the_name_after(cue: Cue, mention_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name that starts right after a cue (one space or two), if one does."""
    after = [(s, e) for s, e in mention_spans if cue.end < s <= cue.end + 2]
    return after[0] if after else None


def _attributive(
    lowered: str, cue: Cue, mention_spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The name a direction adjective stands before: 'a stronger dollar', 'the resurgent US
    dollar', 'a softer yen'."""
    if lowered[cue.start : cue.end] not in _ATTRIBUTIVE:
        return None
    if not _ARTICLE_BEFORE.search(lowered, max(0, cue.start - 8), cue.start):
        return None
    return _the_name_after(cue, mention_spans)


_ATTRIBUTIVE = frozenset({"stronger", "weaker", "firmer", "softer", "resurgent"})
# a participle before the noun it describes, after an article, a preposition or nothing:
# "on rising oil prices", "despite falling bond yields", "a weakening dollar", "Rising rates"
# (not "after rising 2%", "after falling sharply", "rising to a record", "rising for a third day")
_BEFORE_AN_ATTRIBUTE = re.compile(
    r"(?:^|[.;:(\"“]\s*|\b(?:a|an|the|its|their|of|on|about|over|amid|despite|after|by|from|with|"
    r"to|and|as|off|following|ongoing|persistently|further|steadily|rapidly)\s+)$"
)
_AFTER_AN_ATTRIBUTE = re.compile(
    r"\s+(?!(?:to|by|as|from|for|in|on|at|after|before|since|more|further|again|back|higher|"
    r"lower|up|down|off|and|or|but|while|the|a|an|its|their|this|that|amid|despite|over|against|"
    r"toward|towards|into|through|during|until|around|about|nearly|almost|some|[a-z]+ly)\b)"
    r"[a-z]"
)


def _attributive_participle(lowered: str, cue: Cue) -> bool:
    return (
        lowered.endswith("ing", cue.start, cue.end)
        and _BEFORE_AN_ATTRIBUTE.search(lowered, max(0, cue.start - 16), cue.start) is not None
        and _AFTER_AN_ATTRIBUTE.match(lowered, cue.end) is not None
    )


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their)\s+$")


_COMPARED = re.compile(r"\s+(?:up|than|in|on)\b")
# "led the Stoxx 600 lower", "sent the yen higher", "dragged the index lower"
_MOVED_OBJECT_BEFORE = re.compile(
    r"\b(?:led|pushed|pulled|dragged|sent|drove|knocked|lifted)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w&.'’/-]+\s+){1,5}$"
)
_COMPARATIVES = frozenset({"higher", "lower", "firmer", "weaker", "steady", "unchanged", "flat"})


def _moves_its_object(lowered: str, cue: Cue) -> bool:
    """'led the Stoxx 600 lower', 'sent the yen higher': a comparative after a verb that moves
    its object, and the object."""
    return lowered[cue.start : cue.end] in _COMPARATIVES and bool(
        _MOVED_OBJECT_BEFORE.search(lowered, max(0, cue.start - 60), cue.start)
    )


def _stands_alone(lowered: str, cue: Cue) -> bool:
    """'was higher', 'traded lower', 'ended up': an adverb cue with no number states a move
    only right after a verb of trading (or a verb that moves its object: 'led the index
    lower')."""
    if _moves_its_object(lowered, cue):
        return True
    before = lowered[max(0, cue.start - 24) : cue.start]
    if cue.direction == "up" and lowered[cue.start : cue.end] in ("above",):
        return False
    if lowered[cue.start : cue.end] in ("above", "below", "off", "plus", "minus"):
        return False
    if (
        lowered[cue.start : cue.end] in _COMPARATIVES
        and _WITH_COMPARATIVE.search(lowered, max(0, cue.start - 48), cue.start)
        and not _COMPARED.match(lowered, cue.end)  # "with investors higher up the chain"
    ):
        return True
    return (
        re.search(
            r"\b(?:was|were|is|are|been|ended|closed|finished|traded|trading|moved|opened|"
            r"stayed|remained|held|edged|inched|ticked|turned|headed|pushed|went|go|went)\s+"
            r"(?:(?:also|all|both|each|again|too|still)\s+)?"
            r"(?:the (?:day|session|week|trading day)\s+)?"
            r"(?:(?:slightly|sharply|modestly|marginally|somewhat|significantly|much|a little|"
            r"a bit|a touch|little|mostly|broadly)\s+)?$",
            before,
        )
        is not None
    )


def _object_of(
    lowered: str, cue: Cue, mention_spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """What a move noun names as moved: a list of names ('gains in A, B and C'), else its
    object ('a selloff in the tech sector')."""
    return _listed_object(lowered, cue, mention_spans) or _noun_object(lowered, cue)


def _listed_object(
    lowered: str, cue: Cue, mention_spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """'gains in Orvane, Kestrel and Varno', 'price gains in counters such as A, B and C': a
    move noun's object that lists names, commas and all (where two or more are listed)."""
    lead = _LIST_OBJECT_LEAD.match(lowered, cue.end)
    if lead is None:
        return None
    spans = sorted(mention_spans)
    first = next((i for i, (start, _) in enumerate(spans) if start == lead.end()), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(spans) and _LIST_OBJECT_GAP.fullmatch(
        lowered, spans[last][1], spans[last + 1][0]
    ):
        last += 1
    return (spans[first][0], spans[last][1]) if last > first else None


_LIST_OBJECT_LEAD = re.compile(
    r"\s+(?:in|of|among|from|for)\s+(?:the\s+)?(?:(?:[a-z-]+\s+){0,3}?(?:such as|like|including)"
    r"\s+)?(?:the\s+)?(?:(?:shares|stocks)\s+(?:of|in)\s+(?:the\s+)?)?"
)
# (each name may carry its code: "Semtech (SMTC), Cypress Semiconductor (CY) and Nvidia")
_LIST_OBJECT_GAP = re.compile(
    r"(?:\s*\((?=[^()]*[a-z])[^()]{1,30}\))?(?:\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|&)\s+"
    r"(?:the\s+)?)"
)


def _noun_object(lowered: str, cue: Cue) -> tuple[int, int] | None:
    """'a selloff in [the tech sector]', 'gains from [the properties]': the object a move noun
    names; None when the noun has no such object."""
    match = _NOUN_OBJECT.match(lowered, cue.end)
    if (
        match is None
        or _OWN_VALUE.fullmatch(match.group("object"))
        or _A_LEVEL.match(match.group("object"))
    ):
        return None  # "a 5.87% increase in its value": the subject's own
    if _A_TIME.fullmatch(match.group("object")) or _A_SCOPE.fullmatch(match.group("object")):
        # "a 5 percent loss on the day", "a 2% gain for the week": when, not what; "the strong
        # performance across the region": where, not what
        return None
    return match.start("object"), match.end("object")
