"""The command lines: ``python -m geodata`` and ``python -m dashboard check-deck``, run as a
maintainer runs them (in a subprocess, on the committed data and on a broken copy)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from geodata import BOUNDARIES_DIR, DATA_DIR
from geodata.__main__ import main as geodata_main


def run(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, timeout=timeout
    )


def test_check_passes_on_the_committed_data():
    r = run("geodata", "check")
    assert r.returncode == 0, r.stderr
    assert "OK" in r.stdout and "reconciliation:" in r.stdout
    assert "offices" in r.stdout and "stated_counts" in r.stdout


def test_check_names_file_line_and_column_of_a_bad_row(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    routes = data / "routes.csv"
    lines = routes.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",existing,", ",exisitng,", 1)
    routes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("geodata", "--data", str(data), "check")
    assert r.returncode == 1
    assert "routes.csv, line 4, column 'status'" in r.stderr and "exisitng" in r.stderr
    assert "Traceback" not in r.stderr


def test_edited_table_is_what_the_catalog_loads(tmp_path):
    """The CSVs are the source of truth: an edit is what the app shows, nothing regenerates it."""
    from geodata.catalog import load_catalog

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    offices = data / "offices.csv"
    text = offices.read_text(encoding="utf-8")
    offices.write_text(
        text.replace("香港駐曼谷經濟貿易辦事處", "香港駐曼谷經貿辦（測試）"), encoding="utf-8"
    )
    cat = load_catalog(data, BOUNDARIES_DIR)
    assert "香港駐曼谷經貿辦（測試）" in set(cat.offices["name_zh"])


def test_reconcile_lists_every_stated_count(catalog):
    r = run("geodata", "reconcile")
    assert r.returncode == 0
    lines = [x for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == len(catalog.stated_counts)


def test_unknown_arguments_are_refused(capsys):
    with pytest.raises(SystemExit) as e:
        geodata_main(["check", "--frobnicate"])
    assert e.value.code == 2


@pytest.mark.build
def test_airport_prints_a_route_row_start():
    pytest.importorskip("airportsdata")
    r = run("geodata", "airport", "TAS", "ZZZZ")
    assert r.returncode == 1  # one unknown code
    assert "dest_iata=TAS" in r.stdout and "country_iso3=UZB" in r.stdout
    assert "ZZZZ" in r.stderr


def test_check_deck_accepts_the_default_deck_and_names_a_bad_scene(tmp_path):
    r = run("dashboard", "check-deck", "dashboard/decks/default.json")
    assert r.returncode == 0 and "OK, 8 scene(s)" in r.stdout
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"version": 1, "scenes": [{"title": {"en": "A"}, "query": "metric=nope"}]})
    )
    r = run("dashboard", "check-deck", str(bad))
    assert r.returncode == 1 and "scene 1" in r.stderr and "metric" in r.stderr
    assert "Traceback" not in r.stderr
