"""The words of market news that the reading knows: move verbs and adjectives, number forms,
qualifiers, sessions, timeframes, and the cues of forecasts and fundamentals.

Every pattern is lower case and is searched in the lowercased sentence (offsets kept): with
re.IGNORECASE the same alternations cost several times as much.
"""

from __future__ import annotations

import re

from summarizer.models import Timeframe

# --- numbers -------------------------------------------------------------------------------

# "0.5", "1,234.5", and US copy's ".5"
NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
# a unit may be hyphenated to its number where the two describe a noun: "a 1.5-percent gain"
_PERCENT_UNIT = (
    r"(?:\s?%|[\s-]?percent\b|[\s-]?per[\s-]?cents?\b|\s?pct\b|\s?percentage\s+points?\b|"
    r"\s?ppts?\b|\s?pc\b|\s?p\.c\.?(?!\w))"
)
# a decimal comma, as European and translated copy writes it: "decreased by 2,76%" (three
# digits after the comma are thousands: "1,234%")
DECIMAL_COMMA_PERCENT = re.compile(
    r"(?<![\w.,])(?P<sign>[+\-−])?(?P<num>\d{1,3},\d{1,2})(?P<unit>\s?%|\s?per\s?cent\b|\s?percent\b|"
    # "5,5 basis points"
    r"\s?basis[ -]points?\b|\s?bps?\b)"
)
# one number with its unit; a list "30 and 32 basis points" shares the unit of its last member
PERCENT = re.compile(rf"(?<![\w.])(?P<sign>[+\-−–])?\s?(?P<num>{NUM})(?P<unit>{_PERCENT_UNIT})")
BASIS_POINTS = re.compile(
    rf"(?<![\w.])(?P<sign>[+\-−])?(?P<num>{NUM})[\s-]?(?:basis[ -]points?|bps?\b|bpts?\b)"
)
POINTS = re.compile(rf"(?<![\w.$])(?P<sign>[+\-−])?(?P<num>{NUM})\s?(?:points?|pts?\b)")
# money changes: "$1.20", "HK$0.45", "52 cents", "9-1/2 cents", "6.40 won", "5.0 sen", "40p"
MONEY = re.compile(
    rf"(?<![\w.])(?P<sign>[+\-−])?(?:(?:[a-z]{{0,3}}\$\s?|us\$\s?|€|£|¥|₦|rs\.?\s?|rmb\s?|"
    # Kenya's "Sh0.50", "KSh 14", Nigeria's "N9.35"
    rf"inr\s?|k?sh\.?\s?|kes\s?|(?<!\()n(?=\d+[.,]\d))(?P<amount>{NUM})"
    rf"(?:\s?(?:billion|million|bn|mn|m|trillion))?"
    rf"|(?P<cents>{NUM}(?:[-\s]\d/\d|\s?[¼½¾⅛⅜⅝⅞])?|\d/\d|[¼½¾⅛⅜⅝⅞])\s?(?:cents?|sen|pence|p\b|won\b|yen\b|"
    rf"rupees?|paise|pesewas?|kobo\b|fils\b|piastres?|cedis?\b|naira\b|shillings?\b|dollars?\b|"
    rf"euros?\b|"
    rf"yuan\b|ringgit|baht|rand\b))"
)
# spelled money changes: "lost two cents", "gained a dollar", "half a cent"
SPELLED_MONEY = re.compile(
    r"(?<![\w-])(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|half a|half an)\s+)(?:cents?|pence|dollars?|sen|paise|paisa)\b"
)
# "132.61, or 1.2 percent" and "9.08 (0.49 per cent)": a bare number that is the absolute change
BARE_BEFORE_PERCENT = re.compile(
    rf"(?<![\w.$,])(?P<num>{NUM})(?=\s*(?:,\s*or\s+|\(\s*)[+\-−]?{NUM}{_PERCENT_UNIT})"
)
# "DAX: 5,859.43 (-107.77)": a signed change in points after a level
# arrows that automated market reports write for a sign: "Orvane ▲5.2%", "Kestrel ↓1.1%"
UP_ARROWS = "▲△↑⬆"
DOWN_ARROWS = "▼▽↓⬇"
PAREN_SIGNED = re.compile(rf"(?<=\()(?P<sign>[+\-−])(?P<num>{NUM})(?=\))")
# spelled percentages: "two per cent", "about one percent", "half a percent", "three-quarters of
# a per cent", "a quarter of a percentage point"
SPELLED_POINTS = re.compile(
    r"(?<![\w-])(?P<words>(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)[\s-]+)+)points?\b"
)
SPELLED_PERCENT = re.compile(
    r"(?<![\w-])(?P<words>(?:(?:and|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|half|quarter|quarters|third|thirds|tenth|tenths|"
    r"fifth|fifths)[\s-]+)+)(?:of\s+(?:a|an|one)\s+)?(?P<unit>percent\b|per\s?cent\b|"
    r"percentage\s+points?\b|basis\s+points?\b)"
)
# a decimal read out: "two-point-71 percent", "109-point-13 points" (Korean wire copy; the
# hyphens are often non-breaking)
_DIGIT_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine)"
SPELLED_DECIMAL = re.compile(
    r"(?<![\w\-\u2011])(?P<int>\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten)"
    # the digits after the point in figures or in words: "three-point-five percent"
    rf"[\-\u2011 ]point[\-\u2011 ]"
    rf"(?P<frac>\d{{1,3}}|{_DIGIT_WORD}(?:[\-\u2011 ]{_DIGIT_WORD}){{0,2}})"
    r"\s*(?P<unit>percent\b|per\s?cent\b|%|percentage\s+points?\b|basis\s+points?\b|points?\b)"
)
# "three-quarters of 1 percent", "half of one per cent", "¾ of 1 per cent" (wire copy), and
# fractions in one glyph: "½%", "2¼ percent"
_GLYPHS = "¼½¾⅛⅜⅝⅞"
FRACTION_OF_ONE = re.compile(
    rf"(?<![\w-])(?P<frac>(?:(?:a|one|two|three)[\s-]+)?(?:half|quarters?|thirds?|tenths?|fifths?)|"
    rf"[{_GLYPHS}])\s+of\s+(?:1|one|a)\s+(?P<unit>percent\b|per\s?cent\b|percentage\s+points?\b)"
)
# the units a fraction is written with: "2¼ percent", "2-1/2 basis points"
_FRACTION_UNIT = (
    r"(?P<unit>\s?%|\s?percent\b|\s?per\s?cent\b|\s?percentage\s+points?\b|"
    r"\s?basis[ -]points?\b|\s?bps?\b)"
)
GLYPH_PERCENT = re.compile(
    rf"(?<![\w.])(?P<sign>[+\-−])?(?P<num>\d+)?(?P<glyph>[{_GLYPHS}]){_FRACTION_UNIT}"
)
# the fractions of US wire copy: "2-1/2 basis points", "1 1/4 percent", "1/2 point" (a price's
# "5/32" has no unit, and is no change of these)
SLASH_FRACTION = re.compile(
    r"(?<![\w./-])(?P<sign>[+\-−])?(?:(?P<num>\d+)[-\s])?(?P<top>[1-9]\d?)/(?P<bottom>2|4|8|16)"
    + _FRACTION_UNIT
)
# one of a unit, said with the article: "rose a basis point", "fell a full percentage point"
ONE_UNIT = re.compile(
    r"(?<![\w-])(?<!half )(?<!quarter )(?<!third )(?<!tenth )(?:a|one)\s+(?:full\s+)?"
    r"(?P<unit>basis[ -]point|percentage\s+point)\b"
)
GLYPH_VALUES = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
SMALL_NUMBERS = {
    w: n
    for n, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}
