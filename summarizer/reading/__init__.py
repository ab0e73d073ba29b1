"""One sentence of market news -> the facts it states, clause by clause.

A fact is a move of one instrument mention: its direction, the number stated for it (percent or
basis points, with the qualifier), its session and timeframe, and whether the text states it as
realised (not a forecast, target or hypothetical) and as a price (not revenue or turnover).
Lists ("A, B and C each rose 2%"), "respectively", parenthetical lists under a heading ("Top
gainers: A (5.1%), B (3.2%)"), "X points, or Y%", spelled numbers and references ("the stock")
are read here, and only here: the rules engine extracts with these facts, and the gate checks an
LLM's moves against them (`grounding.check_move`).

`read_sentence` is pure and cached by the sentence text; `resolve` then names references
("the gauge", "it", a subject-less "up 0.1 percent") from the sentences before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarizer import instruments
from summarizer.models import Direction, Qualifier, Session, Timeframe
from summarizer.reading import lexicon as lx
from summarizer.reading.clauses import Cue, Predicate, asides, boundaries, find_cues, predicates
from summarizer.reading.mentions import BARE_SHARES, SAYING, Mention, find_mentions
from summarizer.reading.numbers import Change, find_changes
from summarizer.reading.periods import (
    When,
    before_reference_point,
    when_named,
    when_named_last,
)
from summarizer.sentences import PAGE_FURNITURE_LINE, is_title_case

__all__ = [
    "Fact",
    "Mention",
    "SentenceReading",
    "heading_direction",
    "read_sentence",
    "read_under_heading",
    "resolve",
    "stated_numbers",
]


@dataclass(frozen=True, slots=True)
class Fact:
    """A move the sentence states for one mention (or for an unnamed subject: mention None)."""

    mention: Mention | None
    direction: Direction
    pct: float | None  # magnitude; the sign is in direction
    bp: float | None
    qualifier: Qualifier
    session: Session
    timeframe: Timeframe
    period: str | None  # "2021" for "in 2021"
    start: int  # the words that state it: from the subject through the number
    end: int
    realised: bool  # False: said with a modal, forecast, target or condition nearby
    forecast: bool  # plainly not realised: "could fall 5%", "expected to gain 20%"
    price: bool  # False: a company or economic figure ("revenue up 26%")
    has_number: bool  # a change was stated (percent, bp, points or money)
    attached: bool  # the subject stands right before the move words ("Lenovo also rose")
    predicate: tuple[int, int]  # the move words and number: "fell 1.5%", "a 13.4% slump"
    weak: bool = False  # said with a verb that also names other changes ("eased", "added")
    via_pronoun: bool = False  # the subject was "it" or "they", named from an earlier sentence
    resolved: bool = False  # the subject was named from an earlier sentence ("the stock")
    named_as: str | None = None  # the reference word it was named from: "stock", "index"
    against: str | None = None  # the currency a rate move is stated against: "currency:USD"
    when: When | None = None  # the period its words name: "in December", "last week"


# the sessions that are part of a day, not its close: a move in one of them is another fact
# than the day's ("as much as 2%", "opened higher")
WITHIN_A_SESSION: frozenset[Session] = frozenset(
    {"intraday_high", "intraday", "open", "pre_market", "after_hours"}
)


@dataclass(frozen=True, slots=True)
class SentenceReading:
    """What one sentence states."""

    sentence: str
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    cues: tuple[tuple[int, int, Direction], ...] = ()  # every word that states a direction
    subjects: tuple[Mention, ...] = ()  # the names that are not the object of a preposition


def stated_numbers(sentence: str) -> tuple[list[float], list[float]]:
    """The magnitudes of the percentages and of the basis points the text states, in digits
    or in words ("two per cent", "0.005 percentage point" -> 0.5 bp)."""
    changes = find_changes(_lower(sentence))
    percents = [c.pct for c in changes if c.pct is not None]
    points = [c.bp for c in changes if c.bp is not None]
    return percents, points


@functools.lru_cache(maxsize=4096)
def read_sentence(sentence: str) -> SentenceReading:
    """The facts of one sentence; offsets are into the sentence."""
    original, sentence = sentence, _PAGE_FURNITURE.sub(_blanked, sentence)
    sentence = _LINK_WIDGET.sub(_code_only, sentence)
    sentence = _QUOTE_BOXES.sub(_last_code_only, sentence)
    sentence = _CODE_WITH_CHANGE.sub(_code_then_change, sentence)
    if is_title_case(sentence) or _A_SHORT_HEADLINE.fullmatch(sentence):
        # "Orvane Shares Jump 12% On Takeover Bid", "Nasdaq Down 1.3%": a headline's verbs are
        # no part of a name
        sentence = _HEADLINE_VERB.sub(_lowercase, sentence)
    lowered = _lower(sentence)
    mentions = find_mentions(sentence, lowered)
    if not _may_state_a_move(lowered):
        # its names may be referred to from the sentences after it
        return SentenceReading(original, tuple(mentions), (), (), _subject_like(lowered, mentions))
    changes = find_changes(lowered)
    cuts = boundaries(lowered)
    spans = [(m.start, m.end) for m in mentions]
    cues = [c for c in find_cues(lowered) if not _inside_a_name(sentence, c, mentions)]
    found = predicates(lowered, changes, cues, cuts, spans)
    facts: list[Fact] = []
    used: set[Mention] = set()  # subjects of the predicates read so far
    subject_of_clause: dict[int, list[Mention]] = {}
    last_subjects: list[Mention] = []
    last_end = 0
    for predicate in found:
        predicate = _without_a_place_object(lowered, predicate, mentions)
        if predicate.form == "sign" and _QUOTE_WIDGET.search(
            sentence, max(0, predicate.start - 14), predicate.start
        ):
            continue  # "August Brent crude LCOQ8, -0.82% fell 82 cents": the page's quote box
        clause = _clause_of(cuts, predicate.start)
        subjects = (
            []
            if predicate.unnamed
            else _signed_after_a_name(sentence, mentions, predicate)
            or _subjects(sentence, lowered, mentions, cuts, predicate, last_end, clause)
        )
        if predicate.in_list:
            # "consumer discretionary (0.38 per cent), bankex (0.36 per cent)": an item no
            # pattern names is no one's, not the item before it
            subjects = _list_item(lowered, mentions, predicate) or (
                [] if _unnamed_item(lowered, predicate.start) else subjects
            )
        if not subjects and predicate.temporal:
            subjects = last_subjects  # "The pound fell, erasing Monday's gains"
        antecedent: list[Mention] = []
        if not subjects and any(
            kind == "relative" and clause[0] <= start < predicate.start for start, _, kind in cuts
        ):
            # "All indices closed lower, led by Mining, which fell 2.02 percent": the relative
            # clause's antecedent, not the subject of the clause before (nor the clause's)
            subjects = antecedent = _antecedent(lowered, mentions, cuts, predicate)
        if (
            not subjects
            and (
                _PARTICIPIAL_CLAUSE.match(lowered, clause[0])
                or _no_name_in(mentions, clause, predicate, lowered)
            )
            and clause[0] > 0
        ):
            # "X soared 200 points after opening mostly flat", "with EUR/JPY at 122.86 after
            # falling to lows", "A, B and C emerged as the top sectors, rising 2%, 1% and 1%":
            # the subject of the clause before
            subjects = _subjects_before(sentence, lowered, mentions, cuts, clause) or last_subjects
        if not subjects and predicate.form == "noun" and predicate.noun_object is None:
            subjects = _subject_of_participle(lowered, mentions, predicate)
        if not subjects and (fronted := _fronted_subject(lowered, mentions, predicate)):
            subjects = fronted  # "After surging 23% on Monday, Fortescue wiped off 9.4%"
        if not subjects and predicate.form == "row":
            subjects = (
                last_subjects
                if last_subjects and facts and facts[-1].timeframe == "year"
                else _table_subject(lowered, mentions, predicate)
            )
        if (
            not subjects
            and not (predicate.in_list and _unnamed_item(lowered, predicate.start))
            and not predicate.possessive
            and predicate.noun_object is None
            and not predicate.unnamed
            and not (
                predicate.form == "verb"
                and _UNKNOWN_SUBJECT_JOINED.search(lowered, last_end, predicate.start)
            )
        ):
            subjects = (
                # "and Televisa, which dropped 3.71%": the relative clause's own antecedent
                _antecedent(lowered, mentions, cuts, predicate)
                # "and B closed up +39 (+2.30%)": the change right after B's move words is B's
                or (
                    last_subjects
                    if predicate.form == "sign" and facts and facts[-1].end >= predicate.start - 2
                    else []
                )
                or _the_move_just_told(lowered, facts, subject_of_clause.get(clause[0]), predicate)
                or subject_of_clause.get(clause[0])
                or (
                    last_subjects
                    if (
                        predicate.gapped
                        or predicate.form == "sign"
                        or _no_name_in(mentions, clause, predicate, lowered)
                    )
                    # "..., bankex (0.36 per cent)": an item no pattern names is no one's
                    and not _unnamed_item(lowered, predicate.start)
                    else []
                )
            )
        elif (
            clause[0] not in subject_of_clause
            and not antecedent
            and not predicate.describes
            and not predicate.moved_object
        ):
            # "after concerns about rising oil prices weighed on ...": what a participle
            # describes is no subject of its clause
            subject_of_clause[clause[0]] = subjects
        subjects = (
            _owner_of_its(lowered, mentions, subjects, clause)
            or _named_by_the_copula(lowered, mentions, subjects)
            or _named_in_sentence(subjects, last_subjects, lowered, mentions)
        )
        if _QUANTIFIED_SUBJECT.search(lowered, max(0, predicate.start - 40), predicate.start):
            subjects = []  # "with some dropping nearly 14%": how many moved, not which
        facts += _facts(sentence, lowered, predicate, subjects, clause, used, mentions)
        used.update(subjects)
        if predicate.moved_object:
            # "Caterpillar led the index higher, adding more than 2.5%": the participle is
            # the leader's, not the index's
            continue
        if subjects and not predicate.describes:
            last_subjects = subjects
        last_end = predicate.end
    facts = _with_openings(lowered, _comparisons_share_the_period(lowered, facts))
    facts += _leaders(lowered, mentions, facts)
    facts += _listed_under_a_heading(lowered, mentions, facts)
    facts += _objects_of_causes(lowered, mentions, cues, facts)
    # "after several days of sharp declines" says how the days before went, not which way the
    # move went
    runs = [m.span("run") for m in _AFTER_A_RUN.finditer(lowered)] if "of" in lowered else []
    cue_spans = tuple(
        (c.start, c.end, c.direction)
        for c in cues
        if not any(start <= c.start < end for start, end in runs)
    )
    return SentenceReading(
        original, tuple(mentions), tuple(facts), cue_spans, _subject_like(lowered, mentions)
    )


# a count of unnamed members as a clause's subject: "with some dropping", ", while most fell"
_QUANTIFIED_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:with|while|and|but|as)\s+)(?:some|many|most|several|others|a few|few|"
    r"half|a handful|the rest)(?:\s+of\s+(?:them|those|these))?\s+$"
)


def _comparisons_share_the_period(lowered: str, facts: list[Fact]) -> list[Fact]:
    """'up roughly 13% in 2025, compared with a 17% rise in the S&P 500': a move set beside
    another for comparison, naming no period of its own, is of the other's period."""
    shared = list(facts)
    for i, fact in enumerate(shared):
        if i == 0 or fact.timeframe != "unspecified" or fact.when is not None:
            continue
        before = shared[i - 1]
        if (
            before.timeframe != "unspecified"
            and before.mention != fact.mention
            and _COMPARED_WITH_BEFORE.fullmatch(lowered, before.end, fact.predicate[0])
        ):
            shared[i] = replace(fact, timeframe=before.timeframe, when=before.when)
    return shared


# what stands between a move and one set beside it: ", compared with a", "versus a"
_COMPARED_WITH_BEFORE = re.compile(
    r"[^,;]{0,30}?,?\s*(?:compared (?:with|to)|as against|versus|vs\.?)\s+(?:a\s+|an\s+|the\s+)?"
)


def _lowercase(word: re.Match[str]) -> str:
    return word[0].lower()


# a move verb of a headline after its subject ("AIA Dives 4%", "Stocks Slip As Yields Rise")
_HEADLINE_VERB = re.compile(
    r"(?<=\w\s)(?:Dives?|Dove|Jump(?:s|ed)?|Rises?|Rose|Falls?|Fell|Slump(?:s|ed)?|"
    r"Surge[sd]?|Gain(?:s|ed)?|Drop(?:s|ped)?|Climb(?:s|ed)?|Tumble[sd]?|Soar(?:s|ed)?|"
    r"Plunge[sd]?|Sinks?|Sank|Slides?|Slid|Rall(?:y|ies|ied)|Sheds?|Slip(?:s|ped)?|"
    r"Dip(?:s|ped)?|Adds?|Added|Loses?|Lost|Ease[sd]?|Edge[sd]?|Firm(?:s|ed)?|"
    r"Weaken(?:s|ed)?|Strengthen(?:s|ed)?|Hits?|Extend(?:s|ed)?|Snap(?:s|ped)?|"
    r"Retreat(?:s|ed)?|Rebound(?:s|ed)?|Recover(?:s|ed)?|Tank(?:s|ed)?|Sag(?:s|ged)?|"
    r"Skid(?:s|ded)?|Crash(?:es|ed)?|Pop(?:s|ped)?|Spike[sd]?|Advance[sd]?|Decline[sd]?|"
    r"Plummet(?:s|ed)?|Rocket(?:s|ed)?|Up|Down|Higher|Lower|Flat)"
    # with its number only: "Peso Falls" mostly restates the story's move under another label
    r"(?=\s+(?i:(?:by|about|nearly|almost|over|more than|as much as|around|another)\s+)*"
    r"[+\-−]?[$€£¥]?\d)|(?<=\w\s)Shares(?=\s)|"
    # "Nikkei Ends Up 0.5%", "Orvane Stock Down 4%": the verb or the word before the direction
    r"(?<=\w\s)(?:Ends?|Ended|Closes?|Closed|Opens?|Opened|Finish(?:es|ed)?|Settles?|Settled|"
    r"Trades?|Traded|Is|Was|Are|Were|Stock)(?=\s+(?:Up|Down|Higher|Lower)\s+[+\-−]?\d)"
)
# a headline of two capitalised words and a number ("Bitcoin Drops 5%", "Nasdaq Down 1.3%"),
# too short for is_title_case's share of capitalised words
_A_SHORT_HEADLINE = re.compile(
    r"\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){1,4}\s+[+\-−]?[$€£¥]?\d[\d.,]*\s?%?\s*"
)


def _signed_after_a_name(
    sentence: str, mentions: list[Mention], predicate: Predicate
) -> list[Mention]:
    """A signed change right after a name is that name's, whatever the clause is about:
    "vaccines such as those made by Pfizer (PFE US, -1.05%)"."""
    if predicate.form != "sign":
        return []
    return [
        m
        for m in mentions
        if m.reference is None
        and m.end <= predicate.start
        and not sentence[m.end : predicate.start].strip()
    ][-1:]


def _a_level_crossed(fact: Fact) -> Fact:
    """'Benchmark 10-year Treasury yields fell under 4%': a yield's percentage after 'under' or
    'below' is the level it crossed, not its change ('shares rose just under 2%' is a change:
    only a yield's or a rate's)."""
    if fact.mention is None or fact.pct is None or fact.bp is not None:
        return fact
    if instruments.kind_of(fact.mention.name) != "bond":
        return fact
    return replace(fact, pct=None, has_number=False, qualifier="exact")


_A_RATE_CROSSED = re.compile(r"\b(?:under|below|above|beyond|past|as high as|as low as)\s+$")


def _pattern_fact(
    mention: Mention,
    direction: Direction,
    *,
    span: tuple[int, int],
    predicate: tuple[int, int],
    pct: float | None = None,
    session: Session = "unspecified",
) -> Fact:
    """A realised price move a pattern of its own states of a name it names (an opening said in
    passing, a heading over a list of names, a row of a table): what such facts share."""
    return Fact(
        mention=mention,
        direction=direction,
        pct=pct,
        bp=None,
        qualifier="exact",
        session=session,
        timeframe="unspecified",
        period=None,
        start=span[0],
        end=span[1],
        realised=True,
        forecast=False,
        price=True,
        has_number=pct is not None,
        attached=True,  # the pattern is its predicate, said of this very name
        predicate=predicate,
    )


