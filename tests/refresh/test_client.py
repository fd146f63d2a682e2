"""The refresher's HTTP client against a real local server: retries, Retry-After, timeouts, redirects,
per-host spacing, the budget, hosts that cannot be reached, and the revalidating cache."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from refresh.client import FetchError, HostDown, HttpClient, retry_after
from tests.refresh.conftest import FakeClock


def test_429_is_retried_after_the_time_retry_after_asks_for(
    httpserver: HTTPServer, client: HttpClient, clock: FakeClock
) -> None:
    httpserver.expect_ordered_request("/limited").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/limited").respond_with_data("ok")
    assert client.get(httpserver.url_for("/limited")).text == "ok"
    assert 7 in clock.sleeps
    assert client.requests_sent == 2


def test_retry_after_as_an_http_date() -> None:
    assert retry_after("Wed, 21 Oct 2026 07:28:00 GMT", now=1_792_567_660.0) == pytest.approx(20.0)
    assert retry_after("soon", now=0) is None and retry_after(None, now=0) is None


def test_a_retry_after_longer_than_the_run_allows_is_one_line(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/limited").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError) as caught:
        client.get(httpserver.url_for("/limited"))
    assert "asks to wait 3600 s, more than the run can afford" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_5xx_is_retried_with_backoff_then_reported(
    httpserver: HTTPServer, client: HttpClient, clock: FakeClock
) -> None:
    httpserver.expect_request("/down").respond_with_data("", status=503)
    with pytest.raises(FetchError, match="HTTP 503"):
        client.get(httpserver.url_for("/down"))
    assert client.requests_sent == 3  # the first try and two retries
    assert [s for s in clock.sleeps if s >= 1] == [1.0, 2.0]


def test_404_is_not_retried(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        client.get(httpserver.url_for("/gone"))
    with pytest.raises(FetchError, match="HTTP 404"):
        client.get(httpserver.url_for("/gone"))  # remembered for the rest of the run
    assert client.requests_sent == 1


def test_a_slow_answer_times_out(httpserver: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(1.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    client = HttpClient(timeout_s=0.5, interval_s=0)
    with pytest.raises(FetchError, match=r"no response within 0\.5 s") as caught:
        client.get(httpserver.url_for("/slow"))
    assert caught.value.kind == "timeout"


def test_an_unresolvable_host_fails_once_then_at_once(client: HttpClient) -> None:
    with pytest.raises(HostDown) as first:
        client.get("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/Welcome.html")
    assert str(first.value).endswith("host docs.aws.amazon.com unreachable: DNS lookup failed")
    with pytest.raises(HostDown):
        client.get("https://docs.aws.amazon.com/AmazonECS/latest/APIReference/Welcome.html")
    # the second request never left: the host was already known to be down
    assert client.requests_sent == 1 and client.hosts_down == {"docs.aws.amazon.com": "DNS lookup failed"}
    assert client.hosts_up == set()


def test_a_refused_connection_marks_the_host_down(client: HttpClient) -> None:
    with pytest.raises(HostDown, match="connection refused"):
        client.get("http://127.0.0.1:1/x")


def test_a_redirect_to_another_site_is_an_error(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/moved").respond_with_data(
        "", status=301, headers={"Location": "https://example.org/new"}
    )
    with pytest.raises(FetchError, match=re.escape("redirects to another site: https://example.org/new")) as caught:
        client.get(httpserver.url_for("/moved"))
    assert caught.value.kind == "redirect"


def test_a_redirect_within_the_site_is_followed(httpserver: HTTPServer, client: HttpClient) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=302, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data("here")
    response = client.get(httpserver.url_for("/old"))
    assert response.text == "here" and response.url.endswith("/new")


def test_requests_to_one_host_are_spaced(httpserver: HTTPServer, client: HttpClient, clock: FakeClock) -> None:
    httpserver.expect_request("/a").respond_with_data("a")
    httpserver.expect_request("/b").respond_with_data("b")
    client.get(httpserver.url_for("/a"))
    client.get(httpserver.url_for("/b"))
    assert clock.sleeps == [pytest.approx(0.5)]  # the client's interval_s


def test_the_budget_stops_the_run(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/a").respond_with_data("a")
    client = HttpClient(clock=clock, budget_s=10)
    clock.now += 11
    with pytest.raises(FetchError, match="budget of 10 s is spent"):
        client.get(httpserver.url_for("/a"))


def test_the_cache_revalidates_instead_of_downloading_again(httpserver: HTTPServer, tmp_path: Path) -> None:
    def etagged(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("the page", headers={"ETag": '"v1"'})

    httpserver.expect_request("/page").respond_with_handler(etagged)
    url = httpserver.url_for("/page")
    assert HttpClient(cache_dir=tmp_path, interval_s=0).get(url).text == "the page"
    again = HttpClient(cache_dir=tmp_path, interval_s=0).get(url)  # next week's run
    assert again.text == "the page" and again.from_cache
    assert [r.headers.get("If-None-Match") for r, _ in httpserver.log] == [None, '"v1"']


def test_download_streams_to_disk_and_reuses_the_file(
    httpserver: HTTPServer, client: HttpClient, tmp_path: Path
) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 3000)
    dest = tmp_path / "offers" / "big.json"
    assert client.download(httpserver.url_for("/big"), dest, max_bytes=10_000).read_bytes() == b"x" * 3000
    client.download(httpserver.url_for("/big"), dest, max_bytes=10_000)
    assert len(httpserver.log) == 1
    with pytest.raises(FetchError, match="larger than 0 MiB"):
        client.download(httpserver.url_for("/big"), tmp_path / "small.json", max_bytes=100)
    assert not (tmp_path / "small.json.part").exists()
