"""The data diff edits only the scalars it means to, and the freshness state is a validated file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from handbook.citations import Item, items
from handbook.freshness import FreshnessState, ItemDates, SourceCheck, dump_state, load_state
from handbook.loader import DataError, load_data
from refresh.diff import Edit, EditError, apply, render
from refresh.fetchers import Outcome
from refresh.state import fetched_sources, next_state

TODAY = dt.date(2026, 11, 30)


def item(data: Path, key: str) -> Item:
    return next(i for i in items(load_data(data)) if i.key == key)


def test_an_edit_changes_one_scalar_and_keeps_comments_anchors_and_flow_style(data_copy: Path) -> None:
    before = (data_copy / "tables" / "ecs-healthcheck-ranges.yaml").read_text(encoding="utf-8")
    edit = Edit(item(data_copy, "tables/ecs-healthcheck-ranges/interval"), {"max": 600}, TODAY)
    [change] = apply(data_copy, [edit])
    after = (data_copy / "tables" / "ecs-healthcheck-ranges.yaml").read_text(encoding="utf-8")
    assert after == before.replace(
        "{field: interval, min: 5, max: 300, default: 30, unit: seconds}\n    sources: &hc",
        "{field: interval, min: 5, max: 600, default: 30, unit: seconds}\n    sources: &hc",
    ).replace("    verified: 2026-11-22\n", "    verified: 2026-11-30\n", 1)
    added = [line for line in change.unified().splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == 2


def test_only_the_date_moves_when_the_value_is_unchanged(data_copy: Path) -> None:
    [change] = apply(data_copy, [Edit(item(data_copy, "facts/eks/control_plane_usd_per_hour"), {}, TODAY)])
    assert [line for line in change.unified().splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-    verified: 2026-11-22",
        "+    verified: 2026-11-30",
    ]


def test_text_is_quoted_when_yaml_needs_it(data_copy: Path) -> None:
    for value in ["Krypton: the LTS", "yes", "2026-01-01", "{braces}", "null", "#1", "a, b", 0.004445, None]:
        assert yaml.safe_load(f"{{k: {render(value)}}}") == {"k": value}, value
    edit = Edit(item(data_copy, "tables/node-releases/node-24"), {"codename": "Krypton: the LTS"}, TODAY)
    apply(data_copy, [edit])
    assert load_data(data_copy).table("node-releases").row("node-24").values["codename"] == "Krypton: the LTS"


def test_a_value_shared_through_an_alias_is_not_edited(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "facts" / "heroku.yaml"
    text = path.read_text(encoding="utf-8")
    shutdown = "    value: 30\n    unit: seconds\n    sources: [https://devcenter.heroku.com/articles/dyno-shutdown"
    timeout = "    value: 30\n    unit: seconds\n    sources: [https://devcenter.heroku.com/articles/request-timeout]"
    text = text.replace(shutdown, shutdown.replace("value: 30", "value: &thirty 30"))
    text = text.replace(timeout, timeout.replace("value: 30", "value: *thirty"))
    path.write_text(text, encoding="utf-8")
    edit = Edit(item(data_copy, "facts/heroku/router_timeout_s"), {"value": 60}, TODAY)
    with pytest.raises(EditError, match="router_timeout_s: value: shared with other items through a YAML alias"):
        apply(data_copy, [edit])
    assert path.read_text(encoding="utf-8") == text  # nothing written


def test_an_edit_that_would_break_the_file_is_refused(data_copy: Path) -> None:
    edit = Edit(item(data_copy, "tables/ecs-healthcheck-ranges/interval"), {}, dt.date(2999, 1, 1))
    with pytest.raises(
        EditError, match=r"the edit would make the file invalid: .*verified date 2999-01-01 is in the future"
    ):
        apply(data_copy, [edit])


def test_the_state_file_in_the_repository_is_valid() -> None:
    state = load_state()
    assert state.format == 1


def test_a_bad_state_file_names_file_line_key_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "freshness.json"
    path.write_text(
        '{\n  "format": 1,\n  "sources": {\n    "https://example.com/a": {\n      "checked": "2026-11-30",\n'
        '      "status": "fine",\n      "method": "text-hash"\n    }\n  },\n  "extra": true\n}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_state(path)
    assert caught.value.problems == [
        f"{path}:6: sources[https://example.com/a].status: Input should be 'unchanged', 'value-changed', "
        "'text-changed', 'unreachable', 'format-changed' or 'first-check'",
        f"{path}:10: extra: Extra inputs are not permitted",
    ]


def test_a_state_file_that_is_no_json_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "freshness.json"
    path.write_text('{"format": 1,}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r":1: \(json\): trailing comma before '}'"):
        load_state(path)


def test_the_state_remembers_who_verified_last(data_copy: Path) -> None:
    # A person verified node-22 on 2026-11-22 (set here, whatever the real data says today).
    table = data_copy / "tables" / "node-releases.yaml"
    text = table.read_text(encoding="utf-8")
    row = text.index("  - id: node-22\n")
    end = text.index("    verified: ", row)
    line_end = text.index("\n", end)
    table.write_text(text[:end] + "    verified: 2026-11-22" + text[line_end:], encoding="utf-8")
    node22 = item(data_copy, "tables/node-releases/node-22")
    moved = [Outcome(node22, "unchanged")]
    first = next_state(FreshnessState(), TODAY, fetched_sources(moved, TODAY), moved, {node22.key})
    assert first.items[node22.key] == ItemDates(person_verified=dt.date(2026, 11, 22), machine_verified=TODAY)
    assert first.sources["https://github.com/nodejs/Release/blob/main/schedule.json"].status == "unchanged"
    # the data now says verified: TODAY, written by the fetcher: a person's date is still 2026-11-22
    assert first.person_verified(node22.key, TODAY) == dt.date(2026, 11, 22)
    # a person re-verifies by hand later: their date wins
    assert first.person_verified(node22.key, dt.date(2026, 12, 5)) == dt.date(2026, 12, 5)
    assert load_state_round_trip(first) == first


def load_state_round_trip(state: FreshnessState) -> FreshnessState:
    data = json.loads(dump_state(state))
    return FreshnessState.model_validate(data)


def test_the_worst_outcome_is_the_source_status(data_copy: Path) -> None:
    rows = [i for i in items(load_data(data_copy)) if i.key.startswith("tables/node-releases/")]
    outcomes = [Outcome(rows[0], "unchanged"), Outcome(rows[1], "format-changed", detail="no line v22")]
    [check] = fetched_sources(outcomes, TODAY).values()
    assert check == SourceCheck(
        checked=TODAY, status="format-changed", method="node-release-schedule", detail="no line v22"
    )
