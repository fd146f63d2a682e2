"""Debian's Chromium driven by Playwright: the one browser every output script and test uses.

Never `playwright install`: the machine has no network for browser downloads, and Debian's build
is the one CI installs (system-packages.txt).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")

# No background traffic of Chromium's own, so "zero requests leave the machine" is checkable.
# Playwright starts each launch with a fresh temporary profile (its own --user-data-dir).
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class BrowserMissing(RuntimeError):
    pass


def chromium_path() -> Path:
    if not CHROMIUM.exists():
        found = shutil.which("chromium")
        if found is None:
            raise BrowserMissing("chromium is not installed: apt-get install chromium (see system-packages.txt)")
        return Path(found)
    return CHROMIUM


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path()), args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def chromium(browser: Browser | None = None) -> Iterator[Browser]:
    """`browser` if the caller already runs one (Playwright allows one sync driver per thread), else a new one."""
    if browser is not None:
        yield browser
        return
    with launch_chromium() as launched:
        yield launched
