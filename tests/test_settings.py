"""Settings come from the environment, parsed explicitly: ``DEBUG=False`` means false."""

from __future__ import annotations

import pytest

from dashboard.settings import Settings, env_bool, env_int


@pytest.mark.parametrize(
    "raw, expected",
    [("1", True), ("true", True), ("TRUE", True), (" yes ", True), ("on", True),
     ("0", False), ("false", False), ("False", False), ("no", False), ("off", False), ("", False)],
)  # fmt: skip
def test_env_bool(raw, expected):
    assert env_bool("DEBUG", default=not expected, environ={"DEBUG": raw}) is expected


def test_env_bool_default_and_error():
    assert env_bool("DEBUG", default=True, environ={}) is True
    with pytest.raises(ValueError, match="DEBUG was 'maybe'"):
        env_bool("DEBUG", environ={"DEBUG": "maybe"})


def test_env_int():
    assert env_int("PORT", 8050, environ={}) == 8050
    assert env_int("PORT", 8050, environ={"PORT": " "}) == 8050
    assert env_int("PORT", 8050, environ={"PORT": "9000"}) == 9000
    with pytest.raises(ValueError, match="PORT was 'http'"):
        env_int("PORT", 8050, environ={"PORT": "http"})


def test_settings_from_env():
    s = Settings.from_env({"HOST": "0.0.0.0", "PORT": "8123", "DEBUG": "False", "COMPRESS": "0"})
    assert s == Settings(host="0.0.0.0", port=8123, debug=False, compress=False)
    assert Settings.from_env({}) == Settings()
    assert Settings().host == "127.0.0.1" and Settings().debug is False
