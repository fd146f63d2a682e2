"""The handbook in a real browser: the hosted build on a loopback port and the offline bundle from
file://. Search, tabs, copy, palette, links and anchors, console errors, images, accessibility."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from handbook.editions import LANGUAGES
from scripts.site import nav_pages
from tests.outputs.browsing import Target, Visit, crawl, opened, search
from tests.support import DOCS

pytestmark = pytest.mark.xdist_group("browser")

Crawl = tuple[dict[Path, Visit], list[str]]
PROMPT = re.compile(r"^\s*\$ ", re.MULTILINE)


@pytest.fixture(scope="session", params=["hosted", "offline"])
def target(request: pytest.FixtureRequest) -> Target:
    return request.getfixturevalue(request.param)


crawled_requests: dict[str, list[str]] = {}


@pytest.fixture(scope="session")
def crawled(browser: Browser, target: Target) -> Crawl:
    crawled_requests[target.name] = []
    return crawl(browser, target, requests=crawled_requests[target.name])


def test_search_returns_hits(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda req: requests.append(req.url))
    try:
        with opened(context, target.home) as (page, errors):
            titles = search(page, "Heroku")
            assert titles, "no search results for 'Heroku'"
            assert not errors, errors
    finally:
        context.close()
    if target.name == "offline":
        leaving = [url for url in requests if not url.startswith(("file://", "data:", "about:"))]
        assert not leaving, f"the offline bundle requested {leaving}"


def test_crawl_reaches_every_nav_page_of_both_editions_and_every_link_resolves(crawled: Crawl, target: Target) -> None:
    visits, broken = crawled
    offline = target.name == "offline"
    pages = [p for language in LANGUAGES for p in nav_pages(offline=offline, language=language)]
    expected = {p.src: target.file_for(target.base_url + p.url) for p in pages}
    missing = [src for src, path in expected.items() if path not in visits]
    assert not missing, f"nav pages the crawl never reached: {missing}"
    assert not broken, "broken links or anchors:\n" + "\n".join(broken)


def test_no_console_errors_on_any_page(crawled: Crawl) -> None:
    visits, _ = crawled
    errors = [f"{v.url}: {e}" for v in visits.values() for e in v.errors]
    assert not errors, "\n".join(errors)


# Its own group ("axe_browser" with the module mark), so axe-core, the slowest check, runs on
# another xdist worker than the other browser tests.
@pytest.mark.xdist_group("axe")
def test_no_serious_or_critical_accessibility_violations(browser: Browser, hosted: Target) -> None:
    """axe-core in every page of the hosted build (the offline pages are the same HTML)."""
    visits, _ = crawl(browser, hosted, axe=True)
    found = [f"{v.url}: {violation}" for v in visits.values() for violation in v.violations]
    assert not found, "axe-core:\n" + "\n".join(found)


def test_every_image_renders_and_offline_requests_stay_in_file(crawled: Crawl, target: Target) -> None:
    visits, _ = crawled
    if target.name == "offline":
        leaving = [url for url in crawled_requests[target.name] if not url.startswith(("file://", "data:", "about:"))]
        assert not leaving, f"requests leaving file://: {leaving}"
    broken = [f"{v.url}: {src}" for v in visits.values() for src, ok in v.images if not ok]
    assert not broken, f"images that do not render: {broken}"
    if list((DOCS / "diagrams").glob("*.svg")):
        assert any("/diagrams/" in src for v in visits.values() for src, _ in v.images), (
            "docs/diagrams has SVG diagrams but no page shows one"
        )


def test_content_tabs_switch(browser: Browser, hosted: Target) -> None:
    context = browser.new_context()
    try:
        for page_info in nav_pages():
            with opened(context, hosted.base_url + page_info.url) as (page, _):
                sets = page.locator(".tabbed-set:has(> .tabbed-labels > label:nth-child(2))")
                if sets.count() == 0:
                    continue
                tabs = sets.first
                blocks = tabs.locator(":scope > .tabbed-content > .tabbed-block")
                assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible()
                tabs.locator(":scope > .tabbed-labels > label").nth(1).click()
                switched = blocks.nth(1).is_visible() and not blocks.nth(0).is_visible()
                assert switched, f"{page_info.url}: the second tab did not show"
                return
    finally:
        context.close()
    pytest.fail("no page has content tabs with two or more tabs")


COPY_ALL = """async () => {
  const copies = [];
  for (const button of document.querySelectorAll("button.md-code__button[data-md-type='copy']")) {
    const code = document.querySelector(button.dataset.clipboardTarget);
    const shown = code.cloneNode(true);
    // prompts and output, and mounted code annotations (their text lives in the code as tooltips)
    shown.querySelectorAll(".gp, .go, .md-annotation").forEach((el) => el.remove());
    await navigator.clipboard.writeText("");
    button.click();
    // The copy is asynchronous: wait for it (up to 2 s on a busy machine) instead of reading at once.
    let copied = "";
    for (let tries = 0; tries < 40 && !copied; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      copied = await navigator.clipboard.readText();
    }
    copies.push({expected: shown.textContent.trimEnd(), copied});
  }
  return copies;
}"""


def test_copy_button_copies_code_without_prompts(browser: Browser, hosted: Target) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    copied = 0
    try:
        for page_info in nav_pages():
            html = hosted.file_for(hosted.base_url + page_info.url)
            if html is None or "<pre" not in html.read_text(encoding="utf-8"):
                continue  # no code block on this page
            with opened(context, hosted.base_url + page_info.url) as (page, errors):
                if copied == 0 and page.locator("button.md-code__button[data-md-type='copy']").count():
                    # One real mouse click, to prove the button is clickable; the rest are clicked in-page.
                    page.locator("button.md-code__button[data-md-type='copy']").first.click(force=True)
                    assert page.evaluate("navigator.clipboard.readText()").strip(), "a real click copied nothing"
                for i, copy in enumerate(page.evaluate(COPY_ALL)):
                    text = copy["copied"]
                    assert text.strip() == copy["expected"].strip(), f"{page_info.url}: copy #{i} differs from the code"
                    assert not PROMPT.search(text), f"{page_info.url}: copy #{i} includes a '$ ' prompt"
                    copied += 1
                assert not errors, errors
    finally:
        context.close()
    assert copied, "no code block with a copy button on any page"


def test_palette_toggle_switches_scheme(browser: Browser, target: Target) -> None:
    context = browser.new_context(color_scheme="light")
    try:
        with opened(context, target.home) as (page, errors):
            scheme = "document.body.getAttribute('data-md-color-scheme')"
            assert page.evaluate(scheme) == "default"
            page.locator("form[data-md-component='palette'] label:visible").click()
            assert page.evaluate(scheme) == "slate"
            page.locator("form[data-md-component='palette'] label:visible").click()
            assert page.evaluate(scheme) == "default"
            assert not errors, errors
    finally:
        context.close()


def test_offline_zip_unpacks_to_one_folder_with_the_inlined_search_index(offline: Target) -> None:
    archive = offline.root.parent / "deploy-handbook-offline.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert all(name.startswith("deploy-handbook/") for name in names)
        assert {
            "deploy-handbook/index.html",
            "deploy-handbook/search/search_index.js",
            "deploy-handbook/zh/index.html",
            "deploy-handbook/zh/search/search_index.js",
            "deploy-handbook/assets/vendor/iframe-worker/shim.js",
        } <= set(names)
        for edition in ("", "zh/"):
            index = zf.read(f"deploy-handbook/{edition}search/search_index.js")
            assert index.startswith(b"var __index = "), edition
            assert json.loads(index.removeprefix(b"var __index = "))["config"]["lang"] == [edition.rstrip("/") or "en"]
    assert len(names) == sum(1 for p in offline.root.rglob("*") if p.is_file())
