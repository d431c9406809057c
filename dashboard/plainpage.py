"""A page of the app outside Dash (the 404 page, the API page): the app's stylesheet, the
language in ``<html lang>``, no script (the CSP holds)."""

from __future__ import annotations

import html


def plain_page(title: str, body: str, lang: str = "en", main_class: str = "") -> str:
    """An HTML page titled ``title`` (escaped here) around ``body`` (already HTML)."""
    code = "zh-Hant-HK" if lang == "zh" else "en"
    return (
        f'<!doctype html><html lang="{code}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        '<link rel="stylesheet" href="/assets/atlas.css"></head>'
        f'<body><main class="{html.escape(main_class)}">{body}</main></body></html>'
    )
