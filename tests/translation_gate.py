"""The Chinese edition's quality gate: what a reader sees on a Chinese page is Chinese, typeset the way
Chinese technical writing is (TRANSLATING.md lists the rules).

No maintained linter checks Markdown for untranslated English or for Chinese/ASCII punctuation mixed up
(zhlint and the like are Node tools for plain text that know neither macros nor kept terms), so this is
our own: the page's prose is taken out of its Markdown (code, macro calls, URLs, attribute lists and
HTML left out), then each line is checked. Kept terms (i18n/terms.yml) are English on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from handbook.editions import HAN, Terms

HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff"
FULL_WIDTH = "，。：；！？（）、“”"
# Arguments of a macro call that are words a reader sees (the rest are ids and options).
WORDING_ARGUMENTS = ("title", "annotations")
MIN_ENGLISH_WORDS = 3  # a run of this many English words (kept terms aside) is an untranslated sentence


@dataclass(frozen=True)
class Finding:
    line: int
    problem: str
    text: str

    def __str__(self) -> str:
        return f"{self.line}: {self.problem}: {self.text.strip()[:90]!r}"


def _wording(call_source: str) -> list[str]:
    """The words a reader sees in one macro call: its title= and annotations= strings."""
    try:
        tree = jinja2.Environment().parse(call_source)
    except jinja2.TemplateSyntaxError:
        return []
    texts: list[str] = []
    for call in tree.find_all(nodes.Call):
        for keyword in call.kwargs:
            if keyword.key in WORDING_ARGUMENTS:
                value = keyword.value.as_const()
                texts.extend(value if isinstance(value, list) else [value])
    return [t for t in texts if isinstance(t, str)]


INLINE_CODE = re.compile(r"(`+)(.+?)\1")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
URL = re.compile(r"<?https?://[^\s>)]+>?")
ATTRIBUTES = re.compile(r"\{:?\s*[#.][^}]*\}")
HTML_TAG = re.compile(r"<[^>]+>")
LINE_START = re.compile(r"^\s*(?:#{1,6}\s|>\s?|[-*+]\s(?:\[[ xX]\]\s)?|\d+\.\s|:\s{3}|\|)")
QUOTED_TITLE = re.compile(r'^\s*(?:!!!|\?\?\?\+?|===)\s*[\w-]*(?:\s+[\w-]+)*\s*"([^"]*)"\s*$')
BARE_BLOCK = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*$")


def _without_macros(markdown: str) -> tuple[str, list[tuple[int, str]]]:
    """The page with each macro call (which may span lines) replaced by a placeholder, line numbers kept,
    and the words those calls show (title=, annotations=), with the line each call starts on."""
    wording: list[tuple[int, str]] = []

    def replace(match: re.Match[str]) -> str:
        line = markdown.count("\n", 0, match.start()) + 1
        wording.extend((line, text) for text in _wording(match[0]))
        return "\u2060" + "\n" * match[0].count("\n")  # a value the gate cannot see: no rule applies to it

    return MACRO.sub(replace, markdown), wording


def prose(markdown: str) -> list[tuple[int, str]]:
    """(line number, text a reader sees) for each line of a page outside front matter and code."""
    markdown, wording = _without_macros(markdown)
    lines = markdown.splitlines()
    out: list[tuple[int, str]] = list(wording)
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    fence: str | None = None
    for number in range(start, len(lines)):
        line = lines[number]
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if match := re.match(r"(`{3,}|~{3,})", stripped):
            fence = match[1]
            continue
        if title := QUOTED_TITLE.match(line):
            out.append((number + 1, title[1]))
            continue
        if BARE_BLOCK.match(line) or stripped.startswith("<!--"):
            continue
        out.append((number + 1, line))
    return out


def _plain(text: str) -> str:
    """A prose line as read: no macro calls, links as their text, code as a placeholder word."""
    text = INLINE_CODE.sub("CODE", text)
    text = LINK.sub(r"\1", text)
    text = URL.sub(" ", text)
    text = ATTRIBUTES.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = LINE_START.sub(" ", text)
    return text.replace("|", " ").replace("*", "")  # table cell bars, emphasis


PUNCTUATION_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(rf"[{HAN_CLASS}]\s*[,;:!?]|[,;:!?]\s*[{HAN_CLASS}]"),
        "ASCII punctuation in Chinese text (use ，；：！？)",
    ),
    (re.compile(rf"[{HAN_CLASS}]\.(?!\.)"), "ASCII period after Chinese text (use 。)"),
    (
        re.compile(rf"\([^()]*[{HAN_CLASS}][^()]*\)|[{HAN_CLASS}]\(|\)[{HAN_CLASS}]"),
        "ASCII parentheses around Chinese (use （）)",
    ),
    (
        re.compile(rf"[{HAN_CLASS}][A-Za-z0-9]|[A-Za-z0-9][{HAN_CLASS}]"),
        "no space between Chinese and English or a number",
    ),
    (
        re.compile(rf"\s[，。：；！？、）”]|[（“]\s|[）”][ \t]+[{HAN_CLASS}]"),
        "a space next to full-width punctuation",
    ),
]


def check_line(text: str, terms: Terms) -> list[str]:
    """What is wrong with one prose line of a Chinese page."""
    problems = [
        f"full-width punctuation in code `{code}`"
        for _, code in INLINE_CODE.findall(text)
        if re.search(f"[{FULL_WIDTH}]", code)
    ]
    plain = _plain(text)
    if not plain.strip():
        return problems
    if not HAN.search(plain) and re.search(f"[{FULL_WIDTH}]", plain):
        problems.append("full-width punctuation in English text")
    problems += [why for rule, why in PUNCTUATION_RULES if rule.search(plain)]
    english = terms.without_kept(plain.replace("CODE", " "))
    for run in re.split(rf"[{HAN_CLASS}{FULL_WIDTH}]+", english):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", run)
        if len(words) >= MIN_ENGLISH_WORDS or (words and not HAN.search(plain) and len(words) >= 2):
            problems.append(f"untranslated English ({' '.join(words[:8])})")
    return problems


def gate(markdown: str, terms: Terms) -> list[Finding]:
    found = [Finding(number, problem, text) for number, text in prose(markdown) for problem in check_line(text, terms)]
    return sorted(found, key=lambda f: f.line)
