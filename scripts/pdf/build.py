"""`make pdf`: the whole handbook as one PDF per edition, dist/deploy-handbook.pdf (English) and
dist/deploy-handbook.zh.pdf (Chinese), printed by Chromium.

Engine: Debian's Chromium (Playwright's page.pdf). WeasyPrint-based MkDocs plugins took 230 s for a
300-page site elsewhere; Chromium prints the same HTML and CSS the site uses in seconds, embeds its
fonts, keeps links as PDF links and writes an outline. What it lacks, page numbers in a table of
contents, comes from two passes: print once, read each chapter's start page from the PDF's named
destinations (the TOC links target each chapter), write those numbers into the TOC, print again.

No network: the built site is served on 127.0.0.1 and Chromium is started with background
networking off; fonts are local (theme.font is false; Noto CJK from fonts-noto-cjk, which Chromium
picks for the Chinese edition's `lang="zh-Hans"` document). Each edition prints its own pages, nav
titles, cover, "Contents" and footer in its language (handbook/words.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from handbook.editions import DEFAULT, LANGUAGES
from handbook.paths import DIST, REPO
from handbook.words import date_text, say
from scripts.browser import chromium
from scripts.serve import serve_directory
from scripts.site import NavPage, build_site, git_commit, nav_pages

HERE = Path(__file__).resolve().parent  # print.css, assemble.js and overflow.js sit beside this file
PDF_PATH = DIST / "deploy-handbook.pdf"
PRINT_PAGE = "hb-print.html"  # written into the built site's root so its asset URLs resolve
# The English cover names the Chinese edition in Chinese: its readers find it, and it proves CJK glyphs print.
CJK_LINE = "部署手册：Heroku、AWS 与 Amazon ECS"
DOCUMENT_LANGUAGE = {"en": "en", "zh": "zh-Hans"}  # the print page's lang: Chromium picks fonts by it
MAX_PASSES = 3
CONTENT_WIDTH_PX = round((210 - 2 * 14) / 25.4 * 96)  # A4 less the 14 mm side margins, at CSS 96 px/in


class PdfError(RuntimeError):
    pass


@dataclass(frozen=True)
class PdfResult:
    language: str
    path: Path
    pages: int
    chapter_pages: dict[str, int]  # nav title -> first page (1-based, as printed in the footer)
    seconds: float


def slug(page: NavPage) -> str:
    return "ch-" + re.sub(r"[^a-z0-9]+", "-", page.src.removesuffix(".md").lower()).strip("-")


def _stylesheets(site: Path) -> list[str]:
    """The stylesheets the site's own pages load (Material's hashed CSS and extra_css), in order."""
    index = (site / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', index)


def pdf_path(language: str) -> Path:
    """dist/deploy-handbook.pdf for English, dist/deploy-handbook.zh.pdf for Chinese."""
    return PDF_PATH if language == DEFAULT else PDF_PATH.with_suffix(f".{language}.pdf")


def _toc(pages: tuple[NavPage, ...], language: str) -> str:
    items: list[str] = []
    section: str | None = None
    for page in pages:
        if page.section != section:
            if section is not None:
                items.append("</ol></li>")
            if page.section is not None:
                items.append(f'<li><p class="hb-toc-section">{html.escape(page.section)}</p><ol>')
            section = page.section
        items.append(
            f'<li class="hb-toc-entry"><a href="#{slug(page)}">{html.escape(page.title)}</a>'
            f'<span class="hb-toc-page" data-chapter="{slug(page)}">000</span></li>'
        )
    if section is not None:
        items.append("</ol></li>")
    contents = html.escape(say("contents", language))
    return f'<nav class="hb-toc"><h1>{contents}</h1><ol>' + "".join(items) + "</ol></nav>"


def print_page(
    site: Path,
    pages: tuple[NavPage, ...],
    *,
    title: str,
    description: str,
    commit: str,
    date: str,
    language: str = DEFAULT,
) -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in _stylesheets(site))
    css = (HERE / "print.css").read_text(encoding="utf-8")
    cjk = f'<p class="hb-cover-cjk" lang="zh-Hans">{CJK_LINE}</p>' if language == DEFAULT else ""
    day = date_text(dt.date.fromisoformat(date), language)
    built = say("built_from", language, date=day, commit=f"<code>{html.escape(commit)}</code>")
    return f"""<!doctype html>
<html lang="{DOCUMENT_LANGUAGE[language]}" dir="ltr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{links}
<style>{css}</style></head>
<body data-md-color-scheme="default"><div class="md-typeset">
<section class="hb-cover">
  <h1>{html.escape(title)}</h1>
  <p class="hb-cover-sub">{html.escape(description)}</p>
  {cjk}
  <p class="hb-cover-meta">{built}</p>