def _with_openings(lowered: str, facts: list[Fact]) -> list[Fact]:
    """The facts with how the session began, said in passing of the sentence's subject: 'After
    starting the day in positive territory, the ASX closed lower', 'declined 0.66 per cent even
    after beginning the trade on a firm note', 'closed higher following a weak start'."""
    found: list[Fact] = []
    for match in _OPENING.finditer(lowered):
        inside = [
            f for f in facts if f.predicate[0] < match.end() and match.start() < f.predicate[1]
        ]
        subjects = [f.mention for f in facts if f.mention is not None and f.realised]
        if inside:
            # read already as a move of its own: it is the subject's, said in passing ("After
            # starting the day in positive territory, the benchmark S&P/ASX200 closed ...")
            facts = [
                replace(f, attached=True, mention=f.mention or subjects[0])
                if f in inside and (f.mention or subjects)
                else f
                for f in facts
            ]
            continue
        if not subjects:
            continue
        direction: Direction = "up" if match.group("up") or match.group("up2") else "down"
        found.append(
            _pattern_fact(
                subjects[0], direction, span=match.span(), predicate=match.span(), session="open"
            )
        )
    return facts + found


def _leaders(lowered: str, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """'Orvane, Kestrel and Tallis led the Stoxx 600 lower': the names that led a market's move
    moved that way too (a move without a number, unless they have one of their own)."""
    found: list[Fact] = []
    for led in _LED.finditer(lowered):
        moved = [
            f
            for f in facts
            if f.mention is not None and led.end() <= f.mention.start <= led.end() + 2
        ]
        before = [m for m in mentions if m.end <= led.start() and m.reference is None]
        if (
            not moved
            or not before
            or not _LEADER_GAP.fullmatch(lowered, before[-1].end, led.start())
        ):
            continue
        leaders = [before[-1]]
        for mention in reversed(before[:-1]):
            if not _LIST_GAP.fullmatch(lowered, mention.end, leaders[0].start):
                break
            leaders.insert(0, mention)
        said = {f.mention for f in facts}
        found += [
            _pattern_fact(
                m, moved[0].direction, span=(m.start, moved[0].end), predicate=moved[0].predicate
            )
            for m in leaders
            if m not in said
        ]
    return found


def _objects_of_causes(
    lowered: str, mentions: list[Mention], cues: list[Cue], facts: list[Fact]
) -> list[Fact]:
    """'Strong results lifted the Kospi', 'Weak data weighed on the yen': a verb that moves its
    object states the object's direction (a move without a number; where a number follows, the
    predicate read it already: 'lifted the Kospi 1.2%')."""
    found: list[Fact] = []
    said = {f.mention for f in facts}
    for cue in cues:
        verb = _A_CAUSE_THAT_MOVES if cue.form == "cause" else _A_VERB_ON_AN_OBJECT
        if cue.form not in ("cause", "verb") or not verb.match(lowered, cue.start):
            continue
        gap = _CAUSE_OBJECT_GAP.match(lowered, cue.end)
        if gap is None or lx.MODAL.search(lowered, max(0, cue.start - 80), cue.start):
            continue  # "This should support risk assets and weigh on the dollar"
        objects = [m for m in mentions if m.start == gap.end() and m.reference is None]
        if (
            objects
            and objects[0] not in said
            and _CAUSE_OBJECT_END.match(lowered, objects[0].end)
            and not _AN_ABBREVIATION_END.search(objects[0].name)  # "dragged the U.S. currency"
        ):
            mention = objects[0]
            span = (cue.start, mention.end)
            found.append(_pattern_fact(mention, cue.direction, span=span, predicate=span))
            said.add(mention)
    return found


# verbs, not nouns ("selling pressure on HPG", "a boost to"), whose object moved their way
# ("helped" takes a verb after its object, read elsewhere; "hurt" and "hit" say as much of a
# business as of its shares: "rising costs hurt airlines")
_A_CAUSE_THAT_MOVES = re.compile(
    r"(?:lift|boost|buoy|propel|underpin|weigh|drag|dent|hammer|batter|sap)(?:s|ed|ged|ped|led|"
    r"ned|ing|ging|ping|ling|ning)\b|pressur(?:ed|es|ing)\b"
)
# move words that are verbs of their own subject and move an object too ("Banks weighed on the
# FTSE": both fell)
_A_VERB_ON_AN_OBJECT = re.compile(r"weigh\w*\s+on\b|drag\w*\s+down\b")
_CAUSE_OBJECT_GAP = re.compile(
    r"\w*\s+(?:on\s+|down\s+)?(?:the\s+|its\s+|their\s+)?(?:(?:shares|stocks|prices)\s+of\s+"
    r"(?:the\s+)?)?"
)
# the object's clause goes on with no verb of its own ("helped the Kospi gain", "lifted Orvane's
# profit"): a stop, a preposition, a direction word
_CAUSE_OBJECT_END = re.compile(
    r"(?:['’]s?\s+(?:shares|stock|prices?)\b)?\s*(?:$|[,.;:)]|(?:to|on|in|at|by|as|after|amid|"
    r"higher|lower|down|up|and|while|but|across|for|from|into|toward|towards|during|today|"
    r"yesterday|shares|stocks|prices)\b)"
)
_AN_ABBREVIATION_END = re.compile(r"\b[A-Z]\.[A-Z]$")
_LED = re.compile(r"\bled\s+(?:the\s+|its\s+|their\s+)?")
_LEADER_GAP = re.compile(r"\s+(?:(?:shares|stocks)\s+)?(?:also\s+)?")


def _listed_under_a_heading(lowered: str, mentions: list[Mention], facts: list[Fact]) -> list[Fact]:
    """'Among the gainers were Tesla and Apple', 'In the red were Innscor, Axia and Delta',
    'Gainers included A, B and C', '..., with gainers including A (AAA) and B (BBB)': the names
    after such a heading went its way, each a move without a number (where a number follows a
    name, the list reading has it already)."""
    found: list[Fact] = []
    for head in _HEADING_LIST.finditer(lowered):
        direction: Direction = "up" if head.group("up") or head.group("up_noun") else "down"
        heading_starts = head.start("heading")
        listed: list[Fact] = []
        for mention in mentions:
            if mention.start < head.end() or mention.reference is not None or mention.descriptive:
                continue
            if any(f.mention == mention for f in facts):
                continue
            after = head.end() if not listed else listed[-1].end
            if not _LIST_JOINER.fullmatch(lowered, after, mention.start):
                break  # the list ended: "... and Delta, while the index fell"
            listed.append(
                _pattern_fact(
                    mention, direction, span=(heading_starts, mention.end), predicate=head.span()
                )
            )
        found += listed
    return found


# the names a list's heading gives the names under it
_RISERS = r"(?:gainers|advancers|risers|winners)"
_FALLERS = r"(?:losers|decliners|fallers|laggards)"
# where a heading may stand: the sentence's start, a fronted setting ("In the VN-30 basket,"),
# or a clause of its own ("..., with gainers including", "; losers were")
_HEADING_LIST = re.compile(
    r"(?:^\W*(?:(?:in|on|at|across)\s[^,;]{1,40},\s*)?|[,;:]\s*(?:(?:with|while|and|but|whereas)\s+)?|"
    r"\b(?:with|while|whereas)\s+)"
    r"(?P<heading>(?:among\s+|leading\s+)?(?:the\s+)?(?:(?:top\s+|biggest\s+|leading\s+|notable\s+|"
    r"main\s+|major\s+|other\s+)?"
    rf"(?:(?P<up>{_RISERS}|in the green|in positive territory)|"
    rf"(?:{_FALLERS}|in the red|in negative territory))|"
    # "The biggest drops of the week corresponded to A, B and C": the moves, ranked
    r"(?:top|biggest|largest|highest|strongest|sharpest|steepest|heaviest|main)\s+"
    r"(?:(?P<up_noun>gains|advances|rises|increases|climbs)|(?:drops|falls|declines|losses|"
    r"decreases|slides)))"
    # "Major gainers in the main market included": where they gained
    r"(?:\s+(?:in|on|at|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:market|board|segment|index|bourse|"
    r"exchange|session|day|week|basket))?"
    r"\s+(?:(?:of the day|on the day|today)\s+)?(?:were|included|include|including|such as|like|"
    r"are|was|corresponded to|came from|belonged to|went to|"
    r"(?:were|was)\s+(?:posted|recorded|registered|displayed|seen|made)\s+(?:by|in))\b\s*)"
)
# between a heading or a list's name and the next name: a comma or "and", a lower-case company
# suffix the name left out, and a few words that describe the next ("property giant Orvane")
_LIST_JOINER = re.compile(
    r"(?:\s+(?:limited|ltd\.?|plc|inc\.?|corp\.?))?"  # a lower-case suffix left out of the name
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|:\s*)?(?:the\s+)?"
    r"(?:(?!(?:and|while|but|which|who|as|after|before|than|were|was)\b)[a-z][\w-]*\s+){0,2}"
)
_NOT_A_WORD = " \t\n\"'“‘(-—–:;,."


_OPENING_UP = (
    r"higher|up|firmer|stronger|strongly|in positive territory|in the green|with gains|"
    r"on a (?:firm|positive|strong|bright|upbeat|good|high|buoyant) note"
)
_OPENING_DOWN = (
    r"lower|down|weaker|softer|in negative territory|in the red|with losses|"
    r"on a (?:weak|negative|soft|sour|low|bad|subdued) note"
)
_OPENING = re.compile(
    r"\b(?:after|despite|following|even after|having)\s+(?:initially\s+)?"
    r"(?:(?:opening|starting|beginning|kicking off|opened|started|begun)\s+"
    r"(?:the (?:day|session|trade|trading day|week)\s+|trading\s+)?"
    rf"(?:(?P<up>{_OPENING_UP})|(?P<down>{_OPENING_DOWN}))\b"
    r"|(?:a|an|its|their)\s+(?:(?P<up2>strong|firm|solid|bright|upbeat|positive|buoyant)|"
    r"(?P<down2>weak|soft|shaky|poor|sluggish|rocky|negative|sour|subdued))\s+(?:start|opening)\b)"
)


# MarketWatch's inline quote after a name: "Resonant Inc. RESN, +249.19%", "LCOQ8, -0.82%"
_QUOTE_WIDGET = re.compile(r"[^\s:;,]\s+[A-Z]{2,6}\d{0,2},\s*$")
# a page's links after a ticker: "Amgen (AMGN | Quote | Chart | News | PowerRating) lost 11.9%"
_LINK_WIDGET = re.compile(r"\(\s*([A-Z][A-Z0-9.]{0,9})\s*\|(?:\s*[A-Za-z]+\s*\|)*\s*[A-Za-z]+\s*\)")


# a page's furniture that scraping leaves inside a sentence: "erasing early losses\n\n
# Advertisement 2\nStory continues below\nArticle content\n\nto rise 0.4%", "MSCI's broadest
# index of Asia-Pacific shares outside Japan, opens new tab fell 0.5 percent" (a link's label)
_PAGE_FURNITURE = re.compile(
    r"(?:\bAdvertisement(?:\s+\d+)?\s+)?\bStory continues below(?:\s+Article content)?\b|"
    rf"^[^\S\n]*(?:{PAGE_FURNITURE_LINE})[^\S\n]*$|"
    r",?\s*\(?\bopens new tab\b\)?",
    re.MULTILINE,
)


def _blanked(furniture: re.Match[str]) -> str:
    """Spaces in place of the furniture: the sentence reads on, and offsets stay the text's."""
    return " " * len(furniture[0])


# a ticker and the day's change in one parenthesis: "Morgan Stanley (MS US, +1.83%) rose",
# "Pfizer (NYSE: PFE, -1.05%)"; read as "Morgan Stanley (MS US) +1.83%", a change after its name
_CODE_WITH_CHANGE = re.compile(
    r"(\(\s*(?:[A-Z][A-Za-z]*:\s?)?[A-Z0-9][A-Z0-9.]{0,9}(?:\s[A-Z]{1,3})?\s*),"
    r"(\s*[+\-−–]\s?\d+(?:\.\d+)?\s?%\s*)\)"
)


def _code_then_change(match: re.Match[str]) -> str:
    """The code closed where its comma was, the change left in place: offsets stay the text's."""
    return f"{match[1]}){match[2]} "


# a page's live quotes after a contract's name: "crude for March delivery\nCL00,\n+0.05% CL.1,\n
# +0.05% CLH24,\n+0.05%\nfell $1.54, or 2.1%" (the boxes' numbers are the page's, not the text's)
_QUOTE_BOX = r"[A-Z]{1,6}[A-Z0-9.]*\d,\s*[+\-−]\d+(?:\.\d+)?%"
_QUOTE_BOXES = re.compile(rf"(?<![\w.]){_QUOTE_BOX}(?:\s+{_QUOTE_BOX})*")
_CODE_OF_BOX = re.compile(r"([A-Z]{1,6}[A-Z0-9.]*\d),")


def _inside_a_name(sentence: str, cue: Cue, mentions: list[Mention]) -> bool:
    """Whether a move word is a word of a name, not a verb: 'Advanced Micro Devices', 'Rising
    Star Holdings' (capitalised, with more of the name after it; a title's last word 'Tesla
    Rose' stays a verb), or the head of a group's name ('holding firms')."""
    if any(m.descriptive and m.start < cue.start and cue.end == m.end for m in mentions):
        return True  # "Holding firms shed 0.82 percent": the head noun of a group
    if not sentence[cue.start : cue.start + 1].isupper():
        return False
    return any(
        m.reference is None
        and m.start <= cue.start
        and cue.end < m.end
        and _NAME_GOES_ON.match(sentence, cue.end)
        for m in mentions
    )


_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")


def _last_code_only(boxes: re.Match[str]) -> str:
    """The most specific (last) contract code of the boxes ('CLH24', not the continuous 'CL.1'),
    in parentheses and padded to their length: it is the name's ticker."""
    codes = _CODE_OF_BOX.findall(boxes[0])
    contracts = [code for code in codes if "." not in code]
    return f"({(contracts or codes)[-1]})".ljust(len(boxes[0]))


def _code_only(widget: re.Match[str]) -> str:
    """The ticker in parentheses, padded to the widget's length so offsets stay the text's."""
    return f"({widget[1]})".ljust(len(widget[0]))


# a list item in lower case, which no pattern names: "..., bankex (0.36 per cent)"
_UNNAMED_ITEM = re.compile(r"(?:^|[,;:]\s*|\band\s+)[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*\(\s*$")


def _unnamed_item(lowered: str, at: int) -> bool:
    return _UNNAMED_ITEM.search(lowered, max(0, at - 30), at) is not None


def _fronted_subject(lowered: str, mentions: list[Mention], predicate: Predicate) -> list[Mention]:
    """The subject of a sentence that opens with a participle ('After rising 4.3% last week,
    the SPDR Gold Shares ...'): the first name after the opening phrase's comma."""
    opening = _FRONTED.match(lowered)
    if opening is None or predicate.start > lowered.find(",", opening.end()) >= 0:
        return []
    comma = lowered.find(",", predicate.end)
    if comma < 0:
        return []
    after = [
        m
        for m in mentions
        if m.start > comma and _can_be_subject(lowered, m, mentions) and not _only_a_place(m)
    ]
    if not after or not _FRONTED_GAP.fullmatch(lowered, comma + 1, after[0].start):
        return []
    return after[:1]


_FRONTED_GAP = re.compile(r"\s*(?:the|its|their|shares of|shares in)?\s*")
_FRONTED = re.compile(
    r"\W*(?:after|before|despite|since|while|having|on top of)\s+(?:[a-z]+ly\s+)?[a-z]+ing\b|"
    # "Despite a promising start, the SMI fell": a move noun of the subject's, set before it
    r"\W*(?:after|despite|following)\s+(?:a|an|its|their)\s+(?:[a-z]+\s+)?[a-z]+\s*,"
)


