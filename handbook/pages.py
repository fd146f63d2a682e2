"""Pages' front matter: who owns each page in docs/ and when it was last reviewed (schema: PageMeta).

Read here with the line of every key, so a bad page fails the build as `docs/ecs.md:3: reviewed: reason`,
the same way a bad data file does. MkDocs itself ignores front matter it cannot parse and renders it as
text; the build validates every page first (hooks/page_meta.py), so that never reaches a reader.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import YAML_RE  # MkDocs' own test for front matter: both read the same block
from pydantic import ValidationError

from .loader import DataError, parse_yaml, validation_problems
from .located import line_index, nearest_line
from .paths import DOCS_DIR, shown
from .schema import PageMeta

FRONT_MATTER_LINE = 2  # the YAML starts on the line after the opening `---`


@dataclass(frozen=True)
class PageInfo:
    src: str  # relative to docs/, e.g. "ecs.md"
    shown: str  # as messages name it, e.g. "docs/ecs.md"
    title: str  # front matter `title`, else the first `# ` heading, else the file name
    meta: PageMeta
    reviewed_line: int


def _title(meta: PageMeta, body: str, fallback: str) -> str:
    if meta.title:
        return meta.title
    heading = re.search(r"^# +(.+?)(?: +\{[^}]*\})? *$", body, re.MULTILINE)
    return heading[1].strip() if heading else fallback


def load_page(path: Path, docs_dir: Path = DOCS_DIR, *, allowed_tags: Collection[str] | None = None) -> PageInfo:
    """Validate one page's front matter; raise DataError naming file, line, key and reason."""
    rel = shown(path, docs_dir.parent)
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    match = YAML_RE.match(text)
    if match is None:
        raise DataError([f"{rel}:1: (front matter): a page starts with front matter: ---, owners:, reviewed:, ---"])
    node, raw = parse_yaml(match.group(1), rel, first_line=FRONT_MATTER_LINE)
    if not isinstance(raw, dict):
        raise DataError([f"{rel}:{FRONT_MATTER_LINE}: (front matter): expected a mapping of keys"])
    try:
        meta = PageMeta.model_validate(raw, context={"allowed_tags": allowed_tags})
    except ValidationError as exc:
        raise DataError(validation_problems(exc, node, rel, first_line=FRONT_MATTER_LINE)) from None
    line = nearest_line(line_index(node), ("reviewed",)) + FRONT_MATTER_LINE - 1 if node is not None else 1
    src = path.relative_to(docs_dir).as_posix()
    return PageInfo(src, rel, _title(meta, text[match.end() :], src), meta, line)


def load_pages(docs_dir: Path = DOCS_DIR, *, allowed_tags: Collection[str] | None = None) -> list[PageInfo]:
    """Every Markdown page under docs_dir, validated; all problems collected before raising."""
    pages: list[PageInfo] = []
    problems: list[str] = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            pages.append(load_page(path, docs_dir, allowed_tags=allowed_tags))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return pages
