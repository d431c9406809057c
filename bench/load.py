"""``python -m bench.load``: N users for S seconds of the Atlas's realistic mix, through the
Procfile's server on loopback; prints JSON.

Each user loops: think (``--think`` s on average, 2 by default: a person reading the map between
clicks; 0.5 is a stress test), then one action —
- open a page (the document, its layout and callback list),
- change a filter (the controls callback, then every callback that listens to the view state,
  as the browser fires them),
- read the API (summary, a layer as CSV), fetch the geometry (often a 304),
- now and then export a small PNG (a handful of titles, so the cache is hit as it would be).

Reported: throughput, p50/p95/p99/max per kind of request, errors and 5xx, the server's
memory (master, workers, export browsers) before and after.

Options:
- ``--users N --seconds S`` (default 50 × 30), ``--workers W`` (the server's), ``--url`` to load
  a server already running instead of starting one;
- ``--kill-worker``: SIGKILL one worker half way; reports the requests lost and how long until a
  new worker answered;
- ``--slow-clients N``: N clients that ask for the offline briefing and do not read it, plus
  ``--exports K`` exports in flight, while ``/healthz`` is timed every 100 ms; reports its
  latency.

Goals on a 2-core machine (issue 10): 0 errors and 0 × 5xx; at 50 users p99 < 500 ms for page,
API and callbacks; at 100 users 0 errors; /healthz p99 < 200 ms with 4 slow clients and 6
exports in flight; at most 1 request lost when a worker is killed.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import signal
import socket
import statistics
import threading
import time
from collections import defaultdict
from contextlib import nullcontext
from urllib.parse import urlparse

QUERIES = ["", "region=asean", "lang=zh", "year=2012", "proposal=bpa-2024", "proposal=hkvision-2017&view=compare",
           "metric=bri&layers=coverage,routes", "focus=china&layers=provinces,offices", "region=eu&year=2017",
           "status=existing,planned,proposed&lang=zh", "focus=gba&layers=provinces,offices&proposal=bpa-2024"]  # fmt: skip
ACTIONS = (("page", 0.2), ("filter", 0.53), ("api", 0.15), ("geometry", 0.1), ("export", 0.02))
MAX_RETRY_AFTER = 2  # an export answered 503 + Retry-After is asked again after that wait, twice


class Conn:
    """One keep-alive HTTP connection; reconnects after an error."""

    def __init__(self, url: str, timeout: float = 60):
        u = urlparse(url)
        self.host, self.port, self.timeout = u.hostname, u.port, timeout
        self.c: http.client.HTTPConnection | None = None

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ):
        """One request. Like a browser, a request that fails on a *reused* keep-alive
        connection before any answer (the server closed it meanwhile) is sent again once on
        a new connection; any other failure is the caller's."""
        reused = self.c is not None
        try:
            return self._once(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if not reused:
                raise
            self.retried += 1
            return self._once(method, path, body, headers)

    retried = 0

    def _once(self, method, path, body, headers):
        if self.c is None:
            self.c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.c.request(method, path, body=body, headers=headers or {})
            r = self.c.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                self.c.close()
                self.c = None
            return r.status, data, dict(r.getheaders())
        except (OSError, http.client.HTTPException):
            if self.c is not None:
                self.c.close()
            self.c = None
            raise


def _props(layout) -> dict:
    """(component id, prop) -> value of every component with a string id in a Dash layout."""
    out, todo = {}, [layout]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo += node
        elif isinstance(node, dict):
            props = node.get("props")
            if isinstance(props, dict):
                cid = props.get("id")
                if isinstance(cid, str):
                    for k, v in props.items():
                        out[(cid, k)] = v
                todo += [v for v in props.values() if isinstance(v, dict | list)]
    return out


def _outputs(out: str):
    if out.startswith(".."):
        return [
            {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]}
            for o in out.strip(".").split("...")
        ]
    return {"id": out.rsplit(".", 1)[0], "property": out.rsplit(".", 1)[1]}


