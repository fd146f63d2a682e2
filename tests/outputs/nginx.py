"""Debian's nginx on loopback ports serving a build with one of deploy/nginx's configurations.

Only the listen, root and certificate lines of the real file change (and whatever a test's `edit`
changes, e.g. the upstream of a stub); the headers file is included as it is installed. Shared by
tests/outputs/test_nginx.py (public) and test_nginx_private.py (behind sign-in).
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scripts.csp import HEADERS_CONF
from tests.servers import HOST, Certs, Service, free_port
from tests.support import need_tool


@dataclass(frozen=True)
class Nginx:
    name: str  # the config's server_name: the Host and TLS server name clients use
    http_port: int
    https_port: int
    ca: Path
    root: Path


def server_name(conf: Path) -> str:
    names = set(re.findall(r"^\s*server_name (\S+);", conf.read_text(encoding="utf-8"), re.MULTILINE))
    assert len(names) == 1, f"{conf.name}: expected one server_name, found {names}"
    return names.pop()


def _server_blocks(text: str, site: Path, http_port: int, https_port: int, certs: Certs) -> str:
    """The real config with only its listen, root and certificate lines changed."""
    text = re.sub(r"^\s*listen \[::\]:\d+( ssl)?;\n", "", text, flags=re.MULTILINE)
    text, plain = re.subn(r"^(\s*)listen 80;", rf"\1listen {HOST}:{http_port};", text, flags=re.MULTILINE)
    text, tls = re.subn(r"^(\s*)listen 443 ssl;", rf"\1listen {HOST}:{https_port} ssl;", text, flags=re.MULTILINE)
    text, roots = re.subn(r"^(\s*)root [^;]+;", rf"\1root {site};", text, flags=re.MULTILINE)
    text, cert = re.subn(r"^(\s*)ssl_certificate [^;]+;", rf"\1ssl_certificate {certs.cert};", text, flags=re.MULTILINE)
    text, key = re.subn(r"^(\s*)ssl_certificate_key [^;]+;", rf"\1ssl_certificate_key {certs.key};", text, flags=re.M)
    assert (plain, tls, roots, cert, key) == (1, 1, 1, 1, 1), "one HTTP and one TLS server, one root and certificate"
    return text


def _main_conf(tmp: Path, server_blocks: str) -> Path:
    """A throwaway nginx.conf around the real server blocks; the headers file is included as installed."""
    (tmp / "handbook.conf").write_text(server_blocks, encoding="utf-8")
    (tmp / "snippets").mkdir()
    (tmp / "snippets" / HEADERS_CONF.name).symlink_to(HEADERS_CONF)  # relative includes resolve here
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
def serve(tmp: Path, site: Path, conf: Path, edit: Callable[[str], str] = str) -> Iterator[Nginx]:
    """Debian's nginx serving `site` with `conf` (after `edit`) on free loopback ports, over HTTP and HTTPS."""
    binary = need_tool("nginx", hint="apt-get install nginx")
    name = server_name(conf)
    certs = Certs.make(tmp / "certs", (name, HOST))
    http_port, https_port = free_port(), free_port()
    blocks = _server_blocks(edit(conf.read_text(encoding="utf-8")), site, http_port, https_port, certs)
    main = _main_conf(tmp, blocks)
    check = subprocess.run([binary, "-t", "-p", str(tmp), "-c", str(main)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = Service([binary, "-p", str(tmp), "-c", str(main), "-g", "daemon off;"], tmp / "error.log", port=https_port)
    server.start()
    try:
        yield Nginx(name, http_port, https_port, certs.ca, site)
    finally:
        server.stop()


class _Loopback(http.client.HTTPSConnection):
    """HTTPS to 127.0.0.1 that sends `host` as SNI and Host and verifies the certificate for it."""

    def connect(self) -> None:
        sock = socket.create_connection((HOST, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def get(
    server: Nginx,
    path: str,
    *,
    tls: bool = True,
    host: str | None = None,
    gzip: bool = False,
    cookie: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """(status, headers with lower-case names, body) of one GET; redirects are not followed."""
    if tls:  # the TLS name is always the server's; `host` only changes the Host header
        context = ssl.create_default_context(cafile=str(server.ca))
        conn: http.client.HTTPConnection = _Loopback(server.name, server.https_port, timeout=10, context=context)
    else:
        conn = http.client.HTTPConnection(HOST, server.http_port, timeout=10)
    headers = {"Host": host or server.name}
    if gzip:
        headers["Accept-Encoding"] = "gzip"
    if cookie:
        headers["Cookie"] = cookie
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()
