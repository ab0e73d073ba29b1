"""The cross-article market picture: what moved, by how much, why, and who says so.

One `MarketPicture` is built from many `ArticleDigest`s (`summarizer.market`). JSON is its source
of truth; Markdown and HTML are both rendered from it. Every statement, catalyst and risk points
back at its digest by article id and index, so a renderer can find its span in the article text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.models import (
    CatalystType,
    Direction,
    Impact,
    InstrumentKind,
    Qualifier,
    RiskType,
    Session,
    Span,
    Status,
    Timeframe,
)

PICTURE_SCHEMA_VERSION = "1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PictureArticle(_Frozen):
    """One digest the picture was built from."""

    id: str = Field(description="The digest's id.")
    title: str | None = None
    source_path: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, description="As the digest states it.")
    day: str | None = Field(
        default=None,
        description="ISO date read from `published`; null when it is missing or unreadable.",
    )
    status: Status
    copy_of: str | None = Field(
        default=None,
        description="The article this one restates (same moves, catalysts and risks, word for "
        "word); a copy's items are counted once, under the original.",
    )
    syndicated_copies: list[str] = Field(
        default_factory=list, description="Ids of the articles that restate this one."
    )


class Statement(_Frozen):
    """One source's statement of a move."""

    article_id: str
    move_index: int = Field(ge=0, description="Index of the move in that digest's `moves`.")
    instrument: str = Field(description="The instrument as that source writes it.")
    ticker: str | None = None
    direction: Direction
    change_pct: float | None = None
    change_bp: float | None = None
    qualifier: Qualifier = "exact"
    session: Session = Field(
        default="unspecified", description="As this source states it (the reading's may differ)."
    )
    timeframe: Timeframe = "unspecified"
    evidence: str
    span: Span | None = None
    restated_in: list[str] = Field(
        default_factory=list,
        description="Other articles that state this move in the same words (syndicated or "
        "restated copies): counted once, here.",
    )


class AgreedMove(_Frozen):
    """What the sources of a reading agree on: the most precise number stated, which every
    other statement's number rounds to (or is consistent with, for 'over', 'nearly'...)."""

    direction: Direction
    change_pct: float | None = None
    change_bp: float | None = None
    qualifier: Qualifier = "exact"


class Reading(_Frozen):
    """An instrument's move over one trading day, session, timeframe and period, by source.

    A statement whose session (timeframe) is unspecified is read with the day's close (the
    day's move): that is what a market report's "rose 1.2%" says unless it says otherwise, and
    each statement keeps the session and timeframe it states. A reading whose day is unknown
    holds the statements of one article only: nothing says two undated articles are of one day.
    """

    day: str | None = Field(description="ISO date of the trading day; null when unknown.")
    session: Session = Field(description="The most specific session its statements state.")
    timeframe: Timeframe = Field(description="The most specific timeframe its statements state.")
    period: str | None = None
    agreed: AgreedMove | None = Field(
        description="Null when the sources conflict, or when one source states several values "
        "for this basis and no one of them agrees with all statements."
    )
    conflict: bool = False
    conflict_reason: str | None = None
    statements: list[Statement]


class SaidItem(_Frozen):
    """A catalyst or risk of one digest, placed under the instruments it names."""

    article_id: str
    index: int = Field(ge=0, description="Index in that digest's `catalysts` (or `risks`).")
    summary: str
    type: CatalystType | RiskType
    impact: Impact | None = Field(default=None, description="Catalysts only.")
    entities: list[str] = Field(default_factory=list)
    evidence: str
    span: Span | None = None


class InstrumentPicture(_Frozen):
    """Everything the articles say about one instrument."""

    instrument_id: str = Field(
        description="Stable key: 'idx:hang-seng-index', 'ticker:0700.HK', 'ccy:USD', "
        "'fx:USD/JPY', 'cmd:brent-crude', 'cmd:brent-crude:2026-01', 'name:tencent'; a group "
        "no place is known for is kept to its article: 'grp:bank@<article id>'."
    )
    member_ids: list[str] = Field(
        default_factory=list,
        description="The digest moves' `instrument_id`s gathered here (a name-only "
        "'name:tencent' joins 'ticker:0700.HK' when the names match).",
    )
    name: str = Field(description="Display name.")
    kind: InstrumentKind
    market: str | None = None
    ticker: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Names as the sources write them.")
    readings: list[Reading] = Field(default_factory=list)
    catalysts: list[SaidItem] = Field(default_factory=list)
    risks: list[SaidItem] = Field(default_factory=list)


class UnassignedMove(_Frozen):
    """A move whose name identifies no instrument ('the index', 'shares')."""

    article_id: str
    move_index: int = Field(ge=0)
    instrument: str
    evidence: str
    span: Span | None = None


class MarketPicture(_Frozen):
    """The cross-article picture: one entry per instrument, with its moves by source."""

    schema_version: str = PICTURE_SCHEMA_VERSION
    kind: Literal["market_picture"] = "market_picture"
    articles: list[PictureArticle] = Field(default_factory=list)
    instruments: list[InstrumentPicture] = Field(default_factory=list)
    unassigned_moves: list[UnassignedMove] = Field(default_factory=list)
    unassigned_catalysts: list[SaidItem] = Field(default_factory=list)
    unassigned_risks: list[SaidItem] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list,
        description="What the picture could not settle, e.g. articles with no publication date.",
    )
