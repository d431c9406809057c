"""Static images through kaleido, kept warm, never touching the internet.

kaleido drives the local Chromium (Debian's ``/usr/bin/chromium``; ``BROWSER_PATH``
overrides).  It is started once, on first use, with MathJax off and plotly.js from the
plotly package; the geometry is inlined in the figure and the base-map topology comes
from ``assets/topojson`` — so an export makes no request to another host.
"""

from __future__ import annotations

import io
import logging
import os
import re
import threading
import time
import unicodedata
from pathlib import Path

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
TOPOJSON_DIR = Path(__file__).resolve().parents[2] / "assets" / "topojson"
EXPORT_NICE = int(os.environ.get("EXPORT_NICE", 19))  # CPU priority of the export browser
log = logging.getLogger(__name__)


class ExportError(RuntimeError):
    """The renderer could not produce the image (no browser, timeout…)."""


class Renderer:
    """A warm kaleido server shared by every request of this process (thread-safe).

    Chromium is bounded: one per process, restarted after ``max_renders`` renders (its memory
    grows with use) and closed after ``idle_s`` seconds without work (a reaper thread), so a
    process that exported once does not keep a gigabyte resident."""

    def __init__(
        self, timeout: float = 60, max_renders: int | None = None, idle_s: float | None = None
    ):
        self.timeout = timeout
        self.max_renders = max_renders or int(os.environ.get("EXPORT_MAX_RENDERS", 100))
        self.idle_s = idle_s if idle_s is not None else float(os.environ.get("EXPORT_IDLE_S", 300))
        self._lock = threading.Lock()
        self._started = False
        self.started_at: float | None = None
        self.renders = 0  # since the last start
        self.restarts = 0
        self.last_used = time.monotonic()
        self._reaper: threading.Thread | None = None
        self._niced: set[int] = set()

    def _start(self) -> None:
        import kaleido

        def start():
            # kaleido's own thread, and the browser it launches, inherit this thread's priority
            if hasattr(os, "setpriority"):
                try:
                    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), EXPORT_NICE)
                except OSError:
                    pass
            kaleido.start_sync_server(
                n=1, timeout=self.timeout, mathjax=False, silence_warnings=True
            )

        starter = threading.Thread(target=start, name="export-start", daemon=True)
        starter.start()
        starter.join()
        self._started = True
        self.started_at = time.time()
        self.renders = 0
        self._niced = set()
        if self._reaper is None and self.idle_s > 0:
            self._reaper = threading.Thread(target=self._reap, name="export-reaper", daemon=True)
            self._reaper.start()

    def _yield_cpu(self) -> None:
        """Run the export browser at the lowest CPU priority: an export may take a little
        longer, the page, the API and /healthz answer as if it were not there (measured with
        ``python -m bench.load``: page p99 4.7 s -> see docs/design.md). Linux only."""
        if not hasattr(os, "setpriority") or not Path("/proc").exists():
            return
        mine = os.getpid()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                pid, ppid = int(stat.parent.name), int(fields[1])
            except (OSError, ValueError, IndexError):
                continue
            if not self._descends(ppid, mine):
                continue
            try:
                os.setpriority(os.PRIO_PROCESS, pid, EXPORT_NICE)
                self._niced.add(pid)
            except OSError:
                pass

    @staticmethod
    def _descends(ppid: int, ancestor: int) -> bool:
        seen = 0
        while ppid > 1 and seen < 8:
            if ppid == ancestor:
                return True
            try:
                ppid = int(Path(f"/proc/{ppid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                return False
            seen += 1
        return False

    def _reap(self) -> None:
        while True:
            time.sleep(min(30.0, max(1.0, self.idle_s / 4)))
            with self._lock:
                if self._started and time.monotonic() - self.last_used > self.idle_s:
                    log.info("closing the idle export browser")
                    self._stop()

    def _stop(self) -> None:
        import kaleido

        try:
            kaleido.stop_sync_server(silence_warnings=True)
        except Exception:  # pragma: no cover - best effort
            pass
        self._started = False

    def render(self, fig: dict, fmt: str, width: int, height: int) -> bytes:
        if fmt not in FORMATS:
            raise ValueError(f"format was {fmt!r} but is expected to be one of {sorted(FORMATS)}")
        import kaleido

        with self._lock:
            self.last_used = time.monotonic()
            try:
                if self._started and self.renders >= self.max_renders:
                    self._stop()  # release what Chromium has grown to
                    self.restarts += 1
                if not self._started:
                    self._start()
                self.renders += 1
                blob = kaleido.calc_fig_sync(
                    fig,
                    opts={"format": fmt, "width": width, "height": height, "scale": 1},
                    topojson=TOPOJSON_DIR.as_uri() + "/",
                )
                self._yield_cpu()  # the browser starts (and re-prioritises) its processes as it goes
                return blob
            except Exception as e:  # kaleido / choreographer raise many kinds
                log.error("export failed: %s: %s", type(e).__name__, str(e)[:200])
                self._stop()
                raise ExportError(f"the image could not be rendered: {type(e).__name__}") from None

    def close(self) -> None:
        with self._lock:
            if self._started:
                self._stop()


def merge_pdfs(pages: list[bytes], title: str = "") -> bytes:
    """One PDF from single-page PDFs, in order, titled ``title`` in its metadata (what a PDF
    reader shows and searches; the renderer writes its own name there)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for blob in pages:
        for page in PdfReader(io.BytesIO(blob)).pages:
            writer.add_page(page)
    for page in writer.pages:
        unify_radicals(page)
    writer.add_metadata({"/Title": title or "Hong Kong Network Atlas",
                         "/Creator": "Hong Kong Network Atlas"})  # fmt: skip
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# Kangxi radicals and CJK radicals: the renderer's text map names some everyday characters
# by these (香 as U+2FB9), so a search for "香港" in the PDF finds nothing
_RADICALS = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
# radicals of the supplement block NFKC leaves alone, seen in our PDFs (Unicode's
# EquivalentUnifiedIdeograph.txt gives the ideograph)
_IDEOGRAPH = {"\u2e93": "\u5e7a", "\u2e90": "\u5c22"}  # ⺓ 幺, ⺐ 尢
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _unified(hexcode: bytes) -> bytes:
    """A ToUnicode destination (UTF-16BE hex) with each radical as its unified ideograph."""
    try:
        text = bytes.fromhex(hexcode.decode()).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return hexcode
    fixed = _RADICALS.sub(
        lambda m: _IDEOGRAPH.get(m.group(), unicodedata.normalize("NFKC", m.group())), text
    )
    return fixed.encode("utf-16-be").hex().upper().encode() if fixed != text else hexcode


def unify_cmap(data: bytes) -> tuple[bytes, int]:
    """A ToUnicode CMap with each radical destination of its ``bfchar`` entries as the unified
    ideograph (NFKC), and how many entries changed."""
    changed = 0

    def pair(m: re.Match) -> bytes:
        nonlocal changed
        dst = _unified(m.group(2))
        changed += dst != m.group(2)
        return b"<" + m.group(1) + b"> <" + dst + b">"

    out = _BFCHAR.sub(lambda b: b"beginbfchar" + _PAIR.sub(pair, b.group(1)) + b"endbfchar", data)
    return out, changed


def unify_radicals(page) -> int:
    """Rewrite the text maps (ToUnicode) of a page's fonts so that characters drawn from a
    radical's glyph read as the ideograph; returns how many entries changed."""
    changed = 0
    fonts = page.get("/Resources", {}).get("/Font", {})
    for ref in fonts.values():
        tu = ref.get_object().get("/ToUnicode")
        if tu is None:
            continue
        stream = tu.get_object()
        data, n = unify_cmap(stream.get_data())
        if n:
            stream.set_data(data)
            changed += n
    return changed


_RENDERER: Renderer | None = None


def renderer() -> Renderer:
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = Renderer()
    return _RENDERER
