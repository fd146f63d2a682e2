"""What is past its review age: pages by their `reviewed:` date, data rows and facts by `verified:`.

The one computation behind the generated "Needs review" page (macros/reviews.py) and
`make check-fresh` (scripts/check_fresh.py). The age limit and the owners of data come from handbook.yml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .citations import items as citations
from .loader import Handbook
from .pages import PageInfo
from .schema import HandbookPolicy


@dataclass(frozen=True)
class Reviewable:
    kind: Literal["page", "data"]
    what: str  # a page's title, or "Table title: row label"
    where: str  # "docs/ecs.md:3" or "data/tables/fargate-task-sizes.yaml rows[cpu-256]"
    src: str | None  # a page's path under docs/, for a link; None for data
    date: dt.date  # reviewed (pages) or verified (data)
    owners: tuple[str, ...]

    def age(self, today: dt.date) -> int:
        return (today - self.date).days


def reviewables(
    pages: list[PageInfo], handbook: Handbook, policy: HandbookPolicy, language: str = "en"
) -> list[Reviewable]:
    """Everything that carries a review date, oldest first; data rows named in `language`."""
    items = [
        Reviewable("page", p.title, f"{p.shown}:{p.reviewed_line}", p.src, p.meta.reviewed, tuple(p.meta.owners))
        for p in pages
    ]
    owners = tuple(policy.owners)  # data files name sources, not owners
    for item in citations(handbook, language):
        kind, _, name = item.key.split("/", 2)
        where = f"data/{item.file} " + (f"rows[{name}]" if kind == "tables" else f"facts.{name}")
        items.append(Reviewable("data", item.what, where, None, item.verified, owners))
    return sorted(items, key=lambda item: (item.date, item.where))


def past_review_age(items: list[Reviewable], policy: HandbookPolicy, today: dt.date) -> list[Reviewable]:
    return [item for item in items if item.age(today) > policy.review_age_days]
