"""The run's report, as JSON (for tools and the workflow) and Markdown (for the pull request or issue)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from handbook.citations import Item

from .run import Result

PR_BODY_LIMIT = 60_000  # GitHub refuses pull request and issue bodies over 65,536 characters


def _backs(items: list[Item]) -> list[dict[str, str]]:
    return [{"item": i.key, "what": i.what, "file": f"data/{i.file}"} for i in items]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def coverage(result: Result) -> dict[str, Any]:
    """What share of the handbook's values (table rows and facts) a fetcher re-derives."""
    by_fetcher = Counter(i.sourced.refresh.fetcher for i in result.items if i.sourced.refresh is not None)
    derived = sum(by_fetcher.values())
    fetched = sorted({i.sourced.refresh.cited_url for i in result.items if i.sourced.refresh is not None})
    hashed = {p.url for p in result.pages}
    return {
        "values": len(result.items),
        "re_derived": derived,
        "share": round(derived / len(result.items), 3) if result.items else 0.0,
        "by_fetcher": dict(sorted(by_fetcher.items())),
        "sources_with_fetcher": fetched,
        "sources_text_hash_only": len(hashed - set(fetched)),
    }


def build(result: Result) -> dict[str, Any]:
    changed, confirmed, unconfirmed, format_changed, fetch_failed = [], [], [], [], []
    for o in result.outcomes:
        source = o.item.sourced.refresh.cited_url  # type: ignore[union-attr]
        entry = {"item": o.item.key, "what": o.item.what, "file": f"data/{o.item.file}", "source": source}
        if o.status == "value-changed":
            for column, (was, now) in o.changes.items():
                changed.append({**entry, "column": column, "was": _plain(was), "now": _plain(now), "detail": o.detail})
        elif o.status == "unchanged":
            confirmed.append(entry)
        elif o.status == "unconfirmed":
            unconfirmed.append({**entry, "detail": o.detail})
        elif o.status == "format-changed":
            format_changed.append({**entry, "detail": o.detail})
        else:
            fetch_failed.append({**entry, "detail": o.detail})
    text_changed = [
        {"source": p.url, "detail": p.detail, "backs": _backs(result.backings[p.url])}
        for p in result.pages
        if p.status == "text-changed"
    ]
    unreachable = [
        {"source": p.url, "reason": p.detail, "backs": _backs(result.backings[p.url])}
        for p in result.pages
        if p.status == "unreachable"
    ]
    links = result.links
    broken = [{"url": b.url, "reason": b.reason, "pages": list(b.pages)} for b in (links.broken if links else [])]
    statuses = Counter(check.status for check in result.checks.values())
    review = {
        "text_changed": text_changed,
        "format_changed": format_changed,
        "unreachable_sources": unreachable,
        "unreachable_values": fetch_failed,
        "broken_links": broken,
        "edit_errors": result.edit_errors,
    }
    return {
        "date": result.today.isoformat(),
        "duration_s": round(result.duration_s, 1),
        "requests": result.requests,
        "network": "down" if result.network_down else "up",
        "wrote_data": result.wrote,
        "sources": len(result.backings),
        "source_status": dict(sorted(statuses.items())),
        "hosts_unreachable": dict(sorted(result.hosts_down.items())),
        "values_changed": changed,
        "values_confirmed": confirmed,
        "values_unconfirmed": unconfirmed,
        "first_checks": sorted(p.url for p in result.pages if p.status == "first-check"),
        "review": review,
        "reviews_needed": sum(len(v) for v in review.values()),
        "link_check": {
            "checked": links.checked if links else 0,
            "error": links.error if links else "not run (no --site)",
        },
        "files_changed": [f"data/{c.file}" for c in result.changes],
        "coverage": coverage(result),
    }


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _cell(value: Any) -> str:
    return str("—" if value is None else value).replace("|", "\\|").replace("\n", " ")


def _backs_lines(backs: list[dict[str, str]]) -> list[str]:
    return [f"  - {b['what']} (`{b['item']}`, {b['file']})" for b in backs]


