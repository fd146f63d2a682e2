"""The onboarding wiki's reader features in Chromium, hosted and from file://: checklists that remember
their ticks, edit and view-source links, instant navigation (hosted only), search suggestions, shared
and highlighted searches, section index pages, code annotations, abbreviation tooltips, back-to-top."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from playwright.sync_api import Browser, Page

from scripts.site import nav_pages
from tests.outputs.browsing import Target, instant_navigation_ready, opened
from tests.support import REPO, need

pytestmark = pytest.mark.xdist_group("browser")
REPO_URL = "https://github.com/example/deploy-handbook"


@pytest.fixture(scope="session", params=["hosted", "offline"])
def target(request: pytest.FixtureRequest) -> Target:
    return request.getfixturevalue(request.param)


def url_of(target: Target, src: str) -> str:
    (page,) = [p for p in nav_pages(offline=target.name == "offline") if p.src == src]
    return target.base_url + page.url


def features(page: Page) -> list[str]:
    return json.loads(page.locator("#__config").text_content() or "{}")["features"]


def test_a_ticked_step_is_still_ticked_after_a_reload(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "start/app-developer.md")) as (page, errors):
            boxes = page.locator(".hb-checklist input[type=checkbox]")
            assert boxes.count() >= 5
            assert page.locator(".hb-checklist__progress").inner_text().startswith("0 of ")
            boxes.nth(1).check(force=True)  # the box itself is drawn by CSS over the hidden input
            assert boxes.nth(1).is_checked() and page.locator(".hb-checklist__progress").inner_text().startswith(
                "1 of "
            )
            page.reload()
            assert boxes.nth(1).is_checked() and not boxes.nth(0).is_checked(), "the tick was not remembered"
            assert boxes.nth(1).get_attribute("aria-label") == "Declare the processes."
            boxes.nth(1).uncheck(force=True)
            page.reload()
            assert not boxes.nth(1).is_checked(), "the untick was not remembered"
            assert not errors, errors
        with opened(context, url_of(target, "start/on-call.md")) as (page, _):
            assert not page.locator(".hb-checklist input:checked").count(), "paths share no ticks"
    finally:
        context.close()


def test_every_page_links_to_edit_and_view_its_source(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        for src in ["index.md", "start/app-developer.md", "ecs.md"]:
            with opened(context, url_of(target, src)) as (page, _):
                edit = page.locator("a.md-content__button[rel=edit]").get_attribute("href")
                view = page.locator("a.md-content__button:not([rel])").get_attribute("href")
                assert edit == f"{REPO_URL}/edit/main/docs/{src}"
                assert view == f"{REPO_URL}/raw/main/docs/{src}"
    finally:
        context.close()


@pytest.mark.parametrize("where", ["at_site_url", "offline"])
def test_instant_navigation_online_and_switched_off_offline(browser: Browser, where: str, request) -> None:
    target = request.getfixturevalue(where)
    context = browser.new_context()
    try:
        with opened(context, target.home) as (page, errors):
            assert ("navigation.instant" in features(page)) == (target.name == "hosted")
            if target.name == "hosted":
                instant_navigation_ready(page)
            page.evaluate("window.__stayed = true")
            page.locator(".md-nav__link", has_text="Amazon ECS").first.click()
            page.wait_for_function("location.pathname.includes('ecs')")
            page.wait_for_selector("h1#amazon-ecs")
            stayed = page.evaluate("window.__stayed === true")
            assert stayed == (target.name == "hosted"), "instant navigation should swap pages without a reload"
            assert not errors, errors
    finally:
        context.close()


def test_search_suggests_shares_and_highlights(browser: Browser, target: Target) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        with opened(context, target.home) as (page, errors):
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially("contain")
            page.wait_for_selector(".md-search-result__item")
            assert page.locator(".md-search__suggest").inner_text().lower().startswith("contain")
            page.locator("[data-md-component=search-share]").click()
            assert page.evaluate("navigator.clipboard.readText()").endswith("?q=contain")
            assert not errors, errors
        with opened(context, url_of(target, "ecs.md") + "?h=fargate") as (page, errors):
            marks = page.locator("article mark")
            marks.first.wait_for(timeout=15_000)  # Material highlights once its search worker has the index
            assert marks.count() > 3 and marks.first.inner_text().lower() == "fargate"
    finally:
        context.close()


def test_section_index_pages(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, target.home) as (page, _):
            page.locator(".md-nav__link", has_text="Start here").first.click()
            page.wait_for_selector("h1#start-here")
            page.locator(".md-nav__link", has_text="Reference").first.click()
            page.wait_for_selector("h1#reference")
    finally:
        context.close()


def test_code_annotations_open_on_click(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "start/exercises.md")) as (page, errors):
            annotations = page.locator(".md-annotation")
            annotations.nth(5).wait_for(timeout=15_000)  # Material mounts code annotations after load
            assert annotations.count() == 6
            annotations.first.locator(".md-annotation__index").click(force=True)
            assert "initdb" in annotations.first.locator(".md-tooltip__inner").inner_text()
            assert not errors, errors
    finally:
        context.close()


def test_abbreviations_show_a_tooltip(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "ecs.md")) as (page, errors):
            abbr = page.locator("article abbr", has_text="ECS").first
            abbr.scroll_into_view_if_needed()
            abbr.hover()
            tooltip = page.locator(".md-tooltip2", has_text="Elastic Container Service")
            tooltip.wait_for(state="visible")
            assert not errors, errors
    finally:
        context.close()


def test_back_to_top(browser: Browser, target: Target) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        with opened(context, url_of(target, "ecs.md")) as (page, _):
            page.mouse.wheel(0, 4000)
            page.wait_for_timeout(300)
            page.mouse.wheel(0, -400)  # Material shows the button when the reader scrolls back up
            top = page.locator(".md-top")
            top.wait_for(state="visible")
            top.click()
            page.wait_for_function("window.scrollY === 0")
    finally:
        context.close()


def test_tags_index_lists_pages_by_platform_and_role(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "tags.md")) as (page, _):
            for tag in ["heroku", "aws", "ecs", "eks", "application-developer", "on-call-and-operations"]:
                assert page.locator(f'[id="tag:{tag}"]').count() == 1, tag
            ecs = page.locator('[id="tag:ecs"] + ul a', has_text="Amazon ECS")
            assert ecs.count() == 1
    finally:
        context.close()


def test_the_page_scripts_pass_the_checker() -> None:
    """ESLint (browser globals) and Node's parser, as for every JavaScript snippet."""
    need((REPO / "node_modules" / ".bin" / "eslint").exists(), "ESLint missing: npm ci at the repository root")
    scripts = sorted(str(p) for p in (REPO / "docs" / "assets" / "javascripts").glob("*.js"))
    assert len(scripts) >= 3
    result = subprocess.run(
        [sys.executable, "-m", "checks", "--strict", *scripts], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
