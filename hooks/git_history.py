"""MkDocs hook: "last changed" dates come from git only when the full history is there.

The git-revision-date-localized plugin dates each page by its last commit. A shallow clone (CI's
default depth of 1) would date every page by the one commit it has, and a copy outside git has no
dates at all; in both cases the plugin is switched off for this build, said once at INFO level,
and pages show their reviewed date without a "last changed" date. `.ci/run` deepens a shallow clone first.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

PLUGIN = "git-revision-date-localized"
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def missing_history(project: Path) -> str | None:
    """Why git cannot date this project's pages, or None when it can."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree", "--is-shallow-repository"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return "git is not installed"
    answers = result.stdout.split()
    if result.returncode != 0 or answers[:1] != ["true"]:
        return "the project is not in a git work tree"
    if answers[1:] == ["true"]:
        return "the clone is shallow (run `git fetch --unshallow`)"
    return None


@event_priority(100)  # before the plugin's own on_config, which already asks git for the site's date
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.config.get("enabled"):
        return config
    reason = missing_history(Path(config.config_file_path).resolve().parent)
    if reason is not None:
        plugin.config["enabled"] = False
        log.info(f"pages show no last-changed date in this build: {reason}")
    return config
