"""deploy/nginx/deploy-handbook-private.conf on Debian's nginx, with a stub in oauth2-proxy's place:
without a session every page and asset sends the reader to sign in; with one, every file is served,
marked noindex and private."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from scripts.csp import HEADERS_CONF
from tests.outputs.browsing import opened, search
from tests.outputs.nginx import Nginx, get, serve
from tests.servers import HOST
from tests.support import REPO

PRIVATE = REPO / "deploy" / "nginx" / "deploy-handbook-private.conf"
COOKIE = "_handbook_session=signed-in"
IDP_PATH = "/idp/authorize"  # the stub plays the identity provider too: the browser never leaves 127.0.0.1


def idp(server: object) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{IDP_PATH}"  # type: ignore[attr-defined]


class StubAuth(BaseHTTPRequestHandler):
    """oauth2-proxy's side of the contract: /oauth2/auth answers 202 or 401; /oauth2/start redirects
    to the identity provider, remembering where to come back to."""

    redirects: list[str]

    def do_GET(self) -> None:
        if self.path.startswith(IDP_PATH):
            body = b"<!doctype html><title>Sign in</title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path.startswith("/oauth2/auth"):
            self.send_response(202 if COOKIE in (self.headers.get("Cookie") or "") else 401)
        elif self.path.startswith("/oauth2/start"):
            back = self.headers.get("X-Auth-Request-Redirect", "")
            self.redirects.append(back)
            self.send_response(302)
            self.send_header("Location", f"{idp(self.server)}?state={quote(back, safe='')}")
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def private(built_site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Private]:
    site, _ = built_site
    redirects: list[str] = []
    handler = type("Handler", (StubAuth,), {"redirects": redirects})
    stub = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=stub.serve_forever, daemon=True)
    thread.start()

    def to_stub(conf: str) -> str:
        return re.sub(r"server 127\.0\.0\.1:4180;", f"server 127.0.0.1:{stub.server_address[1]};", conf)

    try:
        with serve(tmp_path_factory.mktemp("nginx-private"), site, PRIVATE, to_stub) as server:
            yield Private(server, redirects, idp(stub))
    finally:
        stub.shutdown()
        stub.server_close()


@dataclass(frozen=True)
class Private:
    server: Nginx
    redirects: list[str]  # where each sign-in was asked to come back to
    idp: str


def every_file(site: Path) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_without_a_session_nothing_is_served(private: Private, built_site) -> None:
    idp_url = private.idp
    site, _ = built_site
    paths = [*every_file(site), "/", "/ecs/", "/no/such/page/"]
    served = []
    for path in paths:
        status, headers, _ = get(private.server, quote(path))
        if status not in {302, 401} or (status == 302 and not headers["location"].startswith(idp_url)):
            served.append(f"{path}: {status} {headers.get('location', '')}")
        assert headers["x-robots-tag"] == "noindex, nofollow"
    assert not served, "served without a session:\n" + "\n".join(served)


def test_sign_in_comes_back_to_the_page_with_its_whole_query(private: Private) -> None:
    idp_url = private.idp
    status, headers, _ = get(private.server, "/ecs/?q=task&h=role")
    assert status == 302 and headers["location"].startswith(idp_url)
    assert private.redirects[-1] == "/ecs/?q=task&h=role"


def test_with_a_session_every_file_is_served_noindex_and_private(private: Private, built_site) -> None:
    site, _ = built_site
    for path in every_file(site):
        if path == "/404.html":
            continue  # served only as the answer to a missing file (below)
        status, headers, _ = get(private.server, quote(path), cookie=COOKIE)
        assert status == 200, path
        assert headers["x-robots-tag"] == "noindex, nofollow", path
        assert headers["cache-control"].startswith("private"), path
    status, headers, body = get(private.server, "/no/such/page/", cookie=COOKIE)
    assert status == 404 and b"md-content" in body


def test_security_headers_are_the_public_sites(private: Private) -> None:
    """Both configurations include the one headers file; the private one adds noindex and private caching."""
    status, public_like, _ = get(private.server, "/ecs/", cookie=COOKIE)
    assert status == 200
    expected = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;', HEADERS_CONF.read_text(encoding="utf-8"), re.M))
    for name, value in expected.items():
        assert public_like[name.lower()] == value, name
    assert public_like["x-robots-tag"] == "noindex, nofollow"


@pytest.mark.xdist_group("browser")
def test_signed_in_reader_gets_pages_and_search_without_errors(private: Private, browser) -> None:
    idp_url = private.idp
    url = f"https://{HOST}:{private.server.https_port}"
    context = browser.new_context(ignore_https_errors=True)  # the test CA is not the browser's
    try:
        context.add_cookies([{"name": "_handbook_session", "value": "signed-in", "domain": HOST, "path": "/"}])
        with opened(context, url + "/") as (page, errors):
            assert search(page, "Heroku"), "no search results behind the sign-in"
            assert not errors, errors
    finally:
        context.close()
    context = browser.new_context(ignore_https_errors=True)
    try:
        with opened(context, url + "/ecs/") as (page, _):
            assert page.url.startswith(idp_url) and page.title() == "Sign in"
    finally:
        context.close()
