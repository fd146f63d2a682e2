"""Codes every kind shares (unparseable files, unknown kinds, missing tools) and parse helpers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .locate import Located, ParseError, parse_json, parse_yaml_documents
from .model import CodeTable, Finding, Source

CODES = CodeTable(
    ("PARSE001", "error", "the file is not valid JSON or YAML (the line of the first problem is given)"),
    ("KIND001", "warning", "no checker knows this kind of file, so nothing checked it"),
    ("TOOL001", "error", "a tool this kind needs is not installed (or data/ is invalid), so the file was not checked"),
)


def load_json(src: Source) -> Located | Finding:
    """The located JSON of a file, or the PARSE001 finding that says why it has none."""
    try:
        return src.parsed("json", parse_json)
    except ParseError as exc:
        return CODES.finding(src, exc.line, "PARSE001", f"invalid JSON: {exc.reason}")


def json_sources(sources: Sequence[Source], findings: list[Finding]) -> Iterator[tuple[Source, Located]]:
    """Each source with its parsed JSON; an unparseable one adds its PARSE001 finding and is skipped."""
    for src in sources:
        doc = load_json(src)
        if isinstance(doc, Finding):
            findings.append(doc)
        else:
            yield src, doc


def load_yaml(src: Source) -> list[Located] | Finding:
    try:
        return src.parsed("yaml", parse_yaml_documents)
    except ParseError as exc:
        return CODES.finding(src, exc.line, "PARSE001", f"invalid YAML: {exc.reason}")
