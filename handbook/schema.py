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
    ValidationInfo,
    field_validator,
    model_validator,
)

from .hints import RefreshHint

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
    refresh: RefreshHint | None = None  # where `make refresh` re-derives the value (handbook/hints.py)

    @model_validator(mode="after")
    def _unique_sources(self) -> Sourced:
        urls = [str(u) for u in self.sources]
        if len(set(urls)) != len(urls):
            raise ValueError("sources lists the same URL twice")
        if self.refresh is not None and self.refresh.cited_url not in urls:
            raise LocatedError(("refresh",), f"this hint reads {self.refresh.cited_url}: list it in sources")
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
    "code": (
        "text or a number, or a list of them",
        lambda v: (
            isinstance(v, str)
            or _is_number(v)
            or (isinstance(v, list) and all(isinstance(i, str) or _is_number(i) for i in v))
        ),
    ),
}


# --- The Chinese edition's twins ----------------------------------------------------------------------
# Every English text a reader sees (titles, labels, notes, units, prose cells) has its Chinese beside it,
# under `zh:`; numbers, dates, units of code and sources stay single. handbook/translations.py lists the
# pairs, refuses a Chinese text with no English one, and (when the build asks for the Chinese edition)
# an English text without its Chinese twin.


class ColumnZh(Strict):
    label: str | None = None
    unit: str | None = None


class TableZh(Strict):
    title: str | None = None
    description: str | None = None


class RowZh(Strict):
    label: str | None = None
    note: str | None = None
    values: dict[str, str] = {}  # column -> the Chinese of that cell (text columns only)


class FactZh(Strict):
    label: str | None = None
    note: str | None = None
    unit: str | None = None
    value: str | None = None  # the Chinese of a text value


class FactSetZh(Strict):
    title: str | None = None


class Column(Strict):
    key: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    label: str
    format: ColumnFormat = "text"
    unit: str | None = None
    # false: the cells are names (codenames, product versions), written the same in every language
    translated: bool = True
    zh: ColumnZh | None = None

    @property
    def prose(self) -> bool:
        """Whether its text cells are prose a reader needs in their language."""
        return self.format == "text" and self.translated


class Measured(Strict):
    """A number this repository measures itself (a benchmark), not one read on a web page.

    The row's `sources` then document the procedure that was measured; `script` is the code that
    measured it and `command` how to measure it again.
    """

    script: str
    command: str

    @model_validator(mode="after")
    def _script_is_a_repository_path(self) -> Measured:
        # Its existence is checked by tests/test_data_schema.py, against the checkout (a copied
        # project that builds only the site need not carry the benchmarks).
        parts = self.script.split("/")
        if self.script.startswith("/") or ".." in parts or not self.script.endswith(".py"):
            raise ValueError(f"measured_by.script {self.script!r}: a .py path relative to the repository root")
        return self


class Row(Sourced):
    id: Slug
    label: str | None = None  # row header; required for comparison tables
    values: dict[str, Value]
    measured_by: Measured | None = None
    zh: RowZh | None = None


class Table(Strict):
    id: Slug
    kind: Literal["comparison", "reference"]
    title: str
    description: str | None = None
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(min_length=1)
    zh: TableZh | None = None

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
            unknown = sorted(row.refresh.targets - set(keys)) if row.refresh else []
            if unknown:
                reason = f"re-derives {', '.join(unknown)}, not a column; columns are {', '.join(keys)}"
                raise LocatedError(("rows", index, "refresh"), reason)
        return self

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(f"table {self.id!r} has no row {row_id!r}; rows are {', '.join(r.id for r in self.rows)}")

    def only(self, row_ids: list[str]) -> Table:
        """The same table with just these rows, in this order (an unknown row id raises KeyError)."""
        return self.model_copy(update={"rows": [self.row(row_id) for row_id in row_ids]})

    def oldest_verified(self) -> dt.date:
        return min(r.verified for r in self.rows)