def to_markdown(report: dict[str, Any]) -> str:
    out = [f"# Freshness report, {report['date']}", ""]
    cov = report["coverage"]
    out.append(
        f"{report['sources']} sources re-checked in {report['duration_s']} s ({report['requests']} requests): "
        f"{len(cov['sources_with_fetcher'])} by a fetcher that re-derives values, "
        f"{cov['sources_text_hash_only']} by the hash of their main text; "
        f"{report['link_check']['checked']} other links checked with lychee. "
        f"{cov['re_derived']} of {cov['values']} values ({cov['share']:.0%}) are re-derived automatically."
    )
    out.append("")
    if report["network"] == "down":
        out += [
            "**Most hosts could not be reached: this machine's network is down or filtered.** Nothing was "
            "recorded: data/ and data/freshness.json are as they were.",
            "",
        ]
    status = ", ".join(f"{count} {name}" for name, count in report["source_status"].items())
    out += [f"Sources by status: {status or 'none checked'}.", ""]
    if report["hosts_unreachable"]:
        out += ["## Unreachable hosts", ""]
        out += [f"- `{host}`: {reason}" for host, reason in report["hosts_unreachable"].items()] + [""]
    if report["values_changed"]:
        out += [
            "## Values changed (in this diff)",
            "",
            "| Item | Field | Was | Now | Source |",
            "|---|---|---|---|---|",
        ]
        for c in report["values_changed"]:
            item = f"{_cell(c['what'])} (`{c['item']}`)"
            out.append(f"| {item} | {c['column']} | {_cell(c['was'])} | {_cell(c['now'])} | {c['source']} |")
        out.append("")
    review = report["review"]
    if report["reviews_needed"]:
        out += ["## Needs a person", ""]
    for entry in review["text_changed"]:
        out.append(f"- [ ] **source changed — review** {entry['source']}: {entry['detail']}. It backs:")
        out += _backs_lines(entry["backs"])
    if report["network"] == "down":  # one line per host above says it all
        out.append(f"- {len(review['unreachable_sources'])} sources could not be read (see the hosts above)")
    for entry in [] if report["network"] == "down" else review["unreachable_sources"]:
        out.append(f"- [ ] **source unreachable** {entry['source']}: {entry['reason']}. It backs:")
        out += _backs_lines(entry["backs"])
    for entry in review["format_changed"] + review["unreachable_values"]:
        out.append(f"- [ ] **fetcher could not re-derive** `{entry['item']}` from {entry['source']}: {entry['detail']}")
    for entry in review["broken_links"]:
        out.append(f"- [ ] **broken link** {entry['url']} ({entry['reason']}) on {', '.join(entry['pages'])}")
    out += [f"- [ ] **diff not written** {error}" for error in review["edit_errors"]]
    if report["reviews_needed"]:
        out.append("")
    if report["values_unconfirmed"]:
        out += ["## Read but not confirmed", ""]
        out += [f"- `{e['item']}`: {e['detail']}" for e in report["values_unconfirmed"]] + [""]
    if report["values_confirmed"]:
        out += ["<details><summary>Values confirmed unchanged (their verified date moves)</summary>", ""]
        out += [f"- `{e['item']}` from {e['source']}" for e in report["values_confirmed"]] + ["", "</details>", ""]
    if report["first_checks"]:
        out += [f"{len(report['first_checks'])} pages were hashed for the first time (compared from next run on).", ""]
    if report["link_check"]["error"]:
        out += [f"Link check: {report['link_check']['error']}", ""]
    by_fetcher = ", ".join(f"{name} {n}" for name, n in cov["by_fetcher"].items())
    out += ["## Coverage", "", f"Values re-derived by a fetcher: {by_fetcher or 'none'}.", ""]
    return "\n".join(out)


def pr_body(markdown: str) -> str:
    if len(markdown) <= PR_BODY_LIMIT:
        return markdown
    cut = markdown[:PR_BODY_LIMIT].rsplit("\n", 1)[0]
    return cut + "\n\n… cut to fit; the whole report is the workflow run's `refresh-report` artifact.\n"
