"""Export endpoints: a view as PNG/SVG/PDF, a deck as PDF or as one offline HTML file.

- ``GET /export/map.<png|svg|pdf>?<view state>&width=&height=&title=&subtitle=``
- ``GET /export/briefing.pdf?deck=default&lang=en``
- ``GET /export/briefing.html?deck=default&lang=en``

Bad parameters get a 4xx JSON error that says what was expected.
"""

from __future__ import annotations

import json
import re

import flask

from dashboard.export import cache as export_cache
from dashboard.export import jobs
from dashboard.export.briefing import briefing_html
from dashboard.export.figure import figure_title, slide_figure
from dashboard.export.fonts import missing_glyphs_message, undrawable
from dashboard.export.render import FORMATS, ExportError, merge_pdfs, renderer
from dashboard.scenes import (
    MY_DECK,
    YEARS_DECK,
    DeckError,
    load_deck,
    parse_deck,
    resolve,
    state_options,
    years_deck,
)
from dashboard.state import ViewState
from dashboard.usertext import UserTextError, check_text

DEFAULT_W, DEFAULT_H = 1920, 1080
#: Parameters of the export itself, not of the view.
EXPORT_PARAMS = ("width", "height", "title", "subtitle", "note", "deck_json")
MIN_SIDE, MAX_SIDE = 200, 4000
MAX_TEXT = 300


class BadRequest(ValueError):
    pass


def _size(args, name: str, default: int) -> int:
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    try:
        v = int(raw)
    except ValueError:
        raise BadRequest(
            f"{name} was {raw!r} but is expected to be a whole number of pixels"
        ) from None
    if not MIN_SIDE <= v <= MAX_SIDE:
        raise BadRequest(
            f"{name} was {v} but is expected to be between {MIN_SIDE} and {MAX_SIDE} pixels"
        )
    return v


def _text(args, name: str) -> str:
    try:
        return _drawable(
            name, check_text(name, args.get(name, ""), MAX_TEXT, multiline=name == "note")
        )
    except UserTextError as e:
        raise BadRequest(str(e)) from None


def _drawable(name: str, text: str) -> str:
    """``text``, or a 400 naming the characters no installed font draws (no empty boxes)."""
    missing = undrawable(text)
    if missing:
        raise BadRequest(missing_glyphs_message(name, missing))
    return text


def _lang(args) -> str:
    lang = args.get("lang", "en")
    if lang not in ("en", "zh"):
        raise BadRequest(f"lang was {lang!r} but is expected to be 'en' or 'zh'")
    return lang


MAX_DECK_JSON = 200_000


def _posted_deck() -> dict | None:
    """The user's own deck sent as JSON in the ``deck_json`` form field of a POST (or None)."""
    raw = flask.request.form.get("deck_json", "") if flask.request.method == "POST" else ""
    if not raw:
        return None
    if len(raw) > MAX_DECK_JSON:
        raise BadRequest(f"deck_json is {len(raw)} bytes; at most {MAX_DECK_JSON} are allowed")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as e:
        raise BadRequest(f"deck_json is not valid JSON: {e}") from None
    if not isinstance(data, dict):
        raise BadRequest("deck_json must be a JSON object with a 'scenes' list")
    return data


def _deck(args, catalog):
    """The deck named by ``deck=`` or, for a POST from the page, the user's own deck."""
    try:
        posted = _posted_deck()
        if posted is not None:
            return parse_deck(posted, MY_DECK, state_options(catalog))
        if args.get("deck") == YEARS_DECK:  # the view given, through the years it changed
            return _years_deck(args, catalog)
        return load_deck(args.get("deck", "default"), state_options(catalog))
    except DeckError as e:
        raise BadRequest(str(e)) from None


def _years_deck(args, catalog):
    query = {k: v for k, v in args.to_dict().items() if k not in (*EXPORT_PARAMS, "deck")}
    state, _ = ViewState.from_query(query, state_options(catalog))
    return years_deck(catalog, state)


SAFE_NAME = re.compile(r"[^a-z0-9._-]+")


def _download(body, mimetype: str, filename: str) -> flask.Response:
    """An attachment. No text of the user's goes into a header (a non-Latin-1 header makes
    gunicorn drop the response): the file name is made of ids and codes only."""
    resp = flask.Response(body, mimetype=mimetype)
    safe = SAFE_NAME.sub("-", filename.lower()).strip("-") or "hk-network-atlas"
    resp.headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    return resp


def _warnings_header(warnings) -> str:
    """The parameters that were not understood, as ASCII JSON (non-ASCII escaped)."""
    items = [
        {"param": w.param[:40], "value": w.value[:40], "reason": w.reason} for w in warnings[:10]
    ]
    return json.dumps(items, ensure_ascii=True)[:1500]


def _serve(catalog, fmt: str, pages: int, width: int, height: int, produce, mimetype: str,
           filename: str) -> flask.Response:  # fmt: skip
    """An export from the cache, or produced within the time budget in an export slot (a 413
    over budget, a 503 with Retry-After when the slots are full) and cached."""
    k = export_cache.key(catalog.version)
    hit = export_cache.get(k)
    if hit is not None:
        resp = _download(hit["body"], mimetype, filename)
        resp.headers["X-Atlas-Cache"] = "hit"
        return resp
    jobs.check_budget(fmt, pages, width, height)
    with jobs.slots().slot():
        body = produce()
    export_cache.put(k, {"body": body})
    resp = _download(body, mimetype, filename)
    resp.headers["X-Atlas-Cache"] = "miss"
    return resp


