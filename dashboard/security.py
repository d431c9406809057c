"""Security headers (Flask-Talisman) and a Content Security Policy Dash and plotly.js run under.

Everything the page loads comes from the app itself, so the policy is ``'self'`` throughout.
Dash's inline scripts (its renderer start-up and the clientside callbacks) are allowed by their
hashes, which Dash computes (``app.csp_hashes()``); plotly.js sets inline styles on the SVG it
draws, and images it exports are ``data:``/``blob:`` URLs. Frames: none may embed the app. The
policy is tested in Chromium (no violation in the console) and the headers in process.
HTTPS is the proxy's business: HSTS is sent on HTTPS requests only, nothing is redirected.
"""

from __future__ import annotations

import dash
import flask
from flask_talisman import Talisman

PERMISSIONS = {
    "camera": "()", "microphone": "()", "geolocation": "()", "payment": "()", "usb": "()",
    "browsing-topics": "()", "interest-cohort": "()", "fullscreen": "(self)",
}  # fmt: skip


#: Headers that act on documents only (not on the JSON a callback answers).
DOCUMENT_ONLY = ("Content-Security-Policy", "Permissions-Policy")


def csp(app: dash.Dash) -> dict[str, str | list[str]]:
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],  # plotly.js styles what it draws inline
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "worker-src": ["'self'", "blob:"],
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def embed_headers(resp, origins: tuple[str, ...]):
    """An embedded map (``/?embed=1``) may be framed by the app itself and the configured
    origins — exactly those: the CSP's ``frame-ancestors`` names them, X-Frame-Options (which
    cannot) is dropped."""
    policy = resp.headers.get("Content-Security-Policy", "")
    allowed = " ".join(("'self'", *origins))
    resp.headers["Content-Security-Policy"] = policy.replace(
        "frame-ancestors 'none'", f"frame-ancestors {allowed}"
    )
    resp.headers.pop("X-Frame-Options", None)
    return resp


def install(app: dash.Dash, embed_origins: tuple[str, ...] = ()) -> Talisman:
    """Headers on every response: CSP, nosniff, frame denial, referrer and permissions policy.
    Call after every callback is registered (the CSP holds their hashes)."""

    @app.server.after_request  # registered first, so it runs after Talisman's own
    def lighter_callback_answers(resp):
        """A callback's answer is JSON the page reads, never a document: the policies that
        apply to documents only (~700 bytes of headers) are left off the answers of clicks."""
        if flask.request.path.endswith("/_dash-update-component"):
            for h in DOCUMENT_ONLY:
                resp.headers.pop(h, None)
        elif flask.request.path == "/" and flask.request.args.get("embed") == "1":
            embed_headers(resp, embed_origins)
        return resp

    return Talisman(
        app.server,
        force_https=False,
        strict_transport_security=True,  # Talisman sends it on HTTPS requests only
        content_security_policy=csp(app),
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy=PERMISSIONS,
        session_cookie_secure=False,
    )
