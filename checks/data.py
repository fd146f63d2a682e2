"""Typed values from data/ that handbook/lookups.py has no accessor for yet (the checker may not edit
handbook/): each function here names its table and columns once, and is to move to lookups.py as is.

Until then this is the only place in checks/ that reads a table by id and a column by key.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from handbook.loader import cached_data
from handbook.lookups import DataContractError, Range
from handbook.schema import Row


def _rows(table: str) -> list[Row]:
    try:
        return cached_data().table(table).rows
    except KeyError as exc:
        raise DataContractError(str(exc)) from None


def _value(row: Row, table: str, key: str) -> object:
    try:
        return row.values[key]
    except KeyError:
        raise DataContractError(f"data/tables/{table}.yaml row {row.id!r} has no column {key!r}") from None


NODE_RELEASES = "node-releases"


@dataclass(frozen=True)
class NodeLine:
    line: str  # as image tags name it: "0.10", "18"
    codename: str | None
    end_of_life: dt.date


@cache
def node_lines() -> dict[str, NodeLine]:
    """Node.js release line ("0.10", "18") -> its codename and end-of-life date."""
    out = {}
    for row in _rows(NODE_RELEASES):
        line, codename, eol = (_value(row, NODE_RELEASES, key) for key in ("line", "codename", "eol"))
        if not isinstance(eol, dt.date):
            raise DataContractError(f"data/tables/{NODE_RELEASES}.yaml row {row.id!r}: eol is {eol!r}")
        out[str(line)] = NodeLine(str(line), None if codename is None else str(codename), eol)
    return out


EPHEMERAL_STORAGE = "fargate-ephemeral-storage"


@cache
def fargate_ephemeral_storage() -> Range:
    """Fargate ephemeralStorage.sizeInGiB: allowed range and the default, in GiB."""
    sizes = {row.id: str(_value(row, EPHEMERAL_STORAGE, "size")) for row in _rows(EPHEMERAL_STORAGE)}
    configurable = re.fullmatch(r"(\d+) GiB to (\d+) GiB", sizes.get("configurable", ""))
    default = re.fullmatch(r"(\d+) GiB", sizes.get("default", ""))
    if not configurable or not default:
        raise DataContractError(f"data/tables/{EPHEMERAL_STORAGE}.yaml: sizes are {sizes}")
    return Range(int(configurable.group(1)), int(configurable.group(2)), int(default.group(1)))


REMOVED_APIS = "kubernetes-removed-apis"


@dataclass(frozen=True)
class RemovedApi:
    removed_in: str
    replacement: str


@cache
def kubernetes_removed_apis() -> dict[tuple[str, str], RemovedApi]:
    """(apiVersion, kind) that Kubernetes no longer serves -> the release that removed it and what to use."""
    out = {}
    for row in _rows(REMOVED_APIS):
        kind, versions = _value(row, REMOVED_APIS, "kind"), _value(row, REMOVED_APIS, "api_versions")
        if not isinstance(versions, list):
            raise DataContractError(f"data/tables/{REMOVED_APIS}.yaml row {row.id!r}: api_versions is {versions!r}")
        removed = RemovedApi(
            str(_value(row, REMOVED_APIS, "removed_in")), str(_value(row, REMOVED_APIS, "replacement"))
        )
        for version in versions:
            out[(str(version), str(kind))] = removed
    return out
