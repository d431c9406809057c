"""The gap finder: each question's rows are exactly what its definition says, with the view's
filters, in the table, the API and the explore presets."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.gaps import GAPS, POPULOUS
from dashboard.layout.gaps_panel import gap_links
from dashboard.scenes import state_options
from dashboard.state import ViewState
from dashboard.tables import layer_frame
from geodata.measures import summary
from geodata.weights import population


def state_of(catalog, query):
    state, warnings = ViewState.from_query(f"view=table&table=gaps&{query}", state_options(catalog))
    assert warnings == []
    return state


def places(catalog, state, key):
    return set(summary(catalog, state.effective().network_filter())["places"][key])


@pytest.mark.parametrize("region", ["", "asean", "central-asia"])
def test_country_gaps_are_their_definitions(catalog, region):
    q = f"region={region}&" if region else ""
    s = state_of(catalog, q + "gap=bri-flights-no-office")
    rows = set(layer_frame(catalog, s, "gaps")["iso3"])
    flown = places(catalog, s, "bri_countries_with_route")
    assert rows == flown - places(catalog, s, "countries_with_office")
    s = state_of(catalog, q + "gap=office-no-flight")
    rows = set(layer_frame(catalog, s, "gaps")["iso3"])
    assert rows == places(catalog, s, "countries_with_office") - places(
        catalog, s, "countries_with_route"
    )
    if region:
        members = catalog.region_members[region][1]
        assert rows <= members


def test_known_gaps_today(catalog):
    df = layer_frame(catalog, state_of(catalog, "gap=bri-flights-no-office"), "gaps")
    assert {"BGD", "KAZ", "KHM"} <= set(df["iso3"])  # flights, a Belt and Road document, no office
    assert set(df["gap"]) == {"Belt and Road countries with a nonstop flight but no office"}
    df = layer_frame(catalog, state_of(catalog, "gap=office-no-flight&lang=zh"), "gaps", "zh")
    assert "EGY" in set(df["iso3"]) and set(df["gap"]) == {"設有辦事處但沒有直航航班的國家"}


def test_the_most_populous_countries_without_an_office(catalog):
    s = state_of(catalog, "gap=populous-no-office")
    df = layer_frame(catalog, s, "gaps")
    pop = population(catalog)
    assert len(df) == POPULOUS
    people = [pop[c] for c in df["iso3"]]
    assert people == sorted(people, reverse=True) and df["iso3"].iloc[0] == "PAK"
    assert not set(df["iso3"]) & places(catalog, s, "countries_with_office")
    assert "CHN" not in set(df["iso3"]) and "IND" not in set(df["iso3"])


def test_proposal_items_not_realised_after_n_years(catalog):
    five = layer_frame(catalog, state_of(catalog, "gap=unrealised"), "gaps")
    assert len(five) > 0 and (five["outcome"] == "not realised").all()
    assert (five["years_since"] >= 5).all()
    ten = layer_frame(catalog, state_of(catalog, "gap=unrealised&after=10"), "gaps")
    assert set(ten["id"]) < set(five["id"]) and (ten["years_since"] >= 10).all()
    one = layer_frame(
        catalog, state_of(catalog, "gap=unrealised&after=1&proposal=bpa-2024"), "gaps"
    )
    assert set(one["document_id"]) == {"bpa-2024"}
    assert "Proposal items not realised after 10 years" in set(ten["gap"])


def test_the_api_and_geojson_give_the_same_rows(catalog, app):
    client = app.server.test_client()
    s = state_of(catalog, "gap=office-no-flight")
    csv = client.get(f"/api/v1/layers/gaps.csv?{s.to_query()}")
    assert "hk-atlas-gaps-office-no-flight-2026-en.csv" in csv.headers["Content-Disposition"]
    rows = pd.read_csv(io.StringIO(csv.get_data(as_text=True).lstrip("\ufeff")))
    assert sorted(rows["iso3"]) == sorted(layer_frame(catalog, s, "gaps")["iso3"])
    geo = client.get(f"/api/v1/layers/gaps.geojson?{s.to_query()}").get_json()
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in geo["features"])
    geo = client.get("/api/v1/layers/gaps.geojson?gap=unrealised").get_json()
    assert geo["features"] and all(f["geometry"] is None for f in geo["features"])


def test_a_bad_gap_falls_back_with_a_notice(catalog):
    state, warnings = ViewState.from_query("gap=nope&after=0", state_options(catalog))
    assert state.gap == "bri-flights-no-office" and state.gap_after == 5
    assert [w.param for w in warnings] == ["gap", "after"]


def test_the_explore_presets_link_each_question_with_the_views_filters(catalog):
    state, _ = ViewState.from_query("region=asean&lang=zh", state_options(catalog))
    links = [li.children for li in gap_links(state)[1].children]
    assert len(links) == len(GAPS)
    for a, g in zip(links, GAPS):
        assert f"gap={g}" in a.href or g == "bri-flights-no-office"  # the default is not written
        assert "table=gaps" in a.href and "region=asean" in a.href and "lang=zh" in a.href


def test_territories_count_under_their_state(catalog):
    df = layer_frame(catalog, state_of(catalog, "gap=populous-no-office&region=oceania"), "gaps")
    assert not {"GUM", "MNP"} & set(df["iso3"])  # the United States host offices
