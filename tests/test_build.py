"""The strict build: clean output, offline-clean pages, every snippet shown, and failures that say why."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from checks.registry import known_kind
from handbook.snippets import SNIPPETS_DIR, regions
from handbook.snippets import snippet_files as all_snippet_files
from tests.htmltables import elements, snippet_attrs, table_texts
from tests.sitebuild import build, failing_build
from tests.support import REPO

Built = tuple[Path, subprocess.CompletedProcess[str]]


def snippet_files() -> list[Path]:
    """What the build publishes: the confinement policy with the checker's dotfiles."""
    return all_snippet_files(allowed_dotfile=known_kind)


# Lock files are published for download but not shown on a page.
NOT_SHOWN = {"package-lock.json"}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_strict_build_prints_no_warnings(built_site: Built) -> None:
    _, result = built_site
    output = result.stdout + result.stderr
    assert not re.search(r"^(WARNING|ERROR)\b", output, re.MULTILINE), output


class _Requests(HTMLParser):
    """Every URL the browser would fetch by itself while loading a page (not links the reader clicks)."""

    FETCHING: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("image", "href"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value and (tag, name) in self.FETCHING:
                self.urls.append(value)
        if tag == "link" and values.get("href") and values.get("rel") not in {"canonical", "alternate"}:
            self.urls.append(values["href"] or "")
        if values.get("srcset"):
            self.urls.extend(part.split()[0] for part in (values["srcset"] or "").split(","))
        if values.get("style"):
            self.urls.extend(re.findall(r"url\(['\"]?([^'\")]+)", values["style"] or ""))


EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
KNOWN_CALLERS = ("fonts.googleapis.com", "fonts.gstatic.com", "api.github.com", "unpkg.com", "cdn.jsdelivr.net")


def test_pages_request_nothing_from_the_internet(built_site: Built) -> None:
    site, _ = built_site
    offenders = []
    for page in pages(site):
        html = page.read_text()
        parser = _Requests()
        parser.feed(html)
        offenders += [f"{page.relative_to(site)}: {url}" for url in parser.urls if EXTERNAL.match(url)]
        offenders += [f"{page.relative_to(site)}: mentions {host}" for host in KNOWN_CALLERS if host in html]
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text()):
            if EXTERNAL.match(url):
                offenders.append(f"{css.relative_to(site)}: {url}")
    assert not offenders, "\n".join(offenders)


def shown_snippets(site: Path) -> tuple[set[str], set[tuple[str, str]]]:
    files: set[str] = set()
    used_regions: set[tuple[str, str]] = set()
    for page in pages(site):
        for attrs in snippet_attrs(page.read_text()):
            files.add(attrs["data-snippet"])
            if "data-region" in attrs:
                used_regions.add((attrs["data-snippet"], attrs["data-region"]))
    return files, used_regions


def test_every_snippet_file_is_shown_on_some_page(built_site: Built) -> None:
    site, _ = built_site
    shown, _ = shown_snippets(site)
    expected = {p.relative_to(SNIPPETS_DIR).as_posix() for p in snippet_files() if p.name not in NOT_SHOWN}
    assert sorted(expected - shown) == [], "snippet files no page shows"


def test_every_region_is_used_and_every_used_region_exists(built_site: Built) -> None:
    site, _ = built_site
    _, used = shown_snippets(site)
    defined = {
        (p.relative_to(SNIPPETS_DIR).as_posix(), name)
        for p in snippet_files()
        if p.name not in NOT_SHOWN
        for name in regions(p.read_text(errors="replace"), str(p))
    }
    assert sorted(defined - used) == [], "orphan regions: defined in a snippet but shown on no page"
    assert sorted(used - defined) == [], "regions shown that no snippet defines"


def test_snippet_files_are_published_next_to_the_pages(built_site: Built) -> None:
    site, _ = built_site
    for path in snippet_files():
        rel = path.relative_to(SNIPPETS_DIR)
        assert (site / "snippets" / rel).read_bytes() == path.read_bytes()


# --- Broken input must fail the build, and say why -------------------------------------------------


# `scratch` (a copy of the project to break) is a fixture in tests/conftest.py.


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def test_broken_link_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", "\nSee [nowhere](no-such-page.md).\n")
    assert "no-such-page.md" in failing_build(scratch)


