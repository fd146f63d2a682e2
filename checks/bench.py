"""`python -m checks.bench`: time `python -m checks` as a user runs it, and measure it on the real-file corpus.

Two runs, each a cold process (imports, AWS CLI command table, ESLint and Node start-up included):

- `snippets/`, the handbook's own examples: best of --runs wall seconds, budget 10 s;
- `tests/corpus/` in directory mode: wall seconds and the peak memory of the whole process tree (the
  checker and every tool it starts, sampled), budget 20 s and 300 MB; then the findings are matched
  against the review in tests/corpus/EXPECTED.yaml to print the false-alarm rate.

The best run is reported because the machine's other load only ever adds time. --enforce turns a
blown budget (or an unreviewed or crashed corpus run) into exit status 1.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psutil
import yaml

from handbook.paths import REPO

from .walk import collect

SNIPPETS_BUDGET_SECONDS = 10.0
CORPUS_BUDGET_SECONDS = 20.0
CORPUS_BUDGET_MB = 300.0
CORPUS = REPO / "tests" / "corpus"
EXPECTED = CORPUS / "EXPECTED.yaml"
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<severity>error|warning|note) (?P<code>\S+) (?P<message>.*)$")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float  # the largest sum of RSS over the checker and its descendants at one sample
    returncode: int
    stdout: str
    stderr: str

    @property
    def crashed(self) -> bool:
        return self.returncode not in (0, 1) or "Traceback" in self.stderr


def _tree_rss(root: psutil.Process) -> int:
    total = 0
    try:
        family = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for proc in family:
        try:
            total += proc.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def run_checker(*args: str, cwd: Path = REPO) -> Run:
    """One cold `python -m checks ARGS`, its output, wall and CPU seconds and the process tree's peak RSS."""
    before = resource_children()
    start = time.perf_counter()
    proc = psutil.Popen(
        [sys.executable, "-m", "checks", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource_children()
    return Run(wall, after - before, peak / 2**20, proc.returncode, stdout, stderr)


def resource_children() -> float:
    """CPU seconds used so far by finished child processes (the checker and, through it, its tools)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def findings_of(stdout: str) -> list[tuple[str, int, str, str, str]]:
    """(path, line, severity, code, message) of each output line that is a finding."""
    found = []
    for line in stdout.splitlines():
        match = FINDING.match(line)
        if match:
            found.append((match["path"], int(match["line"]), match["severity"], match["code"], match["message"]))
    return found


def corpus_key(path: str, line: int, code: str) -> tuple[str, int, str]:
    """A finding as the review names it: its path inside tests/corpus, line and code."""
    absolute = (REPO / path).resolve()
    rel = absolute.relative_to(CORPUS.resolve()).as_posix() if absolute.is_relative_to(CORPUS.resolve()) else path
    return rel, line, code


def reviewed() -> list[dict]:
    """The reviewed findings: each with `at` (PATH:LINE), `code`, `verdict` and `reason`."""
    if not EXPECTED.is_file():
        return []
    return yaml.safe_load(EXPECTED.read_text(encoding="utf-8")).get("findings") or []


def review_counts(found: list[tuple[str, int, str, str, str]]) -> tuple[Counter, Counter, Counter]:
    """(findings that match a review entry by verdict, findings nobody reviewed, reviewed entries not found)."""
    wanted: Counter = Counter()
    verdicts: dict[tuple[str, int, str], str] = {}
    for entry in reviewed():
        path, _, line = str(entry["at"]).rpartition(":")
        key = (path, int(line), str(entry["code"]))
        wanted[key] += 1
        verdicts[key] = str(entry["verdict"])
    got = Counter(corpus_key(path, line, code) for path, line, _, code, _ in found)
    by_verdict: Counter = Counter()
    for key, count in (got & wanted).items():
        by_verdict[verdicts[key]] += count
    return by_verdict, got - wanted, wanted - got


def bench_snippets(runs: int) -> tuple[str, bool]:
    timings = [run_checker("snippets") for _ in range(max(1, runs))]
    best = min(timings, key=lambda r: r.wall)
    files = len(collect([str(REPO / "snippets")]).files)
    line = (
        f"snippets: {files} files in {best.wall:.2f} s wall, {best.cpu:.2f} s CPU (best of {len(timings)}: "
        f"{', '.join(f'{r.wall:.2f}' for r in timings)}; "
        f"budget {SNIPPETS_BUDGET_SECONDS:g} s on {os.cpu_count()} cores)"
    )
    return line, best.wall <= SNIPPETS_BUDGET_SECONDS and not best.crashed


def bench_corpus(runs: int) -> tuple[list[str], bool]:
    timings = [run_checker(str(CORPUS.relative_to(REPO))) for _ in range(max(1, runs))]
    best = min(timings, key=lambda r: r.wall)
    peak = max(r.peak_mb for r in timings)
    files = len(collect([str(CORPUS)]).files)
    found = findings_of(best.stdout)
    severities = Counter(f[2] for f in found)
    lines = [
        f"corpus:   {files} files in {best.wall:.2f} s wall, {best.cpu:.2f} s CPU, peak {peak:.0f} MB for the "
        f"process tree (best of {len(timings)}; budget {CORPUS_BUDGET_SECONDS:g} s and {CORPUS_BUDGET_MB:g} MB)",
        f"          {len(found)} findings ({severities['error']} errors, {severities['warning']} warnings, "
        f"{severities['note']} notes), "
        f"{len(best.stdout.splitlines())} output lines"
        + ("; THE RUN CRASHED: " + best.stderr.strip().splitlines()[-1] if best.crashed else ""),
    ]
    ok = best.wall <= CORPUS_BUDGET_SECONDS and peak <= CORPUS_BUDGET_MB and not best.crashed
    by_verdict, unreviewed, gone = review_counts(found)
    total = sum(by_verdict.values())
    if total:
        false = by_verdict["false-alarm"]
        lines.append(
            f"          false alarms (reviewed in {EXPECTED.relative_to(REPO)}): {false} of {total} "
            f"= {100 * false / total:.1f}%"
        )
    if unreviewed or gone:
        lines.append(
            f"          {sum(unreviewed.values())} findings not reviewed yet, {sum(gone.values())} reviewed "
            "findings no longer reported (python -m pytest tests/checks/test_corpus.py shows them)"
        )
        ok = False
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each; the best is reported (default 3)")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a budget is blown")
    args = parser.parse_args(argv)
    line, snippets_ok = bench_snippets(args.runs)
    print(line)
    ok = snippets_ok
    if CORPUS.is_dir():
        corpus_lines, corpus_ok = bench_corpus(args.runs)
        print("\n".join(corpus_lines))
        ok = ok and corpus_ok
    return 1 if args.enforce and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
