"""Deterministic extraction of catalysts and risks from one sentence.

A catalyst is a driver the text ties to prices or sentiment: the phrase after a causal word
("after the company raised its forecast", "on worries about...", "driven by...", "tracking
gains on Wall Street") or the subject of a causal verb ("Strong results lifted the Kospi"),
typed by its cues, with an impact read from the phrase (or from the move it explains). A risk
is a stated concern, warning or uncertainty; compliance language ("past performance ..."), a
falling fear gauge and a positive forecast are not risks.

Every pattern is written in lower case and searched in the lowercased sentence: the same cues
with re.IGNORECASE cost several times as much (benchmarks/README.md).
"""

from __future__ import annotations

import re
from typing import TypeVar

from summarizer.models import Catalyst, CatalystType, Impact, Risk, RiskType
from summarizer.reading import read_sentence

# A cue is plain phrases (substrings of the lowercased text: far cheaper to find than a regular
# expression's alternatives) and, for words that need boundaries, a pattern.
_CATALYST_CUES: tuple[tuple[CatalystType, tuple[str, ...], re.Pattern[str] | None], ...] = (
    ("analyst_rating", ("price target", "upgrad", "downgrad", "raised its rating", "to buy from",
                        "overweight", "outperform rating", "brokerage calls", "short-seller",
                        "called the stock", "rating on", "target price", "issued a 'sell'",
                        "issued a ‘sell’", "issued a sell", "issued a 'buy'", "issued a buy",
                        "cut the stock", "rating downgrade"),
     # analysts who acted, not an analyst quoted ("said Jane Doe, an analyst at Phillip Nova")
     re.compile(r"\banalysts? at [^.;,]{0,40}\b(?:upgrad\w*|downgrad\w*|raised|cut|lowered|"
                r"initiated|reiterated|rated|set)\b|"
                # "after Orrin Securities cut its rating to underweight"
                r"\b(?:cut|cuts|lowered|lowers|raised|raises|lifted|trimmed)\s+(?:its|their|the)\s+"
                r"(?:[\w-]+\s+){0,2}(?:rating|recommendation|price target|target price)\b|"
                r"\b(?:rating|recommendation)\b[^.;]{0,30}\bto (?:underweight|overweight|"
                r"outperform|underperform|neutral|equal[- ]weight|market perform|sell|buy|"
                r"hold)\b")),
    ("monetary_policy", ("rate cut", "rate-cut", "rate hike", "federal reserve", "pboc",
                         "central bank", "liquidity easing", "monetary", "interest rate",
                         "reserve requirement", "bank of japan", "bank of england", "ecb",
                         "yellen", "powell", "lagarde", "rates higher", "cutting rates",
                         "raise rates", "hike rates", "interest-rate", "rate decision",
                         "national bank", "reserve bank", "intervention", "devaluation",
                         "devalued"),
     re.compile(r"\b(?:fed|lpr|rrr|boj|boe|rba|rbi)\b")),
    ("capital_flows", ("inflow", "outflow", "net buying", "southbound", "northbound",
                       "capital flow", "foreign capital", "net purchases", "margin trad",
                       "profit-taking", "profit taking", "took profits", "cashed out",
                       "short-covering", "short covering", "foreigners buying", "offloaded",
                       "unwound", "peripheral buying", "bargain hunting", "bargain buying",
                       "sell-off by", "selling by",
                       "book profits", "liquidations", "fund flows", "rebalanc",
                       "sell-offs", "selloffs", "selling pressure", "pocketed profits",
                       "booked profits", "profit booking", "took profit", "take profit",
                       "taking profit", "repositioning",
                       "institutional investors", "foreign investors", "retail investors",
                       "local investors",
                       "locked in profits", "lock in profits", "auction", "off the table",
                       "short positions", "fund buying", "speculative buying", "buying interest",
                       "investment demand",
                       "net short", "dumped", "seek shelter", "safe haven", "safe-haven",
                       "piled into", "piled back into", "flight to", "flights to",
                       "risk appetite"),
     None),
    ("earnings", ("earnings", "quarterly results", "interim results", "revenue", "profit",
                  "guidance", "exceeded expectations", "beat estimates", "net income", "net loss",
                  "core loss", "sales forecast", "sales that beat", "better-than-expected results",
                  "impairment", "writedown", "write-down", "trading update", "quarterly update",
                  "trading statement"),
     # a company's sales, not a country's retail sales (macro data); a company's own outlook
     # raised or cut ("after it raised its full-year forecast")
     re.compile(r"\bresults\b(?!\s+in\b)|(?<!retail )\bsales\b|"
                r"\b(?:raised|raises|lifted|lifts|cut|cuts|"
                r"lowered|lowers|trimmed|slashed|boosted|reaffirmed|reiterated)\s+(?:its|their)\s+"
                r"(?:[\w-]+\s+){0,2}(?:forecasts?|outlook)\b")),
    ("geopolitics_trade", ("tariff", "trade deal", "trade talks", "trade war", "trade tensions",
                           "trade dispute", "trade spat", "trade row",
                           "sanction", "summit", "us-china", "u.s.-china", "sino-u.s.",
                           "export controls",
                           "export restrictions", "easing tensions", "tensions", "protests",
                           "brexit", "g7", "g20", "war in", "invasion", "conflict", "unrest",
                           "demonstrations", "riots", "coup", "geopolitical", "ceasefire",
                           "cease-fire", "truce", "peace talks", "peace deal", "retaliat",
                           "hostilities", "missile", "airstrike", "air strike", "embargo",
                           "trade agreement", "trade pact", "trade accord", "blockade", "boycott"),
     # an armed attack on a place (not "the regulator's attack on two exchanges")
     re.compile(r"\bwars?\b|\battacks? on (?:[\w'’-]+ ){0,3}(?:oil |energy )?(?:facilit|tanker|"
                r"ship|vessel|refiner|pipeline|port|infrastructure|base|cit(?:y|ies)|capital)")),
    ("government_policy", ("regulator", "regulation", "approval", "stimulus", "government",
                           "state funds", "rescue measures", "measures to", "tax cut",
                           "policy support", "election", "minister", "president", "beijing",
                           "lockdown", "emerge from lockdowns", "bailout", "policymakers",
                           "parliament", "senate", "congress", "budget", "ban on"),
     re.compile(r"\bpolic(?:y|ies)\b|national .*fund|"
                # "relaxed the liquidity requirement", "tightened capital controls"
                r"\b(?:relax|eas|tighten|scrap|lift)\w*\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}"
                r"(?:rules?|requirements?|restrictions?|curbs|limits?|controls)\b")),
    ("corporate_action", ("acqui", "merger", "buyback", "repurchase", "convertible bond",
                          "placement", "listing", "financing", "bond sale", "dividend",
                          "capital increase", "rights issue", "share issue",
                          "takeover", "tie-up", "rescued by", "to buy", "cut its stake",
                          "stake in", "spin-off", "deal to", "bought out", "buyout",
                          "buy out", "agreement to", "preliminary agreement", "stake sale",
                          "deconsolidat", "spin off", "spinoff", "share buyback"),
     re.compile(r"\bipo\b|\bmerg(?:e|es|ed|ing)\b")),
    ("macro_data", ("data", "gdp", "pmi", "cpi", "inflation figures", "jobs report", "payrolls",
                    "retail sales", "industrial production", "numbers out of", "economic",
                    "growth recovered", "global growth", "economy", "purchasing manager",
                    "home prices", "unemployment", "industrial output", "factory output",
                    "jobs numbers", "jobs data", "employment data", "jobless claims",
                    "labour market data", "labor market data", "demand growth"), None),
    ("cross_market", ("wall street", "nasdaq", "s&p 500", "treasury yields", "oil prices",
                      "oil price", "us futures", "stock futures", "us equities", "u.s. stocks",
                      "us stocks", "global stocks", "dollar", "bond yields", "gold's gains",
                      "the yen", "crude prices", "iron ore prices", "copper prices",
                      "stock markets", "gold futures", "metal price", "prices of", "commodities",
                      "european stocks", "asian stocks", "global sentiment", "energy prices",
                      "natural gas", "crude oil", "stocks elsewhere", "price of",
                      "broader market", "wider market"),
     re.compile(r"\b(?:oil|gold|copper|iron ore|metals?|crude|coal|commodity|grain|wheat|corn|"
                r"soybean) prices?\b|"
                # "found support from rising soymeal futures"
                r"\b(?:rising|falling|higher|lower|firmer|weaker|stronger|softer|surging|slumping)"
                r"\s+(?:[\w-]+\s+){0,2}(?:futures|prices|stocks|shares|yields)\b|"
                # "a weaker currency helped to limit the losses", "a strong dollar"
                r"\b(?:weak|strong|soft|firm)(?:er)?\s+(?:local\s+)?(?:currency|currencies|dollar|"
                r"greenback|yen|euro|yuan|ringgit|rupee|won|peso|rand|lira|pound|sterling)\b|\b(?:u\.s\.|us|american|european|asian|chinese|japanese|"
                r"global|regional|overseas|world)(?: [\w-]+){0,2} (?:stocks|shares|equities|"
                r"markets|peers|bourses)\b|\bmarkets in\b|"
                # "amid a slump in oil", "after a rally in Treasuries"
                r"\b(?:slump|rally|surge|drop|fall|rise|jump|plunge|sell-?off|rebound|slide) in "
                r"(?:oil|crude|gold|copper|the dollar|the yen|bonds|treasuries|equities|stocks)\b|"
                # "in line with gains in Asia", "following losses on Wall Street"
                r"\b(?:gains|losses|advances|declines|weakness|strength|rally|sell-?off) "
                r"(?:in|on|across) (?:asia|europe|the region|overseas|tokyo|hong kong|london|"
                r"new york|shanghai|frankfurt|paris|other markets)\b|"
                # another market's move: "after gold jumped 2.9% overnight"
                r"\b(?:gold|silver|oil|crude|brent|copper|bitcoin|the dollar|the yen|the euro|"
                r"treasur(?:y|ies)|yields|bonds|futures)\s+(?:prices?\s+)?(?:jumped|rose|fell|"
                r"rallied|surged|climbed|dropped|slumped|tumbled|gained|slid|advanced|declined|"
                r"soared|plunged|rebounded|weakened|strengthened)\b")),
    ("commodity_supply", ("supply", "supplies", "glut", "opec", "inventory", "inventories",
                          "output cut", "rig count", "harvest", "crop", "mines", "deficit",
                          "export demand", "oil stocks", "stocks of crude", "production cut",
                          "demand out of", "force majeure", "crop ratings", "rig count",
                          "production cuts", "shipments", "stockpiles", "weather", "output",
                          # the weather of crops and of heating demand
                          "cold snap", "cold spell", "cold front", "freeze", "frost", "heatwave",
                          "heat wave", "drought", "hurricane", "temperatures", "rainfall",
                          "el niño", "el nino", "la niña", "la nina", "dry conditions",
                          "dryness", "flooding", "floods", "industrial demand", "physical demand",
                          "fuel demand", "jewellery demand", "jewelry demand", "quota"), None),
    ("management_legal", ("lawsuit", "court", "probe", "investigation", "resign", "copyright",
                          "ruling", "fine", "settlement", "indictment", "alleg", "secretary change",
                          "commingled", "fraud", "scrutiny", "manipulation"),
     # a chief executive's change is a driver; a chief executive's comment is not
     re.compile(r"\b(?:ceo|chief executive)\b[^.;]{0,40}\b(?:resign\w*|steps? down|stepped down|"
                r"quit|fired|ousted|depart\w*|replaced)|\bnew (?:ceo|chief executive)\b")),
    ("product_technology", ("launch", "released", "unveil", "partnership",
                            "computing", "artificial intelligence", "breakthrough",
                            "order for", "electric vehicles", "self-driving", "rights",
                            "vaccine", "tests", "clinical", "app for"),
     # not a blue chip, a futures contract or a downstream market
     re.compile(r"(?<!blue )(?<!blue-)\bchips?\b|\bmodel\b|models\b|\bai\b|\bstreaming\b|"
                r"\btrials?\b|"
                r"\b(?:won|wins|win|signed|signs|awarded|secured|landed|clinched)\b[^.;]{0,40}"
                r"\bcontracts?\b|\bcontracts? (?:with|from|worth|to supply|to build)\b")),
    # investors' appetite or demand is the driver only where nothing more specific is named
    # ("buoyed by strong corporate earnings and investor appetite": the earnings)
    ("capital_flows", ("investor appetite", "appetite for", "investor demand", "haven demand",
                       "increased demand", "strong demand", "renewed demand", "higher demand"),
     None),
    # events no other type covers: an epidemic, a grid failing, an attack on systems
    ("other", ("pandemic", "coronavirus", "covid", "outbreak", "epidemic", "power cuts",
               "power outage", "blackout", "load-shedding", "load shedding", "cyberattack",
               "cyber attack", "explosion", "bombing", "blast", "terror", "earthquake",
               "debt crisis", "anxiety"), None),
)  # fmt: skip