</section>
{_toc(pages, language)}
<div id="hb-chapters"></div>
</div></body></html>"""


def _footer(title: str, commit: str, language: str) -> str:
    numbers = say(
        "page_of", language, page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return (
        '<div style="font-size:8px;width:100%;margin:0 14mm;display:flex;justify-content:space-between;color:#444">'
        f"<span>{html.escape(title)} · {html.escape(commit)}</span><span>{numbers}</span></div>"
    )


def chapter_start_pages(pdf: Path, slugs: list[str]) -> dict[str, int]:
    """1-based page of each chapter, from the named destinations Chromium writes for link targets."""
    reader = PdfReader(pdf)
    found: dict[str, int] = {}
    for name, dest in reader.named_destinations.items():
        if name.lstrip("/") in slugs:  # pypdf keeps the PDF name's leading slash
            found[name.lstrip("/")] = reader.get_destination_page_number(dest) + 1
    missing = [s for s in slugs if s not in found]
    if missing:
        raise PdfError(f"{pdf}: no named destination for chapter(s) {', '.join(missing)}")
    return found


def overflow(page: Page) -> list[str]:
    """Code blocks, tables and images wider than the printed text column, laid out as on paper."""
    page.emulate_media(media="print")
    page.set_viewport_size({"width": CONTENT_WIDTH_PX, "height": 1100})
    return page.evaluate((HERE / "overflow.js").read_text(encoding="utf-8"))


def _print(
    site: Path,
    out: Path,
    pages: tuple[NavPage, ...],
    options: dict[str, Any],
    *,
    site_url: str,
    browser: Browser | None,
) -> dict[str, int]:
    """Assemble the print page in Chromium and print it until the TOC's page numbers are right."""
    slugs = [slug(p) for p in pages]
    assemble = (HERE / "assemble.js").read_text(encoding="utf-8")
    with serve_directory(site) as base, chromium(browser) as running:
        page = running.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
        page.goto(base + PRINT_PAGE)
        chapters = [{"url": p.url, "slug": slug(p), "title": p.title} for p in pages]
        page.evaluate(assemble, {"pages": chapters, "siteUrl": site_url})
        overflowing = overflow(page)
        if overflowing:
            raise PdfError("would be cut off on paper:\n" + "\n".join(overflowing))
        numbers: dict[str, int] = {}
        for _ in range(MAX_PASSES):
            page.pdf(path=str(out), **options)
            found = chapter_start_pages(out, slugs)
            if found == numbers:
                break
            numbers = found
            page.evaluate(
                "numbers => document.querySelectorAll('.hb-toc-page').forEach("
                "el => { el.textContent = String(numbers[el.dataset.chapter]); })",
                numbers,
            )
        else:
            raise PdfError(f"TOC page numbers did not settle after {MAX_PASSES} passes: {json.dumps(numbers)}")
        page.close()
    if errors:
        raise PdfError("printing the handbook: " + "; ".join(errors))
    return numbers


def _edition_names(language: str) -> tuple[str, str]:
    """The site name and description of an edition (the Chinese ones are the i18n plugin's overrides)."""
    config = load_config(str(REPO / "mkdocs.yml"))
    (edition,) = [lang for lang in config.plugins["i18n"].config.languages if lang.locale == language]
    return edition.site_name or config.site_name, edition.site_description or config.site_description or ""


def build_pdf(
    site: Path,
    out: Path = PDF_PATH,
    *,
    language: str = DEFAULT,
    date: str | None = None,
    browser: Browser | None = None,
) -> PdfResult:
    """Print one edition of the already-built `site` (a hosted build, directory URLs) into `out`."""
    started = time.perf_counter()
    config = load_config(str(REPO / "mkdocs.yml"))
    pages = nav_pages(language=language)
    commit = git_commit()
    title, description = _edition_names(language)
    (site / PRINT_PAGE).write_text(
        print_page(
            site,
            pages,
            title=title,
            description=description,
            commit=commit,
            date=date or dt.date.today().isoformat(),
            language=language,
        ),
        encoding="utf-8",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    options = {
        "format": "A4",
        "print_background": True,
        "display_header_footer": True,
        "outline": True,
        "tagged": True,
        "header_template": "<span></span>",
        "footer_template": _footer(title, commit, language),
        "margin": {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
    }
    try:
        numbers = _print(site, out, pages, options, site_url=config.site_url or "", browser=browser)
    finally:
        (site / PRINT_PAGE).unlink(missing_ok=True)
    total = len(PdfReader(out).pages)
    by_title = {p.title: numbers[slug(p)] for p in pages}
    return PdfResult(language, out, total, by_title, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing hosted build to print (default: build one)")
    parser.add_argument("--language", choices=LANGUAGES, action="append", help="an edition (default: every one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hb-pdf-") as tmp:
        site = args.site or Path(tmp) / "site"
        build_seconds = 0.0 if args.site else build_site(site)
        print(f"site: build {build_seconds:.1f} s")
        for language in args.language or LANGUAGES:
            result = build_pdf(site, pdf_path(language), language=language)
            shown = result.path.relative_to(REPO) if result.path.is_relative_to(REPO) else result.path
            print(f"{shown}: {result.pages} pages; print {result.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
