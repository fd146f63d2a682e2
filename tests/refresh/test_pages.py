"""Sources without a fetcher: main text hashed, boilerplate ignored, changes and failures flagged."""

from __future__ import annotations

import datetime as dt

from pytest_httpserver import HTTPServer

from handbook.freshness import SourceCheck
from refresh.client import HttpClient
from refresh.pages import check_page, interleaved
from refresh.text import digest, main_text, text_of
from tests.refresh.conftest import RECORDED

PAGE = (RECORDED / "pages" / "request-timeout.html").read_text(encoding="utf-8")


def baseline(httpserver: HTTPServer) -> SourceCheck:
    httpserver.expect_oneshot_request("/article").respond_with_data(PAGE, content_type="text/html")
    first = check_page(HttpClient(interval_s=0), httpserver.url_for("/article"), None)
    assert first.status == "first-check" and first.sha256 == digest(main_text(PAGE))
    return SourceCheck(
        checked=dt.date(2026, 11, 23), status="first-check", method="text-hash", text_sha256=first.sha256
    )


def recheck(httpserver: HTTPServer, html: str, previous: SourceCheck) -> tuple[str, str | None]:
    httpserver.expect_oneshot_request("/article").respond_with_data(html, content_type="text/html")
    result = check_page(HttpClient(interval_s=0), httpserver.url_for("/article"), previous)
    return result.status, result.detail


def test_the_main_text_leaves_out_navigation_scripts_and_footer() -> None:
    text = main_text(PAGE)
    assert "initial 30 second window" in text and "rolling 55 second window" in text
    for boilerplate in ("Languages", "Cookie preferences", "window.analytics", "float: left"):
        assert boilerplate not in text


def test_a_new_menu_entry_does_not_flag_the_source(httpserver: HTTPServer) -> None:
    previous = baseline(httpserver)
    html = PAGE.replace('<li><a href="/categories/add-ons">Add-ons</a></li>', '<li><a href="/ai">AI</a></li>')
    assert recheck(httpserver, html.replace("© 2026", "© 2027"), previous) == ("unchanged", None)


def test_an_edited_paragraph_flags_it(httpserver: HTTPServer) -> None:
    previous = baseline(httpserver)
    html = PAGE.replace("initial 30 second window", "initial 60 second window")
    assert recheck(httpserver, html, previous) == ("text-changed", "main text changed since 2026-11-23")


def test_errors_keep_the_previous_hash(httpserver: HTTPServer) -> None:
    previous = baseline(httpserver)
    httpserver.expect_oneshot_request("/article").respond_with_data("", status=410)
    gone = check_page(HttpClient(interval_s=0), httpserver.url_for("/article"), previous)
    assert (gone.status, gone.detail, gone.sha256) == ("unreachable", "HTTP 410", previous.text_sha256)


def test_a_page_moved_to_another_site_is_unreachable(httpserver: HTTPServer) -> None:
    headers = {"Location": "https://www.example.com/articles/request-timeout"}
    httpserver.expect_request("/article").respond_with_data("", status=301, headers=headers)
    moved = check_page(HttpClient(interval_s=0), httpserver.url_for("/article"), None)
    assert moved.status == "unreachable"
    assert moved.detail == "redirects to another site: https://www.example.com/articles/request-timeout"


def test_json_is_hashed_in_canonical_form() -> None:
    assert text_of('{"b": 1, "a": [1, 2]}', "application/json") == text_of('{"a":[1,2],\n "b":1}', "application/json")


def test_hosts_take_turns_so_the_per_host_interval_overlaps() -> None:
    urls = ["https://a.test/1", "https://a.test/2", "https://a.test/3", "https://b.test/1", "https://c.test/1"]
    assert interleaved(urls) == [
        "https://a.test/1",
        "https://b.test/1",
        "https://c.test/1",
        "https://a.test/2",
        "https://a.test/3",
    ]
