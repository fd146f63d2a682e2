"""The data the checker's rules read (through handbook/lookups.py), against what nobody here wrote.

Removed Kubernetes APIs come from the deprecation guide (data/tables/kubernetes-removed-apis.yaml);
for every release kubernetes-validate ships schemas for, the table must agree with them: an API the
table says was removed in 1.N has a schema in 1.(N-1) and none in 1.N, and every replacement exists.
"""

from __future__ import annotations

from importlib import resources

import pytest

from checks.kinds.dockerfile import node_line
from checks.kinds.kubernetes import KUBERNETES_VERSION
from handbook.lookups import fargate_ephemeral_storage, kubernetes_removed_apis, node_releases

SCHEMAS = resources.files("kubernetes_validate") / "kubernetes-json-schema"


def _has_schema(version: str, api_version: str, kind: str) -> bool:
    group, _, api = api_version.rpartition("/")
    name = f"{kind.lower()}-{group.split('.')[0] or 'core'}-{api}.json" if group else f"{kind.lower()}-{api}.json"
    return (SCHEMAS / f"v{version}.0-local-strict" / name).is_file()


def _shipped() -> list[str]:
    return sorted((p.name[1:].split(".0-")[0] for p in SCHEMAS.iterdir() if p.name.endswith("-local-strict")),
                  key=lambda v: tuple(map(int, v.split("."))))  # fmt: skip


@pytest.mark.parametrize(("api", "kind"), sorted(kubernetes_removed_apis()))
def test_removed_apis_agree_with_the_schemas_kubernetes_validate_ships(api: str, kind: str) -> None:
    removed = kubernetes_removed_apis()[(api, kind)]
    shipped = _shipped()
    minor = int(removed.removed_in.split(".")[1])
    before, after = f"1.{minor - 1}", f"1.{minor}"
    if before in shipped:
        assert _has_schema(before, api, kind), f"{api} {kind} should still be served in {before}"
    if after in shipped:
        assert not _has_schema(after, api, kind), f"{api} {kind} should be gone in {after}"
    assert not _has_schema(KUBERNETES_VERSION.rsplit(".", 1)[0], api, kind)
    replacement = removed.replacement.split(" ")[0]
    if "/" in replacement:
        assert _has_schema(KUBERNETES_VERSION.rsplit(".", 1)[0], replacement, kind), replacement


def test_the_node_table_covers_every_line_since_0_10() -> None:
    lines = node_releases()
    expected = ["0.10", "0.12", *map(str, range(4, max(int(line) for line in lines if "." not in line) + 1))]
    assert list(lines) == expected
    for line in lines.values():
        assert line.codename is None or (int(line.line.split(".")[0]) % 2 == 0), line


@pytest.mark.parametrize(
    ("tag", "line"),
    [
        ("24.21.0-alpine3.24", "24"),
        ("0.10.48", "0.10"),
        ("0.12", "0.12"),
        ("18-alpine", "18"),
        ("hydrogen-alpine", "18"),
        ("lts-iron", "20"),
        ("Krypton", "24"),
        ("lts-alpine3.24", None),
        ("current", None),
    ],
)
def test_image_tags_name_their_node_line(tag: str, line: str | None) -> None:
    assert node_line(tag) == line


def test_fargate_ephemeral_storage_range_reads_the_facts() -> None:
    storage = fargate_ephemeral_storage()
    assert (storage.low, storage.high, storage.default) == (21, 200, 20)
