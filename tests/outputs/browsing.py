"""Walking a built handbook in Chromium: pages, their errors, links, anchors and axe-core results.

Used against the hosted build (http://127.0.0.1) and the offline bundle (file://) alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from playwright.sync_api import Browser, BrowserContext, Page

from tests.support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# Material's code annotation markers link to "#__code_0_annotation_1"; its script opens the note on
# click and no element carries that id. Not a reader's link, so not checked as one.
ANNOTATION_MARKER = re.compile(r"^__code_\d+_annotation_\d+$")
BLOCKING = {"serious", "critical"}


@dataclass(frozen=True)
class Target:
    """A built site and the URL its root is reached at (ends with '/')."""

    name: str
    root: Path
    base_url: str
    home: str  # the URL of the home page: file:// shows a directory listing for a bare folder

    def file_for(self, url: str) -> Path | None:
        """The file a same-site URL loads, or None for a URL outside this site."""
        if not url.startswith(self.base_url):
            return None
        rel = unquote(urlsplit(url).path)[len(urlsplit(self.base_url).path) :]
        path = self.root / rel
        return path / "index.html" if rel == "" or rel.endswith("/") or path.is_dir() else path


@dataclass
class Visit:
    url: str
    errors: list[str]
    links: list[str]
    ids: set[str]
    images: list[tuple[str, bool]]  # (src, rendered) for every image in the article
    violations: list[str] = field(default_factory=list)


@contextmanager
def opened(context: BrowserContext, url: str) -> Iterator[tuple[Page, list[str]]]:
    """A page loaded at `url`, with every console error and uncaught exception it produces."""
    page = context.new_page()
    page.set_default_timeout(10_000)  # a missing element fails in seconds, not Playwright's 30 s
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"exception: {exc}"))
    try:
        page.goto(url, wait_until="load")
        yield page, errors
    finally:
        page.close()


def instant_navigation_ready(page: Page) -> None:
    """Wait until Material's instant navigation can take a click: it intercepts links only once it has
    read the site's sitemap.xml (which tells it which URLs are the site's own); a click before that is
    an ordinary page load."""
    page.wait_for_function(
        "performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('sitemap.xml'))",
        timeout=15_000,
    )
    page.wait_for_timeout(300)  # the fetched sitemap is parsed in the same turn of the event loop or the next


def visit(context: BrowserContext, url: str, *, axe: bool) -> Visit:
    with opened(context, url) as (page, errors):
        links = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        ids = set(page.eval_on_selector_all("[id], a[name]", "els => els.map(e => e.id || e.getAttribute('name'))"))
        images = page.eval_on_selector_all(
            "article img", "els => els.map(i => [i.src, i.complete && i.naturalWidth > 0])"
        )
        result = Visit(url, errors, links, ids, [(src, ok) for src, ok in images])
        if axe:
            page.add_script_tag(path=str(AXE))
            found = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".map(v => ({id: v.id, impact: v.impact, help: v.help, where: v.nodes.map(n => n.target.join(' '))}))"
            )
            result.violations = [
                f"{v['impact']} {v['id']} ({v['help']}) at {', '.join(v['where'][:3])}"
                for v in found
                if v["impact"] in BLOCKING
            ]
        return result


def crawl(
    browser: Browser, target: Target, *, axe: bool = False, requests: list[str] | None = None
) -> tuple[dict[Path, Visit], list[str]]:
    """Visit every HTML page reachable from the root; return the visits and every broken link or anchor.
    Every URL the pages request is appended to `requests` when given."""
    context = browser.new_context()
    if requests is not None:
        context.on("request", lambda req: requests.append(req.url))
    visits: dict[Path, Visit] = {}
    queue = [target.home]
    targets: dict[str, Path] = {}  # every same-site link (with its #anchor), to check once all pages are known
    try:
        while queue:
            url = queue.pop(0)
            path = target.file_for(url)
            if path is None or path in visits:
                continue
            visits[path] = visit(context, url, axe=axe)
            for link in visits[path].links:
                linked = target.file_for(link)
                if linked is None:
                    continue
                targets[f"{visits[path].url} -> {link}"] = linked
                if linked.suffix == ".html" and linked not in visits:
                    queue.append(urldefrag(link).url)
    finally:
        context.close()
    broken: list[str] = []
    for where, path in targets.items():
        anchor = unquote(urldefrag(where.split(" -> ", 1)[1]).fragment)
        if not path.is_file():
            broken.append(f"{where}: no file {path.relative_to(target.root)}")
        elif anchor and path in visits and anchor not in visits[path].ids and not ANNOTATION_MARKER.match(anchor):
            broken.append(f"{where}: no element with id {anchor!r}")
    return visits, broken


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search box and return the titles of the results."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # Material searches on key events; fill() alone sends none
    box.press("End")  # Chinese characters are typed without key events (as an input method commits them)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()


def search_hits(page: Page, query: str) -> list[list[str]]:
    """Search, then the result links as shown, grouped by page: [[page URL, section URL, …], …]."""
    search(page, query)
    return page.locator("li.md-search-result__item").evaluate_all(
        "items => items.map(li => [...li.querySelectorAll('a[href]')].map(a => a.href.replace(/[?]h=[^#]*/, '')))"
    )
