"""Which files a run covers: the paths given, directories walked recursively.

Inside a git work tree, files git ignores (virtualenvs, build output) are skipped, as are
`node_modules`, `vendor` and dot-directories everywhere: they are installed, copied or generated, not written.
Only regular files are ever opened: a FIFO would block the run, a device would never end, so those
(and symbolic-link loops) are set aside with the reason.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from handbook.paths import INSTALLED_DIRS

# vendor/ holds third-party files copied in unchanged (e.g. docs/assets/vendor): not ours to lint.
SKIPPED_DIRS = INSTALLED_DIRS | {"vendor"}


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)  # regular files to check, each once
    named: set[Path] = field(default_factory=set)  # those given on the command line (resolved)
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    not_regular: list[tuple[str, str, bool]] = field(default_factory=list)  # (path, what it is, named): never opened


def _skipped(parts: tuple[str, ...]) -> bool:
    return any(part in SKIPPED_DIRS or (part.startswith(".") and part not in {".", ".."}) for part in parts[:-1])


def file_type(path: Path) -> str | None:
    """None for a regular file (after following links), else what it is: "a FIFO", "a broken link"..."""
    try:
        mode = path.stat().st_mode
    except RuntimeError:
        return "a symbolic-link loop"
    except OSError as exc:
        if path.is_symlink():
            return "a symbolic-link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
        return None if not path.exists() and not path.is_symlink() else f"unreadable ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    kinds = {
        stat.S_ISDIR: "a directory",
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISSOCK: "a socket",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
    }
    return next((what for test, what in kinds.items() if test(mode)), "not a regular file")


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
    return [root / name for name in sorted(names)]


def _walk(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        found += [Path(dirpath) / f for f in sorted(filenames)]
    return found


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: its own path is its identity
        return path.absolute()


def collect(paths: list[str]) -> Collected:
    """The files to check. A regular file named explicitly is always checked; one found in a directory
    only when no rule above skips it; anything that is not a regular file is listed, never opened."""
    out = Collected()
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        what = file_type(path)
        if what is None and path.is_file():
            candidates, named = [path], True
        elif what == "a directory":
            listed = _git_files(path)
            found = listed if listed is not None else _walk(path)
            candidates = [f for f in found if not _skipped(f.relative_to(path).parts)]
            named = False
        elif what is None:
            out.missing.append(given)
            continue
        else:
            out.not_regular.append((given, what, True))
            continue
        for candidate in candidates:
            kind = file_type(candidate)
            if kind == "a directory":
                continue  # a submodule or a link to a directory: walked on its own if named
            if kind is not None:
                out.not_regular.append((str(candidate), kind, False))
                continue
            key = _key(candidate)
            if key not in seen:
                seen.add(key)
                out.files.append(candidate)
            if named:
                out.named.add(key)
    return out
