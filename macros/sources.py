"""The Sources page: every URL in data/, what it backs, and how fresh it is.

Per source: the date a person last verified what it backs, the last automatic re-check by `make refresh`
and its outcome (from data/freshness.json, through handbook.freshness). Every text from data/ is
inserted inert (macros/values.py); the page's own words are in its language (handbook/words.py).
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from handbook.citations import backings
from handbook.freshness import FreshnessState
from handbook.loader import Handbook
from handbook.words import date_text, say

from .values import html, inert, link, time_element


def _status(state: FreshnessState, url: str, language: str) -> tuple[Markup, Markup]:
    """(re-checked cell, status cell) for one source."""
    check = state.sources.get(url)
    if check is None:
        return inert(say("never", language)), html(
            '<span class="hb-status">{}</span>', say("not_checked_yet", language)
        )
    label = say(f"status_{check.status}", language)
    title = html(' title="{} ({})"', check.detail, check.method) if check.detail else Markup("")
    status = html('<span class="hb-status hb-status-{}"{}>{}</span>', check.status, title, label)
    return time_element(check.checked, language), status


def render_sources(
    handbook: Handbook,
    state: FreshnessState | None = None,
    *,
    today: dt.date,
    max_age_days: int,
    language: str = "en",
) -> Markup:
    state = state or FreshnessState()
    rows = []
    stale_count = 0
    # The handbook's own words are trusted text (handbook/words.py); only values from data/ are made inert.
    flag = html(' <strong class="hb-stale">{}</strong>', Markup(say("recheck_flag", language, days=max_age_days)))
    for url, items in backings(handbook, language).items():
        # Stale counts from the latest verification, a person's or a fetcher's: both read the source.
        stale = (today - min(i.verified for i in items)).days > max_age_days
        stale_count += stale
        by_person = min(state.person_verified(i.key, i.verified) for i in items)
        what = Markup("<br>").join(inert(w) for w in sorted({i.what for i in items}))
        rechecked, status = _status(state, url, language)
        rows.append(
            html(
                "<tr{}><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td></tr>",
                Markup(' class="hb-stale-row"') if stale else Markup(""),
                link(url, url),
                what,
                time_element(by_person, language),
                flag if stale else Markup(""),
                rechecked,
                status,
            )
        )
    last_run = date_text(state.last_run, language) if state.last_run else say("never", language)
    summary = Markup(
        say(
            "sources_summary",
            language,
            count=len(rows),
            stale=stale_count,
            days=max_age_days,
            today=date_text(today, language),
            last_run=last_run,
        )
    )
    head = Markup("").join(
        html("<th>{}</th>", say(key, language))
        for key in ("col_source", "col_backs", "col_verified_by_person", "col_rechecked", "col_status")
    )
    return html(
        '<p class="hb-sources-summary">{}</p>\n<div class="hb-table" id="table-sources"><table><thead><tr>{}</tr>'
        "</thead><tbody>{}</tbody></table></div>",
        summary,
        head,
        Markup("").join(rows),
    )
