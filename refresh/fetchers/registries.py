"""Package versions from the registries' JSON APIs: npm's `latest` dist-tag and PyPI's latest release.

npm: GET {registry}/{package}/latest returns the manifest of the version the `latest` tag points at.
PyPI: GET {pypi}/pypi/{project}/json returns {"info": {"version": ...}, ...}, the latest release.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from handbook.citations import Item
from handbook.hints import NpmHint, PypiHint

from ..client import FetchError
from .base import Context, FormatChanged, Outcome, compare

NPM = "https://registry.npmjs.org"
PYPI = "https://pypi.org"


def _version_at(url: str, data: Any, *path: str) -> str:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, str) or not data[:1].isdigit():
        raise FormatChanged(f"{url}: no version at {'.'.join(path)}")
    return data


def latest(ctx: Context, registry: str, package: str) -> str:
    """The latest released version of a package; FetchError or FormatChanged when it cannot be read."""
    if registry == "npm":
        url = f"{ctx.endpoint('npm', NPM)}/{quote(package, safe='@')}/latest"
        path: tuple[str, ...] = ("version",)
    else:
        url = f"{ctx.endpoint('pypi', PYPI)}/pypi/{quote(package)}/json"
        path = ("info", "version")
    try:
        data = ctx.client.get(url).json()
    except ValueError:
        raise FormatChanged(f"{url}: not JSON any more") from None
    return _version_at(url, data, *path)


def _part(version: str, part: str) -> int | str:
    numbers = version.split("+")[0].split("-")[0].split(".")
    if part == "major":
        return int(numbers[0])
    return ".".join(numbers[:2]) if part == "minor" else version


def check(items: list[Item], ctx: Context) -> list[Outcome]:
    outcomes = []
    for item in items:
        hint = item.sourced.refresh
        assert isinstance(hint, (NpmHint, PypiHint))
        try:
            version = latest(ctx, hint.fetcher, hint.package)
        except FetchError as exc:
            outcomes.append(Outcome(item, "unreachable", detail=str(exc)))
            continue
        except FormatChanged as exc:
            outcomes.append(Outcome(item, "format-changed", detail=str(exc)))
            continue
        derived = {hint.column: _part(version, hint.part)}
        outcomes.append(compare(item, derived, f"{hint.fetcher} {hint.package} {version}"))
    return outcomes
