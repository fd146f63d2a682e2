"""Turning data values into inert HTML text. Every value that reaches a page passes through here.

HTML-escaping is not enough: the macros' output lands in Markdown, so `[s](javascript:…)`, `**x**`
or a backtick in a value (or in a URL inside an attribute; Python-Markdown applies links and code
spans before it recognises an inline tag) would still become markup. `inert()` writes every
character that HTML or Markdown (with the extensions a fork may enable) treats as syntax as a
numeric character reference: the browser shows the character, Markdown sees no syntax.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from handbook.schema import Column, Steps, Value
from handbook.words import date_text, say

# HTML's five, Markdown's inline and block syntax, table cells (|), pymdownx/emoji/math extras, line breaks.
_SYNTAX = "&<>\"'\\`*_{}[]()#+!|~^=:$@\n\r"
_INERT = {ord(char): f"&#{ord(char)};" for char in _SYNTAX}


def inert(text: object) -> Markup:
    """`text` as HTML that Markdown leaves alone and a browser shows literally (also inside attributes)."""
    return text if isinstance(text, Markup) else Markup(str(text).translate(_INERT))


def html(template: str, *args: Any) -> Markup:
    """`template` (trusted markup) with each argument inserted inert; Markup arguments are kept as they are."""
    return Markup(template).format(*(inert(arg) for arg in args))


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _mib(value: int) -> str:
    # AWS's Fargate tables write whole gibibytes as "GB"; keep their wording so readers can compare.
    return f"{_number(value / 1024)} GB" if value >= 1024 and value % 1024 == 0 else f"{_number(value)} MiB"


def plain(value: Value, fmt: str = "text", unit: str | None = None, language: str = "en") -> str:
    """A value as plain (unescaped) text in `language`, following the column's format. Numbers keep
    their digits and `$` in every language; words, lists and dates follow the language."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        text = say("yes" if value else "no", language)
    elif fmt == "mib":
        if isinstance(value, Steps):
            text = say("mib_steps", language, start=_mib(value.start), stop=_mib(value.stop), step=_mib(value.step))
        elif isinstance(value, list):
            text = say("list_separator", language).join(_mib(int(v)) for v in value)
        elif isinstance(value, (int, float)):
            text = _mib(int(value))
        else:
            raise TypeError(f"format 'mib' needs a number, a list or a range, not {value!r}")
    elif fmt == "code" and isinstance(value, (int, float)):
        text = str(value)  # a literal to type into JSON/YAML: no thousands separators
    elif fmt == "usd" and isinstance(value, (int, float)):
        text = f"${_number(value)}"
    elif isinstance(value, dt.date):
        text = date_text(value, language)
    elif isinstance(value, (int, float)):
        text = _number(value)
    elif isinstance(value, Steps):
        numbers = {"start": _number(value.start), "stop": _number(value.stop), "step": _number(value.step)}
        text = say("range_steps", language, **numbers)
    elif isinstance(value, list):
        text = say("list_separator", language).join(str(v) for v in value)
    else:
        text = str(value)
    if not unit or value is None:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"  # 70%, as both languages write it


def cell(value: Value, column: Column, language: str = "en", translated: str | None = None) -> Markup:
    """A table cell: `translated` is the cell's Chinese twin, shown on Chinese pages instead of the value."""
    unit = column.zh.unit if language == "zh" and column.zh and column.zh.unit else column.unit
    shown = translated if language == "zh" and translated is not None else value
    text = inert(plain(shown, column.format, unit, language))
    return html("<code>{}</code>", text) if column.format == "code" and value is not None else text


def source_label(url: str) -> str:
    """A short, readable name for a source URL: host and last path segment."""
    parts = urlsplit(url)
    tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"{parts.netloc}/…/{tail}" if tail and parts.path.count("/") > 1 else f"{parts.netloc}{parts.path}"


def link(url: str, text: str, title: str | None = None) -> Markup:
    title_attr = html(' title="{}"', title) if title else Markup("")
    return html('<a href="{}"{}>{}</a>', url, title_attr, text)


def time_element(day: dt.date, language: str) -> Markup:
    """A date as `<time>`: ISO in the attribute, the page's language in the text."""
    return html('<time datetime="{}">{}</time>', day.isoformat(), date_text(day, language))