# A causal word and the phrase it introduces, up to the next clause break.
_CAUSE = re.compile(
    # (not "the following chart", an adjective)
    r"\b(?:after|(?<!the )following|amid|due to|owing to|thanks to|because of|on the back of|"
    r"driven by|helped by|aided by|boosted by|lifted by|buoyed by|supported by|fuel(?:l)?ed by|"
    # "having been knocked by basket-selling", "bolstered by optimism"
    r"(?:bolstered|knocked|buffeted|battered|hammered|rattled|spooked|cheered|encouraged|"
    r"propped up|held back|dampened|depressed|restrained) by|"
    r"spurred by|underpinned by|weighed(?: down)? by|dragged(?: down)? by|pressured by|hit by|"
    r"hurt by|dented by|influenced by|attributable to|attributed to|on account of|coincided with|"
    # "the peso's decline reflected persistent demand for the dollar", "fell 3%, reflecting
    # worries about ..."
    r"reflect(?:ed|s|ing) (?=(?:[\w’'-]+\s+){0,3}?(?:demand|supply|worries|concerns|fears|"
    r"hopes|optimism|expectations|bets|selling|buying|inflows|outflows|data)\b)|"
    # "The main reason for this drop is the SEC's attack on two exchanges"
    r"(?:main |key |primary |chief )?reasons? (?:for|behind) (?:this|the|that) (?:[\w-]+ )?"
    r"(?:drop|fall|rise|rally|decline|gain|slump|surge|move|jump|plunge|weakness|strength)s? "
    r"(?:is|was|are|were) |"
    # "were driven today by", "was helped mainly by"
    r"(?:driven|helped|aided|boosted|lifted|buoyed|supported|fuel(?:l)?ed|spurred|underpinned|"
    r"weighed(?: down)?|dragged(?: down)?|pressured|hit|hurt|dented|triggered|sparked|caused|"
    r"prompted|bolstered|knocked|buffeted|battered|hammered|rattled|spooked|cheered|encouraged|"
    r"held back|dampened|depressed) (?:[a-z]+ly|today|mainly|partly|in part|again|also) by|"
    # "with a renewed drop in Turkey's lira dragging its peers": another market's move
    r"with (?=(?:a|an|the) (?:[\w-]+ )?(?:drop|fall|rise|rally|slump|surge|jump|decline|"
    r"sell-?off|rebound|slide) in\b)|"
    r"(?:tracking|tracked|along with)(?=\s+(?:[\w’'.-]+\s+){0,3}?(?:overnight|gains|"
    # "tracking recovery in dollar index and emergence of selling in domestic equities"
    r"losses|recovery|rebound|strength|weakness|dollar|peers|"
    r"advances|declines|rise|fall|drop|rally|slide|wall street|u\.s\.|us|global|regional|oil|gold|"
    r"copper|the dollar|the yen|yields|prices|futures|stocks|equities|markets))|in response to|"
    r"in reaction to|with relief that|despite|in spite of|on the heels of|"
    # "found support from rising soymeal futures", "benefited from rising commodity prices"
    r"(?:found|drew|got|gained|took|received) support from|benefit(?:ed|ted|ing|s)? from|"
    # "with bets the Federal Reserve will cut" (not "with expectations at 3.872 million tons")
    r"with (?=(?:bets|expectations|hopes|fears|worries|concerns|speculation|optimism)\s+"
    r"(?:that|for|on|over|about|the|a|an)\b)|"
    r"exacerbated by|compounded by|"
    r"(?:against|on) a backdrop of|in line with (?=(?:[\w’'-]+\s+){0,3}(?:risk appetite|sentiment|"
    r"gains|losses|advances|declines|markets?|peers|wall street))|"
    r"(?:triggered|sparked|caused|prompted) by|(?:under )?pressure from|ahead of|"
    r"(?<=\w )followed (?=(?:a|an|the)\s)|to (?=(?:book|lock in|take|cash in) profits)|"
    r"in the wake of|citing|cited|on the news|on reports|"
    r"with (?=(?:[\w’'-]+\s+){1,4}(?:remarking|saying|warning|announcing|signall?ing|"
    r"upgrading|downgrading)\b)|"
    # (not "closed with their prices rising": the market's own breadth)
    r"with (?!(?:its|their) )(?=(?:[\w’'-]+\s+){0,4}(?:prices?|yields?|stocks?|markets?|shares?|"
    r"futures|liquidations|"
    r"rates?)\s+(?:rising|falling|climbing|dropping|sliding|surging|hit|higher|lower|continuing|"
    r"soaring|slumping|rallying|easing|firming|weakening))|"
    # "fell 1% on a renewed strength in the US dollar", "on a drop in oil prices"
    r"on (?=(?:a |an |the )?(?:[\w-]+ )?(?:strength|weakness|rebound|recovery|rise|fall|drop|"
    r"slide|rally|surge|jump|decline|gains|losses|slump|spike|plunge) (?:in|of)\b)|"
    r"on (?=(?:worries|concerns|fears|hopes|expectations|optimism|news|reports?|data|forecasts?|"
    r"profit-taking|profit taking|supply|demand|bets|speculation|signs|relief|confidence|"
    r"strong|weak|upbeat|better|disappointing|talk|rumou?rs?|comments|remarks|the prospects?|"
    r"poor|dismal|encouraging|mixed|surprising|unexpected|lacklustre|lackluster|downbeat|"
    r"worse|solid|soft|"
    r"bargain|mounting|positive|negative|flights? to|the eve of|"
    r"the (?:[\w’'.-]+ ){0,2}(?:decision|announcement|move|plan)\b|"
    r"renewed|fresh|foreign|continued|heavy|persistent|sustained|inflows|outflows|buying|"
    r"selling|"
    # "on dollar selling by exporters", "on sustained paying pressure from banks"
    r"(?:[\w-]+\s+){1,2}(?:selling|buying|demand|pressure|inflows|outflows)\b|"
    r"(?:a |an )?(?:higher|lower|firmer|weaker|stronger|softer|rising|falling|improving|"
    r"worsening|robust|solid|grim|gloomy|bleak|production|supply|increased|reduced|"
    r"decreased|slower|faster)\b))|"
    r"(?<!as much )(?<!as well )(?<!such )(?<!so far )(?<!as far )(?<!just )(?<!as high )"
    r"(?<!as low )(?<!as little )(?<!as many )(?<!as long )(?<!as soon )as (?!(?:much|well|of|"
    # "as did the share of X", "as we continue", "as data from X shows": no driver
    r"did|do|does|is|was|were|are|we|data|"
    r"expected|for|"
    r"a result|part|high|low|many|far|long|soon|usual|such|measured|calculated|shown|seen|"
    r"noted|mentioned|reported by|per)\b))"
)
_PHRASE_END = re.compile(
    # a quote ends where its mark does, the comma inside or out: 'on supply plans," Lu said'
    r"[;:]|[\"”],\s|,[\"”]\s|\sand (?=as\s|after\s|amid\s)|"
    r",\s+(?:while|whereas|but|and|which|as|after|with|following|adding|said|"
    r"according|though|although)\b|,\s+(?:[\w-]+\s+){1,2}(?:said|says|noted|added)\b|\s(?:while|whereas|but)\s|\.[\"”’)]*\s*$|\s[-–—]\s|$"
)
# the subject of a causal verb: "Strong results from Samsung lifted the Kospi"
_CAUSAL_VERB = re.compile(
    r"\b(?:boosted|lifted|spurred|prompted|drove|drives|fuel(?:l)?ed|sparked|triggered|"
    r"weigh(?:ed|s|ing)? on|drag(?:ged|s|ging)?(?: on| down)?|dented|pressured|help(?:ed|s|ing)|"
    r"supported|buoyed|(?<!\bit )(?<!\bthey )(?<!\bwe )made|sent|pushed|reignited|ignited|"
    r"reinforced|underpin\w*|meant|intensified|amplified|rattl(?:ed|es|ing)|spook(?:ed|s|ing)|"
    r"roil(?:ed|s|ing)|(?:sent|sending|sends) shockwaves|"
    r"resulted in|causing|contribut(?:ing|ed|es|e) to(?! (?:this|the) (?:report|story|article))|"
    r"lay behind|had an impact on|led to|"
    r"leading to|unsettl(?:ed|es|ing)|spill(?:ed|s|ing) (?:over )?into|"
    # "Sustained outflows of funds restricted the rupee rise", "Profit-taking capped gains"
    r"(?:restricted|limited|capped|curbed)(?= (?:[\w'’-]+ ){0,3}?(?:rise|"
    r"gains?|losses|fall|decline|advance|rally|rebound|recovery|upside|downside)\b)|"
    # "Ideas that Russia will have to import grain were the catalyst behind the rally"
    r"(?:was|were|is|are|has been|have been) (?:the |a )?(?:main |key |big |biggest |primary |"
    r"chief |major |latest )?(?:catalyst|driver|trigger)s? (?:behind|for|of)|"
    r"play(?:ed|s)? (?:its|a|an|their|the) (?:[\w-]+ )?(?:part|role)|"
    r"(?:kept|keeps|keeping) (?=(?:[\w'’-]+ ){1,3}(?:under pressure|in check|afloat|supported|"
    r"elevated|subdued|capped|higher|lower|on the defensive)\b)|"
    # "More bad news from the property market put the pound under pressure"
    r"put (?:[\w'’-]+ ){1,4}under pressure|"
    # "Risk aversion has increased pressure on digital assets"
    r"(?:put|puts|putting|added|adds|adding|increased|increases|increasing|piled|heaped|kept|"
    r"keeps|keeping) (?:(?:further|more|fresh|renewed|extra|additional|downward|upward) )?"
    r"pressure on)\b(?!\s+by\b)"
)
_MODAL_BEFORE = re.compile(r"\b(?:could|may|might|will|would|should|can)\s+$")
_CLAUSE_START = re.compile(
    r"^|[;:]\s|,\s+(?:while|whereas|but|and|as|though|although)\s|\s(?:while|but)\s"
)
# a phrase that only says the same market moved before ("after four days of gains", "after
# opening flat", "following yesterday's strong gains") is not a driver
_ONLY_A_MOVE = re.compile(
    r"^(?:after|following|despite)\s+(?:(?:yesterday|friday|monday|tuesday|wednesday|thursday|"
    r"last week|the previous session)['’]?s?\s+)?(?:a\s+|an\s+|its\s+|their\s+|the\s+|"
    r"this\s+)?(?:strong\s+|sharp\s+|early\s+|big\s+)?(?:"
    # "after their Covid-19 pandemic era slump"
    r"(?:[\w-]+\s+){2,3}(?:gains?|losses|declines?|rally|rebound|drop|fall|slump|slide|plunge)"
    r"\b(?!\s+(?:in|on|at|of|across|for)\b)|"
    r"(?:[\w-]+\s+)?(?:gains?|losses|declines?|rally|rebound|drop|fall|"
    r"opening|falling|rising|climbing|trading|hitting|touching|reaching|surging|slumping|"
    r"days of|sessions of)\b)"
)
# "citing President Yoshio Shirai" says who said it, not what drove it
_ONLY_A_SOURCE = re.compile(r"(?:citing|cited)(?:\s+[A-Z][\w.'’-]*)+[\s,.;:]*")
_A_CONCEDED_MOVE = re.compile(r"^(?:despite|in spite of)\b")
_NEGATIVE = re.compile(
    r"\b(?:restrictions?|declin\w*|fell|fall|drop\w*|pressure\w*|weak\w*|cool(?:ed|ing)|"
    r"concerns?|worr\w*|fears?|disappoint\w*|lacklustre|lackluster|loss\w*|doubts?|tensions?|"
    r"sell-?off|rout|plung\w*|slump\w*|cuts? (?:its|their) (?:stake|outlook|forecast)|"
    r"warning|downgrade\w*|probe|investigation|crash|uncertain\w*|protests?|jeopardi\w*|"
    r"suspended|lower|slow\w*|profit-taking|took profits|cashed out|offloaded|unwound|"
    r"outflows?)\b"
)
_POSITIVE = re.compile(
    r"\b(?:optimis\w*|hopes?|strong\w*|beat\w*|upbeat|better|boost\w*|rall\w*|gains?|support\w*|"
    r"relief|rebound\w*|record|exceed\w*|raised|improv\w*|surg\w*|buoy\w*|lift\w*|welcom\w*|"
    r"upgrade\w*|breakthrough|excitement|fervor|rescue\w*|recover\w*|confidence|"
    r"bargain|buying|inflows?|stimulus|cut(?:s|ting)? rates|rate cut)\b"
)

