"""Instrument mentions in a sentence: names ("Hang Seng China Enterprises index", "Tencent
(0700.HK)", "Microsoft Corp. (NASDAQ: MSFT)"), lower-case market words ("spot gold", "US crude",
"the yen", "tech shares", "the 10-year Treasury yield") and references ("the stock", "the
gauge", "the carmaker", "its shares").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from summarizer import instruments
from summarizer.reading import lexicon as lx


@dataclass(frozen=True, slots=True)
class Mention:
    """Words of the sentence that name (or refer to) an instrument."""

    start: int
    end: int
    name: str  # cleaned: "Nvidia" for "Shares of Nvidia", "Tencent" for "Tencent (0700.HK)"
    ticker: str | None = None
    reference: str | None = None  # "index", "stock", "it"...: refers to an earlier name
    descriptive: bool = False  # describes a group or market ("Hong Kong stocks", "tech firms")


# a code or an alias in parentheses: "(0700.HK)", "(NASDAQ: MSFT)", "(9022 JT)", "(Sinopec)"
# "(NYSE:)": an exchange whose code a copying site stripped is still the name's ticker slot
_TICKER = (
    r"(?:\((?:[A-Z][A-Za-z]*:\s?\.?)?[A-Z0-9.][A-Za-z0-9.&-]{0,14}=?[A-Z]{0,4}(?:[:.\s][A-Z]{1,3})?"
    r"(?:;\s*(?:[A-Z][A-Za-z]*:\s?)?[A-Z0-9.]{1,10})*\)|\([A-Z][A-Za-z]*:\))"
)
_FIRST_WORD = r"(?:[A-Z][\w.&+'’-]*|[a-z][A-Z][\w.&+'’-]*|\d{3,6}(?=\))|[A-Z]{2,}(?:-[A-Z])?)"
# "3X" of "Direxion Daily Financial Bull 3X Shares": a leverage is part of a fund's name
# a number in a name, but not a code's ("Tokyo Electron 8035.T")
_CAPITALISED_WORD = (
    r"(?:[A-Z][\w.&+'’-]*|\d[xX]\b|\d{1,6}(?![.,]\d|\d|[\s-]?%|[\s-]?per|[xX]\b|\.[A-Z])|"
    r"[A-Z]{2,}(?:-[A-Z])?)"
)
_LOWER_NAME_PART = (
    r"(?:hynix|ex-japan|composite|industrial average|stock average|small-cap|mid-cap|large-cap|"
    r"internet|tech|banking|technology|energy|property|index|component|select|"
    # "KSE allshare-index", "the JSE all-share index"
    r"allshare-index|allshare|all-share|"
    r"50|100|200|225|300|500|600|1000|2000|"
    # "KSE 30-share index", "FTSE 100-share index"
    r"(?<=\d-)share(?=\s+index))"
)
# verbs of saying are no modifier of a name's head: "Analysts said stocks rose"
SAYING = (
    r"said|says|say|told|noted|added|warned|believes?|thinks?|expects?|wrote|writes|argued|"
    r"explained"
)
# nor are verbs of reporting a result: "Zambeef recorded price increases"
_NOT_SAYING = (
    rf"(?!(?:{SAYING}|recorded|posted|registered|logged|booked|showed|saw|had|made|notched)\b)"
)
_NAME = re.compile(
    rf"{_FIRST_WORD}"
    # "Samsung C and T", "P and G": letters joined by "and" are one name's
    rf"(?:(?<=\b[A-Z])\s+and\s+[A-Z](?!\w)|(?:\s+|-|/)(?:(?:of|de|du|la|&|ex|the)\s+|ex-)?"
    rf"(?:{_CAPITALISED_WORD}|{_LOWER_NAME_PART}(?=[\s,.;:)]|$)))*"
    rf"(?:\s+(?:{_NOT_SAYING}[a-z]+-?[a-z]*\s+)?(?:stocks|stock(?=\s*\()|shares|sector|indexes|index|indices|futures|"
    rf"prices|price|composite|average|etfs?|adrs|crude(?:\s+oil)?|yields?|bonds?|notes?)\b)?"
    rf"(?:,\s*(?:Inc|Ltd|Co|Corp|Plc|LLC|Limited|S\.A|N\.V|AG|SE)\b\.?)*"
    # "Richard Pieris and Company", "Orvane & Sons"
    rf"(?:\s+(?:and|&)\s+(?:Company|Co\b\.?|Sons|Partners|Associates)\b)?"
    rf"(?:\s*{_TICKER}(?:\s+[A-Z][a-z][\w&-]*)*(?:\s+(?:crude|oil|stock|shares|futures|index|"
    rf"composite)\b(?:\s+futures)?)?)?"
    rf"(?:\s+[A-Z0-9]{{2,6}}\.[A-Z]{{1,3}}\b)?"
)
# lower-case words that name an instrument: commodities, currencies, yields, market groups
_NATIONAL = (
    r"(?:german|french|italian|spanish|british|uk|u\.s\.|us|japanese|australian|greek|"
    r"portuguese|chinese|indian|canadian|swiss|dutch|korean|south korean|new zealand)"
)
_MARKET_WORDS = re.compile(
    rf"\b(?:(?:spot|benchmark|front-month|three-month|{_NATIONAL}|london|comex|nymex|cbot|lme|"
    r"brent|wti|december|november|october|september|june|july|may|march|april|august|"
    r"january|february|new york|chicago|"
    # grades and markets of a commodity: "raw sugar" and "white sugar" are two contracts
    r"raw|white|refined|arabica|robusta|light|sweet|sour|hard red winter|soft red winter|"
    r"hard red|spring|kansas city|minneapolis|dalian|thermal|physical)\s+)*"
    r"(?:gold|silver|platinum|palladium|copper|aluminium|aluminum|nickel|zinc|tin|iron ore|"
    r"(?<=spot )ore|"
    r"(?<=lme )lead|(?<=shfe )lead|lead(?= (?:futures|prices|was|were|slid|fell|rose|gained|"
    r"climbed|dropped|eased|edged|added|lost|slipped|declined|advanced|jumped|firmed|rallied|"
    r"decreased|increased|dipped|shed|tumbled|surged|inched|ended|closed|settled)\b)|"
    r"crude(?: oil)?|oil|brent|natural gas|natgas|wheat|corn|soybean (?:oil|meal)|soy oil|"
    r"soybeans?|beans|soyoil|soymeal|bullion|"
    r"coffee|sugar|"
    r"cocoa|cotton|palm oil|rubber|lithium|coal|bitcoin|ether|ethereum|solana|dogecoin|cardano|"
    r"litecoin|rebar|hot[- ]rolled coils?|wire rods?|stainless steel|coking coal|coke|lumber|"
    r"canola|rapeseed|lean hogs|live cattle|feeder cattle|gasoline|heating oil|gasoil|"
    # lower-case index names of wire copy: "the all share closed 0.75% lower", "the top 40"
    r"all[- ]share(?: index)?|top[- ]40(?: index)?|"
    r"(?:(?:france|germany|italy|spain|portugal|greece|britain|japan|china|australia|canada|"
    r"india|korea|south korea|new zealand|switzerland)['’]s\s+)?"
    rf"(?:(?:\d+/)?{instruments.TENOR_NUMBER}-{instruments.YEAR_WORD}\s+)(?:{_NATIONAL}\s+)?"
    r"(?:treasury|bund|gilt|jgb|government bond)?\s*(?:bonds?\s+yields?|yields?|notes?|bonds?|"
    # "the 2-year rate fell 5 basis points" (not "the 30-year mortgage rate")
    r"rates?)"
    r"(?:\s+(?:spread|curve))?|"
    r"treasury yields?|bond yields?|yields|treasuries|bond prices|bonds|"
    # "the 2026 bond was 5.5 bps lower": a bond named by the year it matures
    r"(?<![\d,.])(?:19|20)\d\d (?:government )?(?:bonds?|notes?))"
    r"(?:\s+(?:futures|prices|contracts?|bars?|bullion|coins?))?\b"
    # "iron ore producers", "gold miners": companies, not the commodity
    r"(?!\s+(?:producers?|miners?|stocks|shares|companies|firms|exporters|importers|sector|"
    r"names|majors|giants|explorers|refiners|plays|equities|counters|etfs?|funds?|"
    # "the platinum mining index", "the gold index": a sector's gauge, not the metal
    r"index|indices|sub-index|mining)\b)"
)
_CURRENCY_WORDS = re.compile(
    r"\b(?:the\s+)?(?:(?:brazil|mexico|colombia|chile|peru|argentina|india|china|japan|korea|"
    r"turkey|"
    r"russia|australia|canada|britain|south africa|indonesia|malaysia|thailand)['’]s\s+)?"
    r"(?:(?:u\.s\.|us|american|australian|canadian|new zealand|hong kong|singapore|"
    r"taiwan|new taiwan|swiss|indian|chinese|offshore|onshore|japanese|korean|south korean|"
    r"british|brazilian|mexican|turkish|south african|colombian|chilean|argentine|argentinian|"
    r"peruvian|philippine|indonesian|malaysian|thai|russian|polish|hungarian|czech|swedish|"
    r"norwegian|danish|israeli|egyptian|nigerian|kenyan|ghanaian|pakistani|sri lankan|"
    r"bangladeshi|vietnamese|uruguayan|dominican|icelandic|romanian|ukrainian|kazakh|saudi|"
    r"emirati|qatari|kuwaiti|omani|moroccan|tunisian|zambian|ugandan|tanzanian)\s+)?"
    r"(?:dollar|greenback|euro|single currency|yen|yuan|renminbi|won|rupee|rupiah|ringgit|"
    r"baht|peso|(?<=brazil's )real|(?<=brazil’s )real|(?<=brazilian )real|rand|lira|franc|pound|"
    r"sterling|rouble|ruble|loonie|aussie|kiwi|dong|sol|"
    r"shekel|zloty|forint|krona|krone|"
    # every other currency by the word of its ISO 4217 name: "shilling", "naira", "kwacha"
    + "|".join(sorted(instruments.currency_units()))
    + r")\b(?!\s+(?:bonds?|index|assets|deposits|stocks|"
    r"shares|terms|funds|per|a\b|an\b))"
    # "the peso-denominated Par bond": what a bond is paid in, not the currency's move
    r"(?![-\u2011](?:denominated|based|linked|priced|dominated|hedged))"
)
# "Asian currencies", "emerging-market currencies": a group of currencies, as "Asian stocks" is
# a group of stocks
_CURRENCY_GROUP = re.compile(
    r"\b(?:asian|emerging[- ]markets?|em|regional|latin american|latam|european|"
    r"commodity(?:-linked)?|gulf|african|frontier|nordic|scandinavian)\s+currencies\b"
)
# a pair in words: "propelled euro/dollar higher by 0.54%"
_CURRENCY_PAIR = re.compile(
    r"\b(?:euro|dollar|yen|sterling|pound|yuan|franc|aussie|kiwi|loonie|cable)/"
    r"(?:euro|dollar|yen|sterling|pound|yuan|franc|swissie)\b"
)
# words before a name that are not part of it
_INSIDE_A_RIC = re.compile(r"\([A-Z0-9.]{1,10}=[A-Z]{0,4}\)|=[A-Z]{1,4}\)")
_UNIT_BEFORE = re.compile(r"(?:\d|\b(?:billion|million|trillion|bn|mn|thousand|hundred))\s*$")
_COUNTRY_OF_A_DOLLAR = re.compile(r"U\.?S\.?|C(?:an)?\.?|A(?:ust?)?\.?|N\.?Z\.?|H\.?K\.?")
_A_CURRENCY_SIGN_AFTER = re.compile(r"[$¢€£¥₹₩₦₱₺]\s?\d")
_AN_AMOUNT_AFTER = re.compile(r"\s?\d[\d,.]*+(?!\s*(?:%|per ?cent|percent))")
# words that link a sentence to the one before ("Finally Premier Foods tanked"): never a name
_LINKING_ADVERBS = (
    r"Finally|Furthermore|Moreover|Lastly|Consequently|Accordingly|Nevertheless|Nonetheless|"
    r"Subsequently|Thus|Hence|Likewise|Similarly|Conversely|Instead"
)
_LEADING = re.compile(
    r"^(?:(?:The|A|An|On|In|At|As|And|But|While|With|Although|Though|Despite|When|If|Because|"
    # "Why crypto prices are falling is unclear": a question word opens a clause
    r"Why|How|What|Whether|Where|Which|"
    r"Since|After|Before|Until|Unless|Whereas|So|Yet|Or|Nor|For|By|From|To|Of|Over|Under|"
    r"Against|Amid|Following|Including|Like|Unlike|Besides|Beyond|Outside|Inside|This|These|"
    r"That|Those|"
    # a day written short before a name the splitter left in its sentence: "on Wed. Morgan
    # Stanley (MS US, +1.83%) rose"
    r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.|"
    r"Meanwhile|Elsewhere|Also|Among|Shares of|Shares in|Shares on|Stocks of|Stock of|Prices of|"
    rf"{_LINKING_ADVERBS}|"
    r"Price of|"
    r"Units of|Share prices? of|"
    r"Overall|Separately|However|Shares|Stocks|Both|Its|Their|Leading|Heavyweight|Heavyweights|"
    r"Fellow|Rival|Rivals|Peer|Peers|Dow component|Index heavyweight|Top|Other|Major|Blue-chip|"
    r"Broader|"
    r"Local|Regional|Notably|Additionally|Specifically|Currently|Today|Yesterday|Earlier|"
    r"Later|Then|Still|Even|Only|Just|Tech giant|Chip giant|Chipmaker|"
    r"Carmaker|Automaker|Lender|Insurer|Miner|Retailer|Developer|Brokerage|"
    # "Several mid-cap stocks": how many, not a name
    r"Several|Some|Many|Few|Numerous)\s+)+"
)
_NOT_NAMES = re.compile(
    # "Rs 3038", "Sh0.50", "N9.35": an amount, not a name
    # (and Zambia's "K0.11", "K6": kwacha)
    r"^(?:Rs|INR|USD|US\$|HK\$|S\$|A\$|C\$|NT\$|Sh|KSh|Ksh|KES|Kes)\.?\s?\d|^N\d+[.,]\d|"
    r"^K\d+(?:[.,]\d+)?$|"
    r"^(?:The|A|An|On|In|At|As|It|This|That|These|Those|Its|Their|So|But|And|While|With|"
    r"There|Here|"
    r"Meanwhile|Elsewhere|Additionally|Notably|Separately|Also|Among|Other|Others|Major|"
    rf"{_LINKING_ADVERBS}|"
    r"Leading|Heavy|Specifically|Currently|Today|Yesterday|Daily|Total|AI|US|U\.S\.|UK|EU|"
    r"Fed|Q[1-4]|H[12]|FY\d*|Analysts?|Investors?|Traders?|Dealers?|Shares|Stocks|Data|"
    r"Reports?|According|Combined|Under|Despite|Prices|Markets|Trading|Volume|Turnover|Liquidity|"
    r"Gainers|Losers|Advancers|Decliners|GMT|EDT|EST|BST|CET|HKT|JST|IST|ET|CEO|CFO|"
    r"Chairman|President|Governor|Minister|Company|Companies|YoY|MoM|QoQ|During|Throughout|"
    r"Within|Upon|Across|Behind|Below|Above|Outside|Inside|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Read|More|"
    r"Photo|Reuters|Bloomberg|AFP|AP|Xinhua|Yonhap|Kyodo|Bernama|RTTNews|CNBC|By|"
    # a byline: "Staff writer, with CNA"
    r"Staff|Writers?|Correspondents?|Reporters?|Editors?|"
    r"However|Still|Even|Only|Just|Then|Later|Earlier|Overall|Both|All|Each|Some|Many|Most|"
    r"Several|Few|Top|Bottom|Big|Biggest|Best|Worst|Key|Main|Further|New|Old|First|Second|"
    r"Smaller|Larger|Bigger|Small|Large|Mid|"
    # a sentence's first adjective: "Strong gains of about 3.5% each in A and B"
    r"Strong|Stronger|Solid|Steep|Sharp|Modest|Slight|Broad|Robust|Hefty|Steady|Weak|Weaker|"
    r"Firm|Firmer|Renewed|Fresh|Continued|Persistent|Significant|Massive|Huge|Moderate|Mixed|"
    r"Positive|Negative|"
    r"Third|Last|Next|Early|Late|Half|Full|Local|Regional|Global|Domestic|Foreign|North|South|"
    r"East|West|Asian|European|American|Japanese|Chinese|Korean|Indian|Australian|British|"
    r"German|French|Italian|Spanish|Swiss|Dutch|Greek|Taiwanese|Malaysian|Singaporean|"
    r"Indonesian|Thai|Canadian|Brazilian|Mexican|Russian|Turkish|South African|Israeli|"
    r"Saudi|Emirati|Around|Together|R&D|M&A|IPOs?|ESG|EV|EVs|GDP|CPI|PPI|PMI|Higher|Lower|Up|Down|"
    r"Flat|Notable|Trade|Trading|Volume|Stock|Instead|Otherwise|Likewise|Similarly|Upper|"
    r"Markets?|Investors?|Stocks|Shares|Equities|Notably|All \d+|Another(?: \d+)?|Other \d+|Each|"
    r"None|Most|Some|Many|"
    r"Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Although|Though|Despite|When|If|Because|Since|After|Before|"
    r"Until|Unless|Whereas|Yet|Or|For|From|To|Of|Over|Against|Amid|Following|Including|"
    r"Like|Unlike|Besides|Beyond|Year-to-date|Year-on-year|Weekly|Monthly|Daily|Annual|Quarterly|"
    r"(?:Day|Week|Month|Quarter|Year)-(?:over|on)-(?:day|week|month|quarter|year)|Rs\.?|"
    r"Intraday|"
    r"Overnight|Sector|Index|Futures|Long-term|Short-term|Elsewhere|Around the region|"
    r"In the region|Mid-cap|Small-cap|Large-cap|Blue-chip|Gains|Losses|Prices|Bonds|"
    r"Yields|Currencies|Commodities|Equities|Shares|Stocks|Oil|Gold|"
    r"(?:They|We|It|He|She|You)(?:['’](?:re|ve|s|d|ll))?|"
    # a clause opened by its verb: "ICICI Bank: Registering a gain of 1.11 percent"
    r"(?:Register|Record|Post|Log|Clock|Notch|Book|Mark|Show|Witness|Ris|Fall|Gain|Los|Add|"
    r"Shedd|Climb|Dropp|Declin|End|Clos|Settl|Finish|Surg|Jump|Slid|Tumbl|Advanc|Retreat|Open|"
    r"Soar|Plung|Rally|Sink|Edg|Eas|Extend|Snapp|Revers|Par|Eras|Recover|Rebound|Slipp)ing|"
    r"(?!Italy$)[A-Z][a-z]{3,}ly)$"  # a sentence's first adverb: "Similarly, BSE bankex ..."
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+)*(?:\s*\([^)]*\))?(?:\s*[—–:]|\s+-|-\s)\s*"
)
_MONTH_DATE = re.compile(
    r"^(?:On\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|"
    r"th)?\b,?\s*|^(?:On\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s*(?:the\s+)?|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+the\s+)"
)
_TRAILING_HEAD = re.compile(r"\s+(?:shares|stock|stocks)$")
_POSSESSIVE = re.compile(r"['’]s?$")
_COUNTRY_POSSESSIVE = re.compile(
    r"^(?:China|Japan|Hong Kong|Korea|South Korea|India|Taiwan|Singapore|Australia|Britain|"
    r"Germany|France|Italy|Spain|Europe|Asia|America|Malaysia|Indonesia|Thailand|Canada|"
    r"Brazil|Mexico|Russia|Turkey|Switzerland|Sweden|Norway|Denmark|Netherlands|Italys|"
    r"Spains|Germanys|Japans|Chinas|Britains|Frances|Koreas)(?:['’]s|(?<=s))\s+"
)
_COMPANY_SUFFIX = re.compile(r"\b(?:Inc|Ltd|Corp|Co|Plc|Bhd|S\.A|N\.V|AG|SE)\.$")
_NOT_A_MODIFIER = (
    r"(?!(?i:while|and|but|as|with|the|a|an|of|in|on|for|by|to|at|after|amid|despite|when|since|"
    r"although|though|if|because|meanwhile|elsewhere|however|so|yet|"
    r"than|that|which|who|whose|led|were|was|is|are|also|other|some|many|most|all|both|such|"
    rf"including|like|while|whereas|among|meanwhile|{SAYING})\b)"
)
_SECTOR_PHRASE = re.compile(
    rf"\b(?:{_NOT_A_MODIFIER}(?:[a-z][a-z-]+|[A-Z][a-z]+)\s+){{0,2}}?"
    r"(?:tech|technology|chip|semiconductor|property|real estate|bank(?:ing)?|financial|energy|"
    r"oil|mining|resource|consumer|consumer staples|consumer discretionary|healthcare|health care|"
    r"pharmaceutical|biotech|auto|car|telecom|utility|utilities|industrial|insurance|"
    r"internet|media|airline|travel|casino|gaming|retail|defensive|export-oriented|exporter|"
    r"small-cap|large-cap|mid-cap|midcap|growth|value|blue-chip|heavyweight|materials|steel|"
    r"shipping|"
    r"construction|infrastructure|ev|electric vehicle|solar|battery|military|defence|defense)\s+"
    r"(?:stocks|shares|sector|sub-index|names|firms|companies|counters|issues|plays|"
    r"developers|producers|makers|lenders|majors|giants|heavyweights|leaders)\b"
    r"|\b(?:the\s+)?(?:banks|lenders|miners|insurers|carmakers|automakers|chipmakers|developers|"
    r"exporters|utilities|financials|industrials|property developers|consumer staples|"
    r"housebuilders|homebuilders|drugmakers|steelmakers|semis|airlines|autos|telecoms|retailers|"
    r"refiners|"
    r"real estate|telecom|energy stocks|properties|tech firms)\b"
)
_LOWER_GROUP = re.compile(
    r"\b(?:the\s+)?(?:(?!(?:and|the|a|an|of|in|on|lower|higher|up|down|was|were|is|are|while|per|"
    r"cent|percent|"
    r"but|with|by|to|as|only|first|other|another|each|every|its|their|one)\b)[a-z][a-z-]+\s+"
    r"(?:and\s+(?=[a-z]))?){1,3}"
    r"(?:index|sector|sub-index|segment|industry)\b"
)
# "An MSCI barometer of regional stocks": a named gauge of a group
_GAUGE_OF = re.compile(
    # "An MSCI barometer of regional stocks", "The Stoxx 600's gauge of lenders' shares" (not
    # "the Russell 2000 index of smaller companies", which is named)
    r"\b(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*|[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|\d+))*['’]s)\s+"
    r"(?:gauge|barometer|index|benchmark|measure)\s+"
    # "the MSCI index of emerging market currencies"
    r"of\s+(?:[\w'’-]+\s+){0,4}?(?:stocks|shares|equities|companies|currencies|bonds)\b"
    r"(?:\s+(?:outside|excluding|ex)\s+[A-Z][\w-]*)?"
)
# "a gauge of their currencies", "an index of regional shares": a new gauge, named by what it
# measures (the indefinite article: not the gauge named before)
_A_GAUGE_OF = re.compile(
    # "a gauge tracking 20 of the most-traded developing-nation currencies"
    r"\b(?:[Aa]n?)\s+(?:[\w-]+\s+){0,2}?(?:gauge|barometer|index|measure)\s+(?:of|tracking|"
    r"measuring)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:currencies|stocks|shares|equities|bonds|companies|lenders|banks|"
    r"miners)\b|"
    # "an Asian equities benchmark", "a regional stocks gauge"
    r"\b(?:[Aa]n?)\s+(?:(?:broad|broader|regional|global|key|main|[A-Z][a-z]+)\s+){1,2}"
    r"(?:equities|equity|stocks?|shares?)\s+(?:benchmark|gauge|index|barometer)\b"
)
# "The sub-index of the Hang Seng tracking energy shares": one group, named by what it tracks
_INDEX_OF = re.compile(
    r"\b(?:the\s+)?(?:sub-index|index|gauge|measure|barometer)\s+of\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)(?:\s+tracking\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:shares|stocks|companies|firms|sector))?",
    re.IGNORECASE,
)
_SECTOR_WORD = (
    r"(?:tech|technology|chip|semiconductor|property|real estate|banking|bank|financial|energy|"
    r"oil|mining|resource|consumer|healthcare|pharmaceutical|biotech|auto|telecom|utility|"
    r"industrial|insurance|internet|media|airline|travel|casino|retail|materials|steel|shipping|"
    r"construction|infrastructure|solar|battery|defence|defense|electric appliance|"
    r"transportation equipment|export-oriented|exporter)"
)
# a code named by its company, as Vietnamese wire copy writes it: "VRE of mall operator Vincom
# Retail", "VJC of budget carrier Vietjet"
_CODE_OF_NAME = re.compile(
    r"\b(?!(?:CEO|CFO|COO|CTO|ETF|IPO|GDP|CPI|PMI|USD|EUR|GBP|JPY|CNY|THE|AND)\b)"
    r"(?P<code>[A-Z]{3})\s+of\s+(?:(?-i:[a-z][\w-]*)\s+){1,3}"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)"
)
# "the BSE midcap gauge", "the Nifty metal index", "the Stoxx banks index": a market's
# sub-index, named by the market and the group it tracks
_MARKET_SUB_INDEX = re.compile(
    r"\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s+"
    rf"(?:midcap|smallcap|small-cap|mid-cap|largecap|large-cap|{_SECTOR_WORD}s?|metals?|realty|"
    r"pharma|fmcg|power|banks)\s+(?:index|gauge|sub-index)\b"
)
# a sector by its index name alone: "while the information technology was down 1.68 per cent"
_SECTOR_NAME = re.compile(
    r"\b(?:the\s+)?(?:information technology|consumer discretionary|consumer staples|"
    r"communication services|financials|industrials|utilities)\b"
    r"(?!\s+(?:stocks|shares|sector|sub-index|index|names|firms|companies|group|bills?)\b)"
)
# a sector by a bare word in a list of the day's sector moves: "Among the indices, auto declined
# 0.97 per cent, financial services fell by 0.53 per cent", "holding firms shed 0.82 percent,
# services 1.25 percent and property 0.48 percent" (only there: "power" or "services" elsewhere
# are no instrument)
_BARE_SECTOR_WORD = (
    r"(?:auto|autos|financial services|realty|metals?|pharma|fmcg|bankex|capital goods|"
    r"consumer durables|oil and gas|oil & gas|power|healthcare|health care|telecom|telecoms|energy|"
    r"services|property|holding firms|mining|banks|banking|tourism|chemicals|insurance|"
    r"technology|tech|materials|media|infrastructure|construction|transport|transportation|"
    r"textiles|food|beverages|retail|utilities|industrials|financials)"
)
_BARE_SECTOR = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bwhile\s)|(?<=\bbut\s)|(?<=\bwhereas\s)|"
    r"(?<=\bled by\s)|(?<=\bfollowed by\s)|(?<=\bwith\s))"
    rf"{_BARE_SECTOR_WORD}"
    # "materials, including miners and fertilizer companies, dropped 0.89%"
    r"(?=(?:,\s+(?:including|such as|led by)\s[^,;]{1,80},)?"
    # "holding firms and property both dropping 1.93 percent"
    rf"(?:\s+and\s+{_BARE_SECTOR_WORD})?(?:\s+(?:both|each|all))?"
    rf"\s+(?:(?:{lx.UP_VERB.pattern}|{lx.DOWN_VERB.pattern})\s+(?:by\s+)?\d|"
    # "led by energy with a 2.4% gain", "followed by utilities, up 0.8%"
    r"with\s+(?:a|an)\s+(?:[a-z]+\s+)?\d|"
    # "materials (+2.1%)": the sign written
    r"\(?[+\-−]?\d[\d.,]*\s*(?:%|per ?cent|percent))|,\s*(?:up|down|off)\s+\d)"
)
_BARE_TENOR = re.compile(
    rf"\bthe\s+(?P<tenor>(?:(?:us|u\.s\.|uk|german|japanese|italian|french|australian|"
    rf"canadian)\s+)?{instruments.TENOR_NUMBER}-{instruments.YEAR_WORD})"
    rf"(?=\s+(?:was|were|is|are|has|had|also|then|ended|finished|closed|settled|"
    rf"{lx.UP_VERB.pattern}|{lx.DOWN_VERB.pattern}))"
)
_SECTOR_PAIR = re.compile(
    rf"\b(?P<first>{_SECTOR_WORD})\s+and\s+(?P<second>{_SECTOR_WORD})\s+"
    r"(?P<head>stocks|shares|issues|firms|companies|names|sectors)\b"
)
# a commodity, or two ("oil and gas", "gold and silver"), or an industry written with "&"
# ("Travel & Leisure"), before the word for its companies: one group, never the commodity
# ("Copper stocks rose 2%" is no rise of copper); before a word for one company ("oil & gas
# major Orvane") it only describes the name after it
_COMMODITY_WORD = (
    r"(?:gold|silver|copper|coal|iron ore|steel|uranium|lithium|nickel|alumini?um|platinum|"
    r"palladium|zinc|tin|cobalt|oil|gas|rare earths?)"
)
_INDUSTRY_WORD = (
    rf"(?:{_COMMODITY_WORD}|travel|leisure|food|beverages?|personal|household goods|media|"
    r"entertainment|metals?|mining|chemicals?|construction|materials|healthcare|health care|"
    r"telecoms?|utilities|technology|tech|banks?|insurance|financial services|real estate|"
    r"industrial goods|services|autos?|parts|basic resources|retail|energy|property|paper|"
    r"forestry|hotels?|restaurants?)"
)
_PRODUCERS = re.compile(  # searched in the lowercased sentence
    rf"\b(?P<group>(?:{_COMMODITY_WORD}(?:\s+and\s+{_COMMODITY_WORD})?|"
    rf"{_INDUSTRY_WORD}\s*&\s*{_INDUSTRY_WORD}|"
    r"food and beverages?|travel and leisure|personal and household goods|"
    r"media and entertainment|metals and mining|mining and metals)"
    r"(?:\s+(?P<head>stocks|shares|equities|sectors?|sub-index|index|producers|miners|explorers|"
    r"drillers|refiners|companies|firms|names|majors|plays|counters|issues)\b|"
    # before a word for one company and a name (capitalised: checked in the sentence)
    r"(?=\s+(?:major|giant|producer|miner|explorer|driller|refiner|firm|company|group|maker)"
    r"\s+(?P<name>\w))))"
)
_COMMODITY_OR_AMPERSAND = re.compile(
    rf"&|\b{_COMMODITY_WORD}\b|\b(?:food|travel|personal|media|metals|mining) and\b|"
    r"\b(?:crude|gasoline|distillate|diesel|fuel)\b"
)
# a commodity's stocks held somewhere, or those of a refined product: an inventory, not the
# producers' shares ("Copper stocks in LME warehouses fell 2% to 120,000 tonnes"), with the
# code written after it ("MNISTX-TOTAL", capitalised: checked in the sentence)
_INVENTORY = re.compile(  # searched in the lowercased sentence
    rf"\b(?:{_COMMODITY_WORD}\s+(?:stocks|inventories|stockpiles)\s+(?:held\s+)?(?:in|at)\s+"
    r"(?:[\w'’&-]+\s+){0,4}?(?:warehouses?|storage|tanks|hubs?)\b(?:\s+(?P<code>[\w-]+)\b)?|"
    r"(?:crude|gasoline|distillate|diesel|heating oil|jet fuel|fuel oil)\s+(?:stocks|stockpiles))"
)
# "Hotel, tourism and aircraft manufacturing stocks", "the electronic information and financial
# sectors": groups listed before the head they share
_LIST_ITEM = (
    r"(?!(?i:and|or|the|a|an|of|in|on|to|its|their|some|all|many|most|other|both|were|was|are|"
    r"is|bought|sold|buy|sell|own|hold|with|while|as|by|for|from)\b)[A-Za-z][a-z-]+(?<!ed)"
)
_GROUP_LIST = re.compile(
    r"(?:^|(?<=\bthe\s)|(?<=,\s)|(?<=while\s)|(?<=\bas\s)|(?<=with\s)|(?<=\bbut\s)|(?<=;\s))"
    rf"(?P<list>{_LIST_ITEM}(?:\s+{_LIST_ITEM})?(?:,\s*{_LIST_ITEM}(?:\s+{_LIST_ITEM})?)*,?"
    rf"\s+and\s+{_LIST_ITEM}(?:\s+{_LIST_ITEM})?)\s+"
    r"(?P<head>stocks|shares|issues|firms|companies|names|sectors|counters)\b"
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# "A gauge of Chinese technology shares traded in Hong Kong": an index described, not named
_DESCRIBED_INDEX = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:gauge|index|barometer|measure|benchmark)\s+of\s+"
    r"(?:[\w-]+\s+){0,4}?(?:stocks|shares|equities|companies)"
    r"(?:\s+(?:traded|listed)\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?",
    re.IGNORECASE,
)
# "the NZ company", "the US lender": a reference, though a capitalised word stands in it
_NEXT_CAPITALISED = re.compile(r"\s+[A-Z]")
_A_NAME_NEXT = re.compile(
    r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|And|But|The|This|It)\b)"
    r"[A-Z]"
)
_NAMED_ENTITY_REFERENCE = re.compile(
    r"\b[Tt]he\s+[A-Z][\w-]*\s+(?P<ref>company|firm|group|lender|bank|insurer|carmaker|automaker|"
    r"chipmaker|miner|retailer|developer|airline|giant|maker|producer|operator|brewer|"
    r"conglomerate)\b"
)
# "South-east Asia's largest bank", "Japan's No. 2 carmaker": a company described, not the place
_POSSESSIVE_ENTITY_REFERENCE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+(?:(?:largest|biggest|"
    r"second-largest|second-biggest|third-largest|top|leading|no\.\s?\d|number-one|"
    r"most valuable|oldest)\s+)(?:[\w-]+\s+){0,2}?(?P<ref>company|firm|group|lender|bank|insurer|"
    r"carmaker|automaker|chipmaker|miner|retailer|developer|airline|maker|producer|operator|"
    r"brewer|conglomerate|exporter|telco|carrier)\b",
    re.IGNORECASE,
)
# "Chile's currency, up 14 percent so far this year, dropped 1.3 percent": a reference to the
# currency named before, where the reading knows that name as a currency
_COUNTRYS_CURRENCY = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?P<ref>currency)\b")
# "Bahrain's index", "Kuwait's main stock index": a place's market gauge, named by the place
_PLACES_INDEX = re.compile(
    r"\b(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+(?:(?:two|three|four|five)\s+)?"
    r"(?:(?:main|benchmark|broader|broad|key|"
    r"blue-chip|all-share|general|composite)\s+)?(?:stock\s+|share\s+|equity\s+)?"
    r"(?:index|indexes|indices|averages|bourse|stock market|share market|benchmark)\b"
)
# "the Qatari benchmark", "Omani stocks": a country's market by its adjective (checked with
# instruments.is_demonym: "Kestrel benchmark" is no country's)
_DEMONYM_MARKET = re.compile(
    r"\b(?P<owner>[A-Z][a-z]+(?:i|n|ese))\s+(?:(?:main|benchmark|broader|broad|key|blue-chip|"
    r"all-share|general|composite)\s+)?(?:stock\s+|share\s+|equity\s+)?(?:index|bourse|"
    r"benchmark|market|stocks|shares|equities|bluechips|blue chips)\b"
)
# "the total crypto market capitalization", "the global crypto market cap"
_CRYPTO_MARKET = re.compile(
    r"\b(?:(?:total|global|overall|broader|whole)\s+)?crypto(?:currency)?\s+market"
    r"(?:\s+(?:cap(?:italization|italisation)?|value))?\b",
    re.IGNORECASE,
)
# "All three major averages": several indices at once; "the corresponding sectoral indices":
# several named in the sentence before
_INDEX_GROUP = re.compile(
    r"\b(?:all|the|both|each of the)\s+(?:three|two|four|five|\d+)?\s*(?:main\s+|major\s+|key\s+|"
    r"u\.s\.\s+|us\s+)*"
    r"(?:averages|indexes|indices|benchmarks|gauges|bourses)\b"
    r"|\bthe\s+(?:corresponding|respective)\s+(?:[\w-]+\s+){0,2}?(?:indices|indexes|sectors|"
    r"stocks|shares|gauges|contracts)\b"
)
# "the yield on the benchmark 10-year Japanese government bond"
# "the 2-year to 10-year spread", "the 2s10s curve", "the 10-year/2-year spread": the gap
# between two tenors' yields, an instrument of its own (not the 10-year yield)
_TENOR = rf"{instruments.TENOR_NUMBER}(?:[- ]{instruments.YEAR_WORD})?"
_TENOR_SPREAD = re.compile(
    rf"\b(?:the\s+)?(?:[a-z.]+\s+)?(?:{_TENOR}\s*(?:to|/|-|and|over|versus|vs\.?)\s*{_TENOR}|"
    r"\d+s\s*/?\s*\d+s)\s+(?:(?:treasury|bond|yield|note)\s+){0,2}(?:spread|curve)\b"
)
_YIELD_ON = re.compile(
    rf"\b(?:the\s+)?yields?\s+on\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{instruments.TENOR_NUMBER}"
    rf"-{instruments.YEAR_WORD}(?:\s+"
    r"(?:[A-Z][\w.-]*\s+){0,3}(?:government\s+)?(?:treasury\s+)?(?:notes?|bonds?|treasur(?:y|ies)|"
    r"gilts?|bunds?|jgbs?|debt|securities|tips)\b|(?![\w-]))"
    # "the yield on long-dated gilts", "yields on benchmark Bunds"
    r"|(?:long|short|medium)-dated\s+(?:[A-Z][\w.-]*\s+)?(?:government\s+)?(?:notes|bonds|"
    r"treasuries|gilts|bunds|jgbs|debt)\b)",
    re.IGNORECASE,
)
_REFERRING_LEAD = re.compile(
    r"(?:the\s+)?(?:(?:stock|benchmark|broader|main|key|whole|entire|same|other|blue-chip|"
    r"composite|tech-heavy)\s+)+"
)
# verbs that take shares as their object: "a move that sent shares down 3.1%"
_MOVES_SHARES = (
    r"(?!(?i:sent|sends|send|sending|pushed|pushes|push|drove|drives|drive|lifted|lifts|lift|"
    r"dragged|drags|drag|knocked|knocks|took|takes|sank|sinks|boosted|boosts|hit|hits|hurt|"
    r"hurts|bought|buy|buys|buying|sold|sell|sells|selling|held|holds|hold|own|owns|owned|"
    r"tipped|tips|propelled|propels|weighed|weighs|dumped|dumps)\b)"
)
_PLACE_TAIL = r"(?:Kong|York|Dhabi|Arabia|Korea|Zealand|Africa|Lanka|East|America|Street|Asia)"
_GENERIC_MARKET = re.compile(
    r"(?<!million )(?<!billion )(?<!thousand )(?<!\d )"
    # "Hong Kong markets", "Abu Dhabi stocks": a place of two words
    # (not the "s" of a possessive: "Apple's shares" are Apple's)
    rf"\b(?<!['’])(?:{_NOT_A_MODIFIER}{_MOVES_SHARES}(?:[A-Z][\w.-]*(?:\s+{_PLACE_TAIL})?|"
    r"[a-z-]+)\s+)?"
    r"(?:stocks|shares|equities|stock market|share market|markets)\b"
)


def find_mentions(sentence: str, lowered: str) -> list[Mention]:
    """Every mention of an instrument in the sentence, in order; overlapping finds are merged
    in favour of the longer, more specific one."""
    found: list[Mention] = []
    for match in _NAME.finditer(sentence):
        mention = _named(sentence, match.start(), match.end())
        if (
            mention is not None
            and _AN_AMOUNT_AFTER.match(sentence, mention.end)
            and instruments.kind_of(mention.name.upper()) == "currency"
        ):
            continue  # "a high of Kes 4.30": a price in shillings, not the shilling
        if mention is not None and _A_CURRENCY_SIGN_AFTER.match(sentence, mention.end):
            continue  # "GH¢1.45", "HK$40.05": the letters of a money sign
        if (
            mention is not None
            and _UNIT_BEFORE.search(sentence, max(0, mention.start - 16), mention.start)
            and instruments.kind_of(mention.name.upper()) == "currency"
        ):
            continue  # "(63.1 million USD)": the unit of an amount, not the currency's move
        if mention is not None and _INSIDE_A_RIC.match(sentence, max(0, mention.start - 1)):
            continue  # "the euro (EUR=)": the code of the name before it
        if (
            mention is not None
            and _COUNTRY_OF_A_DOLLAR.fullmatch(mention.name)
            and _UNIT_BEFORE.search(sentence, max(0, mention.start - 4), mention.start)
        ):
            continue  # "to $847.36 U.S. per ounce": which dollar the price is in
        if mention is not None:
            found.append(_with_word_before(sentence, mention))
    for match in _CURRENCY_PAIR.finditer(lowered):
        found.append(Mention(match.start(), match.end(), sentence[match.start() : match.end()]))
    if "spread" in lowered or "curve" in lowered:  # a cheap test first: rare words
        for match in _TENOR_SPREAD.finditer(lowered):
            found.append(
                Mention(*match.span(), _strip_article(sentence[match.start() : match.end()]))
            )
    for pattern in (_MARKET_WORDS, _CURRENCY_WORDS):
        for match in pattern.finditer(lowered):
            if _UNIT_BEFORE.search(lowered, max(0, match.start() - 16), match.start()):
                continue  # "38.6 billion yuan", "6.40 won": a unit, not the currency's move
            if pattern is _CURRENCY_WORDS and _AN_AMOUNT_AFTER.match(lowered, match.end()):
                continue  # "a high of Kes 4.30", "Rs 3,398 crore": a price in it
            found.append(_market_word(sentence, match.start(), match.end()))
    if "currencies" in lowered:  # a cheap test first: a rare word
        for match in _CURRENCY_GROUP.finditer(lowered):
            name = sentence[match.start() : match.end()]
            found.append(Mention(match.start(), match.end(), name, descriptive=True))
    pairs: list[tuple[int, int]] = []
    for match in _SECTOR_PAIR.finditer(sentence):
        pairs.append(match.span())
        head = match.group("head")
        first = match.group("first")
        found.append(
            Mention(match.start("first"), match.end("first"), f"{first} {head}", descriptive=True)
        )
        found.append(
            Mention(
                match.start("second"),
                match.end(),
                f"{match.group('second')} {head}",
                descriptive=True,
            )
        )
    for match in _GROUP_LIST.finditer(sentence):
        if any(start <= match.start() < end for start, end in pairs):
            continue  # a pair of sector words read above
        groups = _listed_groups(sentence, match)
        items = {g.name.rsplit(" ", 1)[0] for g in groups}
        # "Hotel" of "Hotel, tourism and aircraft manufacturing stocks" is no name of its own
        found = [m for m in found if not (m.name.lower() in items and m.start >= match.start())]
        found += groups
    for match in _SECTOR_NAME.finditer(lowered):
        start, end = match.span()
        found.append(Mention(start, end, _strip_article(sentence[start:end]), descriptive=True))
    for match in _BARE_SECTOR.finditer(lowered):
        found.append(
            Mention(*match.span(), sentence[match.start() : match.end()], descriptive=True)
        )
    # "Energy companies fell": a sentence's first word is capitalised, not a name
    for match in _SECTOR_PHRASE.finditer(sentence[:1].lower() + sentence[1:]):
        start, end = match.span()
        found.append(Mention(start, end, sentence[start:end].strip(), descriptive=True))
    for match in _DEMONYM_MARKET.finditer(sentence):
        owner = match.group("owner")
        if instruments.is_demonym(owner) or instruments.is_place(owner):
            start, end = match.span()
            found = _outside(found, start, end)
            found.append(Mention(start, end, match.group(0), descriptive=True))
    for pattern, word in ((_PLACES_INDEX, "s "), (_CRYPTO_MARKET, "crypto")):
        if word not in lowered:
            continue  # a cheap test first
        for match in pattern.finditer(sentence):
            owner = match.groupdict().get("owner")
            if owner is not None and not instruments.is_country(owner):
                continue  # "Orvane's index" of a company is no market's gauge
            found.append(Mention(*match.span(), match.group(0)))
    gauge_words = " of " in lowered or "benchmark" in lowered or "gauge" in lowered
    for match in _A_GAUGE_OF.finditer(sentence) if gauge_words else ():
        found.append(Mention(*match.span(), re.sub(r"^[Aa]n?\s+", "", match.group(0))))
    for pattern in (_GAUGE_OF, _MARKET_SUB_INDEX):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            lead = _LEADING.match(sentence[start:end])
            start += lead.end() if lead else 0
            found.append(Mention(start, end, sentence[start:end]))
    for match in _INDEX_GROUP.finditer(lowered):
        found.append(
            Mention(
                match.start(), match.end(), sentence[match.start() : match.end()], reference="group"
            )
        )
    for pattern in (_DESCRIBED_INDEX, _YIELD_ON):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            found.append(
                Mention(
                    start,
                    end,
                    _strip_article(sentence[start:end]),
                    descriptive=pattern is _DESCRIBED_INDEX,
                )
            )
    if "yield" in lowered or "basis point" in lowered or "bps" in lowered:
        for match in _BARE_TENOR.finditer(lowered):
            # "the two-year yield rose, while the 10-year edged down": the 10-year yield
            start, end = match.span("tenor")
            found.append(Mention(start, end, f"{sentence[start:end]} yield"))
    for match in _CODE_OF_NAME.finditer(sentence):
        found.append(
            Mention(match.start(), match.end(), match.group("name"), ticker=match.group("code"))
        )
    for match in _INDEX_OF.finditer(sentence):
        # a named group, not a description: it wins over the name inside it ("Hang Seng")
        start, end = match.span()
        found.append(Mention(start, end, _strip_article(sentence[start:end])))
    for match in _LOWER_GROUP.finditer(sentence):
        start, end = match.span()
        # "the broader index" refers to one named before; "the broader all share index" names one
        lead = _REFERRING_LEAD.match(sentence, start, end)
        if lead is not None:
            start = lead.end()
        if lead is None or _LOWER_GROUP.fullmatch(sentence, start, end):
            found.append(Mention(start, end, _strip_article(sentence[start:end]), descriptive=True))
    for match in _GENERIC_MARKET.finditer(sentence):
        start, end = match.span()
        found.append(Mention(start, end, _strip_article(sentence[start:end]), descriptive=True))
    for match in [
        *_NAMED_ENTITY_REFERENCE.finditer(sentence),
        *_POSSESSIVE_ENTITY_REFERENCE.finditer(sentence),
        *_COUNTRYS_CURRENCY.finditer(sentence),
    ]:
        found.append(
            Mention(
                match.start(), match.end(), match.group(0), reference=match.group("ref").lower()
            )
        )
    for match in lx.REFERENCE.finditer(lowered):
        ref = (
            match.group("ref")
            or match.group("one")
            or match.group("pronoun")
            or match.group("both")
            or match.group("prices")
            or match.group("order")
            or match.group("dated")
        )
        words = sentence[match.start() : match.end()].split()
        if (
            len(words) > 2
            and words[1][:1].isupper()
            and ref not in lx.ENTITY_REFERENCES
            and not match.group("dated")
        ):
            continue  # "the Tech index" names an index; "the NZ company" refers to one
        if words[-1][:1].isupper() and _NEXT_CAPITALISED.match(sentence, match.end()):
            continue  # "The Stock Exchange of Thailand" is a name
        if ref in lx.INDEX_REFERENCES and _A_NAME_NEXT.match(sentence, match.end()):
            continue  # "the benchmark S&P/ASX200": a word for the name after it
        if match.group("ref") and _OF_A_NAME.match(sentence, match.end()):
            continue  # "the stock of Kestrel", "the token of Varno": the name after it
        place = _FRONTED_PLACE.match(sentence) if ref in lx.INDEX_REFERENCES else None
        if (
            place is not None
            and place.end() <= match.start()
            and instruments.is_country(place["place"])
            and not any(
                m.start >= place.end()
                and m.end <= match.start()
                and instruments.kind_of(m.name) in ("index", "stock")
                for m in found
            )
        ):
            # "In Qatar, the index rose 0.2%": the place's gauge, not the last one named
            found.append(Mention(match.start(), match.end(), f"{place['place']} {ref}"))
            continue
        found.append(
            Mention(
                match.start(), match.end(), sentence[match.start() : match.end()], reference=ref
            )
        )
    for match in _CONTRACT_NAME.finditer(sentence):
        # one name, where the words above find its venue and its commodity apart
        found.append(
            Mention(match.start(), match.end(), match.group("name"), ticker=match.group("code"))
        )
    mentions = _with_codes_attached(
        sentence,
        _without_owned_shares(
            sentence, _merged(_without_persons(sentence, _with_producers(sentence, lowered, found)))
        ),
    )
    for step in _AFTER_FINDING:
        mentions = step(sentence, mentions)
    return mentions


def _with_joined_items(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A list item of two lower-case words joined by 'and' before its figure ('industrials
    (0.33%), consumer goods and services (0.15%) and banks and financial services (0.03%)')
    is one name: 'services' alone is no sector of its own."""
    kept: list[Mention] = []
    for mention in mentions:
        item = _ITEM_JOINED_BEFORE.search(sentence, max(0, mention.start - 50), mention.start)
        if (
            mention.reference is None
            and item is not None
            and _FIGURE_AFTER.match(sentence, mention.end)
        ):
            start = item.start("words")
            kept = [k for k in kept if k.end <= start]
            mention = replace(
                mention, start=start, name=sentence[start : mention.end], descriptive=True
            )
        kept.append(mention)
    return kept


