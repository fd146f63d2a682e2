"""The files under snippets/: safe paths, named regions, code languages.

Regions use pymdownx.snippets' section markers on comment lines, e.g. `// --8<-- [start:health]`
and `// --8<-- [end:health]`, with pymdownx's own name grammar (a letter, then letters, digits,
'-' or '_'), so the same files also work with a plain `--8<--` include.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .confine import DotfilePolicy, no_dotfiles, publishable
from .paths import INSTALLED_DIRS, SNIPPETS_DIR

SKIPPED_DIRS = INSTALLED_DIRS | {".git"}
MARKER = re.compile(r"-+8<-+[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([^\]]*?)[ \t]*\]", re.IGNORECASE)
REGION_NAME = re.compile(r"[a-z][-_0-9a-z]*", re.IGNORECASE)  # pymdownx.snippets' RE_SNIPPET_SECTION

# Code-fence languages by file name, then by suffix. Unknown files must say lang= explicitly.
LANG_BY_NAME = {"Dockerfile": "dockerfile", "Procfile": "text", ".dockerignore": "text", "Makefile": "make"}
LANG_BY_SUFFIX = {
    ".js": "js",
    ".cjs": "js",
    ".mjs": "js",
    ".ts": "ts",
    ".mts": "ts",
    ".cts": "ts",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".sh": "bash",
    ".toml": "toml",
    ".conf": "nginx",
    ".py": "python",
    ".sql": "sql",
    ".Dockerfile": "dockerfile",
}


class SnippetError(Exception):
    """A snippet reference that cannot be honoured; the build fails with this message."""


@dataclass(frozen=True)
class Region:
    name: str
    start: int  # 1-based line of the start marker
    end: int  # 1-based line of the end marker


def resolve(rel: str, root: Path = SNIPPETS_DIR) -> Path:
    """The file for a path written relative to snippets/; refuse anything that escapes it."""
    pure = PurePosixPath(rel)
    if not rel or pure.is_absolute() or ".." in pure.parts or "\\" in rel:
        raise SnippetError(f"snippet path {rel!r} must be relative to snippets/ without '..'")
    if SKIPPED_DIRS & set(pure.parts):
        raise SnippetError(f"snippet path {rel!r} points into an installed-dependency folder")
    path = (root / pure).resolve()
    if not path.is_relative_to(root.resolve()):
        raise SnippetError(f"snippet path {rel!r} resolves outside snippets/ (symlink?)")
    if not path.is_file():
        raise SnippetError(f"snippet file snippets/{rel} does not exist")
    return path


def regions(text: str, where: str = "snippet") -> dict[str, Region]:
    """All named regions of a file; malformed markers (unclosed, unopened, nested, repeated) raise."""
    found: dict[str, Region] = {}
    open_name: str | None = None
    open_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for kind, name in MARKER.findall(line):
            if not REGION_NAME.fullmatch(name):
                raise SnippetError(
                    f"{where}:{number}: region name {name!r}: pymdownx.snippets takes a letter, then letters, "
                    "digits, '-' or '_'"
                )
            kind = kind.lower()
            if kind == "start":
                if open_name is not None:
                    raise SnippetError(f"{where}:{number}: region {name!r} starts inside region {open_name!r}")
                if name in found:
                    raise SnippetError(f"{where}:{number}: region {name!r} is defined twice")
                open_name, open_line = name, number
            else:
                if open_name != name:
                    raise SnippetError(f"{where}:{number}: region {name!r} ends but was not started")
                found[name] = Region(name, open_line, number)
                open_name = None
    if open_name is not None:
        raise SnippetError(f"{where}:{open_line}: region {open_name!r} is never ended")
    return found


def extract(text: str, region: str | None, where: str) -> str:
    """The text of a file or of one region, with every marker line removed and indentation kept."""
    lines = text.splitlines()
    if region is not None:
        known = regions(text, where)
        if region not in known:
            names = ", ".join(sorted(known)) or "none"
            raise SnippetError(f"{where} has no region {region!r} (regions: {names})")
        lines = lines[known[region].start : known[region].end - 1]
    else:
        regions(text, where)  # validate markers even when showing the whole file
    kept = [line for line in lines if not MARKER.search(line)]
    if not "".join(kept).strip():
        raise SnippetError(f"{where}{':' + region if region else ''} is empty")
    return "\n".join(kept)


def language(path: Path) -> str:
    if path.name in LANG_BY_NAME:
        return LANG_BY_NAME[path.name]
    if path.name.startswith("Dockerfile.") or path.name.endswith(".Dockerfile"):
        return "dockerfile"
    if path.suffix in LANG_BY_SUFFIX:
        return LANG_BY_SUFFIX[path.suffix]
    raise SnippetError(f"no code language known for {path.name}; pass lang='...'")


def snippet_files(root: Path = SNIPPETS_DIR, *, allowed_dotfile: DotfilePolicy = no_dotfiles) -> list[Path]:
    """Every file under snippets/ that may be published (handbook.confine's policy), in path order.
    `allowed_dotfile` says which dotfiles are snippets (the checker knows: checks.registry.known_kind)."""
    return publishable(root, allowed_dotfile=allowed_dotfile)
