"""A page's main text and its hash: what "this source changed" means for pages without a fetcher.

trafilatura extracts the main text (no navigation, headers, footers, scripts or comments), so a new
menu entry or cookie banner does not flag a source, while an edited paragraph does. Whitespace is
collapsed before hashing; JSON is hashed in canonical form; other text as is.
"""

from __future__ import annotations

import hashlib
import json
import re

import trafilatura

_SPACE = re.compile(r"\s+")


def plain_text(html: str) -> str:
    """Every visible text of an HTML fragment, whitespace collapsed (for botocore's documentation)."""
    # html2txt reads a document; a bare fragment such as "<p>…</p> <note>…</note>" comes back empty.
    return _SPACE.sub(" ", trafilatura.html2txt(f"<html><body>{html}</body></html>") or "").strip()


def main_text(html: str) -> str:
    """The main text of a page; all of its text when the extractor finds no main part."""
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    if not text:
        text = trafilatura.html2txt(html) or ""
    return _SPACE.sub(" ", text).strip()


def text_of(decoded: str, content_type: str) -> str:
    """The text of a response that its hash is taken of."""
    if "html" in content_type or decoded.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return main_text(decoded)
    if "json" in content_type:
        try:
            return json.dumps(json.loads(decoded), sort_keys=True, separators=(",", ":"))
        except ValueError:
            pass
    return _SPACE.sub(" ", decoded).strip()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