SPELLED_FRACTIONS = {
    "half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3,
    "tenth": 0.1, "tenths": 0.1, "fifth": 0.2, "fifths": 0.2,
}  # fmt: skip
# "between 1 percent and 4.9 percent", "by between 3.5 and 4.5 per cent", "1-2%", "3% to 5%"
RANGE = re.compile(
    rf"\bbetween\s+{NUM}\s?(?:{_PERCENT_UNIT})?\s+and\s+{NUM}{_PERCENT_UNIT}"
    # "2-3%", "2 - 3%", "2 to 3%"; not "12,801.95 -0.12%", a level and a signed change
    rf"|(?<![\w.]){NUM}(?:\s?(?:%|percent|per cent))?(?:\s?(?:–|to)\s?|-\s?|\s-\s)"
    rf"{NUM}{_PERCENT_UNIT}"
)
# "30 and 32 basis points", "0.33 per cent and 1.77 per cent": members of one list of numbers
NUMBER_LIST_MEMBER = re.compile(
    rf"(?<![\w.])(?P<num>{NUM})(?=\s*(?:,\s*|\s+and\s+|,\s+and\s+){NUM})"
)

QUALIFIER = re.compile(
    r"(?P<qual>more than|over|above|upwards of|in excess of|exceeding|just over|just above|"
    r"a little more than|slightly more than|at least|nearly|almost|close to|just under|"
    r"just shy of|less than|under|slightly less than|about|around|approximately|roughly|some|"
    r"an estimated|as much as|up to|as high as|as low as|as many as|the daily limit of|"
    r"a further|another|an additional|ceiling at|floor at|ceiling price at|floor price at)\s+$"
)
QUALIFIER_OF = {
    "more than": "over", "over": "over", "above": "over", "upwards of": "over",
    "in excess of": "over", "exceeding": "over", "just over": "over", "just above": "over",
    "a little more than": "over", "slightly more than": "over", "at least": "over",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly", "less than": "nearly", "under": "nearly",
    "slightly less than": "nearly", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "as much as": "up_to", "up to": "up_to", "as high as": "up_to", "as low as": "up_to",
    "as many as": "up_to", "the daily limit of": "limit",
    # a price band's top or bottom reached: "hit the ceiling at 6.97%"
    "ceiling at": "limit", "floor at": "limit", "ceiling price at": "limit",
    "floor price at": "limit",
}  # fmt: skip

# --- direction ------------------------------------------------------------------------------

