"""The production server as the Procfile runs it (gunicorn, threaded workers), on loopback:
slow clients and exports do not starve the page, a large body is refused before it is read,
limits answer in JSON, no server version is sent. Each test reproduces a defect of issue 10.

These start a real server (a few seconds each); ``pytest -m "not server"`` skips them."""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import threading
import time
from urllib.parse import urlparse

import pytest

from bench.server import procfile_server

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def srv():
    with procfile_server(workers=2, env={"EXPORT_QUEUE": "2"}) as s:
        yield s


def get(url: str, path: str, timeout: float = 30, headers: dict | None = None):
    u = urlparse(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    c.request("GET", path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, dict(r.getheaders()), body


def healthz_latencies(url: str, seconds: float) -> list[float]:
    out = []
    end = time.time() + seconds
    while time.time() < end:
        t = time.perf_counter()
        status, _, _ = get(url, "/healthz", timeout=20)
        assert status == 200
        out.append((time.perf_counter() - t) * 1000)
        time.sleep(0.05)
    return out


def test_no_server_version_and_the_security_headers(srv):
    status, headers, _ = get(srv.url, "/")
    assert status == 200
    assert headers.get("Server") == "hk-atlas"  # not "gunicorn/24.1.1"
    assert "Content-Security-Policy" in headers and headers["X-Frame-Options"] == "DENY"


def test_slow_clients_do_not_take_the_site_down(srv):
    """Four connections that ask for the offline briefing (megabytes) and never read it held
    both sync workers; /healthz then waited 25 s."""
    u = urlparse(srv.url)
    socks = []
    for _ in range(4):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        s.connect((u.hostname, u.port))
        s.sendall(b"GET /export/briefing.html?deck=default&lang=en HTTP/1.1\r\nHost: x\r\n\r\n")
        socks.append(s)
    try:
        time.sleep(2)  # the briefings are built and stuck in the sockets
        lat = healthz_latencies(srv.url, 6)
        assert statistics.quantiles(lat, n=100, method="inclusive")[98] < 200, sorted(lat)[-5:]
        status, _, _ = get(srv.url, "/?region=asean")
        assert status == 200
    finally:
        for s in socks:
            s.close()


def test_a_large_body_is_refused_before_it_is_read(srv):
    """A 50 MB POST held a worker until its timeout; now the headers alone get a 413."""
    u = urlparse(srv.url)
    s = socket.create_connection((u.hostname, u.port), timeout=10)
    t = time.perf_counter()
    # the headers alone, announcing 50 MB: the answer comes without waiting for any of it
    s.sendall(b"POST /export/briefing.html HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Content-Length: 52428800\r\n\r\n")  # fmt: skip
    reply = b""
    try:
        while b"}" not in reply:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    finally:
        s.close()
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert time.perf_counter() - t < 3
    assert b'"error"' in reply


def test_a_long_link_gets_the_apps_json_414(srv):
    status, headers, body = get(srv.url, "/api/v1/summary?" + "a" * 7000)
    assert status == 414 and headers["Content-Type"].startswith("application/json")
    assert "query string" in json.loads(body)["error"]


def test_exports_beyond_the_slots_get_503_with_retry_after_and_the_page_stays_fast(srv):
    """Ten exports at once queued two at a time for up to 12.6 s while /healthz waited 5.3 s;
    now each worker renders one, lets two wait, and answers the rest at once."""
    results: list[tuple[int, dict]] = []
    # the export browsers are warm, as on a server in use (a cold start of both at once, as
    # root on 2 cores, costs one /healthz up to ~0.4 s: reported in the note)
    warm = [threading.Thread(target=get, args=(srv.url, f"/export/map.svg?width=400&height=300&title=w{i}", 120))
            for i in range(4)]  # fmt: skip
    for t in warm:
        t.start()
    for t in warm:
        t.join(180)

    def export(i):
        status, headers, _ = get(srv.url, f"/export/map.png?width=1280&height=720&title=load-{i}-{time.time()}",
                                 timeout=120)  # fmt: skip
        results.append((status, headers))

    threads = [threading.Thread(target=export, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    lat = healthz_latencies(srv.url, 3)
    for t in threads:
        t.join(180)
    statuses = sorted(s for s, _ in results)
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 2, statuses
    for status, headers in results:
        if status == 503:
            assert int(headers["Retry-After"]) >= 1
    assert statistics.quantiles(lat, n=100, method="inclusive")[98] < 200, sorted(lat)[-5:]
