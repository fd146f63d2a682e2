"""The printed handbook, each edition: every nav page in order, a TOC with correct page numbers,
page-numbered footers, embedded fonts, CJK text, links kept as links, nothing cut off at the page edge."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.words import say
from scripts.pdf.build import CJK_LINE, HERE, PdfResult, overflow
from scripts.site import NavPage, nav_pages
from tests.support import need_tool

pytestmark = pytest.mark.xdist_group("browser")
PRINT_CSS = (HERE / "print.css").read_text(encoding="utf-8")


def pdftotext(pdf: Path, *args: str) -> str:
    tool = need_tool("pdftotext", hint="apt-get install poppler-utils")
    return subprocess.run([tool, *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def chapters(pdf: PdfResult) -> tuple[NavPage, ...]:
    return nav_pages(language=pdf.language)


def page_texts(pdf: Path) -> list[str]:
    return pdftotext(pdf, "-layout").split("\f")[:-1]  # pdftotext ends every page with a form feed


def test_page_count_covers_cover_toc_and_every_chapter(handbook_pdf: PdfResult) -> None:
    info = subprocess.run([need_tool("pdfinfo"), str(handbook_pdf.path)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))
    assert pages == handbook_pdf.pages == len(page_texts(handbook_pdf.path))
    assert pages >= len(chapters(handbook_pdf)) + 2, "a cover, a TOC and at least one page per chapter"


def test_chapters_follow_nav_order_and_the_toc_numbers_are_right(handbook_pdf: PdfResult) -> None:
    texts = page_texts(handbook_pdf.path)
    starts = [handbook_pdf.chapter_pages[p.title] for p in chapters(handbook_pdf)]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), starts
    toc = texts[1]
    assert say("contents", handbook_pdf.language) in toc
    for page in chapters(handbook_pdf):
        number = handbook_pdf.chapter_pages[page.title]
        assert re.search(rf"{re.escape(page.title)}\s+\.*\s*{number}\b", toc), f"TOC lacks {page.title!r} … {number}"
        # Material puts each page's title (or its own first heading) at the top of the chapter.
        assert texts[number - 1].strip(), f"{page.title}: page {number} is empty"


def test_every_nav_title_is_in_the_text(handbook_pdf: PdfResult) -> None:
    text = " ".join(pdftotext(handbook_pdf.path).split())
    missing = [p.title for p in chapters(handbook_pdf) if p.title not in text]
    assert not missing, f"nav pages missing from the PDF: {missing}"


def test_cover_and_footer(handbook_pdf: PdfResult) -> None:
    texts = page_texts(handbook_pdf.path)
    if handbook_pdf.language == "en":
        assert "The Deploy Handbook" in texts[0] and re.search(r"Built \d{4}-\d\d-\d\d from commit \w+", texts[0])
        assert CJK_LINE in texts[0], "the CJK line on the cover is not extractable text"
    else:
        assert "部署手册" in texts[0] and re.search(r"构建于 \d{4} 年 \d+ 月 \d+ 日，提交 \w+", texts[0])
    for number, text in enumerate(texts, start=1):
        footer = say("page_of", handbook_pdf.language, page=number, pages=len(texts))
        assert footer in text, f"page {number} has no page number in its footer"


def test_all_fonts_are_embedded(handbook_pdf: PdfResult) -> None:
    out = subprocess.run([need_tool("pdffonts"), str(handbook_pdf.path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    # Columns: name type encoding emb sub uni object ID; read from the right, names may be "[none]".
    not_embedded = [row for row in rows if row.split()[-5] != "yes"]
    assert not not_embedded, "fonts not embedded:\n" + "\n".join(not_embedded)


def test_cjk_fonts_are_installed_for_chromium() -> None:
    fc_list = need_tool("fc-list")
    out = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True, check=True).stdout
    assert "Noto Sans CJK" in out or "Noto Serif CJK" in out, "fonts-noto-cjk is missing: CJK would print as boxes"


def _ink(pgm: bytes) -> float:
    """Share of non-white pixels in a binary PGM (P5) image."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert match, "pdftoppm did not write a PGM"
    pixels = pgm[match.end() :]
    return sum(1 for value in pixels if value < 200) / len(pixels)


@pytest.mark.parametrize("which", ["cover", "first chapter"])
def test_a_rendered_page_is_not_blank(handbook_pdf: PdfResult, which: str) -> None:
    tool = need_tool("pdftoppm", hint="apt-get install poppler-utils")
    number = 1 if which == "cover" else handbook_pdf.chapter_pages[chapters(handbook_pdf)[0].title]
    pgm = subprocess.run(
        [tool, "-gray", "-r", "40", "-f", str(number), "-l", str(number), str(handbook_pdf.path)],
        capture_output=True,
        check=True,
    ).stdout
    assert _ink(pgm) > 0.002, f"page {number} renders blank"


def test_links_are_kept_as_links(handbook_pdf: PdfResult) -> None:
    internal = external = 0
    for page in PdfReader(handbook_pdf.path).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and str(action.get_object().get("/URI", "")).startswith("http"):
                external += 1
            elif "/Dest" in annot:
                internal += 1
    assert internal >= len(chapters(handbook_pdf)), (
        f"the TOC and cross-references should be internal links ({internal})"
    )
    assert external > 0, "source links should stay clickable"


def test_every_printed_word_lies_inside_the_margins(handbook_pdf: PdfResult) -> None:
    """No word runs into the margins. Chromium leaves glyphs that a box clips out of the PDF, so
    this cannot see clipped text: build_pdf's overflow guard (tested below) is what catches that."""
    margin = 14 / 25.4 * 72 - 2  # the 14 mm side margins in points, less rounding
    bbox = pdftotext(handbook_pdf.path, "-bbox")
    page_width = 0.0
    outside: list[str] = []
    for line in bbox.splitlines():
        if match := re.search(r'<page width="([\d.]+)"', line):
            page_width = float(match.group(1))
            continue
        match = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if match and (float(match.group(1)) < margin or float(match.group(2)) > page_width - margin):
            outside.append(match.group(3))
    assert page_width and not outside, f"words beyond the margins: {outside[:10]}"


def test_print_css_wraps_long_code_and_fits_wide_tables(browser) -> None:
    """The overflow guard build_pdf runs finds a long code line and a wide table without the print
    CSS, and none with it."""
    long_line = "aws ecs register-task-definition " + "--cli-input-json-file-with-a-long-name " * 12
    cells = "".join(f"<td>value-{i}-{'x' * 30}</td>" for i in range(12))
    body = f'<div class="md-typeset"><pre><code>{long_line}</code></pre><table><tr>{cells}</tr></table></div>'
    page = browser.new_page()
    try:
        page.set_content(f"<html><body>{body}</body></html>")
        assert len(overflow(page)) == 2, "the guard should see both offenders without the print CSS"
        page.set_content(f"<html><head><style>{PRINT_CSS}</style></head><body>{body}</body></html>")
        assert overflow(page) == []
    finally:
        page.close()
