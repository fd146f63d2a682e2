"""One refresh run: fetchers, page hashes, the link check, the data diff and the next state."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from handbook.citations import Item, backings, items
from handbook.freshness import SourceCheck, dump_state, load_state
from handbook.loader import load_data

from .client import HttpClient
from .diff import Edit, EditError, FileChange, apply
from .fetchers import FETCHERS, Context, Outcome
from .links import LinkReport, check_links
from .pages import PageCheck, check_pages
from .state import fetched_sources, next_state, page_sources


@dataclass
class Options:
    data_dir: Path
    state_file: Path
    out_dir: Path
    work_dir: Path  # HTTP cache and downloads; kept between runs when it can be
    site_dir: Path | None = None  # the built site, for the link check; None skips it
    today: dt.date = field(default_factory=dt.date.today)
    write: bool = True  # edit data/ and the state file; False only writes the report
    endpoints: dict[str, str] = field(default_factory=dict)
    exclude_private_links: bool = True


@dataclass
class Result:
    today: dt.date
    items: list[Item]
    backings: dict[str, list[Item]]
    outcomes: list[Outcome]
    pages: list[PageCheck]
    links: LinkReport | None
    checks: dict[str, SourceCheck]
    changes: list[FileChange]
    edit_errors: list[str]
    hosts_down: dict[str, str]
    network_down: bool
    wrote: bool
    duration_s: float
    requests: int


def offline(client: HttpClient) -> bool:
    """Most hosts could not even be connected to: this machine has no (or a filtered) network, which
    says nothing about the sources, so nothing is recorded. One dead host among many is a finding."""
    return len(client.hosts_down) > len(client.hosts_up)


def _edits(moved: list[Outcome], today: dt.date) -> list[Edit]:
    return [
        Edit(o.item, {key: new for key, (_, new) in o.changes.items()}, today if o.item.verified != today else None)
        for o in moved
    ]


def run(options: Options, client: HttpClient) -> Result:
    handbook = load_data(options.data_dir)
    previous = load_state(options.state_file)
    every_item = items(handbook)
    cited = backings(handbook)
    ctx = Context(client, options.work_dir, options.endpoints)

    hinted: dict[str, list[Item]] = defaultdict(list)
    for item in every_item:
        if item.sourced.refresh is not None:
            hinted[item.sourced.refresh.fetcher].append(item)
    outcomes = [outcome for name, group in sorted(hinted.items()) for outcome in FETCHERS[name](group, ctx)]
    hints = [item.sourced.refresh for group in hinted.values() for item in group]
    fetched = {hint.cited_url for hint in hints if hint is not None and hint.reads_cited_url}
    pages = check_pages(client, [url for url in cited if url not in fetched], previous.sources)
    links = None
    if options.site_dir is not None:
        links = check_links(
            options.site_dir, options.out_dir, skip=list(cited), exclude_private=options.exclude_private_links
        )

    # A page both hashed and backing a fetcher's values (the API reference of the botocore model) is
    # reported by its hash; the fetcher's findings are in the report and the data diff.
    checks = {**fetched_sources(outcomes, options.today), **page_sources(pages, options.today)}
    hosts_down = dict(client.hosts_down)
    for host, reason in (links.hosts_down if links else {}).items():
        hosts_down.setdefault(host, reason)
    network_down = offline(client)
    changes: list[FileChange] = []
    edit_errors: list[str] = []
    moved = [] if network_down else [o for o in outcomes if o.moves_verified]
    wrote = options.write and not network_down
    try:
        changes = apply(options.data_dir, _edits(moved, options.today), write=wrote)
    except EditError as exc:
        edit_errors.append(str(exc))
        moved = []
    if wrote:
        state = next_state(previous, options.today, checks, moved, {i.key for i in every_item})
        options.state_file.write_text(dump_state(state), encoding="utf-8")
    return Result(
        today=options.today,
        items=every_item,
        backings=cited,
        outcomes=outcomes,
        pages=pages,
        links=links,
        checks=checks,
        changes=changes,
        edit_errors=edit_errors,
        hosts_down=hosts_down,
        network_down=network_down,
        wrote=wrote,
        duration_s=client.elapsed(),
        requests=client.requests_sent,
    )
