"""Page ownership and freshness: front matter and handbook.yml are checked like data/ (file:line),
the build shows who reviewed each page and when, git dates fall back cleanly without full history,
and what is past its review age is listed and fails `make check-fresh`."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from handbook.editions import page_language, page_url
from scripts.check_fresh import main as check_fresh
from tests.sitebuild import build, failing_build
from tests.support import DOCS, REPO, need_tool

Built = tuple[Path, subprocess.CompletedProcess[str]]


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` once; REVIEWED in either stands for the page's own `reviewed: <date>` line."""
    text = path.read_text(encoding="utf-8")
    current = re.search(r"^reviewed: \S+$", text, re.MULTILINE)
    if current:
        old, new = old.replace("REVIEWED", current[0]), new.replace("REVIEWED", current[0])
    assert old in text, f"{path}: no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("REVIEWED\n", "REVIEWED\nowner: someone\n", r"docs/ecs\.md:4: owner: Extra inputs"),
        ("REVIEWED", "reviewed: 2026-13-45", r"docs/ecs\.md:3: \(yaml\): invalid date '2026-13-45'"),
        ("REVIEWED", "reviewed: 2999-01-01", r"docs/ecs\.md:3: reviewed: .*in the future"),
        ("owners: [Deploy Handbook maintainers]\n", "", r"docs/ecs\.md:2: owners: Field required"),
        ("tags: [AWS, ECS,", "tags: [AWS, Lambda, ECS,", r"docs/ecs\.md:4: tags: .*unknown tag\(s\) Lambda"),
    ],
)
def test_bad_front_matter_fails_with_file_and_line(scratch: Path, old: str, new: str, expected: str) -> None:
    edit(scratch / "docs/ecs.md", old, new)
    output = failing_build(scratch)
    assert re.search(expected, output) and "Traceback" not in output, output


def test_a_page_without_front_matter_fails(scratch: Path) -> None:
    (scratch / "docs/stray.md").write_text("# Stray\n", encoding="utf-8")
    assert "docs/stray.md:1: (front matter): a page starts with front matter" in failing_build(scratch)


def test_bad_fork_file_fails_with_file_and_line(scratch: Path) -> None:
    edit(scratch / "handbook.yml", "review_age_days: 180", "review_age_days: 180\n    reviewers: [x]")
    assert re.search(r"handbook\.yml:\d+: extra\.handbook\.reviewers: Extra inputs", failing_build(scratch))


def test_mkdocs_yml_may_not_override_the_fork_file(scratch: Path) -> None:
    edit(scratch / "mkdocs.yml", "strict: true\n", "strict: true\nsite_name: Somebody else\n")
    assert "mkdocs.yml sets site_name" in failing_build(scratch)


def test_every_page_shows_its_owners_review_date_and_edit_links(built_site: Built) -> None:
    site, _ = built_site
    for source in sorted(DOCS.rglob("*.md")):
        rel = source.relative_to(DOCS).as_posix()
        html = (site / page_url(rel) / "index.html").read_text(encoding="utf-8")
        front = re.search(r"owners: \[(.*)\]\nreviewed: (\S+)", source.read_text(encoding="utf-8"))
        assert front, rel
        # Each edition in its own words: "Reviewed DATE by OWNERS", "OWNERS 于 DATE 审阅".
        pattern = (
            r'Reviewed <time datetime="(?P<date>\S+)">\S+</time>\s*by <span class="hb-owners">(?P<owners>[^<]*)</span>'
            if page_language(rel) == "en"
            else r'<span class="hb-owners">(?P<owners>[^<]*)</span> 于 <time datetime="(?P<date>\S+)">[^<]+</time> 审阅'
        )
        shown = re.search(pattern, html)
        assert shown and (shown["date"], shown["owners"]) == (front[2], front[1]), rel
        assert f'href="https://github.com/example/deploy-handbook/edit/main/docs/{rel}"' in html, rel
        assert f'href="https://github.com/example/deploy-handbook/raw/main/docs/{rel}"' in html, rel


def _clone(tmp_path: Path, *depth: str) -> Path:
    git = need_tool("git")
    clone = tmp_path / "clone"
    subprocess.run([git, "clone", "-q", *depth, REPO.as_uri(), str(clone)], check=True, capture_output=True)
    return clone


def test_a_full_clone_dates_each_page_from_git(tmp_path: Path) -> None:
    clone = _clone(tmp_path)
    result = build(clone, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site/ecs/index.html").read_text(encoding="utf-8")
    assert re.search(r"Last changed <span[^>]*>\d{4}-\d\d-\d\d</span>", html)


def test_a_shallow_clone_builds_strictly_without_git_dates(tmp_path: Path) -> None:
    clone = _clone(tmp_path, "--depth", "1")
    result = build(clone, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"^(WARNING|ERROR)\b", output, re.MULTILINE), output
    assert "pages show no last-changed date in this build: the clone is shallow" in output
    html = (tmp_path / "site/ecs/index.html").read_text(encoding="utf-8")
    assert "Last changed" not in html and "Reviewed <time" in html


def test_check_fresh_and_the_needs_review_page_list_what_is_past_its_age(scratch: Path, capsys) -> None:
    assert check_fresh(["--project", str(scratch)]) == 0
    edit(scratch / "docs/ecs.md", "REVIEWED", "reviewed: 2020-01-06")
    edit(scratch / "data/tables/fargate-task-sizes.yaml", "verified: 2026-11-22", "verified: 2020-02-03")
    capsys.readouterr()
    assert check_fresh(["--project", str(scratch)]) == 1
    out = capsys.readouterr().out
    assert re.search(
        r"^docs/ecs\.md:3: reviewed 2020-01-06, \d+ days ago \(review age 180\): Amazon ECS; owners: ", out, re.M
    )
    assert re.search(r"^data/tables/fargate-task-sizes\.yaml rows\[\S+\]: verified 2020-02-03", out, re.M)
    shutil.rmtree(scratch / "site", ignore_errors=True)
    result = build(scratch, scratch / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (scratch / "site/needs-review/index.html").read_text(encoding="utf-8")
    flagged = re.findall(r'<tr class="hb-stale-row"><td>(?:<a href="([^"]+)">)?([^<]+)', page)
    assert ("../ecs/", "Amazon ECS") in flagged
    assert any(title.startswith("Fargate") for _, title in flagged)
