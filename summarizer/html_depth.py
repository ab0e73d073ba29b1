"""Cap how deeply HTML nests before a tree builder sees it: HTML in, HTML out.

An HTML5 tree builder scans its stack of open elements on many tags (is a <p> open in button
scope? is this element in scope?), so markup nested n deep costs about n² steps: 100,000 nested
<div>s (1.1 MB) took 45 s in lexbor. Browsers bound the depth of the tree (Blink at 512);
`cap_depth` does it to the text: a tag nested deeper than the cap is dropped, its text kept, so
no scan is longer than the cap and parsing stays linear in size.

The depth is estimated by a small tokenizer, not the whole tree-building algorithm. It follows
what moves the parser's stack: void and raw-text elements (with the script escapes), comments,
quoted attributes, end tags a parser ignores (one behind a boundary such as <table>, or a
<span> behind a special element such as <div>), the end tags HTML lets pages leave out (<p>,
<li>, <td>...) and SVG/MathML. Where it is unsure it counts too deep rather than too shallow,
so markup tricks do not talk it out of capping; ordinary pages, sloppy ones included, stay far
below the cap and come back unchanged. Not followed: the formatting elements (<b>, <em>...) a
parser opens again by itself after a block closed them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Blink's cap on the depth of the tree its HTML parser builds.
MAX_DEPTH = 512
# How far below the current node an end tag may look for its element; further down, the end tag
# is taken as ignored. Pages close what they open within a few levels, and it bounds the work.
_MAX_END_TAG_WALK = 16


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VOID = _words(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source "
    "track wbr"
)
_RAW_TEXT = _words("style xmp iframe noembed noframes title textarea")  # noscript: scripting off
_NOT_PUSHED = _words("html head body")  # one of each exists; their tags never nest anything
_FOREIGN_ROOTS = _words("svg math")
# In SVG and MathML, these hold HTML again.
_INTEGRATION_POINTS = _words("foreignobject desc title mi mo mn ms mtext annotation-xml")
# An HTML start tag that ends SVG/MathML content (<font> only with color, face or size).
_BREAKOUT = _words(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img "
    "li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var"
)
_FONT_BREAKOUT = re.compile(r"[\t\n\f\r /](?:color|face|size)[\t\n\f\r ]*=", re.I)
_HEADINGS = _words("h1 h2 h3 h4 h5 h6")
_SPECIAL = _INTEGRATION_POINTS | _words(
    "address applet area article aside base basefont bgsound blockquote body br button caption "
    "center col colgroup dd details dialog dir div dl dt embed fieldset figcaption figure footer "
    "form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li "
    "link listing main marquee menu meta nav noembed noframes noscript object ol p param "
    "plaintext pre script search section select source style summary table tbody td template "
    "textarea tfoot th thead title tr track ul wbr xmp"
)
# An end tag never closes an element through one of these (select: a parser in a <select>
# ignores every end tag but its own few).
_BOUNDARIES = _INTEGRATION_POINTS | _words(
    "applet caption html table td th marquee object template select"
)
_TABLE_PARTS = _words("table tbody thead tfoot tr td th caption")
_ROW_GROUPS = _words("tbody thead tfoot")
_ROW_PARTS = _words("tr td th")
_TABLE_SCOPE = _words("html table template")
_SCOPE_OF = {"p": _BOUNDARIES | _words("button"), "li": _BOUNDARIES | _words("ol ul")}
# End tags that close their element through special ones (they look "in scope"); any other end
# tag stops at the first special element.
_SCOPED_END_TAGS = (
    _HEADINGS
    | _TABLE_PARTS
    | _words(
        "address article aside blockquote button center details dialog dir div dl fieldset "
        "figcaption figure footer form header hgroup listing main menu nav ol pre search section "
        "summary ul p li dd dt applet marquee object select"
    )
)
_BOUNDARIES_AND_SPECIAL = _BOUNDARIES | _SPECIAL
# A start tag closes these while one is the current node (the parser closes them in more cases).
_CLOSES_P = _words("p")
_IMPLIED_ENDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        _words(
            "address article aside blockquote center details dialog dir div dl fieldset "
            "figcaption figure footer form header hgroup listing main menu nav ol p pre search "
            "section summary table ul"
        ),
        _CLOSES_P,
    ),
    **dict.fromkeys(_HEADINGS, _CLOSES_P | _HEADINGS),
    "li": _words("li p"),
    "dt": _words("dt dd p"),
    "dd": _words("dt dd p"),
    "option": _words("option"),
    "optgroup": _words("option optgroup"),
    "tr": _words("tr td th"),
    "td": _words("td th"),
    "th": _words("td th"),
    **dict.fromkeys(_words("tbody thead tfoot"), _words("tbody thead tfoot tr td th")),
}

_MARKUP = re.compile(r"<(?:!|\?|/[A-Za-z]?|[A-Za-z])")
# Most tags: plain names, values quoted or plain (a plain one ends at a space or '>': in 'a=b/>'
# the value is 'b/'); _tag_end reads the rest the long way.
_SIMPLE_TAG = re.compile(
    r"""</?([A-Za-z][^\t\n\f\r /><"'=]*)"""
    r"""(?:[\t\n\f\r ]+[^\t\n\f\r /><"'=]+"""
    r"""(?:=(?:"[^"]*"|'[^']*'|[^\t\n\f\r /><"'=`]+(?=[\t\n\f\r >])))?)*"""
    r"""[\t\n\f\r ]*(/?)>"""
)
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
# In a tag: its '>', or an attribute value (after a name; '=' right after a space or a value
# starts a name instead), quoted (the quote captured) or not.
_TAG_PART = re.compile(
    r""">|(?<=[^\t\n\f\r />"'])[\t\n\f\r ]*=[\t\n\f\r ]*(?:(["'])|[^\t\n\f\r >]*)"""
)
_SPACES = re.compile(r"[\t\n\f\r ]*")
_COMMENT = re.compile(r"<!--(?:-?>|.*?--!?>)", re.S)
_RAW_TEXT_ENDS = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.I) for name in _RAW_TEXT}
_SCRIPT_STATE = re.compile(r"<!--(-*>)?|-->|<script[\t\n\f\r />]|</script[\t\n\f\r />]", re.I)


