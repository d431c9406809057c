"""Read-only HTTP API: ``make_blueprint(get_catalog) -> flask.Blueprint``.

Routes (GET only; the query parameters are the page URL's, see ``dashboard.state``):

- ``/api/v1/summary``                 the numbers on screen for that view state
- ``/api/v1/layers/<layer>.csv``      the filtered records of a layer (UTF-8 with BOM)
- ``/api/v1/layers/<layer>.geojson``  the same as a GeoJSON FeatureCollection
- ``/api/v1/proposals``               every proposal's track record as of the ``year``
- ``/api/v1/documents``               the source documents and proposals
- ``/healthz``                        liveness, data version and row counts

Invalid parameters never fail a request: they fall back to defaults and are listed in
``warnings``.  Every error is a JSON object with an ``error`` message and a 4xx status;
an unexpected exception is logged and answered with a JSON 500, never a stack trace.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable

import flask
from werkzeug.exceptions import HTTPException

from dashboard import tables as lyr
from dashboard.guard import MAX_QUERY_BYTES  # longer query strings get 414
from dashboard.scenes import state_options
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.datapackage import datapackage
from geodata.measures import MEASURES, added_by
from geodata.measures import summary as network_summary
from geodata.network import route_evidence
from geodata.schema import LOAD_ORDER, TABLES
from geodata.track import as_dicts, record_summary, track_record
from geodata.weights import WEIGHTED, population_shares, shares_against

log = logging.getLogger(__name__)

FORMATS = ("csv", "geojson")
MAX_ECHO = 80  # characters of a bad parameter or value echoed back in a warning
MAX_WARNINGS = 20  # warnings listed in full; the rest are counted in one last warning
MAX_HEADER = 2000  # bytes of warnings repeated in a download's X-Atlas-Warnings header
CACHE_SECONDS = 300


def _clip(text: str) -> str:
    return text if len(text) <= MAX_ECHO else text[: MAX_ECHO - 1] + "…"


def _error(message: str, code: int, **extra) -> flask.Response:
    resp = flask.jsonify({"error": message, **extra})
    resp.status_code = code
    return resp


def _guarded(view: Callable) -> Callable:
    """Answer HTTP errors as JSON and any unexpected exception as a logged JSON 500."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except HTTPException as e:
            return _error(e.description or e.name, e.code or 400)
        except Exception:  # noqa: BLE001 - the boundary: log it, never show a stack trace
            log.exception("API error on %s", flask.request.full_path)
            return _error("internal error; the problem has been logged", 500)

    return wrapper


def parse_state(catalog: Catalog) -> tuple[ViewState, list[dict]]:
    """The view state of the current request's query string, and the warnings for it."""
    raw = flask.request.query_string
    if len(raw) > MAX_QUERY_BYTES:
        flask.abort(414, f"the query string is longer than {MAX_QUERY_BYTES} bytes")
    query = raw.decode("utf-8", errors="replace")
    state, warnings = ViewState.from_query(query, state_options(catalog))
    out = [
        {"param": _clip(w.param), "value": _clip(w.value), "reason": w.reason}
        for w in warnings[:MAX_WARNINGS]
    ]
    if len(warnings) > MAX_WARNINGS:
        more = len(warnings) - MAX_WARNINGS
        out.append({"param": "…", "value": "", "reason": f"{more} more parameter(s) ignored"})
    return state, out


def _warnings_header(warnings: list[dict]) -> str:
    """The warnings as ASCII JSON, dropping the last ones until it fits a header."""
    n = len(warnings)
    text = json.dumps(warnings)
    while len(text) > MAX_HEADER and n:
        n -= 1
        text = json.dumps(warnings[:n])
    return text


def _cached(resp: flask.Response, catalog: Catalog) -> flask.Response:
    """Cache headers and an ETag from the data version and the request's path and query."""
    key = b"|".join(
        (catalog.version.encode(), flask.request.path.encode(), flask.request.query_string)
    )
    resp.set_etag(hashlib.sha256(key).hexdigest()[:20])
    resp.cache_control.public = True
    resp.cache_control.max_age = CACHE_SECONDS
    return resp.make_conditional(flask.request)


