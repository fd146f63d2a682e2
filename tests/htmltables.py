"""Read built pages back: table cell texts and snippet markers, so tests compare what readers see with the sources."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _TableText(HTMLParser):
    """Collect each table's rows as lists of cell texts, leaving out <sup> source markers."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._sup_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in {"td", "th"}:
            self._cell = []
        elif tag == "sup":
            self._sup_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "sup":
            self._sup_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._sup_depth:
            self._cell.append(data)


def table_texts(html: str) -> list[list[list[str]]]:
    parser = _TableText()
    parser.feed(html)
    return parser.tables


def snippet_attrs(html: str) -> list[dict[str, str]]:
    """The attributes of every snippet's meta line on a page (data-snippet, data-region, class)."""
    tags = re.findall(r"<[^>]*\bdata-snippet=[^>]*>", html)
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in tags]


class _Elements(HTMLParser):
    """Every element's tag, attributes (character references decoded, as a browser reads them) and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, text))
        if tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self._open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)


def elements(html: str, tag: str) -> list[tuple[dict[str, str], str]]:
    """(attributes, text) of each `tag` element, decoded as a browser would."""
    parser = _Elements()
    parser.feed(html)
    return [(attrs, "".join(text)) for name, attrs, text in parser.elements if name == tag]
