"""The data contracts: what goes into the pipeline and what comes out of it.

Field descriptions are written for two readers: the people who consume the JSON, and the LLM,
which receives the JSON Schema of `ChunkSummary` and fills it in.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"

Span = tuple[int, int]

Direction = Literal["up", "down", "flat"]
InstrumentKind = Literal[
    "stock", "index", "etf", "fund", "commodity", "currency", "crypto", "bond", "sector", "other"
]
Qualifier = Literal["exact", "over", "nearly", "about", "up_to", "limit"]
Session = Literal[
    "close", "intraday", "intraday_high", "open", "pre_market", "after_hours", "unspecified"
]
Timeframe = Literal[
    "day", "prior_session", "week", "month", "quarter", "ytd", "year", "multi_day", "unspecified"
]
CatalystType = Literal[
    "earnings",
    "monetary_policy",
    "macro_data",
    "government_policy",
    "geopolitics_trade",
    "corporate_action",
    "product_technology",
    "analyst_rating",
    "capital_flows",
    "cross_market",
    "commodity_supply",
    "management_legal",
    "other",
]
RiskType = Literal[
    "volatility_sentiment",
    "valuation",
    "monetary_rates",
    "macro_growth",
    "policy_regulatory",
    "geopolitical_trade",
    "credit_liquidity",
    "earnings_fundamental",
    "fx_currency",
    "event_uncertainty",
    "other",
]
Impact = Literal["positive", "negative", "mixed", "neutral"]
Status = Literal["ok", "partial", "failed"]
EngineName = Literal["rules", "llm"]

_EVIDENCE = (
    "Verbatim quote from the text that states this item: copy the words exactly, "
    "at most one sentence."
)
_SPAN = (
    "[start, end) character offsets of the evidence in the article text. "
    "Set by the summarizer after locating the evidence; leave null."
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Frozen):
    """One input article: its full original text and what is known about it."""

    id: str = Field(description="Stable identifier: the record's own id, else a content hash.")
    text: str = Field(description="The original article text; every offset refers to it.")
    title: str | None = None
    published: str | None = Field(default=None, description="Publication date as stated.")
    publisher: str | None = None
    source_path: str | None = Field(default=None, description="File (and record) it came from.")


class Chunk(_Frozen):
    """A piece of the article sent to an engine in one call."""

    index: int = Field(ge=0)
    start: int = Field(ge=0, description="Offset of the first character in the article text.")
    end: int = Field(ge=0, description="Offset one past the last character in the article text.")
    text: str = Field(description="Exactly article.text[start:end].")


class Move(_Frozen):
    """A realised price move of one instrument, as the text states it."""

    instrument: str = Field(
        description="As named in the text. One per move: 'A and B rose 2%' is two moves."
    )
    ticker: str | None = Field(
        default=None,
        description="Only if the text writes a code, e.g. '513770'.",
    )
    kind: InstrumentKind = "other"
    market: str | None = Field(default=None, description="Market or exchange, if stated.")
    direction: Direction
    change_pct: float | None = Field(
        default=None,
        description="Signed percent as stated: -1.5 for 'fell 1.5%'.",
    )
    change_bp: float | None = Field(
        default=None,
        description="Signed basis points as stated, for yields and rates: 6 for 'rose 6 bps'.",
    )
    qualifier: Qualifier = Field(
        default="exact",
        description="'over 18%' is over; limit: hit the daily limit.",
    )
    session: Session = Field(
        default="unspecified",
        description="Basis of the number.",
    )
    timeframe: Timeframe = Field(default="unspecified", description="Period the move covers.")
    period: str | None = Field(
        default=None, description="The period as the text names it, e.g. '2021' for 'in 2021'."
    )
    evidence: str = Field(description=_EVIDENCE)
    span: Span | None = Field(default=None, description=_SPAN)


class Catalyst(_Frozen):
    """Something the text presents as driving prices or sentiment."""

    summary: str = Field(description="The driver in a few words.")
    type: CatalystType
    entities: list[str] = Field(
        default_factory=list, description="Instruments or companies it affects."
    )
    impact: Impact = "positive"
    evidence: str = Field(description=_EVIDENCE)
    span: Span | None = Field(default=None, description=_SPAN)


class Risk(_Frozen):
    """A warning, concern or uncertainty the text states (never a legal disclaimer)."""

    summary: str = Field(description="The risk in a few words.")
    type: RiskType
    entities: list[str] = Field(
        default_factory=list, description="Instruments or companies it concerns."
    )
    evidence: str = Field(description=_EVIDENCE)
    span: Span | None = Field(default=None, description=_SPAN)


class ChunkSummary(_Frozen):
    """Everything one chunk of text states about moves, their drivers and risks."""

    moves: list[Move] = Field(default_factory=list, description="Realised price moves.")
    catalysts: list[Catalyst] = Field(default_factory=list, description="Stated drivers.")
    risks: list[Risk] = Field(default_factory=list, description="Stated risks.")


class Usage(_Frozen):
    """What producing a digest cost."""

    llm_calls: int = Field(default=0, description="HTTP calls made to the model, re-asks included.")
    cache_hits: int = Field(default=0, description="Chunks answered from the cache.")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = Field(default=0, description="Calls that re-asked after a validation error.")
    seconds: float = Field(default=0.0, description="Wall time spent on this article.")
    batched_calls: int = Field(
        default=0,
        description="Calls answered through the Batch API, among llm_calls (billed at its share).",
    )
    cost_usd: float | None = Field(
        default=None, description="USD, from the prices given or listed for the model."
    )


class DigestMove(Move):
    """A move as a digest holds it: the model's `Move`, and the instrument the summarizer resolved
    it to. Kept apart from `Move` so that the schema the model fills in (`ChunkSummary`), and with
    it every cache key and recorded fixture, stays as it was."""

    instrument_id: str | None = Field(
        default=None,
        description="The instrument's key, the same in every article ('idx:hang-seng-index', "
        "'ticker:0700.HK', 'ccy:USD'); null when the name identifies none ('the index'). Set "
        "by the summarizer when the digest is made, never by the model.",
    )
    confirmed: bool | None = Field(
        default=None,
        description="True when the quoted words themselves give this number and direction to "
        "this instrument (read clause by clause); false when they state both but the tie is "
        "not read from them: a reference ('the stock') named from an earlier sentence, or "
        "wording the reading does not parse (no contradiction was found either). Set by the "
        "summarizer, never by the model; null in digests made before it was.",
    )


class ArticleDigest(_Frozen):
    """The summary of one article: one JSON file per article."""

    schema_version: str = SCHEMA_VERSION
    id: str
    source_path: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    engine: EngineName
    model: str | None = None
    prompt_version: str | None = None
    status: Status
    warnings: list[str] = Field(default_factory=list)
    error: str | None = None
    moves: list[DigestMove] = Field(default_factory=list)
    catalysts: list[Catalyst] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    chunks: int = Field(default=0, description="Chunks the article was split into.")
    boilerplate_chars: int = Field(default=0, description="Characters removed as boilerplate.")

    @field_validator("moves", mode="before")
    @classmethod
    def _moves_as_digest_moves(cls, moves: object) -> object:
        # a plain Move (an engine's, a test's) becomes a DigestMove with no instrument_id yet:
        # pydantic takes no instance of a parent class for a field of its subclass
        if not isinstance(moves, list):
            return moves
        return [
            DigestMove(**dict(m)) if isinstance(m, Move) and not isinstance(m, DigestMove) else m
            for m in moves
        ]
