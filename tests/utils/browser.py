"""Headless Debian Chromium under Playwright, offline, plus axe-core from npm."""

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Without these Chromium tries Google's hosts at every start (the machine is offline).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Screenshots go to a temporary folder; `make screenshots` points this at docs/screenshots.
SCREENSHOTS = os.environ.get("LOTSE_SCREENSHOTS")


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG 2.1 A and AA, best practices)."""
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
             values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


def screenshot(page: Page, name: str, tmp: Path, full_page: bool = False) -> Path:
    path = screenshot_path(name, tmp)
    page.screenshot(path=str(path), full_page=full_page)
    return path


def screenshot_path(name: str, tmp: Path) -> Path:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"


@contextmanager
def city_site(html: str) -> Iterator[str]:
    """Another origin, like the city's own website, serving one page; yields its URL."""
    with tempfile.TemporaryDirectory(prefix="city-site-") as folder:
        (Path(folder) / "index.html").write_text(html, encoding="utf-8")
        handler = partial(QuietHandler, directory=folder)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/index.html"
        finally:
            server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass
