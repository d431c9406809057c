"""Static images through kaleido, kept warm, never touching the internet.

kaleido drives the local Chromium (Debian's ``/usr/bin/chromium``; ``BROWSER_PATH``
overrides).  It is started once, on first use, with MathJax off and plotly.js from the
plotly package; the geometry is inlined in the figure and the base-map topology comes
from ``assets/topojson`` — so an export makes no request to another host.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from pathlib import Path

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
TOPOJSON_DIR = Path(__file__).resolve().parents[2] / "assets" / "topojson"
log = logging.getLogger(__name__)


class ExportError(RuntimeError):
    """The renderer could not produce the image (no browser, timeout…)."""


class Renderer:
    """A warm kaleido server shared by every request of this process (thread-safe)."""

    def __init__(self, timeout: float = 60):
        self.timeout = timeout
        self._lock = threading.Lock()
        self._started = False
        self.started_at: float | None = None

    def _start(self) -> None:
        import kaleido

        kaleido.start_sync_server(n=1, timeout=self.timeout, mathjax=False, silence_warnings=True)
        self._started = True
        self.started_at = time.time()

    def render(self, fig: dict, fmt: str, width: int, height: int) -> bytes:
        if fmt not in FORMATS:
            raise ValueError(f"format was {fmt!r} but is expected to be one of {sorted(FORMATS)}")
        import kaleido

        with self._lock:
            try:
                if not self._started:
                    self._start()
                return kaleido.calc_fig_sync(
                    fig,
                    opts={"format": fmt, "width": width, "height": height, "scale": 1},
                    topojson=TOPOJSON_DIR.as_uri() + "/",
                )
            except Exception as e:  # kaleido / choreographer raise many kinds
                log.exception("export failed")
                self._started = False
                try:
                    kaleido.stop_sync_server(silence_warnings=True)
                except Exception:  # pragma: no cover - best effort
                    pass
                raise ExportError(f"the image could not be rendered: {type(e).__name__}") from None

    def close(self) -> None:
        if self._started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            self._started = False


def merge_pdfs(pages: list[bytes]) -> bytes:
    """One PDF from single-page PDFs, in order."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for blob in pages:
        for page in PdfReader(io.BytesIO(blob)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_RENDERER: Renderer | None = None


def renderer() -> Renderer:
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = Renderer()
    return _RENDERER