def _subject_of_participle(
    lowered: str, mentions: list[Mention], predicate: Predicate
) -> list[Mention]:
    """'The index closed at 1,903.84 points, marking a decrease of 4.05 points': a participle
    that states the move as its object speaks of the sentence's subject."""
    lead = _PARTICIPLE_OF_A_MOVE.search(lowered, max(0, predicate.start - 60), predicate.start)
    if lead is None:
        return []
    before = [
        m for m in mentions if m.end <= lead.start() and _can_be_subject(lowered, m, mentions)
    ]
    # with the names listed with it: "Ethereum (ETH) and Cardano (ADA) bucked the trend, posting
    # modest 2% gains" is both coins' 2%
    listed = before[:1]
    for mention in before[1:]:
        if not _LIST_GAP.fullmatch(lowered[listed[-1].end : mention.start]):
            break
        listed.append(mention)
    return listed


_PARTICIPLE_OF_A_MOVE = re.compile(
    r",\s*(?:marking|achieving|posting|recording|registering|logging|notching|booking|"
    r"showing|making|reflecting|representing|chalking up|clocking)\s+"
    r"(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+){0,3}$"
)


def _subject_like(lowered: str, mentions: list[Mention]) -> tuple[Mention, ...]:
    return tuple(
        m
        for m in mentions
        if m.reference is None and not m.descriptive and _can_be_subject(lowered, m, mentions)
    )


# a list's heading on a line of its own: "Top gainers", "Biggest losers:", "Worst performers"
_HEADING_LINE = re.compile(
    r"\W*(?:(?:the|today['’]s|the day['’]s)\s+)?"
    r"(?:(?P<rank>top|biggest|leading|main|major|best|worst)\s+)?"
    rf"(?:(?P<up>{_RISERS})|(?P<down>{_FALLERS})|"
    r"performers)(?:\s+(?:of the (?:day|session|week)|today|this week))?\W*",
    re.IGNORECASE,
)


def heading_direction(line: str) -> Direction | None:
    """The direction a list's heading line states ('Top gainers' up, 'Losers:' down), or None
    when the line is not such a heading."""
    match = _HEADING_LINE.fullmatch(line)
    if match is None:
        return None
    if match["up"]:
        return "up"
    if match["down"]:
        return "down"
    rank = (match["rank"] or "").lower()
    return "up" if rank in ("top", "best") else "down" if rank == "worst" else None


def read_under_heading(sentence: str, direction: Direction) -> SentenceReading:
    """A list under a heading on a line of its own ('Top gainers' then 'Orvane (5.1%),
    Kestrel (3.2%)'), read as the same list after the heading in one sentence is read;
    offsets into the sentence."""
    lead = "Top gainers: " if direction == "up" else "Top losers: "
    reading = read_sentence(lead + sentence)
    shift = len(lead)
    mentions = tuple(_shifted_mention(m, shift) for m in reading.mentions if m.start >= shift)
    facts = tuple(
        replace(
            fact,
            mention=_shifted_mention(fact.mention, shift),
            start=max(0, fact.start - shift),
            end=fact.end - shift,
            predicate=(max(0, fact.predicate[0] - shift), fact.predicate[1] - shift),
        )
        for fact in reading.facts
        if fact.mention is not None and fact.mention.start >= shift
    )
    return SentenceReading(sentence, mentions, facts)


def _shifted_mention(mention: Mention, shift: int) -> Mention:
    return replace(mention, start=mention.start - shift, end=mention.end - shift)


def resolve(readings: Sequence[SentenceReading]) -> list[SentenceReading]:
    """Readings of consecutive sentences with references named from the sentences before:
    'the index' -> the last index named, 'the stock' -> the last company, 'it' and a fact with
    no subject -> the last subject."""
    last: dict[str, Mention] = {}
    plural: list[Mention] = []  # the last names listed together ("E.ON and RWE")
    resolved: list[SentenceReading] = []
    readings = _unsigned_rows_read(readings)
    for reading in readings:
        facts: list[Fact] = []
        for group in _by_predicate(reading.facts):
            ref = group[0].mention.reference if group[0].mention is not None else None
            if ref in ("both", "they") and len(plural) >= 2:
                named = _for_each(group, plural, "respectively" in reading.sentence.lower())
                facts += [replace(f, resolved=True) for f in named]
                continue
            if ref in ("former", "latter"):
                # "Gold and silver surged: the former 0.28%, the latter 0.96%": the first or
                # the last of the names listed together before it, here or in a sentence before
                pair = _listed_before(reading, group[0].predicate[0]) or plural
                if len(pair) < 2:
                    facts += group  # no pair to pick from: left unnamed, as said
                    continue
                picked = pair[0] if ref == "former" else pair[-1]
                facts += [replace(f, mention=picked, resolved=True) for f in group]
                continue
            for fact in group:
                if fact.mention is None and _names_something(reading):
                    facts.append(fact)  # its own names, unbound: guessing from before is worse
                    continue
                target = _referent(fact.mention, last)
                pronoun = ref in ("it", "they") or fact.mention is None
                facts.append(
                    replace(
                        fact,
                        mention=target,
                        via_pronoun=pronoun,
                        resolved=True,
                        named_as=ref,
                    )
                    if target is not fact.mention
                    else fact
                )
        plural = _listed(reading) or plural
        moved: dict[str, Mention] = {}
        for fact in facts:
            if fact.mention is not None and fact.mention.reference is None:
                _remember(fact.mention, moved)
        # names a sentence states no move of may still be referred to: "Rheinmetall won a large
        # order. It rose 4.5%"; not the object of a preposition ("a partnership with X"), not
        # one who speaks ("Shah wrote"), and not over a name whose move it states ("Pressure
        # came from heavyweights led by Novartis, which fell 2%. The stock ...")
        for mention in reading.subjects:
            if not any(f.mention == mention for f in facts) and not _SPEAKS.match(
                reading.sentence, mention.end
            ):
                _remember(mention, last, weak=True)
        last |= moved
        if reading.subjects and not any(f.mention is not None for f in facts):
            last["subject"] = reading.subjects[0]
        resolved.append(replace(reading, facts=tuple(facts)))
    return resolved


# a name followed by a verb of saying is who speaks: "Shah wrote", "Kerr said"
_SPEAKS = re.compile(rf"(?:,[^,]{{1,80}},)?\s+(?:{SAYING})\b")


def _unsigned_rows_read(readings: Sequence[SentenceReading]) -> list[SentenceReading]:
    """A table whose falls carry a minus and whose rises carry no sign ('BET 12,801.95 -0.12%',
    'BET-BK 2,534.89 0.17%'): an unsigned row near a row with a minus rose."""
    rows = [_ROW.match(r.sentence) for r in readings]
    signed = [i for i, row in enumerate(rows) if row is not None and row.group("sign")]
    if not signed:
        return list(readings)
    out = list(readings)
    for i, row in enumerate(rows):
        reading = readings[i]
        if row is None or row.group("sign") or reading.facts or not reading.mentions:
            continue
        if not any(abs(i - j) <= 3 for j in signed):
            continue
        name = reading.mentions[0]
        if name.start != row.start("name"):
            continue
        fact = _pattern_fact(
            name,
            "up",
            span=(0, row.end("pct") + 1),
            predicate=(row.start("pct"), row.end("pct") + 1),
            pct=float(row.group("pct").replace(",", ".")),
        )
        out[i] = replace(reading, facts=(fact,))
    return out


# a row of a table of quotes: a name, its level (a price may carry its unit), a change
_ROW = re.compile(
    r"\s*(?P<name>[A-Z][\w&.'’/ -]{0,48}?)\s+(?:\([A-Z][A-Z0-9.]{0,9}\)\s+)?"
    r"[$€£]?\d[\d,]*(?:\.\d+)?\s?(?:p|c|lei|kr)?\s+(?P<sign>[+\-−])?(?P<pct>\d+(?:[.,]\d+)?)%\s*$"
)


# --- internals -------------------------------------------------------------------------------


def _names_something(reading: SentenceReading) -> bool:
    return any(m.reference is None and not m.descriptive for m in reading.mentions)


def _by_predicate(facts: Sequence[Fact]) -> list[list[Fact]]:
    groups: dict[tuple[int, int], list[Fact]] = {}
    for fact in facts:
        groups.setdefault(fact.predicate, []).append(fact)
    return list(groups.values())


def _for_each(group: list[Fact], names: list[Mention], respectively: bool) -> list[Fact]:
    """'Both had plummeted, dropping by around 30 and 32 basis points respectively': one fact
    per name of the sentence before, numbers paired in order."""
    if respectively and len(group) == len(names):
        return [replace(f, mention=m) for f, m in zip(group, names, strict=True)]
    return [replace(f, mention=m) for f in group for m in names]


def _listed_before(reading: SentenceReading, position: int) -> list[Mention]:
    """The names a sentence lists together before a position: "Copper and zinc fell sharply:
    the former lost 2.1%"."""
    named = [
        m
        for m in reading.mentions
        if m.reference is None and not m.descriptive and m.end <= position
    ]
    run: list[Mention] = []
    for mention in named:
        if run and not _PAIR_GAP.fullmatch(reading.sentence, run[-1].end, mention.start):
            run = []
        run.append(mention)
    return run if len(run) >= 2 else []


_PAIR_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+|&\s*|,\s*)(?:the\s+|both\s+)?")


def _listed(reading: SentenceReading) -> list[Mention]:
    """The last names a sentence lists together ('E.ON and RWE'), or the subjects of its last
    predicate when they are several."""
    subjects: dict[tuple[int, int], list[Mention]] = {}
    for fact in reading.facts:
        if fact.mention is not None and fact.mention.reference is None:
            subjects.setdefault(fact.predicate, []).append(fact.mention)
    several = [names for names in subjects.values() if len(names) > 1]
    if several:
        return several[-1]
    named = [m for m in reading.mentions if m.reference is None and not m.descriptive]
    if len(named) >= 2 and re.fullmatch(
        r"\s*(?:and|&|,\s*and)\s*", reading.sentence[named[-2].end : named[-1].start]
    ):
        return named[-2:]
    return []


_MAY_MOVE = re.compile(
    r"%|percent|per ?cent|pct|basis point|\bbps?\b|\d|rose|rise|fell|fall|gain|los[te]|drop|"
    r"climb|jump|surg|soar|rall|slip|slid|eas|dip|shed|sank|sink|slump|tumbl|plung|declin|"
    r"retreat|advanc|rebound|recover|up\b|down\b|higher|lower|flat|unchanged|steady|weak|firm|"
    r"strong|soft|added|dove|dived|div|sag|skid|spik|rocket|leap|pare|tack|put on|gave up|"
    r"pressure|ground|selloff|sell-off|rout|crash|trend|stable|little changed|advance|high|low|"
    r"limit|streak|tear|cool|edged|inched|laggard|gainer|loser|decliner|advancer|winner|faller|"
    r"doubl|tripl|quadrupl|halv|pull|suffer|setback|shav|resurgent|loss|erase|wip|gave back|"
    r"surrender|revers|recoup|plummet|strength|apprec|deprec|deval|claw|crater|tank|zoom|perk|"
    r"languish|perform|bounc|increas|decreas|grew|grow|swell|collect|hammer|batter|weigh|drag|"
    r"dent|boost|lift|buoy|propel|underpin|hurt|trim|sold off|sell off|selling off|fared|bucked|"
    r"green|in the red|in the black|territory|crept|nosediv|shrank|shrink|rising|losing|paring|"
    r" note\b|"
    r"giving up|grown|went|gone|going|bid\b|offered|back off|backing off|backed off|gave back|"
    r"give back|giving back|flattish|little movement|little change|cheaper|expensive|dearer|"
    r"flatten|steepen|south|north|in red|into red|collaps|stumbl|wilt|buckl|deflat|subsid|"
    r"reced|ebb|cheapen|hemorrhag|haemorrhag|vault|catapult|spurt|bolt|hopp|ascend|snapp|"
    r"power|roar|gapp|circuit|deteriorat|garner|explod|red\b|overc[ao]m|shook off|best|worst|"
    r"ascent|descent|record level|resistance|support|moved? (?:above|over|past|under|below)|"
    r"held at|holds? at|holding at|drift|uptick|downtick|growth|winning|beating|pounding|"
    r"drubbing|thrashing|bruising|leapfrog|pick-?up|a (?:heavy |big |severe |fresh )?(?:hit|blow)|"
    r"turn\w* (?:negative|positive|red|green|into)|(?:hardest|worst|most|biggest)[- ]hit|"
    r"(?:start|began|begin)\w* (?:the |its |their )?(?:trading )?(?:day|session|trade|week)"
)


def _may_state_a_move(lowered: str) -> bool:
    return _MAY_MOVE.search(lowered) is not None


