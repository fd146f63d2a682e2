"""deploy/nginx/deploy-handbook.conf served by Debian's nginx on a loopback port: types, gzip,
cache headers for hashed assets, security headers and the 404 page."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.outputs.browsing import opened, search
from tests.servers import HOST, Service, free_port
from tests.support import REPO, need_tool

CONF = REPO / "deploy" / "nginx" / "deploy-handbook.conf"


def _main_conf(tmp: Path, site: Path, port: int, conf: Path = CONF) -> Path:
    """A throwaway nginx.conf around the real server block: only its listen and root lines change."""
    server = conf.read_text(encoding="utf-8")
    server = re.sub(r"^\s*listen \[::\]:80;\n", "", server, flags=re.MULTILINE)
    server = re.sub(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", server, flags=re.MULTILINE)
    server, roots = re.subn(r"^(\s*)root [^;]+;", rf"\1root {site};", server, flags=re.MULTILINE)
    assert roots == 1, "the config should have exactly one root"
    (tmp / "handbook.conf").write_text(server, encoding="utf-8")
    temp = {name: tmp / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    conf = tmp / "nginx.conf"
    # As root, nginx's workers would drop to `nobody`, who cannot read pytest's private temp dirs.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(
        f"{user}pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nworker_processes 1;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {temp['body']};\n  proxy_temp_path {temp['proxy']};\n"
        f"  fastcgi_temp_path {temp['fastcgi']};\n  uwsgi_temp_path {temp['uwsgi']};\n"
        f"  scgi_temp_path {temp['scgi']};\n"
        f"  include {tmp}/handbook.conf;\n}}\n",
        encoding="utf-8",
    )
    return conf


@contextmanager
def running_nginx(tmp: Path, site: Path, conf: Path = CONF, edit: Callable[[str], str] = str) -> Iterator[str]:
    """Debian's nginx serving `site` with `conf` (after `edit`) on a free loopback port; yields its base URL."""
    binary = need_tool("nginx", hint="apt-get install nginx")
    port = free_port()
    edited = tmp / conf.name
    edited.write_text(edit(conf.read_text(encoding="utf-8")), encoding="utf-8")
    main = _main_conf(tmp, site, port, edited)
    check = subprocess.run([binary, "-t", "-p", str(tmp), "-c", str(main)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = Service([binary, "-p", str(tmp), "-c", str(main), "-g", "daemon off;"], tmp / "error.log", port=port)
    server.start()
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.stop()


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site, _ = built_site
    with running_nginx(tmp_path_factory.mktemp("nginx"), site) as url:
        yield url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect is an answer to look at, not to follow


_opener = urllib.request.build_opener(_NoRedirect)


def get(url: str, *, gzip: bool = False, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def _hashed_asset(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"no {pattern} in the build"
    return "/" + found[0].relative_to(site).as_posix()


def test_pages_are_html_with_security_headers_and_no_cache(nginx: str) -> None:
    status, headers, body = get(nginx + "/ecs/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"<title>" in body
    assert headers["cache-control"] == "no-cache"
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] and headers["x-frame-options"] == "DENY"
    assert "camera=()" in headers["permissions-policy"]


def test_hashed_assets_are_cached_immutably_with_the_right_types(nginx: str, built_site) -> None:
    site, _ = built_site
    for pattern, mime in [
        ("assets/stylesheets/main.*.min.css", "text/css"),
        ("assets/javascripts/bundle.*.min.js", "application/javascript"),
    ]:
        status, headers, _ = get(nginx + _hashed_asset(site, pattern))
        assert status == 200 and headers["content-type"].startswith(mime), (pattern, headers)
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert headers["x-content-type-options"] == "nosniff"
    _, headers, _ = get(nginx + "/assets/stylesheets/handbook.css")  # not hashed: may change under its name
    assert "immutable" not in headers["cache-control"]


def test_text_is_gzipped(nginx: str, built_site) -> None:
    site, _ = built_site
    for path in ["/", _hashed_asset(site, "assets/javascripts/bundle.*.min.js"), "/search/search_index.json"]:
        status, headers, _ = get(nginx + path, gzip=True)
        assert status == 200 and headers.get("content-encoding") == "gzip", (path, headers)
        assert "accept-encoding" in headers.get("vary", "").lower()


def test_unknown_paths_get_the_404_page(nginx: str) -> None:
    status, headers, body = get(nginx + "/no/such/page/")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert b"404" in body and b"md-content" in body, "nginx's own 404, not the handbook's"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.xdist_group("browser")
def test_site_works_under_the_content_security_policy(nginx: str, browser) -> None:
    """Chromium reports every CSP violation as a console error: pages and search must produce none."""
    context = browser.new_context()
    try:
        for path in ["/", "/heroku/"]:
            with opened(context, nginx + path) as (page, errors):
                if path == "/":
                    assert search(page, "Heroku"), "no search results through nginx"
                assert not errors, f"{path}: {errors}"
    finally:
        context.close()
