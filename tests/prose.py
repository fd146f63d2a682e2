"""A page's prose, as a reader sees it (no code, macros, link targets, anchors or list markers), and the
numbers typed into it: every number on a page must come from data/ through fact() or table().

Shared by the content tests of both editions; the number rule works for Chinese too, where a digit sits
right against Han characters (`共2个`) with no word boundary between them.
"""

from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCED = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")
ATTR_LIST = re.compile(r"\{[:\s][^}]*\}")
LIST_MARKER = re.compile(r"^[ \t]*\d+\.[ \t]", re.M)
# A number standing on its own: not glued to Latin letters, digits or hyphens (EC2, heroku-24, R14 and
# p95 are names); Han characters around it do not make it a name.
BARE_NUMBER = re.compile(r"(?<![A-Za-z0-9_\-.])\d[\d,.]*(?![A-Za-z0-9_\-])")


def prose(text: str) -> str:
    """The page's prose; blanked spans become spaces of the same length, so line numbers stay right."""
    for pattern in (FRONT_MATTER, FENCED, JINJA, INLINE_CODE, LINK_TARGET, HTML_TAG, ATTR_LIST, LIST_MARKER):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def bare_numbers(text: str) -> list[str]:
    """`line: number in line` for every number left in the prose of a Markdown text."""
    found = []
    for number, line in enumerate(prose(text).splitlines(), start=1):
        found += [f"{number}: {m.group(0)!r} in {line.strip()!r}" for m in BARE_NUMBER.finditer(line)]
    return found
