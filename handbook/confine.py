"""Which files under snippets/ may be published, and why the others may not: the policy, written once.

The build copies snippets/ into the site (hooks/snippet_files.py), so a file there is a file on the
web. Refused, each with a reason:

- a symlink (to a file or a directory) that resolves outside snippets/, or to nothing;
- anything that is not a regular file or directory (FIFO, socket, device);
- a dot-directory (`.ssh/`, `.git/`), and a dotfile the caller does not vouch for (`allowed_dotfile`:
  the checker knows that `.dockerignore` is a snippet; `.env` is not);
- a file that looks like a secret to detect-secrets (private keys, cloud keys, passwords in URLs,
  high-entropy tokens...), Yelp's maintained scanner with its default plugins and filters.

Installed folders (node_modules, __pycache__) are neither published nor refused: they are skipped.
`refusals()` is what the build hook and `python -m checks` call; `publishable()` is the rest.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from .paths import INSTALLED_DIRS, SNIPPETS_DIR

Refusal = tuple[Path, str]  # (the path, why it may not be published)
DotfilePolicy = Callable[[Path], bool]


def no_dotfiles(path: Path) -> bool:
    return False


def _walk(root: Path) -> Iterator[tuple[Path, bool]]:
    """(path, is a directory) for everything under root, depth first, never following a symlink."""
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in INSTALLED_DIRS)
        here = Path(directory)
        for name in dirnames:
            yield here / name, True
        for name in sorted(filenames):
            yield here / name, False


def _target(path: Path) -> Path | None:
    """Where a path leads, or None for a symlink loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop
        return None


def _problem(path: Path, is_dir: bool, root: Path, allowed_dotfile: DotfilePolicy) -> str | None:
    """Why `path` may not be published, without reading it (the secret scan comes later), or None."""
    if path.is_symlink():
        target = _target(path)
        if target is None:
            return "symlink loop"
        if not target.exists():
            return f"symlink to {os.readlink(path)}, which does not exist"
        if not target.is_relative_to(root.resolve()):
            return f"symlink to {target}, outside {root.name}/"
        if target.is_dir():
            return None  # a link to a folder inside snippets/ is not followed: its files are published once
    if is_dir:
        return f"dot-directory: {path.name}/ is not published" if path.name.startswith(".") else None
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device)"
    if path.name.startswith(".") and not allowed_dotfile(path):
        return f"dotfile {path.name} is not a kind of snippet the checker knows"
    return None


def _secrets(path: Path) -> str | None:
    from detect_secrets.core.scan import scan_file  # imported when used: it takes half a second

    found = sorted({(secret.line_number, secret.type) for secret in scan_file(str(path))})
    if not found:
        return None
    return "looks like a secret (detect-secrets): " + ", ".join(f"{kind} on line {line}" for line, kind in found)


def _classify(root: Path, allowed_dotfile: DotfilePolicy) -> tuple[list[Path], list[Refusal]]:
    published: list[Path] = []
    refused: list[Refusal] = []
    refused_dirs: list[Path] = []
    for path, is_dir in _walk(root):
        if any(path.is_relative_to(d) for d in refused_dirs):
            continue  # one line for the folder, not one per file inside it
        problem = _problem(path, is_dir, root, allowed_dotfile)
        target = _target(path)
        is_file = not is_dir and target is not None and target.is_file()  # a link to a file inside root is one
        if problem is None and is_file and target is not None:
            problem = _secrets(target)
        if problem is not None:
            refused.append((path, problem))
            if is_dir:
                refused_dirs.append(path)
        elif is_file:
            published.append(path)
    return sorted(published), sorted(refused)


def classify(
    root: Path = SNIPPETS_DIR, *, allowed_dotfile: DotfilePolicy = no_dotfiles
) -> tuple[list[Path], list[Refusal]]:
    """(the files under root that may be published, every refused path with its reason), in path order.
    Symlinks to files inside root are published under their own name."""
    from detect_secrets.settings import default_settings

    with default_settings():  # detect-secrets' default plugins and filters, set up once per walk
        return _classify(root, allowed_dotfile)


def refusals(root: Path = SNIPPETS_DIR, *, allowed_dotfile: DotfilePolicy = no_dotfiles) -> list[Refusal]:
    """Every path under root that must not be published, with the reason."""
    return classify(root, allowed_dotfile=allowed_dotfile)[1]


def publishable(root: Path = SNIPPETS_DIR, *, allowed_dotfile: DotfilePolicy = no_dotfiles) -> list[Path]:
    """Every file under root that may be published."""
    return classify(root, allowed_dotfile=allowed_dotfile)[0]


def describe(refused: list[Refusal], root: Path) -> str:
    """One line per refused path: `snippets/app/.env: dotfile .env is not ...`."""
    return "\n".join(f"{root.name}/{path.relative_to(root).as_posix()}: {reason}" for path, reason in refused)