class Fact(Sourced):
    value: Scalar
    unit: str | None = None
    format: ColumnFormat = "text"  # as for a column: `code` for a literal such as a port (no thousands separator)
    label: str | None = None  # what the fact is, for the Sources page
    zh: FactZh | None = None

    @model_validator(mode="after")
    def _value_fits_its_format(self) -> Fact:
        expected, accepts = FORMAT_ACCEPTS[self.format]
        if not accepts(self.value):
            raise LocatedError(("value",), f"a {self.format} fact needs {expected}, not {self.value!r}")
        return self

    @model_validator(mode="after")
    def _hint_derives_the_value(self) -> Fact:
        if self.refresh is not None and not self.refresh.targets <= {"value"}:
            names = ", ".join(sorted(self.refresh.targets))
            raise LocatedError(("refresh",), f"a fact's hint re-derives `value` only, not {names}")
        return self


class FactSet(Strict):
    id: Slug
    title: str
    facts: dict[FactKey, Fact] = Field(min_length=1)
    zh: FactSetZh | None = None


# Which model a data file is validated against is decided by its folder, never guessed from content.
KINDS: dict[str, type[Table] | type[FactSet]] = {"tables": Table, "facts": FactSet}


# --- Pages and the fork file -------------------------------------------------------------------------
# A page's front matter and handbook.yml are validated like data/: unknown keys fail, with file:line.

Owner = Annotated[str, Field(pattern=r"^\S(?:.*\S)?$", max_length=80)]  # a team or a person, as readers see it
Tag = Annotated[str, Field(pattern=r"^\S(?:.*\S)?$", max_length=40)]
HiddenPart = Literal["navigation", "toc", "footer", "tags", "feedback", "path"]


def _unique(values: list[str], what: str) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError(f"{what} lists the same name twice")
    return values


Owners = Annotated[list[Owner], Field(min_length=1), AfterValidator(lambda v: _unique(v, "owners"))]


def _past_review(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"reviewed date {value.isoformat()} is in the future")
    return value


class PageMeta(Strict):
    """A page's front matter: who owns it and when they last read it against reality.

    Besides `owners` and `reviewed`, only the keys of MkDocs, Material and its tags plugin that this
    handbook uses are accepted; anything else (a typo, a stray macro variable) fails the build.
    """

    owners: Owners
    reviewed: Annotated[dt.date, AfterValidator(_past_review)]
    title: str | None = Field(default=None, min_length=1)  # MkDocs: the page title when it has no heading
    description: str | None = Field(default=None, min_length=1)  # Material: <meta name="description">
    tags: Annotated[list[Tag], AfterValidator(lambda v: _unique(v, "tags"))] = []  # Material's tags plugin
    hide: list[HiddenPart] = []  # Material: parts of the page layout to hide

    @field_validator("tags")
    @classmethod
    def _known_tags(cls, tags: list[str], info: ValidationInfo) -> list[str]:
        allowed = (info.context or {}).get("allowed_tags")
        unknown = [t for t in tags if allowed is not None and t not in allowed]
        if unknown:
            raise ValueError(f"unknown tag(s) {', '.join(unknown)}; tags are: {', '.join(sorted(allowed))}")
        return tags


def _no_view_clash(url: HttpUrl) -> HttpUrl:
    # Material's "view source" link replaces every "edit"/"blob" in the edit URL with "raw".
    for word in ("edit", "blob"):
        if word in str(url):
            raise ValueError(f"contains {word!r}, which Material's view-source link would rewrite")
    return url


class HandbookPolicy(Strict):
    """`extra.handbook` in handbook.yml: defaults a fork sets for its own team."""

    owners: Owners  # owners of what names none itself: data rows and generated pages
    review_age_days: int = Field(gt=0, le=3650)  # pages and data rows older than this need a review


class ForkExtra(Strict):
    handbook: HandbookPolicy


class ForkSettings(Strict):
    """handbook.yml: everything a fork changes. MkDocs inherits it from mkdocs.yml (`INHERIT`)."""

    site_name: str = Field(min_length=1)
    site_description: str = Field(min_length=1)
    site_url: HttpUrl
    repo_url: Annotated[HttpUrl, AfterValidator(_no_view_clash)]
    edit_uri: str = Field(pattern=r"^(?:[\w.~-]+/)*(?:edit|blob)/[\w.~-]+/(?:[\w.~-]+/)*$")
    copyright: str = Field(min_length=1)
    extra: ForkExtra

    @field_validator("site_url")
    @classmethod
    def _ends_with_slash(cls, url: HttpUrl) -> HttpUrl:
        if not str(url).endswith("/"):
            raise ValueError("must end with '/' (MkDocs builds page URLs under it)")
        return url