_RISK_CUES: tuple[tuple[RiskType, tuple[str, ...], re.Pattern[str] | None], ...] = (
    ("geopolitical_trade", ("export controls", "export restrictions", "restrictions on", "tariff",
                            "sanction", "political tensions", "geopolitic", "backlash",
                            "tensions", "trade war", "brexit", "land-grab", "invasion",
                            "protests"),
     re.compile(r"\bwar\b")),
    ("monetary_rates", ("hawkish", "higher for longer", "rate hike", "hike interest rates",
                        "hike rates", "hikes can be paused", "raise interest rates",
                        "tightening", "federal reserve", "central bank's policy", "fed "),
     None),
    ("valuation", ("overvalued", "overbought", "bubble", "valuations", "valuation", "expensive",
                   "high-flyers"), None),
    ("volatility_sentiment", ("risk-off", "risk off", "kept risk in check", "pullback",
                              "correction", "negative rumors", "negative rumours", "sell-off",
                              "selloff", "profit-taking", "profit taking", "vulnerable",
                              "nervous", "on edge", "jitters", "sensitive to",
                              "short-covering", "risk sentiment", "wary", "uneasy", "jittery",
                              "bearish", "dangerous"),
     re.compile(r"volatil\w+")),
    ("macro_growth", ("slowdown", "slowing", "recession", "deflation", "weak economy",
                      "global economy",
                      "weak post-pandemic economy", "weak demand", "outlook for demand",
                      "economic growth", "health of the", "might not recover", "growth",
                      "the economy"), None),
    ("policy_regulatory", ("crackdown", "regulation", "tightening rules", "delist", "lockdown",
                           "privacy"), None),
    ("credit_liquidity", ("default", "debt crisis", "cash-strapped", "liquidity crunch",
                          "bad loans", "failure of any bank", "sovereign debt", "public debt",
                          "debt"), None),
    ("earnings_fundamental", ("competition", "margin pressure", "supply bottleneck", "shortage",
                              "weak earnings", "earnings concern", "tight supplies", "supplies",
                              "supply", "import costs", "profits"), None),
    ("fx_currency", ("depreciation", "currency weakness", "yuan weakness", "risky currency",
                     "currency"), None),
    ("event_uncertainty", ("ahead of", "before the federal reserve", "awaited", "await",
                           "remain to be seen", "remains to be seen", "hurdle", "unlikely",
                           "closely watching", "all eyes", "for clues", "whether",
                           "deciding factor", "a ways to go", "may not satisfy",
                           "looking ahead", "in focus"),
     re.compile(r"uncertaint\w+")),
)  # fmt: skip
_RISK_SIGNAL = re.compile(
    r"\b(?:risks?(?!-(?:sensitive|linked|on)\b)|concerns?|concerned|worr\w+|fears?|feared|fearful|"
    r"uncertain\w*|volatil\w+|"
    r"restrictions?|tensions?|headwinds?|cautio\w+|hurdle|threat\w*|vulnerable|"
    r"nervous|jitters|on edge|unlikely|shortage|bottlenecks?|bubble|overvalued|lofty|"
    r"jeopardi\w+|doubts?|may not|might not|(?:could|may|might) (?:hurt|weigh|pressure|derail|hit|"
    r"drag|dent|put|negatively|trigger|spark|wipe)|wary|uneasy|jittery|bearish|dangerous|"
    # a harm said to come: "could sink even further", "will hurt exports", "may go even lower"
    r"(?:could|may|might|will|would) (?:also |potentially |even |further |likely )?(?:sink|fall|"
    r"drop|slide|decline|lose|face|hurt|affect|impact|erode|tumble|plunge|slump|worsen|"
    r"go (?:even |much )?lower)|"
    r"susceptible|precarious|anxiety|anxious|panic|looming|erod(?:e|es|ing)|"
    # "the reasons behind the fall are unclear", "not the time for risky investments", "no
    # hint of a relief rally", "risk appetite remains low"
    r"unclear|risky|no hint of|not a reversal|risk appetite (?:remains?|is|was|stayed) "
    r"(?:low|weak|subdued|fragile|muted|thin)|"
    r"called into question|questions over|"
    r"austerity|failure to|would (?:also )?put pressure|negatively impact|"
    r"(?<!more )(?<!less )sensitive to|deciding factor|all eyes|closely watch\w*|for clues|"
    r"await\w*|"
    r"whether|remains? to be seen|a ways to go|limited room|"
    r"(?<!profit )(?<!earnings )(?<!after )warn\w*|"
    r"slowdown|slowing|recession|crisis|default|bad loans|correction|pullback|foresee|fragile|"
    r"struggl\w+|lingering|"
    r"in focus|looking ahead|"
    # a valuation called too high: "valuations look stretched", "frothy", "overbought"
    r"frothy|overbought|overheat\w*|(?:stretched|rich|elevated|expensive) valuations?|"
    r"valuations? (?:\w+ ){0,2}(?:stretched|rich|elevated|expensive))\b"
)
# said of a risk that has receded, or of a gauge of fear that fell: not a risk
_RISK_EASED = re.compile(
    r"\b(?:eas(?:ed|ing|es) (?:\w+ )?(?:concerns?|worries|fears?|tensions?)|allay\w* (?:\w+ )?"
    r"(?:concerns?|worries|fears?)|"
    # "removed concerns about the market outlook", "may help to reduce tensions"
    r"(?:remov|reduc|dispel|calm|sooth|defus)\w* (?:the |some |those |these )?(?:[\w-]+ )?"
    r"(?:concerns?|worries|fears?|tensions?|jitters|uncertainty)|"
    r"(?:concerns?|worries|fears?)(?: (?:[\w-]+|\([\w-]+\))){0,8} "
    r"(?:(?:have|has|had) )?(?:eased|receded|faded|abated|eases|recede)|"
    # a warning or a restriction taken away: "removed from the investment warning list",
    # "decided to lift pandemic restrictions"
    r"(?:remov\w*|lift\w*|end\w*|relax\w*|scrap\w*|loosen\w*|rolled back) (?:from )?(?:the |its |"
    r"their )?(?:[\w-]+ ){0,3}(?:warning list|watch list|restrictions|curbs|lockdowns?|"
    r"sanctions)|"
    r"risk appetite(?! (?:remains?|is|was|stayed) (?:low|weak|subdued|fragile|muted|thin))|"
    r"risk-on|"
    # a class of assets, no risk: "spurred demand for risk assets"
    r"risk(?:ier)? assets|"
    # a correction that happened is a move, not a risk: "suffered a correction of -0.2%"
    r"(?:suffer\w*|saw|posted|recorded|underw\w*|experienc\w*) (?:a |an |its |their )?"
    r"(?:[\w-]+ ){0,2}(?:correction|pullback)|(?:correction|pullback) of [+\-−]?\d|"
    r"(?:vix|fear gauge|volatility index)\b[^.;]*\b(?:fell|dropped|"
    r"declined|eased|slid|retreated|lower)|"
    # what could be alleviated is in what eased: "could alleviate 30% of the shortage"
    r"could (?:alleviate|boost|add|lift|help|support|benefit|double)\b[^.;,]*|"
    r"cautiously optimistic|(?:risk factors? )?favou?red|volatile (?:food|components|items)|"
    # a crisis left behind: "will leave the crisis behind faster", "emerged from the crisis"
    r"(?:leav\w*|left|put\w*) (?:the |its |this |that )?(?:[\w-]+ )?crisis behind|"
    r"(?:emerg\w*|recover\w*|exit\w*) (?:from )?(?:the |its |this |that )?(?:[\w-]+ ){0,2}crisis|"
    r"(?:overc[oa]m\w*|weather\w*|surviv\w*) (?:the |its |this |that )?(?:[\w-]+ ){0,2}crisis|"
    # "the volatility within the day is 91.92-92.53": a range traded, no worry
    r"volatility within the (?:day|session))\b"
)
# Compliance boilerplate that can survive cleaning inside a paragraph: never an article risk.
_GENERIC_WARNING = re.compile(
    r"investment advice|past performance|future (?:results|performance)|invest rationally|"
    r"risk tolerance|risk management|not indicative|requires? caution|carr(?:y|ies) risks?|"
    r"own research|risk (?:reminder|warning)|forward-looking statements",
)

