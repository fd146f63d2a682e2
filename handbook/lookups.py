"""Typed access to the values code reads from data/: the data contract, named once.

Pages show whole tables; code (the checker, the consistency tests) needs single values with types.
Every table id and column key that code relies on is written here and nowhere else, and
tests/test_lookups.py loads the real data through each accessor, so renaming a column fails that
test, not a user's `python -m checks` run later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .loader import Handbook, cached_data
from .schema import Row, Steps


class DataContractError(LookupError):
    """data/ no longer has a table, column or fact that code reads (it was renamed or removed)."""


def _column(row: Row, table: str, key: str) -> object:
    try:
        return row.values[key]
    except KeyError:
        raise DataContractError(f"data/tables/{table}.yaml row {row.id!r} has no column {key!r}") from None


def _int(row: Row, table: str, key: str) -> int:
    value = _column(row, table, key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise DataContractError(f"data/tables/{table}.yaml row {row.id!r}: {key} is {value!r}, not a whole number")
    return int(value)


def _rows(handbook: Handbook | None, table: str) -> list[Row]:
    try:
        return (handbook or cached_data()).table(table).rows
    except KeyError as exc:
        raise DataContractError(str(exc)) from None


FARGATE_TASK_SIZES = "fargate-task-sizes"


def fargate_sizes(handbook: Handbook | None = None) -> dict[int, list[int]]:
    """Valid Fargate task memory (MiB) per task cpu value (CPU units)."""
    sizes: dict[int, list[int]] = {}
    for row in _rows(handbook, FARGATE_TASK_SIZES):
        memory = _column(row, FARGATE_TASK_SIZES, "memory_mib")
        if isinstance(memory, Steps):
            sizes[_int(row, FARGATE_TASK_SIZES, "cpu")] = memory.expand()
        elif isinstance(memory, list):
            sizes[_int(row, FARGATE_TASK_SIZES, "cpu")] = [int(m) for m in memory]
        else:
            raise DataContractError(f"data/tables/{FARGATE_TASK_SIZES}.yaml row {row.id!r}: memory_mib is {memory!r}")
    return sizes


def fargate_vcpus(handbook: Handbook | None = None) -> dict[int, float]:
    """vCPUs per task cpu value (1024 CPU units = 1 vCPU)."""
    return {
        _int(row, FARGATE_TASK_SIZES, "cpu"): float(_column(row, FARGATE_TASK_SIZES, "vcpu"))  # type: ignore[arg-type]
        for row in _rows(handbook, FARGATE_TASK_SIZES)
    }


UNSUPPORTED_LINUX = "ecs-fargate-unsupported-linux-parameters"


def fargate_unsupported_linux_parameters(handbook: Handbook | None = None) -> dict[str, str]:
    """linuxParameters field -> what to use instead on Fargate."""
    return {
        str(_column(row, UNSUPPORTED_LINUX, "parameter")): str(_column(row, UNSUPPORTED_LINUX, "instead"))
        for row in _rows(handbook, UNSUPPORTED_LINUX)
    }


HEALTHCHECK_RANGES = "ecs-healthcheck-ranges"


@dataclass(frozen=True)
class Range:
    low: int
    high: int
    default: int | None


def healthcheck_ranges(handbook: Handbook | None = None) -> dict[str, Range]:
    """ECS container healthCheck field -> its allowed range and default."""
    out = {}
    for row in _rows(handbook, HEALTHCHECK_RANGES):
        default = _column(row, HEALTHCHECK_RANGES, "default")
        out[str(_column(row, HEALTHCHECK_RANGES, "field"))] = Range(
            _int(row, HEALTHCHECK_RANGES, "min"),
            _int(row, HEALTHCHECK_RANGES, "max"),
            None if default is None else _int(row, HEALTHCHECK_RANGES, "default"),
        )
    return out


NODE_RELEASES = "node-releases"


@dataclass(frozen=True)
class NodeRelease:
    line: str  # as image tags name it: "0.10", "24"
    codename: str | None
    lts_start: dt.date | None
    end_of_life: dt.date


def node_releases(handbook: Handbook | None = None) -> dict[str, NodeRelease]:
    """Node.js release line ("0.10", "24") -> its codename, LTS start and end-of-life dates."""
    out = {}
    for row in _rows(handbook, NODE_RELEASES):
        line, codename, lts, eol = (
            _column(row, NODE_RELEASES, key) for key in ("line", "codename", "lts_start", "eol")
        )
        if not isinstance(eol, dt.date) or (lts is not None and not isinstance(lts, dt.date)):
            raise DataContractError(f"data/tables/{NODE_RELEASES}.yaml row {row.id!r}: lts_start {lts!r}, eol {eol!r}")
        out[str(line)] = NodeRelease(str(line), None if codename is None else str(codename), lts, eol)
    return out


KUBERNETES_REMOVED_APIS = "kubernetes-removed-apis"


@dataclass(frozen=True)
class RemovedApi:
    removed_in: str  # the Kubernetes release that stopped serving it
    replacement: str  # the apiVersion to use instead


def kubernetes_removed_apis(handbook: Handbook | None = None) -> dict[tuple[str, str], RemovedApi]:
    """(apiVersion, kind) that Kubernetes no longer serves -> the release that removed it and what to use."""
    t = KUBERNETES_REMOVED_APIS
    out = {}
    for row in _rows(handbook, t):
        kind, versions = _column(row, t, "kind"), _column(row, t, "api_versions")
        if not isinstance(versions, list):
            raise DataContractError(f"data/tables/{t}.yaml row {row.id!r}: api_versions is {versions!r}, not a list")
        removed = RemovedApi(str(_column(row, t, "removed_in")), str(_column(row, t, "replacement")))
        for version in versions:
            out[(str(version), str(kind))] = removed
    return out


HEROKU_DYNOS = "heroku-dyno-types"


@dataclass(frozen=True)
class Dyno:
    memory_mib: int
    price_usd_month: float


def heroku_dynos(handbook: Handbook | None = None) -> dict[str, Dyno]:
    """Heroku dyno type (row id, e.g. "basic") -> its memory and highest monthly price."""
    return {
        row.id: Dyno(_int(row, HEROKU_DYNOS, "memory_mib"), _number(row, HEROKU_DYNOS, "price_usd_month"))
        for row in _rows(handbook, HEROKU_DYNOS)
    }


def _number(row: Row, table: str, key: str) -> float:
    value = _column(row, table, key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataContractError(f"data/tables/{table}.yaml row {row.id!r}: {key} is {value!r}, not a number")
    return float(value)


@dataclass(frozen=True)
class FargateRates:
    vcpu_hour_usd: float
    gb_hour_usd: float
    hours_per_month: float


def _number_fact(handbook: Handbook | None, name: str) -> float:
    try:
        value = (handbook or cached_data()).fact(name).value
    except KeyError as exc:
        raise DataContractError(str(exc)) from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataContractError(f"fact {name} is {value!r}, not a number")
    return float(value)


def fargate_rates(handbook: Handbook | None = None) -> FargateRates:
    """The on-demand Fargate rates the cost examples use, and the hours in their month."""
    return FargateRates(
        *(
            _number_fact(handbook, name)
            for name in ("cost.fargate_vcpu_hour_usd", "cost.fargate_gb_hour_usd", "cost.hours_per_month")
        )
    )


def fargate_ephemeral_storage(handbook: Handbook | None = None) -> Range:
    """ephemeralStorage.sizeInGiB of a Fargate task: the range a task definition may ask for, and the default."""
    low, high, default = (
        int(_number_fact(handbook, f"fargate.{name}_ephemeral_storage_gib")) for name in ("min", "max", "default")
    )
    return Range(low, high, default)


COST_FORMATIONS = "cost-example-formations"


@dataclass(frozen=True)
class Formation:
    id: str
    dyno: str
    processes: int
    heroku_usd: float
    vcpu: float
    memory_gb: float
    fargate_usd: float
    aws_total_usd: float


def cost_formations(handbook: Handbook | None = None) -> list[Formation]:
    """The cost example's formations: the same processes priced on Heroku and on Fargate."""
    t = COST_FORMATIONS
    return [
        Formation(
            row.id,
            str(_column(row, t, "dyno")),
            _int(row, t, "processes"),
            _number(row, t, "heroku_usd"),
            _number(row, t, "vcpu"),
            _number(row, t, "memory_gb"),
            _number(row, t, "fargate_usd"),
            _number(row, t, "aws_total_usd"),
        )
        for row in _rows(handbook, t)
    ]


AWS_STACK_COSTS = "cost-aws-stack"


@dataclass(frozen=True)
class StackCost:
    id: str
    price_usd: float
    per: str  # "hour", "GB-hour", "GB-month", ...: a price per hour is multiplied by the hours in a month
    quantity: float
    monthly_usd: float

    @property
    def hourly(self) -> bool:
        return self.per.endswith("hour")


def aws_stack_costs(handbook: Handbook | None = None) -> list[StackCost]:
    """What the AWS stack costs per month besides its Fargate tasks, one row per resource."""
    t = AWS_STACK_COSTS
    return [
        StackCost(
            row.id,
            _number(row, t, "price_usd"),
            str(_column(row, t, "per")),
            _number(row, t, "quantity"),
            _number(row, t, "monthly_usd"),
        )
        for row in _rows(handbook, t)
    ]