# a list's separator, then lower-case words and "and": "), consumer goods and "
_ITEM_JOINED_BEFORE = re.compile(
    r"(?:[,;:(]\s*(?:and\s+)?|\)\s*and\s+|^)(?P<words>(?:[a-z][\w-]*\s+){1,3}(?:and|&)\s+)$"
)
_FIGURE_AFTER = re.compile(r"\s*\(\s*[+\-−]?\d")


def _pairs_joined(
    mentions: list[Mention], join: Callable[[Mention, Mention], Mention | None]
) -> list[Mention]:
    """The mentions with each one that `join` makes one with the mention before it so made."""
    kept: list[Mention] = []
    for mention in mentions:
        joined = join(kept[-1], mention) if kept else None
        if joined is not None:
            kept[-1] = joined
        else:
            kept.append(mention)
    return kept


def _with_described_heads(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A name and the lower-case words after it that end in a gauge's head ('The Nasdaq
    electronic exchange index') are one name: the words describe it."""

    def join(previous: Mention, mention: Mention) -> Mention | None:
        if (
            previous.reference is None
            and not previous.descriptive
            and mention.descriptive
            and mention.reference is None
            and sentence[previous.end : mention.start] == " "
            and _A_GAUGES_HEAD.search(mention.name) is not None
        ):
            return replace(previous, end=mention.end, name=f"{previous.name} {mention.name}")
        return None

    return _pairs_joined(mentions, join)


_A_GAUGES_HEAD = re.compile(r"\b(?:index|sub-index|gauge)$")


def _named_by_apposition(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A gauge described, then named after a comma ('the main index of the Paris Stock
    Exchange, the CAC 40', 'its main index, the IPSA'), is one mention of the name: what the
    words say of the gauge is said of it."""

    def join(previous: Mention, mention: Mention) -> Mention | None:
        if not _APPOSITION.fullmatch(sentence, previous.end, mention.start):
            return None
        named = not (mention.descriptive or mention.reference is not None)
        if _described_gauge(previous) and named:
            # one span from the description to the name, so an aside's commas keep it whole
            return replace(mention, start=previous.start)
        if (
            previous.descriptive
            or previous.reference is not None
            or instruments.is_place(previous.name)  # "In the UAE, the Dubai index closed"
        ):
            return None
        # "WIG, the oldest index on the Warsaw Stock Exchange, rose", "Ethereum, the
        # second-largest cryptocurrency by market value, fell": the words after the name
        # describe it (one span, so a relative clause after them is still the name's)
        if (
            mention.descriptive
            and mention.name[:1].islower()
            and _A_GAUGES_WORD.search(mention.name)
        ):
            return replace(previous, end=mention.end)
        closed = _CLOSED_BY_A_COMMA.match(sentence, mention.end)
        if mention.reference is not None and closed is not None:
            return replace(previous, end=closed.end())
        return None

    return _pairs_joined(mentions, join)


def _described_gauge(mention: Mention) -> bool:
    if mention.reference in lx.INDEX_REFERENCES or _GAUGE_DESCRIBED.match(mention.name):
        return True
    # "The Spanish national index, the IBEX 35": a country's adjective, then words for a gauge
    described = _A_COUNTRYS_GAUGE.fullmatch(mention.name)
    return described is not None and _a_place_word(described.group("owner"))


_A_COUNTRYS_GAUGE = re.compile(
    r"(?:the\s+)?(?P<owner>[A-Z][\w-]*)\s+(?:[a-z][\w-]*\s+){0,3}(?:index|gauge|barometer|benchmark)"
)
_CLOSED_BY_A_COMMA = re.compile(r"(?:\s+(?!and\b)[a-z][\w-]*){0,5}(?=,)")
_A_GAUGES_WORD = re.compile(r"\b(?:index|gauge|barometer|benchmark)\b", re.IGNORECASE)


_APPOSITION = re.compile(r",\s*(?:the\s+)?")
_GAUGE_DESCRIBED = re.compile(
    r"(?:the\s+)?(?:(?:main|benchmark|key|broad|broader|leading|general|blue-chip)\s+)*"
    r"(?:index|gauge|barometer)\s+of\b",
    re.IGNORECASE,
)


# a person named with the job that says so: "Enrique Covarrubias, director of economic analysis
# at Actinver", "said John Smith, chief strategist at Kestrel Capital"
_A_PERSONS_JOB = re.compile(
    r",\s+(?:an?\s+|the\s+|its\s+)?(?:[\w&-]+\s+){0,3}?(?:director|analysts?|strategist|"
    r"economist|chief|head|president|ceo|cfo|cio|manager|partner|trader|officer|chairman|"
    r"chairwoman|governor|minister|secretary|spokes(?:man|woman|person)|founder|professor|"
    r"researcher|advis[eo]r|vice[- ]president|executive)(?:\s+(?:of|at|for|with|in)\b|\s*,)"
)


def _without_persons(sentence: str, found: list[Mention]) -> list[Mention]:
    """found, without the names of people (a person's job right after the name)."""
    return [
        m
        for m in found
        if m.reference is not None
        or m.descriptive
        or m.ticker is not None
        or _A_PERSONS_JOB.match(sentence, m.end) is None
        or instruments.identity(m.name) is not None
    ]


def _with_producers(sentence: str, lowered: str, found: list[Mention]) -> list[Mention]:
    """found, with a commodity's inventory as one figure (no price), and a group of producers
    named by its commodity or industry in place of the commodity or the words inside it
    ("Copper stocks", "oil and gas stocks", "Travel & Leisure shares"); a commodity describing
    the company named after it ("oil & gas major Orvane") leaves only that name."""
    if not _COMMODITY_OR_AMPERSAND.search(lowered):
        return found  # a cheap test first: most sentences name neither
    inventories: list[tuple[int, int]] = []
    for match in _INVENTORY.finditer(lowered):
        start, end = match.span()
        if match.group("code") is not None and not sentence[match.start("code")].isupper():
            end = match.start("code") - 1  # "... warehouses fell": no code after it
        inventories.append((start, end))
        found = _outside(found, start, end)
        found.append(Mention(start, end, sentence[start:end], descriptive=True))
    for match in _PRODUCERS.finditer(lowered):
        start, end = match.span()
        if any(start < i_end and i_start < end for i_start, i_end in inventories):
            continue  # an inventory, read above
        if match.group("head") is None:
            if " " not in match.group("group").strip():
                continue  # "Oil major Orvane": the name after it is found as it was
            if not sentence[match.start("name")].isupper():
                continue  # "oil & gas major producers": no company named
        found = _outside(found, start, end)
        if match.group("head") is not None:
            found.append(Mention(start, end, sentence[start:end], descriptive=True))
    return found


def _outside(found: list[Mention], start: int, end: int) -> list[Mention]:
    """found, less the mentions inside start:end (a longer name read there takes their place)."""
    return [m for m in found if not (start <= m.start and m.end <= end)]


def _without_owned_shares(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Without the bare "shares" of a name's ("Orvane's shares slid 2.7%"): they are the name's,
    and the name is the subject, as in "Orvane's stock slid"."""
    owners = {m.end for m in mentions if not m.descriptive and m.reference is None}
    return [
        m
        for m in mentions
        if not (
            m.descriptive
            and m.name.lower() in BARE_SHARES
            and (owner := _OWNED.search(sentence, 0, m.start)) is not None
            and owner.start() in owners
        )
    ]


BARE_SHARES = frozenset({"shares", "stocks", "stock", "equities"})
_OWNED = re.compile(r"['’]s?\s+$")


# a futures contract by its delivery month, venue and commodity, as commodity desks write it:
# "Mar ICE NY cocoa (CCH21)", "May ICE London white sugar #5 (SWK21)", "Dec corn (ZCZ20)"
_OF_A_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_CONTRACT_NAME = re.compile(
    r"(?P<name>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+"
    r"(?:(?:ICE|CME|CBOT|NYMEX|COMEX|MATIF|MGEX|KC|NY|London|Chicago|Minneapolis)\s+){0,3}"
    r"(?:[a-z]+\s+){0,2}?"
    r"(?:cocoa|coffee|cotton|sugar|wheat|corn|soybeans?|soybean (?:oil|meal)|soyoil|soymeal|oats|"
    r"rice|canola|cattle|hogs|orange juice|lumber|crude(?: oil)?|gold|silver|copper|platinum|"
    r"palladium|natural gas|heating oil|gasoline|diesel)\b(?:\s+#\d+)?)"
    r"(?:\s*\((?P<code>[A-Z]{1,4}[FGHJKMNQUVXZ]\d{2})\))?"
)


# "Futures on the Dow Jones Industrial Average", "Three-month contracts for copper": the
# contracts are the instrument, named by what they are on
_CONTRACTS_ON = re.compile(
    r"(?:\b(?:[\w-]+-month|most active|benchmark)\s+)?\b(?:futures|contracts?)\s+(?:on|for|in)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


_VENUE_AFTER = re.compile(r"\s+(?:exchange|bourse)\b", re.IGNORECASE)


def _with_contract_heads(sentence: str, mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        head = None
        if (
            mention.reference is None
            and not mention.descriptive
            and not instruments.is_venue(mention.name)
            and not _VENUE_AFTER.match(sentence, mention.end)
        ):
            head = _CONTRACTS_ON.search(sentence, max(0, mention.start - 40), mention.start)
        if head is None:
            kept.append(mention)
            continue
        name = mention.name if "futures" in mention.name.lower() else f"{mention.name} futures"
        kept = [k for k in kept if k.end <= head.start()]
        kept.append(replace(mention, start=head.start(), name=name))
    return kept


# what may follow a name as part of it: its former name ("VK (ex-Mail.ru)", "Meta (formerly
# Facebook)") or a word saying what it is ("OTE telecom", "Piraeus lender")
_FORMER_NAME = re.compile(r"\s*\((?:ex-|ex |formerly |previously |former(?:ly)? )[^()]{1,40}\)")
_WHAT_IT_IS = re.compile(
    r"\s+(?:telecom|lender|bank|miner|insurer|carmaker|automaker|chipmaker|retailer|developer|"
    r"airline|brewer|conglomerate|utility|refiner|shipper|group)(?=[\s,;:.]|$)"
)


def _with_appositions(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A name with what follows it as part of it ('VK (ex-Mail.ru)', 'OTE telecom') is one
    mention: the words after it name nothing of their own."""
    kept: list[Mention] = []
    covered_until = -1
    for mention in mentions:
        if mention.start < covered_until:
            continue
        if mention.reference is None and not mention.descriptive:
            after = _FORMER_NAME.match(sentence, mention.end) or _WHAT_IT_IS.match(
                sentence, mention.end
            )
            if after is not None:
                mention = replace(mention, end=after.end())
                covered_until = after.end()
        kept.append(mention)
    return kept


# a code written right after a name: "LME aluminium (CMAl3)", "Anglo American PLC [JSE:AGL]",
# Reuters codes ("Coking coal DJMcv1", "The 20-year JGB yield JP20YTN=JBTC") and MarketWatch's
# inline quote ("August Brent crude LCOQ8, -0.82%")
_CODE_AFTER = re.compile(
    # Zacks's syndicated copy links every code: "(NVDA – Free Report)"; a Reuters index code
    # keeps its dot: "(.DFMGI)"
    r"\s*\(\s*\.?(?P<paren>(?<=\.)[A-Z][A-Z0-9]{1,9}|[A-Z][A-Za-z]{1,5}\d{1,2}|[A-Z]{2,6})"
    r"\s*(?:[–-]\s*Free Report\s*)?\)"
    r"|\s*\[\s*(?P<bracket>[A-Z]{2,6}:\s?[A-Z0-9.]{1,10})\s*\]"
    r"|\s+(?P<ric>[A-Z]{1,6}(?:c|v|cv)\d|[A-Z0-9]{3,10}=[A-Z]{0,6}|\.[A-Z][A-Z0-9]{1,7}|"
    r"\d{3,6}\.[A-Z]{1,2})(?![\w=])"
    r"|\s+(?P<quote>[A-Z]{2,6}\d{0,2})(?=,\s*[+\-−]?\d)"
)


_FOR_DELIVERY = re.compile(
    rf"\s+for\s+(?:{lx.MONTH}\.?\s+)?(?:\d{{4}}\s+)?(?:delivery|settlement)\b", re.IGNORECASE
)


def _with_codes_attached(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A contract, market or exchange code right after a name is that name's ticker, not a
    name of its own."""
    kept: list[Mention] = []
    covered_until = -1
    for mention in mentions:
        if mention.start < covered_until:
            continue  # a part of a code attached to the name before it ("JSE", "AGL")
        # "crude for March delivery (CLH24)": the contract month belongs to the name
        delivery = _FOR_DELIVERY.match(sentence, mention.end) if mention.reference is None else None
        if delivery is not None:
            mention = replace(mention, end=delivery.end())
        code = _CODE_AFTER.match(sentence, mention.end)
        if (
            code is not None
            and code["paren"]
            and mention.reference in lx.ENTITY_REFERENCES
            and any(word[:1].isupper() for word in mention.name.split()[1:])
        ):
            # "the Eiffel Tower management Company (EIFF)": a name with its code, not a
            # reference to a company named before
            mention = Mention(mention.start, mention.end, _strip_article(mention.name))
        if (
            code is not None
            and code["paren"]
            and mention.ticker is None
            and mention.reference in lx.INDEX_REFERENCES
        ):
            # "the index (.FTFADGI)": the code of the index referred to, no name of its own
            kept.append(replace(mention, end=code.end(), ticker=code["paren"]))
            covered_until = code.end()
            continue
        if code is not None and mention.ticker is None and mention.reference is None:
            found = next(group for group in code.groups() if group)
            standalone = code["quote"] is not None or code["paren"] is not None
            if not standalone or any(m.start >= mention.end and m.name == found for m in mentions):
                mention = Mention(
                    mention.start, code.end(), mention.name,
                    ticker=found.replace(" ", ""), descriptive=mention.descriptive,
                )  # fmt: skip
                covered_until = code.end()
        kept.append(mention)
    return kept


def _listed_groups(sentence: str, match: re.Match[str]) -> list[Mention]:
    """One descriptive mention per item of a listed group, each named with the shared head."""
    head, groups = match.group("head"), []
    position = match.start("list")
    for item in _LIST_SPLIT.split(match.group("list")):
        start = sentence.index(item, position)
        position = start + len(item)
        end = match.end() if position == match.end("list") else position  # the last takes the head
        groups.append(Mention(start, end, f"{item.lower()} {head}", descriptive=True))
    return groups


def _named(sentence: str, start: int, end: int) -> Mention | None:
    raw = sentence[start:end]
    run_on = _NEXT_SENTENCE.search(raw)
    if run_on:  # "Metro Inc. They closed at $104.08": the name ends at its suffix
        raw = raw[: run_on.end("stop")]
        end = start + len(raw)
    dateline = _DATELINE.match(raw)
    if dateline and len(raw) > dateline.end():
        start += dateline.end()
        raw = raw[dateline.end() :]
    date = _MONTH_DATE.match(raw)
    if date:
        start += date.end()
        raw = raw[date.end() :]
    lead = _LEADING.match(raw)
    if lead:
        start += lead.end()
        raw = raw[lead.end() :]
    country = _COUNTRY_POSSESSIVE.match(raw)
    # "France's 10-year bond yield" is France's: a yield without its country is no yield
    if country and len(raw) > country.end() and not instruments.names_a_bond(raw[country.end() :]):
        start += country.end()
        raw = raw[country.end() :]
    cut = re.search(r"['’]s?(?=\s+(?:[a-z]|\d+(?:\.\d+)?\s?%)|$)", raw)
    if cut:
        raw = raw[: cut.start()]
    raw = raw.rstrip(" ,-")
    if raw.endswith(".") and not _COMPANY_SUFFIX.search(raw):
        raw = raw[:-1]
    raw = _POSSESSIVE.sub("", raw) if raw.endswith(("'s", "’s", "s'")) else raw
    end = start + len(raw)
    bare, ticker = instruments.split_ticker(raw)
    bare = _TRAILING_HEAD.sub("", bare) if not instruments.is_descriptive(bare) else bare
    if len(bare) < 2 or _NOT_NAMES.match(bare) or (bare.isdigit() and len(bare) < 3):
        return None
    if (code := _CODE_THEN_AMOUNT.match(bare)) and code[1] in instruments.currency_codes():
        return None  # "PLN 180m", "MAD 24": an amount in a currency's code, not a name
    descriptive = instruments.is_descriptive(bare)
    return Mention(start, end, bare, ticker=ticker, descriptive=descriptive)


# "In Abu Dhabi, the economy of which is mostly reliant on oil, the index ...": the place a
# sentence is set in, before its clause
_FRONTED_PLACE = re.compile(r"\s*(?:In|At)\s+(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*,")
_CODE_THEN_AMOUNT = re.compile(r"([A-Z]{3})\s?\d")
_WORD_BEFORE = re.compile(r"\b([a-z]{2,})\s+$")


_NEXT_SENTENCE = re.compile(
    r"\b(?:Inc|Corp|Ltd|Co|Plc|Bhd)(?P<stop>\.)\s+(?:They|The|It|This|That|He|She|We|Its|Their|Shares|"
    r"But|And|In|On|At)\b"
)


def _with_word_before(sentence: str, mention: Mention) -> Mention:
    """'bank Nifty index' is the Nifty Bank index, not the Nifty: a lower-case word that makes
    the name another known instrument belongs to the name."""
    word = _WORD_BEFORE.search(sentence, max(0, mention.start - 20), mention.start)
    if word is None or mention.reference is not None:
        return mention
    longer = f"{word[1]} {mention.name}"
    known = instruments.identity(longer)
    if known is None or known == instruments.identity(mention.name):
        return mention
    return Mention(word.start(), mention.end, longer, ticker=mention.ticker)


def _market_word(sentence: str, start: int, end: int) -> Mention:
    raw = sentence[start:end]
    name = _strip_article(raw)
    offset = len(raw) - len(raw.lstrip()) + (len(raw.lstrip()) - len(name))
    return Mention(start + offset, end, name)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text.strip())


def _merged(found: list[Mention]) -> list[Mention]:
    """Overlapping mentions: the longer wins, a specific name over a description."""
    ranked = sorted(
        found,
        key=lambda m: (
            m.descriptive and m.reference is None,
            -(m.end - m.start),
            m.reference is not None,
            m.start,
        ),
    )
    kept: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _with_listed_figures(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """'followed by industrial (-0.49 percent), services (-0.28 percent)', 'the indices
    “electricity” (+5.54%) and “insurance” (+3.78%)': in a list of figures in parentheses the
    lower-case words before each figure name what moved, whatever words they are."""
    figures = list(_PAREN_FIGURE.finditer(sentence))
    if len(figures) < 2:
        return mentions
    found = list(mentions)
    for figure in figures:
        item = _ITEM_BEFORE_FIGURE.search(sentence, max(0, figure.start() - 60), figure.start())
        if item is None:
            continue
        start, end = item.span("words")
        words = sentence[start:end]
        if (
            _NOT_AN_ITEM.match(words)
            or lx.FUNDAMENTAL.search(words)
            or any(m.start < figure.start() and start < m.end for m in mentions)
        ):
            continue
        found.append(Mention(start, end, words, descriptive=True))
    return sorted(found, key=lambda m: m.start)


_PAREN_FIGURE = re.compile(r"\(\s*[+\-−–]?\s?\d[\d.,]*\s*(?:%|per ?cent|percent|pct)\s*\)")
_ITEM_WORD = (
    r"(?!(?:and|or|by|of|the|a|an|in|on|to|at|with|from|followed|led|including|as|like|were|"
    r"was|are|is|while|but)\b)[a-z][\w&-]*"
)
# the words of a list's item right before its figure, after the list's comma, "and" or lead
_ITEM_BEFORE_FIGURE = re.compile(
    r"(?:^|[,;:]\s*(?:and\s+)?|\)\s*,?\s*(?:and\s+)?|\b(?:by|were|was|are|is|including|as|like)\s+)"
    rf"[“\"‘']?(?P<words>{_ITEM_WORD}(?:\s+(?:(?:and|&)\s+)?{_ITEM_WORD}){{0,3}})[”\"’']?\s*$"
)
_NOT_AN_ITEM = re.compile(
    r"(?:the|a|an|and|or|of|in|on|to|at|by|up|down|from|with|its|their|while|which|was|were|is|"
    r"are|percent|points|shares|stocks|index|indices|sector|sectors|respectively|year|month|"
    r"week|day|session)\b"
)


def _with_quoted_heads(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """'“STC” Communications', '“Replay” Insurance': a name in quotes and the capitalised word
    right after it, as translated wire copy writes a company, are one name."""

    if not any(quote in sentence for quote in _OPENING_QUOTES):
        return mentions  # a cheap test first

    def join(previous: Mention, mention: Mention) -> Mention | None:
        if (
            previous.reference is None
            and mention.reference is None
            and sentence[previous.start - 1 : previous.start] in _OPENING_QUOTES
            and _CLOSING_QUOTE_THEN_A_NAME.fullmatch(sentence, previous.end, mention.start)
        ):
            start = previous.start - 1
            return Mention(start, mention.end, sentence[start : mention.end], mention.ticker)
        return None

    return _pairs_joined(mentions, join)


_OPENING_QUOTES = ("“", '"', "‘")
_CLOSING_QUOTE_THEN_A_NAME = re.compile(r"[”\"’]\s")


def _without_spelled_acronyms(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """'small and medium enterprises (SMEs)': an acronym in parentheses right after the
    lower-case words it stands for names no instrument (a code after a name does)."""
    if "(" not in sentence:
        return mentions  # a cheap test first
    return [m for m in mentions if not _spells_out(sentence, m)]


def _spells_out(sentence: str, mention: Mention) -> bool:
    acronym = _ACRONYM.fullmatch(sentence, mention.start - 1, mention.end + 1)
    if acronym is None:
        return False
    words = _LOWER_WORDS_BEFORE.search(sentence, max(0, mention.start - 80), mention.start - 1)
    if words is None:
        return False
    initials = "".join(
        w[0] for w in words[0].split() if w not in ("and", "of", "the", "&", "for")
    ).upper()
    return initials.endswith(acronym.group("letters"))


_ACRONYM = re.compile(r"\((?P<letters>[A-Z]{2,6})s?\)")
_LOWER_WORDS_BEFORE = re.compile(r"(?:\b[a-z][\w-]*\s+|&\s+){2,8}$")


def _with_shared_heads(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """'The 5-year and 2-year bonds', 'the two- and 10-year yields', 'US and European stocks',
    'Seoul, Tokyo and Hong Kong markets': each modifier before "and" (and the list's commas)
    names an instrument of its own with the head of the name after it."""
    if " and " not in sentence and " & " not in sentence:
        return mentions  # a cheap test first: no "and", no modifier to share a head with
    kept: list[Mention] = []
    for mention in mentions:
        split = _modifier_and_head(sentence, mention)
        shared: list[Mention] = []
        joined = _SHARED_BEFORE
        while split is not None:
            start = shared[0].start if shared else mention.start
            before = joined.search(sentence, max(0, start - 40), start)
            item = None if before is None else _shared_item(before, *split)
            if item is None:
                break
            shared.insert(0, replace(item, descriptive=mention.descriptive))
            joined = _LISTED_BEFORE
        if shared:
            kept = [k for k in kept if k.end <= shared[0].start]
            kept.extend(shared)
        kept.append(mention)
    return kept


def _modifier_and_head(sentence: str, mention: Mention) -> tuple[str, str] | None:
    """'2-year' and 'bonds' of '2-year bonds', 'Hong Kong' and 'stocks' of 'Hong Kong stocks':
    a tenor or a place before the name's head; None for any other name."""
    if mention.reference is not None or mention.ticker is not None:
        return None
    words = mention.name.split(" ")
    if (
        len(words) < 2
        or not sentence.startswith(mention.name, mention.start)
        or _a_place_word(mention.name)  # "Japan and South Korea": two places, no head
    ):
        return None
    # the modifier is the longest run of first words that names a place ("Hong Kong stocks")
    size = next((n for n in (3, 2) if n < len(words) and _a_place_word(" ".join(words[:n]))), 1)
    modifier, head = " ".join(words[:size]), " ".join(words[size:])
    if _TENOR_MODIFIER.fullmatch(modifier) is None and not _a_place_word(modifier):
        return None
    return modifier, head


def _shared_item(before: re.Match[str], modifier: str, head: str) -> Mention | None:
    """The mention the words before "and" (or a list's comma) make with the head they share,
    if they are the same kind of modifier: two tenors, or two places."""
    other = before.group("other")
    tenor = _TENOR_MODIFIER.fullmatch(modifier)
    if tenor is not None:
        if _TENOR_MODIFIER.fullmatch(other) is None and _SUSPENDED_TENOR.fullmatch(other) is None:
            return None
        # "two- and 10-year": the first takes the second's word for years
        unit = tenor.group("unit")[1:]
        name = f"{other}{unit} {head}" if other.endswith("-") else f"{other} {head}"
        return Mention(before.start("other"), before.end("other"), name)
    # "South Korean and", "Hong Kong and": the longest run of words before "and" that names one
    words_before = other.split(" ")
    for size in range(len(words_before), 0, -1):
        place = " ".join(words_before[-size:])
        if _a_place_word(place):
            return Mention(before.end("other") - len(place), before.end("other"), f"{place} {head}")
    return None


def _a_place_word(word: str) -> bool:
    return instruments.is_demonym(word) or instruments.is_country(word.replace(".", ""))


# the modifier a name's head is shared with: "5-year and ", "two- and ", "US and ", "German & "
_SHARED_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<other>(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*|(?:\d+|[a-z]+)-(?:year|yr|month)?)"
    r"\s+(?:and|&)\s+$"
)
_LISTED_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<other>(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*|(?:\d+|[a-z]+)-(?:year|yr|month)?)"
    r"\s*,\s*$"
)
_TENOR_MODIFIER = re.compile(rf"(?:{instruments.TENOR_NUMBER}|\d+)(?P<unit>-(?:year|yr|month))")
_SUSPENDED_TENOR = re.compile(rf"(?:{instruments.TENOR_NUMBER}|\d+)-")


# what is done to the mentions once found, in this order: a quoted name and the word after it
# are one; an acronym of the words before it is none; a modifier before "and" shares the name's
# head; the words before each figure of a list name one; a contract's head and a name's
# apposition are part of it; a described gauge takes the name after it; a name takes the words
# that describe it; a list item of two words joined by "and" is one
_AFTER_FINDING: tuple[Callable[[str, list[Mention]], list[Mention]], ...] = (
    _with_quoted_heads,
    _without_spelled_acronyms,
    _with_shared_heads,
    _with_listed_figures,
    _with_contract_heads,
    _with_appositions,
    _named_by_apposition,
    _with_described_heads,
    _with_joined_items,
)
