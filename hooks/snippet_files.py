"""MkDocs hook: publish every file under snippets/ at site/snippets/…, so each snippet on a page
links to the real file (MkDocs then validates those links like any other)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

# MkDocs loads hooks by file path before any plugin runs, so the project root is not yet importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.snippets import SNIPPETS_DIR, snippet_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in snippet_files():
        rel = path.relative_to(SNIPPETS_DIR).as_posix()
        # Static files only: a snippet is never rendered as a page, whatever its suffix.
        # INCLUDED explicitly: MkDocs would otherwise drop dotfiles such as .dockerignore.
        file = File(
            f"snippets/{rel}", str(SNIPPETS_DIR), config["site_dir"], use_directory_urls=False,
            inclusion=InclusionLevel.INCLUDED,
        )
        file.abs_src_path = str(path)
        file.src_uri = f"snippets/{rel}"
        file.dest_uri = f"snippets/{rel}"
        files.append(file)
    return files