@reads_draft
def summary_payload(catalog: Catalog, state: ViewState, warnings: list[dict]) -> dict:
    flt = state.effective().network_filter()
    nums = network_summary(catalog, flt)
    shares = population_shares(catalog, flt)
    if state.view == "compare":  # the gain against the left map's network, as the page counts
        left = state.compare_baseline()
        nums = {**nums, "baseline": network_summary(catalog, left)["coverage"],
                "gain": added_by(catalog, flt, left)}  # fmt: skip
        shares = shares_against(catalog, flt, left)
    return {
        "state": state.to_dict(),
        "warnings": warnings,
        "counts": nums["counts"],
        "coverage": nums["coverage"],
        "baseline": nums["baseline"],
        "gain": nums["gain"],
        "places": nums["places"],
        "of": nums["of"],
        "route_evidence": route_evidence(catalog, flt.as_of),
        "track_record": {p: track_payload(catalog, p, flt.as_of) for p in state.proposals},
        "draft": draft_payload(catalog, state),
        "population": {k: {"of": WEIGHTED[k], **v.as_dict()} for k, v in shares.items()},
        "definitions": {
            k: {"label": m.label._asdict(), "definition": m.definition._asdict()}
            for k, m in MEASURES.items()
        },
        "data_version": catalog.version,
    }


def draft_payload(catalog: Catalog, state: ViewState) -> dict | None:
    """The draft (``draft=``): its items, and what it adds to the view without it, per measure."""
    if not state.draft:
        return None
    from dashboard.layout.draft_panel import draft_added

    return {
        "items": list(state.draft),
        "title": state.draft_title,
        "note": state.draft_note,
        "adds": draft_added(catalog, state),
    }


def track_payload(catalog: Catalog, proposal: str, as_of: str) -> dict:
    items = track_record(catalog, proposal, as_of)
    return {**record_summary(items), "items": as_dicts(items)}


def documents_payload(catalog: Catalog) -> list[dict]:
    cols = [c for c in TABLES["documents"].column_names if c in catalog.documents.columns]
    return [
        {c: str(v) for c, v in row.items()} for row in catalog.documents[cols].to_dict("records")
    ]


