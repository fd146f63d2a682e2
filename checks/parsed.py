"""A file's JSON or YAML, parsed once with key lines, or the PARSE001 finding that says why it has none.

YAML goes through handbook.located, whose limits are checked on the parser's events before libyaml
composes a tree (its composer recurses in C: a file nested a hundred thousand levels deep would kill
the process, and aliases that refer to aliases expand exponentially when the tree is walked). Users'
manifests get looser limits than the handbook's own data files.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from handbook.located import Located, ParseError, parse_json, parse_yaml_documents

from .model import CODES, Finding, Source

MAX_YAML_DEPTH = 500  # real manifests nest a few dozen levels
MAX_YAML_NODES = 200_000  # nodes after expanding aliases; a large real manifest has a few thousand


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


def _parse_yaml(text: str) -> list[Located]:
    try:
        return parse_yaml_documents(text, max_depth=MAX_YAML_DEPTH, max_alias_nodes=MAX_YAML_NODES)
    except RecursionError:
        raise ParseError(1, "nested too deeply to check") from None


def load_yaml(src: Source) -> list[Located] | Finding:
    """Every located document of a YAML file, or its PARSE001 finding."""
    try:
        return src.parsed("yaml", _parse_yaml)
    except ParseError as exc:
        return CODES.finding(src, exc.line, "PARSE001", f"invalid YAML: {exc.reason}")
