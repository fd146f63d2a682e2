"""Session fixtures for the outputs: Chromium, the hosted build served on a loopback port, the
offline bundle opened from file://, and the printed PDF. Each is made once per xdist worker; the
tests that use them share the "browser" group so that is one worker."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.browser import CHROMIUM, launch_chromium
from scripts.offline.build import build_offline
from handbook.editions import LANGUAGES
from scripts.pdf.build import PdfResult, build_pdf, pdf_path
from scripts.serve import serve_directory
from tests.outputs.browsing import Target
from tests.support import need

Built = tuple[Path, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    need(CHROMIUM.exists(), "Debian chromium is not installed (apt-get install chromium)")
    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def hosted(built_site: Built) -> Iterator[Target]:
    site, _ = built_site
    with serve_directory(site) as base_url:
        yield Target("hosted", site, base_url, base_url)


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Target:
    tmp = tmp_path_factory.mktemp("offline")
    result = build_offline(tmp / "offline", tmp / "deploy-handbook-offline.zip")
    base_url = result.directory.as_uri() + "/"
    return Target("offline", result.directory, base_url, base_url + "index.html")


@pytest.fixture(scope="session", params=LANGUAGES)
def handbook_pdf(
    request: pytest.FixtureRequest, built_site: Built, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> PdfResult:
    """Each edition's PDF printed from the session's strict build, with the session's Chromium."""
    site, _ = built_site
    out = tmp_path_factory.mktemp("pdf") / pdf_path(request.param).name
    return build_pdf(site, out, language=request.param, browser=browser)
