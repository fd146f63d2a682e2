"""handbook.confine: what under snippets/ may be published, and one reason for each path that may not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.registry import known_kind
from handbook.confine import classify, describe, refusals
from tests.support import SNIPPETS

PRIVATE_KEY = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)
# Shaped like real credentials (detect-secrets looks for the shape); neither was ever issued.
AWS_KEY = "export AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2\n"
DB_URL = "DATABASE_URL=postgres://app:s3cr3tpass@db.example.com/app\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "snippets"
    (root / "app").mkdir(parents=True)
    (root / "app" / "server.js").write_text("'use strict';\nconsole.log('hello');\n")
    (root / "app" / ".dockerignore").write_text("node_modules\n")
    return root


def reasons(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): reason for path, reason in refusals(root, allowed_dotfile=known_kind)}


def test_the_repository_snippets_are_all_publishable() -> None:
    published, refused = classify(SNIPPETS, allowed_dotfile=known_kind)
    assert refused == []
    assert SNIPPETS / "app" / "server.js" in published and SNIPPETS / "app" / ".dockerignore" in published
    assert not any("node_modules" in p.parts for p in published)


def test_a_clean_tree_is_published_whole(root: Path) -> None:
    published, refused = classify(root, allowed_dotfile=known_kind)
    assert refused == [] and published == [root / "app/.dockerignore", root / "app/server.js"]


@pytest.mark.parametrize(
    ("make", "path", "reason"),
    [
        (
            lambda r: (r / "cli").mkdir() or (r / "cli/notes.sh").symlink_to("/etc/passwd"),
            "cli/notes.sh",
            "symlink to /etc/passwd, outside snippets/",
        ),
        (lambda r: (r / "etc").symlink_to("/etc"), "etc", "symlink to /etc, outside snippets/"),
        (lambda r: (r / "app/up.yaml").symlink_to("../../outside.yaml"), "app/up.yaml", "outside snippets/"),
        (
            lambda r: (r / "app/gone.js").symlink_to("nowhere.js"),
            "app/gone.js",
            "symlink to nowhere.js, which does not exist",
        ),
        (
            lambda r: (r / "app/.env").write_text(DB_URL),
            "app/.env",
            "dotfile .env is not a kind of snippet the checker knows",
        ),
        (
            lambda r: (r / "app/.ssh").mkdir() or (r / "app/.ssh/id_rsa").write_text(PRIVATE_KEY),
            "app/.ssh",
            "dot-directory: .ssh/",
        ),
        (lambda r: (r / ".git").mkdir() or (r / ".git/config").write_text("[core]\n"), ".git", "dot-directory: .git/"),
        (lambda r: os.mkfifo(r / "app/pipe.js"), "app/pipe.js", "not a regular file"),
        (lambda r: (r / "app/loop.js").symlink_to("loop.js"), "app/loop.js", "symlink loop"),
        (lambda r: (r / "app/key.js").write_text(f"// {PRIVATE_KEY}"), "app/key.js", "Private Key on line 1"),
        (
            lambda r: (r / "app/deploy.sh").write_text(f"#!/bin/sh\n{AWS_KEY}"),
            "app/deploy.sh",
            "AWS Access Key on line 2",
        ),
        (
            lambda r: (r / "app/config.js").write_text(f"// {DB_URL}"),
            "app/config.js",
            "Basic Auth Credentials on line 1",
        ),
    ],
)
def test_each_unpublishable_path_is_refused_with_its_reason(root: Path, make, path: str, reason: str) -> None:
    (root.parent / "outside.yaml").write_text("a: 1\n")
    make(root)
    found = reasons(root)
    assert list(found) == [path], found
    assert reason in found[path]
    published, _ = classify(root, allowed_dotfile=known_kind)
    assert not any(p == root / path or p.is_relative_to(root / path) for p in published)


def test_links_inside_snippets_are_published_and_not_followed_twice(root: Path) -> None:
    (root / "app/alias.js").symlink_to("server.js")
    (root / "again").symlink_to("app")
    published, refused = classify(root, allowed_dotfile=known_kind)
    assert refused == []
    assert root / "app/alias.js" in published and not any(p.is_relative_to(root / "again") for p in published)


def test_describe_gives_one_line_per_path(root: Path) -> None:
    (root / "app/.env").write_text(DB_URL)
    (root / "app/key.js").write_text(PRIVATE_KEY)
    lines = describe(refusals(root, allowed_dotfile=known_kind), root).splitlines()
    assert lines == [
        "snippets/app/.env: dotfile .env is not a kind of snippet the checker knows",
        "snippets/app/key.js: looks like a secret (detect-secrets): Private Key on line 1",
    ]
