"""The calendar day a digest's `published` names, as an ISO date, or None when it names none.

`published` is kept as the source wrote it ('Sep 09, 2020 14:27 IST', '2026-01-12T08:00:00Z',
'12 January 2026', '2026年1月12日'). The day is the date as written there: no time-zone shift,
since the source's own date is the trading day its report is about far more often than a UTC
conversion would be. A date without a year, or one that is not a real date, gives None: the
picture says the day is unknown rather than guess a year.
"""

from __future__ import annotations

import datetime
import functools
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_NUMERIC = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})")
_CJK = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
# 12/01/2026 is ambiguous (day or month first): read only when one of the two is over 12
_SLASHED = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})")
_MONTH_FIRST = re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})")
_DAY_FIRST = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})")


@functools.lru_cache(maxsize=4096)
def day_of(published: str | None) -> str | None:
    """'Sep 09, 2020 14:27 IST' -> '2020-09-09'; None when no full date is written."""
    if not published:
        return None
    text = published.strip().lower()
    for pattern in (_NUMERIC, _CJK):
        if found := pattern.search(text):
            return _iso(int(found["y"]), int(found["m"]), int(found["d"]))
    if found := _SLASHED.search(text):
        first, second = int(found["a"]), int(found["b"])
        if first > 12 >= second:
            return _iso(int(found["y"]), second, first)
        if second > 12 >= first:
            return _iso(int(found["y"]), first, second)
        return None
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        if (found := pattern.search(text)) and found["month"] in _MONTHS:
            return _iso(int(found["y"]), _MONTHS[found["month"]], int(found["d"]))
    return None


def month_number(word: str) -> int | None:
    """'June' -> 6, 'Sept' -> 9; None for any other word."""
    return _MONTHS.get(word.lower().rstrip("."))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:  # "February 30": not a day
        return None
