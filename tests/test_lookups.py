"""The data contract: every value code reads from data/ goes through handbook.lookups, which names
the tables and columns once. Loading the real data through each accessor proves the contract holds;
renaming a column must fail here, with the file and the column, not in a user's checker run later."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from handbook import lookups
from handbook.loader import load_data
from tests.support import DATA

ACCESSORS: list[Callable[..., Any]] = [
    lookups.fargate_sizes,
    lookups.fargate_vcpus,
    lookups.fargate_unsupported_linux_parameters,
    lookups.healthcheck_ranges,
    lookups.node_releases,
    lookups.heroku_dynos,
    lookups.fargate_rates,
    lookups.cost_formations,
    lookups.aws_stack_costs,
    lookups.fargate_ephemeral_storage,
    lookups.kubernetes_removed_apis,
]


def test_every_accessor_reads_the_real_data() -> None:
    sizes = lookups.fargate_sizes()
    assert sizes[256] == [512, 1024, 2048] and 122880 in sizes[16384]
    assert lookups.fargate_vcpus()[1024] == 1.0
    assert "tmpfs" in lookups.fargate_unsupported_linux_parameters()
    ranges = lookups.healthcheck_ranges()
    assert (ranges["interval"].low, ranges["interval"].high, ranges["interval"].default) == (5, 300, 30)
    releases = lookups.node_releases()
    assert all(isinstance(r.end_of_life, dt.date) for r in releases.values())
    assert releases["0.10"].end_of_life < releases["24"].end_of_life and releases["24"].codename == "Krypton"
    storage = lookups.fargate_ephemeral_storage()
    assert (storage.low, storage.high, storage.default) == (21, 200, 20)
    assert lookups.kubernetes_removed_apis()[("extensions/v1beta1", "Deployment")].replacement == "apps/v1"
    assert lookups.heroku_dynos()["basic"].price_usd_month > 0
    assert lookups.fargate_rates().hours_per_month > 0
    assert lookups.cost_formations()
    assert {"alb", "nat-gateway", "public-ipv4", "rds-instance"} <= {c.id for c in lookups.aws_stack_costs()}


def _copy_with(tmp_path: Path, table: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "tables" / f"{table}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("accessor", "table", "old", "new", "column"),
    [
        (lookups.fargate_sizes, "fargate-task-sizes", "memory_mib", "memory", "memory_mib"),
        (lookups.healthcheck_ranges, "ecs-healthcheck-ranges", "max", "maximum", "max"),
        (lookups.node_releases, "node-releases", "eol", "end_of_life", "eol"),
        (
            lookups.fargate_unsupported_linux_parameters,
            "ecs-fargate-unsupported-linux-parameters",
            "instead",
            "alt",
            "instead",
        ),
        (lookups.heroku_dynos, "heroku-dyno-types", "price_usd_month", "price", "price_usd_month"),
    ],
)
def test_a_renamed_column_fails_the_contract(
    tmp_path: Path, accessor: Callable[..., Any], table: str, old: str, new: str, column: str
) -> None:
    handbook = load_data(_copy_with(tmp_path, table, old, new))  # still valid data, just renamed
    with pytest.raises(lookups.DataContractError, match=rf"data/tables/{table}\.yaml .*{column}"):
        accessor(handbook)


def test_a_removed_table_fails_the_contract(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "tables" / "node-releases.yaml").unlink()
    with pytest.raises(lookups.DataContractError, match="no data table 'node-releases'"):
        lookups.node_releases(load_data(data))


def test_every_accessor_is_covered_here() -> None:
    public = {
        name
        for name, value in vars(lookups).items()
        if callable(value)
        and not name.startswith("_")
        and getattr(value, "__module__", "") == lookups.__name__
        and not isinstance(value, type)
    }
    assert public == {f.__name__ for f in ACCESSORS}, "add new accessors to ACCESSORS and assert on their values"
    for accessor in ACCESSORS:
        assert accessor(load_data())  # each one returns real data for the repository's data/
