"""The English texts of data/ and their Chinese twins (`zh:`), paired, and what is wrong with them.

A twin is checked always: it must translate an English text that exists and that readers see in their
language (not a `code` cell or a name column), and it must keep every number of its English text, so a
number changed in English cannot live on in the Chinese. When the build asks for the Chinese edition,
every English text that has words to translate (`needs_chinese`, from i18n/terms.yml) must have its twin.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .schema import Fact, FactSet, Row, Table

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Text:
    """One English text a reader sees and its Chinese twin (None when there is none)."""

    path: Path_  # where the English sits in its file, e.g. ("rows", 2, "label")
    english: str | None  # None: a twin was given for a text that does not exist or is never translated
    chinese: str | None
    chinese_path: Path_


def _pair(path: Path_, english: Any, twin: Any, key: str, twin_path: Path_) -> Text | None:
    chinese = getattr(twin, key, None) if twin is not None else None
    english = english if isinstance(english, str) else None
    if english is None and chinese is None:
        return None
    return Text(path, english, chinese, (*twin_path, key))


def _row_texts(table: Table, index: int, row: Row) -> Iterator[Text]:
    base: Path_ = ("rows", index)
    for key in ("label", "note"):
        if (text := _pair((*base, key), getattr(row, key), row.zh, key, (*base, "zh"))) is not None:
            yield text
    twins = row.zh.values if row.zh is not None else {}
    prose = {c.key for c in table.columns if c.prose}
    for key, value in row.values.items():
        english = value if key in prose and isinstance(value, str) else None
        if english is not None or key in twins:
            yield Text((*base, "values", key), english, twins.get(key), (*base, "zh", "values", key))
    for key in twins.keys() - row.values.keys():
        yield Text((*base, "values", key), None, twins[key], (*base, "zh", "values", key))


def _table_texts(table: Table) -> Iterator[Text]:
    for key in ("title", "description"):
        if (text := _pair((key,), getattr(table, key), table.zh, key, ("zh",))) is not None:
            yield text
    for index, column in enumerate(table.columns):
        base: Path_ = ("columns", index)
        for key in ("label", "unit"):
            if (text := _pair((*base, key), getattr(column, key), column.zh, key, (*base, "zh"))) is not None:
                yield text
    for index, row in enumerate(table.rows):
        yield from _row_texts(table, index, row)


def _fact_texts(key: str, fact: Fact) -> Iterator[Text]:
    base: Path_ = ("facts", key)
    value = fact.value if isinstance(fact.value, str) else None
    for field, english in (("label", fact.label), ("note", fact.note), ("unit", fact.unit), ("value", value)):
        if (text := _pair((*base, field), english, fact.zh, field, (*base, "zh"))) is not None:
            yield text


def texts(item: Table | FactSet) -> Iterator[Text]:
    """Every English text of a data file and its twin, in file order."""
    if isinstance(item, Table):
        yield from _table_texts(item)
        return
    if (text := _pair(("title",), item.title, item.zh, "title", ("zh",))) is not None:
        yield text
    for key, fact in item.facts.items():
        yield from _fact_texts(key, fact)


def problems(item: Table | FactSet, needs_chinese: Callable[[str], bool] | None) -> list[tuple[Path_, str]]:
    """(YAML path, reason) for each twin that is wrong, or missing when `needs_chinese` is given."""
    found: list[tuple[Path_, str]] = []
    for text in texts(item):
        if text.english is None:
            found.append((text.chinese_path, "translates nothing: no English text a reader sees here"))
        elif text.chinese is None:
            if needs_chinese is not None and needs_chinese(text.english):
                found.append((text.path, f"English text without its Chinese twin (add it under {_zh_key(text)})"))
        else:
            missing = Counter(NUMBER.findall(text.english)) - Counter(NUMBER.findall(text.chinese))
            if missing:
                numbers = ", ".join(sorted(missing))
                found.append((text.chinese_path, f"the Chinese lacks the English text's number(s) {numbers}"))
    return found


def _zh_key(text: Text) -> str:
    path = text.chinese_path
    return ".".join(str(part) for part in path[path.index("zh") :])


def localized(english: str | None, twin: object | None, key: str, language: str) -> str | None:
    """The text a reader of `language` sees: the twin's `key` on a Chinese page, else the English."""
    if language == "zh" and twin is not None:
        value = getattr(twin, key, None)
        if value is not None:
            return value
    return english