def make_blueprint(get_catalog: Callable[[], Catalog]) -> flask.Blueprint:
    """The API routes, reading the catalog through ``get_catalog`` on each request."""
    bp = flask.Blueprint("api", __name__)

    @bp.get("/api/v1/summary")
    @_guarded
    def summary():
        catalog = get_catalog()
        state, warnings = parse_state(catalog)
        return _cached(flask.jsonify(summary_payload(catalog, state, warnings)), catalog)

    @bp.get("/api/v1/layers/<string:filename>")
    @_guarded
    def layer(filename: str):
        name, _, ext = filename.rpartition(".")
        if name not in lyr.LAYERS or ext not in FORMATS:
            return _error(
                f"unknown layer file {_clip(filename)!r}",
                404,
                layers=list(lyr.LAYERS),
                formats=list(FORMATS),
            )
        catalog = get_catalog()
        state, warnings = parse_state(catalog)
        df = lyr.layer_frame(catalog, state, name, lang=state.lang)
        if ext == "csv":
            resp = flask.Response(lyr.to_csv(df), mimetype="text/csv")
            resp.headers["Content-Type"] = "text/csv; charset=utf-8"
            resp.headers["Content-Disposition"] = (
                f"attachment; filename={lyr.download_name(state, name, 'csv')}"
            )
        else:
            body = json.dumps(
                lyr.to_geojson(df, name, catalog),
                ensure_ascii=False,
                separators=(",", ":"),
                allow_nan=False,
            )
            resp = flask.Response(body, mimetype="application/geo+json")
        if warnings:  # a download has no room for them in the body
            resp.headers["X-Atlas-Warnings"] = _warnings_header(warnings)
        resp.headers["X-Atlas-Data-Version"] = catalog.version
        return _cached(resp, catalog)

    @bp.get("/api/v1/proposals")
    @_guarded
    def proposals():
        catalog = get_catalog()
        state, warnings = parse_state(catalog)
        as_of = state.network_filter().as_of
        body = {
            "as_of": as_of,
            "warnings": warnings,
            "proposals": {p: track_payload(catalog, p, as_of) for p in catalog.proposal_ids},
        }
        return _cached(flask.jsonify(body), catalog)

    @bp.get("/api/v1/documents")
    @_guarded
    def documents():
        catalog = get_catalog()
        return _cached(flask.jsonify(documents_payload(catalog)), catalog)

    @bp.get("/api/v1/atlas.gpkg")
    @_guarded
    def geopackage():
        """Every layer of the view as the tables of one GeoPackage (QGIS, ArcGIS)."""
        from dashboard.gpkg import atlas_gpkg

        catalog = get_catalog()
        state, warnings = parse_state(catalog)
        resp = flask.Response(atlas_gpkg(catalog, state), mimetype="application/geopackage+sqlite3")
        resp.headers["Content-Disposition"] = "attachment; filename=hk-atlas.gpkg"
        if warnings:
            resp.headers["X-Atlas-Warnings"] = _warnings_header(warnings)
        resp.headers["X-Atlas-Data-Version"] = catalog.version
        return _cached(resp, catalog)

    @bp.get("/api/v1/openapi.json")
    @_guarded
    def openapi_json():
        from dashboard.openapi import spec

        catalog = get_catalog()
        return _cached(flask.jsonify(spec(catalog)), catalog)

    @bp.get("/api/v1/docs")
    @_guarded
    def api_docs():
        from dashboard.openapi import docs_page

        catalog = get_catalog()
        return _cached(flask.Response(docs_page(catalog), mimetype="text/html"), catalog)

    @bp.get("/api/v1/datapackage.json")
    @_guarded
    def data_package():
        """The curated tables as a Frictionless Data Package, with the tables' CSV URLs."""
        catalog = get_catalog()
        base = flask.request.host_url.rstrip("/") + "/api/v1/tables"
        return _cached(flask.jsonify(datapackage(catalog.documents, base=base)), catalog)

    @bp.get("/api/v1/tables/<string:filename>")
    @_guarded
    def table_file(filename: str):
        """A curated table as committed (``geodata/data/<name>.csv``): what the data package
        describes, byte for byte."""
        catalog = get_catalog()
        name, _, ext = filename.rpartition(".")
        if name not in TABLES or ext != "csv":
            return _error(f"unknown table file {_clip(filename)!r}", 404, tables=list(LOAD_ORDER))
        resp = flask.Response((catalog.data_dir / f"{name}.csv").read_bytes(), mimetype="text/csv")
        resp.headers["Content-Type"] = "text/csv; charset=utf-8"
        resp.headers["Content-Disposition"] = f"attachment; filename=hk-atlas-{name}.csv"
        resp.headers["X-Atlas-Data-Version"] = catalog.version
        return _cached(resp, catalog)

    @bp.get("/healthz")
    @_guarded
    def healthz():
        try:
            catalog = get_catalog()
        except Exception as e:  # noqa: BLE001 - report, do not crash the probe
            log.exception("catalog failed to load")
            return _error(f"data not loaded: {type(e).__name__}", 503, status="error")
        counts = {name: int(len(catalog.table(name))) for name in LOAD_ORDER}
        resp = flask.jsonify({"status": "ok", "data_version": catalog.version, "counts": counts})
        resp.cache_control.no_store = True
        return resp

    @bp.route("/api/", defaults={"rest": ""})
    @bp.route("/api/<path:rest>")
    def unknown_api(rest: str):
        # without this, an unknown /api path would fall through to the page's catch-all route
        return _error("not found", 404, path=_clip(flask.request.path))

    return bp
