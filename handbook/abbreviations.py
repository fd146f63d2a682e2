"""includes/abbreviations.md: the glossary's abbreviations, which every page gets as tooltips.

pymdownx.snippets appends the file to every page and Markdown's `abbr` turns each `*[TERM]: text`
line into <abbr title="text">; the glossary lists the same file. A line of any other shape would be
appended to every page as text, so it is an error here, with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from .loader import DataError
from .paths import REPO, shown

ABBREVIATIONS = REPO / "includes" / "abbreviations.md"


def abbreviations_file(includes: Path, language: str) -> Path:
    """The abbreviations of one edition: abbreviations.md (English), abbreviations.zh.md (Chinese)."""
    return includes / ("abbreviations.md" if language == "en" else f"abbreviations.{language}.md")


LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]: (?P<text>\S.*)$")


def load_abbreviations(path: Path = ABBREVIATIONS) -> dict[str, str]:
    """Term -> explanation, in file order; raise DataError naming each bad line."""
    terms: dict[str, str] = {}
    problems: list[str] = []
    rel = shown(path, path.parent.parent)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = LINE.match(line)
        if match is None:
            if line.strip():
                problems.append(f"{rel}:{number}: (line): expected `*[TERM]: explanation`")
            continue
        if match["term"] in terms:
            problems.append(f"{rel}:{number}: {match['term']}: defined twice")
        terms[match["term"]] = match["text"]
    if problems:
        raise DataError(problems)
    return terms
