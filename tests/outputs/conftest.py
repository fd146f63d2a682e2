"""Session fixtures for the outputs: Chromium, the hosted build served on a loopback port, the
offline bundle opened from file://, and the printed PDF. Each is made once per xdist worker; the
tests that use them share the "browser" group so that is one worker."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from handbook.editions import LANGUAGES
from scripts.browser import CHROMIUM, launch_chromium
from scripts.offline.build import build_offline
from scripts.pdf.build import PdfResult, build_pdf, pdf_path
from scripts.serve import serve_directory
from scripts.site import run_mkdocs_build
from tests.outputs.browsing import Target
from tests.support import REPO, need

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


@pytest.fixture(scope="session")
def at_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    """The hosted build served at its own site_url: Material's instant navigation follows only links
    its sitemap lists, and it matches them by scheme, host and port (the reader's case in production)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    site = tmp_path_factory.mktemp("at-site-url")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", f"http://127.0.0.1:{port}/")
        result = run_mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(site, port) as base_url:
        yield Target("hosted", site, base_url, base_url)
