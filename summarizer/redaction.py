"""Secrets out of every text the tool writes: digests, reports, the cache and stderr.

Credentials come in with the settings (an API key, a password in `--base-url
http://user:pass@host/v1`) and come back inside error texts: a connection error names the URL, a
401 body may echo the key. Known secrets are replaced wherever they appear; URL credentials,
bearer tokens and OpenAI-style keys are replaced by their shape, whoever's they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit, urlunsplit

MASK = "***"
# "scheme://user:pass@host": the credentials of any URL in a text
_USERINFO = re.compile(r"(?<=://)[^/\s@]+@")
_BEARER = re.compile(r"(?i)\b(bearer\s+)[\w.~+/=-]{6,}")
_KEY_SHAPED = re.compile(r"\bsk-[\w-]{6,}")
_SHORTEST_SECRET = 4  # a shorter "secret" would mask ordinary words


def without_userinfo(url: str) -> str:
    """The URL without user name and password: 'http://u:p@host:8080/v1' -> 'http://host:8080/v1'."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # not a URL we can take apart: mask by shape
        return _USERINFO.sub(f"{MASK}@", url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    return urlunsplit(parts._replace(netloc=f"{host}:{port}" if port else host))


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The user name and password a URL carries, as written and decoded."""
    if not url:
        return ()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ()
    found = [value for value in (parts.password, parts.username) if value]
    return tuple({*found, *(unquote(value) for value in found)})


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """text with every known secret, and anything shaped like a credential, masked."""
    for secret in sorted(secrets, key=len, reverse=True):  # a key before its own prefix
        if len(secret) >= _SHORTEST_SECRET and secret in text:
            text = text.replace(secret, MASK)
    if "://" in text:
        text = _USERINFO.sub(f"{MASK}@", text)
    text = _BEARER.sub(rf"\g<1>{MASK}", text)
    return _KEY_SHAPED.sub(f"sk-{MASK}", text)