# "traded mostly lower", "closed sharply higher"
_HOW_MUCH = (
    r"(?:(?:mostly|slightly|sharply|broadly|modestly|marginally|firmly|significantly|much|"
    r"somewhat|a little|a bit|a touch|fractionally) )?"
)
# a ranking the names hold: "A, B and C posted the biggest gains", "concentrated the most
# notable declines" (with "the" and a superlative: "recorded losses" is a result); the plural
# noun of a move follows
_RANKED = (
    r"(?:posted|posting|recorded|recording|registered|registering|logged|booked|"
    r"concentrated|accounted for|topped|headed|notched) the (?:day's |session's |"
    r"market's |index's )?(?:biggest|largest|steepest|sharpest|strongest|heaviest|best|worst|"
    r"top|highest|most (?:notable|significant|prominent|pronounced|marked)) (?:percentage |"
    r"single-day |daily )?"
)
# a streak held: "posted its third straight losing session", "succumbed to its fourth losing
# session", "extended its winning streak"; "winning" or "losing" follows
_STREAK_HELD = (
    r"(?:logged|posted|extended|extending|notched|recorded|marked|booked|stretched|capped|capping|"
    r"on|succumbed to) (?:a |an |its |their )?(?:[\w-]+ ){0,2}"
)
# the verbs that end a run of sessions: "snapped", "ending", "broke", "halts"
ENDING = r"(?:snapp(?:ed|ing)|snaps?|end(?:ed|ing|s)?|broke|breaking|breaks|halt(?:ed|ing|s)?)"
# a run of several sessions ended: "snapping a four-session slump", "ended a three-day rally"
_ENDED_RUN = (
    rf"{ENDING} "
    r"(?:a |an |its |their |the )?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)-"
    r"(?:session|day|week|month)|(?:[\w-]+ )?(?:straight|consecutive)(?: [\w-]+)?) "
)
# a result over a named period, held or in prospect: "set for a fifth straight weekly loss",
# "on track for its biggest monthly gain since 2020", "posted a weekly decline"; the move word
# follows
_PERIOD_RESULT = (
    r"(?:(?:set|on track|on course|on pace|headed|heading|poised|bound|en route) for|posted|"
    r"posting|recorded|recording|logged|logging|booked|booking|notched|notching|marked|marking|"
    r"registered|registering|suffered|suffering|clocked|chalked up|racked up|eked out) (?:a |an |"
    r"its |their )?(?:[\w-]+ ){0,3}?(?:weekly|monthly|quarterly|annual|yearly) "
)
# a verb that says how a market stood, before the adjective that says which way: "was firm",
# "closed slightly weaker", "started weaker"
_STOOD = (
    r"(?:was|were|is|are|looked|stayed|remained|traded|closed|ended|finished|opened|started|"
    r"began) (?:also |slightly |broadly |mostly |significantly |marginally |much |considerably )?"
)
# a period begun or ended, before the adjective that says which way: "started the week strong"
_THE_PERIOD_BEGUN = (
    r"(?:start|began|begin|open|end|finish|clos)(?:s|ed|ing|e|es)? the (?:week|day|session|"
    r"month|year|quarter|trading day) (?:on a )?"
)
# the ordinal of a run: "its third consecutive decline", "their fifth straight gain"
ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
IN_A_ROW = r"(?:consecutive|straight|successive)"
# "edged off recent two-month highs", "came off its lows": off a high is down, off a low up
_OFF_A = (
    r"(?:edg(?:e|es|ed|ing)|c(?:ame|ome|omes|oming)|mov(?:e|es|ed|ing)|drift(?:s|ed|ing)?|"
    r"back(?:s|ed|ing)?|step(?:s|ped|ping)?|pull(?:s|ed|ing)?|eas(?:e|es|ed|ing)|"
    r"slipp(?:ed|ing)|lift(?:s|ed|ing)?|climb(?:s|ed|ing)?|crept|creep(?:s|ing)?) (?:back )?off "
    r"(?:its |their |the |a |an )?(?:[\w-]+ ){0,3}?"
)
_UP_VERBS = (
    r"ris(?:e|es|en|ing)|rose|gain(?:s|ed|ing)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|"
    r"surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|rebound(?:s|ed|ing)?|"
    r"recover(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|"
    # "the expert added that ...": a word of saying
    r"add(?:s|ed|ing)?(?!\s*(?:that\b|[:“\"]))|spik(?:e|es|ed|ing)|"
    r"rocket(?:s|ed|ing)?|leap(?:s|t|ed|ing)?|strengthen(?:s|ed|ing)?|"
    r"firm(?:s|ed|ing)(?!\s+up\s+(?:its|their|the|a|an|plans?|deals?|support)\b)|"
    r"appreciat(?:e|es|ed|ing)|bounc(?:e|es|ed|ing)|perk(?:s|ed|ing)? up|shot up|shoot(?:s|"
    r"ing)? up|"
    r"put(?:s|ting)? on|tack(?:s|ed|ing)? on|pick(?:s|ed|ing)? up|collect(?:s|ed|ing)?|"
    r"grew|grow(?:s|n|ing)?|increas(?:e|es|ed|ing)|(?:went|go|goes|gone|going) (?:up|higher)|"
    r"(?:better|well) bid|(?:became|become|becomes|got|grew) (?:more expensive|dearer)|"
    r"steepen(?:s|ed|ing)|climb|zoom(?:s|ed|ing)?|skyrocket(?:s|ed|ing)?|"
    r"burst above|swell(?:s|ed|ing)?|swelled|rall(?:ied)|outperform(?:s|ed|ing)?|"
    r"extend(?:s|ed|ing)? (?:its |their )?gains|gained ground|gain(?:s|ing)? ground|"
    r"bucked the (?:trend|downtrend|broader decline|selloff|sell-off)|"
    r"hit (?:a |an )?(?:record|all-time|fresh|new|\d+-(?:year|month|week)) high|"
    # "neared six-month highs", "touched a fresh two-year high"
    r"(?:hit|hits|hitting|touch(?:ed|es|ing)|reach(?:ed|es|ing)|near(?:ed|s|ing)|"
    r"approach(?:ed|es|ing)|scal(?:ed|es|ing)|notch(?:ed|es|ing)|set|sets|setting) (?:a |an |its |"
    r"their |the )?(?:record|all-time|(?:fresh |new )?(?:\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|multi)-(?:year|month|week|day|session)|fresh|new) highs?|"
    r"(?:edg|inch|tick|nudg|creep|crept|mov|trend)(?:e|es|ed|ing|s)? (?:up|higher|upward)|"
    r"crept (?:up|higher)|head(?:s|ed|ing)? higher|turn(?:s|ed|ing)? higher|"
    r"finish(?:es|ed|ing)? in the green|ended in the green|closed in the green|"
    r"(?:head|mov|go|went|trend|push|turn)(?:s|ed|ing|e|es)? north(?:ward)?|"
    r"(?:clos|end|finish|settl)(?:e|es|ed|ing|s)? (?:in|into) green|"
    rf"(?:traded|trading|end(?:s|ed)?|clos(?:e|es|ed|ing)|settl(?:e|es|ed|ing)|"
    rf"finish(?:es|ed|ing)?|track(?:s|ed|ing)?) {_HOW_MUCH}higher|"
    r"continu(?:e|es|ed|ing) (?:its|their) (?:[\w-]+ )?(?:rally|rebound|gains|advance|climb|rise|"
    r"ascent|uptrend|run)|"
    r"(?:extend|stretch)(?:s|ed|ing)? (?:its|their) (?:[\w-]+ )?(?:rally|rebound|winning streak|"
    r"gains)|"
    r"(?:been|was|were|is|are|be) on a (?:tear|roll|run|rampage)|limit[- ]up|"
    r"inch(?:ed|es|ing)|edged|returned|push(?:ed|es|ing)? (?:higher|up)|"
    r"far(?:ed|es|ing) (?:well|better|best)|"
    r"(?:boosted|lifted|buoyed|supported|propelled) by|"
    r"(?:was|were|is|are) (?:the |among the )?(?:top|biggest|best|leading|standout|"
    r"strongest|big|clear) (?:[\w-]+ )?(?:gainers?|risers?|performers?|advancers?|winners?|"
    r"climbers?)|"
    r"(?:doubl|tripl|quadrupl)(?:ed|es|ing)(?!\s+(?:its|their|the|a|an|his|her|from)\b)|"
    r"(?:was|were|is|are) (?:also )?among (?:the )?(?:[\w-]+ )?(?:gainers|risers|advancers|"
    r"winners|climbers)|"
    rf"{_STOOD}(?:firm|firmer|strong|stronger|buoyant|bid|upbeat|green)\b|claw(?:s|ed|ing)? back|"
    # "started the week strong", "began the session firmer"
    rf"{_THE_PERIOD_BEGUN}(?:strong|stronger|firm|firmer|higher|buoyant)\b|"
    r"extend(?:s|ed|ing)? (?:its |their )?(?:[\w-]+ )?(?:gains|rally|advance|winning streak|rise|"
    r"climb|rebound|recovery)|"
    rf"{_RANKED}(?:gains|advances|rises|increases|jumps)\b|"
    # ("led by gains in Orvane" is the index's leaders, not its own move)
    r"(?:led|leads|leading|lead) (?:the )?(?!by )(?:[\w-]+ )?(?:gains|gainers|advance|advances|"
    r"rally|rise|risers|advancers)|"
    r"(?:was|were|been|be|is|are|got) (?:\w+ )?(?:boosted|lifted|buoyed|propelled|underpinned)|"
    rf"{_STREAK_HELD}win(?:ning)? (?:streak|run|sessions?|days?|weeks?)|"
    rf"{_PERIOD_RESULT}(?:gains?|rises?|advances?|increases?|climbs?|rall(?:y|ies)|jumps?)\b|"
    rf"{_OFF_A}lows?\b|"
    r"snapp(?:ed|ing) (?:a |an |its |their )?(?:[\w-]+ )?losing (?:streak|run)|"
    # "snapping a four-session slump": a fall of several sessions ended by a rise
    rf"{_ENDED_RUN}(?:slump|slide|decline|selloff|sell-off|losing run)\b|"
    # "snapping a five-session run of losses"
    rf"{ENDING} (?:a |an |its |their |the )(?:[\w-]+ ){{0,2}}(?:streak|run) of (?:[\w-]+ )?"
    r"(?:losses|declines|falls|drops)\b|"
    r"marked (?:the|a|its) \w+ (?:straight|consecutive) (?:week|day|session|month)s? (?:in|"
    r"of) gains|hit the (?:daily |upper )?limit|"
    # India's price bands: "were locked in a 10 per cent upper circuit", "hit the upper circuit"
    r"(?:hit|hits|hitting|locked in|locked at|frozen at|froze at|stuck at|touched) (?:an? |the |"
    r"its )?(?:\d+(?:\.\d+)? ?(?:%|per ?cent) )?upper circuit|"
    r"turn(?:s|ed|ing)? (?:positive|green|into the green|into positive territory)|"
    r"(?:start|began|begin|open|kick)(?:s|ed|ing)?(?: off)? (?:the |its |their )?(?:trading )?"
    r"(?:day|session|trade|week) (?:in (?:the )?green|in positive territory|on a (?:firm|positive|"
    r"strong|bright|upbeat|buoyant) note|higher)|"
    r"(?:hit|reached|touched|rose by|jumped by|surged by|climbed by) the (?:daily |"
    r"upper )?(?:\d+(?:\.\d+)?% )?(?:daily |upper )?limit(?: up)?|"
    # rarer verbs of a rise: the ambiguous ones ("expanded 12%", "regained control") only with a
    # number (NEEDS_A_NUMBER)
    r"vault(?:s|ed|ing)|catapult(?:s|ed|ing)|spurt(?:s|ed|ing)|pop(?:s|ped|ping)|"
    r"bolt(?:s|ed|ing)|hopp(?:ed|ing)|ascend(?:s|ed|ing)|snapp(?:ed|ing) back|"
    r"power(?:s|ed|ing)? (?:ahead|up)|roar(?:s|ed|ing)? (?:back|ahead)|"
    r"regain(?:s|ed|ing)?|recoup(?:s|ed|ing)?|expand(?:s|ed|ing)?|"
    r"improv(?:e|es|ed|ing)|gapp(?:ed|ing) (?:up|higher)|garner(?:s|ed|ing)?|"
    r"explod(?:e|es|ed|ing)|harden(?:s|ed|ing)?|"
    # translated copy: "Orvane valued 1.5%" (Portuguese 'valorizou'), "valorized 2%"
    r"valori[sz](?:e|es|ed|ing)|valued(?= (?:by )?(?:about |around |nearly |almost )?\d)|"
    # a yield curve's rise: "the curve steepened", "6 basis points steeper"
    r"steepen(?:s|ed|ing)?|"
    # "overcame early losses", "performed well", "broke through resistance", "moved above"
    r"(?:overc(?:ame|ome|omes|oming)|sh(?:ook|akes?|aking) off) (?:its |their |the )?(?:early |"
    r"earlier |initial |morning )?(?:losses|declines|weakness)|"
    r"perform(?:s|ed|ing)? (?:well|strongly|robustly)|"
    r"br(?:oke|eaks?|eaking) (?:through|above) (?:the |a |its )?(?:[\w-]+ )?resistance|"
    r"mov(?:e|es|ed|ing) (?:above|over|past)(?= (?:the )?[$€£¥]?\d)|"
    r"hit the (?:mandatory |maximum )?(?:daily )?upper limit|"
    # a price band's top, as Vietnamese and Korean copy writes it: "reached the ceiling"
    r"(?:hit|hits|hitting|reached|reaches|reaching|touched|touching|rose to|jumped to|surged to|"
    r"soared to|climbed to) (?:the |its )?(?:daily )?ceiling(?: price| level)?"
    r"(?: at(?= \d[\d.,]* ?(?:%|per ?cent|percent)))?"
)
_DOWN_VERBS = (
    r"f[ae]ll(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|los(?:e|es|t|ing)|"
    r"slip(?:s|ped|ping)?|slid(?:e|es|ing)?|slid|eas(?:e|es|ed|ing)|dip(?:s|ped|ping)?|"
    r"shed(?:s|ding)?|s[aiu]nk(?:s|ing)?|sank|slump(?:s|ed|ing)?|tumbl(?:e|es|ed|ing)|"
    r"plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|sag(?:s|ged|ging)?|skid(?:s|ded|ding)?|"
    r"retreat(?:s|ed|ing)?|div(?:e|es|ed|ing)|dove|weaken(?:s|ed|ing)?|soften(?:s|ed|ing)?|"
    r"depreciat(?:e|es|ed|ing)|gave up|give(?:s|n)? up|giving up|pared|par(?:e|es|ing)|"
    # "Prices for oil and gold were dealt a blow", "the stock took a hit"
    r"(?:were|was|been|be)\s+dealt\s+a\s+(?:heavy\s+|severe\s+|fresh\s+)?blow|"
    r"t(?:ook|akes?|aking|aken)\s+a\s+(?:heavy\s+|big\s+)?hit|"
    r"gave back|give(?:s|n)? back|giving back|back(?:s|ed|ing)? off|"
    r"(?:went|go|goes|gone|going) (?:down|lower)|better offered|"
    r"(?:became|become|becomes|got|grew) cheaper|flatten(?:s|ed|ing)|"
    # "grew weaker as institutions sold": grew, which way the adjective says
    r"(?:grew|grow|grows|growing|became|become|becomes|turned|turns|got) (?:weaker|softer)|"
    # "erased a further 1.5%": erased, with a number and no object
    r"eras(?:e|es|ed|ing)(?= (?:a further |another |an additional )?\d)|"
    # "Gold Fields surrendered 2,96%", "ceded 1.2 percent": giving up, with a number
    r"(?:surrender(?:s|ed|ing)?|forfeit(?:s|ed|ing)?|(?:con)?ced(?:e|es|ed|ing)|"
    r"relinquish(?:es|ed|ing)?)(?= (?:about |around |nearly |almost |some |a further |"
    r"another |an additional )?[\d−-])|"
    r"crash(?:ed|ing)|crater(?:s|ed|ing)?|tank(?:s|ed|ing)?|shrank|shrink(?:s|ing)?|"
    r"decreas(?:e|es|ed|ing)|trimm(?:ed|ing)|trim(?:s)?|tumbled|slumped|shav(?:ed|es|ing)|"
    r"push(?:ed|es|ing)? (?:lower|down)|languish(?:es|ed|ing)?|far(?:ed|es|ing) (?:badly|poorly|"
    r"worse|worst)|"
    r"(?:hit|hurt|pressured|weighed down|dragged down|dented|hammered) by|"
    r"(?:was|were|is|are) (?:the |among the )?(?:top|biggest|worst|"
    r"leading|big|clear) (?:[\w-]+ )?(?:losers?|fallers?|decliners?|laggards?|underperformers?)|"
    r"halv(?:ed|es|ing)(?!\s+(?:its|their|the|a|an|his|her|from)\b)|pull(?:s|ed|ing)? back|"
    r"suffer(?:s|ed|ing)? (?:a |an |its |their |the )?(?:[\w-]+ ){0,3}(?:loss|losses|drop|fall|"
    r"decline|slump|selloff|sell-off|rout)|"
    r"(?:was|were|is|are) (?:also )?among (?:the )?(?:[\w-]+ )?(?:losers|fallers|decliners|"
    r"laggards)|"
    # "with chipmakers among the hardest hit", "Banks were the worst hit"
    r"(?:(?:was|were|is|are)\s+)?(?:among\s+)?the\s+(?:hardest|worst|most|biggest)[- ]hit\b|"
    # "was among the worst performers", "were the weakest performers"
    r"(?:was|were|is|are) (?:also )?(?:among )?(?:the )?(?:worst|weakest|poorest) (?:[\w-]+ )?"
    r"performers?|"
    rf"{_STOOD}(?:soft|softer|weak|weaker|offered|red)\b|"
    rf"{_THE_PERIOD_BEGUN}(?:weak|weaker|soft|softer|lower)\b|"
    r"extend(?:s|ed|ing)? (?:its |their )?(?:[\w-]+ )?(?:losses|declines|slide|fall|losing streak|"
    r"selloff|sell-off|decline|drop|slump|retreat)|"
    rf"{_RANKED}(?:losses|declines|drops|falls|decreases|slides)\b|"
    r"(?:led|leads|leading|lead) (?:the )?(?!by )(?:[\w-]+ )?(?:losses|declines|decline|fall|falls|"
    r"losers|selloff|sell-off|slide|drop|decliners|fallers)|"
    r"(?:was|were|been|be|is|are|got) (?:\w+ )?(?:hit|dragged|weighed|pressured|hammered|battered)|"
    r"(?:took|take|takes|taking|taken|suffered) (?:a |an )?(?:[\w-]+ )?(?:beating|hammering|"
    r"battering|pounding|drubbing|thrashing|bruising)|"
    r"(?:came|come|comes|coming|been|was|were|is|are|remained|stayed) under (?:heavy |renewed |"
    r"selling |some )?pressure|"
    rf"{_STREAK_HELD}losing (?:streak|run|sessions?|days?|weeks?)|"
    rf"{_PERIOD_RESULT}(?:loss|losses|declines?|drops?|falls?|slides?|slumps?|retreats?)\b|"
    rf"{_OFF_A}(?:highs?|peaks?|tops?)\b|"
    rf"{_ENDED_RUN}(?:rally|advance|run-up|climb)\b|"
    # "ending a three-day streak of gains", "snapping a five-session run of good gains"
    rf"{ENDING} (?:a |an |its |their |the )(?:[\w-]+ ){{0,2}}(?:streak|run) of (?:[\w-]+ )?"
    r"(?:gains|advances|rises)\b|"
    r"(?:snapp|end|broke|halt)(?:ed|ing|s)? (?:a |an |its |their )?(?:[\w-]+ )?winning (?:streak|"
    r"run)|"
    r"lost ground|los(?:e|es|ing) ground|erase[ds]? (?:its |their |earlier |early )?gains|"
    r"surrender(?:s|ed|ing)? (?:its |their |earlier |early )?gains|"
    r"hit (?:a |an )?(?:record|all-time|fresh|new|\d+-(?:year|month|week)) low|"
    r"(?:hit|hits|hitting|touch(?:ed|es|ing)|reach(?:ed|es|ing)|near(?:ed|s|ing)|"
    r"approach(?:ed|es|ing)|sank to|slid to|fell to|set|sets|setting) (?:a |an |its |their |the )?"
    r"(?:record|all-time|(?:fresh |new )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|multi)-(?:year|month|week|day|session)|fresh|new) lows?|"
    r"(?:edg|inch|tick|nudg|mov|trend|drift)(?:e|es|ed|ing|s)? (?:down|lower|downward)|"
    r"head(?:s|ed|ing)? lower|turn(?:s|ed|ing)? lower|underperform(?:s|ed|ing)?|"
    r"finish(?:es|ed|ing)? in the red|ended in the red|closed in the red|"
    r"(?:head|mov|go|went|trend|push|turn)(?:s|ed|ing|e|es)? south(?:ward)?|"
    r"(?:clos|end|finish|settl)(?:e|es|ed|ing|s)? (?:in|into) red|"
    rf"(?:traded|trading|end(?:s|ed)?|clos(?:e|es|ed|ing)|settl(?:e|es|ed|ing)|"
    rf"finish(?:es|ed|ing)?|track(?:s|ed|ing)?) {_HOW_MUCH}lower|"
    r"weigh(?:s|ed|ing)? on|sell(?:s|ing)? off|sold off|wip(?:e|ed|es) out|cool(?:s|ed|ing)|"
    r"continu(?:e|es|ed|ing) (?:its|their) (?:[\w-]+ )?(?:decline|slide|losses|fall|retreat|slump|"
    r"downtrend)|"
    r"(?:extend|stretch)(?:s|ed|ing)? (?:its|their) (?:[\w-]+ )?(?:losses|decline|slide|"
    r"losing streak)|"
    r"limit[- ]down|hit the (?:daily )?lower limit|"
    r"(?:hit|hits|hitting|locked in|locked at|frozen at|froze at|stuck at|touched) (?:an? |the |"
    r"its )?(?:\d+(?:\.\d+)? ?(?:%|per ?cent) )?lower circuit|"
    r"turn(?:s|ed|ing)? (?:negative|red|into the red|into negative territory)|"
    r"(?:start|began|begin|open|kick)(?:s|ed|ing)?(?: off)? (?:the |its |their )?(?:trading )?"
    r"(?:day|session|trade|week) (?:in (?:the )?red|in negative territory|on a (?:weak|negative|"
    r"soft|sour|subdued) note|lower)|"
    # rarer verbs of a fall: the ambiguous ones ("conceded defeat", "hopes faded", "corrected
    # course") only with a number (NEEDS_A_NUMBER)
    r"nose-?d(?:ive|ives|ived|iving|ove)|collaps(?:e|es|ed|ing)|stumbl(?:e|es|ed|ing)|"
    r"wilt(?:s|ed|ing)|buckl(?:e|es|ed|ing)|deflat(?:e|es|ed|ing)|subsid(?:e|es|ed|ing)|"
    r"reced(?:e|es|ed|ing)|ebb(?:s|ed|ing)|cheapen(?:s|ed|ing)|gapp(?:ed|ing) (?:down|lower)|"
    r"h(?:a)?emorrhag(?:e|es|ed|ing)|"
    # translated copy: "devalued 1.5%" ('desvalorizou', 'se devaluó'), "regressed 0.8%"
    r"devalu(?:e|es|ed|ing)|devalori[sz](?:e|es|ed|ing)|regress(?:es|ed|ing)?|"
    r"contract(?:ed|ing)|conced(?:e|es|ed|ing)|erod(?:e|es|ed|ing)|retrac(?:e|es|ed|ing)|"
    r"fad(?:e|es|ed|ing)|dwindl(?:e|es|ed|ing)|correct(?:s|ed|ing)|backtrack(?:s|ed|ing)?|"
    r"relinquish(?:es|ed|ing)|forfeit(?:s|ed|ing)?|part(?:s|ed|ing)? with|bled|bleed(?:s|ing)?|"
    # "performed poorly", "broke the support level", "moved under 4.5%", "see deep red",
    # "drifting to a low of 5,980"
    r"perform(?:s|ed|ing)? (?:poorly|badly|weakly)|"
    r"br(?:oke|eaks?|eaking) (?:below |through )?(?:the |a |its )?(?:[\w-]+ )?support|"
    r"mov(?:e|es|ed|ing) (?:under|below)(?= (?:the )?[$€£¥]?\d)|"
    r"(?:see|sees|saw|seeing|seen) (?:deep |deeply )?red|"
    r"drift(?:s|ed|ing)? to (?:a|its|their) (?:[\w-]+ )?low|"
    r"hit the (?:mandatory |maximum )?(?:daily )?lower limit|"
    # a price band's bottom: "hit the floor price", "fell to the floor"
    r"(?:hit|hits|hitting|reached|reaches|reaching|touched|touching|fell to|dropped to|sank to|"
    r"plunged to|slumped to|tumbled to) (?:the |its )?(?:daily )?floor(?: price| level)?"
    r"(?: at(?= \d[\d.,]* ?(?:%|per ?cent|percent)))?"
)
_FLAT_WORDS = (
    r"(?:was|were|is|are|ended|closed|finished|settled|opened|stayed|remained|held|traded|stood)"
    r"\s+(?:nearly |almost |virtually |largely |little |mostly |roughly )?"
    r"(?:flat|unchanged|steady|little[- ]changed|stable)|"
    r"(?:held|stayed|remained) (?:steady|flat|stable)|"
    # "closed on a flat note", "ended the session on a flat note"
    r"(?:ended|closed|finished|settled|traded) (?:the (?:day|session|week|trading day) )?"
    r"on a (?:flat|quiet|muted) note|"
    # "Sterling held at $1.1539"
    r"(?:hold|holds|holding|held) at(?= [$€£¥]?\d)|"
    # "ended around the flatline", "closed near the flat line"
    r"(?:around|near|at|close to) the flat[- ]?line|"
    r"little[- ]changed|unchanged|flat(?:lined|-lined|tish|ish)?|steady|barely (?:moved|changed)|"
    r"(?:showed|saw|with) little (?:movement|change)"
)
# The move words; a verb group may carry its auxiliary and session word ("was down", "ended
# 1.8 percent higher", "closed up"); "up/down/off" and the comparatives take a number after or
# before them.
# verbs that also name other changes ("increased its stake", "added 3,000 jobs", "eased
# rules"): a move only with a number
NEEDS_A_NUMBER = re.compile(
    r"(?:returned|increas\w*|grew|grow\w*|add\w*|collect\w*|pick\w* up|put\w* on|tack\w* on|"
    r"trim\w*|pare\w*|pared|decreas\w*|shrank|shrink\w*|swell\w*|lost|los(?:e|es|ing)|"
    r"gave back|give\w* back|giving back|eras\w*|"
    r"shed\w*|snap\w*|weigh\w* on|sell\w* off|sold off|outperform\w*|underperform\w*|"
    r"regain\w*|recoup\w*|expand\w*|improv\w*|contract\w*|conced\w*|erod\w*|"
    r"retrac\w*|fad\w*|dwindl\w*|correct\w*|backtrack\w*|relinquish\w*|forfeit\w*|"
    r"part\w* with|bled|bleed\w*|pop\w*|subsid\w*|reced\w*|ebb\w*|stumbl\w*|buckl\w*|"
    r"wilt\w*|deflat\w*|cheapen\w*|garner\w*|explod\w*|valori\w*|regress\w*|"
    # "the rupee hardened against the euro"; "the stance hardened" is no move
    r"harden\w*(?!\s+against))"
)
UP_VERB = re.compile(rf"\b(?:{_UP_VERBS})\b")
DOWN_VERB = re.compile(rf"\b(?:{_DOWN_VERBS})\b")
FLAT = re.compile(rf"\b(?:{_FLAT_WORDS})\b")
UP_WORD = re.compile(
    r"\b(?:up(?!\s+to\s+[\d.])|higher|firmer|stronger|steeper|resurgent|plus|in the green|"
    r"in the black|"
    r"in positive territory|into the green|into the black|into positive territory|above|"
    r"on a (?:positive|firm|strong|bright|upbeat|buoyant|bullish|high) note|"
    # "remains ahead by 0.75% on a year-to-date basis", "behind by 0.9%": with the number only
    r"ahead(?=\s+by\s+(?:about\s+|nearly\s+|almost\s+)?\d))\b"
)
DOWN_WORD = re.compile(
    r"\b(?:down|lower|off(?!\s+(?:its|their|the|a)\b)|weaker|softer|flatter|minus|in the red|"
    r"in negative territory|into the red|into negative territory|below|"
    r"on a (?:negative|weak|soft|bearish|sour|low|downbeat|subdued) note|"
    r"behind(?=\s+by\s+(?:about\s+|nearly\s+|almost\s+)?\d))\b"
)
# every word of a direction, verb or not
MOVE_WORDS = (UP_VERB, DOWN_VERB, UP_WORD, DOWN_WORD)
UP_NOUN = re.compile(
    r"\b(?:(?:record|all-time|fresh|new|multi-year|\d+-(?:year|month|week))\s+highs?|gains?|"
    r"rises?|jumps?|surges?|rall(?:y|ies)|advances?|increases?|climbs?|rebounds?|"
    r"upticks?|spikes?|bounces?|recovery|upswing|leaps?|leapfrogs?|spurts?|upturns?|strength|"
    r"increments?|"
    r"pick-?ups?|"
    r"winning streak|winning run|"
    r"appreciation|"
    # "a 12.6 percent return year-to-date", "its year-to-date return to 30.85%": a fund's or an
    # index's return over the period (the bare "return" of a thing is no move)
    r"(?:year-to-date|ytd|annual|annualised|annualized|total|positive|weekly|monthly) returns?|"
    r"returns?(?= (?:year-to-date|ytd|so far|this year|for the year|in the year))|"
    # "showing a positive change of 0.36%": only with its number
    r"positive (?:change|variation)(?=\s+of\s+(?:about\s+|around\s+|nearly\s+)?\+?\d)|"
    # "made weekly progress of 0.20%": only with its number
    r"progress(?=\s+of\s+(?:about\s+|around\s+|nearly\s+)?\+?\d)|"
    r"(?:strong|firm|solid|bright|upbeat|promising|positive|good|buoyant|encouraging) start|ascent|"
    # "the KSX-15 recorded 3.69% growth": a number's growth (a figure's, where the sentence
    # names one, is caught as a company or economic figure)
    r"(?<=%\s)growth|(?<=percent\s)growth|(?<=per cent\s)growth|"
    # "the strong performance across the region", "its best monthly performance since 1980",
    # "pushing gold to record levels"
    r"(?:strong|solid|positive|robust|stellar|impressive) performances?|"
    r"best (?:[\w-]+ )?(?:performance|day|week|month|quarter|year|session|showing)|"
    r"(?:record|all-time) (?:high )?levels?|"
    # "despite a strong lead from Wall Street": the market followed rose
    r"(?:strong|firm|solid|positive|upbeat|bullish) leads?(?= from\b))\b"
)
DOWN_NOUN = re.compile(
    r"\b(?:(?:record|all-time|fresh|new|multi-year|\d+-(?:year|month|week))\s+lows?|loss|losses|"
    r"falls?|drops?|declines?|slumps?|dips?|slides?|plunges?|retreats?|collapses?|crash(?:es)?|"
    r"decrements?|"
    r"sell-?offs?|selloffs?|routs?|decreases?|downturns?|tumbles?|slips?|weakness|"
    r"sell-off|pullbacks?|corrections?|downswing|losing streak|losing run|setbacks?|"
    r"deterioration|negative returns?|"
    r"depreciation|devaluation|"
    r"negative (?:change|variation)(?=\s+of\s+(?:about\s+|around\s+|nearly\s+)?-?\d)|"
    r"(?:weak|soft|shaky|poor|sluggish|rocky|disappointing|negative|bad|tepid) start|descent|"
    r"(?:weak|poor|negative|dismal|lacklustre|lackluster) performances?|"
    r"worst (?:[\w-]+ )?(?:performance|day|week|month|quarter|year|session|showing)|"
    r"(?:weak|soft|negative|poor|bearish|soggy) leads?(?= from\b))\b"
)
# "pared gains" is still up; "pared losses" is still down: the object decides
PARED = re.compile(
    r"\b(?:pared|pare|pares|paring|trimmed|trimming|trims)\s+(?:some of\s+)?(?:its |their |early |"
    r"earlier )*(?P<obj>gains|losses|advances|declines|rise|fall|drop)\b"
)
# "erased the gains it made" is a fall; "erasing early losses" is a rise: the object decides
ERASED = re.compile(
    r"\b(?:erased|erasing|erases|erase|wiped out|wiping out|wipes out|gave back|giving back|"
    r"gives back|surrendered|surrendering|reversed|reversing|recouped|recouping|"
    # "overcame early losses", "shrugged off early losses" (not "shrugged off weak data")
    r"(?:overcame|overcoming|overcomes|shrugged off|shrugging off|shook off|shaking off)"
    r"(?= (?:its |their |the )?(?:early|earlier|initial) )|"
    # "gave up an earlier climb" (but "gave up 5%" is a fall of its own)
    r"gave up(?= (?:an? |its |their |the )?(?:early |earlier |initial ))|giving up(?= (?:an? |its |"
    r"their |the )?(?:early |earlier |initial )))\s+"
    r"(?:all\s+|most\s+|much\s+|some\s+|part\s+|half\s+)?(?:of\s+)?(?:the\s+|its\s+|their\s+|"
    r"an?\s+|early\s+|earlier\s+|initial\s+|opening\s+|morning\s+|recent\s+)*"
    # "nearly wiping out five straight days of selling"
    r"(?:(?:\w+\s+){0,3}(?:days?|sessions?|weeks?)\s+of\s+)?"
    r"(?P<obj>gains|advances?|rally|rise|climb|losses|declines?|drop|fall|slide|selling|buying)\b"
)
# a leading direction before a list: "Top gainers were", "Among decliners:", "took sharp falls:"
LIST_HEAD_UP = re.compile(
    r"\b(?:gainers?|advancers?|winners|risers|leaders|outperformers|best performers?|"
    r"gains|up|upward)\b"
)
LIST_HEAD_DOWN = re.compile(
    r"\b(?:losers?|decliners?|laggards?|fallers|underperformers|worst performers?|falls|"
    r"losses|declines|drops|down|downward)\b"
)

