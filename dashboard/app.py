"""App factory: ``create_app(catalog=None, settings=None) -> dash.Dash``.

Nothing is loaded at import time; the catalog is passed in (tests) or loaded once here.
The app keeps no per-user state on the server: the view state lives in the URL.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from pathlib import Path

import dash
import flask

from dashboard import guard, security
from dashboard.settings import Settings
from geodata.catalog import Catalog, default_catalog

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
GEO_FILES = {
    "world": "world.geojson",
    "world-screen": "world-screen.geojson",
    "china": "china.geojson",
}
log = logging.getLogger(__name__)


class GeoFiles:
    """The boundary GeoJSON, read once and gzipped once, served with long cache headers.

    Flask-Compress skips ``send_file`` responses and does not know ``application/geo+json``,
    so the geometry is compressed here: it is most of the first load's data.
    """

    def __init__(self, boundaries_dir: Path):
        self.raw: dict[str, bytes] = {}
        self.gz: dict[str, bytes] = {}
        self.etag: dict[str, str] = {}
        for name, file in GEO_FILES.items():
            raw = (boundaries_dir / file).read_bytes()
            self.raw[name] = raw
            self.gz[name] = gzip.compress(raw, compresslevel=9, mtime=0)
            self.etag[name] = hashlib.sha256(raw).hexdigest()[:16]

    def response(self, name: str) -> flask.Response:
        req = flask.request
        if req.if_none_match and self.etag[name] in req.if_none_match:
            resp = flask.Response(status=304)
        elif "gzip" in (req.headers.get("Accept-Encoding") or ""):
            resp = flask.Response(self.gz[name], mimetype="application/geo+json")
            resp.headers["Content-Encoding"] = "gzip"
        else:
            resp = flask.Response(self.raw[name], mimetype="application/geo+json")
        resp.set_etag(self.etag[name])
        resp.headers["Vary"] = "Accept-Encoding"
        resp.headers["Cache-Control"] = "public, max-age=604800"
        return resp


def _geo_routes(server: flask.Flask, boundaries_dir: Path) -> None:
    files = GeoFiles(boundaries_dir)

    @server.route("/geo/<name>.geojson")
    def geo(name: str):
        if name not in GEO_FILES:
            return flask.jsonify(
                {"error": f"unknown geometry {name!r}", "known": sorted(GEO_FILES)}
            ), 404
        return files.response(name)


def create_app(catalog: Catalog | None = None, settings: Settings | None = None) -> dash.Dash:
    settings = settings or Settings.from_env()
    catalog = catalog or default_catalog()
    server = flask.Flask(__name__)
    app = dash.Dash(
        __name__,
        server=server,
        assets_folder=str(ASSETS),
        title="Hong Kong Network Atlas 香港網絡地圖集",
        update_title=None,
        serve_locally=True,
        compress=settings.compress,
        suppress_callback_exceptions=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    server.config["ATLAS_CATALOG"] = catalog
    _geo_routes(server, catalog.boundaries_dir)

    from dashboard import api
    from dashboard.callbacks import register_callbacks
    from dashboard.export import cache as export_cache
    from dashboard.export.routes import make_blueprint as export_blueprint
    from dashboard.layout import serve_layout

    server.register_blueprint(api.make_blueprint(lambda: catalog))
    server.register_blueprint(export_blueprint(lambda: catalog))
    export_cache.install(server)
    app.layout = lambda: serve_layout(catalog)
    _html_lang(app)
    if settings.compress:
        server.after_request(StaticGzip())  # runs before Flask-Compress (registered earlier)
    register_callbacks(app, catalog)
    guard.guard_callbacks(app)
    guard.install(app)
    security.install(app, settings.embed_origins)
    return app


STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
STATIC_TYPES = (
    "application/javascript",
    "text/javascript",
    "text/css",
    "application/json",
    "image/svg+xml",
)


class StaticGzip:
    """Scripts and styles gzipped once per file and version (their URLs carry Dash's
    fingerprint or the file's mtime), not on every request: plotly.js alone cost ~137 ms of
    server CPU per page. Flask-Compress leaves a response that is already encoded alone."""

    def __init__(self, limit: int = 64):
        self.cache: dict[str, bytes] = {}
        self.limit = limit

    def __call__(self, resp: flask.Response) -> flask.Response:
        req = flask.request
        if (
            req.method != "GET"
            or not req.path.startswith(STATIC_PREFIXES)
            or resp.status_code != 200
            or resp.mimetype not in STATIC_TYPES
            or "Content-Encoding" in resp.headers
            or "gzip" not in (req.headers.get("Accept-Encoding") or "")
        ):
            return resp
        key = req.full_path
        body = self.cache.get(key)
        if body is None:
            resp.direct_passthrough = False
            raw = resp.get_data()
            if len(raw) < 1024:
                return resp
            body = gzip.compress(raw, compresslevel=9, mtime=0)
            if len(self.cache) < self.limit:
                self.cache[key] = body
        resp.direct_passthrough = False
        resp.set_data(body)
        resp.headers["Content-Encoding"] = "gzip"
        resp.headers["Content-Length"] = str(len(body))
        vary = resp.headers.get("Vary", "")
        if "accept-encoding" not in vary.lower():
            resp.headers["Vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"
        return resp


#: Component libraries whose scripts load when one of their components is first drawn
#: (assets/lazy.js), not with the page: the grid is only in the table view.
LAZY_LIBRARIES = ("dash_ag_grid",)


def defer_libraries(scripts: str, libraries: tuple[str, ...] = LAZY_LIBRARIES) -> str:
    """The page's script tags without those of ``libraries``, named instead in a JSON block
    (``{namespace: url}``) that assets/lazy.js reads. Dash still serves them (they stay
    registered); a library whose tag is not found is left as it is."""
    found = {}
    for ns in libraries:
        m = re.search(
            rf'<script src="([^"]*/_dash-component-suites/{ns}/{ns}[^"]*\.js)"></script>\s*',
            scripts,
        )
        if m:
            found[ns] = m.group(1)
            scripts = scripts.replace(m.group(0), "", 1)
    if not found:
        return scripts
    block = json.dumps(found).replace("</", "<\\/")
    return f'<script id="atlas-lazy" type="application/json">{block}</script>\n' + scripts


def _html_lang(app: dash.Dash) -> None:
    """``<html lang>`` of the page as served (the link's language); atlas.js keeps it in step
    when the user switches language."""
    index = app.interpolate_index

    def interpolate_index(**kwargs) -> str:
        lang = "zh-Hant-HK" if flask.request.args.get("lang") == "zh" else "en"
        kwargs["scripts"] = defer_libraries(kwargs.get("scripts", ""))
        return index(**kwargs).replace("<html>", f'<html lang="{lang}">', 1)

    app.interpolate_index = interpolate_index
