"""The snippet macro: a file from snippets/, or one named region of it, as a titled code block.

    {{ snippet("app/server.js", "health") }}

becomes a fenced block titled `snippets/app/server.js (health)` holding the lines between the
region's `--8<-- [start:health]` and `[end:health]` markers, then a line with a link to the real
file and "Checked by: …", the tools `python -m checks` runs on that file (from its registry).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from markupsafe import escape

from checks.registry import UnknownKind, checks_for
from handbook.snippets import SnippetError, extract, language, resolve
from handbook.words import check_name, say


def _fence(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


# Material's code annotation markers: `# (1)` or `// (1)` ending a comment, explained by the list after the block.
ANNOTATION = re.compile(r"(?P<lead>(?:#|//)\s*)\((?P<n>\d+)\)(?P<bang>!?)\s*$", re.MULTILINE)


def _annotate(code: str, annotations: list[str] | None, where: str) -> tuple[str, str]:
    """The code with its markers numbered from (1) in this region, and the list Material turns into
    annotations. Markers count up in the file (a region may start at (4)); notes and markers match one to one."""
    markers = [int(m["n"]) for m in ANNOTATION.finditer(code)]
    notes = annotations or []
    if len(markers) != len(notes) or markers != list(range(markers[0], markers[0] + len(markers)) if markers else []):
        found = ", ".join(f"({n})" for n in markers) or "none"
        raise SnippetError(f"{where}: annotation markers {found} do not match the {len(notes)} annotations given")
    if not notes:
        return code, ""
    first = markers[0] - 1
    code = ANNOTATION.sub(lambda m: f"{m['lead']}({int(m['n']) - first}){m['bang']}", code)
    return code, "".join(f"{i}. {' '.join(note.split())}\n" for i, note in enumerate(notes, 1)) + "\n"


def render_snippet(
    path: str,
    region: str | None = None,
    *,
    title: str | None = None,
    lang: str | None = None,
    linenums: bool = False,
    hl_lines: str | None = None,
    annotations: list[str] | None = None,
    page_dir: str = ".",
    root: Path,
    page_language: str = "en",
) -> str:
    """Markdown for one snippet: a titled code block and a link to the real file. The code and its comments
    are the same file in every edition; the line under it is in the page's language."""
    file = resolve(path, root)
    rel = file.relative_to(root.resolve()).as_posix()
    # What `python -m checks` runs on this file, from its own registry: the label cannot drift from
    # the truth, and a file no checker knows stops the build instead of being shown unchecked.
    try:
        checked_by = say("list_separator", page_language).join(check_name(c, page_language) for c in checks_for(file))
    except UnknownKind as exc:
        raise SnippetError(
            f"snippets/{rel}: no kind known to `python -m checks`, so it would be shown unchecked ({exc})"
        ) from None
    code = extract(file.read_text(encoding="utf-8"), region, f"snippets/{rel}")
    lang = lang or language(file)
    shown = title or (f"snippets/{rel} ({region})" if region else f"snippets/{rel}")
    options = [f'title="{shown.replace(chr(34), chr(39))}"']
    if linenums:
        options.append('linenums="1"')
    if hl_lines:
        if not re.fullmatch(r"[0-9 -]+", hl_lines):
            raise SnippetError(f"hl_lines={hl_lines!r}: use line numbers and ranges such as '2 4-6'")
        options.append(f'hl_lines="{hl_lines}"')
    code, notes = _annotate(code, annotations, shown)
    fence = _fence(code)
    href = posixpath.relpath(f"snippets/{rel}", page_dir)
    # The snippet's identity rides on the meta line (attr_list), not on a wrapper <div>: a raw-HTML
    # wrapper is left unprocessed inside admonitions and tabs, while attr_list works everywhere.
    region_attr = f' data-region="{region}"' if region else ""
    line = say("snippet_file", page_language, link=f"[`snippets/{rel}`]({href})", checks=escape(checked_by))
    return (
        f"\n{fence}{lang} {' '.join(options)}\n{code}\n{fence}\n\n{notes}"
        f"{line}\n"
        f'{{: .hb-snippet-meta data-snippet="{rel}"{region_attr} }}\n'
    )