# --- references ----------------------------------------------------------------------------

REFERENCE = re.compile(
    # ("noted that shares rose": "that" before a plural is no determiner)
    r"\b(?:the|its|their|this|that(?!\s+(?:stocks|shares)\b))\s+(?:(?:broader|wider|benchmark|main|local|single|"
    r"common|blue-chip|tech-heavy|smaller|larger|bigger|nasdaq-listed|hong kong-listed|"
    r"london-listed|us-listed|u\.s\.-listed)\s+)?"
    r"(?P<ref>stock|stocks|shares|share price|company|firm|group|gauge|index|benchmark|barometer|"
    r"fund|etf|lender|bank|insurer|carmaker|automaker|chipmaker|miner|retailer|developer|airline|"
    r"e-commerce giant|giant|maker|producer|operator|brewer|conglomerate|currency|pair|"
    r"contract|yield|note|bond|market|bourse|counter|unit|subsidiary|parent|adrs?|"
    r"single currency|common currency|coin|token|cryptocurrency|metal|commodity)\b"
    r"|\b(?:the|its|this)\s+(?:(?!(?:of|in|on|at|to|for|with|as|and|or|but|while|than|that|"
    r"which|who|after|before|by|from|into|over|is|was|are|were|the|a|an|its|their)\b)"
    r"[a-z][\w-]*\s+){1,3}?"
    r"(?P<one>stock|company|firm|lender|insurer|carmaker|automaker|chipmaker|miner|retailer|"
    r"developer|airline|brewer|conglomerate|producer|maker|manufacturer|exporter|coin|token|"
    r"cryptocurrency|metal)\b(?!['’-]|"
    r"\s+(?:markets?|exchanges?|index|indices|"
    r"futures|prices?|options|shares))"
    r"|\b(?P<pronoun>it|they)\b|(?:^|[;:]\s*)(?P<both>both)\b|^(?P<prices>prices)\b(?!\s+of\b)"
    r"|\bthe\s+(?P<order>former|latter)\b"
    # "The February contract is up 2.15%": a delivery month names no commodity of its own
    r"|\bthe\s+(?:(?:most[- ]active|most[- ]traded|benchmark|front[- ]month|nearby)\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<dated>contract)\b"
)
ENTITY_REFERENCES = frozenset(
    {
        "company",
        "firm",
        "group",
        "lender",
        "bank",
        "insurer",
        "carmaker",
        "automaker",
        "chipmaker",
        "miner",
        "retailer",
        "developer",
        "airline",
        "e-commerce giant",
        "giant",
        "maker",
        "producer",
        "operator",
        "brewer",
        "conglomerate",
        "unit",
        "subsidiary",
        "parent",
    }
)
# words that state a direction of their object ("lifted tech shares", "weighed on banks"): no
# move of their own subject, but a direction the text states
CAUSE_UP = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|buoy(?:s|ed|ing)?|help(?:s|ed|ing)?|propel(?:s|"
    r"led|ling)?|support(?:s|ed|ing)?|underpin(?:s|ned|ning)?|power(?:s|ed|ing)?)\b"
)
CAUSE_DOWN = re.compile(
    r"\b(?:weigh(?:s|ed|ing)?|drag(?:s|ged|ging)?|hit|hurt(?:s|ing)?|pressur(?:e|es|ed|ing)|"
    r"dent(?:s|ed|ing)?|hammer(?:s|ed|ing)?|batter(?:s|ed|ing)?|sap(?:s|ped|ping)?)\b"
)
INDEX_REFERENCES = frozenset({"gauge", "index", "benchmark", "barometer", "market", "bourse"})
CURRENCY_REFERENCES = frozenset({"currency", "pair", "single currency", "common currency"})
# "the coin plummeted", "the leading cryptocurrency", "the precious metal", "the commodity"
CRYPTO_REFERENCES = frozenset({"coin", "token", "cryptocurrency"})
COMMODITY_REFERENCES = frozenset({"metal", "commodity"})