class Mix:
    """The requests of each action, built from the app's own layout and callback list."""

    def __init__(self, url: str):
        conn = Conn(url)
        _, layout, _ = conn.request("GET", "/_dash-layout")
        _, deps, _ = conn.request("GET", "/_dash-dependencies")
        self.props = _props(json.loads(layout))
        deps = [d for d in json.loads(deps) if not d.get("clientside_function")]
        plain = [
            d
            for d in deps
            if all(isinstance(i["id"], str) for i in d["inputs"] + d.get("state", []))
        ]
        self.controls = next(d for d in plain if d["output"].startswith("..url.search"))
        self.on_state = [d for d in plain if any(i["id"] == "state" and i["property"] == "data" for i in d["inputs"])
                         and d is not self.controls]  # fmt: skip
        from dashboard.scenes import state_options
        from dashboard.state import ViewState
        from geodata.catalog import default_catalog

        opts = state_options(default_catalog())
        self.states = [ViewState.from_query(q, opts)[0].to_dict() for q in QUERIES]

    def payload(self, dep, overrides: dict, changed: list[str]) -> bytes:
        def item(i):
            key = (i["id"], i["property"])
            return {
                "id": i["id"],
                "property": i["property"],
                "value": overrides.get(key, self.props.get(key)),
            }

        body = {"output": dep["output"], "outputs": _outputs(dep["output"]), "inputs": [item(i) for i in dep["inputs"]],
                "state": [item(s) for s in dep.get("state", [])], "changedPropIds": changed}  # fmt: skip
        return json.dumps(body).encode()

    def filter_change(self) -> list[tuple[str, str, str, bytes]]:
        state = random.choice(self.states)
        year = random.choice([2012, 2017, 2020, 2026])
        out = [("callback:controls", "POST", "/_dash-update-component",
                self.payload(self.controls, {("year", "value"): year, ("state", "data"): state}, ["year.value"]))]  # fmt: skip
        for d in self.on_state:
            name = d["output"].strip(".").split(".")[0]
            out.append((f"callback:{name}", "POST", "/_dash-update-component",
                        self.payload(d, {("state", "data"): state}, ["state.data"])))  # fmt: skip
        return out

    def requests(self, action: str) -> list[tuple[str, str, str, bytes | None]]:
        q = random.choice(QUERIES)
        if action == "page":
            return [("page", "GET", f"/?{q}", None), ("layout", "GET", "/_dash-layout", None),
                    ("dependencies", "GET", "/_dash-dependencies", None)]  # fmt: skip
        if action == "filter":
            return self.filter_change()
        if action == "api":
            path = random.choice(
                ["/api/v1/summary", "/api/v1/layers/offices.csv", "/api/v1/proposals"]
            )
            return [("api", "GET", f"{path}?{q}", None)]
        if action == "geometry":
            return [
                (
                    "geometry",
                    "GET",
                    random.choice(["/geo/world.geojson", "/geo/china.geojson"]),
                    None,
                )
            ]
        title = random.choice(["Briefing", "Offices", "Flights", "ASEAN", "GBA"])
        return [("export", "GET", f"/export/map.png?width=800&height=450&title={title}&{q}", None)]


def _headers(method: str) -> dict:
    h = {"Accept-Encoding": "gzip"}
    if method == "POST":
        h["Content-Type"] = "application/json"
    return h