def _lower(sentence: str) -> str:
    """Lower case, character for character (so offsets stay valid); a non-breaking hyphen is a
    hyphen ("closed ‑0.6%"), and an arrow before a figure is its sign ("Orvane ▲5.2%", as
    automated market reports write it)."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    return lowered.translate(_AS_SIGNS) if _SIGN_GLYPHS.search(lowered) else lowered


_AS_SIGNS = str.maketrans({"\u2011": "-", **dict.fromkeys(lx.UP_ARROWS, "+"),
                           **dict.fromkeys(lx.DOWN_ARROWS, "-")})  # fmt: skip
_SIGN_GLYPHS = re.compile(f"[\u2011{lx.UP_ARROWS}{lx.DOWN_ARROWS}]")


def _clause_of(cuts: list[tuple[int, int, str]], position: int) -> tuple[int, int]:
    start = max((e for s, e, kind in cuts if e <= position and kind == "clause"), default=0)
    end = min((s for s, e, kind in cuts if s >= position and kind == "clause"), default=10**9)
    return start, end


_SKIP_BEFORE = re.compile(
    r"(?:\b(?:against|versus|vs\.?|per|than|from|to|at|on|into|toward|towards|below|above|"
    r"near|since|after|before|amid|despite|following|under|behind|over|"
    r"tracking|track|tracked|led|helped|hit|hurt|dragged|pushed|weighed|boosted|"
    r"measuring|measures|comprising|covering|representing|mirroring|"
    r"lifted|outpaced|outperformed|trailed|beat|overtook|of|for|among|by|with|within|across|"
    r"between|about|unlike|outside|excluding|except|via)|\bahead of|\bin)\s+(?:the\s+|its\s+|"
    r"their\s+|a\s+|an\s+)?"
    r"(?:(?!(?:and|or|but|while|cent|as|was|were|is|are|has|have|had|been|be|monday|tuesday|"
    # "In the morning WIG20 jumped": a time set before the subject, no place it is in
    r"wednesday|thursday|friday|saturday|sunday|today|yesterday|morning|afternoon|evening|"
    r"meantime|session)\b)[\w'’-]+\s+){0,2}$"
)
_GENERIC_HEAD = re.compile(
    r"\b(?:(?:shares?|stocks?|gains?|losses|advances?|declines?|index|sub-index|prices?|futures|"
    r"contracts?|yields?|markets?|sector|adrs?|bonds?|notes?|units?|etfs?|trading|value|"
    r"(?:exchange|spot|currency) rates?)\s+(?:in|of)|"
    # "Shares on Wall Street declined", not "11 stocks on the BIST 100 rose" (a count of them)
    r"(?<!\d )(?<!many )(?<!most )(?<!few )(?<!all )(?<!some )(?:shares|stocks|equities)\s+on|"
    r"(?:all|each|both|most|some|many|none|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\s+of|"
    # "while that for the 2026 bond was 5.5 bps lower": the yield (or price) of the bond
    r"(?:(?<=while )|(?<=whereas )|(?<=and )|(?<=, ))(?:that|those)\s+(?:for|on|of))"
    # "shares of French automaker Renault", "stocks of the private lender Garanti Bankasi"
    # "shares of Japan's SoftBank", "stocks on Sweden's OMX Stockholm 30"
    # (not "the ADRs of Argentine companies on Wall Street": what stands on Wall Street moved)
    r"\s+(?:the\s+)?(?:(?!(?:on|at|in|for|from|to|against|with)\s)[a-z][\w-]*(?:['’]s)?\s+)"
    r"{0,3}?$"
)
# "The benchmark index of shares in Brazil, Russia, ...": places that say what a gauge covers
_PLACES_OF_A_GAUGE = re.compile(
    r"\b(?:index|gauge|benchmark|barometer|measure)\s+of\s+(?:[\w-]+\s+){0,2}in\s+$"
)
_GAUGE_OF = re.compile(r"\b(?:index|gauge|benchmark|barometer|measure)\s+of\s+$")
_COMPARED_WITH = re.compile(r"\b(?:pace|line|compared|par|tandem|step)\s+with\s+\S*\s*$")
_WITH = re.compile(r"\bwith\s+(?:the\s+|its\s+|their\s+)?(?:[a-z][\w'’-]*\s+){0,3}$")


def _subjects(
    sentence: str,
    lowered: str,
    mentions: list[Mention],
    cuts: list[tuple[int, int, str]],
    predicate: Predicate,
    last_end: int,
    clause: tuple[int, int],
) -> list[Mention]:
    """The mention(s) a predicate is about: the last name before it in its clause that is not
    the object of a preposition, with the names listed with it ('A, B and C all rose')."""
    lo = max(last_end, clause[0])
    relative = max(
        (e for s, e, kind in cuts if kind == "relative" and lo <= s and e <= predicate.start),
        default=None,
    )
    last_relative = max(
        (e for s, e, kind in cuts if kind == "relative" and clause[0] <= s < predicate.start),
        default=None,
    )
    moved = _moved_by_the_verb_before(lowered, mentions, predicate, lo)
    if moved is not None:
        return [moved]  # "MTN Ghana, which lifted the GSE index by 85 points": the index's
    said_that = _SAID_THAT.search(lowered, last_relative or lo, predicate.start)
    if (
        (
            relative is not None
            or (
                _AFTER_A_RELATIVE_CLAUSE.search(lowered, clause[0], predicate.start)
                and last_relative is not None
            )
        )
        and not (
            # "the expert, who added that Becle, OMA and GAP concentrated the declines": the
            # names after "that" are the subject
            said_that is not None
            and any(said_that.end() <= m.start and m.end <= predicate.start for m in mentions)
        )
        and not _listed_after(lowered, mentions, last_relative, predicate)
    ):
        # "X, which gained 2.5%", and "X, which had rallied with Y, shed 8.7%": the verb after
        # the clause is the antecedent's too; the caller finds it
        return []
    if said_that is not None and last_relative is not None:
        lo = max(lo, said_that.end())  # the clause said begins after "that"
    inserted = _insertions(lowered, lo, predicate.start, sentence, mentions)
    candidates = [
        m for m in mentions
        if lo <= m.start and m.end <= predicate.start
        and (
            _can_be_subject(lowered, m, mentions)
            or _subject_after_conjunction(lowered, m, predicate)
        )
        and not any(s <= m.start < e for s, e in inserted)
    ]  # fmt: skip
    if (
        len(candidates) > 1
        and (candidates[-1].descriptive or candidates[-1].reference is not None)
        and _APPOSED.fullmatch(lowered, candidates[-2].end, candidates[-1].start + 4)
    ):
        candidates = candidates[:-1]  # "with autos the worst-performing sector, down 2.1%"
    if predicate.noun_object is not None:
        inside = [
            m
            for m in mentions
            if m.start < predicate.noun_object[1] and predicate.noun_object[0] < m.end
        ]
        return _object_head(lowered, inside)
    if predicate.possessive:
        owner = [
            m
            for m in mentions
            if m.end <= predicate.start
            and predicate.start - m.end <= 30
            and lowered[m.end : m.end + 2] in ("'s", "’s")
        ]
        return owner[-1:]
    if not candidates:
        return []
    if _UNNAMED_ITEM.search(
        lowered, max(candidates[-1].end, predicate.start - 30), predicate.start
    ):
        return []  # "consumer discretionary (0.38 per cent), bankex (0.36 per cent)"
    if _detached(lowered, candidates[-1], predicate) and len(predicate.changes) < 2:
        return _clause_subject(lowered, mentions, clause, predicate) or candidates[-1:]
    chosen = [candidates[-1]]
    # names listed after "including" are still the list ("including A and B rose")
    listed = [
        m for m in mentions
        if lo <= m.start and m.end <= chosen[0].start and m.reference is None
        and (m in candidates or _INTRODUCED.search(lowered, max(0, m.start - 30), m.start))
    ]  # fmt: skip
    for mention in reversed(listed):
        gap = lowered[mention.end : chosen[0].start]
        if _OWNER_GAP.fullmatch(gap) and mention.end + len(gap) == chosen[0].start:
            continue  # "the pound, oil and London's equity markets": London owns the head
        if _LIST_GAP.fullmatch(gap):
            if instruments.splits_a_name(mention.name, chosen[0].name):
                merged = Mention(
                    mention.start,
                    chosen[0].end,
                    sentence[mention.start : chosen[0].end],
                    chosen[0].ticker,
                )
                chosen[0] = merged
                continue
            chosen.insert(0, mention)
        else:
            break
    joined = [
        m
        for m in mentions
        if m.end <= chosen[0].start and re.fullmatch(r",\s*", lowered[m.end : chosen[0].start])
    ]
    if (
        joined
        and joined[-1] not in candidates
        and instruments.is_place(joined[-1].name)
        and _PLACES_OF_A_GAUGE.search(lowered, max(0, joined[-1].start - 40), joined[-1].start)
    ):
        # "The benchmark index of shares in Brazil, Russia, China and India slipped": the
        # list is the object of "in", and the subject is the index before it
        return [m for m in candidates if m.end <= joined[-1].start][-1:]
    if len(chosen) == 1 and re.search(r"\bboth\b", lowered[chosen[0].end : predicate.start]):
        earlier = [m for m in candidates if m.end <= chosen[0].start]
        chosen = earlier[-1:] + chosen  # "A, which ..., and B ... both rose"
    if _SOME_OF.search(lowered, max(0, chosen[0].start - 24), chosen[0].start):
        return []  # "Most of the chipmakers fell more than 10%": breadth, not the group's move
    return chosen


_SOME_OF = re.compile(
    r"\b(?:most|many|some|several|half|majority|a number|a handful|few|none|\d+|two|three|"
    r"four|five|six|seven|eight|nine|ten)\s+of\s+(?:the\s+|its\s+|their\s+)?$"
)


_SAID_THAT = re.compile(
    r"\b(?:said|says|added|adds|noted|notes|explained|explains|warned|warns|stressed|stresses|"
    r"pointed out|highlighted|observed|reported|reports|told \w+)\s+that\s"
)


def _listed_after(
    lowered: str, mentions: list[Mention], relative_end: int | None, predicate: Predicate
) -> bool:
    """'A, which fell 4%, and B, off 3.5%': a name joined by 'and' after the relative clause
    is a new subject, whose move this is."""
    return relative_end is not None and any(
        relative_end <= m.start
        and m.end <= predicate.start
        and _A_CONJUNCT.search(lowered, max(0, m.start - 8), m.start)
        for m in mentions
    )


def _moved_by_the_verb_before(
    lowered: str, mentions: list[Mention], predicate: Predicate, lo: int
) -> Mention | None:
    """The object of a verb that moves something, where the move follows it: 'dragged the
    index down 1.1%', 'lifted the Nasdaq 0.9% higher', 'sent Orvane shares up 12%', 'knocked
    the dollar 0.5% lower'. The object moved, not the subject that moved it."""
    # "led the Stoxx 600 lower": with no number, the move starts at its direction word
    change_at = predicate.changes[0].start if predicate.changes else predicate.start
    before = [
        m
        for m in mentions
        if lo <= m.start
        and m.end <= change_at
        # "down 1.1%" starts after the object; "0.9% higher" is read from the article before it
        and (
            _SMALL_CLAUSE_GAP.fullmatch(
                lowered, m.end, predicate.start if m.end <= predicate.start else change_at
            )
            or (
                _POINTS_GAP.fullmatch(lowered, m.end, change_at) is not None
                and _POINTS.match(lowered, change_at) is not None
            )
        )
    ]
    if not before:
        return None
    moved = before[-1]
    verb = _A_VERB_THAT_MOVES.search(lowered, max(lo, moved.start - 30), moved.start)
    if verb is None and not (
        # "led the Stoxx 600 lower" (but "led the index up with a 7.2% gain" is the leader's)
        not predicate.changes and _LED_THE.search(lowered, max(lo, moved.start - 30), moved.start)
    ):
        return None
    return moved


# what may stand between the moved object and its move: "sent Orvane shares up 12%"
_SMALL_CLAUSE_GAP = re.compile(
    r"\s*(?:['’]s\s+)?(?:shares|stock|stocks|prices?)?\s*(?:to\s+)?(?:by\s+)?"
    # "lifted the Medium Cap Index by a negligible 0,02 percent"
    r"(?:(?:a|an)\s+(?:[a-z]+\s+)?(?=\d))?"
    r"(?:(?:about|nearly|almost|around|some|roughly|more than|over)\s+)?"
)
# "pushed the index up by 13.82 points (+0.74%)": its points, then their percentage
_POINTS_GAP = re.compile(r"\s*(?:up|down|higher|lower)\s+(?:by\s+)?")
_POINTS = re.compile(r"[\d.,]+\s+(?:points?|pts)\b")
_LED_THE = re.compile(r"\bled\s+(?:the\s+|its\s+|their\s+)?$")
# verbs that move their object ("dragged the index down", "lifted the Nasdaq 0.9% higher")
_MOVING_VERBS = (
    r"dragg(?:ed|ing)|drag|push(?:ed|es|ing)?|lift(?:ed|s|ing)?|sen(?:t|ds|ding)|"
    r"knock(?:ed|s|ing)?|boost(?:ed|s|ing)?|pull(?:ed|s|ing)?|propell(?:ed|ing)|"
    # "A rally in banks helped the Kospi gain 1%"
    r"help(?:ed|s|ing)?"
)
_A_VERB_THAT_MOVES = re.compile(
    rf"\b(?:{_MOVING_VERBS}|dr(?:ove|ives?|iving)|took|tak(?:es|ing)|le(?:ft|aving))\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:shares\s+of\s+|stock\s+of\s+)?$"
)


_AFTER_A_RELATIVE_CLAUSE = re.compile(r",\s*$")
# a name that moved something: "IQCD dragged the index down"
_MOVES_SOMETHING_AFTER = re.compile(rf"\s+(?:drags|{_MOVING_VERBS})\b")
# a description set right after a name, with no comma: "autos the worst-performing sector"
_APPOSED = re.compile(r"\s+(?:the|a|an)\s.*")
# "with Kestrel, the worst-performing stock, down 5%": the move after a description of the name
_APPOSITIVE_GAP = re.compile(r",?\s+(?:the|a|an)\s+[^,;()]{1,60},\s*")
# what joins the names of a list: "A, B and the broader C", "Spain's Bankia, Italy's UniCredit"
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as well as\s+)(?:the\s+)?"
    r"(?:(?!(?:while|but|which|who|as|after)\b)[a-z][\w-]*\s+){0,2}?(?:[a-z]+['’]s\s+)?"
)
_OWNER_GAP = re.compile(r"['’]s\s+")
_INTRODUCED = re.compile(
    r"\b(?:including|like|such as|notably|especially|among them)\s+(?:the\s+)?$"
)
_INSERTION = re.compile(
    # "Ten-year gilt yields, closely watched as a benchmark for borrowing costs, also rose"
    r",\s+(?:[a-z]+ly\s+)?(?:the|a|an|its|their|which|who|whose|tracking|including|led|one of|"
    r"known|seen|such as|[a-z]+ing|"
    # "The MASI.ESG, index of companies with the best ESG rating, rose": an article dropped
    r"(?:[a-z-]+\s+){0,2}(?:index|gauge|benchmark|barometer|indicator|measure)\s+(?:of|which|that|"
    r"for|tracking|comprising)|"
    r"(?!followed\b|trailed\b)[a-z]+ed)\b(?:[^,;()]|(?<=\d),(?=\d{3}))*,"  # "4,129.68" goes on
)
_FOLLOWED_BY = re.compile(r"\b(?:followed by|trailed by)\s+(?:the\s+)?$")
# a leader of the move with a move of its own: "Decliners were led by Orvane, down 4%",
# "dragged down by Kestrel, off 3%" (not "The Nikkei, led by Orvane, rose 1%")
_LED_BY = re.compile(
    r"\b(?:led|helped|lifted|boosted|driven|dragged(?: down)?|weighed(?: down)?|pressured) by\s+"
    r"(?:the\s+)?$"
)
# "led by Orvane, down 4%", "led by energy with a 2.4% gain"
_ITS_OWN_MOVE_AFTER = re.compile(
    r",\s+(?:up|down|off|higher|lower)\b|\s+with\s+(?:a|an)\s+(?:[a-z]+\s+)?[+\-−]?\d"
)
_DETACHED_START = re.compile(r"(?:[a-z]+ing|up|down|off|higher|lower|a|an|having|was|were|\d)\b")
_VERBISH = re.compile(
    r"\b(?:was|were|is|are|has|have|had|traded|trades|closed|ended|finished|settled|stood|led|"
    r"hit|touched|reached|remained|stayed|made|saw|posted|logged|took|been)\b"
)


def _insertions(
    lowered: str, lo: int, hi: int, sentence: str, mentions: Sequence[Mention]
) -> list[tuple[int, int]]:
    """', the largest copper producer,', ', tracking China's Nasdaq-style board,' and ',
    Kestrel's biggest rival,': words set off by commas or dashes between a subject and its
    verb (not ', India's rupee,', which names an instrument of a list)."""
    # after a fronted phrase that names nothing and moves nothing, ", the KOSPI closed at
    # 4,129.68," is the sentence's own clause, not an aside ("On Monday, the KOSPI ...")
    # ("In Seoul, the 3-year yield closed at 2.044%, up 9.7 basis points": a name of where it
    # happened, set before the clause, is no name the clause is an aside of)
    setting = _FRONTED_SETTING.match(lowered)
    commas = [
        (lo + m.start(), lo + m.end())
        for m in _INSERTION.finditer(lowered[lo:hi])
        if any(
            n.end <= lo + m.start() and not (setting is not None and n.end <= setting.end())
            for n in mentions
        )
        or any(p.search(lowered, 0, lo + m.start()) for p in lx.MOVE_WORDS)
    ]
    owned = [
        m.span()
        for m in _OWNED_DESCRIPTION.finditer(sentence, lo, hi)
        if not any(
            m.start() < n.start and n.end == m.end() - 1 and n.reference is None for n in mentions
        )
    ]
    return commas + owned + asides(lowered, lo, hi)


# where the sentence happens, set before it: "In Seoul,", "Elsewhere in Asia,"
_FRONTED_SETTING = re.compile(
    r"(?:(?:elsewhere|over|meanwhile),?\s+)?(?:in|at|across)\s[^,;]{1,40},"
)
# "The VIX, Wall Street's fear gauge, jumped": a description owned by a name (in lower-case
# words, unlike the next item of a list: "Spain's Bankia, Italy's UniCredit and ...")
_OWNED_DESCRIPTION = re.compile(
    r",\s+(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+(?:(?:[Nn]o\.\s?\d+|[a-z][\w-]*)\s+){0,4}"
    r"[a-z][\w-]*,"
)


def _subject_after_conjunction(lowered: str, mention: Mention, predicate: Predicate) -> bool:
    """'after oil prices plummeted 7%': 'after' opens a clause, not a phrase, when the name
    stands right before the move words, or a description set off by commas stands between
    ('after TSMC, the most heavily weighted stock, gained 1%')."""
    after = mention.end
    inserted = _INSERTION.match(lowered, after, predicate.start)
    if inserted is not None:
        after = inserted.end()
    elif ", " in lowered[mention.start : mention.end]:
        # (a name that took its description in: "Orvane, the bourse's heaviest stock")
        after += len(lowered[after : predicate.start]) - len(
            lowered[after : predicate.start].lstrip(", ")
        )
    if not _ATTACHED.fullmatch(lowered, after, predicate.start):
        return False
    # "led by 10-year yields dropping 10 basis points": a name right before a participle
    participle = (
        _PARTICIPLE.match(lowered, predicate.start) is not None
        and _OF_A_HEAD.search(lowered, max(0, mention.start - 12), mention.start) is None
    )
    return participle or (
        _CONJUNCTION_BEFORE.search(lowered, max(0, mention.start - 30), mention.start) is not None
    )


