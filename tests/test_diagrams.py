"""Diagrams are committed as SVG rendered from their Mermaid sources: both exist and agree."""

from __future__ import annotations

import re
import subprocess
import sys

from scripts.diagrams import render as render_diagrams
from tests.support import DOCS, REPO, need, need_tool


def test_every_diagram_source_has_its_svg_and_every_page_image_exists() -> None:
    sources = render_diagrams.sources()
    assert sources, "no Mermaid sources in docs/diagrams/"
    for source in sources:
        assert source.with_suffix(".svg").is_file(), f"{source.name}: run `make diagrams`"
    for page in DOCS.rglob("*.md"):
        for image in re.findall(r"\]\((diagrams/[^)]+\.svg)\)", page.read_text()):
            assert (DOCS / image).is_file(), f"{page.name} shows {image}, which is missing"


def test_committed_svgs_are_what_the_sources_render_to() -> None:
    need_tool("chromium", hint="Debian package chromium renders the Mermaid sources")
    need(render_diagrams.MERMAID_JS.is_file(), "node_modules/mermaid is not installed (npm ci)")
    # A separate process, as `make diagrams` runs it: Playwright's sync API refuses to start inside a
    # worker whose other tests already drive a browser.
    result = subprocess.run(
        [sys.executable, "-m", "scripts.diagrams", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, f"stale or orphaned SVG; run `make diagrams` and commit:\n{result.stderr}"
