"""The numbers a sentence states as changes: percentages (digits or words), basis points,
points and money, joined where one change is given two ways ("212.4 points, or 0.6 percent").

Works on the lowercased sentence; every offset is an offset into the sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from summarizer.reading import lexicon as lx

Unit = Literal["pct", "pp", "bp", "points", "money"]


@dataclass(frozen=True, slots=True)
class Amount:
    """One stated number with its unit: "-4.4 per cent", "6 basis points", "$1.20"."""

    start: int
    end: int
    value: float | None  # None: a range ("between 1% and 4.9%")
    unit: Unit
    sign: int  # +1 or -1 when the text writes a sign, else 0


@dataclass(frozen=True, slots=True)
class Change:
    """A change as the text states it, possibly two ways at once ("$1.39, or 1.6 percent")."""

    start: int
    end: int
    pct: float | None
    bp: float | None
    absolute: bool  # stated in points or money as well as (or instead of) percent
    sign: int
    qualifier: str
    is_range: bool = False

    @property
    def magnitude(self) -> float | None:
        return self.pct if self.pct is not None else self.bp


def find_changes(lowered: str) -> list[Change]:
    """Every change the sentence states, in order; amounts stated together are one change."""
    amounts = _amounts(lowered)
    changes: list[Change] = []
    i = 0
    while i < len(amounts):
        group = [amounts[i]]
        while i + 1 < len(amounts) and _restates(lowered, group[-1], amounts[i + 1]):
            group.append(amounts[i + 1])
            i += 1
        changes.append(_change(lowered, group))
        i += 1
    return changes


def _amounts(lowered: str) -> list[Amount]:
    found: list[Amount] = []
    for span in _ranges(lowered):
        found.append(Amount(span[0], span[1], None, "pct", 0))
    for match in lx.SPELLED_DECIMAL.finditer(lowered):
        whole = match.group("int")
        number = whole if whole.isdigit() else str(lx.SMALL_NUMBERS[whole])
        digits = "".join(
            d if d.isdigit() else str(lx.SMALL_NUMBERS[d])
            for d in re.split(r"[\-\u2011 ]", match.group("frac"))
        )
        decimal = float(f"{number}.{digits}")
        found.append(Amount(match.start(), match.end(), decimal, _unit_read_out(match["unit"]), 0))
    for match in lx.DECIMAL_COMMA_PERCENT.finditer(lowered):
        decimal = float(match.group("num").replace(",", "."))
        said: Unit = "bp" if "b" in match.group("unit") else "pct"
        found.append(Amount(match.start(), match.end(), decimal, said, _sign(match)))
    for match in lx.FRACTION_OF_ONE.finditer(lowered):
        frac = match.group("frac")
        value = lx.GLYPH_VALUES.get(frac) or spelled_value(frac)
        if value is not None:
            unit_said = _unit_read_out(match["unit"])
            found.append(Amount(match.start(), match.end(), value, unit_said, 0))
    for match in lx.SLASH_FRACTION.finditer(lowered):
        top, bottom = int(match.group("top")), int(match.group("bottom"))
        if top < bottom:
            value = float(match.group("num") or 0) + top / bottom
            found.append(
                Amount(
                    match.start(), match.end(), value, _unit_read_out(match["unit"]), _sign(match)
                )
            )
    for match in lx.ONE_UNIT.finditer(lowered):
        found.append(Amount(match.start(), match.end(), 1.0, _unit_read_out(match["unit"]), 0))
    for match in lx.GLYPH_PERCENT.finditer(lowered):
        value = float(match.group("num") or 0) + lx.GLYPH_VALUES[match.group("glyph")]
        found.append(
            Amount(match.start(), match.end(), value, _unit_read_out(match["unit"]), _sign(match))
        )
    for match in lx.PERCENT.finditer(lowered):
        unit: Unit = (
            "pp" if "point" in match.group("unit") or "ppt" in match.group("unit") else "pct"
        )
        found.append(_amount(match, unit))
    for match in lx.SPELLED_PERCENT.finditer(lowered):
        value = spelled_value(match.group("words"))
        if value is not None:
            unit_text = match.group("unit")
            unit = "bp" if "basis" in unit_text else "pp" if "point" in unit_text else "pct"
            start = match.start("words")
            if lowered.startswith(("a ", "an "), start) and value >= 1:
                start += 2 if lowered[start + 1] == " " else 3  # "a two percent gain"
            found.append(Amount(start, match.end(), value, unit, 0))
    for match in lx.SPELLED_POINTS.finditer(lowered):
        value = spelled_value(match.group("words"))
        if value is not None:
            found.append(Amount(match.start("words"), match.end(), value, "points", 0))
    for match in lx.BASIS_POINTS.finditer(lowered):
        found.append(_amount(match, "bp"))
    for match in lx.POINTS.finditer(lowered):
        found.append(_amount(match, "points"))
    for match in lx.BARE_BEFORE_PERCENT.finditer(lowered):
        if _INDEX_WORD_BEFORE.search(lowered, max(0, match.start() - 12), match.start()):
            continue  # "Nikkei 225 (+0.3%)": the number is the index's name
        if _MONEY_SIGN_BEFORE.search(lowered, max(0, match.start() - 5), match.start()):
            continue  # "declined by Rs 1.75 (0.97%)": money, which the money pattern reads
        found.append(Amount(match.start(), match.end(), _float(match.group("num")), "points", 0))
    for match in lx.PAREN_SIGNED.finditer(lowered):
        found.append(_amount(match, "points"))
    for match in lx.MONEY.finditer(lowered):
        if _BIG_MONEY.search(match.group(0)):
            continue  # "$3.2 billion": a sum raised or earned, not a change in a price
        found.append(Amount(match.start(), match.end(), None, "money", _sign(match)))
    for match in lx.SPELLED_MONEY.finditer(lowered):
        found.append(Amount(match.start(), match.end(), None, "money", 0))
    for match in lx.NUMBER_LIST_MEMBER.finditer(lowered):
        if _INDEX_WORD_BEFORE.search(lowered, max(0, match.start() - 12), match.start()):
            continue  # "the CAC 40, 1.2%": the number is the index's name
        unit_of_list = _unit_of_list(lowered, match.end())
        if unit_of_list is not None:
            found.append(
                Amount(match.start(), match.end(), _float(match.group("num")), unit_of_list, 0)
            )
    return _without_overlaps(found)


# the words of indices named with a number: "Nikkei 225", "FTSE 100", "CSI 300", "Russell 2000"
_INDEX_WORD_BEFORE = re.compile(
    r"\b(?:nikkei|ftse|s&p|cac|dax|kospi|kosdaq|stoxx|russell|nifty|asx|csi|ibex|aex|smi|omx|"
    r"omxs|wig|topix|sensex|ta|bist|atx|psi|mib|obx|kse|msci|jpx-nikkei|hdax|mdax|sdax|tecdax)"
    r"\s$"
)
_BIG_MONEY = re.compile(r"billion|million|trillion|bn|mn|m$")


def _unit_read_out(words: str) -> Unit:
    if "basis" in words or words.strip() in ("bp", "bps"):
        return "bp"
    if "percentage" in words:
        return "pp"
    return "points" if "point" in words else "pct"


def _amount(match: re.Match[str], unit: Unit) -> Amount:
    return Amount(match.start(), match.end(), _float(match.group("num")), unit, _sign(match))


def _sign(match: re.Match[str]) -> int:
    sign = match.groupdict().get("sign")
    return 0 if not sign else (1 if sign == "+" else -1)


def _float(text: str) -> float:
    return float(text.replace(",", ""))


def _ranges(lowered: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in lx.RANGE.finditer(lowered)
        if not (
            _CHANGE_TO_A_LEVEL.fullmatch(m[0])
            and _A_RATE.search(lowered, max(0, m.start() - 80), m.start())
        )
    ]


# "the yield lost 2.96% to 3.591%": a rate's change, then the level it reached (no range)
_CHANGE_TO_A_LEVEL = re.compile(rf"{lx.NUM}\s?(?:%|percent|per cent)\s+to\s+{lx.NUM}\s?%")
_A_RATE = re.compile(r"\b(?:yields?|rates?|treasur(?:y|ies)|bunds?|gilts?)\b")


def _unit_of_list(lowered: str, end: int) -> Unit | None:
    """The unit of the list a bare number starts ("30 and 32 basis points" -> bp)."""
    rest = lowered[end : end + 60]
    match = re.match(rf"(?:\s*(?:,\s*|\s+and\s+|,\s+and\s+){lx.NUM})+", rest)
    if match is None:
        return None
    tail = rest[match.end() :]
    if re.match(r"\s?(?:basis[ -]points?|bps?\b)", tail):
        return "bp"
    if re.match(lx._PERCENT_UNIT, tail):
        return "pct"
    return None


def _without_overlaps(found: list[Amount]) -> list[Amount]:
    """Earlier patterns win (ranges first, then percentages...); the rest in text order."""
    kept: list[Amount] = []
    for amount in found:
        if all(amount.end <= k.start or amount.start >= k.end for k in kept):
            kept.append(amount)
    return sorted(kept, key=lambda a: a.start)


_RESTATED = re.compile(
    r"^\s*(?:,\s*or\s+|\(\s*|or\s+|,\s*|/\s*|"
    # "a decrease of 4.05 points, equivalent to a 0.21% decline"
    r",?\s*(?:equivalent|equal|amounting)\s+to\s+(?:a\s+|an\s+)?|,\s*(?:that is|i\.e\.),?\s+)"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|"
    r"over\s+|more than\s+|less than\s+)?$"
)


def _restates(lowered: str, first: Amount, second: Amount) -> bool:
    """'212.4 points, or 0.6 percent', '9.08 (0.49 per cent)', '1.2 percent, or 35 points'."""
    if first.unit == second.unit:
        return False
    if {first.unit, second.unit} == {"pct", "pp"}:
        # "dropped by almost half a percentage point or 10.34%": a rate's change both ways
        return _OR_RESTATED.fullmatch(lowered, first.end, second.start) is not None
    if "pct" not in (first.unit, second.unit) and "bp" not in (first.unit, second.unit):
        return False
    if first.unit in ("money", "points") and _AT_A_LEVEL.search(
        lowered, max(0, first.start - 10), first.start
    ):
        return False  # "trading at $45,848.37 or 2.37 per cent lower": a level, then the change
    gap = lowered[first.end : second.start]
    if first.unit == "money" and second.unit == "pct" and _MONEY_AT_PERCENT.fullmatch(gap):
        return True  # "gained N4.12 at 9.87 per cent": a price's change, then the same in percent
    if first.unit == "points" and second.unit == "pct" and gap.isspace():
        return True  # "advanced by 3,927.57 points 1.19 per cent": the comma left out
    return _RESTATED.match(gap) is not None


_MONEY_AT_PERCENT = re.compile(r"\s+at\s+")
_OR_RESTATED = re.compile(r",?\s+or\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+)?")
_AT_A_LEVEL = re.compile(r"\b(?:at|to|near|around)\s+$")
_MONEY_SIGN_BEFORE = re.compile(r"(?:^|[\s(])(?:rs\.?|sh\.?|kes|ksh|inr|rmb)\s?$|(?:^|\s)n$")


def _change(lowered: str, group: list[Amount]) -> Change:
    pct = next((a for a in group if a.unit == "pct"), None)
    bp = next((a for a in group if a.unit == "bp"), None)
    pp = next((a for a in group if a.unit == "pp"), None)
    first = group[0]
    sign = next((a.sign for a in group if a.sign), 0)
    qualifier = _qualifier(lowered, first.start)
    inner_qualifier = (
        _qualifier(lowered, pct.start) if pct is not None and pct is not first else None
    )
    bp_value = (
        bp.value
        if bp is not None
        else (round(pp.value * 100, 6) if pp and pp.value is not None else None)
    )
    return Change(
        start=first.start,
        end=group[-1].end
        + (
            1
            if lowered[group[-1].end : group[-1].end + 1] == ")"
            and "(" in lowered[first.start : group[-1].end]
            else 0
        ),
        pct=pct.value if pct is not None else None,
        bp=bp_value,
        absolute=any(a.unit in ("points", "money") for a in group),
        sign=sign,
        qualifier=inner_qualifier if inner_qualifier and inner_qualifier != "exact" else qualifier,
        is_range=any(a.value is None and a.unit == "pct" for a in group),
    )


def _qualifier(lowered: str, start: int) -> str:
    match = lx.QUALIFIER.search(lowered, max(0, start - 24), start)
    if match is None:
        return "exact"
    return lx.QUALIFIER_OF.get(match.group("qual"), "exact")


def qualifier_span(lowered: str, start: int) -> int:
    """Where the qualifier before a change starts ("nearly 5%" -> the offset of "nearly")."""
    match = lx.QUALIFIER.search(lowered, max(0, start - 24), start)
    return match.start() if match is not None else start


@functools.lru_cache(maxsize=512)
def spelled_value(words: str) -> float | None:
    """'two ' -> 2, 'about one ' -> None ('about' is a qualifier, not a number word), 'three-
    quarters ' -> 0.75, 'half a ' -> 0.5, 'one and a half ' -> 1.5, 'a quarter ' -> 0.25."""
    from text_to_num import text2num  # compiled, about 10 ms to import: only when a text spells one

    parts = [w for w in re.split(r"[\s-]+", words.strip()) if w]
    fraction = 0.0
    while parts and parts[-1] in ("a", "an", "and", "of"):
        parts.pop()
    numerator_words: list[str] = []
    for index, word in enumerate(parts):
        if word in lx.SPELLED_FRACTIONS:
            numerator = parts[index - 1] if index > 0 else "a"
            count = 1.0 if numerator in ("a", "an", "one") else _cardinal(numerator, text2num)
            if count is None:
                return None
            fraction = count * lx.SPELLED_FRACTIONS[word]
            numerator_words = parts[: max(index - 1, 0)]
            if numerator_words and numerator_words[-1] == "and":
                numerator_words = numerator_words[:-1]
            break
    else:
        numerator_words = parts
    numerator_words = [w for w in numerator_words if w not in ("a", "an")]
    if not numerator_words:
        return fraction or None
    whole = _cardinal(" ".join(numerator_words), text2num)
    if whole is None:
        return None
    return whole + fraction


def _cardinal(words: str, text2num: object) -> float | None:
    try:
        return float(text2num(words, "en"))  # type: ignore[operator]
    except ValueError:
        return None
