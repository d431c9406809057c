"""The server's edge: what a request may be before any work is done for it, and how every
failure is answered. No input, however malformed, gets a 5xx or a stack trace.

- Size: ``MAX_CONTENT_LENGTH`` (werkzeug refuses a larger body with 413 from its
  Content-Length, before reading it) and form-field limits; JSON bodies no deeper than
  ``MAX_JSON_DEPTH``.
- Paths: a path with ``..``, a backslash or a NUL is not found (Dash would try to open it).
- Callbacks: a ``/_dash-update-component`` body must name a server callback and carry its
  inputs and state in Dash's shape (else 400); inside, a callback that still fails on what it
  was sent updates nothing (204) and logs one line, not a traceback.
- Errors: 4xx are JSON with one log line; only a bug in the app is logged with its traceback
  (and answered with a JSON 500 that says nothing of the inside).
"""

from __future__ import annotations

import functools
import html
import logging

import dash
import flask
from dash.exceptions import DependencyException, PreventUpdate
from werkzeug.exceptions import BadRequest, HTTPException, NotFound, RequestURITooLarge

from dashboard.i18n import t
from dashboard.plainpage import plain_page

log = logging.getLogger("dashboard.guard")

MAX_CONTENT_LENGTH = 1_000_000  # bytes of a request body (a posted deck is at most 200 kB of JSON)
MAX_FORM_MEMORY = 600_000  # bytes of one form field held in memory
MAX_FORM_PARTS = 50
MAX_JSON_DEPTH = 64
MAX_QUERY_BYTES = 6_144  # a longer query string gets 414 (gunicorn's request line ends at 8190)
CALLBACK_PATH = "/_dash-update-component"


def json_depth(obj, limit: int = MAX_JSON_DEPTH) -> int:
    """The nesting depth of parsed JSON, counted without recursion (stops past ``limit``)."""
    depth, stack = 0, [(obj, 1)]
    while stack:
        node, d = stack.pop()
        if isinstance(node, dict | list):
            depth = max(depth, d)
            if depth > limit:
                return depth
            stack.extend((v, d + 1) for v in (node.values() if isinstance(node, dict) else node))
    return depth


def _item_ok(item) -> bool:
    """One input/state/output entry: {id, property, ...}, or a list of them (pattern ALL)."""
    if isinstance(item, list):
        return all(_item_ok(x) for x in item)
    return (
        isinstance(item, dict)
        and isinstance(item.get("property"), str)
        and isinstance(item.get("id"), str | dict)
    )


def _matches(item, cid, prop: str) -> bool:
    """``item`` is the entry a callback declares as (``cid``, ``prop``): the same id and
    property, or for a pattern id (a dict) entries of the right shape."""
    if isinstance(cid, dict) or (isinstance(cid, str) and cid.startswith("{")):
        return _item_ok(item) and all(
            x.get("property") == prop for x in (item if isinstance(item, list) else [item])
        )
    return isinstance(item, dict) and item.get("id") == str(cid) and item.get("property") == prop


def _declared_outputs(output: str) -> list[tuple[str, str]]:
    parts = output.strip(".").split("...") if output.startswith("..") else [output]
    return [tuple(p.rsplit(".", 1)) for p in parts]


