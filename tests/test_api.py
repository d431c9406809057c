"""The read-only HTTP API, in process through Flask's test client (no server, no browser)."""

from __future__ import annotations

import io
import json

import flask
import pandas as pd
import pytest

from dashboard import api
from dashboard.tables import LAYERS
from geodata.catalog import default_catalog
from geodata.measures import MEASURES
from geodata.schema import LOAD_ORDER, STATUSES

SEED_DOCUMENTS = ("hkvision-2017", "gov-bri-2026", "gov-mainland-2017", "fyp-2026", "bpa-2024")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json"}
ALL = "status=existing,planned,proposed,closed,suspended"  # every layer has rows


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def _bare_app(catalog) -> flask.Flask:
    server = flask.Flask(__name__)
    server.register_blueprint(api.make_blueprint(lambda: catalog))
    return server


@pytest.fixture(scope="module")
def client(catalog):
    """The real app when it can be built; else a bare Flask app with only the API."""
    try:
        from dashboard.app import create_app

        server = create_app(catalog=catalog).server
    except ImportError:  # layout / callbacks not written yet
        server = _bare_app(catalog)
    return server.test_client()


@pytest.fixture(scope="module")
def bare_client(catalog):
    return _bare_app(catalog).test_client()


def get_json(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.get_data(as_text=True)[:500])
    assert r.is_json, (url, r.content_type)
    return r.get_json()


def _total(counts: dict) -> int:
    return sum(n for layer in counts.values() for n in layer.values())


# -- summary ----------------------------------------------------------------------------------
def test_summary_default_keys_and_types(client, catalog):
    body = get_json(client, "/api/v1/summary")
    assert set(body) == {
        "state", "warnings", "counts", "coverage", "baseline", "gain", "places", "of",
        "route_evidence", "track_record", "draft", "population", "definitions", "data_version",
    }  # fmt: skip
    assert body["draft"] is None  # no draft in the link
    assert body["warnings"] == []
    assert body["data_version"] == catalog.version
    assert body["state"]["view"] == "explore" and body["state"]["year"] == 2026
    assert body["state"]["statuses"] == ["existing", "planned"]
    assert set(body["counts"]) == {"offices", "cities", "routes"}
    for per_status in body["counts"].values():
        assert set(per_status) == set(STATUSES)
        assert all(isinstance(n, int) and n >= 0 for n in per_status.values())
    for key in ("coverage", "baseline"):
        assert set(body[key]) == set(tuple(MEASURES))
        assert all(isinstance(n, int) for n in body[key].values())
    assert set(body["gain"]) == set(tuple(MEASURES))
    assert all(isinstance(v, list) for v in body["gain"].values())
    assert body["counts"]["offices"]["existing"] > 0
    assert body["coverage"]["countries_with_office"] > 0


def test_summary_proposal_gain(client):
    # compare: the existing network against existing + the proposal, as the compare view shows
    body = get_json(client, "/api/v1/summary?view=compare&proposal=hkvision-2017")
    assert body["warnings"] == []
    assert body["state"]["proposals"] == ["hkvision-2017"]
    assert body["gain"]["countries_with_office"] == ["KAZ", "POL", "RUS", "VNM"]
    assert body["gain"]["countries_with_full_office"] == ["IND", "KAZ", "POL", "RUS"]
    assert body["gain"]["provinces_with_office"] == ["650000"]
    assert body["gain"]["provinces_with_full_office"] == ["350000", "650000"]
    for key in tuple(MEASURES):
        assert body["coverage"][key] == body["baseline"][key] + len(body["gain"][key])


def test_summary_year_changes_counts(client):
    old = get_json(client, "/api/v1/summary?year=2012")
    new = get_json(client, "/api/v1/summary?year=2026")
    assert old["state"]["year"] == 2012 and old["warnings"] == []
    assert old["counts"] != new["counts"]
    assert _total(old["counts"]) < _total(new["counts"])


@pytest.mark.parametrize(
    "query, param",
    [
        ("year=abc", "year"),
        ("year=99999", "year"),
        ("region=atlantis", "region"),
        ("status=", "status"),
        ("status=,,", "status"),
        ("lang=xx", "lang"),
        ("view=nope", "view"),
        ("proposal=not-a-document", "proposal"),
        ("frobnicate=1", "frobnicate"),
        ("kind=" + "x" * 5000, "kind"),
        ("region=%ff%fe", "region"),
        ("year=%ff", "year"),
        ("v=999", "v"),
    ],
)
def test_summary_bad_params_warn(client, query, param):
    body = get_json(client, f"/api/v1/summary?{query}")
    params = [w["param"] for w in body["warnings"]]
    assert param in params, body["warnings"]
    for w in body["warnings"]:
        assert set(w) == {"param", "value", "reason"}
        assert len(w["value"]) <= api.MAX_ECHO and len(w["param"]) <= api.MAX_ECHO
    default = get_json(client, "/api/v1/summary")["state"]
    if param != "v":
        assert body["state"] == default  # each bad value falls back to its default


