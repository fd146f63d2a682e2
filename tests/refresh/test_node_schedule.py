"""Node.js release schedule: the recorded schedule.json (trimmed from nodejs/Release) against the real
data/tables/node-releases.yaml, then a changed date, a changed format, a missing line and a 404."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from handbook.citations import Item, items
from handbook.loader import load_data
from refresh.diff import Edit, apply
from refresh.fetchers import Context, node_schedule
from tests.refresh.conftest import RECORDED

SCHEDULE = json.loads((RECORDED / "nodejs-release" / "schedule.json").read_text(encoding="utf-8"))


def node_items(data: Path | None = None) -> list[Item]:
    handbook = load_data(data) if data else load_data()
    return [i for i in items(handbook) if i.key.startswith("tables/node-releases/")]


def serve(httpserver: HTTPServer, schedule: object, status: int = 200) -> None:
    httpserver.expect_request("/nodejs/schedule.json").respond_with_json(schedule, status=status)


def test_the_data_matches_the_schedule(httpserver: HTTPServer, ctx: Context) -> None:
    serve(httpserver, SCHEDULE)
    items = node_items()
    outcomes = node_schedule.check(items, ctx)
    assert len(items) == len(load_data().table("node-releases").rows)  # every line since 0.10 has a hint
    assert [(o.item.key, o.status) for o in outcomes] == [(i.key, "unchanged") for i in items]
    node26 = next(o for o in outcomes if o.item.key == "tables/node-releases/node-26").derived
    assert node26 == {"codename": None, "lts_start": dt.date(2026, 10, 28), "eol": dt.date(2029, 4, 30)}


def test_a_moved_end_of_life_becomes_an_edit_of_that_cell_and_the_date(
    httpserver: HTTPServer, ctx: Context, data_copy: Path
) -> None:
    table = data_copy / "tables" / "node-releases.yaml"  # last verified by a person a week ago
    table.write_text(table.read_text(encoding="utf-8").replace("verified: 2026-11-30", "verified: 2026-11-22"))
    changed = json.loads(json.dumps(SCHEDULE))
    changed["v22"]["end"] = "2027-10-31"
    changed["v26"]["codename"] = "Plutonium"
    serve(httpserver, changed)
    outcomes = {o.item.key: o for o in node_schedule.check(node_items(data_copy), ctx)}
    assert outcomes["tables/node-releases/node-22"].changes == {"eol": (dt.date(2027, 4, 30), dt.date(2027, 10, 31))}
    assert outcomes["tables/node-releases/node-26"].changes == {"codename": (None, "Plutonium")}
    assert outcomes["tables/node-releases/node-24"].status == "unchanged"

    today = dt.date(2026, 11, 30)
    edits = [Edit(o.item, {k: new for k, (_, new) in o.changes.items()}, today) for o in outcomes.values()]
    [change] = apply(data_copy, edits)
    diff = change.unified()
    assert '-    values: {line: "22", codename: Jod, lts_start: 2024-10-29, eol: 2027-04-30}' in diff
    assert '+    values: {line: "22", codename: Jod, lts_start: 2024-10-29, eol: 2027-10-31}' in diff
    assert '+    values: {line: "26", codename: Plutonium, lts_start: 2026-10-28, eol: 2029-04-30}' in diff
    rows = len(outcomes)
    assert diff.count("+    verified: 2026-11-30") == rows  # every re-derived row, changed or not
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert len(removed) == 2 + rows  # two values lines and the verified lines: nothing else moved
    reloaded = load_data(data_copy).table("node-releases")
    assert reloaded.row("node-22").values["eol"] == dt.date(2027, 10, 31)


def test_a_schedule_in_another_shape_is_a_format_change(httpserver: HTTPServer, ctx: Context) -> None:
    serve(httpserver, [{"version": "v22", "end": "2027-04-30"}])
    outcomes = node_schedule.check(node_items(), ctx)
    assert {o.status for o in outcomes} == {"format-changed"}
    assert "no longer a map of release lines" in outcomes[0].detail


def test_a_date_that_is_no_date_is_a_format_change(httpserver: HTTPServer, ctx: Context) -> None:
    changed = json.loads(json.dumps(SCHEDULE))
    changed["v24"]["lts"] = "late October"
    serve(httpserver, changed)
    outcomes = {o.item.key: o for o in node_schedule.check(node_items(), ctx)}
    assert outcomes["tables/node-releases/node-24"].status == "format-changed"
    assert "'late October', not an ISO date" in outcomes["tables/node-releases/node-24"].detail
    assert outcomes["tables/node-releases/node-22"].status == "unchanged"


def test_a_line_missing_from_the_schedule_needs_a_person(httpserver: HTTPServer, ctx: Context) -> None:
    serve(httpserver, {k: v for k, v in SCHEDULE.items() if k != "v20"})
    outcomes = {o.item.key: o for o in node_schedule.check(node_items(), ctx)}
    assert outcomes["tables/node-releases/node-20"].status == "format-changed"
    assert outcomes["tables/node-releases/node-20"].detail == "the schedule has no line v20"


def test_a_404_marks_every_row_unreachable(httpserver: HTTPServer, ctx: Context) -> None:
    serve(httpserver, {"message": "Not Found"}, status=404)
    outcomes = node_schedule.check(node_items(), ctx)
    assert {o.status for o in outcomes} == {"unreachable"}
    assert outcomes[0].detail.endswith("/nodejs/schedule.json: HTTP 404")
    assert not any(o.moves_verified for o in outcomes)
