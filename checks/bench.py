"""`python -m checks.bench`: time `python -m checks` over the whole repository, as a user would run it.

Cold process each time (imports, AWS CLI command table, ESLint and Node start-up included); the
best of --runs is reported because the machine's other load only ever adds time. The budget is
10 s after install; --enforce turns exceeding it into exit status 1.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time

from handbook.paths import REPO

from .walk import collect

BUDGET_SECONDS = 10.0


def time_run() -> tuple[float, float]:
    """(wall seconds, CPU seconds of the run and the tools it started): CPU time does not grow with load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checks", str(REPO)], cwd=REPO, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best is reported (default 3)")
    parser.add_argument("--enforce", action="store_true", help=f"exit 1 if the best run exceeds {BUDGET_SECONDS:g} s")
    args = parser.parse_args(argv)
    files, _ = collect([str(REPO)])
    runs = [time_run() for _ in range(max(1, args.runs))]
    best, cpu = min(runs)
    print(
        f"checks: {len(files)} files in {best:.2f} s wall, {cpu:.2f} s CPU (best of {len(runs)}: "
        f"{', '.join(f'{wall:.2f}' for wall, _ in runs)}; budget {BUDGET_SECONDS:g} s on {os.cpu_count()} cores)"
    )
    return 1 if args.enforce and best > BUDGET_SECONDS else 0


if __name__ == "__main__":
    sys.exit(main())
