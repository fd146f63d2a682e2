"""Which files a run covers: the paths given, directories walked recursively.

Inside a git work tree, files git ignores (virtualenvs, build output) are skipped, as are
`node_modules`, `vendor` and dot-directories everywhere: they are installed, copied or generated, not written.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from handbook.paths import INSTALLED_DIRS

# vendor/ holds third-party files copied in unchanged (e.g. docs/assets/vendor): not ours to lint.
SKIPPED_DIRS = INSTALLED_DIRS | {"vendor"}


def _skipped(parts: tuple[str, ...]) -> bool:
    return any(part in SKIPPED_DIRS or (part.startswith(".") and part not in {".", ".."}) for part in parts[:-1])


def _git_files(root: Path) -> list[Path] | None:
    """Tracked and untracked-but-not-ignored files under root, or None outside a git work tree."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    names = {name for name in out.stdout.decode("utf-8", "replace").split("\0") if name}
    return [root / name for name in sorted(names) if (root / name).is_file()]


def _walk(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        found += [Path(dirpath) / f for f in sorted(filenames)]
    return found


def collect(paths: list[str]) -> tuple[list[Path], list[str]]:
    """(files to check, paths that do not exist). A file named explicitly is always checked."""
    files: list[Path] = []
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            listed = _git_files(path)
            candidates = listed if listed is not None else _walk(path)
            files += [f for f in candidates if not _skipped(f.relative_to(path).parts)]
        else:
            missing.append(given)
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing
