"""One module per kind of machine-readable source, registered here under the hint's `fetcher` name.

A fetcher takes the items (rows and facts) whose hint names it and returns one Outcome per item: the
values the source gives now, compared with data/. Adding one: a hint model in handbook/hints.py, a
module here with `check(items, ctx)`, an entry below, and recorded responses in tests/refresh/.
"""

from __future__ import annotations

from . import aws_prices, botocore_model, node_schedule, registries
from .base import Context, Fetcher, FormatChanged, Outcome

FETCHERS: dict[str, Fetcher] = {
    node_schedule.NAME: node_schedule.check,
    aws_prices.NAME: aws_prices.check,
    botocore_model.NAME: botocore_model.check,
    "npm": registries.check,
    "pypi": registries.check,
}

__all__ = ["FETCHERS", "Context", "Fetcher", "FormatChanged", "Outcome"]
