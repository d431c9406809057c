"""Rendered exports, cached by what they show: the route, every parameter, a posted deck, the
data version and the code version. A hit is served without rendering.

The backend is Flask-Caching's, chosen by the environment so that several workers and several
machines share one cache:

- ``CACHE_TYPE=FileSystemCache`` (the default): ``CACHE_DIR`` (default
  ``<tmp>/hk-atlas-exports``), shared by the workers of one machine; at most
  ``CACHE_THRESHOLD`` files (500).
- ``CACHE_TYPE=RedisCache`` with ``CACHE_REDIS_URL=redis://host:6379/0``: shared by every
  machine behind a load balancer (install ``redis``).
- ``CACHE_TYPE=NullCache``: no cache.

``CACHE_DEFAULT_TIMEOUT`` (seconds, default one day) bounds how long an export is kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

import flask
from flask_caching import Cache

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
_CACHE = Cache()
MAX_ENTRY_BYTES = 30_000_000


def _code_version() -> str:
    """A hash of the code and assets that draw an export: a new release misses the cache."""
    h = hashlib.sha256()
    for folder, pattern in (
        ("dashboard", "**/*.py"),
        ("dashboard", "**/*.json"),
        ("assets", "*.*"),
    ):
        for p in sorted((ROOT / folder).glob(pattern)):
            h.update(p.relative_to(ROOT).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


CODE_VERSION = _code_version()


def config(environ=os.environ) -> dict:
    kind = environ.get("CACHE_TYPE", "FileSystemCache")
    cfg = {"CACHE_TYPE": kind, "CACHE_DEFAULT_TIMEOUT": int(environ.get("CACHE_DEFAULT_TIMEOUT", 86_400)),
           "CACHE_KEY_PREFIX": "hk-atlas-export:"}  # fmt: skip
    if kind == "FileSystemCache":
        cfg["CACHE_DIR"] = environ.get(
            "CACHE_DIR", str(Path(tempfile.gettempdir()) / "hk-atlas-exports")
        )
        cfg["CACHE_THRESHOLD"] = int(environ.get("CACHE_THRESHOLD", 500))
    elif kind == "RedisCache":
        cfg["CACHE_REDIS_URL"] = environ.get("CACHE_REDIS_URL", "redis://localhost:6379/0")
    return cfg


def install(server: flask.Flask, environ=os.environ) -> None:
    _CACHE.init_app(server, config=config(environ))


def key(data_version: str) -> str:
    """The key of the current request's export: route, parameters, posted form, versions."""
    req = flask.request
    parts = [req.path, sorted(req.args.items(multi=True)), sorted(req.form.items(multi=True)),
             data_version, CODE_VERSION]  # fmt: skip
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def get(k: str) -> dict | None:
    try:
        return _CACHE.get(k)
    except Exception as e:  # noqa: BLE001 - a cache that fails is a cache miss
        log.warning("export cache unavailable (%s): rendering instead", type(e).__name__)
        return None


def put(k: str, entry: dict) -> None:
    if len(entry.get("body", b"")) > MAX_ENTRY_BYTES:
        return
    try:
        _CACHE.set(k, entry)
    except Exception as e:  # noqa: BLE001
        log.warning("export cache unavailable (%s): not stored", type(e).__name__)
