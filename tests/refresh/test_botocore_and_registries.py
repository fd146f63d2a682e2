"""The botocore-model fetcher on the real pinned ECS model (with PyPI's recorded answer about awscli),
and the npm / PyPI fetchers on recorded registry responses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from handbook.citations import Item, items
from handbook.loader import load_data
from refresh.client import HttpClient
from refresh.fetchers import Context, Outcome, botocore_model, registries
from tests.refresh.conftest import RECORDED

PYPI_AWSCLI = json.loads((RECORDED / "registries" / "pypi-awscli.json").read_text(encoding="utf-8"))
NPM_HEROKU = json.loads((RECORDED / "registries" / "npm-heroku-latest.json").read_text(encoding="utf-8"))


def hinted(fetcher: str, data: Path | None = None) -> dict[str, Item]:
    handbook = load_data(data) if data else load_data()
    return {i.key: i for i in items(handbook) if i.sourced.refresh and i.sourced.refresh.fetcher == fetcher}


def serve_pypi(httpserver: HTTPServer, version: str) -> None:
    answer = json.loads(json.dumps(PYPI_AWSCLI))
    answer["info"]["version"] = version
    httpserver.expect_request("/pypi-api/pypi/awscli/json").respond_with_json(answer)


def test_every_botocore_backed_value_is_in_the_pinned_model(httpserver: HTTPServer, ctx: Context) -> None:
    installed = botocore_model.installed_awscli()
    serve_pypi(httpserver, installed)  # the pin is PyPI's latest: findings confirm the data
    found = hinted("botocore-model")
    assert len(found) == 12
    outcomes = {o.item.key: o for o in botocore_model.check(list(found.values()), ctx)}
    assert {o.status for o in outcomes.values()} == {"unchanged"}, {k: o.detail for k, o in outcomes.items()}
    assert outcomes["tables/ecs-healthcheck-ranges/interval"].derived == {"min": 5, "max": 300, "default": 30}
    assert outcomes["facts/fargate/stop_timeout_max_s"].derived == {"value": 120}
    assert outcomes["tables/ecs-fargate-unsupported-linux-parameters/devices"].derived == {}  # a confirmation
    assert all(o.moves_verified for o in outcomes.values())


def test_an_older_model_than_pypi_has_confirms_nothing(httpserver: HTTPServer, ctx: Context) -> None:
    serve_pypi(httpserver, "1.99.0")
    outcomes = botocore_model.check(list(hinted("botocore-model").values()), ctx)
    assert {o.status for o in outcomes} == {"unconfirmed"}
    assert "PyPI has 1.99.0: install it and re-run to confirm" in outcomes[0].detail
    assert not any(o.moves_verified for o in outcomes)


def test_without_pypi_the_model_cannot_be_known_current(ctx: Context) -> None:
    outcomes = botocore_model.check(list(hinted("botocore-model").values()), ctx)
    assert {o.status for o in outcomes} == {"unconfirmed"}
    assert "could not ask PyPI for the latest awscli" in outcomes[0].detail


class EditedModel:
    """The real ECS model with one member's documentation rewritten, as a newer release might."""

    def __init__(self, shape: str, member: str, old: str, new: str) -> None:
        self.real = botocore_model.load_model("ecs")
        self.shape, self.member, self.old, self.new = shape, member, old, new

    def shape_for(self, name: str) -> Any:
        shape = self.real.shape_for(name)
        if name != self.shape:
            return shape
        member = shape.members[self.member]
        edited = type("Member", (), {"documentation": member.documentation.replace(self.old, self.new)})
        assert edited.documentation != member.documentation
        return type("Shape", (), {"members": {**shape.members, self.member: edited}, "documentation": ""})


def check_with(model: EditedModel, httpserver: HTTPServer, ctx: Context) -> dict[str, Outcome]:
    serve_pypi(httpserver, "1.46.3")
    found = list(hinted("botocore-model").values())
    return {o.item.key: o for o in botocore_model.check(found, ctx, loader=lambda _: model, installed=lambda: "1.46.3")}


def test_a_changed_range_in_the_model_is_a_value_change(httpserver: HTTPServer, ctx: Context) -> None:
    model = EditedModel("HealthCheck", "interval", "between 5 and 300 seconds", "between 5 and 600 seconds")
    outcomes = check_with(model, httpserver, ctx)
    interval = outcomes["tables/ecs-healthcheck-ranges/interval"]
    assert interval.status == "value-changed" and interval.changes == {"max": (300, 600)}
    assert outcomes["tables/ecs-healthcheck-ranges/timeout"].status == "unchanged"


def test_documentation_that_no_longer_says_it_needs_a_person(httpserver: HTTPServer, ctx: Context) -> None:
    model = EditedModel("LinuxParameters", "swappiness", "parameter isn't supported", "parameter is supported")
    swappiness = check_with(model, httpserver, ctx)["tables/ecs-fargate-unsupported-linux-parameters/swappiness"]
    assert swappiness.status == "format-changed"
    assert "LinuxParameters.swappiness no longer says" in swappiness.detail


def test_the_heroku_cli_major_version_comes_from_npm(httpserver: HTTPServer, ctx: Context) -> None:
    httpserver.expect_request("/npm/heroku/latest").respond_with_json(NPM_HEROKU)
    [outcome] = registries.check(list(hinted("npm").values()), ctx)
    assert outcome.item.key == "facts/heroku/cli_major_version"
    assert (outcome.status, outcome.derived, outcome.detail) == ("unchanged", {"value": 11}, "npm heroku 11.10.0")


def test_a_new_major_release_is_a_value_change(httpserver: HTTPServer, ctx: Context) -> None:
    httpserver.expect_request("/npm/heroku/latest").respond_with_json({**NPM_HEROKU, "version": "12.0.1"})
    [outcome] = registries.check(list(hinted("npm").values()), ctx)
    assert outcome.status == "value-changed" and outcome.changes == {"value": (11, 12)}


def test_registry_errors(httpserver: HTTPServer, ctx: Context) -> None:
    item = next(iter(hinted("npm").values()))

    def next_run() -> Context:  # a client remembers each URL's answer for its run
        return Context(HttpClient(interval_s=0), ctx.work_dir, ctx.endpoints)

    httpserver.expect_oneshot_request("/npm/heroku/latest").respond_with_data("Not Found", status=404)
    [gone] = registries.check([item], next_run())
    assert gone.status == "unreachable" and gone.detail.endswith("/npm/heroku/latest: HTTP 404")
    httpserver.expect_oneshot_request("/npm/heroku/latest").respond_with_data("<html>maintenance</html>")
    [odd] = registries.check([item], next_run())
    assert odd.status == "format-changed" and "not JSON any more" in odd.detail
    httpserver.expect_oneshot_request("/npm/heroku/latest").respond_with_json({"name": "heroku"})
    [shapeless] = registries.check([item], next_run())
    assert shapeless.status == "format-changed" and "no version at version" in shapeless.detail


def test_pypi_latest_reads_info_version(httpserver: HTTPServer, ctx: Context) -> None:
    httpserver.expect_request("/pypi-api/pypi/awscli/json").respond_with_json(PYPI_AWSCLI)
    assert registries.latest(ctx, "pypi", "awscli") == "1.46.3"


def test_the_page_names_the_cli_version_the_checker_uses() -> None:
    """The fact the Heroku page shows and the heroku CLI manifest CI checks commands against agree."""
    package = json.loads((Path(__file__).parents[2] / "package.json").read_text(encoding="utf-8"))
    pinned_major = int(package["devDependencies"]["heroku"].split(".")[0])
    assert load_data().fact("heroku.cli_major_version").value == pinned_major