def callback_problem(body, callback_map: dict) -> str | None:
    """Why a callback request body is not one the app's callbacks can take (None: it is): it
    must name a server callback, and carry that callback's outputs, inputs and state, each
    with the id and property it declares."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    out = body.get("output")
    spec = callback_map.get(out) if isinstance(out, str) else None
    if spec is None:
        return "unknown output"
    if "callback" not in spec:
        return "this callback runs in the browser"
    for key in ("inputs", "state"):
        got = body.get(key, [])
        want = spec.get(key, [])
        if not isinstance(got, list) or len(got) != len(want):
            return f"{key}: expected {len(want)} item(s)"
        for item, w in zip(got, want):
            if not _matches(item, w["id"], w["property"]):
                return f"{key}: each item needs the id and property the callback declares"
    declared = _declared_outputs(out)
    outputs = body.get("outputs")
    items = outputs if out.startswith("..") else [outputs]
    if not isinstance(items, list) or len(items) != len(declared):
        return f"outputs: expected {len(declared)} item(s)"
    for item, (cid, prop) in zip(items, declared):
        if not _matches(item, cid, prop):
            return "outputs: each needs the id and property the callback declares"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "changedPropIds: expected a list of strings"
    return None


def guard_callbacks(app: dash.Dash) -> None:
    """Wrap every server callback: an exception on what it was sent updates nothing (204),
    logged in one line with where it happened."""
    for output, spec in app.callback_map.items():
        fn = spec.get("callback")
        if fn is None or getattr(fn, "_atlas_guarded", False):
            continue

        @functools.wraps(fn)
        def guarded(*args, _fn=fn, _output=output, **kwargs):
            try:
                return _fn(*args, **kwargs)
            except PreventUpdate:
                raise
            except Exception as e:  # noqa: BLE001 - the boundary of a callback
                tb = e.__traceback__
                while tb is not None and tb.tb_next is not None:
                    tb = tb.tb_next
                where = (
                    f"{tb.tb_frame.f_code.co_filename.rsplit('/', 2)[-1]}:{tb.tb_lineno}"
                    if tb
                    else "?"
                )
                log.error("callback %s failed on its input: %s: %s (at %s)", _output[:80],
                          type(e).__name__, str(e)[:200], where)  # fmt: skip
                raise PreventUpdate from None

        guarded._atlas_guarded = True
        spec["callback"] = guarded


#: Paths whose 404 is JSON (files and data); any other unknown address gets a page.
DATA_PREFIXES = ("/api/", "/export/", "/geo/", "/assets/", "/_dash", "/static/")


def wants_page(req: flask.Request) -> bool:
    """Whether a 404 should be a page (a person's browser asking for an address) rather than
    JSON (a client or a file of the app)."""
    accept = req.accept_mimetypes
    return (
        req.method in ("GET", "HEAD")
        and not req.path.startswith(DATA_PREFIXES)
        and accept.accept_html
        and accept["text/html"] >= accept["application/json"]
    )


def not_found_page(path: str, lang: str) -> str:
    """A 404 page in the app's style and the link's language (no script: the CSP holds)."""
    lang = lang if lang in ("en", "zh") else "en"
    q = "?lang=zh" if lang == "zh" else ""
    about = "?view=about&lang=zh" if lang == "zh" else "?view=about"
    code = f"<code>{html.escape(path)}</code>"
    body = html.escape(t("notfound.body", lang, path="\x00")).replace("\x00", code)
    esc = lambda key: html.escape(t(key, lang))  # noqa: E731
    body = (
        f'<p class="brand">{esc("app.title")}</p><h1>{esc("notfound.title")}</h1><p>{body}</p>'
        f'<p><a class="button" href="/{q}">{esc("notfound.map")}</a> '
        f'<a class="button" href="/{about}">{esc("notfound.about")}</a></p>'
    )
    title = f"{t('notfound.title', lang)} · {t('app.title', lang)}"
    return plain_page(title, body, lang, f"not-found app lang-{lang}")


def install(app: dash.Dash) -> None:
    """Limits, the request checks and the error handlers of the Flask server behind ``app``."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    server.config["MAX_FORM_MEMORY_SIZE"] = MAX_FORM_MEMORY
    server.config["MAX_FORM_PARTS"] = MAX_FORM_PARTS

    @server.before_request
    def check_request():
        req = flask.request
        path = req.path
        if ".." in path.split("/") or "\\" in path or "\x00" in path:
            raise NotFound()
        if len(req.query_string) > MAX_QUERY_BYTES:
            raise RequestURITooLarge(f"the query string is longer than {MAX_QUERY_BYTES} bytes")
        rule = req.url_rule.rule if req.url_rule is not None else ""
        if rule.endswith("<path:path>") and path != "/":
            raise NotFound()  # Dash's catch-all: the Atlas has one page, at "/"
        if req.method == "POST" and path == CALLBACK_PATH:
            try:
                body = req.get_json(force=True, silent=False, cache=True)
            except RecursionError:
                raise BadRequest("the JSON body is nested too deeply") from None
            if json_depth(body) > MAX_JSON_DEPTH:
                raise BadRequest(f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels")
            problem = callback_problem(body, app.callback_map)
            if problem:
                raise BadRequest(f"malformed callback request: {problem}")

    @server.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        code = e.code or 400
        if code >= 500:
            log.error("%s %s -> %s", flask.request.method, flask.request.path[:120], code)
        else:
            log.info("%s %s -> %s: %s", flask.request.method, flask.request.path[:120], code,
                     (e.description or "")[:160])  # fmt: skip
        path = flask.request.path[:80]
        if code == 404 and wants_page(flask.request):
            return not_found_page(path, flask.request.args.get("lang", "en")), 404
        body = {"error": e.description or e.name}
        if code == 404:
            body = {"error": "not found", "path": path}
        elif code == 405:
            body = {"error": "method not allowed; the API is read-only (GET)"}
        resp = flask.jsonify(body)
        resp.status_code = code
        for name in ("Retry-After", "Allow"):
            if e.get_response().headers.get(name):
                resp.headers[name] = e.get_response().headers[name]
        return resp

    @server.errorhandler(DependencyException)
    def unknown_library(e):  # /_dash-component-suites/<not a registered library>/...
        log.info(
            "%s %s -> 404: not a component library", flask.request.method, flask.request.path[:120]
        )
        return flask.jsonify({"error": "not found", "path": flask.request.path[:80]}), 404

    @server.errorhandler(RecursionError)
    def too_deep(e):
        log.info("%s %s -> 400: nested too deeply", flask.request.method, flask.request.path[:120])
        return flask.jsonify({"error": "the request is nested too deeply"}), 400

    @server.errorhandler(Exception)
    def internal(e):  # a bug in the app: its traceback in the log, never to the user
        log.exception("unhandled error on %s", flask.request.path[:120])
        return flask.jsonify({"error": "internal error; the problem has been logged"}), 500
