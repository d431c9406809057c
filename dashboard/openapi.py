"""The API described for machines (OpenAPI 3.1, ``/api/v1/openapi.json``) and for people
(``/api/v1/docs``), generated from the same registries the API answers from (the view state's
parameters and values, the layers, the tables), so the description cannot drift from them.

``tests/test_openapi.py`` runs the API against this description with generated requests and
finds no status, content type or JSON shape it does not document.
"""

from __future__ import annotations

import html

from dashboard import __version__
from dashboard.export.routes import DEFAULT_H, DEFAULT_W, MAX_SIDE, MAX_TEXT, MIN_SIDE
from dashboard.plainpage import plain_page
from dashboard.state import (
    COMPARE_MODES,
    FOCUSES,
    LABEL_MODES,
    LAYERS,
    MAX_YEAR,
    METRICS,
    MIN_YEAR,
    PROJECTIONS,
    TABLE_LAYERS,
    VIEWS,
)  # fmt: skip
from dashboard.tables import LAYERS as TABLE_FILES
from geodata.catalog import Catalog
from geodata.codes import STATUSES
from geodata.schema import LOAD_ORDER, OFFICE_KINDS, REGULARITIES

JSON = "application/json"
ERROR = {"$ref": "#/components/schemas/Error"}


def _list(values, what: str) -> dict:
    return {"type": "string", "description": f"comma-separated {what}: " + ", ".join(values)}


def state_parameters(catalog: Catalog) -> list[dict]:
    """The view state's query parameters (a link's parameters: what the map shows)."""
    one = {
        "view": VIEWS, "lang": ("en", "zh"), "metric": METRICS, "focus": FOCUSES,
        "proj": PROJECTIONS, "labels": LABEL_MODES, "compare": COMPARE_MODES, "table": TABLE_LAYERS,
    }  # fmt: skip
    many = {
        "layers": (LAYERS, "layers"), "region": (catalog.region_ids, "region ids"),
        "proposal": (catalog.proposal_ids, "proposal document ids"),
        "status": (STATUSES, "statuses"), "kind": (OFFICE_KINDS, "office kinds"),
        "service": (("passenger", "cargo"), "services"),
        "regularity": (REGULARITIES, "regularities"),
        "airline": (catalog.airline_ids, "airline codes (routes flown by any of them)"),
    }  # fmt: skip
    out = [{"name": k, "in": "query", "required": False, "schema": {"type": "string", "enum": list(v)}}
           for k, v in one.items()]  # fmt: skip
    out += [
        {"name": k, "in": "query", "required": False, "schema": _list(*v)} for k, v in many.items()
    ]
    out += [
        {"name": "year", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}},
        {"name": "deck", "in": "query", "required": False, "schema": {"type": "string"}},
        {"name": "draft", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "the user's own proposal: comma-separated items kind:place (office kinds or "
                        "`office` at a country ISO3, province adcode or ISO3:City; `route:IATA`); "
                        "an item the data cannot place is dropped and reported in `warnings`"},
        {"name": "dtitle", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 200}},
        {"name": "dnote", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 200}},
        {"name": "scene", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 0}},
        {"name": "v", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1},
         "description": "link version (older links are upgraded; a newer one is refused with a warning)"},
    ]  # fmt: skip
    for p in out:
        p.setdefault("description", "a view-state parameter; an invalid value falls back to its "
                                    "default and is reported in `warnings`")  # fmt: skip
    return out


def _json(schema: dict, text: str = "OK") -> dict:
    return {"description": text, "content": {JSON: {"schema": schema}}}


def _file(mediatype: str, text: str) -> dict:
    return {
        "description": text,
        "content": {mediatype: {"schema": {"type": "string", "format": "binary"}}},
    }


def _errors(*codes: int) -> dict:
    text = {400: "bad input (the message says which and why)", 404: "unknown name",
            413: "the export would take longer than the time budget",
            414: "query string too long", 503: "busy or failed; retry after `Retry-After` seconds"}  # fmt: skip
    return {str(c): _json(ERROR, text[c]) for c in codes}