# how big a move noun is said to be, between a verb of posting and the noun: "posted modest gains"
HOW_BIG = (
    r"(?:modest|small|slight|solid|strong|sharp|big|hefty|steep|heavy|marginal|minor|mild|broad|"
    r"further|fresh|early|some|significant|substantial|considerable|notable|massive|huge|deep|"
    r"large|double-digit|single-digit|percentage)"
)

# --- what is not a realised price move ------------------------------------------------------

# a modal, forecast or condition before the move word in the same clause
MODAL = re.compile(
    r"\b(?:would|could|might|should|will|shall|can|expects?|expected|expecting|forecasts?|"
    r"forecasted|forecasting|projects?|projected|projecting|predicts?|predicted|estimates?|"
    r"estimated|seen (?:rising|falling|gaining|climbing|dropping|at)|targets?|targeting|"
    r"aims? to|plans? to|likely to|unlikely to|seeks? to|seeking to|designed to|strives? to|"
    r"set to|poised to|tipped to|bound to|need(?:s|ed)? to|hopes? to|if|unless|whether|"
    r"anticipat\w+|assum\w+|"
    # "Analysts see a 20% rally in the Nikkei next year"
    r"(?:analysts?|strategists?|economists?|brokers?|forecasters?)\s+(?:now\s+)?sees?)\b"
)
# an economic gauge named like an index: never a price, capitalised or not
_ECONOMIC_GAUGES = (
    r"consumer price index|producer price index|retail price index|harmoni[sz]ed index|"
    # surveys: "the consumer confidence index", "Germany's Ifo business climate index"
    r"(?:confidence|sentiment|climate|optimism)\s+(?:index|indicator|gauge|barometer|survey)|"
    r"personal consumption expenditures|pce|cpi|ppi|pmi|purchasing managers"
)
ECONOMIC_INDEX = re.compile(rf"\b(?:{_ECONOMIC_GAUGES})\b")
# a company or economic figure whose change is not a price move ("revenue up 26%")
FUNDAMENTAL = re.compile(
    r"\b(?:revenues?|sales|profits?|net income|income|earnings|eps|ebitda|ebit|margins?|"
    rf"output|production|exports?|imports?|{_ECONOMIC_GAUGES}|inflation|gdp|payrolls|jobs|"
    r"unemployment|"
    r"retail sales|industrial production|consumer confidence|confidence|sentiment index|"
    r"turnover|volumes?|trading volume|stakes?|weight(?:ing)?|market share|"
    r"dividends?|payout|orders|deliveries|shipments|users|subscribers|spending|capex|"
    # "digital assets", "risk assets" are instruments, not a fund's holdings
    r"investments?|(?<!digital )(?<!crypto )(?<!risk )(?<!riskier )assets|aum|inflows?|"
    r"outflows?|subscriptions|home prices|house prices|"
    r"consumer prices|producer prices|import prices|export prices|wholesale prices|"
    r"factory-gate prices|prices paid|retail prices|core prices|core inflation|"
    r"gross domestic product|"
    r"property prices|rents?|wages|costs?|expenses|expenditures?|debt|loans|deposits|reserves|"
    r"growth|"
    r"demand|supply|inventor(?:y|ies)|stockpiles|rig count|population|approval rating|"
    r"probability|odds|chance|valuation|"
    r"net asset value|nav|book value|open interest|margin debt|short interest|tax|fees?|"
    r"tariffs?|budget|deficit|surplus|cash flow|operating|guidance|forecast|target|estimate|"
    r"rating|traffic|passengers|visitors|bookings|arrivals|headcount|workforce|staff|economy|"
    r"economies|mortgages|number of)\b"
)
# "up 168% year-over-year": a company or economic figure compared with a year before
PERIOD_ON_PERIOD = re.compile(
    r"\s*(?:\)\s*)?(?:,\s*)?(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy|y/y|"
    r"quarter[- ]on[- ]quarter|"
    r"quarter[- ]over[- ]quarter|qoq|q/q|month[- ]on[- ]month|month[- ]over[- ]month|mom|m/m|"
    r"sequentially|from a year earlier|from the previous quarter|compared with a year)\b"
)
# a commodity's inventory, named by the words mentions.py reads as one ("Copper stocks in LME
# warehouses", "Crude stocks"): a figure, not a price, though "stocks" is in its name
INVENTORY_NAME = re.compile(
    r"\b(?:stocks|inventories|stockpiles)\s+(?:held\s+)?(?:in|at)\b|"
    r"^(?:crude|gasoline|distillate|diesel|heating oil|jet fuel|fuel oil)\s+(?:stocks|stockpiles)$"
)
PRICE_HEAD = re.compile(
    # not "earnings per share", "10 cents a share", "book value per share"
    r"\b(?:(?<!per )(?<!a )shares?|stocks?|price|prices|index|futures|etf|adrs?|quotations?|"
    r"quotes|"
    # "the yield on the 10-year debt": a bond's price (not a dividend's or earnings' yield)
    r"(?<!dividend )(?<!earnings )(?<!rental )yields?)\b"
)

