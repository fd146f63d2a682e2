"""deploy/nginx/deploy-handbook.conf served by Debian's nginx on loopback ports: the HTTP→HTTPS
redirect, the TLS server's headers against the Mozilla HTTP Observatory's tests, types, gzip, cache
headers, dotfiles, the 404 page, and Chromium loading pages and search under the CSP."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.csp import allowed_hashes, inline_script_hashes
from tests.outputs.browsing import opened, search
from tests.outputs.nginx import Nginx, get, serve, server_name
from tests.servers import HOST
from tests.support import REPO

CONF = REPO / "deploy" / "nginx" / "deploy-handbook.conf"
NAME = server_name(CONF)  # used as Host and TLS server name


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    tmp = tmp_path_factory.mktemp("nginx")
    # A copy of the build with what a careless deploy leaves next to it: a checkout's .git/ and a .env.
    site = tmp / "site"
    shutil.copytree(built_site[0], site)
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]\n\trepositoryformatversion = 0\n")
    (site / ".env").write_text("SECRET=1\n")
    (site / "snippets" / "app" / ".env").write_text("SECRET=1\n")
    with serve(tmp, site, CONF) as server:
        yield server


# --- The Mozilla HTTP Observatory's tests, written as expectations --------------------------------
# From the Observatory's analyzer (github.com/mdn/mdn-http-observatory, src/analyzer/tests/*.js,
# commit 94042bb) and its scoring table: each entry names the test and the result that passes with
# no penalty (or a bonus).


def _csp(value: str) -> dict[str, list[str]]:
    directives = (part.split() for part in value.split(";") if part.strip())
    return {d[0].lower(): d[1:] for d in directives}


def test_http_redirects_to_https_on_the_same_name(nginx: Nginx) -> None:
    """redirection: `redirection-to-https`: the first redirect of http:// goes to https:// on the same host."""
    status, headers, _ = get(nginx, "/ecs/?q=1", tls=False)
    assert status == 301 and headers["location"] == f"https://{NAME}/ecs/?q=1"
    # The Host header a client sends is never reflected: the redirect names the configured server.
    status, headers, _ = get(nginx, "/ecs/", tls=False, host="evil.example")
    assert status == 301 and headers["location"] == f"https://{NAME}/ecs/"


def test_headers_pass_the_observatory_tests(nginx: Nginx) -> None:
    status, headers, _ = get(nginx, "/ecs/")
    assert status == 200 and headers["content-type"].startswith("text/html")

    # content-security-policy: `csp-implemented-with-unsafe-inline-in-style-src-only` or better: no
    # 'unsafe-inline', data: or wildcard in script-src, no 'unsafe-eval', object-src 'none';
    # default-src 'none' earns `csp-implemented-with-no-unsafe-default-src-none`.
    csp = _csp(headers["content-security-policy"])
    assert csp["default-src"] == ["'none'"]
    scripts = csp["script-src"]
    assert "'self'" in scripts and all(s == "'self'" or s.startswith("'sha256-") for s in scripts), scripts
    assert "'unsafe-eval'" not in csp["style-src"] and not {"*", "data:", "http:", "https:"} & set(csp["style-src"])
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] in (["'self'"], ["'none'"]) and csp["form-action"] in (["'self'"], ["'none'"])
    # x-frame-options: `x-frame-options-implemented-via-csp` (frame-ancestors), plus the header itself.
    assert csp["frame-ancestors"] == ["'none'"] and headers["x-frame-options"] == "DENY"
    # strict-transport-security: `hsts-implemented-max-age-at-least-six-months` (15768000 s).
    hsts = dict(p.strip().partition("=")[::2] for p in headers["strict-transport-security"].lower().split(";"))
    assert int(hsts["max-age"]) >= 15_768_000
    # x-content-type-options: `x-content-type-options-nosniff`.
    assert headers["x-content-type-options"] == "nosniff"
    # referrer-policy: `referrer-policy-private`.
    assert headers["referrer-policy"] in {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }
    # cross-origin-resource-policy: `corp-implemented-with-same-origin`.
    assert headers["cross-origin-resource-policy"] == "same-origin"
    # cross-origin-opener-policy: `coop-implemented-with-same-origin`.
    assert headers["cross-origin-opener-policy"] == "same-origin"
    # cookies: `cookies-not-found`; cross-origin-resource-sharing: `cross-origin-resource-sharing-not-implemented`.
    assert "set-cookie" not in headers and "access-control-allow-origin" not in headers
    # Not an Observatory test, but OWASP's: no software version to look up vulnerabilities by.
    assert headers["server"] == "nginx"


def test_every_response_carries_the_headers(nginx: Nginx, built_site) -> None:
    for path in ["/", "/no/such/page/", _hashed_asset(built_site[0], "assets/javascripts/bundle.*.min.js")]:
        _, headers, _ = get(nginx, path)
        for name in ["content-security-policy", "strict-transport-security", "cross-origin-resource-policy"]:
            assert name in headers, (path, name)


