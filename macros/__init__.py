"""mkdocs-macros module of the Deploy Handbook: the macros pages call, backed by data/ and snippets/.

Each macro raises on an unknown name or argument; with `on_error_fail: true` the build then stops
and names the page. Nothing is guessed and nothing is half-rendered.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Any

from markupsafe import Markup, escape

from .loader import DataError, Handbook, load_data
from .render import plain
from .snippets import SNIPPETS_DIR, SnippetError, extract, language, resolve
from .sources import render_sources
from .tables import render_table

__all__ = ["DataError", "SnippetError", "define_env"]


def _fence(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def _page_dir(env: Any) -> str:
    page = getattr(env, "page", None)
    src = page.file.src_uri if page is not None and page.file is not None else "index.md"
    return posixpath.dirname(src) or "."


def render_snippet(
    path: str,
    region: str | None = None,
    *,
    title: str | None = None,
    lang: str | None = None,
    linenums: bool = False,
    hl_lines: str | None = None,
    page_dir: str = ".",
) -> str:
    """Markdown for one snippet: a titled code block and a link to the real file."""
    file = resolve(path)
    rel = file.relative_to(SNIPPETS_DIR).as_posix()
    # What `python -m checks` runs on this file, from its own registry: the label cannot drift from
    # the truth, and a file no checker knows stops the build instead of being shown unchecked.
    from checks.registry import UnknownKind, checks_for

    try:
        checked_by = ", ".join(checks_for(file))
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
    fence = _fence(code)
    href = posixpath.relpath(f"snippets/{rel}", page_dir)
    # The snippet's identity rides on the meta line (attr_list), not on a wrapper <div>: a raw-HTML
    # wrapper is left unprocessed inside admonitions and tabs, while attr_list works everywhere.
    region_attr = f' data-region="{region}"' if region else ""
    return (
        f"\n{fence}{lang} {' '.join(options)}\n{code}\n{fence}\n\n"
        f"File: [`snippets/{rel}`]({href}) · Checked by: {escape(checked_by)}\n"
        f'{{: .hb-snippet-meta data-snippet="{rel}"{region_attr} }}\n'
    )


def render_fact(handbook: Handbook, name: str, *, unit: bool = True) -> Markup:
    """One sourced value for prose: the value (with unit) linking to its first source."""
    fact = handbook.fact(name)
    text = plain(fact.value, unit=fact.unit if unit else None)
    urls = [str(u) for u in fact.sources]
    title = f"Verified {fact.verified.isoformat()}; sources: {' '.join(urls)}"
    return Markup('<a class="hb-fact" data-fact="{}" href="{}" title="{}">{}</a>').format(name, urls[0], title, text)


def define_env(env: Any) -> None:
    """Called by mkdocs-macros at start-up: load data/ once and register the macros."""
    try:
        handbook = load_data()
    except DataError as exc:
        # One clear line per problem instead of a traceback; mkdocs prints PluginError text as is.
        from mkdocs.exceptions import PluginError

        raise PluginError("invalid data file(s):\n" + str(exc)) from None

    @env.macro
    def table(table_id: str) -> Markup:
        """A comparison or reference table from data/tables/<table_id>.yaml."""
        return render_table(handbook.table(table_id))

    @env.macro
    def fact(name: str, *, unit: bool = True) -> Markup:
        """One value for a sentence: fact('fargate.max_task_memory_gb')."""
        return render_fact(handbook, name, unit=unit)

    @env.macro
    def snippet(*args: Any, **kwargs: Any) -> str:
        """A file, or a named region of it, from snippets/ with a title and a link to the file.

        Arguments are render_snippet's (an unknown one raises TypeError); links are relative to the page.
        """
        if "page_dir" in kwargs:
            raise TypeError("snippet() got an unexpected keyword argument 'page_dir'")
        return render_snippet(*args, page_dir=_page_dir(env), **kwargs)

    @env.macro
    def sources_index(max_age_days: int = 180) -> Markup:
        """Every source URL in data/, what it backs and when it was verified; stale ones flagged."""
        return render_sources(handbook, today=dt.date.today(), max_age_days=max_age_days)