# --- sessions and timeframes ----------------------------------------------------------------

CLOSE = re.compile(
    r"\b(?:clos(?:e|ed|es|ing)|end(?:ed|s|ing)?|finish(?:ed|es|ing)?|settl(?:e|ed|es|ing)|"
    r"at the close|by the close)\b"
)
# the session's extreme, either way: "as low as 1.0975", "to a daily low of 1.1113"
INTRADAY_HIGH = re.compile(
    r"\b(?:as much as|up to|as (?:high|low) as|(?:intraday|session|daily|day's) (?:high|low))\b"
)
INTRADAY = re.compile(
    r"\b(?:intraday|intra-day|at one point|during the session|in the session|during the day|"
    r"through(?:out)? the (?:day|session)|"
    r"earlier in the day|during the morning|in the afternoon|in the morning|at one stage|"
    r"in (?:early |late )?"
    r"(?:morning|afternoon) (?:trade|trading|deals))\b"
)
OPEN = re.compile(
    r"\b(?:open(?:ed|ing|s)?|at the open|in early trad(?:e|ing)|early in the session|early deals|"
    r"(?:start(?:ed|ing|s)?|beg(?:an|in|ins|inning)) (?:the |its |their )?(?:trading )?"
    r"(?:day|session|trade)|"
    # "The market started strong, but grew weaker"
    r"(?:start(?:ed|s)?|beg(?:an|ins)) (?=(?:strong|stronger|weak|weaker|firm|firmer|soft|softer|"
    r"higher|lower|on a)\b)|at the (?:start|beginning|outset) of (?:trading|trade|dealings|"
    r"the (?:trading )?(?:day|session))|"
    # "despite a promising start" (not "its best start to a year")
    r"(?:a|an|its|their) (?:[a-z-]+ )?start(?! (?:to|of)\b))\b"
)
PRE_MARKET = re.compile(r"\b(?:pre-?market|premarket|before the bell|before the open)\b")
AFTER_HOURS = re.compile(r"\b(?:after-?hours|after the bell|extended trading|late trading)\b")
MIDDAY = re.compile(r"\b(?:midday|mid-day|at noon|morning session|lunch break)\b")

