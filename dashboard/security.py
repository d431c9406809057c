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
from flask_talisman import Talisman

PERMISSIONS = {
    "camera": "()", "microphone": "()", "geolocation": "()", "payment": "()", "usb": "()",
    "browsing-topics": "()", "interest-cohort": "()", "fullscreen": "(self)",
}  # fmt: skip


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


def install(app: dash.Dash) -> Talisman:
    """Headers on every response: CSP, nosniff, frame denial, referrer and permissions policy.
    Call after every callback is registered (the CSP holds their hashes)."""
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