def test_csp_allows_exactly_the_inline_scripts_of_the_build(built_site) -> None:
    """The hashes in the CSP are those of Material's inline scripts: fix with `python -m scripts.csp --write`."""
    built = inline_script_hashes(built_site[0])
    allowed = allowed_hashes()
    assert built, "no inline scripts found: the parser broke, or Material changed"
    assert built == allowed, f"run `python -m scripts.csp --write`; build has {sorted(built)}, CSP {sorted(allowed)}"


@pytest.mark.parametrize(
    "path", ["/.git/config", "/.git/", "/.env", "/snippets/app/.env", "/.svn/entries", "/assets/.hidden"]
)
def test_dotfiles_and_vcs_folders_are_not_served(nginx: Nginx, path: str) -> None:
    status, headers, body = get(nginx, path)
    assert status == 404 and b"repositoryformatversion" not in body and b"SECRET" not in body, path
    assert "content-security-policy" in headers


def test_dockerignore_snippets_are_served(nginx: Nginx) -> None:
    if not (nginx.root / "snippets/app/.dockerignore").exists():
        pytest.skip("no .dockerignore snippet in this build")
    status, _, body = get(nginx, "/snippets/app/.dockerignore")
    assert status == 200 and body == (nginx.root / "snippets/app/.dockerignore").read_bytes()


def test_directory_redirects_do_not_reflect_the_host(nginx: Nginx) -> None:
    status, headers, _ = get(nginx, "/assets", host="evil.example")
    assert status == 301 and headers["location"] == "/assets/"


def test_sitemap_gz_is_gzip(nginx: Nginx) -> None:
    status, headers, body = get(nginx, "/sitemap.xml.gz")
    assert status == 200 and headers["content-type"] == "application/gzip" and body[:2] == b"\x1f\x8b"


def _hashed_asset(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"no {pattern} in the build"
    return "/" + found[0].relative_to(site).as_posix()


def test_pages_are_html_and_not_cached(nginx: Nginx) -> None:
    status, headers, body = get(nginx, "/ecs/")
    assert status == 200 and headers["content-type"].startswith("text/html") and b"<title>" in body
    assert headers["cache-control"] == "no-cache"
    assert "camera=()" in headers["permissions-policy"]


def test_hashed_assets_are_cached_immutably_with_the_right_types(nginx: Nginx, built_site) -> None:
    site, _ = built_site
    for pattern, mime in [
        ("assets/stylesheets/main.*.min.css", "text/css"),
        ("assets/javascripts/bundle.*.min.js", "application/javascript"),
    ]:
        status, headers, _ = get(nginx, _hashed_asset(site, pattern))
        assert status == 200 and headers["content-type"].startswith(mime), (pattern, headers)
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert headers["x-content-type-options"] == "nosniff"
    _, headers, _ = get(nginx, "/assets/stylesheets/handbook.css")  # not hashed: may change under its name
    assert "immutable" not in headers["cache-control"]


def test_text_is_gzipped(nginx: Nginx, built_site) -> None:
    site, _ = built_site
    for path in ["/", _hashed_asset(site, "assets/javascripts/bundle.*.min.js"), "/search/search_index.json"]:
        status, headers, _ = get(nginx, path, gzip=True)
        assert status == 200 and headers.get("content-encoding") == "gzip", (path, headers)
        assert "accept-encoding" in headers.get("vary", "").lower()


def test_unknown_paths_get_the_404_page(nginx: Nginx) -> None:
    status, headers, body = get(nginx, "/no/such/page/")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert b"404" in body and b"md-content" in body, "nginx's own 404, not the handbook's"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.xdist_group("browser")
def test_site_works_under_the_content_security_policy(nginx: Nginx, browser) -> None:
    """Chromium reports every CSP violation as a console error: pages and search over HTTPS produce none."""
    context = browser.new_context(ignore_https_errors=True)  # the throw-away CA is not Chromium's
    base = f"https://{HOST}:{nginx.https_port}"
    try:
        for path in ["/", "/heroku/", "/app-code/"]:
            with opened(context, base + path) as (page, errors):
                if path == "/":
                    assert search(page, "Heroku"), "no search results through nginx"
                assert not errors, f"{path}: {errors}"
    finally:
        context.close()


@pytest.mark.xdist_group("browser")
def test_the_csp_blocks_injected_scripts(nginx: Nginx, browser) -> None:
    """What the CSP is for: an inline script or a javascript: link that reached a page does not run."""
    probe = nginx.root / "csp-probe.html"
    probe.write_text(
        "<!doctype html><title>probe</title><script>document.title = 'ran'</script>"
        "<a id=link href=\"javascript:document.title='clicked'\">x</a>"
    )
    context = browser.new_context(ignore_https_errors=True)
    try:
        with opened(context, f"https://{HOST}:{nginx.https_port}/csp-probe.html") as (page, errors):
            page.click("#link")
            page.wait_for_timeout(200)
            assert page.title() == "probe"
            assert any("Content Security Policy" in e for e in errors), errors
    finally:
        context.close()
        probe.unlink()
