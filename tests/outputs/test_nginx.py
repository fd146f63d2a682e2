"""deploy/nginx/deploy-handbook.conf served by Debian's nginx on a loopback port: types, gzip,
cache headers for hashed assets, security headers and the 404 page."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.outputs.browsing import opened, search
from tests.servers import HOST, Service, free_port
from tests.support import REPO, need_tool

CONF = REPO / "deploy" / "nginx" / "deploy-handbook.conf"


def _main_conf(tmp: Path, site: Path, port: int) -> Path:
    """A throwaway nginx.conf around the real server block: only its listen and root lines change."""
    server = CONF.read_text(encoding="utf-8")
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


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = need_tool("nginx", hint="apt-get install nginx")
    site, _ = built_site
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = _main_conf(tmp, site, port)
    check = subprocess.run([binary, "-t", "-p", str(tmp), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = Service([binary, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"], tmp / "error.log", port=port)
    server.start()
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.stop()


def get(url: str, *, gzip: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
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
