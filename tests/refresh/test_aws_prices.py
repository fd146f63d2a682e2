"""AWS Price List bulk API: the recorded offer index, region indexes and trimmed regional offer files
(recorded/aws-pricing/, in the API's URL layout) against the real data/ facts, and against rows like
the ones the cost pages add (load balancer, NAT gateway, public IPv4, CloudWatch Logs, RDS, ElastiCache):
a hint in a data row is all it takes to re-check a new price."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from handbook.citations import Item, items
from handbook.loader import DataError, load_data
from refresh.diff import Edit, apply
from refresh.fetchers import Context, aws_prices
from tests.refresh.conftest import RECORDED, FakeClock, serve_tree

TREE = RECORDED / "aws-pricing"
ECS_OFFER = "offers/v1.0/aws/AmazonECS/20251118191225/us-east-1/index.json"
PRICE_LIST = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws"


def price_items(data: Path | None = None) -> dict[str, Item]:
    handbook = load_data(data) if data else load_data()
    return {i.key: i for i in items(handbook) if i.sourced.refresh and i.sourced.refresh.fetcher == "aws-price-list"}


def edited_tree(tmp_path: Path, offer: str, old: str, new: str) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    path = tree / offer
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return tree


def test_the_real_facts_match_the_price_list(httpserver: HTTPServer, ctx: Context) -> None:
    serve_tree(httpserver, TREE)
    found = price_items()
    assert set(found) == {
        "facts/cost/fargate_vcpu_hour_usd",
        "facts/cost/fargate_gb_hour_usd",
        "facts/eks/control_plane_usd_per_hour",
        "facts/eks/extended_support_usd_per_hour",
        # the stack's own resources (data/tables/cost-aws-stack.yaml)
        "tables/cost-aws-stack/alb",
        "tables/cost-aws-stack/nat-gateway",
        "tables/cost-aws-stack/public-ipv4",
        "tables/cost-aws-stack/logs-ingestion",
        "tables/cost-aws-stack/rds-instance",
    }
    outcomes = {o.item.key: o for o in aws_prices.check(list(found.values()), ctx)}
    assert {k: o.status for k, o in outcomes.items()} == dict.fromkeys(found, "unchanged")
    assert outcomes["facts/eks/extended_support_usd_per_hour"].derived == {"value": 0.6}  # 0.10 + 0.50
    assert outcomes["facts/cost/fargate_vcpu_hour_usd"].detail == "AmazonECS us-east-1 20251118191225"
    assert outcomes["tables/cost-aws-stack/nat-gateway"].derived == {"price_usd": 0.045}
    # each offer file is downloaded once, under its versioned URL
    offers = [r.path for r, _ in httpserver.log if r.path.endswith("/us-east-1/index.json")]
    assert sorted(offers) == sorted(set(offers)) and len(offers) == 7


def test_a_new_price_becomes_an_edit_with_the_new_verified_date(
    httpserver: HTTPServer, ctx: Context, tmp_path: Path, data_copy: Path
) -> None:
    serve_tree(httpserver, edited_tree(tmp_path, ECS_OFFER, '"0.0404800000"', '"0.0412300000"'))
    found = price_items(data_copy)
    outcomes = {o.item.key: o for o in aws_prices.check(list(found.values()), ctx)}
    vcpu = outcomes["facts/cost/fargate_vcpu_hour_usd"]
    assert vcpu.status == "value-changed" and vcpu.changes == {"value": (0.04048, 0.04123)}
    assert outcomes["facts/cost/fargate_gb_hour_usd"].status == "unchanged"
    today = dt.date(2026, 11, 30)
    [change] = apply(data_copy, [Edit(vcpu.item, {"value": 0.04123}, today)])
    assert change.file == "facts/cost.yaml"
    diff = change.unified()
    assert "-    value: 0.04048\n+    value: 0.04123\n" in diff
    assert "-    verified: 2026-11-26\n+    verified: 2026-11-30\n" in diff
    assert load_data(data_copy).fact("cost.fargate_vcpu_hour_usd").value == 0.04123
    assert load_data(data_copy).fact("cost.fargate_gb_hour_usd").verified == dt.date(2026, 11, 26)


def test_429_with_retry_after_on_the_offer_file_is_waited_out(
    httpserver: HTTPServer, ctx: Context, clock: FakeClock
) -> None:
    httpserver.expect_oneshot_request(f"/{ECS_OFFER}").respond_with_data("", status=429, headers={"Retry-After": "12"})
    serve_tree(httpserver, TREE)
    found = price_items()
    outcomes = aws_prices.check([found["facts/cost/fargate_gb_hour_usd"]], ctx)
    assert outcomes[0].status == "unchanged"
    assert 12 in clock.sleeps


def test_an_offer_missing_from_the_index_is_a_format_change(
    httpserver: HTTPServer, ctx: Context, tmp_path: Path
) -> None:
    serve_tree(httpserver, edited_tree(tmp_path, "offers/v1.0/aws/index.json", '"AmazonEKS" :', '"AmazonEKSv2" :'))
    outcomes = aws_prices.check([price_items()["facts/eks/control_plane_usd_per_hour"]], ctx)
    assert outcomes[0].status == "format-changed"
    assert outcomes[0].detail.endswith("/offers/v1.0/aws/index.json: no offers.AmazonEKS.currentRegionIndexUrl")


def test_a_usage_type_that_no_longer_exists_is_a_format_change(
    httpserver: HTTPServer, ctx: Context, tmp_path: Path
) -> None:
    offer = "offers/v1.0/aws/AmazonEKS/20251114202210/us-east-1/index.json"
    serve_tree(httpserver, edited_tree(tmp_path, offer, "USE1-AmazonEKS-Hours:extendedSupport", "USE1-EKS-Extended"))
    found = price_items()
    outcomes = {o.item.key: o for o in aws_prices.check(list(found.values()), ctx)}
    extended = outcomes["facts/eks/extended_support_usd_per_hour"]
    assert extended.status == "format-changed"
    assert "no product matches {'usagetype': 'USE1-AmazonEKS-Hours:extendedSupport'}" in extended.detail
    assert outcomes["facts/eks/control_plane_usd_per_hour"].status == "unchanged"


def test_an_offer_file_that_is_not_json_is_a_format_change(
    httpserver: HTTPServer, ctx: Context, tmp_path: Path
) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    (tree / ECS_OFFER).write_text("<html>Service Unavailable</html>", encoding="utf-8")
    serve_tree(httpserver, tree)
    outcomes = aws_prices.check([price_items()["facts/cost/fargate_gb_hour_usd"]], ctx)
    assert outcomes[0].status == "format-changed" and "not a JSON offer file" in outcomes[0].detail


def test_a_region_index_404_marks_the_prices_unreachable(httpserver: HTTPServer, ctx: Context) -> None:
    httpserver.expect_request("/offers/v1.0/aws/AmazonECS/current/region_index.json").respond_with_data("", status=404)
    serve_tree(httpserver, TREE)
    found = price_items()
    outcomes = aws_prices.check(
        [found["facts/cost/fargate_vcpu_hour_usd"], found["facts/cost/fargate_gb_hour_usd"]], ctx
    )
    assert [o.status for o in outcomes] == ["unreachable", "unreachable"]
    assert outcomes[0].detail.endswith("/AmazonECS/current/region_index.json: HTTP 404")


# Rows like those the cost comparison adds: each hint is data only, no code.
ALB = {"productFamily": "Load Balancer-Application", "usagetype": "LoadBalancerUsage"}
COST_ROWS = [
    ("alb-hour", "AWSELB", ALB, {}, 0.0225),
    ("alb-month", "AWSELB", ALB, {"multiply": 730, "decimals": 2}, 16.43),
    ("alb-lcu", "AWSELB", {"productFamily": "Load Balancer-Application", "usagetype": "LCUUsage"}, {"unit": "LCU-Hrs"},
     0.008),
    ("nat-hour", "AmazonEC2", {"productFamily": "NAT Gateway", "usagetype": "*NatGateway-Hours"}, {}, 0.045),
    ("nat-gb", "AmazonEC2", {"productFamily": "NAT Gateway", "usagetype": "*NatGateway-Bytes"}, {}, 0.045),
    ("ipv4-hour", "AmazonVPC", {"usagetype": "USE1-PublicIPv4:InUseAddress"}, {}, 0.005),
    ("logs-gb", "AmazonCloudWatch", {"usagetype": "USE1-DataProcessing-Bytes", "group": "Ingested Logs"}, {}, 0.5),
    ("vended-logs-gb", "AmazonCloudWatch", {"usagetype": "USE1-VendedLog-Bytes"}, {"begin_range": "0"}, 0.5),
    ("rds-micro", "AmazonRDS", {"instanceType": "db.t4g.micro", "databaseEngine": "PostgreSQL",
     "deploymentOption": "Single-AZ", "usagetype": "InstanceUsage:*"}, {}, 0.016),
    ("rds-micro-multi-az", "AmazonRDS", {"instanceType": "db.t4g.micro", "databaseEngine": "PostgreSQL",
     "deploymentOption": "Multi-AZ"}, {}, 0.032),
    ("cache-micro", "AmazonElastiCache", {"instanceType": "cache.t4g.micro", "cacheEngine": "Valkey"}, {}, 0.0128),
]  # fmt: skip


def cost_table(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    data = tmp_path / "data"
    (data / "tables").mkdir(parents=True)
    table = {
        "id": "aws-costs",
        "kind": "reference",
        "title": "AWS prices",
        "columns": [{"key": "item", "label": "Item"}, {"key": "usd", "label": "USD", "format": "usd"}],
        "rows": rows,
    }
    (data / "tables" / "aws-costs.yaml").write_text(yaml.safe_dump(table, sort_keys=False), encoding="utf-8")
    return data


def cost_row(
    row_id: str, offer: str, filters: dict[str, str], extra: dict[str, object], usd: float
) -> dict[str, object]:
    hint: dict[str, object] = {"fetcher": "aws-price-list", "offer": offer, "region": "us-east-1", "prices": [filters]}
    hint.update(extra)
    return {
        "id": row_id,
        "values": {"item": row_id, "usd": usd},
        "sources": [f"{PRICE_LIST}/{offer}/current/us-east-1/index.json"],
        "verified": "2026-11-20",
        "refresh": {**hint, "column": "usd"},
    }


def test_rows_for_every_price_the_cost_pages_cite_need_only_a_hint(
    httpserver: HTTPServer, ctx: Context, tmp_path: Path
) -> None:
    serve_tree(httpserver, TREE)
    data = cost_table(tmp_path, [cost_row(*row) for row in COST_ROWS])
    outcomes = aws_prices.check(items(load_data(data)), ctx)
    assert {o.item.key.rsplit("/", 1)[1]: (o.status, o.derived["usd"]) for o in outcomes} == {
        row_id: ("unchanged", usd) for row_id, *_, usd in COST_ROWS
    }


def test_a_filter_that_matches_several_prices_asks_for_a_narrower_one(
    httpserver: HTTPServer, ctx: Context, tmp_path: Path
) -> None:
    serve_tree(httpserver, TREE)
    rows = [
        cost_row("any-alb", "AWSELB", {"productFamily": "Load Balancer-Application"}, {}, 0.0225),
        cost_row("vended", "AmazonCloudWatch", {"usagetype": "USE1-VendedLog-Bytes"}, {}, 0.5),
        cost_row("lcu", "AWSELB", {"usagetype": "LCUUsage"}, {"unit": "Hrs"}, 0.008),
    ]
    outcomes = {o.item.key: o for o in aws_prices.check(items(load_data(cost_table(tmp_path, rows))), ctx)}
    assert "has 3 on-demand prices (0.005, 0.008, 0.0225)" in outcomes["tables/aws-costs/any-alb"].detail
    assert "has 4 on-demand prices" in outcomes["tables/aws-costs/vended"].detail
    assert "is priced per LCU-Hrs, not per Hrs" in outcomes["tables/aws-costs/lcu"].detail
    assert {o.status for o in outcomes.values()} == {"format-changed"}


def test_a_hint_must_cite_the_offer_it_reads(tmp_path: Path) -> None:
    row = cost_row("alb-hour", "AWSELB", {"usagetype": "LoadBalancerUsage"}, {}, 0.0225)
    row["sources"] = ["https://aws.amazon.com/elasticloadbalancing/pricing/"]
    with pytest.raises(DataError) as caught:
        load_data(cost_table(tmp_path, [row]))
    [problem] = caught.value.problems
    assert "/tables/aws-costs.yaml:" in problem
    assert f"rows[0].refresh: this hint reads {PRICE_LIST}/AWSELB/current/us-east-1/index.json" in problem


def test_prices_add_up_multiply_and_round_exactly() -> None:
    from handbook.hints import AwsPriceHint

    hint = AwsPriceHint.model_validate(
        {"fetcher": "aws-price-list", "offer": "AmazonEKS", "region": "us-east-1", "prices": [{"a": "1"}, {"b": "2"}],
         "multiply": 730, "decimals": 2}
    )  # fmt: skip
    dims = [[{"pricePerUnit": {"USD": "0.1000000000"}}], [{"pricePerUnit": {"USD": "0.5000000000"}}]]
    assert aws_prices.value_of(hint, dims) == Decimal("438.00")
    assert json.dumps(float(aws_prices.value_of(hint, dims))) == "438.0"
