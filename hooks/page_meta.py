"""MkDocs hook: the build refuses a bad handbook.yml or a page without valid front matter.

handbook.yml is checked before anything else runs; every page's `owners:`/`reviewed:` front matter
is checked once the files are known, all problems reported at once as `docs/x.md:3: key: reason`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook.fork import load_fork_settings, overridden_keys
from handbook.loader import DataError
from handbook.pages import load_pages


@event_priority(100)  # before the plugins: they read what handbook.yml sets
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    path = Path(config.config_file_path).resolve().parent / "handbook.yml"
    try:
        settings = load_fork_settings(path)
    except DataError as exc:
        raise PluginError("invalid handbook.yml:\n" + str(exc)) from None
    clashing = overridden_keys(settings, config)
    if clashing:
        raise PluginError(f"mkdocs.yml sets {', '.join(clashing)}: a fork sets these in handbook.yml only")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    tags = config.plugins.get("material/tags")
    allowed = {tag.name for tag in tags.config.tags_allowed} if tags is not None and tags.config.tags_allowed else None
    try:
        load_pages(Path(config.docs_dir), allowed_tags=allowed)
    except DataError as exc:
        raise PluginError("invalid page front matter:\n" + str(exc)) from None
    return files
