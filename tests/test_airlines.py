"""The airline filter (``airline=CX,KA``): one rule (a route counts when any of its airlines is
chosen) applied alike to the map, the numbers, the table, the API and the exports; and the
airlines table it lists, named in both languages."""

from __future__ import annotations

import io
import shutil

import pandas as pd
import pytest

from dashboard.figures import mapfig
from dashboard.layout.controls import airline_options
from dashboard.scenes import state_options
from dashboard.state import ViewState
from dashboard.tables import download_name, layer_frame
from geodata.catalog import load_catalog
from geodata.measures import summary
from geodata.network import select
from geodata.validate import DataError


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def listed(airlines: str) -> set[str]:
    return {x.strip() for x in airlines.split(";") if x.strip()}


@pytest.mark.parametrize("code", ["CX", "UO", "EK", "5X"])
def test_the_filter_applies_alike_to_map_numbers_table_and_api(catalog, client, code):
    state, warnings = ViewState.from_query(
        f"airline={code}&status=existing", state_options(catalog)
    )
    assert warnings == [] and state.airlines == (code,)
    routes = select(catalog, state.network_filter()).routes
    assert len(routes) > 0 and all(code in listed(a) for a in routes["airlines"])
    everyone = select(catalog, state.with_(airlines=()).network_filter()).routes
    assert len(routes) < len(everyone)
    # the map draws exactly these destinations
    points = mapfig.trace_updates(catalog, state)["routes_points"]["customdata"]
    assert sorted(points) == sorted(f"routes:{i}" for i in routes["id"])
    # the numbers count them
    nums = summary(catalog, state.network_filter())
    assert nums["coverage"]["destinations"] == routes["dest_iata"].nunique()
    # the table lists them, and so does the API's CSV
    assert sorted(layer_frame(catalog, state, "routes")["id"]) == sorted(routes["id"])
    csv = client.get(f"/api/v1/layers/routes.csv?airline={code}&status=existing")
    rows = pd.read_csv(io.StringIO(csv.get_data(as_text=True).lstrip("\ufeff")))
    assert sorted(rows["id"]) == sorted(routes["id"])
    api = client.get(f"/api/v1/summary?airline={code}&status=existing").get_json()
    assert api["coverage"] == nums["coverage"] and api["warnings"] == []
    assert code.lower() in download_name(state, "routes", "csv")


def test_cathay_pacific_alone_is_its_network(catalog):
    opts = state_options(catalog)
    cx, _ = ViewState.from_query("airline=CX", opts)
    both, _ = ViewState.from_query("airline=CX,UO", opts)
    n = {s: len(select(catalog, s.network_filter()).routes) for s in (cx, both)}
    assert 0 < n[cx] < n[both]  # a second airline adds the routes it flies


def test_an_unknown_airline_falls_back_with_a_notice(catalog):
    state, warnings = ViewState.from_query("airline=CX,ZZ", state_options(catalog))
    assert state.airlines == ("CX",)
    assert [w.param for w in warnings] == ["airline"] and "ZZ" in warnings[0].value


def test_airlines_are_named_in_both_languages_the_busiest_first(catalog):
    en = airline_options(catalog, "en")
    zh = airline_options(catalog, "zh")
    assert en[0] == {"label": "Cathay Pacific (CX)", "value": "CX", "search": en[0]["search"]}
    assert zh[0]["label"] == "國泰航空 (CX)" and "Cathay" in zh[0]["search"]
    by_code = {o["value"]: o["label"] for o in zh}
    assert by_code["UO"] == "香港快運航空 (UO)" and by_code["HX"] == "香港航空 (HX)"
    # no Chinese name from a source: the English name, never a made-up one
    table = catalog.table("airlines").set_index("iata")
    for code in table.index[table["name_zh"] == ""]:
        assert by_code[code].startswith(table.at[code, "name_en"] or code)
    assert {o["value"] for o in en} == set(table.index)


def test_a_route_with_an_airline_the_table_does_not_know_fails_to_load(catalog, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(catalog.data_dir, data)
    routes = pd.read_csv(data / "routes.csv", dtype=str, keep_default_na=False)
    routes.loc[0, "airlines"] = routes.loc[0, "airlines"] + ";Q9"
    routes.to_csv(data / "routes.csv", index=False)
    with pytest.raises(DataError) as e:
        load_catalog(data, catalog.boundaries_dir)
    p = e.value.problems[0]
    assert (p.file, p.line, p.column, p.value) == ("routes.csv", 2, "airlines", "Q9")


def test_the_caption_says_whose_routes_are_counted(catalog):
    from dashboard.describe import evidence_text, view_title

    state, _ = ViewState.from_query("airline=CX,UO&lang=zh", state_options(catalog))
    assert evidence_text(catalog, state, "zh").startswith("只計國泰航空及香港快運航空的航線")
    assert "Cathay Pacific" in view_title(catalog, state, "en")