def spec(catalog: Catalog) -> dict:
    params = state_parameters(catalog)
    refs = [{"$ref": f"#/components/parameters/{p['name']}"} for p in params]
    get = lambda summary, responses, parameters=refs, **kw: {  # noqa: E731
        "get": {"summary": summary, "parameters": parameters, "responses": responses, **kw}
    }
    warnings = {"type": "array", "items": {"$ref": "#/components/schemas/Warning"}}
    export_params = [
        {"name": "width", "in": "query", "schema": {"type": "integer", "minimum": MIN_SIDE, "maximum": MAX_SIDE, "default": DEFAULT_W}},
        {"name": "height", "in": "query", "schema": {"type": "integer", "minimum": MIN_SIDE, "maximum": MAX_SIDE, "default": DEFAULT_H}},
        *[{"name": n, "in": "query", "schema": {"type": "string", "maxLength": MAX_TEXT}} for n in ("title", "subtitle", "note")],
    ]  # fmt: skip
    deck_params = [
        {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["en", "zh"]}},
        {"name": "deck", "in": "query", "schema": {"type": "string", "default": "default"}},
        export_params[0], export_params[1],
    ]  # fmt: skip
    deck_body = {"content": {"application/x-www-form-urlencoded": {"schema": {
        "type": "object", "properties": {"deck_json": {"type": "string", "description": "the user's own deck as JSON"}}}}}}  # fmt: skip
    paths = {
        "/api/v1/summary": get("The view's numbers: counts, coverage, gains, places, sources of the numbers",
                               {"200": _json({"$ref": "#/components/schemas/Summary"}), **_errors(414)}),
        "/api/v1/layers/{file}": get(
            "A layer's records for the view, as CSV (UTF-8 with BOM) or GeoJSON (RFC 7946; routes as great circles)",
            {"200": {"description": "OK", "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/geo+json": {"schema": {"$ref": "#/components/schemas/FeatureCollection"}}}},
             **_errors(404, 414)},
            [{"name": "file", "in": "path", "required": True, "schema": {"type": "string", "enum": [
                f"{n}.{e}" for n in TABLE_FILES for e in ("csv", "geojson")]}}, *refs]),
        "/api/v1/atlas.gpkg": get("Every layer of the view as the tables of one GeoPackage",
                                  {"200": _file("application/geopackage+sqlite3", "GeoPackage"), **_errors(414)}),
        "/api/v1/proposals": get("Each proposal's track record as of the view's year",
                                 {"200": _json({"type": "object", "required": ["as_of", "warnings", "proposals"],
                                                "properties": {"as_of": {"type": "string"}, "warnings": warnings,
                                                               "proposals": {"type": "object"}}}), **_errors(414)}),
        "/api/v1/documents": get("The source documents every record cites", {"200": _json(
            {"type": "array", "items": {"type": "object", "required": ["id"]}})}, []),
        "/api/v1/datapackage.json": get("The curated tables as a Frictionless Data Package", {"200": _json(
            {"type": "object", "required": ["name", "resources"]})}, []),
        "/api/v1/tables/{file}": get("A curated table as committed", {
            "200": {"description": "OK", "content": {"text/csv": {"schema": {"type": "string"}}}}, **_errors(404)},
            [{"name": "file", "in": "path", "required": True,
              "schema": {"type": "string", "enum": [f"{n}.csv" for n in LOAD_ORDER]}}]),
        "/api/v1/openapi.json": get("This description", {"200": _json({"type": "object"})}, []),
        "/healthz": get("Liveness and the data's version", {"200": _json(
            {"type": "object", "required": ["status", "data_version", "counts"]}), **_errors(503)}, []),
        "/export/map.{format}": get("The view as a slide: map, title, legend, numbers, source and date", {
            "200": {"description": "OK", "content": {m: {"schema": {"type": "string", "format": "binary"}}
                                                     for m in ("image/png", "image/svg+xml", "application/pdf")}},
            **_errors(400, 404, 413, 414, 503)},
            [{"name": "format", "in": "path", "required": True, "schema": {"type": "string", "enum": ["png", "svg", "pdf"]}},
             *refs, *export_params]),
        "/export/kepler.json": get("The view as a kepler.gl saved map (schema v1): datasets with their sources, layers in the Atlas's colours",
                                   {"200": _json({"type": "object", "required": ["datasets", "config", "info"]})}),
        "/export/draft.zip": get("The view's draft (draft=) as rows of the curated tables (documents, offices, routes: a CSV each) with a README, for a maintainer to add it as a proposal document",
                                 {"200": _file("application/zip", "ZIP"), **_errors(404)}),
        "/export/briefing.pdf": {**get("A deck of scenes as one PDF, a page per scene", {
            "200": _file("application/pdf", "PDF"), **_errors(400, 413, 503)}, deck_params),
            "post": {"summary": "The user's own deck as one PDF", "requestBody": deck_body,
                     "parameters": deck_params, "responses": {"200": _file("application/pdf", "PDF"), **_errors(400, 413, 503)}}},
        "/export/briefing.html": {**get("A deck as one offline HTML file (works with no network)", {
            "200": _file("text/html", "HTML"), **_errors(400, 413, 503)}, deck_params),
            "post": {"summary": "The user's own deck as one offline HTML file", "requestBody": deck_body,
                     "parameters": deck_params, "responses": {"200": _file("text/html", "HTML"), **_errors(400, 413, 503)}}},
    }  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hong Kong Network Atlas API",
            "version": __version__,
            "description": "Read-only. Every view of the map is a set of query parameters (the "
            "page's link); each endpoint answers for that view. Invalid parameters fall back to their "
            "defaults and are reported (`warnings` in JSON, `X-Atlas-Warnings` on files). Every "
            "record carries its source document.",
            "license": {
                "name": "MIT (code); each record's source has its own licence: see /api/v1/documents",
                "identifier": "MIT",
            },
        },  # fmt: skip
        "paths": paths,
        "components": {
            "parameters": {p["name"]: p for p in params},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                },
                "Warning": {
                    "type": "object",
                    "required": ["param", "value", "reason"],
                    "properties": {k: {"type": "string"} for k in ("param", "value", "reason")},
                },
                "Summary": {
                    "type": "object",
                    "required": ["state", "warnings", "counts", "coverage", "gain", "data_version"],
                    "properties": {
                        "state": {"type": "object"},
                        "warnings": warnings,
                        "counts": {"type": "object"},
                        "coverage": {"type": "object"},
                        "baseline": {"type": "object"},
                        "gain": {"type": "object"},
                        "places": {"type": "object"},
                        "of": {"type": "object"},
                        "route_evidence": {"type": "object"},
                        "track_record": {"type": "object"},
                        "definitions": {"type": "object"},
                        "data_version": {"type": "string"},
                    },
                },
                "FeatureCollection": {
                    "type": "object",
                    "required": ["type", "features"],
                    "properties": {
                        "type": {"const": "FeatureCollection"},
                        "features": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["type", "geometry", "properties"],
                            },
                        },
                    },
                },
            },
        },  # fmt: skip
    }


