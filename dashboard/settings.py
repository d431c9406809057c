"""Settings from the environment, parsed explicitly (``DEBUG=False`` means false)."""

from __future__ import annotations

import os
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


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    compress: bool = True

    @classmethod
    def from_env(cls, environ=os.environ) -> Settings:
        return cls(
            host=environ.get("HOST", cls.host),
            port=env_int("PORT", cls.port, environ),
            debug=env_bool("DEBUG", False, environ),
            compress=env_bool("COMPRESS", True, environ),
        )
