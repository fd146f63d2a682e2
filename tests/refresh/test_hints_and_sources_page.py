"""Refresh hints are part of the data schema (bad ones fail with file:line), every hint has a fetcher,
and the Sources page shows who verified each source last, when it was re-checked and how it stood."""

from __future__ import annotations

import datetime as dt
import typing
from html import unescape
from pathlib import Path

import pytest

from handbook import hints
from handbook.freshness import FreshnessState, ItemDates, Method, SourceCheck
from handbook.loader import DataError, load_data
from macros.sources import render_sources
from refresh.fetchers import FETCHERS

SCHEDULE = "https://github.com/nodejs/Release/blob/main/schedule.json"


def test_every_hint_has_a_fetcher_and_a_state_method() -> None:
    assert set(FETCHERS) == set(hints.FETCHERS)
    assert set(typing.get_args(Method)) == {"text-hash", *hints.FETCHERS}


def write_fact(tmp_path: Path, body: str) -> Path:
    data = tmp_path / "data"
    (data / "facts").mkdir(parents=True, exist_ok=True)
    (data / "facts" / "x.yaml").write_text("id: x\ntitle: X\nfacts:\n  a:\n" + body, encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "    value: 1\n    sources: [https://example.com/a]\n    verified: 2026-01-01\n"
            "    refresh: {fetcher: node-release-schedule, line: v22, values: {value: end}}\n",
            8,
            f"a.refresh: this hint reads {SCHEDULE}: list it in sources",
        ),
        (
            "    value: 1\n    sources: [https://example.com/a]\n    verified: 2026-01-01\n"
            "    refresh: {fetcher: carrier-pigeon}\n",
            8,
            "a.refresh: Input tag 'carrier-pigeon' found using 'fetcher' does not match any of the expected tags",
        ),
        (
            "    value: 1\n    sources: [https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html]\n"
            "    verified: 2026-01-01\n"
            "    refresh: {fetcher: botocore-model, service: ecs, shape: HealthCheck, pattern: '(?P<low>\\d+'}\n",
            8,
            "a.refresh.pattern: not a regular expression: missing ), unterminated subpattern",
        ),
        (
            "    value: 1\n    sources: [https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html]\n"
            "    verified: 2026-01-01\n"
            "    refresh: {fetcher: botocore-model, service: ecs, shape: HealthCheck, pattern: '(?P<low>\\d+)'}\n",
            8,
            "a.refresh: a fact's hint re-derives `value` only, not low",
        ),
        (
            "    value: 1\n    sources: [https://www.npmjs.com/package/heroku]\n    verified: 2026-01-01\n"
            "    refresh: {fetcher: npm, package: heroku, part: patch}\n",
            8,
            "a.refresh.part: Input should be 'version', 'major' or 'minor'",
        ),
    ],
)
def test_a_bad_hint_is_one_line_with_file_line_key_and_reason(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    with pytest.raises(DataError) as caught:
        load_data(write_fact(tmp_path, body))
    [problem] = caught.value.problems
    assert problem.startswith(f"data/facts/x.yaml:{line}: ")  # named as in the project, wherever it is
    assert message in problem


def test_a_row_hint_must_name_columns_of_its_table(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "tables").mkdir(parents=True)
    (data / "tables" / "t.yaml").write_text(
        "id: t\nkind: reference\ntitle: T\ncolumns:\n  - {key: major, label: Major}\nrows:\n  - id: r\n"
        f"    values: {{major: 22}}\n    sources: [{SCHEDULE}]\n    verified: 2026-01-01\n"
        "    refresh: {fetcher: node-release-schedule, line: v22, values: {eol: end}}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_data(data)
    assert caught.value.problems == [
        "data/tables/t.yaml:11: rows[0].refresh: re-derives eol, not a column; columns are major"
    ]


def test_the_sources_page_shows_person_automatic_check_and_status() -> None:
    handbook = load_data()
    today = dt.date(2026, 11, 30)
    node = "tables/node-releases/node-22"
    state = FreshnessState(
        last_run=today,
        sources={
            SCHEDULE: SourceCheck(checked=today, status="unchanged", method="node-release-schedule"),
            "https://devcenter.heroku.com/articles/stack": SourceCheck(
                checked=today, status="text-changed", method="text-hash", text_sha256="0" * 64,
                detail="main text changed since 2026-11-23",
            ),
        },
        items={
            f"tables/node-releases/node-{n}": ItemDates(person_verified=dt.date(2026, 11, 22), machine_verified=today)
            for n in (20, 22, 24, 26)
        },
    )  # fmt: skip
    # as data/ would read after the fetcher moved the dates
    moved = handbook.tables["node-releases"].model_copy(
        update={"rows": [r.model_copy(update={"verified": today}) for r in handbook.tables["node-releases"].rows]}
    )
    handbook.tables["node-releases"] = moved
    assert state.person_verified(node, today) == dt.date(2026, 11, 22)
    # The page's values are inert character references; read it as a browser would.
    html = unescape(render_sources(handbook, state, today=today, max_age_days=180))
    assert "<th>Verified by a person</th><th>Re-checked automatically</th><th>Status</th>" in html
    row = html.split(f'href="{SCHEDULE}"')[1].split("</tr>")[0]
    assert '<time datetime="2026-11-22">' in row and '<time datetime="2026-11-30">' in row
    assert '<span class="hb-status hb-status-unchanged">unchanged</span>' in row
    stack = html.split('href="https://devcenter.heroku.com/articles/stack"')[1].split("</tr>")[0]
    assert 'title="main text changed since 2026-11-23 (text-hash)">text changed</span>' in stack
    never = html.split('href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"')[1]
    assert "<td>never</td>" in never.split("</tr>")[0] and "not checked yet" in never.split("</tr>")[0]
    assert "Last automatic re-check of every source: 2026-11-30." in html
