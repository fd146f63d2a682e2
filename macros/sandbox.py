"""Pages are rendered by jinja2's sandbox, and see the handbook's macros and nothing else.

A page is untrusted input (CI builds contributors' pull requests), but mkdocs-macros renders it with
a plain jinja2.Environment, where `{{ cycler.__init__.__globals__.os.popen('id').read() }}` runs a
shell command, and passes it every variable it collects: the whole MkDocs config, the build
machine (`environment`), git data and the plugin itself. mkdocs-macros 1.5 has no setting for
either, so before each page (its `on_pre_page_macros` hook) the plugin's environment is replaced,
once, by an ImmutableSandboxedEnvironment with the same loader, undefined behaviour and delimiters,
whose only globals are the page macros, whose filters and tests are Jinja's built-in ones, and whose
templates drop every render variable. The sandbox refuses attributes starting with `_` (so
`__globals__`, `__class__`, `__mro__`), unsafe callables and changes to lists and dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import Template
from jinja2.sandbox import ImmutableSandboxedEnvironment
from mkdocs.exceptions import PluginError

# What mkdocs-macros' render() passes beyond the globals that pages may read: nothing.
PAGE_VARIABLES: frozenset[str] = frozenset()


class PageTemplate(Template):
    """A page template renders with the sandbox's globals only; mkdocs-macros' variables are dropped."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        given = dict(*args, **kwargs)
        return super().render({name: value for name, value in given.items() if name in PAGE_VARIABLES})


class PageEnvironment(ImmutableSandboxedEnvironment):
    template_class = PageTemplate


def sandboxed(original: Any, macros: dict[str, Callable[..., Any]]) -> PageEnvironment:
    """A sandboxed copy of `original` (a jinja2.Environment) whose only globals are `macros`."""
    env = PageEnvironment(
        loader=original.loader,
        undefined=original.undefined,
        extensions=list(original.extensions),
        block_start_string=original.block_start_string,
        block_end_string=original.block_end_string,
        variable_start_string=original.variable_start_string,
        variable_end_string=original.variable_end_string,
        comment_start_string=original.comment_start_string,
        comment_end_string=original.comment_end_string,
        autoescape=False,  # pages are Markdown; every macro escapes what it inserts
    )
    env.globals.clear()  # no range, lipsum, cycler, joiner, namespace or dict: pages do not need them
    env.globals.update(macros)
    return env


def install(plugin: Any, names: Iterable[str]) -> None:
    """Make mkdocs-macros render pages in the sandbox, with the named macros (idempotent)."""
    current = getattr(plugin, "_env", None)
    if isinstance(current, PageEnvironment):
        return
    if current is None or not hasattr(current, "from_string"):
        # Fail closed: never render a page unsandboxed because mkdocs-macros changed its internals.
        raise PluginError("cannot sandbox page rendering: mkdocs-macros has no Jinja environment in `_env`")
    plugin._env = sandboxed(current, {name: plugin.macros[name] for name in names})