def test_bad_values_keep_good_ones(client):
    body = get_json(client, "/api/v1/summary?region=asean,atlantis&year=2020&lang=xx")
    assert body["state"]["regions"] == ["asean"]
    assert body["state"]["year"] == 2020
    assert {w["param"] for w in body["warnings"]} == {"region", "lang"}


@pytest.mark.parametrize(
    "query",
    ["&&&", "=", "==x", "%", "%zz", "a=%", "year=1e3", "year=-0", "region=" + ",".join(["asean"] * 900),
     "status=existing%00", "%ff=%ff", "lang=" + "\u2603" * 50, "scene=99999999999999999999"],
)  # fmt: skip
def test_garbage_query_never_fails(client, query):
    for path in (
        "/api/v1/summary",
        "/api/v1/layers/offices.csv",
        "/api/v1/layers/countries.geojson",
    ):
        r = client.get(f"{path}?{query}")
        assert r.status_code == 200, (path, query, r.get_data(as_text=True)[:300])


def test_many_bad_params_are_capped(client):
    query = "&".join(f"p{i}=x" for i in range(300))
    body = get_json(client, f"/api/v1/summary?{query}")
    assert len(body["warnings"]) == api.MAX_WARNINGS + 1
    assert "280 more" in body["warnings"][-1]["reason"]
    r = client.get(f"/api/v1/layers/offices.csv?{query}")
    assert r.status_code == 200 and len(r.headers["X-Atlas-Warnings"]) <= api.MAX_HEADER
    assert json.loads(r.headers["X-Atlas-Warnings"])[0]["param"] == "p0"


def test_too_long_query_is_414_json(client):
    r = client.get("/api/v1/summary?" + "a=b&" * 5000)
    assert r.status_code == 414 and r.is_json and "error" in r.get_json()


# -- layers -----------------------------------------------------------------------------------
def read_csv(resp) -> pd.DataFrame:
    raw = resp.get_data()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 BOM"
    return pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_default_cities_layer_may_be_empty(client):
    # every sister city in the data is a proposal: none shows by default, the CSV is a header
    df = read_csv(client.get("/api/v1/layers/cities.csv"))
    assert "source" in df.columns
    fc = client.get("/api/v1/layers/cities.geojson").get_json(force=True)
    assert len(fc["features"]) == len(df)


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_csv_and_geojson(client, layer):
    r = client.get(f"/api/v1/layers/{layer}.csv?{ALL}")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == CONTENT_TYPES["csv"]
    what = f"{layer}-bri-flights-no-office" if layer == "gaps" else layer  # the gap asked
    assert r.headers["Content-Disposition"] == f"attachment; filename=hk-atlas-{what}-2026-en.csv"
    df = read_csv(r)
    assert len(df) > 0
    for col in ("source", "document_id", "confidence"):
        assert col in df.columns
    assert (df["source"].str.strip() != "").all()

    g = client.get(f"/api/v1/layers/{layer}.geojson?{ALL}")
    assert g.status_code == 200
    assert g.headers["Content-Type"] == CONTENT_TYPES["geojson"]
    fc = json.loads(g.get_data(as_text=True))
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == len(df)
    assert all(f["type"] == "Feature" and "properties" in f for f in fc["features"])


def test_layer_filtered_by_region(client, catalog):
    _, asean = catalog.region_members["asean"]
    df = read_csv(client.get("/api/v1/layers/offices.csv?region=asean"))
    assert len(df) > 0
    assert set(df["country_iso3"]) <= asean
    countries = read_csv(client.get("/api/v1/layers/countries.csv?region=asean"))
    assert set(countries["iso3"]) == set(asean) & set(catalog.country_names.index)
    everywhere = read_csv(client.get("/api/v1/layers/offices.csv"))
    assert len(df) < len(everywhere)


def test_layer_proposal_rows(client):
    plain = read_csv(client.get("/api/v1/layers/offices.csv"))
    with_prop = read_csv(client.get("/api/v1/layers/offices.csv?proposal=hkvision-2017"))
    assert "proposed" not in set(plain["status_at"])
    proposed = with_prop[with_prop["status_at"] == "proposed"]
    assert len(proposed) > 0 and set(proposed["document_id"]) == {"hkvision-2017"}


def test_layer_language(client):
    zh = read_csv(client.get("/api/v1/layers/offices.csv?lang=zh"))
    en = read_csv(client.get("/api/v1/layers/offices.csv"))
    has_zh = zh["name_zh"] != ""
    assert (zh.loc[has_zh, "name"] == zh.loc[has_zh, "name_zh"]).all()
    assert (en["name"] == en["name_en"]).all()


