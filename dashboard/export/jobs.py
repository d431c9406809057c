"""How much export work a process takes on: a time budget checked before any work starts, and
a bounded number of exports rendering and waiting at once.

- ``estimate_seconds``: what an export will take, from its pages and pixels (measured on a
  2-core machine: a warm render is 0.5-0.7 s whatever the size, building a scene's figure
  about 0.4 s; see ``bench/export.py``). Over ``EXPORT_BUDGET_S`` the request is refused with a
  413 that says how long it would take and what to ask for instead.
- ``Slots``: ``EXPORT_WORKERS`` exports render at once per process, ``EXPORT_QUEUE`` more may
  wait (each at most ``EXPORT_WAIT_S``); beyond that a JSON 503 with ``Retry-After``. The page,
  the API and ``/healthz`` never wait behind exports: they do not take a slot.
"""

from __future__ import annotations

import math
import os
import threading
import time
from contextlib import contextmanager

from werkzeug.exceptions import HTTPException

PER_PAGE_S = {"png": 0.9, "svg": 0.9, "pdf": 1.0, "html": 0.45}
PER_MEGAPIXEL_S = {"png": 0.02, "svg": 0.0, "pdf": 0.01, "html": 0.0}


def _env(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


class TooLarge(HTTPException):
    code = 413


class Busy(HTTPException):
    code = 503

    def __init__(self, description: str, retry_after: int):
        super().__init__(description)
        self.retry_after = retry_after

    def get_headers(self, environ=None, scope=None):
        return [*super().get_headers(environ, scope), ("Retry-After", str(self.retry_after))]


def estimate_seconds(fmt: str, pages: int, width: int, height: int) -> float:
    mp = width * height / 1e6
    return pages * (PER_PAGE_S[fmt] + PER_MEGAPIXEL_S[fmt] * mp)


def check_budget(fmt: str, pages: int, width: int, height: int) -> float:
    """The estimate, or a 413 when it is over the budget (before any work)."""
    budget = _env("EXPORT_BUDGET_S", 40)
    est = estimate_seconds(fmt, pages, width, height)
    if est > budget:
        per = estimate_seconds(fmt, 1, width, height)
        fit = max(1, int(budget // per))
        raise TooLarge(
            f"this export of {pages} page(s) at {width}×{height} would take about {est:.0f} s; "
            f"at most {budget:.0f} s are allowed: export at most {fit} page(s) at this size, "
            "or smaller pages"
        )
    return est


class Slots:
    def __init__(
        self, workers: int | None = None, queue: int | None = None, wait: float | None = None
    ):
        self.workers = int(workers or _env("EXPORT_WORKERS", 1))
        self.queue = int(queue if queue is not None else _env("EXPORT_QUEUE", 3))
        self.wait = float(wait if wait is not None else _env("EXPORT_WAIT_S", 30))
        self._sem = threading.BoundedSemaphore(self.workers)
        self._lock = threading.Lock()
        self.waiting = 0
        self.running = 0
        self._recent: list[float] = []  # durations of the last exports, for Retry-After

    def _retry_after(self) -> int:
        avg = sum(self._recent) / len(self._recent) if self._recent else 2.0
        return max(1, math.ceil(avg * (self.waiting + self.running) / self.workers))

    @contextmanager
    def slot(self):
        got = self._sem.acquire(blocking=False)  # a free slot: no waiting
        if not got:
            with self._lock:
                if self.waiting >= self.queue:
                    raise Busy(f"{self.running} exports are rendering and {self.waiting} waiting; "
                               "try again shortly", self._retry_after())  # fmt: skip
                self.waiting += 1
            try:
                got = self._sem.acquire(timeout=self.wait)
            finally:
                with self._lock:
                    self.waiting -= 1
            if not got:
                raise Busy("the exports before this one took too long; try again shortly",
                           self._retry_after())  # fmt: skip
        with self._lock:
            self.running += 1
        started = time.perf_counter()
        try:
            yield
        finally:
            with self._lock:
                self.running -= 1
                self._recent = [*self._recent[-9:], time.perf_counter() - started]
            self._sem.release()


_SLOTS: Slots | None = None
_SLOTS_LOCK = threading.Lock()


def slots() -> Slots:
    global _SLOTS
    with _SLOTS_LOCK:
        if _SLOTS is None:
            _SLOTS = Slots()
        return _SLOTS
