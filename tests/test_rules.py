"""The rules engine on the phrasings the issues name, on what must not become a move, and on
the polarity of catalysts and risks (issue 14)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from summarizer.engines import rules
from summarizer.engines.rules import RulesEngine, summarize_text
from summarizer.errors import EngineError
from summarizer.ingest import article_from_text
from summarizer.models import Article, Chunk, ChunkSummary, Move


def moves_of(text: str) -> list[Move]:
    return summarize_text(text, 0, len(text)).moves


def brief(move: Move) -> tuple[str, str, float | None]:
    return move.instrument, move.direction, move.change_pct


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BABA-W surged over 18% today.", [("BABA-W", "up", 18.0)]),
        (
            "The ChiNext Index retreated 1% following yesterday's gains.",
            [("ChiNext Index", "down", -1.0), ("ChiNext Index", "up", None)],
        ),
        ("VeriSilicon hit the 20% daily limit.", [("VeriSilicon", "up", 20.0)]),
        ("Computing specialists like Kingsoft Cloud (+15%) led.", [("Kingsoft Cloud", "up", 15.0)]),
        (
            "The Commodity ETF (159876) gained over 3% intraday before closing up 2.29%.",
            [("Commodity ETF", "up", 3.0), ("Commodity ETF", "up", 2.29)],
        ),
        (
            "Tencent Holdings, Kuaishou-W, and Bilibili-W gained over 2%, while Xiaomi Group-W rose nearly 1%.",
            [("Tencent Holdings", "up", 2.0), ("Kuaishou-W", "up", 2.0), ("Bilibili-W", "up", 2.0),
             ("Xiaomi Group-W", "up", 1.0)],
        ),
        ("The Shanghai Composite Index ended down 0.12%.", [("Shanghai Composite Index", "down", -0.12)]),
        ("Baidu Inc. led the advance with a 16% gain.", [("Baidu Inc.", "up", 16.0)]),
        ("It came alongside Alibaba’s 7% jump.", [("Alibaba", "up", 7.0)]),
    ],
)  # fmt: skip
def test_moves_from_the_issue_phrasings(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


def test_two_moves_carry_their_basis() -> None:
    intraday, close = moves_of(
        "The Commodity ETF (159876) gained over 3% intraday before closing up 2.29%."
    )
    assert (intraday.session, intraday.qualifier, intraday.ticker) == ("intraday", "over", "159876")
    assert (close.session, close.qualifier) == ("close", "exact")
    assert intraday.kind == "etf"


@pytest.mark.parametrize(
    "text",
    [
        "Net profit was $371 million, up 22.5% year-over-year.",
        "Cloud business revenue grew 26% year-over-year.",
        "The Hong Kong tech gauge would still need to rise about 70% to revisit its record.",
        "Analysts project NVIDIA's move could alleviate 40% of the shortage.",
        "The top 10 holdings account for over 72% combined.",
        "Cumulative cathode copper production was 72,192 tons, up 15.6% year-over-year.",
        "Ping An Securities notes that amid US restrictions on advanced chip exports, demand rises.",
        "It shipped China’s first domestically made advanced processor.",
        # an inventory, a level reached and a survey are no price moves
        "Copper stocks in LME warehouses fell 2% to 120,000 tonnes.",
        "Nickel stocks in LME-approved warehouses MNISTX-TOTAL fell to 94,134 tonnes.",
        "Crude stocks swelled by 3 million barrels.",
        "Bonds maturing in March 2032 rose to as high as 0.597%.",
        "The consumer confidence index jumped 3.1 per cent in March.",
        "Germany's Ifo business climate index climbed 2.1%.",
        # a company's result ranked among peers, not a ranking of price moves
        "The company posted the largest increases in revenue among peers.",
    ],
)
def test_not_moves(text: str) -> None:
    assert moves_of(text) == []


@pytest.mark.xfail(
    strict=True,
    reason="'the stock' is named from the last company mentioned (InfiniCapital, the object of "
    "'with'), not from the subject the paragraph is about",
)
def test_the_stock_refers_to_the_paragraph_subject() -> None:
    text = (
        "Ubtech signed a strategic partnership agreement with InfiniCapital. "
        "With that backing, the company can focus on R&D. The stock rose nearly 5% today."
    )
    assert [brief(m) for m in moves_of(text)] == [("Ubtech", "up", 5.0)]


def test_performance_table_gives_one_move_per_year() -> None:
    text = "Gains of the CSI Internet Index for the past 3 years were: 2022, -23.01%; 2023, -24.74%; 2024, 23.04%."
    moves = moves_of(text)
    assert [(m.direction, m.change_pct, m.timeframe) for m in moves] == [
        ("down", -23.01, "year"), ("down", -24.74, "year"), ("up", 23.04, "year")
    ]  # fmt: skip
    assert {m.instrument for m in moves} == {"CSI Internet Index"}


def test_every_item_is_grounded_in_its_span() -> None:
    text = "Hong Kong stocks gapped up 2.15% today, lifted by rate-cut expectations after the Fed spoke."
    summary = summarize_text(text, 0, len(text))
    for item in [*summary.moves, *summary.catalysts, *summary.risks]:
        assert item.span is not None
        assert text[item.span[0] : item.span[1]] == item.evidence


def test_disclaimer_is_not_a_risk() -> None:
    text = (
        "Past performance does not predict future performance; investors must invest rationally "
        "based on their risk tolerance. Long-term chip security issues will remain subject to "
        "political tensions."
    )
    risks = summarize_text(text, 0, len(text)).risks
    assert [r.type for r in risks] == ["geopolitical_trade"]
    assert "political tensions" in risks[0].evidence


def test_catalyst_needs_a_driver_and_a_type() -> None:
    text = (
        "BABA-W's weekend earnings announcement reignited sentiment. "
        "The company was founded in 1999."
    )
    catalysts = summarize_text(text, 0, len(text)).catalysts
    assert [c.type for c in catalysts] == ["earnings"]


def test_a_heading_is_not_catalyst_evidence_but_the_body_and_list_items_are() -> None:
    text = (
        "**Chip Launch Ignites AI Rally**\n\n"
        "Three key developments drove AI momentum:\n\n"
        "- Fed rate cut expectations lifted tech\n\n"
        "The chip launch ignited a rally in AI stocks."
    )
    catalysts = summarize_text(text, 0, len(text)).catalysts
    # catalysts are phrases now (issue 14): the body's evidence ends before its full stop
    assert [c.evidence for c in catalysts] == [
        "- Fed rate cut expectations lifted tech",
        "The chip launch ignited a rally in AI stocks",
    ]


def test_a_prior_session_move_says_so() -> None:
    today, yesterday = moves_of("The ChiNext Index retreated 1% following yesterday's gains.")
    assert (today.timeframe, yesterday.timeframe) == ("unspecified", "prior_session")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On September 12, Hong Kong stocks continued their rebound.", [("Hong Kong stocks", "up", None)]),
        ("An MSCI barometer of regional stocks was nearly flat.",
         [("MSCI barometer of regional stocks", "flat", None)]),
        ("JD.com Inc. and Baidu Inc. also climbed sharply.", [("JD.com Inc.", "up", None), ("Baidu Inc.", "up", None)]),
    ],
)  # fmt: skip
def test_moves_without_a_number(text: str, expected: list[tuple[str, str, None]]) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # time words and verbs that carry a move between its subject and its words
        ("The Canadian dollar again fell against the euro.", [("Canadian dollar", "down", None)]),
        ("Kestrel Mining once again weakened.", [("Kestrel Mining", "down", None)]),
        ("The peso continued to edge lower.", [("peso", "down", None)]),
        ("Platinum began to slide.", [("Platinum", "down", None)]),
        ("Orvane Holdings has begun to recover.", [("Orvane Holdings", "up", None)]),
        ("Gilt yields pushed slightly higher.", [("Gilt yields", "up", None)]),
        ("The Swiss franc is holding steady.", [("Swiss franc", "flat", None)]),
        # a noun of the move after the verb that shows it
        ("Cocoa futures showed a slight uptick.", [("Cocoa futures", "up", None)]),
        # a group's first word is capitalised because it begins the sentence, not a name
        ("Energy companies slumped.", [("Energy companies", "down", None)]),
        ("Tech giants were under pressure.", [("Tech giants", "down", None)]),
    ],
)  # fmt: skip
def test_moves_whose_subject_stands_a_few_words_before(
    text: str, expected: list[tuple[str, str, None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Investors want the euro to fall.",  # a wish: "to" only after a verb of going on
        "Traders expect copper to keep rising.",
        "Orvane showed strong results.",  # shown, but no move
    ],
)
def test_no_move_from_a_wish_or_a_showing(text: str) -> None:
    assert moves_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Top gainers\n\nOrvane (5.1%)\nKestrel (3.2%)",
         [("Orvane", "up", 5.1), ("Kestrel", "up", 3.2)]),
        ("Biggest losers:\nZelkova (4.4%), Varno (2.0%)\nThe Varno 40 index ended 0.5% higher.",
         [("Zelkova", "down", 4.4), ("Varno", "down", 2.0), ("Varno 40 index", "up", 0.5)]),
        ("Worst performers\nKestrel Bank (1.7%)", [("Kestrel Bank", "down", 1.7)]),
        # no heading, no direction: nothing
        ("Stocks were mixed.\nOrvane (5.1%)\nKestrel (3.2%)", []),
    ],
)  # fmt: skip
def test_a_list_under_a_heading_of_its_own_moves_the_headings_way(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == [
        (name, direction, None if pct is None else (pct if direction == "up" else -pct))
        for name, direction, pct in expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number the reading leaves unnamed, in a sentence that names one instrument before it
        ("The move for Orvane follows a gain of 23.8% on Thursday.", [("Orvane", "up", 23.8)]),
        ("The rush into gold has subsided after the news, with prices down 0.16%.",
         [("gold", "down", -0.16)]),
        ("The fall leaders were Kestrel, whose holders voted to skip the dividend, which led "
         "to a collapse in quotations by more than 30%.", [("Kestrel", "down", -30.0)]),
        # not a market's breadth, a company's figure, or a name after the number
        ("Of the 1,600 stocks on the Varno exchange, 77% rose, 19% fell and 3% traded flat.", []),
        ("Kestrel said revenue rose 12%.", []),
        ("After a gain of 4%, Orvane was halted.", []),
    ],
)  # fmt: skip
def test_an_unnamed_number_is_the_one_named_instruments(
    text: str, expected: list[tuple[str, str, float]]
) -> None:
    moves = moves_of(text)
    assert [brief(m) for m in moves] == expected


def test_the_index_refers_to_the_named_index() -> None:
    text = (
        "The Hang Seng Tech Index rose 4.2%. The index has marked the 7th straight week in gains."
    )
    assert [brief(m) for m in moves_of(text)] == [
        ("Hang Seng Tech Index", "up", 4.2), ("Hang Seng Tech Index", "up", None)
    ]  # fmt: skip


def summary_of(text: str) -> ChunkSummary:
    return summarize_text(text, 0, len(text))


def test_a_correction_to_come_and_a_fearful_market_are_risks() -> None:
    assert summary_of("Analysts warned of a correction in risk assets.").risks
    assert summary_of("Kestrel Coin and other risk assets slid as investors were fearful.").risks


def test_a_risk_that_could_derail_a_rally_is_no_positive_catalyst() -> None:
    text = "Risks remain: a hawkish turn from the European Central Bank could derail the rebound."
    summary = summary_of(text)
    assert [r.type for r in summary.risks] == ["monetary_rates"]
    assert [c for c in summary.catalysts if c.impact == "positive"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The VIX dropped 6%.",
        "Wall Street's fear gauge, the VIX, fell 1.8 points to 13.2.",
        "Analysts reckon the new plant could alleviate 30% of the memory shortage.",
        "Worries about Chinese demand eased after the trade data.",
        # what an instrument is sensitive to describes it
        "The two-year yield, which is more sensitive to rate expectations, was 2 bps higher.",
        "Past performance is no guarantee of future results; investing carries risks.",
        # "stretched" is a move verb too
        "Orvane stretched its winning run to six sessions.",
        # a class of assets; a correction that happened
        "The promise of support from the central bank spurred demand for risk assets.",
        "The Varno index suffered a correction of -0.2% to stand at 61,200 points.",
    ],
)
def test_not_a_risk(text: str) -> None:
    assert summary_of(text).risks == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Investors worry that a slowdown in Europe could hurt demand for luxury goods.",
         "macro_growth"),
        ("Traders stayed cautious ahead of Friday's payrolls report.", "event_uncertainty"),
        ("Strategists warned that tech valuations look stretched after the rally.", "valuation"),
    ],
)  # fmt: skip
def test_stated_risks(text: str, kind: str) -> None:
    assert [r.type for r in summary_of(text).risks] == [kind]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The Nikkei fell 1.2% as the yen strengthened, while exporters were also hurt by new US tariffs.",
         ["cross_market", "geopolitics_trade"]),
        ("Miners rose on hopes of fresh Chinese stimulus, while banks gained after strong quarterly results.",
         ["government_policy", "earnings"]),
        ("Shares of Uber rose 4% after earnings beat estimates and following an upgrade at Jefferies.",
         ["earnings", "analyst_rating"]),
    ],
)  # fmt: skip
def test_two_drivers_give_two_catalysts(text: str, kinds: list[str]) -> None:
    assert [c.type for c in summary_of(text).catalysts] == kinds


@pytest.mark.parametrize(
    ("text", "kind", "impact"),
    [
        ("Ocado shares jumped 12% after the online grocer raised its full-year guidance.",
         "earnings", "positive"),
        ("Carmakers slid after Washington announced new tariffs on imported vehicles.",
         "geopolitics_trade", "negative"),
    ],
)  # fmt: skip
def test_catalyst_type_and_impact(text: str, kind: str, impact: str) -> None:
    assert [(c.type, c.impact) for c in summary_of(text).catalysts] == [(kind, impact)]


@pytest.mark.parametrize(
    "text",
    [
        "This article is for information only and is not investment advice; past performance "
        "is not indicative of future results.",
        "The views expressed are the author's own; do your own research before investing.",
    ],
)
def test_a_disclaimer_is_neither_catalyst_nor_risk(text: str) -> None:
    summary = summary_of(text)
    assert (summary.catalysts, summary.risks) == ([], [])


NOT_ENGLISH = {
    "fr": "La Bourse de Paris a terminé en hausse de 1,2 % mardi, portée par les valeurs "
    "bancaires et par l'espoir d'une baisse des taux de la BCE dans les prochains mois.",
    "zh": "周二沪深两市震荡走高，上证指数收涨1.2%，创业板指涨2.3%，半导体板块领涨，"
    "北向资金净买入超过50亿元。",
}
ENGLISH = (
    "European shares closed higher on Tuesday, helped by banks and by hopes that the European "
    "Central Bank will cut rates in the coming months."
)


def warnings_of(text: str) -> tuple[str, ...]:
    chunk = Chunk(index=0, start=0, end=len(text), text=text)
    result = asyncio.run(RulesEngine().summarize_chunk(chunk, Article(id="a", text=text)))
    return result.warnings


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_a_chunk_not_in_english_is_warned_about(language: str) -> None:
    (warning,) = warnings_of(NOT_ENGLISH[language])
    assert "English" in warning


def test_an_english_chunk_has_no_warning() -> None:
    assert warnings_of(ENGLISH) == ()


def test_worker_processes_give_the_same_answers_and_a_dead_worker_is_an_engine_error() -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    articles = [article_from_text(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*"))]
    chunks = [Chunk(index=0, start=0, end=len(a.text), text=a.text) for a in articles]

    async def go() -> None:
        engine = RulesEngine(workers=2)
        try:
            for _ in range(rules._CHUNKS_BEFORE_WORKERS):  # a short run stays in this process
                await engine.summarize_chunk(chunks[0], articles[0])
                assert engine._pool is None
            assert engine._ready_pool() is None  # starting: chunks still run in this process
            concurrent.futures.wait(engine._started)
            assert engine._ready_pool() is not None
            for article, chunk in zip(articles, chunks, strict=True):
                in_workers = await engine.summarize_chunk(chunk, article)
                assert in_workers.summary == summarize_text(article.text, 0, len(article.text))
            pool = engine._ready_pool()
            assert pool is not None
            for process in list(pool._processes.values()):
                process.kill()
            with pytest.raises(EngineError, match="worker process died"):
                await engine.summarize_chunk(chunks[0], articles[0])
        finally:
            await engine.aclose()

    asyncio.run(go())


def test_worker_processes_exit_when_their_parent_is_killed() -> None:
    script = textwrap.dedent(
        """
        import asyncio, concurrent.futures, os, signal
        from summarizer.engines import rules
        from summarizer.engines.rules import RulesEngine
        from summarizer.models import Article, Chunk

        async def main():
            engine = RulesEngine(workers=2)
            text = "SMIC rose nearly 5% today."
            article = Article(id="a", text=text)
            chunk = Chunk(index=0, start=0, end=len(text), text=text)
            for _ in range(rules._CHUNKS_BEFORE_WORKERS):
                await engine.summarize_chunk(chunk, article)
            engine._ready_pool()
            concurrent.futures.wait(engine._started)
            print(*engine._pool._processes, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)  # no chance to shut the pool down

        asyncio.run(main())
        """
    )
    # orphans that never exit would also hold the output pipe open: the timeout fails the test
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    workers = [int(pid) for pid in done.stdout.split()]
    assert done.returncode == -signal.SIGKILL and len(workers) == 2, done.stderr
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie that its (gone) parent never reaped is gone
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


# Catalyst phrasing beyond "after/on/amid" (issue 14), each pattern on an invented sentence.
@pytest.mark.parametrize(
    ("text", "kind", "evidence"),
    [
        ("Shares of Norvex jumped 40% after the biotech said it is being bought out by a rival.",
         "corporate_action", "after the biotech said it is being bought out by a rival"),
        ("Zinc futures climbed, which followed a rally in U.S. industrial stocks overnight.",
         "cross_market", "followed a rally in U.S. industrial stocks overnight"),
        # an abbreviation's full stop does not end the phrase
        ("Palm oil slipped as the U.S. dollar firmed against major currencies.",
         "cross_market", "as the U.S. dollar firmed against major currencies"),
        ("The bounce in Brent helped underpin energy shares.",
         "cross_market", "The bounce in Brent helped underpin energy shares"),
        ("Traders sold miners to lock in profits before the holiday, dealers said.",
         "capital_flows", "to lock in profits before the holiday"),
        ("Casino stocks sank following a newspaper report alleging lapses at two operators.",
         "management_legal", "following a newspaper report alleging lapses at two operators"),
        ("Banks edged higher ahead of the central bank's interest-rate decision on Thursday.",
         "monetary_policy", "ahead of the central bank's interest-rate decision on Thursday"),
        ("The peso firmed on talk of central bank intervention.",
         "monetary_policy", "on talk of central bank intervention"),
        ("Soybeans fell, pressured by the expanding harvest of a record crop.",
         "commodity_supply", "pressured by the expanding harvest of a record crop"),
        ("Chief executive Jane Roe resigned, the company said.",
         "management_legal", "Chief executive Jane Roe resigned, the company said."),
        # an adverb inside "driven by"; the cause after a phrase that only says it moved before
        ("The rand's slide was driven largely by a ratings downgrade of state utilities.",
         "analyst_rating", "driven largely by a ratings downgrade of state utilities"),
        ("Gilts firmed after a sharp fall on Monday on the back of soft UK inflation data.",
         "macro_data", "on the back of soft UK inflation data"),
        # a subject that played its part, or led to a move; another market's move after "with"
        ("The steep drop in Paris also played its part.",
         "cross_market", "The steep drop in Paris also played its part"),
        ("The decision to scrap the dividend led to heavy selling in Norvex.",
         "corporate_action", "The decision to scrap the dividend led to heavy selling in Norvex"),
        ("Asian currencies slipped, with a fresh slide in the won dragging its peers lower.",
         "cross_market", "with a fresh slide in the won dragging its peers lower"),
        ("Palm oil fell, though a weaker ringgit helped to limit the losses.",
         "cross_market", "a weaker ringgit helped to limit the losses"),
        # drivers the cues now know: selling, scrutiny, a budget, news
        ("The Varno index slipped on the back of local sell-offs.",
         "capital_flows", "on the back of local sell-offs"),
        ("Kestrel Coin sank 9% amid growing scrutiny of its backers.",
         "management_legal", "amid growing scrutiny of its backers"),
        ("The loonie held steady ahead of the federal budget.",
         "government_policy", "ahead of the federal budget"),
        ("Orvane drifted lower on news that insiders had been selling shares.",
         "other", "on news that insiders had been selling shares"),
        # a phrase ends at ", though"; "in spite of"; support found from another market
        ("Kestrel losses followed a below-forecast jobs report, though the data did little else.",
         "macro_data", "followed a below-forecast jobs report"),
        ("The rand rose in spite of the Reserve Bank's decision to hold interest rates.",
         "monetary_policy", "in spite of the Reserve Bank's decision to hold interest rates"),
        ("The wheat market found support from rising corn futures.",
         "cross_market", "found support from rising corn futures"),
        ("Bunds rallied after a strong auction.", "capital_flows", "after a strong auction"),
        ("Equities rose with bets the central bank will cut interest rates.",
         "monetary_policy", "with bets the central bank will cut interest rates"),
        ("Weak housing data put the pound under pressure.",
         "macro_data", "Weak housing data put the pound under pressure"),
        # a fronted driver ends at its comma; a contract won is a product, a driver after "on"
        ("After the Varno announcement, Kestrel crude rose 1.3 percent to $44.59 a barrel.",
         "other", "After the Varno announcement"),
        ("Orvane jumped 6% after it won a contract to build frigates for the Kestrel navy.",
         "product_technology", "after it won a contract to build frigates for the Kestrel navy"),
        ("Vordan stocks rallied on bargain buying.", "capital_flows", "on bargain buying"),
        ("Halvard oil slid on a production glut in the region.",
         "commodity_supply", "on a production glut in the region"),
        ("The krona eased on mounting concern over the housing market.",
         "other", "on mounting concern over the housing market"),
        # a cause after "attributed ... to", "blamed ... on", "on account of", "coincided
        # with", a move "reflecting" a driver, who sold or bought
        ("Dealers attributed the early fall in the krona to month-end dollar demand.",
         "cross_market", "month-end dollar demand"),
        ("Traders blamed the slide on weak Vordan trade data.",
         "macro_data", "on weak Vordan trade data"),
        ("The Halvard dollar firmed on account of upbeat factory data.",
         "macro_data", "on account of upbeat factory data"),
        ("The drop in Kestrel Coin coincided with heavy outflows from its funds.",
         "capital_flows", "coincided with heavy outflows from its funds"),
        ("The Varno index fell 3%, reflecting worries about slowing retail sales.",
         "macro_data", "reflecting worries about slowing retail sales"),
        ("The krona rose 4 ore on dollar selling by exporters.",
         "capital_flows", "on dollar selling by exporters"),
        # "as" after a verb of regarding before a clause is a cause
        ("Kestrel Coin saw a drop as traders took profits.",
         "capital_flows", "as traders took profits"),
        # a subject that capped a move, unsettled a market, spilled into another
        ("Sustained outflows of funds restricted the krona's rise.",
         "capital_flows", "Sustained outflows of funds restricted the krona's rise"),
        ("Worries about the central bank's independence have unsettled markets.",
         "monetary_policy", "Worries about the central bank's independence have unsettled markets"),
        ("The gilt sell-off spilled into Vordan currency markets.",
         "cross_market", "The gilt sell-off spilled into Vordan currency markets"),
        # a quote ends where its mark does, the comma inside it
        ("“Kestrel crude fell on worries about demand,” said Jane Doe, an analyst at Orvane.",
         "other", "on worries about demand"),
        # passive verbs of a blow or a prop; a move "tracked"; "on" a move in another market;
        # an embargo, an attack, a trade agreement, a war; a speech or a conference
        ("The Varno bourse was weaker, having been knocked by basket-selling by futures players.",
         "capital_flows", "knocked by basket-selling by futures players"),
        ("The Kestrel index rose, bolstered by optimism surrounding a trade agreement with Varno.",
         "geopolitics_trade",
         "bolstered by optimism surrounding a trade agreement with Varno"),
        ("The krona closed lower, tracking a recovery in the dollar index.",
         "cross_market", "tracking a recovery in the dollar index"),
        ("Halvard gold fell 1% on a renewed strength in the US dollar.",
         "cross_market", "on a renewed strength in the US dollar"),
        ("Halvard crude jumped 7% after an attack on Vordan oil facilities.",
         "geopolitics_trade", "after an attack on Vordan oil facilities"),
        ("Kestrel Coin rallied following a major industry conference and a founder's speech.",
         "other", "following a major industry conference and a founder's speech"),
        ("Halvard wheat rose amid the war in the region.",
         "geopolitics_trade", "amid the war in the region"),
    ],
)  # fmt: skip
def test_catalyst_phrasings(text: str, kind: str, evidence: str) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == [(kind, evidence)]


@pytest.mark.parametrize(
    "text",
    [
        "Vantor will announce its quarterly results on July 29.",  # an act to come
        "“We are disappointed with our results,” the chief executive said.",  # comment
        "The CEO said he was pleased with the quarter.",
        "Bursa Malaysia closed lower ahead of the long weekend.",  # no driver named
        # a quoted analyst is no rating; "just as" and "as measured by" are no cause
        "The swings in oil are a technical reaction, said Jane Roe, a senior analyst at Varno.",
        "Norvex slid 3.1%, just as Orvane grew 0.9%.",
        "As measured by Kestrel, the peso gained 0.16 percent.",
        # a driver to come
        "The jobs report could play a key role in the central bank's next move.",
        # a topic, a source, a market moving the other way, the same market's sibling moving
        "As for the other metals, Kestrel silver fell 0.5 percent to $25.17 an ounce.",
        "As far as the US market is concerned, the Varno index edged 1.31% lower.",
        "Halvard Motors rose 4%, citing President Jane Roe.",
        "The Orvane index climbed 2% despite a firmer krona.",
        "Vordan bonds slipped, with the 2-year yield climbing 4 basis points to 3.55%.",
        "Kestrel copper rose as March copper fell 12 cents to $2.97 a pound.",
        # a blue chip, a futures contract and a downstream market are no products
        "The Varno index fell as more than half of its blue chip stocks lost ground.",
        "Wheat rose after the April contract rallied 1.4% on Friday.",
        "Orvane gas prices jumped after upstream and downstream restrictions.",
        # "the following chart"; a market's own breadth
        "The following chart shows the performance of Varno bond yields over the month.",
        "Of the Kestrel index's 50 stocks, 14 closed with their prices rising, 36 had losses.",
        # a market's own move adding up
        "The krona gained 5.4% against the dollar in the month, which pushed its year-to-date "
        "gain to just over 6 percent.",
        # "as" naming a role after a verb of regarding
        "Halvard sees such a quota reallocation as a breach of the OPEC deal.",
        "Any tweak to the guidance would come as a major surprise to the central bank.",
        "A chip division sale is seen as crucial for the merger with Orvane.",
        # a byline; a blame said of no cause; a market that erased its own gains
        "Jane Roe and John Doe contributed to this report.",
        "The company attributed the loss to be temporary.",
        "Kestrel Coin has largely erased the gains it made since the election.",
    ],
)
def test_not_a_catalyst(text: str) -> None:
    assert summary_of(text).catalysts == []


def test_a_waiting_market_is_a_risk_and_not_also_a_catalyst() -> None:
    summary = summary_of("Traders stayed cautious ahead of Friday's payrolls report.")
    assert ([r.type for r in summary.risks], summary.catalysts) == (["event_uncertainty"], [])


def test_another_markets_move_drives_in_the_direction_of_the_move_it_explains() -> None:
    (catalyst,) = summary_of("Copper rose 1% on a weaker dollar, a trader said.").catalysts
    assert (catalyst.type, catalyst.impact) == ("cross_market", "positive")


def test_a_company_named_first_or_with_a_possessive_is_the_same_driver_restated() -> None:
    text = (
        "Vantor Health slid 12% after the pharmacy chain's quarterly earnings missed estimates. "
        "Vantor expects adjusted earnings of at least $7 a share, down from $8.30. "
        "Vantor’s revenue forecast was also below the consensus estimate."
    )
    assert [c.evidence for c in summary_of(text).catalysts] == [
        "after the pharmacy chain's quarterly earnings missed estimates"
    ]


def test_a_sentence_that_names_no_one_and_refers_to_no_one_is_a_driver_of_its_own() -> None:
    text = (
        "Kestrel palm oil fell as the Varno Exchange saw a decline in soyoil prices. "
        "However, a weaker ringgit helped to limit the losses."
    )
    assert [c.evidence for c in summary_of(text).catalysts][-1] == (
        "However, a weaker ringgit helped to limit the losses"
    )


def test_a_driver_restated_in_detail_is_one_catalyst_and_results_alone_drive_nothing() -> None:
    # a company's results, outlook or product told in a sentence of their own are detail of a
    # driver the move's sentence names, or news that moved nothing the text says (of 58 such
    # sentences in parts A-X, 9 were a catalyst of the gold); a central bank's act, an
    # analyst's or a deal alone are
    text = (
        "Shares of Vantor slid 18% after the company released weak quarterly results. "
        "Management also lowered its full-year revenue guidance to $40 million. "
        "Rival Keplan said its quarterly sales rose 9%. "
        "Separately, the central bank cut its key rate by 50 basis points."
    )
    assert [c.evidence for c in summary_of(text).catalysts] == [
        "after the company released weak quarterly results",
        "Separately, the central bank cut its key rate by 50 basis points.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dealers remained wary of further losses in the currency.",
        "Investors are jittery about the election.",
        "Failure to hold the 1,800 level may trigger another sell-off.",
        # a valuation called too high, with no word of worry
        "Valuations look stretched after the recent run-up, strategists said.",
        "The Orvane index looks overbought after a 20% rally.",
        "Kestrel trades at rich valuations compared with its peers.",
    ],
)
def test_more_stated_risks(text: str) -> None:
    assert len(summary_of(text).risks) == 1


def test_a_group_without_a_number_is_not_folded_into_one_members_move() -> None:
    moves = summary_of("Banks gained ground on Tuesday. Bank of Kestrel rose 1.8%.").moves
    assert [(m.instrument, m.change_pct) for m in moves] == [
        ("Banks", None),
        ("Bank of Kestrel", 1.8),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gross domestic product grew 4.6 percent in the third quarter.",
        "YoY, core prices were up 6.0%, above forecasts.",
        # MarketWatch's inline quote box beside a name is page furniture
        "Shares of Norvex Inc. NVX, +249.19% soared after the buyout.",
        # a level reached, even with a sign
        "Germany's 10-year yield spiked to -0.26%.",
    ],
)
def test_no_percent_move(text: str) -> None:
    assert [m.change_pct for m in summary_of(text).moves if m.change_pct is not None] == []


def test_a_list_of_places_after_in_is_the_object_of_the_index_before_it() -> None:
    text = (
        "The MSCI BRIC Index fell. The benchmark index of shares in Brazil, Russia, China and "
        "India slipped 1.3 percent to 258.78."
    )
    assert [(m.instrument, m.change_pct) for m in summary_of(text).moves] == [
        ("MSCI BRIC Index", -1.3)
    ]


def test_owing_to_introduces_a_driver_and_a_pronouns_made_is_no_cause() -> None:
    (catalyst,) = summary_of(
        "Hong Kong stocks fell 1% owing to weak Chinese factory data."
    ).catalysts
    assert (catalyst.type, catalyst.evidence) == (
        "macro_data", "owing to weak Chinese factory data"
    )  # fmt: skip
    assert (
        summary_of("Bitcoin has largely erased the gains it made since the election.").catalysts
        == []
    )


def test_a_price_index_of_the_economy_is_no_instrument() -> None:
    text = "In Switzerland, the consumer price index declined 0.3% in September."
    assert summary_of(text).moves == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead about the whole market, no place named, restates the benchmark's numbered move
        ("Stock markets closed lower on Thursday. The DAX fell 1.2% and the CAC 40 lost 0.8%.",
         [("DAX", -1.2), ("CAC 40", -0.8)]),
        # a commodity or a currency is no lead
        ("Crude oil prices plunged. The DAX fell 1.2%.",
         [("Crude oil prices", None), ("DAX", -1.2)]),
    ],
)  # fmt: skip
def test_a_general_lead_is_the_benchmarks_move(
    text: str, expected: list[tuple[str, float | None]]
) -> None:
    assert [(m.instrument, m.change_pct) for m in summary_of(text).moves] == expected


def test_a_price_index_of_consumption_is_an_economic_figure() -> None:
    text = "The Personal Consumption Expenditures (PCE) Price Index rose 0.3% in September."
    assert summary_of(text).moves == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spelled amount of money is a number: the move is the stock's
        ("Telstra lost two cents to $4.10.", [("Telstra", "down", None)]),
        # a relative clause or an appositive between the subject and its verb
        ("Sony, of which the fund owns a tenth, softened in Tokyo trade.",
         [("Sony", "down", None)]),
        ("Wistron Corp., another server maker, ended unchanged.",
         [("Wistron Corp.", "flat", None)]),
        # a bar or bullion is the metal's own name
        ("The price of Indian silver bar remained steady.", [("Indian silver bar", "flat", None)]),
        # the session's low is no restatement of the close
        ("The pound dropped as low as $1.25 before closing 0.3% lower.",
         [("pound", "down", None), ("pound", "down", -0.3)]),
    ],
)  # fmt: skip
def test_direction_only_moves_wire_copy_states(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    moves = summary_of(text).moves
    assert [(m.instrument, m.direction, m.change_pct) for m in moves] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs the reading knows must pass its quick test for a move first
        ("Shares of Moderna plummeted in early trading.", [("Moderna", "down")]),
        ("The yen has strengthened in recent sessions.", [("yen", "up")]),
        ("Oats have been rising since late May.", [("Oats", "up")]),
        # how much, between the verb and its direction
        ("In Paris, stocks traded mostly lower.", [("stocks", "down")]),
        ("The Kospi closed sharply higher.", [("Kospi", "up")]),
        # groups named by what their companies make
        ("Homebuilders were the top performers.", [("Homebuilders", "up")]),
    ],
)  # fmt: skip
def test_direction_words_the_quick_test_lets_through(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.instrument, m.direction) for m in summary_of(text).moves] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another market's move is a driver; the same market's earlier move is not
        ("Silver miners rallied after silver jumped 4% overnight.",
         [("cross_market", "after silver jumped 4% overnight")]),
        ("Stocks fell after rising 2% last week.", []),
        # flows after 'on'
        ("Seoul shares rose on renewed foreign inflows.",
         [("capital_flows", "on renewed foreign inflows")]),
        # unrest is geopolitics
        ("Bangkok stocks fell after a weekend of unrest.",
         [("geopolitics_trade", "after a weekend of unrest")]),
    ],
)  # fmt: skip
def test_drivers_from_other_markets_flows_and_unrest(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb between the verb and the direction word
        ("March wheat is slightly lower.", [("March wheat", "down")]),
        # an aside between the subject and its verb
        ("AMD shares, for example, rose for a fifth day.", [("AMD", "up"), ("AMD", "up")]),
        # when, between the subject and its verb; spelled paise are a change
        ("The rupee today closed weaker by six paise.", [("rupee", "down")]),
        # grain shorthand and fractions of a cent
        ("May beans gained 2 ¾ cents.", [("May beans", "up")]),
    ],
)  # fmt: skip
def test_wire_copy_asides_adverbs_and_cents(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.instrument, m.direction) for m in summary_of(text).moves] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milan stocks rose against a backdrop of improving macro data.",
         [("macro_data", "against a backdrop of improving macro data")]),
        ("The bourse fell as investors dumped equities to seek shelter in bonds.",
         [("capital_flows", "as investors dumped equities to seek shelter in bonds")]),
        ("The slide was exacerbated by a stronger dollar.",
         [("cross_market", "exacerbated by a stronger dollar")]),
    ],
)  # fmt: skip
def test_more_causal_phrases(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a broker's rating cut, said without "downgrade"
        ("Kestrel Bank fell 3% after Orrin Securities cut its rating to underweight.",
         [("analyst_rating", "after Orrin Securities cut its rating to underweight")]),
        ("Velora rose after Tallis Capital raised its price target on the stock.",
         [("analyst_rating", "after Tallis Capital raised its price target on the stock")]),
        # a merger in any form, but not whatever "emerged"
        ("Orvane Motors rose 5% on reports that it was in talks to merge with a rival.",
         [("corporate_action", "on reports that it was in talks to merge with a rival")]),
        ("The dollar slipped as buyers emerged for the euro.", []),
        # a country's retail sales are economic data, a company's sales are its earnings
        ("The Sensex dropped 1% as weak retail sales data dampened sentiment.",
         [("macro_data", "as weak retail sales data dampened sentiment")]),
        ("Oil fell 2% after Saudi Arabia said it would raise output.",
         [("commodity_supply", "after Saudi Arabia said it would raise output")]),
        ("Natural gas prices spiked 8% on forecasts of colder weather.",
         [("commodity_supply", "on forecasts of colder weather")]),
    ],
)  # fmt: skip
def test_rating_cuts_mergers_output_and_forecasts(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == expected


@pytest.mark.parametrize(
    ("text", "risks"),
    [
        # every risk word is in what eased
        ("Fears of a recession eased after the data, and the index rose 1%.", 0),
        ("Risk factors favoured the rand on the day.", 0),
        # a risk word outside what eased is a risk
        ("Worries about tariffs eased, but inflation remains a concern for the Fed.", 1),
    ],
)
def test_a_risk_that_eased_is_no_risk_and_one_that_did_not_is(text: str, risks: int) -> None:
    assert len(summary_of(text).risks) == risks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pressure put on something by the subject
        ("Increased risk aversion has increased pressure on digital assets.",
         [("other", "Increased risk aversion has increased pressure on digital assets")]),
        # funds buying, and a broker's 'sell' issued
        ("The run-up has been driven by fund buying.",
         [("capital_flows", "driven by fund buying")]),
        ("Analysts at Orrin immediately issued a 'sell' on the company.",
         [("analyst_rating", "Analysts at Orrin immediately issued a 'sell' on the company.")]),
    ],
)  # fmt: skip
def test_pressure_put_fund_buying_and_issued_ratings(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == expected


@pytest.mark.parametrize(
    ("text", "risks"),
    [
        # a harm said to come, and words of a fragile or threatened state
        ("Orvane could sink even further if support at 100 breaks.", 1),
        ("A weak yen will hurt Orvanian exporters.", 1),
        ("Prices may go even lower, dealers said.", 1),
        ("Orvane is susceptible to further downgrades.", 1),
        ("The lack of information exacerbated anxiety among traders.", 1),
        ("Legal action is now looming against the founders.", 1),
        ("The bank's independence has been called into question.", 1),
        # a gain said to come is no risk
        ("Orvane could rise 20% next year, analysts said.", 0),
    ],
)
def test_harms_to_come_and_fragile_states_are_risks(text: str, risks: int) -> None:
    assert len(summary_of(text).risks) == risks


@pytest.mark.parametrize(
    "text",
    [
        "Orvane jumped 9% after it raised its full-year forecast.",
        "Kestrel fell 6% after the company cut its annual sales outlook.",
        "Tallis slid after it took a $2 billion writedown on its mines.",
    ],
)
def test_a_companys_own_outlook_changed_or_a_writedown_is_an_earnings_driver(text: str) -> None:
    assert [c.type for c in summary_of(text).catalysts] == ["earnings"]


@pytest.mark.parametrize(
    "text",
    [
        "In currencies, the risk-sensitive Australian dollar slipped 0.4%.",
        "The silver closed at $25.90; the volatility within the day is $25.01-$26.11.",
    ],
)
def test_a_risk_word_in_an_adjective_or_a_days_range_is_no_risk(text: str) -> None:
    assert summary_of(text).risks == []


@pytest.mark.parametrize(
    "text",
    [
        # a comparison, the writer's 'we', and where a figure comes from are no drivers
        "Orvane rose 2%, as did the shares of Kestrel Mining.",
        "Oil slipped 1% as we continue the dance to rebalance supply and demand.",
        "Bitcoin fell 5% as data from Orrin Analytics shows heavy liquidations.",
        "Crypto prices slid as CoinGlass shows $2.5 billion of liquidations.",
    ],
)
def test_as_did_as_we_and_as_a_source_shows_are_no_catalysts(text: str) -> None:
    assert summary_of(text).catalysts == []


@pytest.mark.parametrize(
    ("text", "risks"),
    [
        ("Risk appetite remains low after the sell-off.", 1),
        ("The reasons behind the latest fall are unclear.", 1),
        ("It is currently not the time for risky investments, participants said.", 1),
        ("Traders see no hint of a relief rally coming so far.", 1),
        ("The rebound is a short-term bounce and not a reversal of the bigger trend.", 1),
        # a risk appetite that improved is no risk
        ("Risk appetite improved as stocks rallied.", 0),
    ],
)
def test_doubt_and_a_weak_risk_appetite_are_risks(text: str, risks: int) -> None:
    assert len(summary_of(text).risks) == risks


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Meanwhile, Kestrel Air cancelled its planned merger with Varno Air.", "corporate_action"),
        ("Kestrel Air fell 3% after it cancelled an order for 70 long-range jets.",
         "product_technology"),
        ("The company postponed its listing.", "corporate_action"),
    ],
)  # fmt: skip
def test_a_cancelled_or_postponed_act_is_a_driver(text: str, kind: str) -> None:
    assert [c.type for c in summary_of(text).catalysts] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a commodity, two of them or an industry written with "&", before the word for its
        # companies: the producers' move, never the commodity's
        ("Copper stocks rose 2%.", [("Copper stocks", "sector", 2.0)]),
        ("Oil producers fell 1.4%.", [("Oil producers", "sector", -1.4)]),
        ("Gold and silver miners rose 3%.", [("Gold and silver miners", "sector", 3.0)]),
        ("The oil and gas sector fell 2%, while banks rose 1%.",
         [("oil and gas sector", "sector", -2.0), ("banks", "sector", 1.0)]),
        ("Travel & leisure stocks rose 2.1%, and food & beverage shares slipped 0.3%.",
         [("Travel & leisure stocks", "sector", 2.1), ("food & beverage shares", "sector", -0.3)]),
        ("Oil&Gas stocks closed 1.50% lower.", [("Oil&Gas stocks", "sector", -1.5)]),
        ("The Oil & Gas index fell 2%.", [("Oil & Gas index", "index", -2.0)]),
        # describing the company named after it
        ("Oil & gas major Orvane fell 2%.", [("Orvane", "stock", -2.0)]),
        # two commodities' prices are two moves
        ("Oil and gold prices rose 1%.", [("Oil", "commodity", 1.0), ("gold prices", "commodity", 1.0)]),
        # a country's market by its adjective
        ("The Qatari benchmark gained 0.8 per cent, while the Kuwaiti index fell 0.3 per cent.",
         [("Qatari benchmark", "index", 0.8), ("Kuwaiti index", "index", -0.3)]),
        ("The Saudi benchmark rose 1.1%, and the Emirati market slipped 0.2%.",
         [("Saudi benchmark", "index", 1.1), ("Emirati market", "index", -0.2)]),
        ("Omani stocks rose 0.4%.", [("Omani stocks", "sector", 0.4)]),
        # a bare sector with an aside between it and its verb
        ("Banks rose 1.2% and energy, including oil producers and pipelines, fell 2.1%.",
         [("Banks", "sector", 1.2), ("energy", "sector", -2.1)]),
        # a clause opened by its verb under a name
        ("Kestrel Bank: Registering a gain of 1.11 percent, the shares rose to Rs 760.20",
         [("Kestrel Bank", "stock", 1.11)]),
        ("Orvane: Recording a loss of 2.3 percent, the shares ended at Rs 135.40",
         [("Orvane", "stock", -2.3)]),
        # a list with Zacks-style codes, and names listed before "which ... respectively"
        ("Varno Chip ETF(VCH – Free Report), Tarlo Chips ETF (TCP  – Free Report) and Kestrel "
         "Semis ETF (KSE – Free Report) tumbled nearly 7% each.",
         [("Varno Chip ETF", "etf", -7.0), ("Tarlo Chips ETF", "etf", -7.0),
          ("Kestrel Semis ETF", "etf", -7.0)]),
        ("The biggest drops were in shares of Orvane (ORV) and Kestrel (KST), which fell 5% and "
         "4%, respectively.", [("Orvane", "stock", -5.0), ("Kestrel", "stock", -4.0)]),
    ],
)  # fmt: skip
def test_groups_and_places_are_named_by_their_words(
    text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert [(m.instrument, m.kind, m.change_pct) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ranking the names hold, with "the" and a superlative
        ("Orvane, Kestrel and Tellus concentrated the most notable declines.",
         [("Orvane", "down", None), ("Kestrel", "down", None), ("Tellus", "down", None)]),
        ("Orvane and Kestrel posted the biggest losses, while Tellus led the gains.",
         [("Orvane", "down", None), ("Kestrel", "down", None), ("Tellus", "up", None)]),
        # the number after "boosted by a" is the cause's, here a stock's
        ("The Varno index added 0.6 per cent, boosted by a 5.8 per cent leapfrog in developer "
         "Orvane Co., while Kestrel rose 0.3 per cent.",
         [("Varno index", "up", 0.6), ("Orvane Co.", "up", 5.8), ("Kestrel", "up", 0.3)]),
    ],
)  # fmt: skip
def test_rankings_and_causes_name_their_own_moves(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # idioms of a fall and of a streak
        ("Semiconductor stocks took a huge beating on Wednesday.",
         [("Semiconductor stocks", "down", None)]),
        ("The Varno index succumbed to its fourth losing session in five.",
         [("Varno index", "down", None)]),
        ("Gold posted its fifth winning session.", [("Gold", "up", None)]),
        ("The rally came on a strong pick-up in crude oil prices.",
         [("crude oil prices", "up", None)]),
        # "shares of" names the company after it
        ("The sector saw a 5% drop in shares of Orvane.", [("Orvane", "down", -5.0)]),
        # a share of a group is breadth, not the group's move
        ("Most of the chipmakers fell more than 10%, with Orvane down 12%.",
         [("Orvane", "down", -12.0)]),
        # words of saying: "added that" is no rise; the names after "that" are the subject,
        # also inside a relative clause; an opening quote mark stands between them and the verb
        ("The expert, who added that Orvane, Kestrel and Tellus “concentrated the most notable "
         "declines,” left early.",
         [("Orvane", "down", None), ("Kestrel", "down", None), ("Tellus", "down", None)]),
        # a person is named with a job, and is no instrument
        ("Maria Lopez, director of research at Tellus Securities, said the gain for the year is "
         "now 4.4%.", []),
        ("Kestrel, an analyst favourite, rose 3%.", [("Kestrel", "up", 3.0)]),
    ],
)  # fmt: skip
def test_idioms_owners_breadth_and_people(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The index slipped on poor jobs numbers from Europe.", "macro_data"),
        ("Orvane fell 4% after a disappointing quarterly update.", "earnings"),
        ("Stocks fell amid a sell-off in the broader markets.", "cross_market"),
    ],
)
def test_jobs_numbers_updates_and_the_broader_market_are_drivers(text: str, kind: str) -> None:
    assert [c.type for c in summary_of(text).catalysts] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # a worry said to have eased, a warning or restriction taken away: no risk
        '"On the index, concerns about overvaluation in artificial intelligence (AI) have eased, '
        'concentrating foreign inflows into chip stocks," he said.',
        "Orvane rose 4.2% after being removed from the investment warning list that day.",
    ],
)
def test_a_worry_eased_or_a_warning_lifted_is_no_risk(text: str) -> None:
    assert summary_of(text).risks == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # off a high is down, off a low is up ("edged" alone reads as a rise)
        ("The franc edged off recent two-month highs on Wednesday.", [("franc", "down", None)]),
        ("The Varno index came off its lows in late trade.", [("Varno index", "up", None)]),
        # a result over a named period, held or in prospect
        ("Spot platinum was set for a third straight weekly loss.", [("Spot platinum", "down", None)]),
        ("Palladium headed for its biggest monthly gain since 2020.", [("Palladium", "up", None)]),
        ("Cocoa posted a weekly decline.", [("Cocoa", "down", None)]),
        # a streak the day's move caps, extends or snaps is the sessions before it
        ("The peso rose 0.3%, capping a four-session win streak against the dollar.",
         [("peso", "up", 0.3), ("peso", "up", None)]),
        ("The Kestrel index fell sharply on Monday, snapping a five-day winning streak.",
         [("Kestrel index", "down", None), ("Kestrel index", "up", None)]),
        # a place or delivery month between the name and its relative clause, and a clause that
        # speaks of the future says nothing of the move after it
        ("Cocoa futures for March, which will soon become the front month, lost 40 dollars, or "
         "0.5%.", [("Cocoa futures", "down", -0.5)]),
        ("The Orvane contract in London, which expires in May, rose 1.1%.", [("Orvane", "up", 1.1)]),
        # a settlement with a change in dollars, a thousands comma, a currency code or a fraction
        ("March cocoa settled at USD8,210, down 145 dollars.", [("March cocoa", "down", None)]),
        ("September soybean meal closed at $302.50, down 4 1/2 cents.",
         [("September soybean meal", "down", None)]),
        # a question word opens a clause, not a name
        ("Why copper prices are rising again is unclear.", [("copper prices", "up", None)]),
        # the coin, the metal: the crypto asset or the commodity named before
        ("Varno traded at $90,000 on Friday. Ether rose 2%. The coin plummeted below $85,000 on "
         "Monday.", [("Ether", "up", 2.0), ("Ether", "down", None)]),
        ("Spot silver climbed 2%. The metal is up 10% this month.",
         [("Spot silver", "up", 2.0), ("Spot silver", "up", 10.0)]),
        # "the stock of X" is X's, not the subject's before it
        ("Orvane slid 3%, while the stock of Kestrel rose 2%.",
         [("Orvane", "down", -3.0), ("Kestrel", "up", 2.0)]),
        # "slightly green" on the day is a rise
        ("Major stock indices are slightly green on the day.", [("stock indices", "up", None)]),
        # which dollar a price is in is no instrument; a tenor's rate is its yield
        ("Spot palladium dipped 0.1% to $918.36 U.S. per ounce, and has fallen 4.9% this week.",
         [("Spot palladium", "down", -0.1), ("Spot palladium", "down", -4.9)]),
        # the object a move was sent to is the one that moved: bullion is gold
        ("The dollar eased, after sending bullion over 2% lower on Thursday.",
         [("dollar", "down", None), ("bullion", "down", -2.0)]),
    ],
)  # fmt: skip
def test_commodity_fx_and_crypto_wire_phrasings(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


def test_as_high_as_opens_no_driver() -> None:
    assert summary_of("The franc jumped as high as 0.8810 per dollar on Thursday.").catalysts == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two drivers joined by "and as", each typed on its own
        ("Cocoa eased as envoys renewed a push for a ceasefire in the region and as slowing "
         "demand growth in Europe weighed on the market.",
         ["geopolitics_trade", "macro_data"]),
        # a sentence that names its driver as such
        ("Talk that Varno will have to import more wheat was the catalyst behind the rally.",
         ["other"]),
        # investors' appetite drives, unless something more specific is named beside it
        ("Platinum rose as investor appetite for precious metals held up.", ["capital_flows"]),
        ("The index rose, buoyed by strong corporate earnings and investor appetite for blue "
         "chips.", ["earnings"]),
        # an absent driver is none
        ("Amid a lack of any supporting catalyst, crude drifted lower.", []),
    ],
)  # fmt: skip
def test_drivers_named_as_such_joined_or_of_appetite(text: str, expected: list[str]) -> None:
    assert [c.type for c in summary_of(text).catalysts] == expected


def test_a_tenors_rate_is_a_bond_yield_in_basis_points() -> None:
    (move,) = moves_of("The five-year rate fell 5 basis points to 3.2%.")
    assert (move.instrument, move.kind, move.change_bp) == ("five-year rate", "bond", -5.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case headline's verb before its number is no part of the name
        ("Orvane Dives 4% After Results", [("Orvane", "down", -4.0)]),
        ("Kestrel Shares Jump 12% On Takeover Bid", [("Kestrel", "up", 12.0)]),
        ("Cocoa Price Jumps Over 3% On Supply Worries", [("Cocoa Price", "up", 3.0)]),
        # a collapse is a fall, as a noun too
        ("The market fell, led by the 5.86% collapse of the Varno index.",
         [("Varno index", "down", -5.86)]),
    ],
)  # fmt: skip
def test_title_case_headlines_and_a_collapse(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a linking adverb opens the sentence; it is no name
        ("Finally Orvane Foods tanked 15 per cent.", [("Orvane Foods", "down", -15.0)]),
        ("Furthermore, the Varno index posted a decrease of 0.88%.",
         [("Varno index", "down", -0.88)]),
        # an appositive "one of X's ..." between a name and its verb names no second mover
        ("Kestrel Telecom, one of Varno's top telephone companies, also climbed, rising 6.38 "
         "percent.", [("Kestrel Telecom", "up", 6.38)]),
        # what a fund seeks to deliver is its objective, not its move
        ("The Orvane 3X Bear Shares, which seeks to deliver -300 percent of the index, finished "
         "down about 8.9 percent.", [("Orvane 3X Bear Shares", "down", -8.9)]),
        # a distance from an average is where a price stands, not a move
        ("Natural gas stocks are 28 percent below the five-year average.", []),
        ("Orvane shares are 12% above their 200-day moving average.", []),
        # the country a currency belongs to is part of its name
        ("Among emerging currencies, the Colombian peso (1.65%) and the Polish zloty (1.38%) rose.",
         [("Colombian peso", "up", 1.65), ("Polish zloty", "up", 1.38)]),
        ("Aus shares close 2.1% lower.", [("Aus shares", "down", -2.1)]),
    ],
)  # fmt: skip
def test_names_without_adverbs_appositives_or_objectives(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a fronted phrase, ", the X closed at 4,129.68," is the clause, not an aside
        ("On Monday, the Varno index closed at 4,129.68, up 21.06 points (0.51%).",
         [("Varno index", "up", 0.51)]),
        ("That day, the Kestrel 50 closed at 1,234.50, down 8.1 points (0.66%).",
         [("Kestrel 50", "down", -0.66)]),
        # an aside after a figure's clause still hides who said it
        ("Gross domestic product grew 4.6 percent, the Commerce Department said, better than the "
         "previous 4.2 percent estimate.", []),
        # two sizes of company in one gauge's name
        ("Meanwhile, the Varno Mid and Small Cap index, representing smaller companies, climbed "
         "by 0.64%.", [("Varno Mid and Small Cap index", "up", 0.64)]),
    ],
)  # fmt: skip
def test_fronted_phrases_asides_and_joined_sizes(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's possessive between a generic head and the name: the name is the subject
        ("Shares of Japan's Orvane Group fell 3.1% on Tuesday.", [("Orvane Group", "down", -3.1)]),
        ("Stocks on Sweden's Kestrel 30 Index gained 0.8%, while Norway's Varno index declined "
         "0.5%.", [("Kestrel 30 Index", "up", 0.8), ("Varno index", "down", -0.5)]),
        # the next conjunct's words are not what a move noun's figure is of
        ("Losses mounted, leaving Orvane crude with a year-to-date loss of 41 percent and Kestrel "
         "crude with an annual deficit of 37 percent.",
         [("Orvane crude", "down", -41.0)]),
        # a level after "a low of" names no instrument: "per dollar" is the quote's unit
        ("The Turkish lira weakened 1.2% to a record low of 32.5 per dollar.",
         [("Turkish lira", "down", -1.2)]),
    ],
)  # fmt: skip
def test_possessive_places_conjuncts_and_quote_units(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a ticker that is also a currency's ISO code names the company where the words say so
        ("Chipmaker AMD rose 3%.", "stock"),
        ("Shares of AMD rose 3%.", "stock"),
        ("AMD shares rose 3%.", "stock"),
        ("The AUD rose 0.5% against the USD.", "currency"),
    ],
)
def test_an_iso_code_used_as_a_ticker_is_a_stock(text: str, kind: str) -> None:
    assert [m.kind for m in moves_of(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "kind", "evidence"),
    [
        # the weather of crops and of heating demand drives commodities
        ("Orvane gas futures jumped 8% amid a severe cold snap across the plains.",
         "commodity_supply", "amid a severe cold snap across the plains"),
        ("Kestrel coffee rallied 4% after frost hit the growing regions.", "commodity_supply",
         "after frost hit the growing regions"),
        ("Heating oil climbed 3% as colder-than-normal temperatures boosted demand.",
         "commodity_supply", "as colder-than-normal temperatures boosted demand"),
        # an epidemic or a failing grid is a driver of its own kind
        ("Orvane crude fell 4% as the pandemic spread to more countries.", "other",
         "as the pandemic spread to more countries"),
        ("The Varnian crown weakened 1% after power cuts intensified.", "other",
         "after power cuts intensified"),
        # another region's gains followed
        ("Varno stocks opened higher, in line with gains in Asia.", "cross_market",
         "in line with gains in Asia"),
        # short covering that intensified a move drove it
        ("Heavy short covering intensified the rally in Orvane silver, which rose 3%.",
         "capital_flows", "Heavy short covering intensified the rally in Orvane silver"),
        # an analyst's act that sent the price, and one told with "with"
        ("Kestrel Capital downgraded the stock to underweight, sending shares down 5%.",
         "analyst_rating", "Kestrel Capital downgraded the stock to underweight"),
        ("Shares of Orvane rose 6%, with Kestrel Capital upgrading the stock to buy.",
         "analyst_rating", "with Kestrel Capital upgrading the stock to buy"),
    ],
)  # fmt: skip
def test_weather_epidemics_regions_and_acts_that_sent_a_price(
    text: str, kind: str, evidence: str
) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == [(kind, evidence)]


@pytest.mark.parametrize(
    "text",
    [
        # what investors looked past drove nothing
        "Varno stocks rose 1% as investors looked past the new coronavirus variant.",
        # the market's own earlier slump is no driver
        "After their long Covid-19 pandemic-era slump, Orvane airline stocks rose 3%.",
        # an act that sent no price
        "Varnia threatened an additional 100% tariff on Kestland imports, prompting reactions.",
        # a condition is no act
        "The market could face further pressure if the central bank delays rate cuts.",
    ],
)
def test_no_driver_in_what_was_ignored_or_conditional(text: str) -> None:
    assert summary_of(text).catalysts == []


@pytest.mark.parametrize(
    "text",
    [
        "The finance minister said Varnia will leave the crisis behind faster than its peers.",
        "The country has emerged from the debt crisis stronger.",
    ],
)
def test_a_crisis_left_behind_is_no_risk(text: str) -> None:
    assert summary_of(text).risks == []


@pytest.mark.parametrize(
    ("text", "timeframe"),
    [
        # "in the past week" counts back a week as "over the past week" does; so for a month
        ("Orvane coin surged 15% in the past week to $180.", "week"),
        ("Kestrel shares lost 8% in the past month.", "month"),
        ("Kestrel shares fell 2% during the last week.", "week"),
        ("Kestrel shares lost 8% last month.", "month"),
    ],
)
def test_a_week_or_month_counted_back(text: str, timeframe: str) -> None:
    assert [m.timeframe for m in moves_of(text)] == [timeframe]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "both" or "each" between the verb and its comparative, also after "with"
        ("Orvane Resources and Kestrel Metals were both lower.",
         [("Orvane Resources", "down", None), ("Kestrel Metals", "down", None)]),
        ("Miners slid, with Orvane Resources and Kestrel Metals both lower.",
         [("Miners", "down", None), ("Orvane Resources", "down", None),
          ("Kestrel Metals", "down", None)]),
        # the worst performers fell (as the best rose)
        ("Orvane Resources was among the worst performers.", [("Orvane Resources", "down", None)]),
        # a place's main indexes, counted or not
        ("Wall Street's three main indexes fell more than 1%.",
         [("Wall Street's three main indexes", "down", -1.0)]),
        # a group of currencies moves as a group of stocks does
        ("Asian currencies came under pressure.", [("Asian currencies", "down", None)]),
        ("Emerging market currencies fell 1.1%, with the rand down 2%.",
         [("Emerging market currencies", "down", -1.1), ("rand", "down", -2.0)]),
    ],
)  # fmt: skip
def test_both_lower_worst_performers_main_indexes_and_currency_groups(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


def test_a_group_of_currencies_is_of_the_currency_kind() -> None:
    assert [m.kind for m in moves_of("Asian currencies weakened 0.4%.")] == ["currency"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code a copying site stripped ("(NYSE:)") is no name: the company before it moved
        ("Orvane (NYSE:) fell 2% after warning of a drop in shipments.",
         [("Orvane", "down", -2.0)]),
        ("Peers Kestrel (EPA:), Varno and Orvane fell between 2.1% and 5.3%.",
         [("Kestrel", "down", None), ("Varno", "down", None), ("Orvane", "down", None)]),
        # a decimal comma in basis points, a term spelled out, a bond named by its maturity and
        # "that for" standing for its yield
        ("The yield on the four-year bond fell 12 basis points to 7,02% while that for the 2026 "
         "bond was 5,5 basis points lower at 8,615%.",
         [("yield on the four-year bond", "down", None), ("2026 bond", "down", None)]),
    ],
)  # fmt: skip
def test_stripped_codes_comma_basis_points_and_bonds_by_term_or_maturity(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


def test_a_decimal_comma_in_basis_points_is_one_number() -> None:
    (move,) = moves_of("The six-year yield was 5,5 basis points lower.")
    assert (move.instrument, move.change_bp) == ("six-year yield", -5.5)


def test_that_for_after_a_verb_of_saying_is_no_bond() -> None:
    assert moves_of("Orvane said that for the third quarter sales rose 5%.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "crude oil" after a place is one name
        ("West Texas crude oil edged lower.", [("West Texas crude oil", "down", None)]),
        # a Reuters code in parentheses is the name's code, not a name of its own
        ("The euro (EUR=) slipped 0.3%.", [("euro", "down", -0.3)]),
        ("The benchmark 10-year yield (US10YT=RR) rose 5 bps.",
         [("benchmark 10-year yield", "up", None)]),
        ("Brent (LCOc1) rose 1%.", [("Brent", "up", 1.0)]),
        # a bare term moving in basis points is that term's yield, with its country
        ("The US 10-year finished down 0.88 basis points.", [("US 10-year yield", "down", None)]),
        ("The 10-year was up 3 bps.", [("10-year yield", "up", None)]),
        ("The 10-year plan was approved.", []),
    ],
)  # fmt: skip
def test_crude_oil_reuters_codes_and_bare_terms(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list's items told with "with", under a heading of gainers or of the greatest upward
        # variation
        "The biggest gainers were Orvane Brewing, with 3.34%, Kestrel Freight, with 3.07%, and "
        "Varno Mobile, with 2.79%.",
        "The securities with the greatest upward variation were those of the brewer Orvane "
        "Brewing (ORV), with 3.34%; of the logistics company Kestrel Freight (KSF), with 3.07%, "
        "and of the telecommunications giant Varno Mobile (VRM), with 2.79%.",
    ],
)
def test_list_items_told_with_with(text: str) -> None:
    assert [brief(m) for m in moves_of(text)] == [
        ("Orvane Brewing", "up", 3.34),
        ("Kestrel Freight", "up", 3.07),
        ("Varno Mobile", "up", 2.79),
    ]


def test_with_a_share_of_a_count_is_no_list_item() -> None:
    assert [
        brief(m) for m in moves_of("The Varno index rose 1%, with 3.34% of shares advancing.")
    ] == [("Varno index", "up", 1.0)]


def test_what_trades_on_a_market_moved_not_the_market() -> None:
    moves = moves_of("The ADRs of Argentine companies on Wall Street fell up to 8%.")
    assert moves and all("Wall Street" not in m.instrument for m in moves)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a non-breaking hyphen is a minus sign
        ("Varno 600: closed \u20110.6% at 580.", [("Varno 600", "down", -0.6)]),
        # a price change in money, then the same in percent: rupees, shillings, naira
        ("The share price of Orvane Holdings declined by Rs 1.75 (0.97%) to close at Rs 178.00.",
         [("Orvane Holdings", "down", -0.97)]),
        ("Orvane Telecom shed Sh0.50 (3.4%) to Sh14.50.", [("Orvane Telecom", "down", -3.4)]),
        ("Kestrel Oil also gained N4.12 at 9.87 per cent.", [("Kestrel Oil", "up", 9.87)]),
        # ... but an index's code in parentheses is no money
        ("Japan's Nikkei (N225) jumped 1.4%.", [("Nikkei", "up", 1.4)]),
        # a yield's extreme is a level, not a move
        ("The 10-year yield was last up 1.6 basis points at 1.5771%, holding below a 14-month "
         "high of 1.776%.", [("10-year yield", "up", None)]),
        # the first number of "5.0 and 2.5 percent respectively" shares the last's unit
        ("Orvane Media and Kestrel Bank gained 5.0 and 2.5 percent respectively.",
         [("Orvane Media", "up", 5.0), ("Kestrel Bank", "up", 2.5)]),
        # a time of day between the verb and its number
        ("The pound fell Friday morning by 0.2 percent.", [("pound", "down", -0.2)]),
        # a gauge named by what it tracks
        ("A gauge tracking 20 of the most-traded developing-nation currencies dropped 0.3 "
         "percent.",
         [("gauge tracking 20 of the most-traded developing-nation currencies", "down", -0.3)]),
        # an amount's currency unit and a turnover's rise are no moves
        ("Liquidity increased to 1.42 trillion VND (63.1 million USD), up 36 percent in volume "
         "and 22 percent in value.", []),
        # the subject's earlier move after "after"
        ("The Varno Composite rose 5.6 percent after falling slightly on Wednesday.",
         [("Varno Composite", "up", 5.6), ("Varno Composite", "down", None)]),
        # an appositive between a name and its relative clause describes that name
        ("Gainers included Orvane Capital, which rose 2 percent, and Kestrel International Bank, "
         "the country's biggest private bank, which added 2.3 percent.",
         [("Orvane Capital", "up", 2.0), ("Kestrel International Bank", "up", 2.3)]),
        # a yield curve that steepened rose
        ("The 2s/10s curve steepened 4 bps.", [("2s/10s curve", "up", None)]),
    ],
)  # fmt: skip
def test_signs_money_in_percent_levels_and_appositives(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert [brief(m) for m in moves_of(text)] == expected


def test_the_day_earlier_is_the_session_before() -> None:
    moves = moves_of(
        "The Varno index fell 1.2 percent. It also edged down 0.1 percent the day earlier."
    )
    assert [(m.change_pct, m.timeframe) for m in moves] == [
        (-1.2, "unspecified"),
        (-0.1, "prior_session"),
    ]


def test_the_first_of_a_respectively_list_quotes_the_unit_it_shares() -> None:
    """Its quote must state its number with the unit, or grounding drops it."""
    first, second = moves_of(
        "Orvane Media and Kestrel Bank gained 5.0 and 2.5 percent respectively."
    )
    assert first.evidence.endswith("5.0 and 2.5 percent")
    assert second.evidence.endswith("2.5 percent")


@pytest.mark.parametrize(
    ("text", "kind", "evidence"),
    [
        ("Orvane Bank gained 4.6 percent to close at 40.00 shillings on increased demand.",
         "capital_flows", "on increased demand"),
        ("The media company's gain is attributable to its second share buyback.",
         "corporate_action", "attributable to its second share buyback"),
        ("The main reason for this drop is the regulator's attack on two exchanges.",
         "government_policy", "main reason for this drop is the regulator's attack on two exchanges"),
        ("The rand fell 1% amid a slump in oil.", "cross_market", "amid a slump in oil"),
        ("The baht slumped 1% as an explosion struck the central shopping district.", "other",
         "as an explosion struck the central shopping district"),
        ("The ringgit weakened after the shock devaluation of the yuan.", "monetary_policy",
         "after the shock devaluation of the yuan"),
        ("The central bank stepped in the market with emergency bond purchases.",
         "monetary_policy", "The central bank stepped in the market with emergency bond purchases."),
        ("The index jumped 2% after the index provider relaxed the liquidity requirement on stocks.",
         "government_policy", "after the index provider relaxed the liquidity requirement on stocks"),
        ("Orvane rose 3% after it unveiled plans to deconsolidate its healthcare unit.",
         "corporate_action", "after it unveiled plans to deconsolidate its healthcare unit"),
        ("The dollar slipped, influenced by mixed US economic data.", "macro_data",
         "influenced by mixed US economic data"),
        ("Silver hit a series of record highs amid surging industrial demand.", "commodity_supply",
         "amid surging industrial demand"),
    ],
)  # fmt: skip
def test_more_drivers_and_causal_words(text: str, kind: str, evidence: str) -> None:
    assert [(c.type, c.evidence) for c in summary_of(text).catalysts] == [(kind, evidence)]


@pytest.mark.parametrize(
    "text",
    [
        # "industrials" holds no drug trial, "results in" no company's results
        "Kestrel shares fell 2% as industrials fell.",
        "As market participants pile into curve trades, part of that results in selling.",
    ],
)
def test_words_inside_words_type_no_driver(text: str) -> None:
    assert summary_of(text).catalysts == []


@pytest.mark.parametrize(
    "text",
    [
        # a concern said to be removed, reduced or dispelled is no risk
        '"The smooth auction removed concerns about the market outlook," said an analyst.',
        "The talks helped to reduce tensions between the two neighbours.",
    ],
)
def test_a_concern_taken_away_is_no_risk(text: str) -> None:
    assert summary_of(text).risks == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an index's move in points is a move, however far its name stands from the verb
        ("The Kestrel 30 index, comprising blue chips, also advanced 0.94 points to 2,100.",
         ("Kestrel 30 index", "up")),
        ("Meanwhile, the Varno Shariah Index saw a fractional loss of 0.99 points.",
         ("Varno Shariah Index", "down")),
        # a participle's appositive between a name and its verb, a figure's words in it no figure
        ("Ten-year gilt yields, closely watched as a benchmark for borrowing costs, also rose.",
         ("Ten-year gilt yields", "up")),
        ("The Kestrel 30 index, comprising blue chips, also advanced.", ("Kestrel 30 index", "up")),
        # a move noun after "experienced", "suffered", "saw", sized or not
        ("Varno Coin experienced sharp drops today.", ("Varno Coin", "down")),
        ("The Kestrel index suffered heavy losses.", ("Kestrel index", "down")),
        ("Orvane Mining saw significant gains.", ("Orvane Mining", "up")),
    ],
)  # fmt: skip
def test_points_an_appositive_and_a_move_noun_after_experienced_or_saw(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(m.instrument, m.direction) for m in summary_of(text).moves] == [expected]
