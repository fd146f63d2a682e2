"""The script hashes of the nginx Content-Security-Policy, computed from a build: `python -m scripts.csp`.

Material writes a few small inline scripts into every page (storage helpers, the colour palette,
content tabs). The CSP allows exactly those by their SHA-256 hash instead of `'unsafe-inline'`, so a
script that reaches a page any other way does not run. `extra.scope` in mkdocs.yml makes them the
same bytes on every page. After a Material upgrade or a new theme feature, the nginx test fails and
names the new hashes; `python -m scripts.csp --write` builds the site and writes them into
deploy/nginx/deploy-handbook-headers.conf.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
import tempfile
from pathlib import Path

from handbook.paths import REPO
from scripts.site import build_site

HEADERS_CONF = REPO / "deploy" / "nginx" / "deploy-handbook-headers.conf"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_NOT_EXECUTED = re.compile(r"""\btype=["']?(?!(?:text|application)/(?:java|ecma)script|module)""", re.IGNORECASE)
_SCRIPT_SRC = re.compile(r"(script-src 'self')((?: 'sha256-[A-Za-z0-9+/=]+')*)")


def inline_script_hashes(site: Path) -> set[str]:
    """CSP sources ('sha256-…') of every inline script a browser would run, over all pages of `site`."""
    found = set()
    for page in site.rglob("*.html"):
        for script in _SCRIPT.finditer(page.read_text(encoding="utf-8")):
            if "src=" in script["attrs"].lower() or _NOT_EXECUTED.search(script["attrs"]):
                continue  # external, or data such as <script type="application/json">
            digest = hashlib.sha256(script["body"].encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def allowed_hashes(conf: Path = HEADERS_CONF) -> set[str]:
    """The script hashes the nginx CSP allows."""
    match = _SCRIPT_SRC.search(conf.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{conf}: no `script-src 'self' …` in the Content-Security-Policy")
    return set(match[2].split())


def write_hashes(hashes: set[str], conf: Path = HEADERS_CONF) -> None:
    text = conf.read_text(encoding="utf-8")
    conf.write_text(_SCRIPT_SRC.sub(lambda m: m[1] + "".join(f" {h}" for h in sorted(hashes)), text, count=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.csp", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write the hashes into {HEADERS_CONF.name}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hb-csp-") as tmp:
        build_site(Path(tmp) / "site")
        hashes = inline_script_hashes(Path(tmp) / "site")
    print("\n".join(sorted(hashes)))
    if args.write:
        write_hashes(hashes)
        print(f"written to {HEADERS_CONF.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
