"""Sources without a fetcher: fetch the page, hash its main text, compare with the last check.

A different hash marks the page "text changed" (a person must re-read it for the items it backs);
4xx/5xx, timeouts and redirects to another site mark it "unreachable". The previous hash is kept
when a page cannot be read, so one bad week does not lose the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.freshness import SourceCheck

from .client import FetchError, HttpClient, host_of
from .text import digest, text_of


@dataclass(frozen=True)
class PageCheck:
    url: str
    status: str  # a handbook.freshness Status
    sha256: str | None
    detail: str | None = None


def check_page(client: HttpClient, url: str, previous: SourceCheck | None) -> PageCheck:
    before = previous.text_sha256 if previous is not None else None
    try:
        response = client.get(url)
    except FetchError as exc:
        return PageCheck(url, "unreachable", before, exc.reason)
    sha = digest(text_of(response.text, response.content_type))
    if before is None:
        return PageCheck(url, "first-check", sha, "hashed for the first time")
    if sha != before:
        since = f" since {previous.checked.isoformat()}" if previous is not None else ""
        return PageCheck(url, "text-changed", sha, f"main text changed{since}")
    return PageCheck(url, "unchanged", sha)


def interleaved(urls: list[str]) -> list[str]:
    """URLs ordered host by host in turn, so the per-host interval passes while other hosts answer."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host_of(url), []).append(url)
    queues = list(by_host.values())
    return [queue[i] for i in range(max(map(len, queues), default=0)) for queue in queues if i < len(queue)]


def check_pages(client: HttpClient, urls: list[str], previous: dict[str, SourceCheck]) -> list[PageCheck]:
    return [check_page(client, url, previous.get(url)) for url in interleaved(urls)]