def test_layer_bad_params_still_download(client):
    r = client.get("/api/v1/layers/routes.csv?year=abc&region=atlantis")
    assert r.status_code == 200
    warned = {w["param"] for w in json.loads(r.headers["X-Atlas-Warnings"])}
    assert warned == {"year", "region"}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/layers/nope.csv", "/api/v1/layers/offices.xlsx", "/api/v1/layers/offices",
     "/api/v1/layers/Offices.csv", "/api/v1/layers/a/b.csv", "/api/v1/layers/.csv"],
)  # fmt: skip
def test_unknown_layer_is_404_json(client, path):
    body = get_json(client, path, status=404)
    assert "error" in body
    if path.count("/") == 4:
        assert body["layers"] == list(LAYERS)


# -- documents, health, errors -----------------------------------------------------------------
def test_documents(client, catalog):
    docs = get_json(client, "/api/v1/documents")
    assert isinstance(docs, list) and len(docs) == len(catalog.documents)
    ids = [d["id"] for d in docs]
    assert set(SEED_DOCUMENTS) <= set(ids)
    assert len(ids) == len(set(ids))
    for d in docs:
        assert {"id", "kind", "title_en", "title_zh", "publisher", "date", "file", "url"} <= set(d)


def test_healthz(client, catalog):
    body = get_json(client, "/healthz")
    assert body["status"] == "ok"
    assert body["data_version"] == catalog.version
    assert body["counts"] == {t: len(catalog.table(t)) for t in LOAD_ORDER}


@pytest.mark.parametrize(
    "path", ["/api/v1/summary", "/api/v1/layers/offices.csv", "/api/v1/documents", "/healthz"]
)
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_only_get(client, path, method):
    r = getattr(client, method)(path)
    assert r.status_code == 405
    assert r.is_json and "error" in r.get_json()


@pytest.mark.parametrize(
    "path", ["/api/v1/nope", "/api/v2/summary", "/api/", "/api/v1/summary/extra"]
)
def test_unknown_api_path_is_404_json(client, path):
    body = get_json(client, path, status=404)
    assert body["error"]


def test_unknown_api_path_is_404_json_on_bare_blueprint(bare_client):
    body = get_json(bare_client, "/api/v1/no/such/thing", status=404)
    assert body["error"]


def test_conditional_get(client):
    first = client.get("/api/v1/summary?year=2020")
    etag = first.headers["ETag"]
    again = client.get("/api/v1/summary?year=2020", headers={"If-None-Match": etag})
    assert again.status_code == 304
    other = client.get("/api/v1/summary?year=2021", headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_responses_are_deterministic(client):
    a = client.get("/api/v1/layers/countries.geojson?proposal=hkvision-2017").get_data()
    b = client.get("/api/v1/layers/countries.geojson?proposal=hkvision-2017").get_data()
    assert a == b


def test_unexpected_error_is_json_500(catalog):
    def broken():
        raise RuntimeError("secret detail")

    server = flask.Flask(__name__)
    server.register_blueprint(api.make_blueprint(broken))
    c = server.test_client()
    r = c.get("/api/v1/summary")
    assert r.status_code == 500 and r.is_json
    assert "secret" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)
    h = c.get("/healthz")
    assert h.status_code == 503 and h.get_json()["status"] == "error"


def test_a_download_is_named_for_what_it_holds(client):
    r = client.get("/api/v1/layers/offices.csv?region=asean&lang=zh&proposal=bpa-2024&year=2020")
    assert (
        r.headers["Content-Disposition"]
        == "attachment; filename=hk-atlas-offices-asean-bpa-2024-2020-zh.csv"
    )


@pytest.mark.parametrize(
    "query",
    [
        "",
        "lang=zh&year=2017",
        "service=passenger,cargo&status=existing,planned,proposed&proposal=bpa-2024",
    ],
)
def test_the_regions_table_has_the_numbers_the_map_shows_for_each_region(client, query):
    rows = read_csv(client.get(f"/api/v1/layers/regions.csv?{query}"))
    assert {"asean", "gcc", "central-asia", "europe"} <= set(rows["id"])
    for r in rows.to_dict("records"):
        s = client.get(f"/api/v1/summary?{query}&region={r['id']}").get_json()
        cov = s["coverage"]
        got = tuple(
            int(r[k]) for k in ("with_office", "covered_by_an_office", "with_route", "destinations")
        )
        assert got == (
            cov["countries_with_office"], cov["countries_covered"], cov["countries_with_route"],
            cov["destinations"]), r["id"]  # fmt: skip
        members = read_csv(client.get(f"/api/v1/layers/countries.csv?{query}&region={r['id']}"))
        assert int(r["countries"]) == len(members)
        assert int(r["bri_members"]) == int((members["bri"].astype(int) > 0).sum())
        assert r["source"]  # the membership's source
