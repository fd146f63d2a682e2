"""MkDocs hook: publish the files under snippets/ at site/snippets/…, so each snippet on a page links
to the real file (MkDocs then validates those links like any other).

What may be published is handbook.confine's policy: a symlink leaving snippets/, a dotfile the
checker does not know, a dot-directory or a file that looks like a secret fails the build, one line
per path, and nothing of it reaches site/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from checks.registry import known_kind
from handbook.confine import classify, describe


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent / "snippets"
    published, refused = classify(root, allowed_dotfile=known_kind)
    if refused:
        raise PluginError("snippets/ holds files that must not be published:\n" + describe(refused, root))
    for path in published:
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
