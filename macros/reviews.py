"""The "Needs review" page: pages and data rows past the review age, then everything in review order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from handbook.reviews import Reviewable, past_review_age
from handbook.schema import HandbookPolicy


def _what(item: Reviewable, url_of: Callable[[str], str]) -> Markup:
    if item.src is None:
        return Markup("{}<br><code>{}</code>").format(item.what, item.where)
    return Markup('<a href="{}">{}</a><br><code>{}</code>').format(url_of(item.src), item.what, item.where)


def _row(item: Reviewable, due: bool, today: dt.date, url_of: Callable[[str], str]) -> Markup:
    flag = Markup(' <strong class="hb-stale">needs review</strong>') if due else ""
    return Markup(
        '<tr{}><td>{}</td><td>{}</td><td><time datetime="{}">{}</time>{}</td><td>{}</td><td>{}</td></tr>'
    ).format(
        Markup(' class="hb-stale-row"') if due else "",
        _what(item, url_of),
        item.kind,
        item.date.isoformat(),
        item.date.isoformat(),
        flag,
        item.age(today),
        ", ".join(item.owners),
    )


def render_needs_review(
    items: list[Reviewable], policy: HandbookPolicy, *, today: dt.date, url_of: Callable[[str], str]
) -> Markup:
    """A summary line and one table, oldest first; rows past the review age are flagged."""
    due = set(map(id, past_review_age(items, policy, today)))
    summary = Markup(
        '<p class="hb-review-summary">{} of {} pages and data rows are past the review age of {} days ({}).</p>'
    ).format(len(due), len(items), policy.review_age_days, today.isoformat())
    rows = Markup("").join(_row(item, id(item) in due, today, url_of) for item in items)
    return Markup(
        '{}\n<div class="hb-table" id="table-needs-review"><table><thead><tr><th>What</th><th>Kind</th>'
        "<th>Reviewed or verified</th><th>Age (days)</th><th>Owners</th></tr></thead><tbody>{}</tbody></table></div>"
    ).format(summary, rows)
