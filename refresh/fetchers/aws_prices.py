"""On-demand prices from the AWS Price List bulk API (public, no credentials).

Three files deep, as AWS documents it:
  /offers/v1.0/aws/index.json                   offers{code: {currentRegionIndexUrl, ...}}
  .../<code>/current/region_index.json          regions{region: {currentVersionUrl}}
  .../<code>/<version>/<region>/index.json      products{sku: {productFamily, attributes}},
                                                terms{OnDemand{sku: {term: {priceDimensions{...}}}}}
The regional offer file can be large (AmazonEC2's for us-east-1, which holds NAT gateway prices, is
about half a gigabyte), so it is streamed to disk under its versioned URL (reused until AWS publishes
a new version) and read with ijson, products first, then the on-demand terms of the matching SKUs.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import ijson

from handbook.citations import Item
from handbook.hints import AwsPriceHint

from ..client import FetchError
from .base import Context, FormatChanged, Outcome, all_failed, compare

NAME = "aws-price-list"
BASE = "https://pricing.us-east-1.amazonaws.com"
MAX_OFFER_BYTES = 2 << 30

Filters = dict[str, str]


def _json(ctx: Context, url: str) -> Any:
    try:
        return ctx.client.get(url).json()
    except ValueError:
        raise FormatChanged(f"{url}: not JSON any more") from None


def _url_at(data: Any, url: str, *path: str) -> str:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, str) or not data.startswith("/"):
        raise FormatChanged(f"{url}: no {'.'.join(path)}")
    return data


def offer_file(ctx: Context, offer: str, region: str) -> tuple[Path, str]:
    """The current regional offer file on disk, and its version."""
    base = ctx.endpoint(NAME, BASE)
    index_url = f"{base}/offers/v1.0/aws/index.json"
    region_index = _url_at(_json(ctx, index_url), index_url, "offers", offer, "currentRegionIndexUrl")
    region_url = base + region_index
    version_path = _url_at(_json(ctx, region_url), region_url, "regions", region, "currentVersionUrl")
    dest = ctx.work_dir / NAME / version_path.strip("/")
    path = ctx.client.download(base + version_path, dest, max_bytes=MAX_OFFER_BYTES)
    parts = version_path.strip("/").split("/")
    return path, parts[-3] if len(parts) >= 3 else version_path


def _matches(product: dict[str, Any], filters: Filters) -> bool:
    attributes = product.get("attributes") or {}
    for key, pattern in filters.items():
        value = product.get("productFamily") if key == "productFamily" else attributes.get(key)
        if not isinstance(value, str) or not fnmatchcase(value, pattern):
            return False
    return True


def scan(path: Path, wants: list[Filters]) -> list[list[dict[str, Any]] | None]:
    """Per filter set: the on-demand price dimensions of every product matching it (None: no product)."""
    skus: dict[str, list[int]] = defaultdict(list)
    products = 0
    try:
        with path.open("rb") as stream:
            for sku, product in ijson.kvitems(stream, "products"):
                products += 1
                for index, filters in enumerate(wants):
                    if isinstance(product, dict) and _matches(product, filters):
                        skus[sku].append(index)
        if not products:
            raise FormatChanged(f"{path.name}: no products in the offer file")
        matched = {index for indexes in skus.values() for index in indexes}
        found: list[list[dict[str, Any]] | None] = [[] if i in matched else None for i in range(len(wants))]
        with path.open("rb") as stream:
            for sku, terms in ijson.kvitems(stream, "terms.OnDemand"):
                for index in skus.get(sku, ()):
                    for term in terms.values():
                        found[index].extend(term.get("priceDimensions", {}).values())  # type: ignore[union-attr]
    except ijson.JSONError as exc:
        raise FormatChanged(f"{path.name}: not a JSON offer file ({exc})") from None
    return found


def _price(dimensions: list[dict[str, Any]] | None, filters: Filters, hint: AwsPriceHint) -> Decimal:
    if dimensions is None:
        raise FormatChanged(f"no product matches {filters}")
    if hint.begin_range is not None:
        dimensions = [d for d in dimensions if str(d.get("beginRange")) == hint.begin_range]
    if hint.unit is not None:
        units = sorted({str(d.get("unit")) for d in dimensions} - {hint.unit})
        if units:
            raise FormatChanged(f"{filters} is priced per {', '.join(units)}, not per {hint.unit}")
    try:
        prices = sorted({Decimal(str(d["pricePerUnit"]["USD"])) for d in dimensions})
    except (KeyError, TypeError, ArithmeticError):
        raise FormatChanged(f"{filters}: a price dimension has no USD price") from None
    if len(prices) != 1:
        listed = ", ".join(f"{p.normalize()}" for p in prices) or "none"
        raise FormatChanged(f"{filters} has {len(prices)} on-demand prices ({listed}): narrow it or set begin_range")
    return prices[0]


def value_of(hint: AwsPriceHint, dimensions: list[list[dict[str, Any]] | None]) -> Decimal:
    """The hint's value: the sum of its prices, times `multiply`, rounded to `decimals`."""
    prices = [_price(dims, filters, hint) for dims, filters in zip(dimensions, hint.prices, strict=True)]
    total = sum(prices, Decimal(0))
    if hint.multiply is not None:
        total *= Decimal(str(hint.multiply))
    if hint.decimals is not None:
        total = total.quantize(Decimal(1).scaleb(-hint.decimals), rounding=ROUND_HALF_UP)
    return total


def check(items: list[Item], ctx: Context) -> list[Outcome]:
    groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in items:
        hint = item.sourced.refresh
        assert isinstance(hint, AwsPriceHint)
        groups[(hint.offer, hint.region)].append(item)
    outcomes: list[Outcome] = []
    for (offer, region), group in groups.items():
        hints = [item.sourced.refresh for item in group]
        wants = [filters for hint in hints for filters in hint.prices]  # type: ignore[union-attr]
        try:
            path, version = offer_file(ctx, offer, region)
            found = scan(path, wants)  # one pass over the file for every row it backs
        except (FetchError, FormatChanged) as exc:
            outcomes += all_failed(group, exc)
            continue
        where = f"{offer} {region} {version}"
        start = 0
        for item, hint in zip(group, hints, strict=True):
            assert isinstance(hint, AwsPriceHint)
            dimensions, start = found[start : start + len(hint.prices)], start + len(hint.prices)
            try:
                total = value_of(hint, dimensions)
            except FormatChanged as exc:
                outcomes.append(Outcome(item, "format-changed", detail=f"{where}: {exc}"))
                continue
            outcomes.append(compare(item, {hint.column: total}, where))
    return outcomes