def docs_page(catalog: Catalog) -> str:
    """The description as a page a person reads (no script: the CSP holds)."""
    s = spec(catalog)
    rows = []
    for path, ops in s["paths"].items():
        for method, op in ops.items():
            params = [
                p.get("name") or p["$ref"].rsplit("/", 1)[-1] for p in op.get("parameters", [])
            ]
            codes = ", ".join(op["responses"])
            rows.append(
                f"<tr><td><code>{method.upper()} {html.escape(path)}</code></td>"
                f"<td>{html.escape(op['summary'])}</td><td>{html.escape(', '.join(params) or '—')}</td>"
                f"<td>{codes}</td></tr>"
            )
    state_rows = "".join(
        f"<tr><td><code>{p['name']}</code></td><td>{html.escape(p['schema'].get('description') or ', '.join(map(str, p['schema'].get('enum', []))) or p['schema']['type'])}</td></tr>"
        for p in s["components"]["parameters"].values()
    )  # fmt: skip
    body = (
        f"<h1>{html.escape(s['info']['title'])} <small>{html.escape(s['info']['version'])}</small></h1>"
        f"<p>{html.escape(s['info']['description'])}</p>"
        '<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1) · '
        'data package: <a href="/api/v1/datapackage.json">/api/v1/datapackage.json</a> · '
        '<a href="/">the map</a></p>'
        "<h2>Endpoints</h2><table><thead><tr><th>Request</th><th>What</th><th>Parameters</th>"
        f"<th>Statuses</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<h2>View parameters</h2><p>The same parameters as the page's links.</p>"
        f"<table><tbody>{state_rows}</tbody></table>"
    )
    return plain_page(s["info"]["title"], body, "en", "api-docs")
