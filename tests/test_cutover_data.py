"""The measured cut-over downtime (data/tables/cutover-downtime.yaml, written by `make bench`) is complete and
names a benchmark that exists."""

from __future__ import annotations

from handbook.loader import cached_data
from tests.support import DOCS, REPO


def test_every_measured_row_names_a_benchmark_of_this_repository() -> None:
    for table in cached_data().tables.values():
        for row in table.rows:
            if row.measured_by:
                assert (REPO / row.measured_by.script).is_file(), f"{table.id}.{row.id}: {row.measured_by.script}"


def test_downtime_table_covers_at_least_two_sizes_and_is_shown() -> None:
    table = cached_data().tables["cutover-downtime"]
    sizes = [row.values["db_mb"] for row in table.rows]
    assert len(sizes) >= 2 and sizes == sorted(sizes) and len(set(sizes)) == len(sizes)
    assert all(row.measured_by and row.values["downtime_s"] > 0 for row in table.rows)
    assert '{{ table("cutover-downtime") }}' in (DOCS / "migrating.md").read_text(encoding="utf-8")
