"""Render docs/diagrams/*.mmd (Mermaid) to SVG files next to them, offline.

Why pre-render: Material would fetch Mermaid (several MB) from a CDN at page load, which breaks the
offline wiki, the PDF and the per-page transfer budget. Here Mermaid comes from the npm registry
(root package.json) and runs once in headless Debian Chromium; pages embed plain SVG images.

    python -m scripts.diagrams          # (re)write every SVG
    python -m scripts.diagrams --check  # exit 1 if an SVG is missing or out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.paths import DOCS_DIR, NODE_MODULES, REPO

DIAGRAMS = DOCS_DIR / "diagrams"
MERMAID_JS = NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js"
# Deterministic ids and SVG text (not HTML labels): the output is stable across runs and renders
# inside <img>, in the PDF and from file:// without any stylesheet.
MERMAID_CONFIG = {
    "startOnLoad": False,
    "deterministicIds": True,
    "theme": "neutral",
    "securityLevel": "strict",
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False, "useMaxWidth": False},
    "state": {"useMaxWidth": False},
    "fontFamily": "sans-serif",
}


def sources() -> list[Path]:
    return sorted(DIAGRAMS.glob("*.mmd"))


def render_all(paths: list[Path]) -> dict[Path, str]:
    """Mermaid source file -> SVG text, rendered in one browser session."""
    from scripts.browser import launch_chromium

    if not MERMAID_JS.is_file():
        raise SystemExit(f"render_diagrams: {MERMAID_JS.relative_to(REPO)} is missing; run `npm ci` first")
    out: dict[Path, str] = {}
    with launch_chromium() as browser:
        page = browser.new_page()
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID_JS))
        page.evaluate("config => mermaid.initialize(config)", MERMAID_CONFIG)
        for path in paths:
            try:
                svg = page.evaluate(
                    "async ([id, text]) => (await mermaid.render(id, text)).svg", [f"d-{path.stem}", path.read_text()]
                )
            except Exception as exc:  # Mermaid's parse errors come back as a JS error message
                raise SystemExit(f"{path.relative_to(REPO)}: Mermaid could not render it: {exc}") from None
            out[path] = svg + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report missing or stale SVG files")
    args = parser.parse_args(argv)
    rendered = render_all(sources())
    stale = []
    for path, svg in rendered.items():
        target = path.with_suffix(".svg")
        if args.check:
            if not target.is_file() or target.read_text() != svg:
                stale.append(target.relative_to(REPO).as_posix())
        else:
            target.write_text(svg)
            print(f"wrote {target.relative_to(REPO)}")
    svgs = DIAGRAMS.glob("*.svg")
    orphans = sorted(p.relative_to(REPO).as_posix() for p in svgs if p.with_suffix(".mmd") not in rendered)
    for orphan in orphans:
        print(f"{orphan}: no Mermaid source next to it", file=sys.stderr)
    for name in stale:
        print(f"{name}: missing or out of date; run `make diagrams`", file=sys.stderr)
    return 1 if stale or orphans else 0


if __name__ == "__main__":
    raise SystemExit(main())