_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_OF_A_HEAD = re.compile(r"\b(?:at|of|in|for|from|to)\s+(?:the\s+|its\s+)?$")  # "profits at Sony"


_CONJUNCTION_BEFORE = re.compile(
    r"\b(?:after|before|since|until|as|while|when|once|despite)\s+(?:the\s+|its\s+|their\s+)?$"
)


_A_CONJUNCT = re.compile(r",\s*and\s+(?:the\s+)?$")


def _detached(lowered: str, last: Mention, predicate: Predicate) -> bool:
    """'..., jumping 11.6 percent', '..., down 0.3 percent': a predicate set off by a comma
    is about the clause's subject, not the last name before it."""
    gap = lowered[last.end : predicate.start]
    if "," not in gap or re.search(r",\s*(?:and|or)\s", gap) or _APPOSITIVE_GAP.fullmatch(gap):
        return False
    if _A_CONJUNCT.search(lowered, max(0, last.start - 8), last.start):
        return False  # "followed by A, down 3.5 percent, and B, down 2.8 percent": B's own
    if _FOLLOWED_BY.search(lowered, max(0, last.start - 20), last.start) or _led_with_a_move(
        lowered, last
    ):
        return False  # "Cemex led the decline, followed by Grupo Carso, down 4.09%"
    tail = gap[gap.rfind(",") + 1 :].strip()
    return (not tail and _DETACHED_START.match(lowered, predicate.start) is not None) or tail in (
        "having",
    )


def _led_with_a_move(lowered: str, mention: Mention) -> bool:
    return (
        _LED_BY.search(lowered, max(0, mention.start - 24), mention.start) is not None
        and _ITS_OWN_MOVE_AFTER.match(lowered, mention.end) is not None
    )


def _clause_subject(
    lowered: str, mentions: list[Mention], clause: tuple[int, int], predicate: Predicate
) -> list[Mention]:
    """The grammatical subject of the clause: the last name before its first verb."""
    verb = _VERBISH.search(lowered, clause[0], predicate.start)
    first_verb = verb.start() if verb else predicate.start
    before = [
        m
        for m in mentions
        if clause[0] <= m.start and m.end <= first_verb and _can_be_subject(lowered, m, mentions)
    ]
    return before[-1:]


def _only_a_place(mention: Mention) -> bool:
    return instruments.is_place(mention.name)


def _without_a_place_object(
    lowered: str, predicate: Predicate, mentions: Sequence[Mention]
) -> Predicate:
    """'Tencent saw a drop of 3% in Hong Kong': where a move noun's object names only a place,
    the noun's subject moved ('a strong lead from Wall Street' is the place's market's)."""
    if predicate.noun_object is None:
        return predicate
    lo, hi = predicate.noun_object
    if _LEAD_FROM.search(lowered, max(0, lo - 16), lo):
        return predicate
    inside = [m for m in mentions if m.start < hi and lo < m.end]
    if inside and all(_only_a_place(m) for m in inside):
        return replace(predicate, noun_object=None)
    return predicate


_LEAD_FROM = re.compile(r"\bleads? from (?:the )?$")


_BARE_SHARES = BARE_SHARES | {"the shares", "the stock"}


def _object_head(lowered: str, inside: list[Mention]) -> list[Mention]:
    """The names a move noun's object is about: 'rally in China's domestic banks' -> banks;
    'advances in tech and financial shares' -> both; 'weakness from the oil companies and
    mixed performances from the financials' -> the oil companies."""
    heads = [
        m
        for m in inside
        if (lowered[m.end : m.end + 2] not in ("'s", "’s") or m is inside[-1])
        # "the rise of China's AI capabilities" is no move of China; "a strong lead from Wall
        # Street" is one of its market
        and (not _only_a_place(m) or _LEAD_FROM.search(lowered, max(0, m.start - 16), m.start))
        # "a 5% drop in shares of Orvane": Orvane's
        and not (m.name.lower() in _BARE_SHARES and lowered.startswith(" of ", m.end))
    ]
    if not heads:
        return []
    chosen = [heads[0]]
    for mention in heads[1:]:
        if _LIST_GAP.fullmatch(lowered, chosen[-1].end, mention.start):
            chosen.append(mention)
        else:
            break
    return chosen


def _can_be_subject(lowered: str, mention: Mention, mentions: Sequence[Mention] = ()) -> bool:
    """Not the object of a preposition ('against the yen', 'on China's second exchange'),
    except of a generic head ('shares of Nvidia', 'gains in tech stocks')."""
    window = max(0, mention.start - 40)
    before = lowered[window : mention.start]
    if _WITH.search(before) and not _COMPARED_WITH.search(before):
        return True
    if _FOLLOWED_BY.search(before) or _led_with_a_move(lowered, mention):
        return True  # "followed by Grupo Carso, down 4.09%": the next in a ranking
    if not _SKIP_BEFORE.search(before):
        return True
    head = _GENERIC_HEAD.search(before)
    if head is None:
        return False
    # "the FTSEurofirst 300 index of top shares": the head belongs to the name before it
    at = window + head.start()
    if _GAUGE_OF.search(lowered, max(0, at - 30), at):
        return False  # "The benchmark index of shares in Brazil, Russia ...": the index moved
    return not any(
        other.start <= at < other.end
        for other in mentions
        if other is not mention and not other.descriptive
    )


def _antecedent(
    lowered: str,
    mentions: list[Mention],
    cuts: list[tuple[int, int, str]],
    predicate: Predicate,
) -> list[Mention]:
    """'Li Auto, which dived 6.2 percent', 'Aker BP stock, which ended 4.8 percent higher': the
    name before ', which' (and the word that says what of it is meant)."""
    relative = [s for s, e, kind in cuts if kind == "relative" and e <= predicate.start]
    if not relative:
        return []
    comma = relative[-1]
    before = [
        m
        for m in mentions
        if m.end <= comma
        and (m.end >= comma - 3 or _ANTECEDENT_HEAD.fullmatch(lowered, m.end, comma))
    ]
    if (
        len(before) > 1
        and _only_a_place(before[-1])
        and _A_PLACE_AFTER.fullmatch(lowered, before[-2].end, before[-1].start)
    ):
        before = before[:-1]  # "The Orvane contract in London, which ...": the contract
    if before and before[-1].reference is not None:
        # "Commercial International Bank, the country's biggest private bank, which added
        # 2.3 percent": the appositive describes the name right before it
        named = [m for m in mentions if m.end <= before[-1].start and m.reference is None]
        if named and _COMMA.fullmatch(lowered, named[-1].end, before[-1].start):
            before = [*before[:-1], named[-1]]
    antecedent = before[-1:]
    if (
        antecedent
        and _WHICH_MOVED_ITS.match(lowered, comma)
        and not _can_be_subject(lowered, antecedent[0], mentions)
    ):
        # "The yen gained 5.46% against the dollar, which pushed its year-to-date gain to 6%":
        # "which" is the gain, and "its" the subject's, not the dollar's (a move the other way
        # is the object's: "rose against the yen, which pushed its decline to 8%")
        subjects = [
            m
            for m in mentions
            if m.end <= antecedent[0].start
            and m.reference is None
            and _can_be_subject(lowered, m, mentions)
            and any(
                c.direction == predicate.direction and m.end <= c.start < antecedent[0].start
                for c in find_cues(lowered)
            )
        ]
        antecedent = subjects[-1:] or antecedent
    if antecedent and len(predicate.changes) > 1:
        # "Orvane and Kestrel, which fell 5% and 4%, respectively": the names listed together
        for mention in reversed([m for m in mentions if m.end <= antecedent[0].start]):
            if len(antecedent) == len(predicate.changes):
                break
            if not _LIST_GAP.fullmatch(lowered, mention.end, antecedent[0].start):
                break
            antecedent.insert(0, mention)
    return antecedent


_A_PLACE_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}\s+(?:in|on|at)\s+(?:the\s+)?")
_WHICH_MOVED_ITS = re.compile(r"\s*,?\s*which\s+[a-z]+\s+(?:its|their)\s")
# "The peso currency, which ...": what of the name the relative clause is about
_ANTECEDENT_HEAD = re.compile(
    r"(?:\s+(?:stocks?|shares?|currency|index|unit|coin|token|contract|futures|price|prices|"
    r"yield|bonds?))?"
    # "WTI futures for December, which ...", "Orvane shares in Hong Kong, which ...": the
    # place or delivery month after the name
    r"(?:\s+(?:for|in|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}[\w-]+)?\s*"
)


def _the_move_just_told(
    lowered: str, facts: list[Fact], before: list[Mention] | None, predicate: Predicate
) -> list[Mention]:
    """'..., and the BIST construction index was the only sector index that recorded an
    increase, going up 0.34 percent': a participle right after a move is that move's subject's,
    where that subject is named after the clause's own."""
    last = facts[-1] if facts else None
    if last is None or last.mention is None or not before:
        return []
    between = lowered[last.end : predicate.start]
    if (
        last.mention.start > max(m.start for m in before)
        and last.end <= predicate.start
        and len(between) < 40
        and between.lstrip().startswith(",")
    ):
        return [last.mention]
    return []


def _subjects_before(
    sentence: str,
    lowered: str,
    mentions: list[Mention],
    cuts: list[tuple[int, int, str]],
    clause: tuple[int, int],
) -> list[Mention]:
    """The subject (with the names listed with it) of the clause before this one."""
    start = max((e for s, e, kind in cuts if e < clause[0] and kind == "clause"), default=0)
    before = Predicate(clause[0], clause[0], "up", "verb")
    return _subjects(sentence, lowered, mentions, cuts, before, start, (start, clause[0]))


def _no_name_in(
    mentions: list[Mention], clause: tuple[int, int], predicate: Predicate, lowered: str
) -> bool:
    """', but a jump of 3.9 percent from the end of last year': a clause that names nothing
    before its move goes on about the subject before it; ', while lead was 0.8% lower' has a
    subject of its own, one no pattern knows, and is not about the subject before."""
    if any(clause[0] <= m.start < predicate.start for m in mentions):
        return False
    own = _OWN_SUBJECT.search(lowered, max(0, clause[0] - 12), predicate.start)
    return own is None or own.start() > clause[0] or predicate.form == "noun"


# ", while lead was", ", whereas the information technology": a contrast clause opening with
# a subject of its own that no pattern names
_OWN_SUBJECT = re.compile(
    r"\b(?:while|whereas|but|though|although|as)\s+(?:the\s+)?"
    r"(?!(?:it|its|they|their|also|then|later|still|was|were|is|are|has|had|have|a|an)\b)"
    r"(?![a-z]+(?:ed|ing)\b)"  # "but closed 0.3% lower": a verb, the subject is the one before
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s*(?:(?:was|were|is|are|has|had|have)\s*)?$"
)


def _owner_of_its(
    lowered: str, mentions: list[Mention], subjects: list[Mention], clause: tuple[int, int]
) -> list[Mention]:
    """'Retail giant Target saw its shares fall 3.8%': the shares are the clause's name's; a
    clause that opens with them ('followed by the Basic Materials sector, as its index closed
    at a loss of 0.99%') has the name right before it."""
    if (
        len(subjects) != 1
        or subjects[0].reference is None
        or not subjects[0].name.startswith(("its ", "their "))
    ):
        return []
    owners = [
        m
        for m in mentions
        if clause[0] <= m.start
        and m.end <= subjects[0].start
        and m.reference is None
        and _can_be_subject(lowered, m, mentions)
    ]
    if not owners:
        owners = [
            m
            for m in mentions
            if m.reference is None
            and m.end <= subjects[0].start
            and _ITS_OPENS.fullmatch(lowered, m.end, subjects[0].start)
        ]
        if (
            owners
            and subjects[0].reference in _A_COMPANYS
            and instruments.kind_of(owners[-1].name) != "stock"
            and not _can_be_subject(lowered, owners[-1], mentions)
        ):
            # "Orvane was added to the Kestrel index, with its share price jumping 5%": an index
            # has no shares, and it is the object of "to"; the shares are the subject's (but
            # in "after a warning from Orvane, with its shares sliding 6%" they are Orvane's)
            earlier = [
                m
                for m in mentions
                if m.reference is None
                and m.end <= owners[-1].start
                and _can_be_subject(lowered, m, mentions)
                and instruments.kind_of(m.name) == "stock"
            ]
            owners = earlier[-1:] or owners
    return owners[-1:]


# a clause opening with the owned thing: ", as its", ", while their", ", with its"
_ITS_OPENS = re.compile(r"\s*[,;]\s*(?:as|while|with|and|but|after|where)?\s*")


def _named_by_the_copula(
    lowered: str, mentions: list[Mention], subjects: list[Mention]
) -> list[Mention]:
    """'the BIST construction index was the only sector index that recorded an increase, going
    up 0.34 percent': the group named after 'was the' is the name before it."""
    if len(subjects) != 1 or not (subjects[0].descriptive or subjects[0].reference):
        return []
    start = subjects[0].start
    copula = _COPULA_BEFORE.search(lowered, max(0, start - 40), start) or (
        # "Orvane (ORVH) was the best performing stock for the week, with a gain of 1.4%"
        _COPULA_RIGHT_BEFORE.search(lowered, max(0, start - 8), start)
        if _RANKED.match(lowered, start)
        else None
    )
    if copula is None:
        return []
    named = [
        m
        for m in mentions
        if m.end <= copula.start()
        and copula.start() - m.end <= 3
        and not m.descriptive
        and m.reference is None
    ]
    return named[-1:]


_COPULA_RIGHT_BEFORE = re.compile(r"\s(?:was|is|were|are)\s+$")
_RANKED = re.compile(
    r"(?:the|a|an)\s+(?:only|sole|top|best|worst|biggest|largest|lone|single)(?:[\s-]|$)"
)
_COPULA_BEFORE = re.compile(
    r"\s(?:was|is|were|are)\s+(?:the|a|an)\s+(?:only|sole|top|best|worst|biggest|"
    r"largest|lone|single)\s+$"
)


def _named_in_sentence(
    subjects: list[Mention],
    last_subjects: list[Mention],
    lowered: str,
    mentions: Sequence[Mention],
) -> list[Mention]:
    """'Pfizer was the biggest loser, its shares down 2.1 per cent': a reference names the
    subject before it in the same sentence, when there is one."""
    if len(subjects) != 1 or subjects[0].reference is None or not last_subjects:
        return subjects
    ref = subjects[0].reference
    if ref in lx.INDEX_REFERENCES:
        named = [m for m in last_subjects if instruments.kind_of(m.name) == "index"]
        return named or subjects
    if ref in lx.CURRENCY_REFERENCES:
        # "Gold rose 1%, while the currency fell": the currency is no metal
        named = [m for m in last_subjects if instruments.kind_of(m.name) == "currency"]
        return named[-1:] or subjects
    if ref in ("both", "they"):
        return last_subjects if len(last_subjects) > 1 else subjects
    if ref in ("former", "latter"):
        return subjects  # the pair it picks from is known once the sentences are read (resolve)
    if ref in _A_COMPANYS or ref in lx.ENTITY_REFERENCES:
        # "IQCD dragged the index down 66 points; the stock is up 13.1%": a stock is no index,
        # and the name that moved the index is named before it
        def no_index(m: Mention) -> bool:
            return m.reference not in lx.INDEX_REFERENCES | lx.CURRENCY_REFERENCES and (
                instruments.kind_of(m.name) not in ("index", "currency")
            )

        named = [m for m in last_subjects if no_index(m)] or [
            m
            for m in mentions
            if m.end <= subjects[0].start
            and m.reference is None
            and no_index(m)
            and _MOVES_SOMETHING_AFTER.match(lowered, m.end)
        ]
        return named[-1:] or subjects
    return last_subjects[-1:]


_A_COMPANYS = frozenset({"stock", "stocks", "shares", "share price", "counter", "adr", "adrs"})


def _table_subject(lowered: str, mentions: list[Mention], predicate: Predicate) -> list[Mention]:
    """The subject of a table of yearly returns: the last name before its first row."""
    before = [m for m in mentions if m.end <= predicate.start and _can_be_subject(lowered, m)]
    return before[-1:]


