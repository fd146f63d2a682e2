"""What every fetcher shares: its context, its outcome per item, and how values are compared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from handbook.citations import Item

from ..client import FetchError, HttpClient

# unchanged / value-changed: the source was read and says this (the item's `verified` date moves);
# unconfirmed: read, but from a copy known to be out of date (nothing moves); the rest need a person.
Status = Literal["unchanged", "value-changed", "unconfirmed", "format-changed", "unreachable"]


class FormatChanged(Exception):
    """The source answered, but not in the shape the fetcher reads: a person must look. One line."""


@dataclass
class Context:
    client: HttpClient
    work_dir: Path  # large downloads (AWS offer files) land here and are reused while the URL is the same
    endpoints: dict[str, str] = field(default_factory=dict)  # fetcher -> base URL (tests use a local server)

    def endpoint(self, fetcher: str, default: str) -> str:
        return self.endpoints.get(fetcher, default).rstrip("/")


@dataclass(frozen=True)
class Outcome:
    item: Item
    status: Status
    derived: dict[str, Any] = field(default_factory=dict)  # column (or "value") -> what the source says
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # column -> (in data/, in the source)
    detail: str = ""

    @property
    def moves_verified(self) -> bool:
        return self.status in ("unchanged", "value-changed")


Fetcher = Callable[[list[Item], Context], list[Outcome]]


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def same(data: Any, source: Any) -> bool:
    """Equal as the handbook means it: 0.1 == Decimal("0.1000000000"), 2026-04-30 == date(2026, 4, 30)."""
    a, b = _number(data), _number(source)
    if a is not None and b is not None:
        return a == b
    return bool(data == source)


def as_data(value: Any) -> Any:
    """A source value as data/ stores it: Decimals become int or float."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def parse_scalar(text: str) -> int | float | dt.date | str:
    """A value captured from a document: a whole number, a decimal, an ISO date, or text."""
    for parse in (int, float, dt.date.fromisoformat):
        try:
            return parse(text)  # type: ignore[no-any-return]
        except ValueError:
            continue
    return text


def compare(item: Item, derived: dict[str, Any], detail: str = "") -> Outcome:
    current = item.values
    changes = {k: (current[k], as_data(v)) for k, v in derived.items() if not same(current[k], v)}
    status: Status = "value-changed" if changes else "unchanged"
    return Outcome(item, status, {k: as_data(v) for k, v in derived.items()}, changes, detail)


def all_failed(items: Iterable[Item], error: FetchError | FormatChanged) -> list[Outcome]:
    status: Status = "unreachable" if isinstance(error, FetchError) else "format-changed"
    return [Outcome(item, status, detail=str(error)) for item in items]
