"""Bad input gets a clear error naming file, line, column, value and reason."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from geodata import BOUNDARIES_DIR, DATA_DIR
from geodata.catalog import load_catalog
from geodata.dates import parse_date
from geodata.schema import OFFICES, ROUTES, TABLES
from geodata.validate import DataError, decode, read_rows

HEADER = ",".join(OFFICES.column_names)
CTX = {"iso3": frozenset({"THA", "GBR", "CHN", "HKG"}), "adcode": frozenset({"440000", "110000"})}


def office_row(**kw) -> str:
    base = {
        "id": "eto-bangkok",
        "name_en": "HKETO Bangkok",
        "name_zh": "香港駐曼谷經濟貿易辦事處",
        "kind": "eto",
        "parent_id": "",
        "city_en": "Bangkok",
        "city_zh": "曼谷",
        "country_iso3": "THA",
        "adcode": "",
        "lat": "13.7563",
        "lon": "100.5018",
        "precision": "city",
        "region_id": "",
        "status": "existing",
        "basis": "named",
        "opened": "2019-02",
        "closed": "",
        "realised_by": "",
        "document_id": "gov-bri-2026",
        "source": "gov-bri-2026 §(二)",
        "confidence": "high",
        "notes": "",
    }
    base.update(kw)
    return ",".join(f'"{base[c]}"' for c in OFFICES.column_names)


def problems_of(text: str, table=OFFICES, file="offices.csv"):
    with pytest.raises(DataError) as e:
        read_rows(text, table, file, CTX)
    return e.value.problems


def test_a_good_row_loads():
    df = read_rows(HEADER + "\n" + office_row() + "\n", OFFICES, "offices.csv", CTX)
    assert len(df) == 1 and df.loc[0, "_line"] == 2 and df.loc[0, "country_iso3"] == "THA"


@pytest.mark.parametrize(
    "change, column, reason",
    [
        ({"lat": "north"}, "lat", "expected a number"),
        ({"lat": "95"}, "lat", "latitude must be between -90 and 90"),
        ({"lon": "-181"}, "lon", "longitude must be between -180 and 180"),
        ({"lat": "nan"}, "lat", "finite"),
        ({"country_iso3": "XYZ"}, "country_iso3", "unknown country code"),
        ({"adcode": "999999"}, "adcode", "unknown province adcode"),
        ({"adcode": "44"}, "adcode", "6-digit"),
        ({"status": "rumoured"}, "status", "expected one of existing"),
        ({"kind": "embassy"}, "kind", "expected one of eto"),
        ({"opened": "Feb 2019"}, "opened", "expected a real date"),
        ({"opened": "2019-13"}, "opened", "expected a real date"),
        ({"id": "ETO Bangkok"}, "id", "lower-case"),
        ({"name_en": ""}, "name_en", "a value is required"),
    ],
)
def test_cell_problems_name_line_column_value_reason(change, column, reason):
    text = (
        HEADER
        + "\n"
        + office_row(id="eto-london", country_iso3="GBR")
        + "\n"
        + office_row(**change)
        + "\n"
    )
    [p] = problems_of(text)
    assert (p.file, p.line, p.column) == ("offices.csv", 3, column)
    assert p.value == change[column]
    assert reason in p.reason
    assert f"offices.csv, line 3, column '{column}'" in str(p)


def test_missing_column():
    header = HEADER.replace(",lat,", ",")
    row = office_row().split(",")
    del row[OFFICES.column_names.index("lat")]
    [p] = problems_of(header + "\n" + ",".join(row) + "\n")
    assert (p.line, p.column) == (1, "lat") and "missing" in p.reason


def test_unknown_column_is_reported():
    [p] = problems_of(HEADER + ",colour\n" + office_row() + ",red\n")
    assert (p.line, p.column) == (1, "colour") and "unknown column" in p.reason


def test_duplicate_id():
    text = HEADER + "\n" + office_row() + "\n" + office_row() + "\n"
    [p] = problems_of(text)
    assert (p.line, p.column, p.value) == (3, "id", "eto-bangkok") and "first on line 2" in p.reason


def test_wrong_field_count():
    [p] = problems_of(HEADER + "\n" + office_row() + ",extra\n")
    assert p.line == 2 and "expected" in p.reason and "fields" in p.reason


def test_multiline_quoted_field_keeps_line_numbers():
    row2 = office_row(notes="first line\nsecond line")
    text = HEADER + "\n" + row2 + "\n" + office_row(id="x-2", lat="200") + "\n"
    [p] = problems_of(text)
    assert p.line == 4 and p.column == "lat"


def test_empty_file():
    with pytest.raises(DataError) as e:
        decode(b"  \n", "routes.csv")
    [p] = e.value.problems
    assert p.file == "routes.csv" and "empty" in p.reason


def test_header_only_file_is_fine_but_no_header_is_not():
    assert len(read_rows(",".join(ROUTES.column_names) + "\n", ROUTES, "routes.csv", CTX)) == 0
    with pytest.raises(DataError):
        read_rows("", ROUTES, "routes.csv", CTX)


def test_non_utf8_file_names_the_line():
    raw = (HEADER + "\n" + office_row()).encode("utf-8") + b"\n" + "曼谷".encode("big5") + b"\n"
    with pytest.raises(DataError) as e:
        decode(raw, "offices.csv")
    [p] = e.value.problems
    assert p.line == 3 and "not UTF-8" in p.reason


def test_utf8_bom_is_accepted():
    assert decode("\ufeffid\n".encode("utf-8"), "x.csv") == "id\n"


@pytest.mark.parametrize(
    "value, ok",
    [
        ("2019", True),
        ("2019-02", True),
        ("2019-02-28", True),
        ("2019-00", False),
        ("19", False),
        ("2019-02-30x", False),
    ],
)
def test_parse_date(value, ok):
    assert (parse_date(value) is not None) == ok


# -- catalog-level checks (cross-table references, points in their country) ------------
@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    return out


def _edit(path: Path, old: str, new: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if old in line:
            lines[i] = line.replace(old, new, 1)
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError(f"{old!r} not found in {path}")


def test_committed_data_loads():
    cat = load_catalog()
    assert len(cat.offices) > 0 and len(cat.routes) > 0


def test_unknown_document_id(data_copy: Path):
    line = _edit(data_copy / "offices.csv", ",gov-bri-2026,", ",gov-bri-2099,")
    with pytest.raises(DataError) as e:
        load_catalog(data_copy, BOUNDARIES_DIR)
    p = next(p for p in e.value.problems if p.column == "document_id")
    assert (p.file, p.line, p.value) == (
        "offices.csv",
        line,
        "gov-bri-2099",
    ) and "unknown documents id" in p.reason


def test_point_outside_its_country(data_copy: Path):
    # move the Bangkok ETO to the middle of the Bay of Bengal
    path = data_copy / "offices.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    line = next(i for i, r in enumerate(rows) if r["id"] == "eto-bangkok") + 2
    for r in rows:
        if r["id"] == "eto-bangkok":
            r["lat"], r["lon"] = "15.0", "88.0"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(DataError) as e:
        load_catalog(data_copy, BOUNDARIES_DIR)
    [p] = [p for p in e.value.problems if p.column == "lat/lon"]
    assert (p.file, p.line, p.value) == ("offices.csv", line, "15.0,88.0")
    assert "outside THA" in p.reason


def test_region_with_unknown_member(data_copy: Path):
    _edit(data_copy / "regions.csv", "THA", "THX")
    with pytest.raises(DataError) as e:
        load_catalog(data_copy, BOUNDARIES_DIR)
    assert any(p.file == "regions.csv" and p.value == "THX" for p in e.value.problems)


def test_every_table_has_a_source_column_with_values():
    cat = load_catalog()
    for name, table in TABLES.items():
        if "source" in table.column_names:
            df = cat.table(name)
            assert (df["source"].str.len() > 0).all(), name
