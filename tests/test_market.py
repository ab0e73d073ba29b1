"""The cross-article picture (market_picture.py, agreement.py, days.py) on invented digests."""

from __future__ import annotations

from summarizer import market
from summarizer.days import day_of
from summarizer.models import ArticleDigest, Catalyst, Move, Risk
from summarizer.picture import MarketPicture


def move(name: str, pct: float | None, direction: str = "", **more: object) -> Move:
    direction = direction or ("up" if (pct or 0) >= 0 else "down")
    said = f"{name} {'rose' if direction == 'up' else 'fell'} {abs(pct or 0)}%"
    return Move(instrument=name, direction=direction, change_pct=pct, evidence=said, **more)  # type: ignore[arg-type]


def digest(
    article_id: str, *moves: Move, published: str | None = "2026-03-02", **more: object
) -> ArticleDigest:
    return ArticleDigest(
        id=article_id,
        engine="rules",
        status="ok",
        published=published,
        moves=list(moves),
        **{"source_path": f"{article_id}.txt", **more},  # type: ignore[arg-type]
    )


def only(picture: MarketPicture, instrument_id: str):  # type: ignore[no-untyped-def]
    [found] = [i for i in picture.instruments if i.instrument_id == instrument_id]
    return found


def test_sources_that_agree_give_one_reading_with_the_most_precise_value() -> None:
    picture = market(
        [
            digest("a", move("Hang Seng Index", -0.63)),
            digest("b", move("the Hang Seng", -0.6)),
            digest("c", move("HSI", -0.6, qualifier="about")),
        ]
    )
    hang_seng = only(picture, "idx:hang-seng-index")
    [reading] = hang_seng.readings
    assert reading.day == "2026-03-02" and not reading.conflict
    assert reading.agreed is not None and reading.agreed.change_pct == -0.63
    assert [s.article_id for s in reading.statements] == ["a", "b", "c"]
    assert set(hang_seng.aliases) == {"Hang Seng Index", "the Hang Seng", "HSI"}


def test_rounding_equal_is_no_conflict_but_beyond_rounding_is() -> None:
    rounded = market([digest("a", move("Kospi", 1.24)), digest("b", move("Kospi", 1.2))])
    assert not only(rounded, "idx:kospi").readings[0].conflict
    coarse = market([digest("a", move("Kospi", 1.4)), digest("b", move("Kospi", 1.0))])
    assert not only(coarse, "idx:kospi").readings[0].conflict  # "1%" is 0.5 to 1.5
    apart = market([digest("a", move("Kospi", 1.2)), digest("b", move("Kospi", 1.4))])
    [reading] = only(apart, "idx:kospi").readings
    assert reading.conflict and reading.agreed is None
    assert "+1.2%" in (reading.conflict_reason or "") and "+1.4%" in (reading.conflict_reason or "")


def test_up_against_down_is_a_conflict() -> None:
    picture = market([digest("a", move("Nikkei", 0.2)), digest("b", move("Nikkei 225", -0.2))])
    [reading] = only(picture, "idx:nikkei-225").readings
    assert reading.conflict and reading.agreed is None
    assert "+0.2%" in (reading.conflict_reason or "") and "-0.2%" in (reading.conflict_reason or "")


def test_qualifiers_widen_what_agrees() -> None:
    over = market(
        [digest("a", move("Topix", 2.0, qualifier="over")), digest("b", move("Topix", 2.6))]
    )
    assert not only(over, "idx:topix").readings[0].conflict
    under = market(
        [digest("a", move("Topix", 2.0, qualifier="over")), digest("b", move("Topix", 1.2))]
    )
    assert only(under, "idx:topix").readings[0].conflict


def test_different_days_and_timeframes_are_different_readings() -> None:
    picture = market(
        [
            digest("a", move("DAX", 1.0), published="2026-03-02"),
            digest("b", move("DAX", -2.0), published="March 3, 2026"),
            digest("c", move("DAX", 5.0, timeframe="week"), published="2026-03-02"),
        ]
    )
    readings = only(picture, "idx:dax").readings
    # an unspecified timeframe is read as the day's move, and shown as stated
    assert [(r.day, r.timeframe) for r in readings] == [
        ("2026-03-02", "unspecified"),
        ("2026-03-02", "week"),
        ("2026-03-03", "unspecified"),
    ]
    assert not any(r.conflict for r in readings)


def test_undated_articles_are_never_compared_and_the_picture_says_so() -> None:
    picture = market([digest("a", move("CAC 40", 1.0), published=None),
                      digest("b", move("CAC 40", -3.0), published=None)])  # fmt: skip
    readings = only(picture, "idx:cac-40").readings
    assert len(readings) == 2 and all(r.day is None and not r.conflict for r in readings)
    assert any("no publication date" in w for w in picture.warnings)