_SHARED_UNIT = re.compile(
    rf"(?:\s*(?:,\s*|\s+and\s+|,\s+and\s+)[+\-−]?{lx.NUM})+\s?(?:%|per\s?cent\b|percent\b|"
    r"basis[ -]points?\b|bps?\b)"
)


def _unit_end(lowered: str, end: int) -> int:
    """Where the unit a list's numbers share ends: '5.0 and 2.5 percent' from after '5.0'."""
    shared = _SHARED_UNIT.match(lowered, end)
    return shared.end() if shared else end


def _list_item(lowered: str, mentions: list[Mention], predicate: Predicate) -> list[Mention]:
    """'COL Group (3%)': the name right before the parenthesis; 'Orvane Brewing (ORV), with
    3.34%': the name before the comma."""
    before = [
        m
        for m in mentions
        if m.end <= predicate.start
        and (
            predicate.start - m.end <= 4
            or _WITH_AFTER_A_NAME.fullmatch(lowered, m.end, predicate.start) is not None
        )
    ]
    return before[-1:]


_WITH_AFTER_A_NAME = re.compile(r"(?:\s*\([^()]{1,15}\))?\s*,\s*with\s+")


def _facts(
    sentence: str,
    lowered: str,
    predicate: Predicate,
    subjects: list[Mention],
    clause: tuple[int, int],
    used: set[Mention],
    mentions: Sequence[Mention] = (),
) -> list[Fact]:
    changes: list[Change | None] = list(predicate.changes) or [None]
    # "dropped 5.6% and 5.5%, respectively", and without the word: "A and B closing 3.2 and
    # 2.9 per cent lower"
    respectively = len(changes) > 1 and len(subjects) == len(changes)
    # "respectively" with fewer names found than numbers: told in turn of names not all read
    in_turn = (
        len(changes) > 1
        and 0 < len(subjects) < len(changes)
        # ("Both had plummeted, dropping by 30 and 32 basis points respectively": names the
        # sentences before give, read later)
        and all(s.reference is None for s in subjects)
        and _RESPECTIVELY.search(lowered, predicate.start, clause[1]) is not None
    )
    if in_turn:
        # "both the A index, which ..., and the B index, tracking ..., increased by 0.53% and
        # 0.31%, respectively": the clause's names before the verb are the list
        named_before = [
            m
            for m in mentions
            if clause[0] <= m.start and m.end <= predicate.start and m.reference is None
        ]
        if len(named_before) == len(changes):
            subjects, respectively, in_turn = named_before, True, False
    pairs: list[tuple[Mention | None, Change | None]]
    if respectively:
        pairs = list(zip(subjects, changes, strict=True))
    elif in_turn:
        pairs = _partly_named_in_turn(lowered, subjects, changes, clause, predicate, mentions)
    else:
        named: list[Mention | None] = list(subjects) or [None]
        pairs = [(s, c) for c in changes for s in named]
    # "WTI futures, which will soon become the front month, lost 14 cents": what a relative
    # clause says of the subject does not make its move a forecast
    head = _RELATIVE_ASIDE.sub(_blank, lowered[clause[0] : predicate.start])
    headline = is_title_case(sentence)
    modal = any(
        # "Retail giant Target saw its shares fall": a capitalised word inside a sentence
        # is a name, not a modal (but in "Analyst Projects 300% Rally" every word is one)
        not sentence[clause[0] + m.start()].isupper()
        or m.start() == 0
        # ("Shares Of Target Jump 5%": a name that starts with the word is a name)
        or (headline and not any(n.start == clause[0] + m.start() for n in subjects))
        for m in lx.MODAL.finditer(head)
    ) or any(
        head[m.start() - clause[0]] != " "
        for m in _MAY.finditer(sentence, clause[0], predicate.start)
    )
    if predicate.form == "noun" and not predicate.changes:
        after = lowered[predicate.end : min(clause[1], predicate.end + 60)]
        modal = (
            modal
            or _NOUN_HYPOTHETICAL.search(
                lowered, max(clause[0], predicate.start - 30), predicate.start
            )
            is not None
            or _MODAL_AFTER.search(after) is not None
        )
    forecast = (_infinitive(lowered, predicate.start) and modal) or _FORECAST.search(
        head
    ) is not None
    # a move tried and not made: "Naspers struggled to gain momentum"
    tried = _TRIED.search(lowered, max(clause[0], predicate.start - 40), predicate.start)
    realised = not forecast and not modal and tried is None
    facts = []
    first = subjects[0] if subjects and not respectively else None
    for mention, change in pairs:
        subject = first or mention
        start = (
            min(subject.start, predicate.start)
            if subject is not None and subject.start < predicate.end
            else predicate.start
        )
        if subject is not None and subject in used and predicate.start - subject.end > 60:
            start = predicate.start  # "..., and down more than 26 percent from the levels"
        end = max(predicate.end, change.end if change else 0)
        last = changes[-1]
        if respectively and change is not None and last is not None and change.end < last.end:
            # "gained 5.0 and 2.5 percent respectively": the first number's unit is the last's
            end = max(end, _unit_end(lowered, change.end))
        if (
            predicate.noun_object is not None
            and mention is not None
            and mention.start >= predicate.end
        ):
            end = max(end, mention.end)  # "a 3.5% rise in Emaar Malls EMAA.DU"
        if (
            sentence[end : end + 1] == ")"
            and "(" in sentence[start:end]
            and sentence.count("(", start, end) > sentence.count(")", start, end)
        ):
            end += 1
        window = _window(lowered, predicate, change, clause)
        # a list of names is no figure either: "Ominvest, Global Financial Investments, and
        # Taageer Finance were down by 1.95, 1.49 and 1.19 per cent respectively"
        listed = [
            s.end for s in subjects if s.end <= predicate.start and _PROPER_NAME.match(s.name)
        ]
        price = _is_price(
            lowered,
            mention,
            predicate,
            change,
            clause,
            after=max(listed, default=0),
            named=mention is not None and _named_inside(sentence, mention),
        )
        # a streak the clause states before the move words is the move's ("ended three straight
        # sessions in the red with a rise of 4.4 percent")
        streak = _STREAK.search(" ".join((window[0], lowered[clause[0] : predicate.start])))
        timeframe = _timeframe(window, predicate, change)
        if timeframe == "year" and _SO_FAR.search(lowered, clause[0], predicate.start):
            timeframe = "ytd"  # "So far, TASI has lost 6.4 percent in 2015"
        # "Friday's 2.1% drop": a period owning the move, right before it, wins
        owner = _PERIOD_OWNER.search(window[1])
        # "gave up most of Monday's gains": Monday owns the gains, not the verb's move
        own_words = _OWNED_MOVE.sub(" ", window[0]) if predicate.form == "verb" else window[0]
        when = (
            (when_named(owner.group(1)) if owner else None)
            or when_named(own_words)
            or when_named_last(window[1])
        )
        if when is not None and when.unit == "multi_day" and timeframe != "multi_day":
            when = None  # "closing up 2.47% for three consecutive sessions": the day's number
        session = _session(window, change)
        if session == "intraday_high" and timeframe not in ("unspecified", "day"):
            session = "unspecified"  # "up as much as 30% this year": the year's most
        fronted = _fronted_period(lowered, predicate.start)
        if (
            fronted is not None
            and predicate.start > fronted.end()
            and (
                clause[0] <= fronted.end() + 1  # in the clause right after it
                # "For the week, the contracts closed mixed, with CBOT wheat higher"
                or _WITH_AFTER_A_COMMA.search(lowered, fronted.end(), predicate.start) is not None
            )
        ):
            # "For the week, GDX and GDXJ gained 5.8% and 3.7%": the sentence's period, where a
            # move names none of its own
            words = (fronted.group("words"), "")
            if timeframe == "unspecified" and when is None:
                timeframe = _timeframe(words, predicate, change)
                when = when_named(words[0])
            if session == "unspecified":
                session = _session(words, None)
        if timeframe == "year" and _a_year_still_running(lowered, clause, predicate, when):
            timeframe = "ytd"
        # "Nikkei seen up 20% by the end of next year": a move of a time to come is a forecast
        future = _FUTURE_AFTER.match(lowered, change.end if change else predicate.end)
        facts.append(
            Fact(
                mention=mention,
                direction=predicate.direction,
                pct=None if change is None or change.is_range else change.pct,
                bp=None if change is None else change.bp,
                qualifier=_qualifier(change),  # type: ignore[arg-type]
                session=session,
                timeframe=timeframe,
                period=_period(window),
                start=start,
                end=end,
                realised=realised and future is None,
                forecast=forecast or future is not None,
                price=price,
                has_number=change is not None,
                attached=_attached(
                    lowered,
                    subjects[-1] if mention in subjects and not respectively else mention,
                    predicate,
                ),
                predicate=(predicate.start, predicate.end),
                weak=predicate.weak,
                against=_against(lowered, change.end if change else predicate.end, clause),
                when=when,
            )
        )
        facts[-1] = _as_the_quoted_currency(lowered, sentence, facts[-1])
        if change is not None and _A_RATE_CROSSED.search(
            lowered, max(0, change.start - 12), change.start
        ):
            facts[-1] = _a_level_crossed(facts[-1])
        erased = lx.ERASED.match(lowered, predicate.start)
        if erased is not None and realised and _EARLIER_MOVE.search(erased[0]):
            facts.append(_move_before(facts[-1]))
        number_end = change.end if change is not None else predicate.end
        after_a_run = _AFTER_A_RUN.match(lowered, predicate.end) if streak is None else None
        if streak is None and after_a_run is None:
            # "rose 0.5%, marking a fourth straight day of gains", "fell 0.5%, its third
            # straight losing session": a run set after the move, of the move's own subject
            appended = _STREAK_APPENDED.match(lowered, number_end)
            streak = None if appended is None else _STREAK.search(appended[0])
        run = None if after_a_run is None else _run_direction(after_a_run)
        if run is not None and realised:
            earlier = _earlier_move(facts[-1], run, session="unspecified", timeframe="multi_day")
            own_clause = mention is not None and _a_clause_after_its_move(
                lowered, mention, predicate
            )
            facts.append(replace(earlier, attached=earlier.attached or own_clause))
        elif streak is not None and realised:
            facts[-1:] = _streak_facts(
                facts[-1],
                broken=_BROKEN_STREAK.search(streak[0]) is not None,
                run=_run_direction(streak),
            )
            if mention is not None and _streak_after_a_move(lowered, mention, predicate):
                facts[-1] = replace(facts[-1], attached=True)
    if respectively:
        facts = _period_shared(facts)
    return facts


def _period_shared(facts: list[Fact]) -> list[Fact]:
    """'A and B have shed 32.70% and 19.21% in year to date performance': a period after the
    last number of a 'respectively' list is every number's."""
    last = facts[-1]
    if last.timeframe == "unspecified" and last.when is None:
        return facts
    return [
        replace(
            f,
            timeframe=last.timeframe,
            when=last.when,
            period=f.period or last.period,
            # "shed up to 32.70% ... in the year": the most over the year, not in a session
            session="unspecified" if f.qualifier == "up_to" else f.session,
        )
        if f.timeframe == "unspecified" and f.when is None and f.has_number
        else f
        for f in facts
    ]


# "gained for a seventh day", "a fourth straight day of gains", "snapped an eight-day losing
# streak": the day's move, and a move of the sessions before it
# what a run of sessions was made of: its direction
_RUN_WORDS = r"(?:gains|advances|rises|increases|losses|declines|falls|drops|decreases)\b"
_ORDINAL = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th))"
)
_STREAK = re.compile(
    rf"\b(?:for|in|marked|notched|posted|logged) (?:a|the|its|their) {_ORDINAL} "
    r"(?:straight |consecutive |successive )?(?:trading )?(?:days?|sessions?|weeks?|months?)\b|"
    rf"\b{_ORDINAL} (?:straight|consecutive|successive) (?:trading )?(?:days?|sessions?|weeks?|"
    r"months?|gains?|advances?|rises?|declines?|falls?|drops?|loss(?:es)?)\b|"
    rf"\b{lx.ENDING} (?:a|an|its|their|the) (?:[\w-]+ ){{0,2}}(?:win(?:ning)?|losing) "
    r"(?:streak|run)\b|"
    # "snapping a four-session slump", "ended a three-day rally": a run the day's move ended
    rf"\b{lx.ENDING} "
    r"(?:a|an|its|their|the) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)-(?:session|"
    r"day|week|month) (?:slump|slide|decline|selloff|sell-off|losing run|rally|advance|run-up|"
    r"climb)\b|"
    # "rose 2%, capping a six-session win streak": the streak the day's move ends or extends
    r"\b(?:capp(?:ed|ing)|caps|extend(?:ed|ing|s)?|stretch(?:ed|ing|es)?) (?:a|an|its|their|the) "
    r"(?:[\w-]+ ){0,2}(?:win(?:ning)?|losing) (?:streak|run)\b|"
    # "ended three straight sessions in the red with a rise of 4.4 percent"
    r"\b(?:snapp(?:ed|ing)|broke|breaking|end(?:ed|ing|s)?|halt(?:ed|ing|s)?) (?:a |an |its |"
    r"their )?(?:[\w-]+ ){0,2}(?:straight|consecutive|successive) (?:trading )?(?:sessions?|days?) "
    r"(?:in the (?:red|green)|of (?:gains|losses|declines|advances))|"
    # a run that names its own direction: "ending a three-day streak of gains", "snapping a
    # five-session run of good gains", "marking a fourth straight day of gains", "its third
    # session in a row of gains", "its third straight losing session"
    rf"\b{lx.ENDING} (?:a|an|its|their|the) (?:[\w-]+ ){{0,2}}(?:streak|run) of "
    rf"(?:[\w-]+ )?{_RUN_WORDS}|"
    # (in a row: "its fifth winning session" may be of a month's)
    rf"\b{_ORDINAL} (?:(?:straight|consecutive|successive) (?:trading )?(?:days?|sessions?|weeks?)|"
    rf"(?:trading )?(?:days?|sessions?|weeks?) in a row) of {_RUN_WORDS}|"
    rf"\b{_ORDINAL} (?:straight|consecutive|successive) (?:winning|losing|gaining) "
    r"(?:days?|sessions?|weeks?)\b"
)
# a move after a run of sessions the other way: "fell 0.3% after four days of gains",
# "retreated after two sessions of gains" (the day's own direction says nothing of the run's)
_AFTER_A_RUN = re.compile(
    r"[^,;:]{0,40}?\b(?:after|following) (?:a |an )?(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|several|a few) (?:straight |consecutive |successive )?(?:trading )?(?:days?|"
    rf"sessions?|weeks?|months?) (?:in a row )?of (?:[a-z]+ )?(?P<run>{_RUN_WORDS})"
)


def _partly_named_in_turn(
    lowered: str,
    subjects: list[Mention],
    changes: list[Change | None],
    clause: tuple[int, int],
    predicate: Predicate,
    mentions: Sequence[Mention],
) -> list[tuple[Mention | None, Change | None]]:
    """'Coking coal and coke fell 1.55% and 0.81%, respectively', 'coke' no name the reading
    knows: only a name that opens the clause is known to own the first number, and one the verb
    follows the last; the others are no known name's."""
    opens = _OPENS_THE_CLAUSE.fullmatch(lowered, clause[0], subjects[0].start) is not None
    closes = not any(subjects[-1].end <= m.start < predicate.start for m in mentions)
    pairs: list[tuple[Mention | None, Change | None]] = [
        (subjects[0] if i == 0 and opens else None, change) for i, change in enumerate(changes)
    ]
    if closes and not (opens and len(subjects) == 1):
        pairs[-1] = (subjects[-1], changes[-1])
    return pairs


_RESPECTIVELY = re.compile(r"\brespectively\b")
_OPENS_THE_CLAUSE = re.compile(r"[\s,]*(?:(?:the|both|while|and|but|whereas)\s+)*")
_BROKEN_STREAK = re.compile(r"^(?:snap|broke|break|end|halt)")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose)\s[^,;]{1,100},")


def _blank(words: re.Match[str]) -> str:
    return " " * len(words[0])


