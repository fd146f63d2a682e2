"""The next freshness state (data/freshness.json) from this run's outcomes and page checks."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from handbook.freshness import FreshnessState, ItemDates, SourceCheck

from .fetchers import Outcome
from .pages import PageCheck

# How a fetcher's item outcomes add up to one status for the source they were read from: worst first.
_WORST_FIRST = ("unreachable", "format-changed", "value-changed", "unconfirmed", "unchanged")
_AS_SOURCE_STATUS = {"unconfirmed": "unchanged"}


def fetched_sources(outcomes: list[Outcome], today: dt.date) -> dict[str, SourceCheck]:
    by_url: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        hint = outcome.item.sourced.refresh
        assert hint is not None
        by_url[hint.cited_url].append(outcome)
    checks = {}
    for url, group in by_url.items():
        worst = min(group, key=lambda o: _WORST_FIRST.index(o.status))
        status = _AS_SOURCE_STATUS.get(worst.status, worst.status)
        method = worst.item.sourced.refresh.fetcher  # type: ignore[union-attr]
        checks[url] = SourceCheck(checked=today, status=status, method=method, detail=worst.detail or None)
    return checks


def page_sources(pages: list[PageCheck], today: dt.date) -> dict[str, SourceCheck]:
    return {
        page.url: SourceCheck(
            checked=today, status=page.status, method="text-hash", text_sha256=page.sha256, detail=page.detail
        )
        for page in pages
    }


def next_state(
    previous: FreshnessState,
    today: dt.date,
    checks: dict[str, SourceCheck],
    moved: list[Outcome],
    item_keys: set[str],
) -> FreshnessState:
    """checks: every source checked this run; moved: the outcomes whose `verified` date was moved."""
    items = {key: dates for key, dates in previous.items.items() if key in item_keys}
    for outcome in moved:
        item = outcome.item
        person = previous.person_verified(item.key, item.verified)
        items[item.key] = ItemDates(person_verified=person, machine_verified=today)
    return FreshnessState(last_run=today, sources=dict(sorted(checks.items())), items=dict(sorted(items.items())))