def run_users(url: str, users: int, seconds: float, think: float, mix: Mix, stop_at: float,
              on_half=None, export_share: float = 0.02) -> dict:  # fmt: skip
    samples: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    statuses: dict[int, int] = defaultdict(int)
    failures: list[tuple[float, str, str]] = []
    shed: dict[str, int] = defaultdict(int)  # 503 + Retry-After answers, waited out and asked again
    retried = [0]  # requests sent again after a reused connection was closed under them
    timeline: list[tuple[float, str, float, int]] = []  # (s since start, kind, ms, status)
    started = time.time()
    lock = threading.Lock()
    kinds, weights = zip(*ACTIONS)
    weights = [export_share if k == "export" else w for k, w in ACTIONS]

    def user(i: int):
        rnd = random.Random(i)
        conn = Conn(url)
        time.sleep(rnd.random() * min(2.0, think * 2))
        while time.time() < stop_at:
            action = rnd.choices(kinds, weights)[0]
            for kind, method, path, body in mix.requests(action):
                t = time.perf_counter()
                try:
                    status, _, headers = conn.request(method, path, body, _headers(method))
                    for _ in range(MAX_RETRY_AFTER):
                        if status != 503 or "Retry-After" not in headers:
                            break
                        with lock:
                            shed[kind] += 1
                        time.sleep(float(headers["Retry-After"]))
                        status, _, headers = conn.request(method, path, body, _headers(method))
                except (OSError, http.client.HTTPException) as e:
                    with lock:
                        errors[kind] += 1
                        failures.append((time.time(), kind, type(e).__name__))
                    break
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    samples[kind].append(dt)
                    timeline.append((round(time.time() - started, 3), kind, round(dt, 1), status))
                    statuses[status] += 1
                    if status >= 500 or status in (400, 404, 413, 414):
                        errors[kind] += 1
                        failures.append((time.time(), kind, str(status)))
            with lock:
                retried[0] += conn.retried
                conn.retried = 0
            time.sleep(rnd.expovariate(1 / think) if think > 0 else 0)

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for t in threads:
        t.start()
    if on_half:
        time.sleep(seconds / 2)
        on_half()
    for t in threads:
        t.join(timeout=max(1, stop_at - time.time() + 90))
    elapsed = time.time() - started
    n = sum(len(v) for v in samples.values())

    def pct(v, p):
        return (
            round(statistics.quantiles(v, n=100, method="inclusive")[p - 1], 1)
            if len(v) > 1
            else round(v[0], 1)
        )

    by_kind = {k: {"n": len(v), "p50_ms": pct(v, 50), "p95_ms": pct(v, 95), "p99_ms": pct(v, 99),
                   "max_ms": round(max(v), 1)} for k, v in sorted(samples.items())}  # fmt: skip
    groups = {"page": ["page", "layout", "dependencies"], "api": ["api"],
              "callbacks": [k for k in samples if k.startswith("callback:")]}  # fmt: skip
    grouped = {}
    for g, ks in groups.items():
        v = [x for k in ks for x in samples.get(k, [])]
        if v:
            grouped[g] = {
                "n": len(v),
                "p50_ms": pct(v, 50),
                "p95_ms": pct(v, 95),
                "p99_ms": pct(v, 99),
            }
    return {"users": users, "seconds": round(elapsed, 1), "requests": n, "throughput_rps": round(n / elapsed, 1),
            "errors": sum(errors.values()), "errors_by_kind": dict(errors),
            "server_errors_5xx": sum(c for s, c in statuses.items() if s >= 500), "statuses": dict(statuses),
            "failure_types": dict(collections.Counter(f[2] for f in failures)),
            "shed_503_retry_after": dict(shed), "resent_on_closed_keepalive": retried[0],
            "by_group": grouped, "by_kind": by_kind, "failures": failures, "timeline": timeline}  # fmt: skip


