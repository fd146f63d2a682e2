"""The "Needs review" page: pages and data rows past the review age, then everything in review order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from handbook.reviews import Reviewable, past_review_age
from handbook.schema import HandbookPolicy
from handbook.words import date_text, say

from .values import time_element


def _what(item: Reviewable, url_of: Callable[[str], str]) -> Markup:
    if item.src is None:
        return Markup("{}<br><code>{}</code>").format(item.what, item.where)
    return Markup('<a href="{}">{}</a><br><code>{}</code>').format(url_of(item.src), item.what, item.where)


def _row(item: Reviewable, due: bool, today: dt.date, url_of: Callable[[str], str], language: str) -> Markup:
    flag = Markup(' <strong class="hb-stale">{}</strong>').format(say("needs_review", language)) if due else ""
    return Markup("<tr{}><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td></tr>").format(
        Markup(' class="hb-stale-row"') if due else "",
        _what(item, url_of),
        say(f"kind_{item.kind}", language),
        time_element(item.date, language),
        flag,
        item.age(today),
        ", ".join(item.owners),
    )


def render_needs_review(
    items: list[Reviewable],
    policy: HandbookPolicy,
    *,
    today: dt.date,
    url_of: Callable[[str], str],
    language: str = "en",
) -> Markup:
    """A summary line and one table, oldest first; rows past the review age are flagged."""
    due = set(map(id, past_review_age(items, policy, today)))
    summary = say(
        "review_summary",
        language,
        due=len(due),
        total=len(items),
        days=policy.review_age_days,
        today=date_text(today, language),
    )
    rows = Markup("").join(_row(item, id(item) in due, today, url_of, language) for item in items)
    head = Markup("").join(
        Markup("<th>{}</th>").format(say(key, language))
        for key in ("col_what", "col_kind", "col_reviewed", "col_age", "col_owners")
    )
    return Markup(
        '<p class="hb-review-summary">{}</p>\n<div class="hb-table" id="table-needs-review"><table><thead><tr>{}'
        "</tr></thead><tbody>{}</tbody></table></div>"
    ).format(summary, head, rows)
