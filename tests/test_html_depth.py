"""html_depth: how deep a parser nests the HTML that cap_depth lets through, and what it keeps."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser
from test_ingest import PAGE

from summarizer.html_depth import MAX_DEPTH, cap_depth

# Above the cap, lexbor counts the document, <html>, <body> and a text node, and may rebuild a
# few formatting elements (<b>, <em>...) that the page left open.
SLACK = 8


def parsed_depth(html: str) -> int:
    """Elements and text nodes on the longest path from the document down, as lexbor builds it."""
    tree = LexborHTMLParser(html)
    deepest, stack = 0, [(tree.root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


def visible_text(html: str) -> str:
    body = LexborHTMLParser(html).body
    assert body is not None
    return " ".join(body.text(separator=" ").split())


def test_defect_8_deep_nesting_is_capped_and_its_text_kept() -> None:
    page = "".join(f"<div><p>level {i}</p>" for i in range(5000)) + "</div>" * 5000
    capped = cap_depth(page)
    assert parsed_depth(capped) <= MAX_DEPTH + SLACK
    assert parsed_depth(page) > 5000
    assert visible_text(capped) == " ".join(f"level {i}" for i in range(5000))


@pytest.mark.parametrize(
    "unit",
    [
        "<div>",
        "<section><span>",
        "<div/>",  # '/>' closes nothing in HTML
        "<span><div></span>",  # a </span> behind a <div> is ignored
        "<b><div></b>",
        "<form><div></form>",  # a </form> leaves what it holds open
        "<br ='><div>'>",  # '=' after a space starts a name, not a value
        "<svg/><style></div></style>",  # a closed <svg> leaves no SVG, so <style> is raw text
        "<div><script><!--<script></script></div>--></script>",  # the script's escapes
        "<math><dd><path/>",  # <dd> leaves MathML: '/>' no longer closes
        "<svg><foreignObject><div></foreignObject></svg>",
        "<select><div></div></select><div>",
        "<table><tr><td><div>",
    ],
)
def test_defect_8_nesting_tricks_stay_under_the_cap(unit: str) -> None:
    page = unit * 4000 + "end"
    assert parsed_depth(cap_depth(page, 64)) <= 64 + SLACK


def test_ordinary_and_sloppy_pages_come_back_unchanged() -> None:
    sloppy = (
        "<ul>" + "<li><p>item" * 300 + "</ul>"  # end tags left out, as HTML allows
        "<table>" + "<tr><td>a<td>b" * 300 + "</table>"
        "<select>" + "<option>x" * 300 + "</select>"
        "<svg>" + '<path d="M0 0"/>' * 700 + "</svg>"
        "<script>" + "document.write('<div>');" * 600 + "</script>"
        "<!--" + "<div>" * 600 + "-->"
        + '<a title="<div>">x</a>' * 600
    )  # fmt: skip
    for page in (PAGE * 50, sloppy):
        assert page.count("<") > MAX_DEPTH
        assert cap_depth(page) == page


def test_markup_deeper_than_the_cap_leaves_only_its_text() -> None:
    page = "<div>" * 3 + "<b>bold</b><br><!-- note --><script>x()</script>" + "</div>" * 3 + "after"
    # one space for each of <b>, </b>, <br>, the comment, the script and its end tag
    assert cap_depth(page, 3) == "<div>" * 3 + " bold" + " " * 5 + "</div>" * 3 + "after"
