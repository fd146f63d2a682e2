"""The Chinese edition in Chromium, hosted and from file://: Chinese search finds the right sections
(each edition searching only its own pages), the language switcher lands on the same page in the other
language (also after instant navigation), and the page's own words are Chinese."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from scripts.site import nav_pages
from tests.outputs.browsing import Target, instant_navigation_ready, opened, search_hits

pytestmark = pytest.mark.xdist_group("browser")

# Query -> (Chinese page, section anchor) it must find: deploying, task definitions, health checks and
# database migrations are the first things a Chinese engineer looks up.
QUERIES = {
    "部署": ("ecs.zh.md", "cli-walkthrough"),
    "任务定义": ("ecs.zh.md", "task-definition"),
    "健康检查": ("containerizing.zh.md", "health-endpoint"),
    "数据库迁移": ("migrating.zh.md", "release"),
}
TOP_GROUPS = 3  # the section's page is among the first pages the results list


@pytest.fixture(scope="session", params=["hosted", "offline"])
def target(request: pytest.FixtureRequest) -> Target:
    return request.getfixturevalue(request.param)


def url_of(target: Target, src: str, language: str = "zh") -> str:
    (page,) = [p for p in nav_pages(offline=target.name == "offline", language=language) if p.src == src]
    return target.base_url + page.url


@pytest.mark.parametrize("query", QUERIES)
def test_chinese_search_finds_the_section(browser: Browser, target: Target, query: str) -> None:
    src, anchor = QUERIES[query]
    expected = f"{url_of(target, src)}#{anchor}"
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "index.zh.md")) as (page, errors):
            groups = search_hits(page, query)
            found = [i for i, links in enumerate(groups) if expected in links]
            assert found and found[0] < TOP_GROUPS, f"{query}: {expected} not in the first results: {groups[:5]}"
            zh_root = target.base_url + "zh/"
            assert all(link.startswith(zh_root) for links in groups for link in links), "English pages in zh results"
            assert not errors, errors
    finally:
        context.close()


def test_english_search_stays_in_the_english_edition(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, target.home) as (page, errors):
            groups = search_hits(page, "Heroku")
            assert groups and not any("/zh/" in link for links in groups for link in links)
            assert not errors, errors
    finally:
        context.close()


def switch_language(page: Page, language: str) -> None:
    """Open the header's language list (it opens on hover) and choose a language."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang={language}]").click()
    page.wait_for_load_state("load")


def test_the_switcher_lands_on_the_same_page_and_section(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "ecs.md", "en") + "#task-definition") as (page, errors):
            switch_language(page, "zh")
            page.wait_for_selector("h1#amazon-ecs")
            assert page.url.startswith(url_of(target, "ecs.zh.md")), page.url
            assert page.evaluate("document.documentElement.lang") == "zh"
            assert page.locator("h2#task-definition").inner_text().startswith("Task definition（任务定义）")
            switch_language(page, "en")
            assert page.url.startswith(url_of(target, "ecs.md", "en")) and "/zh/" not in page.url
            assert not errors, errors
    finally:
        context.close()


def test_the_switcher_follows_instant_navigation(browser: Browser, at_site_url: Target) -> None:
    """Instant navigation swaps the page without the header; the switcher must follow (language.js)."""
    context = browser.new_context()
    try:
        with opened(context, at_site_url.home) as (page, errors):
            instant_navigation_ready(page)
            page.evaluate("window.__stayed = true")
            page.locator(".md-nav__link", has_text="Amazon ECS").first.click()
            page.wait_for_selector("h1#amazon-ecs")
            assert page.evaluate("window.__stayed === true"), "expected an instant navigation"
            href = page.locator(".md-select__link[hreflang=zh]").get_attribute("href")
            assert href is not None and href.endswith("/zh/ecs/"), href
            switch_language(page, "zh")
            assert page.url == at_site_url.base_url + "zh/ecs/"
            assert not errors, errors
    finally:
        context.close()


def test_the_page_words_are_chinese(browser: Browser, target: Target) -> None:
    context = browser.new_context()
    try:
        with opened(context, url_of(target, "start/app-developer.zh.md")) as (page, errors):
            progress = page.locator(".hb-checklist__progress").inner_text()
            assert re.fullmatch(r"已完成 0/\d+ 步", progress), progress
            assert "审阅" in page.locator(".hb-reviewed").inner_text()
        with opened(context, url_of(target, "ecs.zh.md")) as (page, errors):
            abbr = page.locator("article abbr", has_text="ECS").first
            assert "在 AWS 上运行容器" in (abbr.get_attribute("title") or "")
            assert "检查工具：" in page.locator(".hb-snippet-meta").first.inner_text()
            assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索"
            assert not errors, errors
    finally:
        context.close()
