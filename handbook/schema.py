"""The one schema for data/: every YAML file is a table or a set of facts.

Models forbid unknown keys, so a typo in a data file fails instead of being ignored.
Every row and fact carries `sources` (URLs) and `verified` (ISO date): the handbook's
promise is that no number appears without saying where it comes from and when it was checked.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    PlainValidator,
    model_validator,
)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
FactKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=64)]


def _iso_date(value: Any) -> dt.date:
    # pydantic's lax mode would take 0 or 1764547200 as seconds since 1970: only a date, or its ISO text.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r}: {exc}") from None
    raise ValueError(f"must be an ISO date such as 2026-01-31, not {value!r}")


def _future_date(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"verified date {value.isoformat()} is in the future")
    return value


VerifiedDate = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_future_date)]


class LocatedError(ValueError):
    """A validation error that knows which key inside the model it is about (for file:line messages)."""

    def __init__(self, loc: tuple[str | int, ...], message: str):
        super().__init__(message)
        self.loc = loc


class Strict(BaseModel):
    # No NaN or infinity: a number on a page is a real quantity.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, allow_inf_nan=False)


class Sourced(Strict):
    """Anything that states a fact: it names where the fact comes from and when it was checked."""

    sources: list[HttpUrl] = Field(min_length=1)
    verified: VerifiedDate
    note: str | None = None

    @model_validator(mode="after")
    def _unique_sources(self) -> Sourced:
        urls = [str(u) for u in self.sources]
        if len(set(urls)) != len(urls):
            raise ValueError("sources lists the same URL twice")
        return self


class Steps(Strict):
    """An inclusive arithmetic range, e.g. Fargate memory 2048..8192 in 1024 MiB steps."""

    start: int
    stop: int
    step: int = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Steps:
        if self.stop < self.start:
            raise ValueError("stop is smaller than start")
        if (self.stop - self.start) % self.step:
            raise ValueError("stop - start is not a multiple of step")
        return self

    def expand(self) -> list[int]:
        return list(range(self.start, self.stop + 1, self.step))


def _scalar(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"must be a finite number, not {value}")
    if isinstance(value, (bool, int, float, str)) or type(value) is dt.date:
        return value
    if value is None:
        raise ValueError("is empty; a fact needs a value")
    raise ValueError(f"must be text, a number, true or false, or a date, not a {type(value).__name__}")


# One message for a value of the wrong kind, instead of one per member of the union.
Scalar = Annotated[bool | int | float | dt.date | str, PlainValidator(_scalar)]
Value = Scalar | Steps | list[int | str] | None

ColumnFormat = Literal["text", "mib", "usd", "date", "code", "bool"]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# What each column format can show (None, shown as a dash, fits every format). Checked when the
# file is loaded, so a wrong value names its file and line instead of failing a page later.
FORMAT_ACCEPTS: dict[str, tuple[str, Any]] = {
    "text": ("any value", lambda v: True),
    "usd": ("a number", _is_number),
    "mib": (
        "a whole number of MiB, a list of them or a start/stop/step range",
        lambda v: (
            (isinstance(v, int) and not isinstance(v, bool))
            or isinstance(v, Steps)
            or (isinstance(v, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in v))
        ),
    ),
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "date": ("an ISO date such as 2026-01-31", lambda v: isinstance(v, dt.date)),
    "code": ("text or a number", lambda v: isinstance(v, str) or _is_number(v)),
}


class Column(Strict):
    key: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    label: str
    format: ColumnFormat = "text"
    unit: str | None = None


class Row(Sourced):
    id: Slug
    label: str | None = None  # row header; required for comparison tables
    values: dict[str, Value]


class Table(Strict):
    id: Slug
    kind: Literal["comparison", "reference"]
    title: str
    description: str | None = None
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        keys = [c.key for c in self.columns]
        formats = {c.key: c.format for c in self.columns}
        if len(set(keys)) != len(keys):
            raise LocatedError(("columns",), "two columns share a key")
        seen: set[str] = set()
        for index, row in enumerate(self.rows):
            if row.id in seen:
                raise LocatedError(("rows", index, "id"), f"duplicate row id {row.id!r}")
            seen.add(row.id)
            for key in row.values:
                if key not in keys:
                    raise LocatedError(("rows", index, "values", key), f"unknown column; columns are {', '.join(keys)}")
            missing = [k for k in keys if k not in row.values]
            if missing:
                raise LocatedError(("rows", index, "values"), f"no value for column(s) {', '.join(missing)}")
            for key, value in row.values.items():
                expected, accepts = FORMAT_ACCEPTS[formats[key]]
                if value is not None and not accepts(value):
                    raise LocatedError(
                        ("rows", index, "values", key), f"a {formats[key]} column needs {expected}, not {value!r}"
                    )
            if self.kind == "comparison" and not row.label:
                raise LocatedError(("rows", index), "a comparison row needs a label (its dimension)")
        return self

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(f"table {self.id!r} has no row {row_id!r}; rows are {', '.join(r.id for r in self.rows)}")

    def oldest_verified(self) -> dt.date:
        return min(r.verified for r in self.rows)


class Fact(Sourced):
    value: Scalar
    unit: str | None = None
    label: str | None = None  # what the fact is, for the Sources page


class FactSet(Strict):
    id: Slug
    title: str
    facts: dict[FactKey, Fact] = Field(min_length=1)


# Which model a data file is validated against is decided by its folder, never guessed from content.
KINDS: dict[str, type[Table] | type[FactSet]] = {"tables": Table, "facts": FactSet}
