"""The vendored iframe-worker shim (offline search from file://) is the pinned npm release, unmodified."""

from __future__ import annotations

from tests.support import DOCS, REPO, need

VENDORED = DOCS / "assets" / "vendor" / "iframe-worker"
PACKAGE = REPO / "node_modules" / "iframe-worker"


def test_vendored_shim_matches_the_pinned_package() -> None:
    need(PACKAGE.is_dir(), "node_modules is not installed (npm ci)")
    assert (VENDORED / "shim.js").read_bytes() == (PACKAGE / "shim" / "index.js").read_bytes()
    assert (VENDORED / "LICENSE").read_bytes() == (PACKAGE / "LICENSE").read_bytes()


def test_theme_override_swaps_the_cdn_shim_for_the_vendored_one() -> None:
    template = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "assets/vendor/iframe-worker/shim.js" in template and "unpkg" not in template