def _streak_after_a_move(lowered: str, mention: Mention, predicate: Predicate) -> bool:
    """'The Dow fell on Monday, snapping a three-day winning streak', 'The peso rose 0.3%,
    capping a four-session winning streak': the participle's streak is its subject's, whose
    move its own clause states right before it."""
    gap = _A_MOVE_CLAUSE.fullmatch(lowered, mention.end, predicate.start)
    return (
        gap is not None
        and _STREAK_PARTICIPLE.match(lowered, predicate.start) is not None
        and any(p.search(lowered, mention.end, predicate.start) for p in lx.MOVE_WORDS)
    )


def _a_clause_after_its_move(lowered: str, mention: Mention, predicate: Predicate) -> bool:
    """'Kestrel aluminium fell 1%, retreating after eight sessions of gains': a participle
    whose subject is the name of the move right before it."""
    return (
        _A_MOVE_CLAUSE.fullmatch(lowered, mention.end, predicate.start) is not None
        and _PARTICIPLE.match(lowered, predicate.start) is not None
        and any(p.search(lowered, mention.end, predicate.start) for p in lx.MOVE_WORDS)
    )


_A_MOVE_CLAUSE = re.compile(r"\s+[^,;:()]{1,80},\s*")
_STREAK_APPENDED = re.compile(
    rf"[^,;:]{{0,30}}?,\s*(?:its|their|marking|notching|posting|logging|for)\s+(?:a\s+|the\s+)?"
    rf"{_ORDINAL}\s[^,;:]{{0,50}}"
)
_STREAK_PARTICIPLE = re.compile(
    r"(?:snapping|capping|extending|ending|breaking|halting|stretching)\b"
)  # (the participles of _STREAK)


def _as_the_quoted_currency(lowered: str, sentence: str, fact: Fact) -> Fact:
    """'the shekel-dollar rate down 0.052%' is the shekel's price of a dollar: the shekel
    strengthened (gold.md: a currency's move is the named currency's)."""
    mention = fact.mention
    if mention is None or fact.direction not in ("up", "down"):
        return fact
    for rate in _CROSS_RATE.finditer(lowered, max(0, mention.start - 20), mention.end + 10):
        if rate.start("quote") <= mention.start < rate.end("quote"):
            start, end = rate.span("local")
            local = Mention(start, end, sentence[start:end])
            return replace(
                fact,
                mention=local,
                direction=_OPPOSITE[fact.direction],
                start=min(fact.start, start),
                # "the shekel-euro rate": the shekel against the euro
                against=fact.against or currency_named(rate.group("quote")),
            )
    return fact


_CROSS_RATE = re.compile(
    r"\b(?P<local>shekel|rupee|rupiah|ringgit|baht|peso|won|rand|lira|real|naira|rouble|ruble|"
    r"yuan|yen|zloty|forint|koruna|krona|krone|dong|taka|tenge|hryvnia)-(?P<quote>dollar|euro|"
    r"yen|pound|sterling)\s+(?:exchange\s+)?rate\b"
)


def _streak_facts(fact: Fact, *, broken: bool, run: Direction | None = None) -> list[Fact]:
    """The day's move (labelled as the rest of its words say, a streak aside) and the earlier
    sessions' move: the way the run's words say ("a three-day streak of gains"), else the
    same way, or the other way when the day broke the streak."""
    day = replace(
        fact,
        timeframe="unspecified" if fact.timeframe == "multi_day" else fact.timeframe,
        when=None if fact.when is not None and fact.when.unit == "multi_day" else fact.when,
    )
    direction = _OPPOSITE.get(fact.direction, fact.direction) if broken else fact.direction
    return [
        day,
        _earlier_move(fact, run or direction, session="unspecified", timeframe="multi_day"),
    ]


def _run_direction(streak: re.Match[str]) -> Direction | None:
    """The direction a run's own words give it: 'streak of gains', 'losing session'."""
    words = streak.groupdict().get("run") or streak[0]
    if _A_RUN_UP.search(words):
        return "up"
    if _A_RUN_DOWN.search(words):
        return "down"
    return None


_A_RUN_UP = re.compile(r"\b(?:gain|advance|rise|increase|winning|gaining)")
_A_RUN_DOWN = re.compile(r"\b(?:loss|decline|fall|drop|decrease|losing)")


_OPPOSITE: dict[Direction, Direction] = {"up": "down", "down": "up"}


def _move_before(fact: Fact) -> Fact:
    """'reversed losses', 'erasing early losses': the move it undid, the other way, earlier in
    the session. ('erased the gains it made since March' states no move of its own beside
    the fall, and 'erasing Monday's gains' is read as Monday's move.)"""
    direction = _OPPOSITE.get(fact.direction, fact.direction)
    return _earlier_move(fact, direction, session="intraday", timeframe="unspecified")


def _earlier_move(
    fact: Fact, direction: Direction, *, session: Session, timeframe: Timeframe
) -> Fact:
    """The move the same words state for an earlier time: its direction, no number."""
    return replace(
        fact,
        direction=direction,
        pct=None,
        bp=None,
        qualifier="exact",
        session=session,
        timeframe=timeframe,
        has_number=False,
        when=When("multi_day", None) if timeframe == "multi_day" else None,
    )


_EARLIER_MOVE = re.compile(r"^revers|\b(?:early|earlier|initial)\b")


def _against(lowered: str, after: int, clause: tuple[int, int]) -> str | None:
    """The currency the words after a change quote it against: 'up 0.14% against the dollar
    at 1.236', 'lost 0.3 percent to 1.1340 per euro'; up to the next 'and' or clause break."""
    tail = _AGAINST_STOP.split(lowered[after : min(clause[1], after + 60)])[0]
    for match in _AGAINST.finditer(tail):
        if (currency := currency_named(match.group(1))) is not None:
            return currency
    return None


def currency_named(words: str) -> str | None:
    """The identity of the currency the first one or two words name ('the dollar at' ->
    'currency:USD'), or None."""
    parts = words.split()
    for size in (2, 1):
        if len(parts) >= size:
            found = instruments.identity(" ".join(parts[:size]))
            if found is not None and found.startswith("currency:"):
                return found
    return None


# "rebounded 0.4% to the franc" quotes it against the franc ("rose 2% to the highest" names none)
_AGAINST = re.compile(
    r"\b(?:against|versus|vs\.?|per|to(?=\s+the\s))\s+((?:the\s+)?[a-z][\w.]*(?:\s+[a-z]+)?)"
)
_AGAINST_STOP = re.compile(r"\band\b|\bwhile\b|\bbut\b|;|\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)")


# "Dalian coking coal fell 4.1% and coke fell 5.9%": a verb with a subject of its own the
# reading does not know is not the earlier subject's (the fact stays unnamed)
_UNKNOWN_SUBJECT_JOINED = re.compile(
    r"\b(?:and|while|but|whereas)\s+(?:the\s+)?(?!(?:then|later|also|subsequently|eventually|"
    r"finally|again|only|just|still|even|now|currently|today|yesterday|since|had|has|have|was|"
    r"were|is|are|it|they|its|their|partly|slightly|briefly|further|more|most|so|thus|therefore|"
    r"sharply|remain|remains|remained|ended|closed|finished|settled|traded|stood|stands|"
    r"hovered|sat|sits|is|was|were)\b)"
    r"(?![a-z]+(?:ly|ing)\b)[a-z][\w-]{2,}(?:\s+(?:also|then|later|only|just|had|has|have))?"
    r"\s+$"
)
_PARTICIPIAL_CLAUSE = re.compile(r"\s*(?:(?:after|before|while|since|when)\s+)?[a-z]+ing\b")
_ATTACHED = re.compile(
    # an opening quote mark between them: 'Becle, OMA and GAP "concentrated the declines"'
    r"[\s“\"‘]*(?::\s*[\d,.]+\s*\(?\s*)?(?:\([^)]*\)\s*)?"
    # "Bitcoin's price fell": the name's price
    r"(?:['’]s?\s+(?:share\s+|stock\s+|spot\s+)?(?:price|prices|value|shares|stock)\s+)?"
    # a relative clause or an appositive between them: "Tencent, of which Naspers owns about a
    # third, softened", "Quanta Computer Inc., another AI server supplier, ended unchanged"
    r"(?:,\s*(?:of which|which|who|whose|in which|a|an|another|the|one of the)\s[^,;]{1,80},\s*|"
    # "The DS30 index, comprising blue chips, also advanced", "Ten-year gilt yields, closely
    # watched as a benchmark, also rose" (not "the lira, dropping 2 per cent this week, has")
    r",\s*(?:[a-z]+ly\s+)?(?:[a-z]{3,}ing|[a-z]{3,}ed|seen|known)\s[^,;\d]{1,80},\s*)?"
    # "Micron shares, for example, rose"
    r"(?:,\s*(?:for example|for instance|meanwhile|however|in turn|though|by contrast)\s*,\s*)?"
    # an aside set off by dashes: "Oil – a key catalyst for the Gulf's markets – fell"
    r"(?:\s[-–—]\s[^;()\d–—]{1,80}?\s[-–—]\s*)?"
    # a description of what the company does: "Bioton insulin producer fell significantly"
    rf"(?:(?:(?!(?:the|a|an|its|their|this|that|and|or|as|{SAYING})\b)[a-z][\w-]*\s+){{0,3}}"
    r"(?:producer|maker|miner|lender|bank|company|firm|group|operator|"
    r"retailer|developer|refiner|insurer|carrier|brewer|manufacturer|exporter|distributor|"
    r"supplier|chain)\s+)?"
    # "Commercial Bank, which gained 1.50 rupees"
    r"(?:,\s*(?=(?:which|who|that)\b))?"
    r"(?:(?:also|all|both|each|shares?|stocks?|index|indexes|indices|have|"
    r"has|had|was|were|is|are|"
    r"then|further|sharply|initially|later|too|likewise|similarly|been|itself|alone|both|"
    r"respectively|which|that|who|has since|had earlier|just|continued|continues|continuing|"
    r"kept|keeps|extended|extends|also|"
    # "The yen again fell", "The dollar continued to edge lower", "Treasury yields pushed
    # slightly higher": time words and verbs that carry the move without being it
    r"again|once again|once more|yet again|"
    r"(?:continued|continues|continue|began|begins|begun|started|starts|went on|managed|manages|"
    r"appeared|appears|seemed|seems) to|edge|edged|edging|pushed|pushing|ticked|ticking|inched|"
    r"inching|crept|creeping|nudged|holding|held|"
    # how and when: "is slightly lower", "today closed weaker", "is currently showing a 4.6% rise"
    r"slightly|modestly|marginally|somewhat|significantly|a little|a bit|a touch|little|"
    r"today|now|currently|still|yesterday|"
    r"showing|shows|showed|posted|posts|posting|saw|sees|seeing|recorded|records|recording|"
    r"registered|logged|booked|notched|chalked up|"
    # "despite Tencent closing 1.95% firmer", "European shares opened lower"
    r"closing|ending|finishing|settling|opened|opening|started|starting|began|beginning|"
    r"traded|trading|moved|moving|turned|turning|drifted|drifting|finished|ended|closed|"
    r"settled|stayed|remained|the day|the session|the week|the trading day|"
    # "opened about 100 points higher": a number of points between the verb and the direction
    r"about|nearly|almost|around|roughly|more than|\d[\d,.]*(?: points?| pts)?|"
    # "The price of gold in the international market rose": where it trades
    r"(?:in|on) (?:the )?(?:international|global|world|local|domestic|spot|futures|physical|"
    r"overseas|open|cash) markets?)"
    r"\b[\s,]*)*"
)


def _attached(lowered: str, mention: Mention | None, predicate: Predicate) -> bool:
    if mention is None or predicate.attributive:
        return False
    if predicate.noun_object is not None:
        return mention.start < predicate.noun_object[1] and predicate.noun_object[0] < mention.end
    if predicate.possessive:
        return True
    if mention.end > predicate.start:
        return False
    if _COMMA.fullmatch(lowered, mention.end, predicate.start) and _BARE_MOVE_WORD.match(
        lowered, predicate.start
    ):
        return True  # "Tokyo Cement, up 2 rupees at 113 rupees"
    if (
        _BARE_MOVE_WORD.match(lowered, predicate.start)
        and predicate.start - mention.end <= _ASIDE_BEFORE_A_MOVE_WORD
        and _ITS_OWN_CLAUSE.fullmatch(lowered, mention.end, predicate.start)
    ):
        return True  # "Brent crude hovered near $80 a barrel, down 30 cents"
    if lowered.endswith("ing", predicate.start, predicate.end) and _AFTER_ITS_OWN_MOVE.fullmatch(
        lowered, mention.end, predicate.start
    ):
        return True  # "The Nasdaq rose 5.6 percent after falling slightly on Wednesday"
    if predicate.form == "noun" and _POSTED_GAP.fullmatch(lowered, mention.end, predicate.start):
        return True  # "Orvane and Kestrel posted modest gains"
    return _ATTACHED.fullmatch(lowered, mention.end, predicate.start) is not None


_COMMA = re.compile(r",\s*")
_POSTED_GAP = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\s+(?:also\s+)?(?:posted|posts|posting|recorded|records|recording|"
    r"registered|registering|logged|logging|booked|booking|notched|notching|made|making|saw|experienced|experiencing|"
    rf"suffered|suffering|enjoyed|enjoying|witnessed|showed|shows|staged|staging|mounted)\s+(?:(?:a|an|its|their)\s+)?"
    # "recorded its third consecutive intraday decline"
    rf"(?:{lx.ORDINAL}\s+)?(?:{lx.IN_A_ROW}\s+)?(?:(?:daily|weekly|monthly|intraday)\s+)?"
    rf"(?:{lx.HOW_BIG}\s+){{0,2}}"
)
# the subject's own move, then the one before it: "rose 5.6 percent after falling"
_AFTER_ITS_OWN_MOVE = re.compile(
    r"\s+(?:(?!(?:while|whereas|but|and|which|who|that)\b)(?:[^,;:()]|(?<=\d),(?=\d{3}))){1,60}?"
    r"\s(?:after|following)\s+"
)
# what may stand between a subject and ", down 30 cents" in its own clause: its verb and level
_ASIDE_BEFORE_A_MOVE_WORD = 60
_ITS_OWN_CLAUSE = re.compile(
    r"\s+(?:(?!(?:while|whereas|but|and|with|as|after|following|before|which|who|that|than|"
    r"against|versus|vs)\b)(?:[^,;:()]|(?<=\d),(?=\d{3})))+,\s*"  # "settled at $8,210, down $145"
)
_BARE_MOVE_WORD = re.compile(r"(?:up|down|off|higher|lower|unchanged|flat)\b")


