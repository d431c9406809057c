"""App factory: ``create_app(catalog=None, settings=None) -> dash.Dash``.

Nothing is loaded at import time; the catalog is passed in (tests) or loaded once here.
The app keeps no per-user state on the server: the view state lives in the URL.
"""

from __future__ import annotations

import logging
from pathlib import Path

import dash
import flask
from werkzeug.exceptions import HTTPException

from dashboard.settings import Settings
from geodata import BOUNDARIES_DIR
from geodata.catalog import Catalog, default_catalog

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
GEO_FILES = {"world": "world.geojson", "china": "china.geojson"}
log = logging.getLogger(__name__)


def _geo_routes(server: flask.Flask, boundaries_dir: Path) -> None:
    @server.route("/geo/<name>.geojson")
    def geo(name: str):
        if name not in GEO_FILES:
            return flask.jsonify({"error": f"unknown geometry {name!r}", "known": sorted(GEO_FILES)}), 404
        resp = flask.send_file(
            boundaries_dir / GEO_FILES[name], mimetype="application/geo+json", max_age=7 * 86400,
            conditional=True, etag=True,
        )
        return resp


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
    _geo_routes(server, BOUNDARIES_DIR)

    from dashboard import api
    from dashboard.callbacks import register_callbacks
    from dashboard.export.routes import make_blueprint as export_blueprint
    from dashboard.layout import serve_layout

    server.register_blueprint(api.make_blueprint(lambda: catalog))
    server.register_blueprint(export_blueprint(lambda: catalog))
    app.layout = lambda: serve_layout(catalog)
    register_callbacks(app, catalog)
    _error_handlers(server)
    return app


def _error_handlers(server: flask.Flask) -> None:
    @server.errorhandler(404)
    def not_found(e):
        return flask.jsonify({"error": "not found", "path": flask.request.path}), 404

    @server.errorhandler(405)
    def not_allowed(e):
        return flask.jsonify({"error": "method not allowed"}), 405

    @server.errorhandler(Exception)
    def internal(e):  # never a stack trace to the user
        if isinstance(e, HTTPException) and e.code and e.code < 500:
            return flask.jsonify({"error": e.description}), e.code
        log.exception("unhandled error on %s", flask.request.path)
        return flask.jsonify({"error": "internal error; the problem has been logged"}), 500
