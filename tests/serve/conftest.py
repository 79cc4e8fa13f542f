"""``kg serve`` as a real subprocess on 127.0.0.1, over an on-disk store holding the seed graph."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from kg import KnowledgeGraph


class Server:
    """A running ``kg serve``: its base URL, port, process and log."""

    def __init__(self, store: Path, log: Path, port: int, *options: str):
        self.store = store
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(self.port), *options],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_ready(self, limit: float = 60.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"kg serve exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"kg serve did not answer within {limit:g} s: {self.log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        """SIGTERM (uvicorn shuts down and stops its workers), then kill the session if it lingers."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def serve(free_port, tmp_path_factory):
    """``with serve(store, *options) as server``: ``kg serve`` on a free port, ready, always stopped.

    Only the options given are passed, so a test can check the defaults (the bind address
    among them); the log goes to a fresh temporary folder.
    """

    @contextmanager
    def running(store: Path, *options: str):
        server = Server(store, tmp_path_factory.mktemp("serve-log") / "server.log", free_port(), *options)
        try:
            server.wait_ready()
            yield server
        finally:
            server.stop()

    return running


@pytest.fixture(scope="session")
def seed_trig(seed_kg, tmp_path_factory) -> Path:
    return seed_kg.export(tmp_path_factory.mktemp("seed") / "seed.trig")


def make_store(trig: Path, folder: Path) -> Path:
    kg = KnowledgeGraph(str(folder))
    kg.load(trig)
    kg.close()
    return folder


@pytest.fixture(scope="module")
def read_only_server(serve, seed_trig, tmp_path_factory):
    store = make_store(seed_trig, tmp_path_factory.mktemp("serve-ro") / "store")
    with serve(store, "--host", "127.0.0.1", "--timeout", "1", "--max-results", "50", "--workers", "2") as server:
        yield server


@pytest.fixture(scope="module")
def update_server(serve, seed_trig, tmp_path_factory):
    store = make_store(seed_trig, tmp_path_factory.mktemp("serve-rw") / "store")
    with serve(store, "--host", "127.0.0.1", "--allow-update", "--workers", "1") as server:
        yield server
