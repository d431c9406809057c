"""Layer tables and their CSV / GeoJSON forms (pure functions of catalog and view state)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from dashboard import tables as lyr
from dashboard.scenes import state_options as options
from dashboard.state import ViewState
from geodata.catalog import default_catalog
from geodata.codes import NOT_FOREIGN, STATUSES
from geodata.measures import summary
from geodata.metrics import METRICS

SOURCE_COLUMNS = ("document_id", "document_title", "source", "confidence")
ALL = "status=existing,planned,proposed,closed,suspended"


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


@pytest.fixture(scope="module")
def opts(catalog):
    return options(catalog)


def state(opts, query: str = "") -> ViewState:
    st, warnings = ViewState.from_query(query, opts)
    assert not warnings, warnings
    return st


def test_options(catalog, opts):
    assert opts.regions == tuple(catalog.regions["id"])
    assert opts.proposals == catalog.proposal_ids
    assert "asean" in opts.regions and "hkvision-2017" in opts.proposals


@pytest.mark.parametrize("layer", lyr.LAYERS)
def test_public_columns(catalog, opts, layer):
    df = lyr.layer_frame(catalog, state(opts, ALL), layer)
    assert len(df) > 0
    assert not [c for c in df.columns if c.startswith("_") or c.startswith("joined_")]
    assert set(SOURCE_COLUMNS) <= set(df.columns)
    names = ("city_en", "city_zh") if layer in ("cities", "routes") else ("name_en", "name_zh")
    assert {"name", *names} <= set(df.columns)
    assert (df["source"].str.strip() != "").all()
    assert df.columns.is_unique
    assert df.equals(lyr.layer_frame(catalog, state(opts, ALL), layer))  # deterministic


@pytest.mark.parametrize("layer", lyr.POINT_LAYERS)
def test_point_layers(catalog, opts, layer):
    df = lyr.layer_frame(catalog, state(opts, ALL), layer)
    placed = (
        df[df["precision"] != "region"] if "precision" in df else df
    )  # region-level rows have no point
    assert placed["lat"].between(-90, 90).all() and placed["lon"].between(-180, 180).all()
    assert df.loc[df.index.difference(placed.index), "lat"].isna().all()
    assert set(df["status_at"]) <= set(STATUSES)
    assert (df["document_id"] != "").all() and (df["document_title"] != "").all()
    assert df["id"].is_unique
    known = set(catalog.country_names.index)
    assert set(placed["country_iso3"]) <= known
    assert (placed["country_en"] != "").all()


def test_point_layers_match_summary(catalog, opts):
    st = state(opts, "proposal=hkvision-2017")
    counts = summary(catalog, st.network_filter())["counts"]
    for layer in lyr.POINT_LAYERS:
        df = lyr.layer_frame(catalog, st, layer)
        assert len(df) == sum(counts[layer].values())


def test_countries(catalog, opts):
    st = state(opts)
    df = lyr.layer_frame(catalog, st, "countries")
    assert df["iso3"].is_unique and list(df["iso3"]) == sorted(df["iso3"])
    assert set(df["iso3"]) == set(catalog.country_names.index)
    assert (df["name_en"] != "").all()
    cov = summary(catalog, st.network_filter())["coverage"]
    with_office = df[(df["offices"] > 0) & ~df["iso3"].isin(NOT_FOREIGN)]
    assert len(with_office) == cov["countries_with_office"]
    assert set(df["presence_label"]) <= {c.label.en for c in METRICS["presence"].categories}
    for metric in METRICS.values():  # every metric is a column; categorical ones are labelled
        assert metric.id in df and (f"{metric.id}_label" in df) == metric.categorical
    linked = df[df["presence"] > 0]
    assert (linked["document_id"] != "").all()


def test_countries_in_region(catalog, opts):
    _, members = catalog.region_members["asean"]
    df = lyr.layer_frame(catalog, state(opts, "region=asean"), "countries")
    assert set(df["iso3"]) == members & set(catalog.country_names.index)


def test_provinces(catalog, opts):
    df = lyr.layer_frame(catalog, state(opts), "provinces")
    assert df["adcode"].is_unique and len(df) == len(catalog.provinces)
    assert (df["name_zh"] != "").all()
    gained = lyr.layer_frame(catalog, state(opts, "proposal=hkvision-2017"), "provinces")
    # Xinjiang gains an office; Fujian an ETO where it had a liaison unit
    assert list(gained.loc[gained["gain"] == 1, "adcode"]) == ["350000", "650000"]


def test_language_picks_name(catalog, opts):
    en = lyr.layer_frame(catalog, state(opts), "countries", lang="en")
    zh = lyr.layer_frame(catalog, state(opts), "countries", lang="zh")
    assert (en["name"] == en["name_en"]).all()
    has_zh = zh["name_zh"] != ""
    assert (zh.loc[has_zh, "name"] == zh.loc[has_zh, "name_zh"]).all()


def test_unknown_layer(catalog, opts):
    with pytest.raises(ValueError, match="layer was 'nope'"):
        lyr.layer_frame(catalog, state(opts), "nope")


# -- CSV ----------------------------------------------------------------------------------------
def test_csv_round_trip(catalog, opts):
    df = lyr.layer_frame(catalog, state(opts), "offices")
    text = lyr.to_csv(df)
    assert text.startswith("\ufeff")
    back = pd.read_csv(
        io.BytesIO(text.encode("utf-8")), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    assert list(back.columns) == list(df.columns)
    assert list(back["name_zh"]) == list(df["name_zh"])


def test_csv_defuses_formulas():
    df = pd.DataFrame({"a": ["=1+1", "+x", "@sum", "-3", "ok"], "n": [1, -2, 3, 4, 5]})
    back = pd.read_csv(io.StringIO(lyr.to_csv(df).lstrip("\ufeff")), dtype=str)
    assert list(back["a"]) == ["'=1+1", "'+x", "'@sum", "-3", "ok"]
    assert list(back["n"]) == ["1", "-2", "3", "4", "5"]


# -- GeoJSON -----------------------------------------------------------------------------------
@pytest.mark.parametrize("layer", lyr.LAYERS)
def test_geojson_matches_frame(catalog, opts, layer):
    df = lyr.layer_frame(catalog, state(opts, "proposal=hkvision-2017"), layer)
    fc = lyr.to_geojson(df, layer, catalog)
    json.dumps(fc, allow_nan=False)  # strict JSON: no NaN / numpy types
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(df)
    for f, row in zip(fc["features"], df.to_dict("records")):
        assert f["properties"].keys() == row.keys()
    if layer in lyr.POINT_LAYERS:
        assert all(f["geometry"] is not None for f in fc["features"])


def test_geojson_geometries(catalog, opts):
    st = state(opts)
    routes = lyr.to_geojson(lyr.layer_frame(catalog, st, "routes"), "routes", catalog)
    for f in routes["features"]:  # a great circle from HKG (cut in two across ±180°)
        g = f["geometry"]
        parts = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
        assert g["type"] in ("LineString", "MultiLineString") and len(parts[0]) >= 2
        start, end = parts[0][0], parts[-1][-1]
        assert start == [113.918, 22.308]
        assert end == [round(f["properties"]["lon"], 4), round(f["properties"]["lat"], 4)]
    offices = lyr.to_geojson(lyr.layer_frame(catalog, st, "offices"), "offices", catalog)
    assert {f["geometry"]["type"] for f in offices["features"]} == {"Point"}
    countries = lyr.to_geojson(lyr.layer_frame(catalog, st, "countries"), "countries", catalog)
    by_id = {f["id"]: f for f in countries["features"]}
    for iso3 in ("HKG", "SGP", "USA", "KAZ", "CHN"):
        assert by_id[iso3]["geometry"] is not None, iso3
    drawn = sum(f["geometry"] is not None for f in countries["features"])
    assert drawn >= 0.95 * len(countries["features"])
    provinces = lyr.to_geojson(lyr.layer_frame(catalog, st, "provinces"), "provinces", catalog)
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in provinces["features"])


def test_every_column_of_every_table_has_a_header_in_both_languages(catalog, opts):
    from dashboard.columns import HEADERS, header

    st = state(opts).with_(proposals=("bpa-2024",))
    for layer in lyr.LAYERS:
        for col in lyr.layer_frame(catalog, st, layer).columns:
            assert col in HEADERS, (layer, col)
            assert header(col, "zh") != header(col, "en")
    assert header("no_such_column", "zh") == "no_such_column"


@pytest.mark.parametrize(("lang", "words"), [("en", "Mainland office"), ("zh", "駐內地辦事處")])
def test_the_grid_shows_coded_values_in_words_and_the_status_header_says_what_it_holds(lang, words):
    from dashboard.callbacks.table import column_defs
    from dashboard.columns import header

    defs = {
        d["field"]: d
        for d in column_defs(["kind", "status_at", "confidence", "outcome", "name"], lang)
    }
    assert defs["kind"]["refData"]["mainland_office"] == words
    assert set(defs["status_at"]["refData"]) >= {"existing", "planned", "proposed"}
    assert defs["outcome"]["refData"]["not realised"] in ("not realised", "未落實")
    assert "refData" not in defs["name"]
    assert header("status_at", lang) in ("Status in the year shown", "所示年份的狀態")


def test_the_grid_hides_class_numbers_beside_their_words_and_the_gaps_question():
    from dashboard.callbacks.table import column_defs

    defs = {
        d["field"]: d for d in column_defs(["gap", "name", "presence", "presence_label", "offices"])
    }
    assert defs["presence"].get("hide") and defs["gap"].get("hide")
    assert not defs["presence_label"].get("hide") and not defs["offices"].get("hide")


def test_the_proposals_tables_route_and_city_items_have_a_kind_in_words():
    from dashboard.columns import value_labels

    for lang in ("en", "zh"):
        words = value_labels("kind", lang)
        assert words["routes"] and words["cities"] and words["eto"]
