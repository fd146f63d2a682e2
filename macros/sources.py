"""The Sources page: every URL in data/, what it backs, and how fresh it is.

Per source: the date a person last verified what it backs, the last automatic re-check by `make refresh`
and its outcome (from data/freshness.json, through handbook.freshness). Every text from data/ is
inserted inert (macros/values.py).
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from handbook.citations import backings
from handbook.freshness import STATUS_LABELS, FreshnessState
from handbook.loader import Handbook

from .values import html, inert, link


def _time(day: dt.date) -> Markup:
    return html('<time datetime="{}">{}</time>', day.isoformat(), day.isoformat())


def _status(state: FreshnessState, url: str) -> tuple[Markup, Markup]:
    """(re-checked cell, status cell) for one source."""
    check = state.sources.get(url)
    if check is None:
        return Markup("never"), Markup('<span class="hb-status">not checked yet</span>')
    label = STATUS_LABELS[check.status]
    title = html(' title="{} ({})"', check.detail, check.method) if check.detail else Markup("")
    status = html('<span class="hb-status hb-status-{}"{}>{}</span>', check.status, title, label)
    return _time(check.checked), status


def render_sources(
    handbook: Handbook, state: FreshnessState | None = None, *, today: dt.date, max_age_days: int
) -> Markup:
    state = state or FreshnessState()
    rows = []
    stale_count = 0
    for url, items in backings(handbook).items():
        # Stale counts from the latest verification, a person's or a fetcher's: both read the source.
        stale = (today - min(i.verified for i in items)).days > max_age_days
        stale_count += stale
        by_person = min(state.person_verified(i.key, i.verified) for i in items)
        flag = html(' <strong class="hb-stale">re-check: older than {} days</strong>', max_age_days)
        what = Markup("<br>").join(inert(w) for w in sorted({i.what for i in items}))
        rechecked, status = _status(state, url)
        rows.append(
            html(
                "<tr{}><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td></tr>",
                Markup(' class="hb-stale-row"') if stale else Markup(""),
                link(url, url),
                what,
                _time(by_person),
                flag if stale else Markup(""),
                rechecked,
                status,
            )
        )
    last_run = state.last_run.isoformat() if state.last_run else "never"
    summary = html(
        '<p class="hb-sources-summary">{} sources; {} verified more than {} days before this build ({}). '
        "Last automatic re-check of every source: {}.</p>",
        len(rows),
        stale_count,
        max_age_days,
        today.isoformat(),
        last_run,
    )
    return html(
        '{}\n<div class="hb-table" id="table-sources"><table><thead><tr><th>Source</th><th>Backs</th>'
        "<th>Verified by a person</th><th>Re-checked automatically</th><th>Status</th></tr></thead>"
        "<tbody>{}</tbody></table></div>",
        summary,
        Markup("").join(rows),
    )
