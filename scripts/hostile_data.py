"""Hostile data files, and what loading each one costs: `python -m scripts.hostile_data`.

Each case writes one bad file into an otherwise empty data/ folder and runs `python -m handbook` on
it in a child process whose address space is capped (RLIMIT_AS), so a case that blows up fails with
MemoryError instead of taking the machine, and a hang is killed by a timeout. The promise measured
here: every case is refused with one line naming the file, within BUDGET_SECONDS and BUDGET_MB.
`make bench` prints the table; tests/test_data_limits.py asserts the one-line refusals.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handbook.__main__ import main as handbook_main
from handbook.paths import REPO

BUDGET_SECONDS = 5.0
BUDGET_MB = 300
HANG_GUARD_SECONDS = 60  # kills a hang; not a speed limit (BUDGET_SECONDS is, in `make bench`)

FACT = "  f{i}:\n    value: {i}\n    sources: [https://example.com/a]\n    verified: 2026-01-02\n"
HEAD = "id: {id}\ntitle: Hostile\nfacts:\n"


def _facts(path: Path, body: str = FACT.format(i=0)) -> None:
    path.write_text(HEAD.format(id=path.stem) + body, encoding="utf-8")


def _deep(levels: int) -> Callable[[Path], None]:
    return lambda path: path.write_text(
        HEAD.format(id=path.stem).replace("facts:\n", "facts: ") + "[" * levels + "]" * levels
    )


def _alias_bomb(path: Path) -> None:
    lines = [HEAD.format(id=path.stem) + FACT.format(i=0), "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _oversize(path: Path) -> None:  # a valid file of 50 MB: 560,000 facts
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD.format(id=path.stem))
        for i in range(560_000):
            out.write(FACT.format(i=i))


def _replace(old: str, new: str) -> Callable[[Path], None]:
    return lambda path: path.write_text((HEAD.format(id=path.stem) + FACT.format(i=0)).replace(old, new, 1))


def _duplicate_id(path: Path) -> None:
    _facts(path)
    _facts(path.with_suffix(".yml"))


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    write: Callable[[Path], None]  # writes data/facts/hostile.yaml (or what stands in its place)
    expect: str  # the one line printed must contain this


CASES = [
    Case(
        "not-utf8",
        "bytes \\xff\\xfe in a value",
        lambda p: p.write_bytes(b"id: hostile\ntitle: \xff\xfe\n"),
        "is not UTF-8",
    ),
    Case(
        "utf16",
        "the file saved as UTF-16",
        lambda p: p.write_bytes((HEAD + FACT).format(id="hostile", i=0).encode("utf-16")),
        "is UTF-16",
    ),
    Case("directory", "a directory named hostile.yaml", lambda p: p.mkdir(), "is a directory"),
    Case("dangling", "a symlink to nothing", lambda p: p.symlink_to(p.parent / "gone.yaml"), "which does not exist"),
    Case("outside", "a symlink to /etc/passwd", lambda p: p.symlink_to("/etc/passwd"), "outside data/"),
    Case("fifo", "a FIFO named hostile.yaml", lambda p: os.mkfifo(p), "is not a regular file"),
    Case("oversize", "a valid 50 MB file", _oversize, "the limit is"),
    Case("nested-5000", "facts nested 5,000 levels", _deep(5_000), "nested more than"),
    Case("nested-100000", "facts nested 100,000 levels", _deep(100_000), "nested more than"),
    Case("alias-bomb", "9 levels of 9 aliases (a billion laughs)", _alias_bomb, "aliases expand to more than"),
    Case("base60", "value: 1:30 (90 in YAML 1.1)", _replace("value: 0", "value: 1:30"), "in YAML 1.2; quote it"),
    Case("octal", "value: 030 (24 in YAML 1.1)", _replace("value: 0", "value: 030"), "in YAML 1.2; quote it"),
    Case("boolean", "value: NO (false in YAML 1.1)", _replace("value: 0", "value: NO"), "in YAML 1.2; quote it"),
    Case(
        "epoch",
        "verified: 0 (1970-01-01 to pydantic)",
        _replace("verified: 2026-01-02", "verified: 0"),
        "must be an ISO date",
    ),
    Case("duplicate-id", "hostile.yml beside hostile.yaml", _duplicate_id, "is already defined by"),
]


@dataclass(frozen=True)
class Outcome:
    returncode: int | None  # None: killed by the hang guard
    lines: list[str]
    seconds: float
    max_rss_mb: float


def _cap_memory() -> None:
    limit = BUDGET_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_case(case: Case, workdir: Path) -> Outcome:
    """Write the case into workdir/data and load it in a capped child process."""
    facts = workdir / "data" / "facts"
    facts.mkdir(parents=True)
    case.write(facts / "hostile.yaml")
    command = [sys.executable, "-m", "scripts.hostile_data", "--load", str(workdir / "data")]
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_cap_memory
    )
    try:
        output, errors = child.communicate(timeout=HANG_GUARD_SECONDS)
        code: int | None = child.returncode
    except subprocess.TimeoutExpired:
        child.kill()
        output, errors = child.communicate()
        code = None
    seconds = time.perf_counter() - started
    peak = re.search(r"^peak-rss-kb=(\d+)$", errors, re.MULTILINE)
    lines = output.strip().splitlines() + [line for line in errors.splitlines() if not line.startswith("peak-rss-kb=")]
    return Outcome(code, lines, seconds, int(peak[1]) / 1024 if peak else float("nan"))


def _load(data_dir: str) -> int:
    """The child: `python -m handbook DATA_DIR`, then its own peak memory on stderr."""
    try:
        return handbook_main([data_dir])
    finally:
        print(f"peak-rss-kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)


def report() -> list[str]:
    """Print each case's time, peak memory and refusal; return the cases that missed the promise."""
    failures = []
    print(f"hostile data files (budget {BUDGET_SECONDS:.0f} s and {BUDGET_MB} MB each):")
    for case in CASES:
        with tempfile.TemporaryDirectory(prefix="hb-hostile-") as tmp:
            outcome = run_case(case, Path(tmp))
        refused = outcome.returncode == 1 and len(outcome.lines) == 1 and case.expect in outcome.lines[0]
        ok = refused and outcome.seconds <= BUDGET_SECONDS
        verdict = "refused" if ok else "NOT REFUSED IN BUDGET"
        print(
            f"  {case.name:<14} {outcome.seconds:5.2f} s {outcome.max_rss_mb:5.0f} MB  {verdict}: {outcome.lines[:1]}"
        )
        if not ok:
            failures.append(f"hostile data case {case.name}")
    return failures


def main() -> int:
    failures = report()
    if failures:
        print("not refused in budget: " + ", ".join(failures), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(_load(sys.argv[2]) if sys.argv[1:2] == ["--load"] else main())
