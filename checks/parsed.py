"""A file's JSON or YAML, parsed once with key lines, or the PARSE001 finding that says why it has none."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from handbook.located import Located, ParseError, parse_json, parse_yaml_documents

from .model import CODES, Finding, Source


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
    """Every located document of a YAML file, or its PARSE001 finding."""
    try:
        return src.parsed("yaml", parse_yaml_documents)
    except ParseError as exc:
        return CODES.finding(src, exc.line, "PARSE001", f"invalid YAML: {exc.reason}")
