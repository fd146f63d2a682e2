"""mkdocs-macros module of the Deploy Handbook: registers the macros pages call.

    {{ table("fargate-task-sizes") }}          a data table with its sources (macros/tables.py)
    {{ fact("heroku.shutdown_grace_s") }}      one sourced value in a sentence (macros/facts.py)
    {{ snippet("app/server.js", "health") }}   a checked example file or region (macros/snippets.py)
    {{ sources_index() }}                      every source, what it backs, its freshness (macros/sources.py)
    {{ abbreviations() }}                      the glossary's abbreviations, which every page shows as tooltips
    {{ needs_review() }}                       pages and data rows past their review age (macros/reviews.py)

Each macro raises on an unknown name or argument; with `on_error_fail: true` the build then stops
and names the page. Data and snippets are read from the project that mkdocs.yml sits in. Pages are
rendered in a Jinja sandbox that holds these macros and Jinja's built-in filters, nothing else
(macros/sandbox.py).

A page writes in its own language (`ecs.zh.md` is Chinese: handbook/editions.py): the same call renders
the data's Chinese twins and the handbook's own words in Chinese there. When the build has the Chinese
edition, every English text in data/ must have its Chinese twin (the data fails to load otherwise).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from handbook.abbreviations import abbreviations_file, load_abbreviations
from handbook.editions import DEFAULT, builds_chinese, english_of, load_terms, page_language
from handbook.fork import load_fork_settings
from handbook.freshness import load_state
from handbook.loader import DataError, load_data
from handbook.pages import load_pages
from handbook.paths import FRESHNESS_STATE
from handbook.reviews import reviewables

from . import sandbox
from .facts import render_fact
from .reviews import render_needs_review
from .snippets import render_snippet
from .sources import render_sources
from .tables import render_table
from .values import html

__all__ = ["PAGE_MACROS", "define_env", "on_pre_page_macros"]

# Everything a page can call. mkdocs-macros' own macros (macros_info, context, now, ...) are left out.
PAGE_MACROS = ("table", "fact", "snippet", "sources_index", "abbreviations", "needs_review")


def _page_src(env: Any) -> str:
    page = getattr(env, "page", None)
    return page.file.src_uri if page is not None and page.file is not None else "index.md"


def _page_dir(env: Any) -> str:
    return posixpath.dirname(_page_src(env)) or "."


def _language(env: Any) -> str:
    return page_language(_page_src(env))


def define_env(env: Any) -> None:
    """Called by mkdocs-macros at start-up: load the project's data/ once and register the macros."""
    project = Path(env.conf["config_file_path"]).resolve().parent
    try:
        needs_chinese = (
            load_terms(project / "i18n" / "terms.yml").needs_translation if builds_chinese(env.conf) else None
        )
        handbook = load_data(project / "data", needs_chinese=needs_chinese)
        freshness = load_state(project / "data" / FRESHNESS_STATE.name)
    except DataError as exc:
        # One clear line per problem instead of a traceback; mkdocs prints PluginError text as is.
        raise PluginError("invalid data file(s):\n" + str(exc)) from None
    snippets_root = project / "snippets"

    @env.macro
    def table(table_id: str, rows: list[str] | None = None) -> Markup:
        """A comparison or reference table from data/tables/<table_id>.yaml; `rows` shows only those row ids."""
        data = handbook.table(table_id)
        return render_table(data if rows is None else data.only(rows), _language(env))

    @env.macro
    def fact(name: str, *, unit: bool = True) -> Markup:
        """One value for a sentence: fact('fargate.max_task_memory_gb')."""
        return render_fact(handbook, name, unit=unit, language=_language(env))

    @env.macro
    def snippet(
        path: str,
        region: str | None = None,
        *,
        title: str | None = None,
        lang: str | None = None,
        linenums: bool = False,
        hl_lines: str | None = None,
        annotations: list[str] | None = None,
    ) -> str:
        """A file, or a named region of it, from snippets/ with a title and a link to the file.
        `annotations` explain the code's `# (1)` markers, in order (Material's code annotations)."""
        return render_snippet(
            path,
            region,
            title=title,
            lang=lang,
            linenums=linenums,
            hl_lines=hl_lines,
            annotations=annotations,
            page_dir=_page_dir(env),
            root=snippets_root,
            page_language=_language(env),
        )

    @env.macro
    def sources_index(max_age_days: int = 180) -> Markup:
        """Every source URL in data/, what it backs, when it was verified and re-checked; stale ones flagged."""
        return render_sources(
            handbook, freshness, today=dt.date.today(), max_age_days=max_age_days, language=_language(env)
        )

    @env.macro
    def needs_review() -> Markup:
        """Every page and data row with its review date, oldest first; those past handbook.yml's review age flagged."""
        policy = load_fork_settings(project / "handbook.yml").extra.handbook
        language = _language(env)
        pages = [p for p in load_pages(Path(env.conf["docs_dir"])) if page_language(p.src) == language]
        items = reviewables(pages, handbook, policy, language)
        conf = env.conf

        def url_of(src: str) -> str:
            # A Chinese page's URL is its English twin's under zh/ (mkdocs-static-i18n's suffix layout).
            target = File(english_of(src), conf["docs_dir"], conf["site_dir"], conf["use_directory_urls"]).url
            target = target if language == DEFAULT else posixpath.join(language, target)
            return get_relative_url(target, env.page.url)

        return render_needs_review(items, policy, today=dt.date.today(), url_of=url_of, language=language)

    @env.macro
    def abbreviations() -> Markup:
        """The abbreviations of the page's language as a definition list (the same lines give every page its
        tooltips): includes/abbreviations.md, includes/abbreviations.zh.md."""
        terms = load_abbreviations(abbreviations_file(project / "includes", _language(env)))
        items = Markup("").join(html("<dt>{}</dt><dd>{}</dd>", t, text) for t, text in terms.items())
        return html('<dl class="hb-abbreviations">{}</dl>', items)


def on_pre_page_macros(env: Any) -> None:
    """mkdocs-macros' hook before each page: render it in the sandbox with the page macros only."""
    sandbox.install(env, PAGE_MACROS)
