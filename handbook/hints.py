"""Refresh hints: a data row or fact names the machine-readable source its value can be re-derived from.

    refresh: {fetcher: node-release-schedule, line: v22, values: {codename: codename, eol: end}}

`make refresh` (the `refresh` package) reads these hints; a new row with a hint is re-checked with no
code change. Each hint knows the URL it is read from (`cited_url`), and the schema requires that URL in
the row's `sources`, so a value re-derived by a machine still names where it comes from. `targets` are
the columns the hint re-derives (`value` for a fact).
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Name = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", max_length=100)]
Column = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
# The fields of one release line in nodejs/Release's schedule.json.
NodeField = Literal["start", "lts", "maintenance", "end", "codename"]

PRICE_LIST = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws"
# The API reference page that botocore's model for a service is rendered into, per shape.
API_REFERENCE = {"ecs": "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_{shape}.html"}


class _Hint(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # Whether the fetcher reads what cited_url shows (then that page needs no separate text hash).
    reads_cited_url: ClassVar[bool] = True

    @property
    def cited_url(self) -> str:
        raise NotImplementedError

    @property
    def targets(self) -> frozenset[str]:
        raise NotImplementedError


class NodeScheduleHint(_Hint):
    """Dates and codename of one Node.js release line, from nodejs/Release's schedule.json."""

    fetcher: Literal["node-release-schedule"]
    line: Annotated[str, Field(pattern=r"^v\d+(\.\d+)?$")]
    values: dict[Column, NodeField] = Field(min_length=1)  # column -> schedule field

    @property
    def cited_url(self) -> str:
        return "https://github.com/nodejs/Release/blob/main/schedule.json"

    @property
    def targets(self) -> frozenset[str]:
        return frozenset(self.values)


class AwsPriceHint(_Hint):
    """An on-demand price from the AWS Price List bulk offer file of one service and Region.

    `prices` lists product filters (`productFamily` or any product attribute; `*` is a wildcard); each
    must match products with one price, and the value is their sum, times `multiply`, rounded to `decimals`.
    """

    fetcher: Literal["aws-price-list"]
    offer: Name  # the offer code, e.g. AmazonECS, AWSELB, AmazonEC2
    region: Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")]
    prices: list[dict[Name, Annotated[str, Field(min_length=1)]]] = Field(min_length=1)
    begin_range: str | None = None  # tiered prices: the tier that starts here, e.g. "0"
    unit: str | None = None  # the unit the price list must state, e.g. "Hrs"; another unit is a format change
    multiply: float | None = None
    decimals: int | None = Field(default=None, ge=0, le=10)
    column: Column = "value"

    @property
    def cited_url(self) -> str:
        return f"{PRICE_LIST}/{self.offer}/current/{self.region}/index.json"

    @property
    def targets(self) -> frozenset[str]:
        return frozenset({self.column})


class BotocoreHint(_Hint):
    """A claim read from the documentation of one shape (or one member) of the pinned botocore model.

    `pattern` is a regular expression searched in that documentation as plain text; its named groups are
    the values it re-derives (columns, or `value` for a fact). Without groups it only confirms the text.
    """

    reads_cited_url: ClassVar[bool] = False  # the model is read offline; the page is hashed as well

    fetcher: Literal["botocore-model"]
    service: Literal["ecs"]
    shape: Name
    member: Name | None = None
    pattern: Annotated[str, Field(min_length=1)]

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value

    @property
    def cited_url(self) -> str:
        return API_REFERENCE[self.service].format(shape=self.shape)

    @property
    def targets(self) -> frozenset[str]:
        return frozenset(re.compile(self.pattern).groupindex)


class _PackageHint(_Hint):
    package: Annotated[str, Field(pattern=r"^(@[a-z0-9][\w.-]*/)?[A-Za-z0-9][\w.-]*$", max_length=214)]
    part: Literal["version", "major", "minor"] = "version"  # the latest release, or its major / major.minor
    column: Column = "value"

    @property
    def targets(self) -> frozenset[str]:
        return frozenset({self.column})


class NpmHint(_PackageHint):
    """The latest release of an npm package (the registry's `latest` dist-tag)."""

    fetcher: Literal["npm"]

    @property
    def cited_url(self) -> str:
        return f"https://www.npmjs.com/package/{self.package}"


class PypiHint(_PackageHint):
    """The latest release of a PyPI project."""

    fetcher: Literal["pypi"]

    @property
    def cited_url(self) -> str:
        return f"https://pypi.org/project/{self.package}/"


RefreshHint = Annotated[
    NodeScheduleHint | AwsPriceHint | BotocoreHint | NpmHint | PypiHint, Field(discriminator="fetcher")
]
FETCHERS = ("node-release-schedule", "aws-price-list", "botocore-model", "npm", "pypi")
