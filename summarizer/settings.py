"""One frozen `Settings`, built from defaults < environment < explicit overrides (CLI flags)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from summarizer.errors import ConfigError
from summarizer.models import EngineName
from summarizer.redaction import redact, url_secrets, without_userinfo

DEFAULT_CHUNK_TOKENS = 1500
DEFAULT_CONCURRENCY = 8
DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_MODE: Literal["tools"] = "tools"
DEFAULT_MAX_TOKENS = 2048
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_CONNECT_TIMEOUT_S = 5.0
DEFAULT_HANG_CHECK_S = 10.0
DEFAULT_BREAKER_AFTER = 3
DEFAULT_MAX_RETRIES = 2
DEFAULT_TRANSPORT_RETRIES = 3

Mode = Literal["tools", "json_schema", "json", "md_json"]


def default_cache_dir() -> Path:
    """The per-user cache directory, e.g. ~/.cache/summarizer on Linux."""
    import platformdirs  # only needed when no cache dir is configured

    return Path(platformdirs.user_cache_dir("summarizer"))


class Settings(BaseModel):
    """Everything that changes what summarizer does.

    >>> Settings(engine="rules", chunk_tokens=800)
    >>> Settings.from_env(os.environ).with_overrides(model="qwen2.5-7b-instruct")
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    engine: EngineName | None = Field(
        default=None, description="rules or llm; None picks llm when an endpoint is configured."
    )
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: SecretStr | None = None
    mode: Mode = DEFAULT_MODE
    temperature: float = 0.0
    max_tokens: int = Field(default=DEFAULT_MAX_TOKENS, gt=0)
    timeout_s: float = Field(
        default=DEFAULT_TIMEOUT_S, gt=0, description="Seconds one request may take, in all."
    )
    connect_timeout_s: float = Field(
        default=DEFAULT_CONNECT_TIMEOUT_S, gt=0, description="Seconds to open a connection."
    )
    hang_check_s: float = Field(
        default=DEFAULT_HANG_CHECK_S,
        gt=0,
        description="Seconds without an answer before the endpoint is checked for life.",
    )
    breaker_after: int = Field(
        default=DEFAULT_BREAKER_AFTER,
        ge=1,
        description="Chunks failing in a row on 429, 5xx, timeouts or refused connections "
        "before nothing more is sent.",
    )
    deadline_s: float | None = Field(
        default=None, gt=0, description="Seconds for the whole run; then nothing new is sent."
    )
    max_retries: int = Field(default=DEFAULT_MAX_RETRIES, ge=0, description="Validation re-asks.")
    transport_retries: int = Field(default=DEFAULT_TRANSPORT_RETRIES, ge=0)
    concurrency: int = Field(default=DEFAULT_CONCURRENCY, ge=1)
    workers: int = Field(
        default=1, ge=1, description="Processes for the rules engine (the CLI uses every core)."
    )
    chunk_tokens: int = Field(default=DEFAULT_CHUNK_TOKENS, ge=50)
    price_in: float | None = Field(default=None, ge=0, description="USD per million input tokens.")
    price_out: float | None = Field(
        default=None, ge=0, description="USD per million output tokens."
    )
    budget_usd: float | None = Field(
        default=None,
        gt=0,
        description="USD the run may spend; then nothing new is sent (one process keeps it).",
    )
    prompt_dir: Path | None = Field(
        default=None, description="Directory of system.md/user.md replacing the shipped prompts."
    )
    cache_dir: Path | None = None
    use_cache: bool = True
    refresh: bool = False
    cache_only: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Settings from OPENAI_API_KEY, OPENAI_BASE_URL, SUMMARIZER_MODEL, SUMMARIZER_CACHE_DIR."""
        values: dict[str, Any] = {}
        if env.get("OPENAI_API_KEY"):
            values["api_key"] = SecretStr(env["OPENAI_API_KEY"])
        if env.get("OPENAI_BASE_URL"):
            values["base_url"] = env["OPENAI_BASE_URL"]
        if env.get("SUMMARIZER_MODEL"):
            values["model"] = env["SUMMARIZER_MODEL"]
        if env.get("SUMMARIZER_CACHE_DIR"):
            values["cache_dir"] = Path(env["SUMMARIZER_CACHE_DIR"])
        return cls(**values)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with every override that is not None applied (and validated)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        if isinstance(given.get("api_key"), str):
            given["api_key"] = SecretStr(given["api_key"])
        return type(self).model_validate({**self.model_dump(), **given})

    @property
    def endpoint_configured(self) -> bool:
        return self.base_url is not None or self.api_key is not None

    def resolve_engine(self) -> tuple[EngineName, str]:
        """The engine to use and, in words, why."""
        if self.engine == "llm":
            if not self.endpoint_configured and not self.cache_only:
                raise ConfigError(
                    "--engine llm needs an endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL "
                    "(or pass --base-url)"
                )
            return "llm", "requested with --engine llm"
        if self.engine == "rules":
            return "rules", "requested with --engine rules"
        if self.endpoint_configured:
            return "llm", "an endpoint is configured (OPENAI_API_KEY or a base URL)"
        return "rules", "no endpoint is configured; OPENAI_API_KEY or OPENAI_BASE_URL selects llm"

    @property
    def endpoint_name(self) -> str:
        """Where requests go, without credentials: the base URL, or 'openai' by default."""
        return without_userinfo(self.base_url) if self.base_url else "openai"

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never be written anywhere: the API key, and the base URL's credentials."""
        key = (self.api_key.get_secret_value(),) if self.api_key else ()
        return key + url_secrets(self.base_url)

    def redact(self, text: str) -> str:
        """text with these settings' secrets, and anything shaped like a credential, masked."""
        return redact(text, self.secrets)
