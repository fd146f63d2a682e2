"""The Sources page: every URL in data/, what it backs, and how old its verification is."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from handbook.loader import Handbook

from .values import html, inert, link


@dataclass(frozen=True)
class Backing:
    what: str  # e.g. "Fargate task CPU and memory combinations: cpu-256"
    verified: dt.date


def backings(handbook: Handbook) -> dict[str, list[Backing]]:
    """Source URL -> every table row and fact that cites it."""
    out: dict[str, list[Backing]] = defaultdict(list)
    for table in handbook.tables.values():
        for row in table.rows:
            for url in row.sources:
                out[str(url)].append(Backing(f"{table.title}: {row.label or row.id}", row.verified))
    for factset in handbook.factsets.values():
        for key, fact in factset.facts.items():
            for url in fact.sources:
                out[str(url)].append(Backing(f"{factset.title}: {fact.label or key}", fact.verified))
    return dict(sorted(out.items()))


def render_sources(handbook: Handbook, *, today: dt.date, max_age_days: int) -> Markup:
    rows = []
    stale_count = 0
    for url, items in backings(handbook).items():
        oldest = min(b.verified for b in items)
        stale = (today - oldest).days > max_age_days
        stale_count += stale
        flag = html(' <strong class="hb-stale">re-check: older than {} days</strong>', max_age_days)
        what = Markup("<br>").join(inert(w) for w in sorted({b.what for b in items}))
        rows.append(
            html(
                '<tr{}><td>{}</td><td>{}</td><td><time datetime="{}">{}</time>{}</td></tr>',
                Markup(' class="hb-stale-row"') if stale else "",
                link(url, url),
                what,
                oldest.isoformat(),
                oldest.isoformat(),
                flag if stale else "",
            )
        )
    summary = html(
        '<p class="hb-sources-summary">{} sources; {} verified more than {} days before this build ({}).</p>',
        len(rows),
        stale_count,
        max_age_days,
        today.isoformat(),
    )
    return html(
        '{}\n<div class="hb-table" id="table-sources"><table><thead><tr><th>Source</th><th>Backs</th>'
        "<th>Verified</th></tr></thead><tbody>{}</tbody></table></div>",
        summary,
        Markup("").join(rows),
    )
