"""`make bench`: how long the outputs take, how much a reader downloads, and how long a cut-over stops writes.

Prints the strict build time (both editions), the checker's time, memory and false-alarm rate
(checks.bench), how fast hostile data files are refused (each within 5 s and 300 MB,
scripts/hostile_data.py), each edition's PDF time (≤ 30 s each), the offline bundle size and each page's
gzip transfer size, in both editions (HTML, CSS, JS and images it loads, without the search index, which
is fetched only on first search) against a 200 KB budget. Exits 1 when a budget is blown.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin

from handbook.editions import LANGUAGES
from handbook.paths import REPO
from scripts import hostile_data
from scripts.offline.build import build_offline
from scripts.pdf.build import build_pdf, pdf_path
from scripts.site import build_site, nav_pages

PAGE_BUDGET = 200 * 1024
PDF_BUDGET_SECONDS = 30.0
FETCHED = re.compile(
    r'<(?:link[^>]*rel="(?:stylesheet|icon)"[^>]*href|script[^>]*src|img[^>]*src)="([^"#?]+)', re.IGNORECASE
)
COMPRESSED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff2", ".gz", ".zip"}  # nginx does not gzip these


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in COMPRESSED else len(gzip.compress(data, compresslevel=6))


def page_weight(site: Path, url: str) -> tuple[int, int]:
    """(bytes over the wire with gzip, number of files) for one page and everything it loads."""
    html_file = site / url / "index.html" if url.endswith("/") else site / url
    html = html_file.read_text(encoding="utf-8")
    assets = {urljoin(url, unquote(ref)) for ref in FETCHED.findall(html) if "://" not in ref}
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    if config:  # the search worker script starts with every page; its index does not
        assets.add(urljoin(url, json.loads(config.group(1))["search"]))
    files = [html_file, *(site / a.lstrip("/") for a in sorted(assets))]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise FileNotFoundError(f"{url}: loads files missing from the build: {missing}")
    return sum(transfer_size(f) for f in files), len(files)


def time_checks() -> tuple[list[str], bool]:
    """checks.bench's own report (snippets, and the real-file corpus: time, peak memory, false-alarm rate)
    and whether it kept its budgets. Run as a process: scripts/ may not import checks/."""
    result = subprocess.run(
        [sys.executable, "-m", "checks.bench", "--enforce"], cwd=REPO, capture_output=True, text=True, check=False
    )
    lines = result.stdout.rstrip().splitlines() or [result.stderr.strip() or "no output"]
    return lines, result.returncode == 0


def cutover_downtime() -> bool:
    """The scripted cut-over timed for several database sizes; it rewrites data/tables/cutover-downtime.yaml.

    It starts PostgreSQL through the tests' server helper, so it runs as its own process."""
    result = subprocess.run([sys.executable, "-m", "tests.live.restore_bench"], cwd=REPO, text=True, check=False)
    return result.returncode == 0


def main() -> int:
    failures: list[str] = []
    if not cutover_downtime():
        failures.append("the cut-over benchmark failed")
    with tempfile.TemporaryDirectory(prefix="hb-bench-") as tmp:
        site = Path(tmp) / "site"
        print(f"strict build:   {build_site(site):.1f} s")
        checks_lines, checks_ok = time_checks()
        print("checks:")
        print("\n".join(f"  {line}" for line in checks_lines))
        if not checks_ok:
            failures.append("the checker exceeded its budget or its corpus review is out of date")
        failures += hostile_data.report()
        for language in LANGUAGES:
            pdf = build_pdf(site, Path(tmp) / pdf_path(language).name, language=language)
            print(
                f"PDF ({language}):       {pdf.seconds:.1f} s for {pdf.pages} pages (budget {PDF_BUDGET_SECONDS:.0f} s)"
            )
            if pdf.seconds > PDF_BUDGET_SECONDS:
                failures.append(f"the {language} PDF took {pdf.seconds:.1f} s")
        offline = build_offline(Path(tmp) / "offline", Path(tmp) / "offline.zip")
        print(
            f"offline bundle: {offline.bytes_unpacked / 1e6:.1f} MB in {offline.files} files, "
            f"zip {offline.bytes_zipped / 1e6:.2f} MB"
        )
        print(f"page transfer (gzip, without the search index; budget {PAGE_BUDGET // 1024} KB):")
        for page in (p for language in LANGUAGES for p in nav_pages(language=language)):
            size, count = page_weight(site, page.url)
            flag = "" if size <= PAGE_BUDGET else "  OVER BUDGET"
            print(f"  {page.url:<24} {size / 1024:7.1f} KB in {count} files{flag}")
            if flag:
                failures.append(f"{page.url} weighs {size / 1024:.0f} KB")
    if failures:
        print("budget blown: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
