"""`make check-fresh`: list the pages and data rows past handbook.yml's review age; exit 1 if any.

Run weekly by .github/workflows/review-age.yml. One line per item, oldest first:
`docs/ecs.md:3: reviewed 2026-01-05, 329 days ago (review age 180): Amazon ECS; owners: Platform team`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from handbook.fork import load_fork_settings
from handbook.loader import DataError, load_data
from handbook.pages import load_pages
from handbook.paths import REPO
from handbook.reviews import past_review_age, reviewables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO, help="the handbook's root (default: this repository)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        policy = load_fork_settings(args.project / "handbook.yml").extra.handbook
        items = reviewables(load_pages(args.project / "docs"), load_data(args.project / "data"), policy)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    due = past_review_age(items, policy, args.today)
    for item in due:
        verb = "reviewed" if item.kind == "page" else "verified"
        print(
            f"{item.where}: {verb} {item.date.isoformat()}, {item.age(args.today)} days ago "
            f"(review age {policy.review_age_days}): {item.what}; owners: {', '.join(item.owners)}"
        )
    print(f"{len(due)} of {len(items)} pages and data rows past the review age of {policy.review_age_days} days")
    return 1 if due else 0


if __name__ == "__main__":
    sys.exit(main())