def test_one_source_stating_two_values_is_no_conflict() -> None:
    picture = market([digest("a", move("FTSE 100", 1.0), move("FTSE 100", 4.0))])
    [reading] = only(picture, "idx:ftse-100").readings
    assert not reading.conflict and reading.agreed is None and len(reading.statements) == 2


def test_a_syndicated_copy_is_counted_once() -> None:
    story = [move("Straits Times Index", 0.5), move("DBS", 1.1)]
    picture = market(
        [
            digest("orig", *story, published="2026-03-02"),
            digest("copy", *story, published="2026-03-02", source_path="elsewhere/copy.html"),
            digest("other", move("Straits Times Index", 0.52)),
        ]
    )
    copies = {a.id: a for a in picture.articles}
    assert copies["copy"].copy_of == "orig" and copies["orig"].syndicated_copies == ["copy"]
    [reading] = only(picture, "idx:straits-times-index").readings
    assert [s.article_id for s in reading.statements] == ["orig", "other"]


def test_the_same_words_on_two_days_are_two_reports() -> None:
    said = move("Gold", 0.0, direction="flat")
    picture = market([digest("mon", said, published="2026-03-02"),
                      digest("tue", said, published="2026-03-03")])  # fmt: skip
    assert all(a.copy_of is None for a in picture.articles)


def test_a_sentence_restated_in_another_article_is_one_statement() -> None:
    said = move("Bovespa", 0.8)
    picture = market([digest("a", said, move("Merval", 1.0)), digest("b", said)])
    [reading] = only(picture, "idx:bovespa").readings
    assert len(reading.statements) == 1 and reading.statements[0].restated_in == ["b"]


def test_the_same_article_twice_is_read_once() -> None:
    one = digest("a", move("SMI", 0.4))
    picture = market([one, one.model_copy(update={"source_path": "again.txt"})])
    assert len(picture.articles) == 1 and "given twice" in picture.warnings[0]


def test_catalysts_and_risks_go_under_the_instruments_they_name() -> None:
    driver = Catalyst(summary="rate cut", type="monetary_policy", entities=["Hang Seng"],
                      evidence="A rate cut lifted Hong Kong shares.")  # fmt: skip
    by_name = Risk(summary="property", type="credit_liquidity",
                   evidence="Debt worries weighed on New World Development.")  # fmt: skip
    loose = Risk(summary="war", type="geopolitical_trade", evidence="War fears linger.")
    picture = market(
        [
            digest(
                "a",
                move("HSI", 1.0),
                move("New World Development", -2.0),
                catalysts=[driver],
                risks=[by_name, loose],
            )
        ]
    )
    assert [c.summary for c in only(picture, "idx:hang-seng-index").catalysts] == ["rate cut"]
    [developer] = [i for i in picture.instruments if i.name == "New World Development"]
    assert [r.index for r in developer.risks] == [0]
    assert [r.summary for r in picture.unassigned_risks] == ["war"]


def test_a_group_without_a_place_stays_in_its_article() -> None:
    picture = market([digest("a", move("banks", 1.0)), digest("b", move("banks", -1.0))])
    banks = [i for i in picture.instruments if i.kind == "sector"]
    assert len(banks) == 2 and all(i.member_ids == ["grp:bank"] for i in banks)


def test_moves_naming_nothing_stay_reachable() -> None:
    picture = market([digest("a", move("the index", 1.0))])
    assert [(m.article_id, m.move_index) for m in picture.unassigned_moves] == [("a", 0)]


def test_statements_point_back_at_their_digest_moves() -> None:
    digests = [digest("a", move("Sensex", 0.1), move("Nifty", 0.2))]
    picture = market(digests)
    for instrument in picture.instruments:
        for statement in instrument.readings[0].statements:
            moved = digests[0].moves[statement.move_index]
            assert moved.evidence == statement.evidence
            assert moved.instrument_id is None or moved.instrument_id in instrument.member_ids


def test_days_are_read_from_published_as_written() -> None:
    assert day_of("Sep 09, 2020 14:27 IST") == "2020-09-09"
    assert day_of("2026-01-12T08:00:00Z") == "2026-01-12"
    assert day_of("12 January 2026") == "2026-01-12"
    assert day_of("2026年1月12日") == "2026-01-12"
    assert day_of("13/01/2026") == "2026-01-13"
    assert day_of("03/01/2026") is None  # day or month first: not said
    assert day_of("January 12") is None  # no year: not guessed
    assert day_of(None) is None


def test_the_public_market_is_the_function_even_after_its_module_was_imported() -> None:
    # a module named summarizer.market would replace the function once imported (PEP 562)
    import importlib

    import summarizer

    importlib.import_module("summarizer.market_picture")
    from summarizer import market as public

    assert callable(public) and public is summarizer.market
    assert public([]).instruments == []
