"""The data layer: the repository's files are valid, and every kind of bad file fails with one clear line."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from handbook.loader import DataError, load_data
from handbook.schema import Steps

GOOD_TABLE = """\
id: sample
kind: comparison
title: Sample
columns:
  - {key: heroku, label: Heroku}
  - {key: aws, label: AWS}
rows:
  - id: first
    label: First
    values: {heroku: one, aws: two}
    sources: [https://example.com/a]
    verified: 2026-01-02
"""

GOOD_FACTS = """\
id: sample
title: Sample facts
facts:
  answer:
    value: 42
    unit: units
    sources: [https://example.com/a]
    verified: 2026-01-02
"""


def write(root: Path, kind: str, text: str, name: str = "sample") -> Path:
    path = root / "data" / kind / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def problems_for(tmp_path: Path, kind: str, text: str, name: str = "sample") -> list[str]:
    write(tmp_path, kind, text, name)
    with pytest.raises(DataError) as info:
        load_data(tmp_path / "data")
    return info.value.problems


def test_repository_data_loads_and_every_row_is_sourced() -> None:
    handbook = load_data()
    assert handbook.tables and handbook.factsets
    for table in handbook.tables.values():
        for row in table.rows:
            assert row.sources and row.verified <= dt.date.today()
    for factset in handbook.factsets.values():
        for fact in factset.facts.values():
            assert fact.sources and fact.verified <= dt.date.today()


def test_good_fixtures_load(tmp_path: Path) -> None:
    write(tmp_path, "tables", GOOD_TABLE)
    write(tmp_path, "facts", GOOD_FACTS)
    handbook = load_data(tmp_path / "data")
    assert handbook.table("sample").row("first").values == {"heroku": "one", "aws": "two"}
    assert handbook.fact("sample.answer").value == 42


TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
ROW_VALUES = "{heroku: one, aws: two}"
URL = "[https://example.com/a]"

# (kind, text replaced in the good file, replacement, expected line, key path, words of the reason)
BAD_CASES = [
    ("tables", "title: Sample\n", "title: Sample\ncolour: red\n", 4, "colour", "Extra inputs"),
    ("tables", "    label: First\n", "    label: First\n    labl: x\n", 10, "rows[0].labl", "Extra"),
    ("tables", f"    sources: {URL}\n", "", 8, "rows[0].sources", "required"),
    ("tables", URL, "[]", 11, "rows[0].sources", "at least 1"),
    ("tables", "https://example.com/a", "not a url", 11, "rows[0].sources[0]", "URL"),
    ("tables", "2026-01-02", "2026-13-45", 12, "(yaml)", "invalid date '2026-13-45'"),
    ("tables", "2026-01-02", TOMORROW, 12, "rows[0].verified", "future"),
    ("tables", ROW_VALUES, "{heroku: one, azure: two}", 10, "rows[0].values.azure", "unknown column"),
    ("tables", ROW_VALUES, "{heroku: one}", 10, "rows[0].values", "no value for column(s) aws"),
    ("tables", "    label: First\n", "", 8, "rows[0]", "needs a label"),
    ("tables", "kind: comparison", "kind: matrix", 2, "kind", "Input should be"),
    ("tables", "id: sample", "id: other", 1, "id", "must equal the file name"),
    ("tables", "title: Sample\n", "title: Sample\ntitle: Again\n", 4, "(yaml)", "duplicate key"),
    ("tables", "columns:", "columns: [unclosed", 5, "(yaml)", ""),
    ("facts", "    verified: 2026-01-02\n", "", 4, "facts.answer.verified", "required"),
    ("facts", "  answer:", "  Bad-Key:", 4, "facts.Bad-Key", "pattern"),
]


@pytest.mark.parametrize(("kind", "old", "new", "line", "key", "reason"), BAD_CASES)
def test_bad_file_gives_one_line_with_file_line_key_and_reason(
    tmp_path: Path, kind: str, old: str, new: str, line: int, key: str, reason: str
) -> None:
    good = GOOD_TABLE if kind == "tables" else GOOD_FACTS
    assert old in good
    problems = problems_for(tmp_path, kind, good.replace(old, new))
    assert problems, "a bad file must produce a problem"
    first = problems[0]
    assert "\n" not in first and "Traceback" not in first
    match = re.match(r"^(?P<file>\S+\.yaml):(?P<line>\d+): (?P<key>[^:]+): (?P<reason>.+)$", first)
    assert match, first
    assert match["file"].endswith(f"data/{kind}/sample.yaml")
    assert int(match["line"]) == line, first
    assert match["key"] == key, first
    assert reason in match["reason"], first


def test_steps_must_land_on_stop(tmp_path: Path) -> None:
    text = GOOD_TABLE.replace("{heroku: one, aws: two}", "{heroku: {start: 1, stop: 10, step: 4}, aws: two}")
    problems = problems_for(tmp_path, "tables", text)
    assert any("rows[0].values.heroku" in p and "multiple of step" in p for p in problems), problems


def test_files_outside_known_folders_are_refused(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, "misc", GOOD_TABLE)
    assert problems[0].endswith("data files live in data/{tables,facts}/, not data/misc/")


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    write(tmp_path, "tables", GOOD_TABLE.replace("kind: comparison", "kind: matrix"), "sample")
    write(tmp_path, "facts", GOOD_FACTS.replace("id: sample", "id: wrong"), "sample")
    with pytest.raises(DataError) as info:
        load_data(tmp_path / "data")
    assert len(info.value.problems) == 2
    assert str(info.value).count("\n") == 1


def test_unknown_names_raise_with_the_known_ones() -> None:
    handbook = load_data()
    with pytest.raises(KeyError, match=r"known tables: .*fargate-task-sizes"):
        handbook.table("fargate-sizes")
    with pytest.raises(KeyError, match=r"has: .*max_task_memory_gb"):
        handbook.fact("fargate.max_memory")
    with pytest.raises(KeyError, match=r"use 'file\.key'"):
        handbook.fact("fargate")


def test_fargate_memory_ranges_expand_to_the_documented_steps() -> None:
    sizes = {r.values["cpu"]: r.values["memory_mib"] for r in load_data().table("fargate-task-sizes").rows}
    assert sorted(sizes) == [256, 512, 1024, 2048, 4096, 8192, 16384]
    assert sizes[256] == [512, 1024, 2048]
    four_vcpu = sizes[4096]
    assert isinstance(four_vcpu, Steps) and len(four_vcpu.expand()) == 23  # 8..30 GB in 1 GB steps
    assert sizes[16384].expand()[-1] == 120 * 1024


# --- YAML 1.1 quirks, dates, column formats and duplicate ids (see handbook/yaml12.py) ------------

# (a fact's `value:` as written, the key path the refusal names, words of the reason)
AMBIGUOUS_VALUES = [
    ("1:30", "(yaml)", "'1:30' means 90 in YAML 1.1 but '1:30' in YAML 1.2; quote it"),
    ("030", "(yaml)", "'030' means 24 in YAML 1.1 but 30 in YAML 1.2"),
    ("NO", "(yaml)", "'NO' means False in YAML 1.1"),
    ("on", "(yaml)", "'on' means True in YAML 1.1"),
    ("1_000", "(yaml)", "'1_000' means 1000 in YAML 1.1"),
    ("0b101", "(yaml)", "'0b101' means 5 in YAML 1.1"),
    ("1e3", "(yaml)", "'1e3' means '1e3' in YAML 1.1 but 1000.0 in YAML 1.2"),
    ("2026-11-22T10:00:00Z", "(yaml)", "means 2026-11-22T10:00:00+00:00 in YAML 1.1"),
    ("!!binary aGVsbG8=", "(yaml)", "explicit tag 'tag:yaml.org,2002:binary' is not allowed"),
    (".nan", "facts.answer.value", "must be a finite number"),
    ("-.inf", "facts.answer.value", "must be a finite number"),
    ("{a: 1}", "facts.answer.value", "must be text, a number, true or false, or a date, not a dict"),
]


@pytest.mark.parametrize(("value", "key", "reason"), AMBIGUOUS_VALUES)
def test_values_that_depend_on_the_yaml_version_are_refused(tmp_path: Path, value: str, key: str, reason: str) -> None:
    [problem] = problems_for(tmp_path, "facts", GOOD_FACTS.replace("value: 42", f"value: {value}"))
    assert problem.startswith(f"data/facts/sample.yaml:5: {key}: "), problem
    assert reason in problem, problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("'1:30'", "1:30"),
        ("'030'", "030"),
        ('"NO"', "NO"),
        ("0x1E", 30),
        ("1.5e+3", 1500.0),
        ("-7", -7),
        ("true", True),
    ],
)
def test_values_both_yaml_versions_agree_on_load(tmp_path: Path, value: str, expected: object) -> None:
    write(tmp_path, "facts", GOOD_FACTS.replace("value: 42", f"value: {value}"))
    loaded = load_data(tmp_path / "data").fact("sample.answer").value
    assert loaded == expected and type(loaded) is type(expected)


@pytest.mark.parametrize("verified", ["0", "1764547200", "20261122", "2026-1-2", "'yesterday'"])
def test_verified_is_an_iso_date_only(tmp_path: Path, verified: str) -> None:
    [problem] = problems_for(tmp_path, "facts", GOOD_FACTS.replace("verified: 2026-01-02", f"verified: {verified}"))
    assert problem.startswith("data/facts/sample.yaml:8: facts.answer.verified: must be an ISO date"), problem


def test_quoted_iso_date_is_a_date(tmp_path: Path) -> None:
    write(tmp_path, "facts", GOOD_FACTS.replace("verified: 2026-01-02", 'verified: "2026-01-02"'))
    assert load_data(tmp_path / "data").fact("sample.answer").verified == dt.date(2026, 1, 2)


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    text = GOOD_FACTS.replace("  answer:\n", "  answer: &base\n") + "  again:\n    <<: *base\n"
    [problem] = problems_for(tmp_path, "facts", text)
    assert problem == "data/facts/sample.yaml:10: (yaml): merge keys (<<) are not supported in data files", problem


FORMATTED_TABLE = """\
id: sample
kind: reference
title: Sample
columns:
  - {key: name, label: Name, format: code}
  - {key: price, label: Price, format: usd}
  - {key: memory, label: Memory, format: mib}
  - {key: sleeps, label: Sleeps, format: bool}
  - {key: eol, label: End of life, format: date}
rows:
  - id: first
    values: {name: basic, price: 7, memory: 512, sleeps: false, eol: 2027-04-30}
    sources: [https://example.com/a]
    verified: 2026-01-02
"""


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("price: 7", "price: five", "a usd column needs a number, not 'five'"),
        ("price: 7", "price: true", "a usd column needs a number, not True"),
        ("memory: 512", 'memory: "512 MB"', "a mib column needs a whole number of MiB"),
        ("memory: 512", "memory: 0.5", "a mib column needs a whole number of MiB"),
        ("sleeps: false", "sleeps: maybe", "a bool column needs true or false, not 'maybe'"),
        ("eol: 2027-04-30", "eol: soon", "a date column needs an ISO date"),
        ("name: basic", "name: true", "a code column needs text or a number, or a list of them, not True"),
    ],
)
def test_column_formats_are_checked_on_load(tmp_path: Path, old: str, new: str, reason: str) -> None:
    key = new.split(":")[0]
    [problem] = problems_for(tmp_path, "tables", FORMATTED_TABLE.replace(old, new))
    assert problem.startswith(f"data/tables/sample.yaml:12: rows[0].values.{key}: {reason}"), problem


def test_formatted_table_loads(tmp_path: Path) -> None:
    write(tmp_path, "tables", FORMATTED_TABLE)
    assert load_data(tmp_path / "data").table("sample").row("first").values["eol"] == dt.date(2027, 4, 30)


def test_one_id_in_two_files_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "facts", GOOD_FACTS)
    other = tmp_path / "data/facts/sample.yml"
    other.write_text(GOOD_FACTS.replace("value: 42", "value: 99"))
    with pytest.raises(DataError) as info:
        load_data(tmp_path / "data")
    assert info.value.problems == ["data/facts/sample.yml:1: id: 'sample' is already defined by data/facts/sample.yaml"]


def test_nesting_and_aliases_are_bounded_with_a_line(tmp_path: Path) -> None:
    [problem] = problems_for(tmp_path, "facts", "id: sample\ntitle: T\nfacts:\n  a: " + "[" * 500 + "]" * 500 + "\n")
    assert problem == "data/facts/sample.yaml:4: (yaml): nested more than 100 levels deep"
    loop = GOOD_FACTS + "x: &x [a, *x]\n"
    [problem] = problems_for(tmp_path, "facts", loop)
    assert problem == "data/facts/sample.yaml:9: (yaml): alias *x refers to a node that contains it", problem
