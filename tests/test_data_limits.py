"""Hostile data files are refused with one line naming the file, in a child process capped at
scripts.hostile_data.BUDGET_MB of address space (a blow-up fails there as MemoryError).

The time budget is measured by `make bench` (scripts/hostile_data.py), not asserted here: the child's
timeout is only a guard against a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.hostile_data import CASES, Case, run_case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_data_file_is_refused_in_one_line(case: Case, tmp_path: Path) -> None:
    outcome = run_case(case, tmp_path)
    assert outcome.returncode is not None, f"{case.what}: still running after the hang guard"
    assert outcome.returncode == 1 and len(outcome.lines) == 1, f"{case.what}:\n" + "\n".join(outcome.lines[-20:])
    [line] = outcome.lines
    assert line.startswith("data/facts/hostile.y"), line
    assert case.expect in line, line
    assert "Traceback" not in line
