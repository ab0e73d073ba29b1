"""Which period words name, as a key two phrasings of one period share.

'rose 2% in December' and a move named 'Gold (December)' both name (month, dec); 'gained 8.8%
last week' and 'Arabica (previous week)' both name (week, previous). The gate compares these to
tell one instrument's numbers for different periods apart ('up 16% this month after rising 2%
in December'): the unit alone (both are months) cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.reading import lexicon as lx


@dataclass(frozen=True, slots=True)
class When:
    """A period as the text names it: its unit, and which one of them where the words say."""

    unit: str  # "day", "week", "month", "year", "multi_day", "weeks", "since"
    which: str | None  # "this", "previous", "past", "dec", "mon", "2014"; None: not said


def when_named(words: str, *, bare: bool = False) -> When | None:
    """The period the (lower-case) words name, or None. With `bare`, the words are a label
    of their own ('December', 'week', '2014', as in a name's parentheses), so a month's name
    or a year needs no preposition before it."""
    words = before_reference_point(words)
    for pattern, unit, which in _NAMED:
        if found := pattern.search(words):
            if unit == "span":
                # "the past two weeks" is not "the previous four weeks"
                count, length = found[0].split()[1:3]
                return When(unit, f"{_COUNTS.get(count, count)} {length}")
            return When(unit, which)
    since = _SINCE.search(_RECORD_SINCE.sub(" ", words))
    if since is not None:
        return When("since", since.group("year") or since.group("day")[:3])
    weekday = _WEEKDAY.search(words)
    if weekday is not None:
        return When("day", weekday.group(1)[:3])
    month = (_BARE_MONTH.fullmatch if bare else _MONTH_IN.search)(words.strip())
    if month is not None:
        return When("month", month.group("month")[:3])
    year = (_BARE_YEAR.fullmatch if bare else _YEAR_IN.search)(words.strip())
    if year is not None:
        return When("year", year.group("year"))
    if bare:
        for pattern, unit in _BARE_UNITS:
            if pattern.fullmatch(words.strip()):
                return When(unit, "this")
        # a label that counts the span: "XPeng (six months)" is "the past six months"
        if counted := _BARE_SPAN.fullmatch(words.strip()):
            count = _COUNTS.get(counted.group("count"), counted.group("count"))
            if count == "5" and counted.group("length") in ("days", "sessions"):
                return When("week", "this")  # as "the last five sessions" is
            return When("span", f"{count} {counted.group('length')}")
    return None


_BARE_SPAN = re.compile(
    r"(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty)\s+"
    r"(?P<length>days|weeks|months|sessions)"
)


def when_named_last(words: str) -> When | None:
    """The period the words name nearest their end: in the words just before a move ('rebounded
    on Tuesday from Monday's losses'), the last one named is the move's."""
    tokens = words.split()
    for size in range(1, len(tokens) + 1):
        when = when_named(" ".join(tokens[-size:]))
        if when is not None:
            return when
    return None


def before_reference_point(words: str) -> str:
    """The words before a point a move is measured from: 'up 40% from a low it hit last month'
    is a move since that low, not last month's."""
    point = _FROM_A_POINT.search(words)
    return words if point is None else words[: point.start()]


def conflicts(one: When, other: When) -> bool:
    """Whether two named periods cannot be the same: other units, or two different named ones
    of a unit ('December', 'November'). 'Last month' may be 'December', and 'this week' of an
    article may be a reader's 'previous week': those do not."""
    if {one.unit, other.unit} == {"since", "week"} and _WEEKDAY_ABBREVIATIONS.issuperset(
        {w.which for w in (one, other) if w.unit == "since"}
    ):
        return False  # "fallen 0.8 per cent since Monday" is this week's move so far
    if one.unit != other.unit:
        return True
    relative = {None, "this", "previous", "past"}
    return one.which != other.which and one.which not in relative and other.which not in relative


_COUNTS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "fourteen": "14", "thirty": "30",
}  # fmt: skip
# "over the last week" is the week to now; "from the end of last year" starts this year
_PREVIOUS = r"(?<!the )(?:last|previous|prior|preceding)"
_NAMED: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (
        re.compile(
            r"\b(?:(?:from|since|than|over) (?:at )?(?:the end of )?last year|last year's "
            r"(?:close|end|closing))\b"
        ),
        "year",
        "this",
    ),
    (re.compile(r"\b(?:this time yesterday|24 hours ago)\b"), "day", "this"),
    (
        re.compile(
            rf"\b(?:{_PREVIOUS} week|the week before|a week (?:earlier|before|ago)|week earlier)\b"
        ),
        "week",
        "previous",
    ),
    (
        re.compile(
            r"\b(?:this week|for the week|on the week|the week|weekly|"
            r"week[- ](?:on|over|to)[- ]week|in the week|in a week|"
            r"trading week|week to date|week-to-date|(?:over|in|during) the (?:past|last) week|"
            r"the past week|seven days|"
            r"seven-day|7-day|(?:the|last|past) (?:five|5) (?:sessions|trading days|days))\b"
        ),
        "week",
        "this",
    ),
    (
        re.compile(rf"\b(?:{_PREVIOUS} month|the month before|a month earlier)\b"),
        "month",
        "previous",
    ),
    (
        re.compile(
            r"\b(?:this month|for the month|on the month|the month|monthly|month to date|"
            r"month-to-date|so far in the month|(?:over|in|during) the (?:past|last) month|"
            r"the past month)\b"
        ),
        "month",
        "this",
    ),
    (
        re.compile(
            r"\b(?:going back (?:one|a|1) year|(?:over|in) the (?:past|last) (?:year|12 months|"
            r"twelve months)|past (?:year|12 months)|(?:one|1|a)[- ]year|12 months|twelve months|"
            r"from a year (?:ago|earlier)|year-on-year)\b"
        ),
        "year",
        "past",
    ),
    (re.compile(rf"\b(?:{_PREVIOUS} year|a year earlier)\b"), "year", "previous"),
    (
        re.compile(
            r"\b(?:this year|so far this year|year to date|year-to-date|ytd|since the (?:start|"
            r"beginning) of (?:the year|(?:19|20)\d\d)|for the year|on the year|since january)\b"
        ),
        "year",
        "this",
    ),
    (
        re.compile(
            r"\b(?:yesterday|overnight|previous (?:session|day|trading day)|prior (?:session|"
            r"day)|last session|(?:a|the) (?:day|session) (?:earlier|before))\b"
        ),
        "day",
        "previous",
    ),
    (re.compile(r"\b(?:24 hours|twenty-four hours)\b"), "day", "this"),
    (
        # "over the last 30 days", "past 14 days", "the past two weeks": a span counted back
        re.compile(
            r"\b(?:past|last|previous) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
            r"fourteen|thirty) (?:days|weeks|months|sessions)\b"
        ),
        "span",
        None,
    ),
    (
        re.compile(
            r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]weeks?\b"
            r"(?![- ](?:highs?|lows?))|"
            r"\b(?:straight|consecutive|successive) weeks\b"
        ),
        "weeks",
        None,
    ),
    (
        re.compile(
            r"\b(?:straight|consecutive|successive) (?:sessions?|days?|trading days?)|"
            r"\bin a row\b|\b(?:winning|losing) (?:streak|run)\b"
        ),
        "multi_day",
        None,
    ),
)
_FROM_A_POINT = re.compile(
    r"\b(?:from|since|off) (?:(?:hitting|reaching|touching|setting|its|their) )?"
    r"(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:low|high|peak|trough|bottom|record|level)s?\b|"
    # "down 0.052% from Wednesday": the day it is measured from, not the day it happened
    r"\bfrom (?:its |their |the )?(?:last |the previous |the prior )?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday)(?:['’]s)?\b|"
    # "down 1.4% from last Friday's closing price", "a drop of 2% from its close last Friday"
    r"\bfrom (?:its |their |the )?(?:previous |prior |last )?(?:close|closing|settlement|level)\b|"
    # "gained 0.53 percent compared to the previous close": no close of its own
    r"\b(?:compared (?:to|with)|from|versus|vs\.?|against|over) (?:the |its |their )?"
    r"(?:previous|prior|last|yesterday's|friday's|monday's|tuesday's|wednesday's|thursday's) "
    r"(?:session's )?clos|"
    # "up 9.7 basis points from the previous day": measured from the day before, not made in it
    r"\b(?:compared (?:to|with)|from|versus|vs\.?|against|over) (?:the |its |their )?"
    r"(?:previous|prior|preceding) (?:day|session|trading day|trading session)\b(?![’'])"
)
# "since March 2009", "since early 2020": a move over the years since
# "its highest level since October 2014", "the largest decline since 2020": how rare the move
# or the level is, not the period it took
_RECORD_SINCE = re.compile(
    r"\b(?:highest|lowest|strongest|weakest|best|worst|biggest|largest|steepest|sharpest|"
    r"deepest|most|least)\b(?:\s+[a-z-]+){0,3}?\s+since\s+(?:(?:early|late|mid)[- ])?"
    rf"(?:{lx.MONTH}\s+)?(?:(?:19|20)\d{{2}}|\d{{1,2}}\b)"
)
_SINCE = re.compile(
    rf"\bsince (?:(?:early|late|mid)[- ])?(?:{lx.MONTH}\s+)?(?P<year>(?:19|20)\d{{2}})\b|"
    r"\bsince (?:last )?(?P<day>monday|tuesday|wednesday|thursday|friday)\b"
)
_WEEKDAY_ABBREVIATIONS = frozenset({"mon", "tue", "wed", "thu", "fri"})
# the days a named session can be: a "Tuesday" move may be the session before the article's
WEEKDAYS = _WEEKDAY_ABBREVIATIONS
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# "in December", "for December", "during November": not "since December" (a longer period),
# "December gold" (a contract) nor "on Dec. 31" (a day)
_MONTH_IN = re.compile(
    rf"\b(?:in|for|during|throughout|over)\s+(?P<month>{lx.MONTH})(?!\s*\d{{1,2}}\b)(?!\w)"
    # "crude for March delivery", "for May contracts": the contract's month, not the move's
    r"(?!\.?\s+(?:\d{2,4}\s+)?(?:delivery|deliveries|settlement|contracts?|futures|expiry)\b)"
)
_BARE_MONTH = re.compile(rf"(?P<month>{lx.MONTH})")
_YEAR_IN = re.compile(
    r"\b(?:in|for|during|throughout|over|ended|ending|end of|all of)\s+(?P<year>(?:19|20)\d{2})\b"
)
_BARE_YEAR = re.compile(r"(?:year\s+)?(?P<year>(?:19|20)\d{2})")
_BARE_UNITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:the )?week"), "week"),
    (re.compile(r"(?:the )?month"), "month"),
    (re.compile(r"(?:the )?(?:day|session)"), "day"),
)
