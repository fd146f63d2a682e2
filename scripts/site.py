"""The handbook as MkDocs sees it: the strict build (hosted or offline) and the nav in order."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from handbook.editions import DEFAULT, page_url, translation_of
from handbook.pages import load_page
from handbook.paths import REPO


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class NavPage:
    title: str
    src: str  # relative to docs/, e.g. "ecs.md" or "ecs.zh.md"
    url: str  # relative to the site root, e.g. "ecs/" (hosted), "ecs.html" (offline) or "zh/ecs/"
    section: str | None  # the nav section it sits in, e.g. "Reference"


def run_mkdocs_build(project: Path, dest: Path, *, offline: bool = False) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `dest`, output captured (OFFLINE=true for the file:// bundle)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(dest)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)


def build_site(dest: Path, *, offline: bool = False) -> float:
    """Build the handbook into `dest`; returns seconds taken, raises BuildError with the output's tail."""
    started = time.perf_counter()
    result = run_mkdocs_build(REPO, dest, offline=offline)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-20:])
        raise BuildError(f"mkdocs build --strict failed (exit {result.returncode}):\n{tail}")
    return time.perf_counter() - started


@functools.cache
def nav_pages(*, offline: bool = False, language: str = DEFAULT) -> tuple[NavPage, ...]:
    """Every page of mkdocs.yml's nav, in nav order, with the URL MkDocs gives it (read once per process).

    In Chinese (`language="zh"`): the Chinese pages (`ecs.zh.md`, under zh/), titled with the i18n plugin's
    nav_translations. A section's index page without a nav title is titled by its own heading."""
    config = load_config(str(REPO / "mkdocs.yml"))
    directory_urls = bool(config.use_directory_urls) and not offline
    (edition,) = [lang for lang in config.plugins["i18n"].config.languages if lang.locale == language]
    titles = edition.nav_translations or {}
    pages: list[NavPage] = []

    def walk(items: list[Any], section: str | None) -> None:
        for item in items:
            entries = item.items() if isinstance(item, dict) else [(None, item)]
            for title, target in entries:
                if isinstance(target, list):
                    walk(target, titles.get(title, title))
                elif isinstance(target, str) and target.endswith(".md"):
                    src = translation_of(target, language)
                    shown = titles.get(title, title) if title else load_page(Path(config.docs_dir) / src).title
                    url = page_url(src, directory_urls=directory_urls)
                    pages.append(NavPage(shown, src, url, section))

    walk(config.nav or [], None)
    return tuple(pages)


def git_commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "unknown"
