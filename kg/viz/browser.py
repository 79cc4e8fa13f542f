"""Open a page in headless Chromium and report what happened: DOM, errors, requests, timing.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``),
so no network port is opened and no extra package is needed. Used to check and measure the
page (tests, benchmarks) and to take screenshots for the documentation.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["find_chromium", "Browser", "PageReport", "BrowserError"]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


class BrowserError(RuntimeError):
    """Chromium could not be started, or did not answer in time."""


def find_chromium() -> str | None:
    """Path of a Chromium-like browser: ``$KG_CHROMIUM``, else the first one on ``PATH``."""
    explicit = os.environ.get("KG_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else shutil.which(explicit)
    return next((found for name in _CANDIDATES if (found := shutil.which(name))), None)


@dataclass
class PageReport:
    """What one page load did."""

    url: str
    seconds: float
    ready: bool
    title: str = ""
    dom: str = ""
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)


class Browser:
    """One headless Chromium process, driven over the DevTools protocol.

    Example (needs Chromium)::

        with Browser() as browser:
            report = browser.open("out/graph.html", until="data-drawn")
            assert report.ready and not report.errors
    """

    def __init__(self, executable: str | None = None, *, width: int = 1400, height: int = 900, timeout: float = 60.0):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("no Chromium found: install it (apt-get install chromium) or set KG_CHROMIUM")
        self.width, self.height, self.timeout = width, height, timeout
        self._profile = tempfile.TemporaryDirectory(prefix="kg-chromium-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
        os.close(to_child_r)
        os.close(from_child_w)

        def wire() -> None:
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        command = [self.executable, *_FLAGS, f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}", "about:blank"]
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                pass_fds=(3, 4), preexec_fn=wire,
            )
        except OSError as exc:
            raise BrowserError(f"cannot start {self.executable}: {exc}") from exc
        finally:
            os.close(high_r)
            os.close(high_w)
        self._out, self._in = to_child_w, from_child_r
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """End the browser process and remove its profile."""
        try:
            self._call("Browser.close", timeout=5)
        except (BrowserError, OSError):
            pass
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._profile.cleanup()

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float | None = None) -> dict:
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = session
        os.write(self._out, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            message = self._read(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self._events.append(message)

    def _drain(self, session: str, report: PageReport) -> None:
        for event in self._events:
            if event.get("sessionId") != session:
                continue
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text", "exception")
                report.errors.append(f"uncaught: {text}")
            elif method == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                report.console.append(f"{params.get('type')}: {text}")
                if params.get("type") in ("error", "assert"):
                    report.errors.append(f"console: {text}")
            elif method == "Log.entryAdded":
                entry = params.get("entry", {})
                report.console.append(f"{entry.get('level')}: {entry.get('text')}")
                if entry.get("level") == "error":
                    report.errors.append(f"log: {entry.get('text')}")
            elif method == "Network.requestWillBeSent":
                report.requests.append(params.get("request", {}).get("url", ""))
        self._events = [e for e in self._events if e.get("sessionId") != session]

    def open(
        self,
        page: str | os.PathLike,
        *,
        until: str | None = "data-drawn",
        timeout: float = 30.0,
        settle: float = 0.0,
        screenshot: str | os.PathLike | None = None,
        evaluate: dict[str, str] | None = None,
    ) -> PageReport:
        """Load a page in a fresh tab and wait until ``<body>`` has the attribute ``until``.

        Parameters
        ----------
        page : path or URL
            A local file (turned into a ``file://`` URL) or a URL.
        until : str or None
            Body attribute to wait for (``data-drawn``, ``data-stable``); None waits for
            the load event only.
        timeout : float
            Seconds to wait; ``report.ready`` is False when it ran out.
        settle : float
            Extra seconds to wait afterwards (e.g. to let scripts that should not run, run).
        screenshot : path, optional
            Write a PNG of the viewport there once ready.
        evaluate : dict, optional
            JavaScript expressions to evaluate at the end, by name, into ``report.values``.
        """
        url = page if "://" in str(page) else Path(page).resolve().as_uri()
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            for domain in ("Runtime", "Log", "Network", "Page"):
                self._call(f"{domain}.enable", session=session)
            self._call("Emulation.setDeviceMetricsOverride",
                       {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False}, session=session)
            start = time.monotonic()
            self._call("Page.navigate", {"url": url}, session=session)
            check = (
                f"document.body !== null && document.body.getAttribute({json.dumps(until)}) === 'true'"
                if until else "document.readyState === 'complete'"
            )
            ready = False
            while time.monotonic() - start < timeout:
                result = self._call("Runtime.evaluate", {"expression": check, "returnByValue": True}, session=session)
                if result.get("result", {}).get("value") is True:
                    ready = True
                    break
                time.sleep(0.02)
            seconds = time.monotonic() - start
            if settle:
                time.sleep(settle)
            report = PageReport(url=url, seconds=seconds, ready=ready)
            values = {"title": "document.title", "dom": "document.documentElement.outerHTML", **(evaluate or {})}
            for name, expression in values.items():
                result = self._call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
                report.values[name] = result.get("result", {}).get("value")
                if "exceptionDetails" in result:
                    details = result["exceptionDetails"]
                    report.errors.append(f"{name}: {details.get('exception', {}).get('description') or details.get('text')}")
            report.title, report.dom = report.values.pop("title") or "", report.values.pop("dom") or ""
            if screenshot:
                shot = self._call("Page.captureScreenshot", {"format": "png"}, session=session)
                Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
            self._drain(session, report)
            return report
        finally:
            self._call("Target.closeTarget", {"targetId": target})
