"""Settings from the environment, parsed explicitly (``DEBUG=False`` means false)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False, environ=os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    v = raw.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise ValueError(f"{name} was {raw!r} but is expected to be one of {sorted(_TRUE | _FALSE)}")


def env_int(name: str, default: int, environ=os.environ) -> int:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} was {raw!r} but is expected to be a whole number") from None


def embed_origins(raw: str) -> tuple[str, ...]:
    """The origins of EMBED_ORIGINS that are origins (scheme://host[:port]); others are dropped
    (a CSP source list must not be injected into)."""
    ok = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
    return tuple(o for o in raw.split() if ok.match(o))


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    compress: bool = True
    #: Origins that may frame an embedded map (``?embed=1``), e.g. ``https://intranet.example``
    #: (EMBED_ORIGINS, space-separated); the app's own origin always may.
    embed_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ=os.environ) -> Settings:
        return cls(
            host=environ.get("HOST", cls.host),
            port=env_int("PORT", cls.port, environ),
            debug=env_bool("DEBUG", False, environ),
            compress=env_bool("COMPRESS", True, environ),
            embed_origins=embed_origins(environ.get("EMBED_ORIGINS", "")),
        )
