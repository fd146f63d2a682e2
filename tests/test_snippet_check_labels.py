"""The snippet macro says which checks ran on each example, and refuses examples that nothing checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.registry import UnknownKind, checks_for
from handbook.snippets import SnippetError
from macros.snippets import render_snippet
from tests.support import SNIPPETS


def test_rendered_snippet_names_the_checks_from_the_registry() -> None:
    html = render_snippet("app/Dockerfile", "runtime", page_dir=".", root=SNIPPETS)
    labels = checks_for(SNIPPETS / "app" / "Dockerfile")
    assert labels == ["hadolint", "Dockerfile rules"]
    assert "File: [`snippets/app/Dockerfile`](snippets/app/Dockerfile) · Checked by: hadolint, Dockerfile rules" in html


def test_json_snippets_are_labelled_by_content() -> None:
    html = render_snippet("ecs/nginx-task-definition.json", page_dir=".", root=SNIPPETS)
    assert "Checked by: botocore RegisterTaskDefinition model, ECS task definition rules" in html


def test_a_snippet_of_no_known_kind_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    with pytest.raises(UnknownKind):
        checks_for(tmp_path / "notes.txt")
    with pytest.raises(SnippetError, match=r"snippets/notes\.txt: no kind known to `python -m checks`"):
        render_snippet("notes.txt", lang="text", root=tmp_path)
