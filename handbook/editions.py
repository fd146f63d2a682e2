"""The handbook's editions: English (the default, at /) and Simplified Chinese (at /zh/), from one data/
and one snippets/.

A page's Chinese text sits beside its English one: docs/ecs.md and docs/ecs.zh.md (mkdocs-static-i18n's
suffix layout), so a link or an image path means the same in both. Every page exists in both languages.
Pages whose Chinese text is still a copy of the English are named in i18n/pending.txt until translated;
the translation quality gate (tests/test_translation_quality.py) skips only those.

i18n/terms.yml is the edition's vocabulary: the terms kept in English on Chinese pages (product and CLI
names, `Procfile`, `dyno`, `task definition`), each with the Chinese gloss used on first mention, and the
Chinese for the others. The gate reads it, the data schema reads it (a text made only of kept terms,
numbers and symbols, such as `GB` or `Heroku`, needs no Chinese twin), and so does the search segmenter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError

from .loader import DataError, parse_yaml, validation_problems
from .located import line_index, nearest_line
from .paths import REPO, shown
from .schema import Strict

DEFAULT = "en"
CHINESE = "zh"
LANGUAGES = (DEFAULT, CHINESE)
I18N_DIR = REPO / "i18n"
PENDING = I18N_DIR / "pending.txt"
TERMS = I18N_DIR / "terms.yml"

# Han ideographs (CJK Unified Ideographs and extension A): what makes a text Chinese.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# A word of English: two or more Latin letters (single letters are symbols, variables, units).
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")


# --- Pages ------------------------------------------------------------------------------------------


def page_language(src: str) -> str:
    """The language of a page under docs/: `ecs.zh.md` is Chinese, `ecs.md` English."""
    return CHINESE if src.endswith(f".{CHINESE}.md") else DEFAULT


def translation_of(src: str, language: str = CHINESE) -> str:
    """The path of a page's text in `language`: `start/index.md` -> `start/index.zh.md`."""
    english = english_of(src)
    return english if language == DEFAULT else english.removesuffix(".md") + f".{language}.md"


def english_of(src: str) -> str:
    """The English page a translation belongs to: `ecs.zh.md` -> `ecs.md`."""
    return src.removesuffix(f".{CHINESE}.md") + ".md" if page_language(src) == CHINESE else src


def page_url(src: str, *, directory_urls: bool = True) -> str:
    """Where a page is published, relative to the site root: `ecs.zh.md` -> `zh/ecs/` (or `zh/ecs.html`)."""
    english = english_of(src).removesuffix(".md")
    if directory_urls:
        url = english.removesuffix("index") if english.endswith("/index") else english + "/"
        url = "./" if english == "index" else url  # MkDocs' own URL of the home page
    else:
        url = english + ".html"
    language = page_language(src)
    return url if language == DEFAULT else f"{language}/{url.removeprefix('./')}"


def unpaired_pages(srcs: Iterable[str]) -> list[str]:
    """One message per page that has no twin in the other language (both directions)."""
    present = set(srcs)
    problems = []
    for src in sorted(present):
        if page_language(src) == DEFAULT and translation_of(src) not in present:
            problems.append(f"docs/{src}: no Chinese page docs/{translation_of(src)} (every page exists in both)")
        elif page_language(src) == CHINESE and english_of(src) not in present:
            problems.append(f"docs/{src}: a Chinese page without an English one (expected docs/{english_of(src)})")
    return problems


def builds_chinese(config: Mapping[str, Any]) -> bool:
    """Whether an MkDocs config builds the Chinese edition (mkdocs-static-i18n with a `zh` language)."""
    plugins = config.get("plugins") or {}
    plugin = plugins.get("i18n") if hasattr(plugins, "get") else None
    languages = plugin.config.languages if plugin is not None else []
    return any(lang.locale == CHINESE and lang.build for lang in languages)


def load_pending(path: Path = PENDING) -> list[str]:
    """The Chinese pages still waiting for their translation (paths under docs/), in file order.

    One path per line; `#` starts a comment. A line that names no `.zh.md` path is an error."""
    pages: list[str] = []
    problems: list[str] = []
    rel = shown(path, path.parent.parent)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if not entry.startswith("docs/") or page_language(entry) != CHINESE:
            problems.append(f"{rel}:{number}: {entry}: expected a Chinese page such as docs/ecs.zh.md")
        elif entry in pages:
            problems.append(f"{rel}:{number}: {entry}: listed twice")
        else:
            pages.append(entry)
    if problems:
        raise DataError(problems)
    return pages


# --- Vocabulary -------------------------------------------------------------------------------------

Term = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^\S(?:.*\S)?$")]


class KeptTerm(Strict):
    """A term written in English on Chinese pages; `zh` is its gloss, given in brackets on first use."""

    term: Term
    zh: Term | None = None


class TranslatedTerm(Strict):
    """A term written in Chinese on Chinese pages."""

    en: Term
    zh: Term


class Vocabulary(Strict):
    kept: list[KeptTerm] = Field(min_length=1)
    translated: list[TranslatedTerm] = Field(min_length=1)


@dataclass(frozen=True)
class Terms:
    """i18n/terms.yml, read for the gate, the data schema and the search segmenter."""

    kept: tuple[KeptTerm, ...]
    translated: tuple[TranslatedTerm, ...]

    def chinese_words(self) -> list[str]:
        """Every Chinese term and gloss: the search segmenter keeps each as one word."""
        words = [t.zh for t in self.translated] + [t.zh for t in self.kept if t.zh]
        return sorted({w for w in words if HAN.search(w)})

    def without_kept(self, text: str) -> str:
        """`text` with every kept term blanked out (longest first, whole words, any case)."""
        for term in sorted((t.term for t in self.kept), key=len, reverse=True):
            text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z])", " ", text, flags=re.IGNORECASE)
        return text

    def needs_translation(self, text: str) -> bool:
        """Whether an English text has words a Chinese reader needs translated (not only kept terms,
        numbers and symbols)."""
        return LATIN_WORD.search(self.without_kept(text)) is not None


def load_terms(path: Path = TERMS) -> Terms:
    rel = shown(path, path.parent.parent)
    node, raw = parse_yaml(path.read_text(encoding="utf-8"), rel)
    try:
        vocabulary = Vocabulary.model_validate(raw)
    except ValidationError as exc:
        raise DataError(validation_problems(exc, node, rel)) from None
    lines = line_index(node) if node is not None else {}
    seen: set[str] = set()
    problems = []
    named = [(("kept", i, "term"), t.term) for i, t in enumerate(vocabulary.kept)]
    named += [(("translated", i, "en"), t.en) for i, t in enumerate(vocabulary.translated)]
    for path, term in named:
        if term.lower() in seen:
            problems.append(
                f"{rel}:{nearest_line(lines, path)}: {term}: listed twice (in any case, kept or translated)"
            )
        seen.add(term.lower())
    if problems:
        raise DataError(problems)
    return Terms(tuple(vocabulary.kept), tuple(vocabulary.translated))
