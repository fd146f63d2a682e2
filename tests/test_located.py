"""handbook.located's limits, which protect the data loader and the checker alike: deep nesting and
alias bombs are refused before PyYAML composes them (libyaml's composer recurses, and segfaults
near 10^5 levels), and line_index never walks a shared node twice."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handbook.located import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    ParseError,
    SourceError,
    line_index,
    parse_yaml_documents,
    read_source,
)

BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 5_000, 100_000])
def test_deep_flow_nesting_is_refused_with_its_line(levels: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_yaml_documents("kind: ConfigMap\ndata: " + "[" * levels + "]" * levels + "\n")
    assert (info.value.line, info.value.reason) == (2, f"nested more than {MAX_DEPTH} levels deep")


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH + 5))
    with pytest.raises(ParseError, match="nested more than"):
        parse_yaml_documents(text)


def test_nesting_up_to_the_limit_parses() -> None:
    [doc] = parse_yaml_documents("a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n")
    assert doc.line("a") == 1


def test_an_alias_bomb_is_refused_at_the_alias_that_crosses_the_limit() -> None:
    with pytest.raises(ParseError) as info:
        parse_yaml_documents(BOMB)
    assert f"aliases expand to more than {MAX_ALIAS_NODES:,} extra nodes" in info.value.reason
    assert 5 <= info.value.line <= 10


def test_ordinary_aliases_still_work_and_are_indexed_once() -> None:
    text = "base: &base {image: web, port: 3000}\nweb: *base\nworker: *base\n"
    [doc] = parse_yaml_documents(text)
    assert doc.data["worker"] == {"image": "web", "port": 3000}
    assert doc.line("worker") == 3 and doc.line("base", "port") == 1


def test_a_self_referencing_alias_is_refused() -> None:
    with pytest.raises(ParseError, match=r"alias \*x refers to a node that contains it"):
        parse_yaml_documents("x: &x [a, *x]\n")


def test_line_index_does_not_expand_shared_nodes() -> None:
    """Nine levels of nine aliases: 387 million paths if expanded; the index holds the real ones only."""
    node = yaml.compose(BOMB.replace("a9:", "#"), Loader=yaml.SafeLoader)  # composing shares the nodes
    lines = line_index(node)
    assert len(lines) < 200 and lines[("a8",)] == 9


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b"a: \xff\n"), "is not UTF-8"),
        (lambda p: p.write_bytes("a: 1\n".encode("utf-16")), "is UTF-16"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.symlink_to(p.parent / "missing"), "which does not exist"),
        (lambda p: p.symlink_to(p), "symlink loop"),
        (lambda p: p.write_text("a: 1\n" * 100), "the limit is 100"),
    ],
)
def test_read_source_says_why_a_file_is_not_text(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "x.yaml"
    make(path)
    with pytest.raises(SourceError, match=reason):
        read_source(path, max_bytes=100)


def test_read_source_accepts_a_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert yaml.safe_load(read_source(path, max_bytes=100)) == {"a": 1}
