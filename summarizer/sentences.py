"""Sentence boundaries in news text: never inside a number ("4.2%"), a ticker ("BABA-W",
"(513770)") or after an abbreviation ("U.S.", "Inc.", "Sep.")."""

from __future__ import annotations

import re

from summarizer.models import Span

_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "u.k",
        "e.u",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "llc",
        "jr",
        "sr",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "j.p",
        "u.n",
        "fig",
        "dept",
        "gov",
        "govt",
    ]
)
# a sentence ends at . ! ? (or CJK 。！？) plus closing quotes/brackets, before whitespace and
# something that can start a sentence; the match ends where the sentence does. (Starting at the
# punctuation rather than with a lookbehind lets the regex engine skip to it: a third faster.)
_END = re.compile(
    r"[.!?。！？][\"'”’)\]]*(?=\s+[\"'“‘(\[*\-–—•]?[A-Z0-9\u3400-\u9fff])|[。！？]|"
    r"\.{3,}(?=[A-Z])"  # "a 1% gain.....MUCH MORE": an ellipsis glued to what follows
)
_CODE_WITH_A_DOT = re.compile(r"\([A-Z]{1,5}\.\)$")
_A_PRICE_NEXT = re.compile(r"\s+\d")
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"'“‘])([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans within text[start:end], whitespace trimmed. A line break ends a sentence
    unless the line was wrapped mid-sentence (see `_lines`)."""
    spans: list[Span] = []
    for line_start, line in _lines(text[start:end], start):
        cut = line_start
        for match in _END.finditer(line):
            boundary = line_start + match.end()
            if _is_abbreviation(text, cut, boundary):
                continue
            spans.append((cut, boundary))
            cut = boundary
        spans.append((cut, line_start + len(line)))
    return [t for s, e in spans if (t := trim(text, s, e))[0] < t[1]]


# a scraped page's lines that interrupt a sentence (Postmedia's pages); reading blanks them too
PAGE_FURNITURE_LINE = r"Advertisement(?:\s+\d+)?|Story continues below|Article content"
_FURNITURE_LINE = re.compile(rf"\s*(?:{PAGE_FURNITURE_LINE})\s*$")
# a line ends a sentence when it ends like one, or is short (a heading, a byline, a table row)
_LINE_END = re.compile(r"[.!?:;。！？\"”’)\]…|]\s*$")
_WRAPPED_WIDTH = 45
_OPEN_PARENTHESIS = 120  # characters after an unclosed "(" still inside it
_LIST_START = re.compile(r"\s*(?:[-*•·▪]|\d{1,3}[.)])\s")


def _lines(passage: str, offset: int) -> list[tuple[int, str]]:
    """The passage's lines, with lines of hard-wrapped prose joined back into one ("Banks and
    utilities supported\nEuropean stocks on Wednesday"): a line continues on the next when it
    does not end like a sentence and either is long or is followed by a lower-case word."""
    lines = [(offset + m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", passage)]
    joined: list[tuple[int, str]] = []
    furniture: list[tuple[int, str]] = []  # a page's lines met inside an unfinished sentence
    for start, line in lines:
        if joined and _FURNITURE_LINE.match(line) and not _LINE_END.search(joined[-1][1]):
            furniture.append((start, line))
            continue
        if furniture and line.lstrip()[:1].islower():
            # "erasing early losses\n\nAdvertisement 2\nStory continues below\n\nto rise 0.4%"
            first = joined[-1][0]
            joined[-1] = (first, passage[first - offset : start - offset + len(line)])
            furniture = []
            continue
        joined.extend(furniture)
        furniture = []
        if joined and _continues(joined[-1], start, line, offset, passage):
            first = joined[-1][0]
            joined[-1] = (first, passage[first - offset : start - offset + len(line)])
        else:
            joined.append((start, line))
    return joined + furniture


def _continues(previous: tuple[int, str], start: int, line: str, offset: int, passage: str) -> bool:
    first, text = previous
    if "\n" in passage[first - offset + len(text) : start - offset].replace("\n", "", 1):
        return False  # a blank line between them: a new paragraph
    if not line.strip() or _LIST_START.match(line):
        return False
    opened = text.rfind("(")
    if line.lstrip().startswith("(") or (
        opened > text.rfind(")") and len(text) - opened < _OPEN_PARENTHESIS
    ):
        return True  # a parenthesis: "Amgen\n(\nAMGN |\nQuote |\n...PowerRating)\nlost 11.9%"
    head, tail = line.lstrip()[:1], text.rstrip()[-1:]
    if tail == "," or (tail in (")", "|") and (head.islower() or head.isdigit() or head == ",")):
        return True  # what a comma, a parenthesis or a quote widget interrupted goes on
    if _LINE_END.search(text):
        return False
    last_line = text.rsplit("\n", 1)[-1].strip()
    if (
        head.isupper()
        and _a_title(last_line)
        and _ENDS_MID_SENTENCE.search(last_line) is None
        and _DATELINE.match(last_line) is None
    ):
        return False  # "Gas Supply Once Again Hinges on One Company\nDutch front-month ..."
    return (
        line.lstrip()[:1].islower()
        or len(last_line) >= _WRAPPED_WIDTH
        or _ENDS_MID_SENTENCE.search(last_line) is not None
        or _DATELINE.match(last_line) is not None
    )


# a line that ends on a word no sentence ends on, or opens with a dateline ("LONDON, June 7"),
# runs on into the next line
_ENDS_MID_SENTENCE = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|for|with|by|and|or|but|as|from|that|which|its|their|was|"
    r"were|is|are|has|have|had|said|than|after|amid|while)$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .]{2,},\s+[A-Z][a-z]{2,}\.?\s+\d{1,2}\b")


def _a_title(line: str) -> bool:
    """A headline in title case: four words or more, nearly all capitalised (prose wrapped
    mid-sentence has its verbs and articles in lower case)."""
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return len(words) >= 4 and capitalised >= _TITLE_SHARE * len(words)


_TITLE_SHARE = 0.8


def _is_abbreviation(text: str, start: int, boundary: int) -> bool:
    """'U.S.', 'Inc.', single initials and numbers like '4.' do not end a sentence."""
    head = text[start:boundary].rstrip("\"'”’)]")
    if not head.endswith("."):
        return False
    if _CODE_WITH_A_DOT.search(text, max(start, boundary - 10), boundary) and _A_PRICE_NEXT.match(
        text, boundary
    ):
        return True  # a London code before its price: "BG Group (BG.) 1,132.50p"
    if re.fullmatch(r"\s*\d{1,3}\.", head):
        return True  # a list number: "1. **Oracle's order**"
    if head.endswith("..") and not head.endswith("..."):
        return False  # "to $847.36 U.S.. It has dropped": the abbreviation's dot, then a stop
    word = _WORD_BEFORE.search(head)
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or len(token) == 1 or "." in token


def is_title_case(line: str) -> bool:
    """A headline in title case ("AIA Dives 4% As Insurers Slide"): no full stop at its end,
    and most of its words capitalised."""
    if line.rstrip().endswith((".", "!", "?", ":")):
        return False
    words = _A_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_A_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def trim(text: str, start: int, end: int) -> Span:
    """The span without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
