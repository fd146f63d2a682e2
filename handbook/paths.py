"""Where the project's parts live. The one definition of the repository root; everything else derives from it."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO / "data"
FRESHNESS_STATE = DATA_DIR / "freshness.json"  # written by `make refresh`, read by the Sources page
SNIPPETS_DIR = REPO / "snippets"
DOCS_DIR = REPO / "docs"
NODE_MODULES = REPO / "node_modules"
DIST = REPO / "dist"
# Folders that hold installed or generated files, never written by hand: no reader or checker looks inside.
INSTALLED_DIRS = frozenset({"node_modules", "__pycache__"})


def shown(path: Path, root: Path = REPO) -> str:
    """A path as readers see it in messages: relative to root when inside it, else as given."""
    return path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else str(path)