class _Open(NamedTuple):
    name: str
    kept: bool  # False: its tags were dropped
    foreign: bool  # SVG or MathML


class _Capper:
    """One pass over html: the estimated stack of open elements, and the output if tags drop.

    Once the stack is max_depth deep, every piece of markup is dropped, whatever it is, until an
    end tag takes the stack back: a parser then meets only text there, in any context (a dropped
    <svg> must not leave its '/>' and CDATA to be read as HTML, nor a dropped <script> its text).
    """

    def __init__(self, html: str, max_depth: int) -> None:
        self.html = html
        self.max_depth = max_depth
        self.stack: list[_Open] = []
        self.open_count: dict[str, int] = {}
        self.pieces: list[str] = []
        self.copied = 0  # html[:copied] is in pieces, once something has been dropped

    def run(self) -> str:
        pos, size = 0, len(self.html)
        while pos < size and (found := _MARKUP.search(self.html, pos)) is not None:
            pos = self._token(found.start(), found.group())
        if not self.pieces:
            return self.html
        return "".join(self.pieces) + self.html[self.copied :]

    def _token(self, start: int, opening: str) -> int:
        """Handle the markup at start; return where it ends."""
        html = self.html
        if opening[-1].isalpha():
            return self._tag(start, is_end=opening.startswith("</"))
        if html.startswith("<!--", start):
            comment = _COMMENT.match(html, start)
            end = comment.end() if comment else len(html)
        elif html.startswith("<![CDATA[", start) and self._in_foreign():
            end = _after(html, html.find("]]>", start), 3)
        else:  # a doctype, a bogus comment, or '</>'
            end = _after(html, html.find(">", start), 1)
        if self._deep():
            self._drop(start, end)
        return end

    def _tag(self, start: int, is_end: bool) -> int:
        html = self.html
        simple = _SIMPLE_TAG.match(html, start)
        if simple:
            name, end, self_closing = simple.group(1).lower(), simple.end(), simple.group(2) == "/"
        else:
            name_start = start + (2 if is_end else 1)
            name_end = _TAG_NAME.match(html, name_start).end()  # type: ignore[union-attr]
            end, self_closing = _tag_end(html, name_end)
            name = html[name_start:name_end].lower()
        if end < 0:  # a tag cut off by the end of the document is no tag
            end, drop = len(html), self._deep()
        elif not is_end:
            return self._start_tag(name, start, end, self_closing)
        else:
            deep = self._deep()
            closed = self._end_tag(name)
            drop = deep if closed is None else not closed.kept
        if drop:
            self._drop(start, end)
        return end

    def _start_tag(self, name: str, start: int, end: int, self_closing: bool) -> int:
        html = self.html
        foreign = self._in_foreign()
        if foreign and (name in _BREAKOUT or (name == "font" and _breaks_out(html[start:end]))):
            while self._in_foreign():
                self._pop()
            foreign = False
        if not foreign and (name in _RAW_TEXT or name in ("script", "plaintext")):
            text_end = _raw_text_end(html, end, name)
            if self._deep():
                self._drop(start, text_end)
            return text_end
        if not foreign:
            self._imply_around(name)
        if self._deep():
            self._drop(start, end)
        # In SVG and MathML '/>' closes an element; in HTML only void elements are empty.
        closed = self_closing and (foreign or name in _FOREIGN_ROOTS)
        if not (name in _NOT_PUSHED or closed or (not foreign and name in _VOID)):
            self._push(name, foreign or name in _FOREIGN_ROOTS)
        return end

    def _imply_around(self, name: str) -> None:
        """Close what an HTML start tag closes, and open the table parts it implies."""
        closes = _IMPLIED_ENDS.get(name)
        while closes and self.stack and self.stack[-1].name in closes:
            self._pop()
        if name in _ROW_PARTS:
            if self.stack and self.stack[-1].name == "table":
                self._push("tbody", False)
            if name != "tr" and self.stack and self.stack[-1].name in _ROW_GROUPS:
                self._push("tr", False)

    def _push(self, name: str, foreign: bool) -> None:
        self.stack.append(_Open(name, not self._deep(), foreign))
        self.open_count[name] = self.open_count.get(name, 0) + 1

    def _end_tag(self, name: str) -> _Open | None:
        """Close name's element as a parser would and return it; None if the tag is ignored."""
        if not self.open_count.get(name) or name in _NOT_PUSHED:
            return None
        stoppers = _stoppers(name)
        for below, entry in enumerate(reversed(self.stack[-_MAX_END_TAG_WALK:])):
            if entry.name == name:
                # A parser takes a </form> out of the stack alone, leaving what was opened in it
                # open; left open here too, it is counted too deep rather than too shallow.
                if name == "form" and below:
                    return None
                for _ in range(below + 1):
                    self._pop()
                return entry
            if entry.name in _INTEGRATION_POINTS or (entry.name in stoppers and not entry.foreign):
                return None
        return None

    def _deep(self) -> bool:
        return len(self.stack) >= self.max_depth

    def _in_foreign(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and top.foreign and top.name not in _INTEGRATION_POINTS

    def _pop(self) -> None:
        self.open_count[self.stack.pop().name] -= 1

    def _drop(self, start: int, end: int) -> None:
        # A space keeps the words of neighbouring elements apart once their tags are gone.
        self.pieces += (self.html[self.copied : start], " ")
        self.copied = end


def cap_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """html with the markup nested deeper than max_depth dropped, its text kept."""
    if html.count("<") < max_depth:  # too few tags to nest that deep
        return html
    return _Capper(html, max_depth).run()


def _after(html: str, index: int, length: int) -> int:
    """index + length, or the end of html when index is -1 (not found)."""
    return len(html) if index < 0 else index + length


def _stoppers(name: str) -> frozenset[str]:
    """The open elements that a </name> cannot close anything through."""
    if name in _TABLE_PARTS:
        return _TABLE_SCOPE
    if name in _SCOPED_END_TAGS:
        return _SCOPE_OF.get(name, _BOUNDARIES)
    return _BOUNDARIES_AND_SPECIAL


def _tag_end(html: str, pos: int) -> tuple[int, bool]:
    """Just past the '>' ending the tag whose attributes start at pos (-1 if none), and whether
    it ends with '/>' (a '/' closing an unquoted value does not count)."""
    # Spaces are skipped after the name and after each value: an '=' behind them starts a name.
    value_end = pos
    pos = _SPACES.match(html, pos).end()  # type: ignore[union-attr]
    while (part := _TAG_PART.search(html, pos)) is not None:
        if part.group() == ">":
            slash = part.start() - 1
            return part.end(), slash >= value_end and html[slash] == "/"
        quote = part.group(1)
        if quote:
            close = html.find(quote, part.end())
            if close < 0:
                return -1, False
            value_end = close + 1
        else:
            value_end = part.end()
        pos = _SPACES.match(html, value_end).end()  # type: ignore[union-attr]
    return -1, False


def _raw_text_end(html: str, pos: int, name: str) -> int:
    """Where the text of the raw-text element name that starts at pos ends: at its end tag."""
    if name == "plaintext":
        return len(html)
    if name == "script":
        return _after(html, _script_end(html, pos), 0)
    found = _RAW_TEXT_ENDS[name].search(html, pos)
    return found.start() if found else len(html)


def _script_end(html: str, pos: int) -> int:
    """Where the </script> ending the script whose text starts at pos begins, or -1.

    Inside '<!--', a '<script' starts a stretch that its own '</script' ends (the escapes of the
    HTML tokenizer), so the first '</script' is not always the end.
    """
    escaped = double_escaped = False
    for part in _SCRIPT_STATE.finditer(html, pos):
        token = part.group().lower()
        if token.startswith("</"):
            if not double_escaped:
                return part.start()
            double_escaped = False
        elif token.startswith("<!--"):
            if part.group(1):  # '<!-->' and '<!--->' close at once
                escaped = double_escaped = False
            elif not double_escaped:
                escaped = True
        elif token.startswith("<"):
            double_escaped = double_escaped or escaped
        else:  # '-->'
            escaped = double_escaped = False
    return -1


def _breaks_out(tag: str) -> bool:
    return _FONT_BREAKOUT.search(tag) is not None