# A line without a full stop and at most this many words is a heading (list items aside).
_HEADING_WORDS = 16
_LIST_ITEM = re.compile(r"^(?:[-*•]\s|\d{1,3}[.)]\s)")
_LEAD_IN = re.compile(r"^[\s,;:]+|[\s,;:.]+$")


def extract_chunk_catalysts(text: str, sentences: list[tuple[int, int]]) -> list[Catalyst]:
    """The catalysts of the sentences, in order. A sentence that only reports a driver's act
    ("Management also lowered its full-year guidance ...") after a catalyst of the same type
    about the same names restates that driver in detail: gold counts a restated driver once,
    and so do we. A sentence naming someone new ("Isuzu posted a net loss") is a new driver."""
    found: list[Catalyst] = []
    names_by_kind: dict[CatalystType, set[str]] = {}
    named_before: set[str] = set()  # the sentence before's names, its first word's included
    for start, end in sentences:
        sentence = text[start:end]
        named = _proper_names(sentence, with_first=True)
        # "the company" names no one: it is whoever the sentence before named ("However, a
        # weaker currency helped" names no one and refers to no one: a driver of its own)
        names = (
            _proper_names(sentence)
            or named
            or (named_before if _REFERS_BACK.search(sentence) else set())
        )
        named_before = named
        for catalyst in extract_catalysts(text, start, end):
            seen = names_by_kind.setdefault(catalyst.type, set())
            restated = (
                bool(names) and names <= seen and _is_driver_sentence(text, start, end, catalyst)
            )
            # the sentence's own subject counts as named ("CVS Health fell after ..."), so a
            # later "CVS expects ..." about it restates, not adds
            seen.update(names | named or {"·"})
            if not restated:
                found.append(catalyst)
    return found