def slow_clients(url: str, n: int, exports: int, seconds: float) -> dict:
    """N readers that do not read a large response, K exports in flight, and /healthz timed."""
    u = urlparse(url)
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        s.connect((u.hostname, u.port))
        s.sendall(b"GET /export/briefing.html?deck=default&lang=en HTTP/1.1\r\nHost: x\r\n\r\n")
        socks.append(s)  # and never read
    results: list[int] = []

    def export(i):
        c = Conn(url, timeout=120)
        try:
            status, _, _ = c.request(
                "GET", f"/export/map.png?width=1280&height=720&title=slow-{i}-{time.time()}"
            )
            results.append(status)
        except (OSError, http.client.HTTPException):
            results.append(0)

    workers = [threading.Thread(target=export, args=(i,), daemon=True) for i in range(exports)]
    for w in workers:
        w.start()
    lat, fails = [], 0
    end = time.time() + seconds
    while time.time() < end:
        c = Conn(url, timeout=30)
        t = time.perf_counter()
        try:
            status, _, _ = c.request("GET", "/healthz")
            lat.append((time.perf_counter() - t) * 1000)
            fails += status != 200
        except (OSError, http.client.HTTPException):
            fails += 1
        time.sleep(0.1)
    for w in workers:
        w.join(timeout=120)
    for s in socks:
        s.close()
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 100
    return {"slow_clients": n, "exports_in_flight": exports, "healthz_n": len(lat), "healthz_failures": fails,
            "healthz_p50_ms": round(q[49], 1), "healthz_p99_ms": round(q[98], 1),
            "healthz_max_ms": round(max(lat), 1) if lat else None,
            "export_statuses": sorted(results)}  # fmt: skip


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--think", type=float, default=2.0, help="mean think time between actions, s")
    p.add_argument(
        "--workers", type=int, default=None, help="server workers (default: the Procfile's)"
    )
    p.add_argument("--url", default=None, help="load this running server instead of starting one")
    p.add_argument(
        "--export-share", type=float, default=0.02, help="share of actions that export a PNG"
    )
    p.add_argument("--kill-worker", action="store_true")
    p.add_argument("--slow-clients", type=int, default=0)
    p.add_argument("--exports", type=int, default=6, help="exports in flight with --slow-clients")
    p.add_argument("--out", default=None, help="also write the JSON to this file")
    p.add_argument(
        "--trace", default=None, help="write every request (time, kind, ms, status) to this file"
    )
    args = p.parse_args(argv)
    if args.users > 400 or args.seconds > 900:
        p.error("at most 400 users and 900 seconds (this harness is for one machine, on loopback)")

    from bench.server import procfile_server, rss_mb, tree

    ctx = nullcontext(None) if args.url else procfile_server(workers=args.workers)
    with ctx as srv:
        url = args.url or srv.url
        if urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1"):
            p.error("loopback only")
        report: dict = {"url": url, "cpus": os.cpu_count()}
        if srv:
            report["rss_before"] = srv.rss()
        mix = Mix(url)
        kill: dict = {}

        def kill_one():
            pids = srv.worker_pids()
            victim = pids[0]
            kill.update({"killed_pid": victim, "at": time.time()})
            os.kill(victim, signal.SIGKILL)
            while True:  # until a new worker is up and the server answers
                now = srv.worker_pids()
                if len(now) >= len(pids) and victim not in now:
                    try:
                        if Conn(url, timeout=5).request("GET", "/healthz")[0] == 200:
                            kill["recovered_s"] = round(time.time() - kill["at"], 2)
                            return
                    except (OSError, http.client.HTTPException):
                        pass
                time.sleep(0.05)

        if args.slow_clients:
            report["slow"] = slow_clients(
                url, args.slow_clients, args.exports, max(10.0, args.seconds)
            )
        else:
            stop_at = time.time() + args.seconds
            on_half = kill_one if args.kill_worker and srv else None
            res = run_users(
                url, args.users, args.seconds, args.think, mix, stop_at, on_half, args.export_share
            )
            failures = res.pop("failures")
            timeline = res.pop("timeline")
            if args.trace:
                with open(args.trace, "w", encoding="utf-8") as f:
                    json.dump(timeline, f)
            if kill:
                lost = [f for f in failures if f[0] >= kill["at"] - 0.5]
                kill["requests_lost"] = len(lost)
                kill["lost"] = [f[1:] for f in lost[:10]]
                report["kill_worker"] = {k: v for k, v in kill.items() if k != "at"}
            report["load"] = res
        if srv:
            report["rss_after"] = srv.rss()
            report["export_browsers_mb"] = round(sum(rss_mb(x) for x in tree(srv.proc.pid))
                                                 - sum(rss_mb(x) for x in [srv.proc.pid, *srv.worker_pids()]), 1)  # fmt: skip
    text = json.dumps(report, indent=1, ensure_ascii=False)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