def test_broken_anchor_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", "\nSee [sizes](ecs.md#no-such-anchor).\n")
    assert "no-such-anchor" in failing_build(scratch)


def test_bad_data_file_fails_with_one_clear_line(scratch: Path) -> None:
    path = scratch / "data/tables/fargate-task-sizes.yaml"
    path.write_text(path.read_text().replace("verified: 2026-11-22", "verified: someday", 1))
    output = failing_build(scratch)
    assert re.search(r"data/tables/fargate-task-sizes\.yaml:\d+: rows\[0\]\.verified: .*date", output), output
    assert "Traceback" not in output


def test_unknown_macro_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", '\n{{ tabel("fargate-task-sizes") }}\n')
    assert "'tabel' is undefined" in failing_build(scratch)


def test_unknown_macro_argument_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", '\n{{ table("fargate-task-sizes", caption="x") }}\n')
    assert "unexpected keyword argument 'caption'" in failing_build(scratch)


def test_snippet_outside_snippets_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", '\n{{ snippet("../mkdocs.yml") }}\n')
    assert "snippet path '../mkdocs.yml' must be relative to snippets/ without '..'" in failing_build(scratch)


def test_missing_region_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", '\n{{ snippet("ecs/nginx-task-definition.json", "no-region") }}\n')
    assert "has no region 'no-region'" in failing_build(scratch)


def test_pymdownx_include_outside_snippets_fails_the_build(scratch: Path) -> None:
    append(scratch / "docs/index.md", '\n```yaml\n--8<-- "../mkdocs.yml"\n```\n')
    assert "mkdocs.yml" in failing_build(scratch)


def test_repository_root_is_what_tests_build() -> None:
    assert (REPO / "mkdocs.yml").is_file() and (REPO / "macros" / "__init__.py").is_file()


# --- Hostile pages and data (the page sandbox, inert values) -------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ fact.__globals__['__builtins__']['__import__']('os').popen('id').read() }}",
    ],
)
def test_page_reaching_python_internals_fails_the_build_naming_the_page(scratch: Path, payload: str) -> None:
    append(scratch / "docs/glossary.md", f"\n{payload}\n")
    output = failing_build(scratch)
    assert "_File_: `glossary.md`" in output, output
    assert re.search(r"SecurityError: access to attribute '__\w+__' of '\w+' object is unsafe", output), output
    assert "uid=" not in output


LIVE_MARKDOWN = "30 [s](javascript:alert(document.domain)) **bold** ![i](https://evil.example/t.png) `x` | y"


def test_data_values_render_as_literal_text(scratch: Path) -> None:
    """A fact shown in a content tab and a table cell in a tab and a Markdown table stay text, never markup."""
    # The same text as the value and as its Chinese twin: both editions must show it as text.
    facts = scratch / "data/facts/heroku.yaml"
    facts.write_text(
        facts.read_text()
        .replace("    value: 30\n", f'    value: "{LIVE_MARKDOWN}"\n', 1)
        .replace('      unit: "秒"\n', f'      unit: "秒"\n      value: "{LIVE_MARKDOWN}"\n', 1)
    )
    stacks = scratch / "data/tables/heroku-stacks.yaml"
    stacks.write_text(
        stacks.read_text()
        .replace("base: Ubuntu 24.04", f'base: "{LIVE_MARKDOWN}"', 1)
        .replace(
            '        status: "新应用的默认值', f'        base: "{LIVE_MARKDOWN}"\n        status: "新应用的默认值', 1
        )
    )
    for page in ("docs/heroku.md", "docs/heroku.zh.md"):
        append(
            scratch / page,
            '\n=== "In a tab"\n\n    {{ table("heroku-stacks") | indent(4) }}\n\n'
            '| Fact |\n| --- |\n| {{ fact("heroku.shutdown_grace_s") }} |\n',
        )
    result = build(scratch, scratch / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for page, unit in (("app-code", "seconds"), ("heroku", "seconds"), ("zh/app-code", "秒"), ("zh/heroku", "秒")):
        html = (scratch / "site" / page / "index.html").read_text()
        assert not re.search(r"href=\"javascript:alert|<strong>bold|<img[^>]*evil|<code>x</code>", html), page
        texts = [text for attrs, text in elements(html, "a") if attrs.get("data-fact") == "heroku.shutdown_grace_s"]
        assert texts and all(text == f"{LIVE_MARKDOWN} {unit}" for text in texts), (page, texts)
    for page in ("heroku", "zh/heroku"):
        html = (scratch / "site" / page / "index.html").read_text()
        assert sum(LIVE_MARKDOWN in cells for table in table_texts(html) for row in table for cells in row) >= 2


def test_unpublishable_snippets_fail_the_build_and_reach_no_site(scratch: Path) -> None:
    """A symlink to /etc/passwd, a .env, a .ssh/ folder and a key inside a shown file: one line each."""
    (scratch / "snippets/cli/notes.sh").symlink_to("/etc/passwd")
    (scratch / "snippets/app/.env").write_text("DATABASE_URL=postgres://app:s3cr3tpass@db.example.com/app\n")
    (scratch / "snippets/app/.ssh").mkdir()
    (scratch / "snippets/app/.ssh/id_rsa").write_text("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L\n")
    append(scratch / "snippets/cli/aws-deploy.sh", "# -----BEGIN RSA PRIVATE KEY-----\n")
    output = failing_build(scratch)
    for line in [
        "snippets/app/.env: dotfile .env is not a kind of snippet the checker knows",
        "snippets/app/.ssh: dot-directory: .ssh/ is not published",
        "snippets/cli/aws-deploy.sh: looks like a secret (detect-secrets): Private Key on line",
        "snippets/cli/notes.sh: symlink to /etc/passwd, outside snippets/",
    ]:
        assert line in output, output
    assert "Traceback" not in output
    assert not (scratch / "site" / "snippets").exists() or not any((scratch / "site" / "snippets").rglob("*"))