def _error(message: str, code: int):
    return flask.jsonify({"error": message}), code


def draft_file_name(state: ViewState) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", state.draft_title.casefold()).strip("-")[:40]
    return f"hk-atlas-draft{'-' + slug if slug else ''}.zip"


def make_blueprint(get_catalog) -> flask.Blueprint:
    bp = flask.Blueprint("export", __name__)

    @bp.errorhandler(BadRequest)
    def bad_request(e):
        return _error(str(e), 400)

    @bp.errorhandler(ExportError)
    def export_failed(e):
        return _error(str(e), 503)

    @bp.get("/export/kepler.json")
    def export_kepler():
        """The view as a kepler.gl saved map (datasets with their sources, layers in our colours)."""
        from dashboard.export.figure import source_ids
        from dashboard.export.kepler import kepler_map

        catalog = get_catalog()
        state, warnings = ViewState.from_query(flask.request.args.to_dict(), state_options(catalog))
        titles = dict(zip(catalog.documents["id"], catalog.documents["title_en"]))
        sources = [f"{i}: {titles[i]}" for i in source_ids(catalog, state) if i in titles]
        body = json.dumps(kepler_map(catalog, state, sources), ensure_ascii=False, allow_nan=False)
        resp = flask.Response(body, mimetype="application/json")
        resp.headers["Content-Disposition"] = "attachment; filename=hk-atlas-kepler.json"
        if warnings:
            resp.headers["X-Atlas-Warnings"] = _warnings_header(warnings)
        return resp

    @bp.get("/export/draft.zip")
    def export_draft():
        """The view's draft as rows of the curated tables (documents, offices, routes), each a
        CSV in the table's columns, for a maintainer to add as a new proposal document."""
        from dashboard.export.draft import draft_zip

        catalog = get_catalog()
        state, warnings = ViewState.from_query(flask.request.args.to_dict(), state_options(catalog))
        if not state.draft:
            return _error("the link has no draft (parameter draft=kind:place,…)", 404)
        resp = flask.Response(draft_zip(catalog, state), mimetype="application/zip")
        resp.headers["Content-Disposition"] = f"attachment; filename={draft_file_name(state)}"
        if warnings:
            resp.headers["X-Atlas-Warnings"] = _warnings_header(warnings)
        return resp

    @bp.get("/export/map.<fmt>")
    def export_map(fmt: str):
        if fmt not in FORMATS:
            return _error(f"format was {fmt!r} but is expected to be one of {sorted(FORMATS)}", 404)
        catalog = get_catalog()
        args = flask.request.args
        width, height = _size(args, "width", DEFAULT_W), _size(args, "height", DEFAULT_H)
        title, subtitle, note = _text(args, "title"), _text(args, "subtitle"), _text(args, "note")
        query = {k: v for k, v in args.to_dict().items() if k not in EXPORT_PARAMS}
        state, warnings = ViewState.from_query(query, state_options(catalog))
        if state.view == "present":
            ref = resolve(catalog, state, _posted_deck())
            state = ref.state
            title = title or ref.scene.text("title", state.lang)
            subtitle = subtitle or ref.scene.text("subtitle", state.lang)
            note = note or ref.scene.text("note", state.lang)

        def produce() -> bytes:
            fig = slide_figure(catalog, state, width=width, height=height, title=title,
                               subtitle=subtitle, note=note)  # fmt: skip
            out = renderer().render(fig, fmt, width, height)
            return merge_pdfs([out], title=figure_title(fig)) if fmt == "pdf" else out

        resp = _serve(
            catalog, fmt, 1, width, height, produce, FORMATS[fmt], f"hk-network-atlas.{fmt}"
        )
        if warnings:
            resp.headers["X-Atlas-Warnings"] = _warnings_header(warnings)
        return resp

    @bp.route("/export/briefing.pdf", methods=["GET", "POST"])
    def export_briefing_pdf():
        catalog = get_catalog()
        args = flask.request.values
        lang = _lang(args)
        deck = _deck(args, catalog)
        width, height = _size(args, "width", DEFAULT_W), _size(args, "height", DEFAULT_H)
        for i, scene in enumerate(deck.scenes):
            for field in ("title", "subtitle", "note"):
                _drawable(f"scene {i + 1} {field}", scene.text(field, lang))

        def produce() -> bytes:
            pages = []
            for i, scene in enumerate(deck.scenes):
                st = scene.state(state_options(catalog), lang, i)
                fig = slide_figure(catalog, st, width=width, height=height, title=scene.text("title", lang),
                                   subtitle=scene.text("subtitle", lang),
                                   note=f"{scene.text('note', lang)}   ({i + 1}/{len(deck.scenes)})")  # fmt: skip
                pages.append(renderer().render(fig, "pdf", width, height))
            return merge_pdfs(pages, title=deck.title(lang))

        return _serve(catalog, "pdf", len(deck.scenes), width, height, produce, "application/pdf",
                      f"hk-atlas-{deck.id}-{lang}.pdf")  # fmt: skip

    @bp.route("/export/briefing.html", methods=["GET", "POST"])
    def export_briefing_html():
        catalog = get_catalog()
        args = flask.request.values
        lang = _lang(args)
        deck = _deck(args, catalog)

        def produce() -> bytes:
            return briefing_html(catalog, deck, lang).encode("utf-8")

        return _serve(catalog, "html", len(deck.scenes), 0, 0, produce, "text/html",
                      f"hk-atlas-{deck.id}-{lang}.html")  # fmt: skip

    return bp
