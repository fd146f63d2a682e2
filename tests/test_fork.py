"""Forking in one step: `make fork`'s script renames a copy of the handbook, hands its pages to the
new owners, and a page the fork adds builds strictly with its own owners and edit link."""

from __future__ import annotations

import re
from pathlib import Path

from handbook.fork import load_fork_settings
from scripts.fork import main as fork
from tests.sitebuild import build, copy_project

RUNBOOK = """---
owners: [Acme on-call]
reviewed: 2026-11-02
tags: [On-call and operations]
---

# Acme runbook

Where Acme's pager rotation lives, and what to read first: [Start here](start/index.md).
"""


def test_fork_renames_hands_over_pages_and_builds_a_new_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "acme")
    code = fork(
        [
            *("--project", str(project), "--name", "Acme deploy guide", "--url", "https://docs.acme.example/"),
            *("--repo", "https://github.com/acme/deploy-guide", "--owners", "Acme platform team"),
            *("--review-age-days", "90", "--branch", "trunk"),
        ]
    )
    assert code == 0
    settings = load_fork_settings(project / "handbook.yml")
    assert settings.site_name == "Acme deploy guide" and str(settings.site_url) == "https://docs.acme.example/"
    assert settings.extra.handbook.owners == ["Acme platform team"] and settings.extra.handbook.review_age_days == 90
    assert "!ENV [SITE_URL," in (project / "handbook.yml").read_text(), "the Pages override is kept"
    assert 'owners: ["Acme platform team"]' in (project / "docs/ecs.md").read_text()

    # A new page is written in both languages (the Chinese one may start as a copy, listed as pending).
    (project / "docs/runbook.md").write_text(RUNBOOK, encoding="utf-8")
    (project / "docs/runbook.zh.md").write_text(RUNBOOK, encoding="utf-8")
    mkdocs = project / "mkdocs.yml"
    nav_entry = "  - Home: index.md\n"
    mkdocs.write_text(mkdocs.read_text().replace(nav_entry, nav_entry + "  - Runbook: runbook.md\n"))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^(WARNING|ERROR)\b", result.stdout + result.stderr, re.MULTILINE)
    page = (tmp_path / "site/runbook/index.html").read_text(encoding="utf-8")
    assert "<title>Runbook - Acme deploy guide</title>" in page
    assert 'href="https://github.com/acme/deploy-guide/edit/trunk/docs/runbook.md"' in page
    assert re.search(r"Reviewed <time[^>]*>2026-11-02</time>\s*by <span class=\"hb-owners\">Acme on-call</span>", page)
    ecs = (tmp_path / "site/ecs/index.html").read_text(encoding="utf-8")
    assert '<span class="hb-owners">Acme platform team</span>' in ecs


def test_fork_refuses_a_bad_value_and_leaves_the_file_alone(tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path / "acme")
    before = (project / "handbook.yml").read_text()
    assert fork(["--project", str(project), "--review-age-days", "0"]) == 2
    assert re.search(r"handbook\.yml:\d+: extra\.handbook\.review_age_days: ", capsys.readouterr().err)
    assert (project / "handbook.yml").read_text() == before
