"""The documentation keeps up with the code: every URL parameter, API route, command, make
target and table column is documented (as datasette's test_docs does for its settings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.state import PARAMS
from geodata.schema import BUILD_TABLES, TABLES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}
ALL_DOCS = README + "\n".join(DOCS.values())


def _code_spans(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


@pytest.mark.parametrize("param", PARAMS)
def test_every_url_parameter_is_documented(param):
    assert re.search(rf"`{re.escape(param)}`", ALL_DOCS), (
        f"URL parameter {param!r} is not in README/docs"
    )


def _routes(app) -> list[str]:
    out = []
    for rule in app.server.url_map.iter_rules():
        path = rule.rule
        if path.startswith(("/_dash", "/assets", "/_reload", "/_favicon", "/static")) or path in (
            "/",
        ):
            continue
        if "<path:" in path:  # catch-alls (the page's, the API's unknown paths)
            continue
        out.append(re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", path))
    return sorted(set(out))


def test_every_api_and_export_route_is_documented(app):
    missing = []
    for route in _routes(app):
        stem = route.split("<")[0].rstrip("/.")
        if stem not in ALL_DOCS:
            missing.append(route)
    assert missing == [], f"routes not in README/docs: {missing}"


def _subcommands(module: str) -> list[str]:
    import argparse
    import importlib

    main = importlib.import_module(f"{module}.__main__").main
    found: list[str] = []
    real = argparse.ArgumentParser.parse_known_args

    def capture(self, args=None, namespace=None):
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                found.extend(action.choices)
        raise SystemExit(0)

    argparse.ArgumentParser.parse_known_args = capture
    try:
        try:
            main([])
        except SystemExit:
            pass
    finally:
        argparse.ArgumentParser.parse_known_args = real
    return found


@pytest.mark.parametrize("module", ["geodata", "dashboard"])
def test_every_command_is_documented(module):
    commands = _subcommands(module)
    assert commands, module
    for c in commands:
        assert f"python -m {module} {c}" in README, f"`python -m {module} {c}` is not in README.md"


def test_every_make_target_a_user_runs_is_documented():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()
    internal = {"install", "install-test", "browser", "clean", "format", "check"}
    for target in sorted(set(phony) - internal):
        assert f"make {target}" in README, f"`make {target}` is not in README.md"


@pytest.mark.parametrize("table", [*TABLES.values(), *BUILD_TABLES.values()], ids=lambda t: t.name)
def test_every_table_and_column_is_described_in_data_md(table):
    data_md = DOCS["data.md"]
    assert f"`{table.name}.csv`" in data_md
    spans = _code_spans(data_md)
    missing = [c.name for c in table.columns if c.name not in spans]
    assert missing == [], f"{table.name}: columns not described in docs/data.md: {missing}"