_REFERS_BACK = re.compile(r"^\W*[Tt]he [a-z]|\b(?:[Ii]ts?|[Tt]hey|[Tt]heir|[Mm]anagement)\b")
_PROPER_NAME = re.compile(r"(?<=\s)[A-Z][\w&'’-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_FIRST_WORD = re.compile(r"^\W*([A-Z][\w&'’-]+)")
_NOT_A_NAME = frozenset({"The", "A", "An", "In", "On", "At", "But", "And", "Its", "It", "This",
                         "That", "He", "She", "They", "We", "Management", "Shares", "Monday",
                         "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                         "CEO", "Chief", "Executive", "Officer"})  # fmt: skip


def _proper_names(sentence: str, *, with_first: bool = False) -> set[str]:
    """Capitalised words after the first (or with it, unless it is an adverb like "Currently"):
    the companies, people and bodies a sentence names."""
    names = {w for w in _PROPER_NAME.findall(sentence) if w not in _NOT_A_NAME}
    first = _FIRST_WORD.match(sentence) if with_first else None
    if first and first[1] not in _NOT_A_NAME and not first[1].endswith("ly"):
        names.add(first[1])
    # "Amazon's forecast" names Amazon
    return {_POSSESSIVE.sub("", name) for name in names}


def _is_driver_sentence(text: str, start: int, end: int, catalyst: Catalyst) -> bool:
    assert catalyst.span is not None
    return (catalyst.span[1] - catalyst.span[0]) >= len(text[start:end].strip()) - 1


def extract_catalysts(text: str, start: int, end: int) -> list[Catalyst]:
    """The catalysts the sentence text[start:end] states: each causal phrase with a driver."""
    sentence = text[start:end]
    lowered = sentence.lower()
    if _GENERIC_WARNING.search(lowered) or _is_heading(text, start, end):
        return []
    found: list[Catalyst] = []
    spans = _causal_phrases(lowered) or _driver_sentence(sentence, lowered)
    for phrase_start, phrase_end in spans:
        phrase = lowered[phrase_start:phrase_end]
        if _ONLY_A_MOVE.match(phrase) and (later := _CAUSE.search(phrase, 1)) is not None:
            # "after a sharp drop the previous day on the back of weak US inflation data"
            phrase_start += later.start()
            phrase = lowered[phrase_start:phrase_end]
        if (
            _not_a_driver(phrase, lowered)
            or _ONLY_A_SOURCE.fullmatch(sentence, phrase_start, phrase_end)
            or (
                _A_ROLE.match(phrase) is not None
                and _A_ROLE_BEFORE.search(lowered, 0, phrase_start) is not None
            )
        ):
            continue
        kind = _first_kind(_CATALYST_CUES, phrase) or _untyped_driver(phrase, lowered, phrase_start)
        if kind is None or (kind == "cross_market" and _an_accompanying_move(phrase)):
            continue
        evidence_start, evidence_end = _trimmed(sentence, phrase_start, phrase_end)
        found.append(
            Catalyst(
                summary=_summary(sentence[evidence_start:evidence_end]),
                type=kind,
                impact=_impact(phrase, sentence, kind, phrase_start),
                evidence=sentence[evidence_start:evidence_end],
                span=(start + evidence_start, start + evidence_end),
            )
        )
    return found


def extract_risks(text: str, start: int, end: int) -> Risk | None:
    """The risk the sentence text[start:end] states, if it states one."""
    sentence = text[start:end]
    lowered = sentence.lower()
    if _GENERIC_WARNING.search(lowered) or _is_heading(text, start, end):
        return None
    if _RISK_SIGNAL.search(lowered) is None or not _a_risk_not_eased(lowered):
        return None
    kind = _first_kind(_RISK_CUES, lowered) or "other"
    evidence_start, evidence_end = _trimmed(sentence, 0, len(sentence))
    return Risk(
        summary=_summary(sentence),
        type=kind,
        evidence=sentence[evidence_start:evidence_end],
        span=(start + evidence_start, start + evidence_end),
    )


def _a_risk_not_eased(lowered: str) -> bool:
    """Whether a risk word stands outside what the sentence says has eased: "Fears of a
    recession eased after the data" states no risk, "Worries about tariffs eased, but
    inflation remains a concern" does."""
    eased = [m.span() for m in _RISK_EASED.finditer(lowered)]
    return not eased or any(
        not any(start <= m.start() < end for start, end in eased)
        for m in _RISK_SIGNAL.finditer(lowered)
    )


# who acts when a sentence is itself a driver: "The People's Bank of China slashed reserve
# requirements", "Beijing implemented measures", "Toyota said it expects net income to rise"
_ACTOR_ACTION = re.compile(
    r"\b(?:announc\w*|unveil\w*|implement\w*|approv\w*|launch\w*|slash\w*|cut|cuts|raised|"
    r"hiked|lowered|signal\w*|pledg\w*|vow\w*|said|says|reported|posted|expects|forecast|"
    r"forecasts|plans|agreed|reached|held|kicks off|welcomed|warned|downgraded|upgraded|"
    r"confirmed|won|filed|opened|ruled|declared|suspended|revised|revising|reiterated|"
    r"maintained|initiated|trimmed|reduced|completed|issued|cancell?ed|scrapped|postponed|"
    r"halted|withdrew|recalled|terminated|abandoned|intervened|intervenes|stepped in)\b"
)
_FUTURE_ACT = re.compile(r"\b(?:will|would|to|shall)\s+$")
_CONDITION = re.compile(r"\b(?:if|unless|could|may|might|should)\b")
_DRIVER_KINDS = frozenset({"earnings", "monetary_policy", "government_policy", "corporate_action",
                           "analyst_rating", "product_technology", "management_legal",
                           "geopolitics_trade"})  # fmt: skip
# the acts a sentence may state as a catalyst on its own, beside the moves of the sentences
# around it: a central bank's, an analyst's, a company's deal or a court's. A company's results
# or outlook, a government's or a trade measure, a product told in a sentence of their own were
# a driver of the gold in 9 of 58 (parts A-X): detail of a driver the move's own sentence
# names ("after it cut its forecast"), or news that moved nothing the text says
_STANDALONE_DRIVER_KINDS = frozenset({"monetary_policy", "analyst_rating", "corporate_action",
                                      "management_legal"})  # fmt: skip


_STATED_DRIVER = re.compile(
    r"\b(?:fears?|worries|worry|hopes?|concerns?|optimism|pessimism|sentiment|expectations?|bets?|"
    r"speculation|jitters|relief|enthusiasm|excitement|risk appetite|risk aversion|risk-off|"
    r"uncertainty|technical|"
    r"news|(?:catalyst|driver|trigger)s? (?:behind|for|of))\b"
)


_FOLLOWS_A_MARKET = re.compile(r"^(?:tracking|tracked|along with|with)\b")
# a subject that is itself a market's move: "The bounce in CBOT wheat helped underpin corn",
# "A fall in the oil price meant ...", "The gains helped the energy group advance 1%"
_A_MOVE_AS_SUBJECT = re.compile(
    r"^(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+)?(?:bounce|rally|fall|drop|rise|gains?|"
    r"losses|slump|surge|jump|decline|weakness|strength|rebound|sell-?off|slide|recovery|advance|"
    r"divergence)\b"
)
# a phrase after a causal word that reports what someone said or did: "after it said trading
# had been strong", "following a Reuters report alleging ...", "as the company announced ..."
_A_STATEMENT = re.compile(
    r"\b(?:said|says|announc\w+|unveil\w+|report(?:s|ed)?|remark\w*|comments?|statement|"
    r"disclos\w+|warned|signall?ed|news|speech|testimony|conference)\b"
)
_ANNOUNCED = re.compile(r"\b(?:announc\w+|unveil\w+|reported|disclos\w+)\b")


def _untyped_driver(phrase: str, lowered: str, start: int) -> CatalystType | None:
    """A driver no cue types: a move followed ('tracking overnight advances', 'with iron ore
    prices rising') is cross-market; a stated mood ('on fears demand will be lacklustre') is
    other; else it is no driver. A clause after "as" needs a typed cue: it is as often the
    same market's move as a cause."""
    if _FOLLOWS_A_MARKET.match(phrase) and any(
        f.realised and f.price for f in read_sentence(phrase).facts
    ):
        return "cross_market"
    if _A_MOVE_AS_SUBJECT.match(phrase):
        return "cross_market"
    if lowered.startswith(("as ", "ahead of "), start):
        return "other" if lowered.startswith("as ", start) and _ANNOUNCED.search(phrase) else None
    return "other" if _STATED_DRIVER.search(phrase) or _A_STATEMENT.search(phrase) else None


# "as investors looked past the omicron variant": what they shrugged off drove nothing
_LOOKED_PAST = re.compile(
    r"^(?:as|while|with|after)\s+(?:[\w’'-]+\s+){0,3}(?:looked past|look past|looking past|"
    r"shrugged off|shrug off|shrugging off|brushed off|brushed aside|ignored|ignoring)\b"
)
# "as CoinGlass shows $2.53 billion of liquidations": where a figure comes from
_A_SOURCE_SHOWS = re.compile(r"^as (?:[\w.’'-]+ ){1,3}show(?:s|ed)\b")


def _not_a_driver(phrase: str, lowered: str) -> bool:
    """A causal word whose phrase drove nothing: the same market's earlier move ("after four
    days of gains"), a market moving the other way ("despite a firmer rand"), or a wait that the
    sentence states as a risk ("cautious ahead of Friday's payrolls": one sentence, one item)."""
    return bool(
        _ONLY_A_MOVE.match(phrase)
        or _LOOKED_PAST.match(phrase)
        or _A_SOURCE_SHOWS.match(phrase)
        or (
            _A_CONCEDED_MOVE.match(phrase)
            and any(
                f.realised and f.price and f.direction != "flat"
                for f in read_sentence(phrase).facts
            )
        )
        or (phrase.startswith("ahead of") and _RISK_SIGNAL.search(lowered))
    )


# "as" after a verb of regarding, before a noun or an adjective (not a clause: "saw a drop as
# traders took profits"), names a role, not a cause: "Iran sees such a reallocation as a breach
# of the deal", "a sale is seen as crucial for", "would come as a major surprise", "the election
# of Joe Biden as president and"
_A_ROLE = re.compile(r"as\s+(?:an?\s|[\w-]+\s+(?:for|to|and)\b)")
_A_ROLE_BEFORE = re.compile(
    r"\b(?:sees?|saw|seen|seeing|views?|viewed|viewing|regard(?:s|ed|ing)?|consider(?:s|ed|ing)?|"
    r"describ(?:e|es|ed|ing)|interpret(?:s|ed|ing)?|treat(?:s|ed|ing)?|label(?:s|l?ed|l?ing)?|"
    r"characteri[sz](?:e|es|ed|ing)|brand(?:s|ed|ing)?|elect(?:s|ed|ion of)|appoint(?:s|ed|ment "
    r"of)|nam(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|rank(?:s|ed|ing)?|identif(?:y|ies|ied|ying)|"
    r"flag(?:s|ged|ging)?|touted|hailed|dismiss(?:es|ed|ing)?)\b(?:\s+(?!as\b)[\w'’.-]+){0,4}\s+$|"
    r"\b(?:come|comes|came|coming|serves?|served|serving)\s+$"
)


def _an_accompanying_move(phrase: str) -> bool:
    """ "..., with the 2-year yield climbing to 3.55%", "as March copper fell 12 cents": a market
    moving alongside, reported with its number, is news of its own, not the driver of this one
    (a driver is named with a causal word: "after gold jumped 2.9%", "tracking Wall Street")."""
    return phrase.startswith(("as ", "with ")) and any(
        f.realised and f.price and f.has_number for f in read_sentence(phrase).facts
    )


def _driver_sentence(sentence: str, lowered: str) -> list[tuple[int, int]]:
    """A sentence that states no price move but an act of a driver ('The People's Bank of
    China also slashed reserve requirements'): the sentence is the catalyst."""
    act = _ACTOR_ACTION.search(lowered)
    if (
        act is None
        # an act to come ("Illumina will announce its results on July 29") has not driven
        # anything yet, and an executive's own quote is comment, not an act
        or _FUTURE_ACT.search(lowered, 0, act.start())
        # "could face pressure if the central bank delays rate cuts": a condition, no act
        or _CONDITION.search(lowered, 0, act.start())
        or lowered.lstrip().startswith(("“", '"'))
        or _first_kind(_CATALYST_CUES, lowered) not in _STANDALONE_DRIVER_KINDS
    ):
        return []
    if any(f.realised and f.price and f.has_number for f in read_sentence(sentence).facts):
        return []
    return [(0, len(sentence))]


# "Dealers attributed the initial fall in the rupee to month-end dollar demand": the cause is
# what comes after "to"
_ATTRIBUTED_TO = re.compile(
    r"\b(?:attribut|ascrib|blam)(?:ed|es|ing) (?:[\w’'-]+\s+){1,8}?(?:to|on) (?!(?:be|have)\b)"
)


def _causal_phrases(lowered: str) -> list[tuple[int, int]]:
    """Spans of the phrases introduced by a causal word, and of the subjects of causal verbs."""
    spans: list[tuple[int, int]] = []
    for match in _ATTRIBUTED_TO.finditer(lowered):
        end = _phrase_end(lowered, match.end())
        if end - match.end() > 8:
            spans.append((match.end(), end))
    for match in _CAUSE.finditer(lowered):
        end = _phrase_end(lowered, match.end())
        if not lowered[: match.start()].strip(" \"“‘'("):
            # a fronted driver ends at its comma: "Following the announcement, WTI rose 1.3%"
            comma = lowered.find(", ", match.end(), end)
            end = comma if comma > 0 else end
        if end - match.start() > 12:
            spans.append((match.start(), end))
    for match in _CAUSAL_VERB.finditer(lowered):
        clause_start = _clause_start(lowered, match.start())
        end = _phrase_end(lowered, match.end())
        if (
            match.start() - clause_start > 6
            and not any(s <= clause_start < e for s, e in spans)
            # "..., with a renewed drop in the lira dragging its peers": the verb is the phrase's
            and not any(clause_start <= s < match.start() < e for s, e in spans)
            # "The report could play a key role": a driver to come has driven nothing yet
            and not _MODAL_BEFORE.search(lowered, max(0, match.start() - 12), match.start())
            # "The yen gained 5.46% in the month, which pushed its year-to-date gain to 6%": the
            # market's own move adding up, no driver
            and not _ITS_OWN_TALLY.search(lowered, max(0, match.start() - 8), match.end() + 30)
        ):
            spans.append((clause_start, end))
    spans += _acts_that_sent(lowered, spans)
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            # "after earnings beat estimates and following an upgrade": two drivers, two
            # phrases; any other causal word inside a phrase is part of it
            if lowered[max(kept[-1][0], span[0] - 5) : span[0]].endswith("and "):
                kept[-1] = (kept[-1][0], span[0] - 5)
                kept.append(span)
            continue
        kept.append(span)
    return kept


_ITS_OWN_TALLY = re.compile(
    r",\s*which\s+\w+\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:gains?|loss(?:es)?|advance|decline|"
    r"rally|tally|total|streak)\b"
)


# "Morgan Stanley downgraded the stock to underweight, sending shares down 5%": the act before
# the comma moved the price after it
_SENDING = re.compile(r",\s+(?:sending|pushing|driving|prompting|triggering|sparking)\b")


def _acts_that_sent(lowered: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for match in _SENDING.finditer(lowered):
        clause_start = _clause_start(lowered, match.start())
        act = lowered[clause_start : match.start()]
        sent = lowered[match.start() : _phrase_end(lowered, match.end())]
        if (
            not any(s <= match.start() < e for s, e in spans)
            and _first_kind(_CATALYST_CUES, act) in _DRIVER_KINDS
            # what it sent is a price ("sending its shares down 5%", not "prompting reactions")
            and any(f.realised and f.price for f in read_sentence(sent).facts)
            and not any(f.realised and f.price for f in read_sentence(act).facts)
        ):
            found.append((clause_start, match.start()))
    return found


def _clause_start(lowered: str, position: int) -> int:
    """Where the clause that holds position begins."""
    return max((m.end() for m in _CLAUSE_START.finditer(lowered, 0, position)), default=0)


def _phrase_end(lowered: str, position: int) -> int:
    """Where the phrase going on from position ends: the next clause break, or the sentence's."""
    stop = _PHRASE_END.search(lowered, position)
    return stop.start() if stop else len(lowered)


Kind = TypeVar("Kind", CatalystType, RiskType)


def _first_kind(
    cues: tuple[tuple[Kind, tuple[str, ...], re.Pattern[str] | None], ...], lowered: str
) -> Kind | None:
    """The first kind, in table order, one of whose cues the lowercased text states."""
    for kind, phrases, words in cues:
        for phrase in phrases:  # a plain loop: any() over a generator takes twice as long here
            if phrase in lowered:
                return kind
        if words is not None and words.search(lowered):
            return kind
    return None


def _impact(phrase: str, sentence: str, kind: CatalystType, phrase_start: int) -> Impact:
    """What the driver did: from its own words, else from the move of its sentence. Another
    market's move did to this one what this one did: "Copper rose on a weaker dollar" is a
    positive driver of copper, whatever "weaker" says."""
    if kind == "cross_market" and phrase_start > 0:
        led = _impact_of_moves(sentence[:phrase_start])
        if led != "neutral":
            return led
    negative, positive = _NEGATIVE.search(phrase), _POSITIVE.search(phrase)
    if negative and positive:
        return "mixed"
    if negative:
        return "negative"
    if positive:
        return "positive"
    return _impact_of_moves(sentence)


def _impact_of_moves(text: str) -> Impact:
    moves = [f for f in read_sentence(text).facts if f.realised and f.price]
    directions = {f.direction for f in moves} - {"flat"}
    if directions == {"up"}:
        return "positive"
    if directions == {"down"}:
        return "negative"
    return "mixed" if directions else "neutral"


def _is_heading(text: str, start: int, end: int) -> bool:
    """A title or section heading ("**Oracle's Giant Leap Ignites Domestic AI Rally**",
    "Three key developments drove AI momentum:"): a short line of its own that does not end
    like a sentence. It names a theme; the body states the catalyst with its context."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line != text[start:end].strip() or _LIST_ITEM.match(line):
        return False
    words = line.split()
    if not line.rstrip("*_\"'”’)").endswith(".") and len(words) <= _HEADING_WORDS:
        return True
    # a title, however long ("China’s ETF Market Kicks Off 2026 With a Bang as Tech Funds ...")
    capitalised = sum(1 for w in words if w[:1].isupper())
    return not line.endswith(".") and capitalised >= 0.6 * len(words)


def _summary(sentence: str, limit: int = 100) -> str:
    words = " ".join(sentence.replace("*", "").split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading punctuation and trailing punctuation or whitespace."""
    while start < end and (sentence[start].isspace() or sentence[start] in ",;:"):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in ",;:"):
        end -= 1
    return start, end
