"""Diagrams are committed as SVG rendered from their Mermaid sources: both exist and agree."""

from __future__ import annotations

import re

from scripts import render_diagrams
from tests.support import DOCS, need, need_tool


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
    assert render_diagrams.main(["--check"]) == 0, "an SVG is stale or orphaned: run `make diagrams` and commit"
