"""The production server as the Procfile starts it, on loopback, for the load harness and the
server tests: ``with procfile_server() as srv: srv.url, srv.worker_pids(), srv.rss()``.

Linux only (worker processes and their memory are read from ``/proc``)."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def procfile_command() -> list[str]:
    """The ``web:`` command of the Procfile, as argv."""
    for line in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("web:"):
            return shlex.split(line.split(":", 1)[1])
    raise RuntimeError("the Procfile has no web: line")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return sorted(out)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return out


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    log: Path

    def worker_pids(self) -> list[int]:
        return children(self.proc.pid)

    def rss(self) -> dict[str, float]:
        """Resident memory (MB): the master, the workers, and everything they started
        (the export browsers)."""
        workers = self.worker_pids()
        everything = tree(self.proc.pid)
        return {
            "master_mb": round(rss_mb(self.proc.pid), 1),
            "workers_mb": round(sum(rss_mb(p) for p in workers), 1),
            "total_mb": round(sum(rss_mb(p) for p in everything), 1),
        }


def wait_ready(url: str, timeout: float = 90) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server at {url} did not answer /healthz within {timeout} s")


@contextmanager
def procfile_server(workers: int | None = None, env: dict | None = None, ready_timeout: float = 90):
    """The Procfile's server on 127.0.0.1 (a free port), with its own empty export cache."""
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="hk-atlas-server-", suffix=".log")[1])
    environ = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "ACCESS_LOG": "",
               "CACHE_DIR": tempfile.mkdtemp(prefix="hk-atlas-cache-"), **(env or {})}  # fmt: skip
    if workers:
        environ["WEB_CONCURRENCY"] = str(workers)
    argv = procfile_command()
    argv[0] = str(Path(os.sys.executable).parent / argv[0]) if argv[0] == "gunicorn" else argv[0]
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, cwd=ROOT, env=environ, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, ready_timeout)
        yield Server(url, proc, log)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