_TRIED = re.compile(
    r"\b(?:struggl(?:es|ed|ing)|fail(?:s|ed|ing)|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing))\s+to\s+"
    r"(?:[a-z]+\s+)?$"
)
_INFINITIVE = re.compile(r"\bto\s+(?:\w+\s+)?$")
_MAY = re.compile(r"\bmay\b")  # in the original case: "May delivery" is a month
# "room for a further rally", "any major corrections": a move that has not happened
_NOUN_HYPOTHETICAL = re.compile(
    r"\b(?:room for|scope for|potential for|risks? of|fears? of|danger of|possibility of|"
    r"prospects? of|chance of|hopes? (?:of|for)|expectations? (?:of|for)|bets? on|any|further)\b"
)
_MODAL_AFTER = re.compile(r"^[^,;.]*?\b(?:would|could|might|may|will|can)\b")
# (not "by year-end": "had fallen 20% by year-end" looks back as often as forward)
_FUTURE_AFTER = re.compile(
    r"\s*(?:higher|lower|up|down)?\s*(?:by\s+(?:the\s+end\s+of\s+)?next\s+(?:year|month|"
    r"quarter|week)|next\s+(?:year|month|quarter|week)(?![’'\w])|over\s+the\s+(?:next|coming)\s|"
    r"in\s+the\s+(?:next|coming)\s)"
)
_FORECAST = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(?:widely\s+|now\s+|still\s+)?(?:(?:seen|expected|"
    r"forecast|projected|tipped|predicted|estimated|poised|likely|due)\s+(?:to\s+)?|set\s+to\s+)$|"
    r"\b(?:would|could|might|should|will|shall|can|cannot|won't)\s+(?:(?:still|also|now|"
    r"then|easily|further|only|not|even|well|yet|possibly|likely)\s+)*(?:(?:have|be)\s+)?$"
)


def _infinitive(lowered: str, start: int) -> bool:
    """'to rise 5%' after a verb of expecting is not a move; 'jumped to' is a level anyway."""
    return _INFINITIVE.search(lowered[max(0, start - 12) : start]) is not None


def _qualifier(change: Change | None) -> str:
    return "exact" if change is None else change.qualifier


def _window(
    lowered: str, predicate: Predicate, change: Change | None, clause: tuple[int, int]
) -> tuple[str, str]:
    """The words that label one change: its predicate with what follows it up to the next
    number or clause break ('soaring over 130% intraday'), and the few words right before it
    ('closing' of '... intraday before closing up 2.29%')."""
    start = predicate.start
    # "up more than 8% on the week and 18% over the past 14 days": a second number's label
    # starts at it, not at the verb the first one shares with it
    if change is not None and _A_PERCENT.search(lowered, predicate.start, change.start):
        start = change.start
    end = min(clause[1], len(lowered))
    after = change.end if change else predicate.end
    nxt = _NEXT_LABEL_STOP.search(lowered, after, end)
    while nxt is not None and _MONTH_BEFORE.search(lowered, 0, nxt.start()):
        # "a gain of 5.3 percent from Dec. 31": a day of a month is part of the label
        nxt = _NEXT_LABEL_STOP.search(lowered, nxt.end(), end)
    stop = nxt.start() if nxt else end
    lead = lowered[max(clause[0], start - 40) : start]
    lead = _LEAD_STOP.split(lead)[-1]
    return lowered[start:stop], lead


# a period or session put before the sentence's subject: "Over the previous eight sessions, ...",
# "For the week, ...", "In early trade, ..."
_WITH_AFTER_A_COMMA = re.compile(r",\s*with\s[^,;]*$")
_FRONTED_PERIOD = re.compile(
    r"^\W*(?P<words>(?:over|in|during|for|so far|since|across|throughout|at the start of|"
    r"earlier in)\b[^,;.]{2,50}|at (?:the )?(?:opening|open|close|closing)|"
    r"(?:the|a) (?:day|session) (?:before|earlier)|the (?:previous|prior) (?:day|session)|"
    r"yesterday|(?:day|week|month|quarter|year)[- ](?:over|on)[- ](?:day|week|month|quarter|year))"
    # "In the morning WIG20 jumped": a time of day needs no comma
    r"(?:,|(?<=\bmorning)\s|(?<=\bafternoon)\s|(?<=\bevening)\s)"
)
# a period before the clause after "while", "but", "and": "..., while over the past six months,
# it has shed 74.98%"
_CLAUSE_FRONTED_PERIOD = re.compile(
    r"\b(?:while|whereas|and|but)\s+(?P<words>(?:over|in|during|for|so far|since|across|"
    r"throughout)\b[^,;.]{2,50}),"
)


def _fronted_period(lowered: str, before: int) -> re.Match[str] | None:
    """The period fronted before the clause of the words at `before`: the sentence's, or the
    last one a later clause fronts before them."""
    later = [m for m in _CLAUSE_FRONTED_PERIOD.finditer(lowered, 0, before) if m.end() < before]
    return later[-1] if later else _FRONTED_PERIOD.match(lowered)


_PERIOD_OWNER = re.compile(r"\b((?:last |this |previous )?[a-z]+)['’]s\s*(?:[a-z-]+\s+)?$")
_A_PERCENT = re.compile(r"\d[\d.,]*\s?(?:%|per ?cent|percent)")
# a year or a count of periods ("over the past 12 months") labels the number before it
_NEXT_LABEL_STOP = re.compile(
    # (a level the move reached is part of its words: "climbing to 3.39% in the previous session")
    r"(?<![\w.,])(?<!\bto )(?<!\bto \$)(?!(?:19|20)\d\d\b|\d+ (?:days|weeks|months|years|"
    r"sessions)\b)\d|;|,|"
    # "before closing 0.3% lower" starts another label; "the day before" ends this one
    r"(?<!\bday )(?<!\bsession )\bbefore\b|\bafter\b|\bwhile\b|\balthough\b|\bthough\b|\bwhereas\b|"
    # "rebounding from losses in the previous two sessions": the period is the losses'
    r"\bfrom (?:the |its |their |a |an )?(?:[a-z'’-]+ ){0,3}(?:losses|gains|declines|falls|drops|"
    r"slide|slump|rally|rout|sell-?off)\b|"
    # "a 0.21% decline compared to the previous day's closing": the point it is measured from
    r"\b(?:compared (?:to|with)|relative to|versus|from|over|against) (?:the |its |their )?"
    r"(?:previous|prior|preceding|last) (?:day|session|trading day)['’]s\b|"
    # "2.2% lower than it was this time yesterday", "1.66 percent higher than the previous day"
    r"\bthan (?:it was |they were )?(?:this time |at this time )?(?:yesterday|the (?:previous|"
    r"prior|preceding) (?:day|session|trading day|close))\b|"
    # "rallied strongly ahead of the weekend and is backing off for the second session",
    # "falling 14% and extending its weekly losses to over 20%": another predicate's words
    r"\band (?=(?:is|was|are|were|has|have|had)\b|[a-z]{3,}(?:ing|ed)\b)|"
    # "gains of 3.5% in A and B helped the Dow close at a record for a second straight day":
    # the words after a verb that moves something else are that thing's
    r"\b(?:helped|lifted|pushed|dragged|sent|drove|boosted|pulled|propelled|knocked|"
    r"weighed on)\s+(?:the|its|their)\b"
)
_MONTH_BEFORE = re.compile(rf"\b{lx.MONTH}\s$")  # not "market 2%" nor "decline 3"
_LEAD_STOP = re.compile(r"\b(?:before|after|then|while|and|but)\b|[,;%]")


def _session(window: tuple[str, str], change: Change | None) -> Session:
    """The session the change is stated for: its own words first, then those right before
    ('gained 0.53 percent compared to the previous close' is no close: it is measured from one)."""
    if change is not None and change.qualifier == "up_to":
        return "intraday_high"
    # "a 4.04% decrease from Monday's opening price": measured from an opening, not in one
    for part in (before_reference_point(window[0]), window[1]):
        for pattern, label in _SESSIONS:
            if pattern.search(part):
                return label
    return "unspecified"


_SESSIONS: tuple[tuple[re.Pattern[str], Session], ...] = (
    (lx.INTRADAY_HIGH, "intraday_high"),
    (lx.PRE_MARKET, "pre_market"),
    (lx.AFTER_HOURS, "after_hours"),
    (lx.INTRADAY, "intraday"),
    (lx.MIDDAY, "intraday"),  # "closed the morning session down 0.6%": not the day's close
    (lx.CLOSE, "close"),
    (lx.OPEN, "open"),
)


def _timeframe(window: tuple[str, str], predicate: Predicate, change: Change | None) -> Timeframe:
    if predicate.temporal:
        # "erasing Monday's gains" is the session before; "after last week's declines" the week
        owner = _TEMPORAL_PERIOD.search(window[1])
        return _LONGER_PERIOD[owner[1]] if owner else "prior_session"
    words = before_reference_point(" ".join(window))
    if predicate.form == "row" or (lx.YEAR.search(words) and change is not None):
        return "year"
    for pattern, frame in lx.TIMEFRAMES:
        if pattern.search(words) is None:
            continue
        if frame == "multi_day" and change is not None and _STREAK_OF_CLOSES.search(words):
            continue  # "closing up 2.47% for three consecutive sessions": the number is the day's
        return frame
    return "unspecified"


_TEMPORAL_PERIOD = re.compile(
    r"\b(?:last|previous|past|prior)\s+(week|month|quarter|year)['’]s\s*$"
)
_LONGER_PERIOD: dict[str, Timeframe] = {
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}
# "So far, TASI has lost 6.4 percent in 2015", "The index is now up roughly 13% in 2025"
_SO_FAR = re.compile(r"\bso far\b|\bnow\s+$")
# a period that owns a move after it: "Monday's gains", "last week's 3% rally"
_OWNED_MOVE = re.compile(
    r"\b[\w-]+(?:\s+[\w-]+)?['’]s?\s+(?:[\w.%-]+\s+){0,2}?(?:gains?|loss(?:es)?|rall(?:y|ies)|rises?|"
    r"falls?|drops?|declines?|advances?|slump|surge|jump|rebound|sell-?off)\b"
)
_STREAK_OF_CLOSES = re.compile(r"\bfor\s+(?:a|the)?\s*\w*\s*(?:straight|consecutive|successive)")


def _period(window: tuple[str, str]) -> str | None:
    match = lx.YEAR.search(" ".join(window))
    if match is None:
        return None
    return match.group("year") or match.group("row") or match.group("noun")


_PROPER_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s+(?:&|and|of|[A-Z][\w&.'’-]*))+$")
_OF_ITS_VALUE = re.compile(r"\s+of\s+(?:its|their)\s+(?:market\s+)?value\b")
_IN_VOLUME = re.compile(r"\s+in\s+(?:trading\s+)?(?:volume|value|turnover)\b")


# words that describe an instrument with a figure's name: "the market cap weighted NSE 25",
# "the largest cryptocurrency by market cap", "budget carrier Vietjet", "Inflation-Protected
# Securities"
_DESCRIPTOR = re.compile(
    r"\bmarket[- ]cap(?:itali[sz]ation)?[- ]weighted\b|\bby market (?:cap|capitali[sz]ation|"
    r"value)\b|\bbudget (?:carrier|airline)s?\b|\binflation[- ](?:protected|linked|indexed)\b"
)


def _a_year_still_running(
    lowered: str, clause: tuple[int, int], predicate: Predicate, when: When | None
) -> bool:
    """Whether the year the clause names is the one still running: "has fallen 20% in 2022",
    "For 2022, KWEB has traded lower by roughly 20%", "down 9% in 2024 to date" (not "has lost
    55% in the past 12 months", a span counted back)."""
    return (
        when is not None
        and when.unit == "year"
        and (when.which or "").isdigit()
        and bool(
            _PERFECT_BEFORE.search(lowered, max(clause[0], predicate.start - 30), predicate.start)
            or _TO_DATE.search(lowered, predicate.start, clause[1])
        )
    )


_PERFECT_BEFORE = re.compile(r"\bha(?:s|ve)(?:\s+(?:been|now|already|also|so far))*\s+$")
_TO_DATE = re.compile(r"\b(?:so far|to date)\b")
# a verb after a move's noun says something of the move, not what moved
_SAID_OF_THE_NOUN = re.compile(r"\s*(?:was|were|is|are|has|had|have|came|comes|led|\w+ed)\b")
# what ends the words of what moved after a move noun: "losses of more than 7% on worries about
# demand" is a price's loss; the cause after it says nothing of what fell
_NOUN_TAIL_END = re.compile(
    # "a year-to-date loss of 63 percent and Brent with an annual deficit": the next conjunct's
    # words are not what the figure is of
    r"[,;]|\s(?:but|while|whereas|as|after|on|amid|despite|because|following|since|and)\s"
)


def _named_inside(sentence: str, mention: Mention) -> bool:
    """A company's own name is no figure: "FAS Finance & Investment slumped 5 percent", and
    "Retail giant Target saw its shares fall" (one capitalised word after a lowercase one; in
    "Apple Revenue Rises 5%" every word is capitalised)."""
    if _PROPER_NAME.match(mention.name):
        return True
    before = _WORD_BEFORE.search(sentence, 0, mention.start)
    return mention.name[:1].isupper() and before is not None and before.group(1).islower()


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")


def _is_price(
    lowered: str,
    mention: Mention | None,
    predicate: Predicate,
    change: Change | None,
    clause: tuple[int, int],
    after: int = 0,
    named: bool = False,
) -> bool:
    """Whether the move is of a price, not of a company or economic figure; `after` is where
    the names listed as the move's subjects end; `named`, whether the mention is a name."""
    if mention is None or mention.start >= predicate.start:
        lo = max(clause[0], predicate.start - 50)
    elif after > mention.end:
        lo = after  # the names listed with it are no figure either
    else:
        lo = mention.end if named else mention.start
    head = _INSERTION.sub(",", lowered[lo : predicate.start])
    if predicate.noun_object is not None and predicate.noun_object[0] - predicate.end <= 2:
        head = ""  # "a stronger dollar": the adjective stands right before its name
    if predicate.noun_object is not None:
        head += " " + lowered[predicate.noun_object[0] : predicate.noun_object[1]]
    elif predicate.form == "noun":
        # "a 9.8 per cent rise in September quarter consolidated net profit": what rose; not
        # what is said of the rise ("the TSX's 1.6% gain was fuelled by a jobs report")
        tail = _NOUN_TAIL_END.split(lowered[predicate.end : predicate.end + 60], 1)[0]
        head += "" if _SAID_OF_THE_NOUN.match(tail) else tail
    if mention is not None and lx.ECONOMIC_INDEX.search(mention.name.lower()):
        return False  # "The Personal Consumption Expenditures (PCE) Price Index rose 0.3%"
    if mention is not None and lx.INVENTORY_NAME.search(mention.name.lower()):
        return False  # "Copper stocks in LME warehouses fell 2% to 120,000 tonnes"
    if (
        mention is not None
        and not named  # "China Overseas Land & Investment"
        and lx.FUNDAMENTAL.search(_DESCRIPTOR.sub(" ", mention.name.lower()))
        and not lx.PRICE_HEAD.search(mention.name.lower())
    ):
        return False
    if (
        change is not None
        and lx.PERIOD_ON_PERIOD.match(lowered, change.end)
        and not lx.PRICE_HEAD.search(head)
    ):
        return False  # "revenue up 26% year-over-year" (but "average prices up 34% year-over-year")
    if change is not None and _OF_ITS_VALUE.match(lowered, change.end):
        return True  # "has lost 52% of its value"
    if change is not None and _IN_VOLUME.match(lowered, change.end):
        return False  # "up 36 percent in volume and 22 percent in value": the turnover's
    head = _DESCRIPTOR.sub(" ", head)
    words = lx.FUNDAMENTAL.search(head)
    if words is None:
        return True
    owner = lx.PRICE_HEAD.search(head, 0, words.start())
    if owner is not None and _OF_WHAT.match(head, owner.end()):
        return True  # "the yield on the 10-year debt", "the price of the company's bonds"
    # "shares of the profit-warning firm fell": a price word after the figure wins, also inside
    # the move's own words ("dividends, which led to a collapse in quotations by 30%")
    return lx.PRICE_HEAD.search(head, words.end()) is not None or (
        predicate.form == "noun"
        and lx.PRICE_HEAD.search(lowered, predicate.start, predicate.end) is not None
    )


_OF_WHAT = re.compile(r"\s+(?:on|of|for)\s")


def _referent(mention: Mention | None, last: dict[str, Mention]) -> Mention | None:
    if mention is not None and mention.reference is None:
        return mention
    ref = mention.reference if mention is not None else None
    if ref == "group":
        return mention  # "All three major averages": several at once
    if ref in lx.INDEX_REFERENCES:
        return last.get("index", mention)
    if ref in lx.CURRENCY_REFERENCES:
        return last.get("currency", mention)
    if ref in lx.CRYPTO_REFERENCES:
        return last.get("crypto", mention)
    if ref in lx.COMMODITY_REFERENCES:
        return last.get("commodity", mention)
    if ref in ("it", "they", "both", None):
        return last.get("subject", mention)
    if ref in ("contract", "yield", "note", "bond"):
        return last.get("subject", mention)
    return last.get("company", mention)


def _remember(mention: Mention, last: dict[str, Mention], *, weak: bool = False) -> None:
    kind = instruments.kind_of(mention.name)
    if kind == "index":
        last["index"] = mention
    elif kind == "currency":
        last["currency"] = mention
    elif kind in ("stock", "etf", "fund"):
        last["company"] = mention
    elif kind in ("crypto", "commodity"):
        last[kind] = mention
    if not weak:
        last["subject"] = mention
