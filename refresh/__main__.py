"""python -m refresh: re-check every source in data/, write the report and the proposed data diff.

Exit status: 0 when the run finished (reviews may still be needed: see the report), 1 when data/ or
the state file is invalid or the diff could not be written, 2 when most hosts could not be reached
(no network): then nothing is recorded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from handbook.loader import DataError
from handbook.paths import DATA_DIR, DIST, FRESHNESS_STATE, REPO

from . import report
from .client import HttpClient
from .run import Options, run


def _endpoint(text: str) -> tuple[str, str]:
    name, sep, url = text.partition("=")
    if not sep or not url.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"expected NAME=URL, got {text!r}")
    return name, url


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m refresh", description=__doc__.splitlines()[0])
    p.add_argument("--site", type=Path, help="the built site (make site) whose external links lychee checks")
    p.add_argument("--out", type=Path, default=DIST / "refresh", help="where the report goes (%(default)s)")
    p.add_argument("--work", type=Path, default=REPO / ".cache" / "refresh", help="HTTP cache and downloads")
    p.add_argument("--data", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    p.add_argument("--state", type=Path, default=FRESHNESS_STATE, help=argparse.SUPPRESS)
    p.add_argument("--budget", type=float, default=1200, help="seconds the whole run may take (%(default)s)")
    p.add_argument("--timeout", type=float, default=30, help="seconds per request (%(default)s)")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between requests to one host")
    p.add_argument("--no-write", action="store_true", help="report only: leave data/ and the state file as they are")
    p.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help=argparse.SUPPRESS)
    p.add_argument("--endpoint", type=_endpoint, action="append", default=[], help=argparse.SUPPRESS)
    p.add_argument("--include-private-links", action="store_true", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    client = HttpClient(cache_dir=args.work, budget_s=args.budget, timeout_s=args.timeout, interval_s=args.interval)
    options = Options(
        data_dir=args.data,
        state_file=args.state,
        out_dir=args.out,
        work_dir=args.work,
        site_dir=args.site,
        today=args.today,
        write=not args.no_write,
        endpoints=dict(args.endpoint),
        exclude_private_links=not args.include_private_links,
    )
    try:
        result = run(options, client)
    except DataError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    built = report.build(result)
    markdown = report.to_markdown(built)
    (args.out / "report.json").write_text(report.to_json(built), encoding="utf-8")
    (args.out / "report.md").write_text(markdown, encoding="utf-8")
    (args.out / "pr-body.md").write_text(report.pr_body(markdown), encoding="utf-8")
    (args.out / "data.diff").write_text("".join(c.unified() for c in result.changes), encoding="utf-8")
    for host, reason in built["hosts_unreachable"].items():
        print(f"refresh: {host}: unreachable ({reason})", file=sys.stderr)
    for error in result.edit_errors:
        print(f"refresh: {error}", file=sys.stderr)
    where = f"report in {args.out}/report.md ({result.duration_s:.1f} s)"
    if result.network_down:
        print(f"refresh: most hosts are unreachable (no network?): nothing was recorded; {where}", file=sys.stderr)
        return 2
    changed, reviews = len(built["values_changed"]), built["reviews_needed"]
    print(f"refresh: {built['sources']} sources, {changed} value(s) changed, {reviews} review(s) needed; {where}")
    return 1 if result.edit_errors else 0


if __name__ == "__main__":
    sys.exit(main())