YEAR = re.compile(
    r"\b(?:in|for|during|over)\s+(?P<year>(?:19|20)\d{2})\b|\b(?P<row>(?:19|"
    r"20)\d{2})[,:]\s*[+\-−]?\d"
    # "reducing its 2025 gain to 12.69%" (the words before a move noun end a label's window)
    r"|\b(?:its|their|the|a|an)\s+(?P<noun>(?:19|20)\d{2})(?:\s*$|\s+(?=(?:gains?|losses|loss|"
    r"declines?|drops?|falls?|rise|rally|advance|slump|returns?|performance)\b))"
)
# a month's name or its abbreviation, lower case: "dec", "dec.", "december", "sept"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

TIMEFRAMES: tuple[tuple[re.Pattern[str], Timeframe], ...] = (
    (
        re.compile(
            r"\b(?:so far this year|so far in (?:19|20)\d\d|this year|year[- ]to[- ]date|ytd|"
            r"since the (?:start|"
            r"beginning) of (?:the year|20\d\d|19\d\d)|from the end of last year|from year-end|"
            r"(?:since|from) (?:dec\.?|december) 31|since january|in the year to date|"
            r"for the year)\b"
        ),
        "ytd",
    ),
    (
        re.compile(
            r"\b(?:this week|for the week|weekly|on the week|(?:over|in|during) the (?:past|last) "
            r"week|the past week|"
            r"in the week|last week|week[- ](?:on|over|to)[- ]week|a week|the week|"
            r"(?:completed|shortened) "
            r"(?:trading )?week|trading week|"
            r"(?:the|last|past) (?:five|5) (?:sessions|trading days|days)|"
            # "fell 7.03% in the span of 5 days" (but "over five sessions" is several, not a week)
            r"(?:in|over) the (?:span|course) of (?:five|5) (?:sessions|trading days|days))\b"
        ),
        "week",
    ),
    (
        re.compile(
            r"\b(?:this month|for the month|monthly|on the month|(?:over|in|during) the (?:past|"
            r"last) month|the past month|"
            r"in the month|last month|month-to-date|a month|(?:so far )?(?:in|during) (?:january|"
            r"february|march|april|may|june|july|august|september|october|november|december)"
            r"(?! \d))\b"
        ),
        "month",
    ),
    (
        re.compile(
            r"\b(?:this quarter|for the quarter|in the (?:first|second|third|fourth) quarter|"
            r"quarterly|so far this quarter|quarter[- ]to[- ]date|qtd)\b"
        ),
        "quarter",
    ),
    (
        re.compile(
            r"\b(?:(?:over|in|during) the (?:past|last) (?:12|twelve) months|in 12 months|"
            r"from a year ago|a year ago|year-on-year|over the past year|"
            r"from the levels a year ago|in the past year|annual|going back (?:one|a|1) year)\b"
        ),
        "year",
    ),
    (
        re.compile(
            r"\b(?:straight|consecutive|successive) (?:sessions?|days?|weeks?|months?|"
            r"trading days?)|in a row|win(?:ning)? streak|losing streak|(?:two|three|four|five|six|"
            r"seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|\d+)(?:-day| "
            r"(?:(?:gaining|losing|winning|rising|falling|"
            r"positive|negative) )?(?:days|sessions|weeks))|along the way|multi-day|"
            r"(?:gaining|losing|winning) (?:days|sessions|weeks)|"
            r"in recent (?:sessions|weeks|days|months)|recent weeks|over the past (?:few|several|"
            r"two|three|four|five|six|seven|eight|nine|ten|\d+) (?:days|sessions|weeks|months)|"
            r"this past week"
        ),
        "multi_day",
    ),
    (
        re.compile(
            r"\b(?:yesterday|overnight|previous (?:session|day|trading day)|prior (?:session|day)|"
            r"last session|(?:a|the) (?:day|session) (?:earlier|before))\b"
        ),
        "prior_session",
    ),
    (
        re.compile(
            r"\b(?:today|on the day|for the day|on (?:monday|tuesday|wednesday|thursday|friday)|"
            r"in the session|single-day|daily|"
            # a market that never closes counts its day in hours: "up 4% in the past 24 hours"
            r"(?:past|last) 24 hours|24-hour|in 24 hours)\b"
        ),
        "day",
    ),
)
