"""MkDocs hook: publish every file under snippets/ at site/snippets/…, so each snippet on a page
links to the real file (MkDocs then validates those links like any other)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from handbook.snippets import snippet_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent / "snippets"
    for path in snippet_files(root):
        rel = path.relative_to(root).as_posix()
        # Static files only: a snippet is never rendered as a page, whatever its suffix.
        # INCLUDED explicitly: MkDocs would otherwise drop dotfiles such as .dockerignore.
        file = File(
            f"snippets/{rel}",
            str(root),
            config["site_dir"],
            use_directory_urls=False,
            inclusion=InclusionLevel.INCLUDED,
        )
        file.abs_src_path = str(path)
        file.src_uri = f"snippets/{rel}"
        file.dest_uri = f"snippets/{rel}"
        files.append(file)
    return files
