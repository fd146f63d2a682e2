"""The two editions: every page in both languages, the same facts, tables and snippets on both, the same
anchors, Chinese nav titles, Chinese twins for every data text, each edition's own search index and
sitemap, and a language switcher that lands on the same page."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2 import nodes
from mkdocs.config import load_config

from handbook.editions import (
    CHINESE,
    DEFAULT,
    LANGUAGES,
    english_of,
    load_pending,
    load_terms,
    page_language,
    page_url,
    translation_of,
    unpaired_pages,
)
from handbook.loader import DataError, load_data
from handbook.words import WORDS, say
from scripts.site import nav_pages
from tests.sitebuild import failing_build
from tests.support import DATA, DOCS, REPO

Built = tuple[Path, subprocess.CompletedProcess[str]]
ENGLISH_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if page_language(p.name) == DEFAULT)
# Macro arguments that are words, not ids: a translation writes them in its own language.
WORDING_ARGUMENTS = {"title", "annotations"}


# --- Every page in both languages --------------------------------------------------------------------


def test_every_page_has_its_twin() -> None:
    assert unpaired_pages(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")) == []
    assert ENGLISH_PAGES and all((DOCS / translation_of(src)).is_file() for src in ENGLISH_PAGES)


def test_a_missing_translation_fails_the_build(scratch: Path) -> None:
    (scratch / "docs/ecs.zh.md").unlink()
    output = failing_build(scratch)
    assert "docs/ecs.md: no Chinese page docs/ecs.zh.md" in output and "Traceback" not in output


def test_an_extra_translation_fails_the_build(scratch: Path) -> None:
    (scratch / "docs/stray.zh.md").write_text("---\nowners: [x]\nreviewed: 2026-01-05\n---\n\n# Stray\n")
    assert "docs/stray.zh.md: a Chinese page without an English one (expected docs/stray.md)" in failing_build(scratch)


def test_page_paths_and_urls() -> None:
    assert (
        translation_of("start/index.md") == "start/index.zh.md" and english_of("start/index.zh.md") == "start/index.md"
    )
    assert page_url("index.md") == "./" and page_url("index.zh.md") == "zh/"
    assert page_url("start/index.zh.md") == "zh/start/" and page_url("ecs.zh.md", directory_urls=False) == "zh/ecs.html"


def nav_titles(items: list[Any]) -> set[str]:
    titles: set[str] = set()
    for item in items:
        for title, target in item.items() if isinstance(item, dict) else []:
            titles.add(title)
            titles |= nav_titles(target) if isinstance(target, list) else set()
    return titles


def test_every_nav_title_has_its_chinese() -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    (chinese,) = [lang for lang in config.plugins["i18n"].config.languages if lang.locale == CHINESE]
    translations = chinese.nav_translations or {}
    titles = nav_titles(config.nav)
    assert sorted(titles - translations.keys()) == [], "nav titles without nav_translations in mkdocs.yml"
    assert sorted(translations.keys() - titles) == [], "nav_translations for titles the nav no longer has"
    assert [p.title for p in nav_pages(language=CHINESE)][:2] == ["首页", "从这里开始"]


# --- The same substance in both ----------------------------------------------------------------------


def macro_calls(path: Path) -> list[tuple[str, tuple[Any, ...]]]:
    """Every macro call of a page, in order: (name, ids and options), without the arguments that are words."""
    text = path.read_text(encoding="utf-8")
    tree = jinja2.Environment().parse(text)
    calls = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name):
            continue
        args = tuple(a.as_const() for a in call.args)
        options = tuple(
            sorted((k.key, repr(k.value.as_const())) for k in call.kwargs if k.key not in WORDING_ARGUMENTS)
        )
        calls.append((call.node.name, args + options))
    return calls


@pytest.mark.parametrize("src", ENGLISH_PAGES)
def test_each_translation_shows_the_same_facts_tables_and_snippets(src: str) -> None:
    """Snippets, tables and the generated lists in the same order; facts as a multiset, since a Chinese
    sentence may name two values in the other order."""
    english, chinese = macro_calls(DOCS / src), macro_calls(DOCS / translation_of(src))
    blocks = [(name, args) for name, args in english if name != "fact"]
    assert [(n, a) for n, a in chinese if n != "fact"] == blocks, f"{translation_of(src)}: tables or snippets differ"
    facts = Counter(a for n, a in english if n == "fact")
    assert Counter(a for n, a in chinese if n == "fact") == facts, f"{translation_of(src)}: facts differ"


def test_the_macro_call_comparison_sees_a_dropped_fact(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text('A {{ fact("heroku.router_timeout_s") }} and {{ snippet("app/Procfile", title="x") | indent(4) }}')
    assert macro_calls(page) == [("fact", ("heroku.router_timeout_s",)), ("snippet", ("app/Procfile",))]


class _Anchors(HTMLParser):
    """The ids of an article's headings and definition terms: what links and the switcher land on."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self._in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._in_article = True
        elif self._in_article and re.fullmatch(r"h[1-6]|dt", tag):
            self.ids.append(dict(attrs).get("id") or f"<{tag} without id>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False


def anchors(site: Path, src: str) -> list[str]:
    parser = _Anchors()
    parser.feed((site / page_url(src) / "index.html").read_text(encoding="utf-8"))
    return parser.ids


def test_each_translation_keeps_the_anchors_of_its_english_page(built_site: Built) -> None:
    """Headings of a Chinese page carry the English page's ids (`## 任务定义 { #task-definitions }`)."""
    site, _ = built_site
    differ = [
        f"{translation_of(src)}: {anchors(site, translation_of(src))} != {anchors(site, src)}"
        for src in ENGLISH_PAGES
        if anchors(site, translation_of(src)) != anchors(site, src)
    ]
    assert not differ, "\n".join(differ)


# --- The pending list --------------------------------------------------------------------------------


def test_the_pending_list_names_only_chinese_pages_that_exist() -> None:
    pending = load_pending(REPO / "i18n" / "pending.txt")
    missing = [page for page in pending if not (REPO / page).is_file()]
    assert not missing, f"i18n/pending.txt names pages that do not exist: {missing}"


def test_a_bad_pending_list_fails_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "i18n" / "pending.txt"
    path.parent.mkdir()
    path.write_text("# comment\ndocs/ecs.zh.md\ndocs/ecs.md\ndocs/ecs.zh.md\n")
    with pytest.raises(DataError) as info:
        load_pending(path)
    assert info.value.problems == [
        "i18n/pending.txt:3: docs/ecs.md: expected a Chinese page such as docs/ecs.zh.md",
        "i18n/pending.txt:4: docs/ecs.zh.md: listed twice",
    ]


# --- Data texts in both languages --------------------------------------------------------------------


def test_every_english_data_text_has_its_chinese_twin() -> None:
    load_data(DATA, needs_chinese=load_terms().needs_translation)


FACTS = """\
id: sample
title: Sample facts
zh: {title: 示例数据}
facts:
  timeout:
    label: Router timeout
    value: 30
    unit: seconds
    sources: [https://example.com/a]
    verified: 2026-01-02
    zh: {label: 路由器超时, unit: 秒}
  size:
    label: Largest dyno memory
    value: 14
    unit: GB
    sources: [https://example.com/a]
    verified: 2026-01-02
    zh: {label: 最大 dyno 内存}
"""


def load_sample(tmp_path: Path, text: str, *, require: bool = True) -> None:
    path = tmp_path / "data" / "facts" / "sample.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    load_data(tmp_path / "data", needs_chinese=load_terms().needs_translation if require else None)


def problems(tmp_path: Path, text: str, *, require: bool = True) -> list[str]:
    with pytest.raises(DataError) as info:
        load_sample(tmp_path, text, require=require)
    return info.value.problems


def test_a_complete_sample_loads_and_a_kept_unit_needs_no_twin(tmp_path: Path) -> None:
    load_sample(tmp_path, FACTS)  # `GB` is a kept term: its fact has no zh.unit


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "zh: {label: 路由器超时, unit: 秒}",
            "zh: {label: 路由器超时}",
            r"sample\.yaml:8: facts\.timeout\.unit: English text without its Chinese twin \(add it under zh\.unit\)",
        ),
        (
            "zh: {title: 示例数据}\n",
            "",
            r"sample\.yaml:2: title: English text without its Chinese twin \(add it under zh\.title\)",
        ),
        (
            "zh: {label: 最大 dyno 内存}",
            "zh: {label: 最大 dyno 内存, unit: GB, note: 说明}",
            r"sample\.yaml:18: facts\.size\.zh\.note: translates nothing",
        ),
        (
            "zh: {label: 最大 dyno 内存}",
            "zh: {label: 最大 dyno 内存, value: 十四}",
            r"sample\.yaml:18: facts\.size\.zh\.value: translates nothing",
        ),
        (
            "zh: {label: 路由器超时, unit: 秒}",
            "zh: {label: 路由器超时, unit: 秒, lable: x}",
            r"sample\.yaml:11: facts\.timeout\.zh\.lable: Extra inputs are not permitted",
        ),
    ],
)
def test_twin_problems_name_file_line_and_key(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in FACTS
    found = problems(tmp_path, FACTS.replace(old, new, 1))
    assert any(re.search(expected, p) for p in found), found


def test_a_twin_must_keep_the_numbers_of_its_english_text(tmp_path: Path) -> None:
    text = FACTS.replace("label: Router timeout\n", "label: Router timeout after 30 seconds\n").replace(
        "路由器超时, unit", "路由器 20 秒后超时, unit"
    )
    expected = "facts.timeout.zh.label: the Chinese lacks the English text's number(s) 30"
    assert problems(tmp_path, text) == [f"data/facts/sample.yaml:11: {expected}"]


def test_without_the_chinese_edition_a_missing_twin_is_no_error(tmp_path: Path) -> None:
    load_sample(tmp_path, FACTS.replace("zh: {title: 示例数据}\n", ""), require=False)


def test_the_kept_terms_decide_what_needs_a_twin() -> None:
    terms = load_terms()
    assert not terms.needs_translation("GB") and not terms.needs_translation("Heroku")
    assert not terms.needs_translation("TLS v1.2") and not terms.needs_translation("ECS task definition")
    assert terms.needs_translation("seconds") and terms.needs_translation("Standard and Performance (not Eco or Basic)")


# --- The handbook's own words ------------------------------------------------------------------------


def test_every_word_of_the_handbook_exists_in_every_language() -> None:
    incomplete = sorted(key for key, texts in WORDS.items() if set(texts) != set(LANGUAGES))
    assert not incomplete, f"handbook/words.py: not in every language: {incomplete}"
    for key, texts in WORDS.items():  # the same placeholders in every language
        fields = {lang: set(re.findall(r"\{(\w+)\}", text)) for lang, text in texts.items()}
        assert len({frozenset(f) for f in fields.values()}) == 1, f"{key}: {fields}"
    assert say("reviewed_by", "zh", date="D", owners="O") == "O 于 D 审阅"


# --- Each edition's search, sitemap and switcher -----------------------------------------------------


def test_each_edition_has_its_own_search_index(built_site: Built) -> None:
    site, _ = built_site
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    chinese = json.loads((site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and chinese["config"]["lang"] == ["zh"]
    assert "\\u200b" in chinese["config"]["separator"], "jieba joins Chinese words with U+200B: split on it"
    assert not any(d["location"].startswith("zh/") for d in english["docs"])
    english_locations = {d["location"] for d in english["docs"]}
    assert {d["location"] for d in chinese["docs"]} == english_locations, "the same sections, at the same anchors"
    segmented = [d for d in chinese["docs"] if "\u200b" in d["text"]]
    assert segmented, "Chinese text in the index is not segmented (is jieba installed?)"


def test_each_edition_has_its_own_sitemap_and_search_base(built_site: Built) -> None:
    site, _ = built_site
    english = (site / "sitemap.xml").read_text(encoding="utf-8")
    chinese = (site / "zh/sitemap.xml").read_text(encoding="utf-8")
    locs = re.compile(r"<loc>([^<]+)</loc>")
    assert locs.findall(english) and not any("/zh/" in loc for loc in locs.findall(english))
    assert locs.findall(chinese) and all(
        loc.startswith("https://handbook.example.com/zh/") for loc in locs.findall(chinese)
    )
    config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
    assert json.loads(config.search((site / "zh/ecs/index.html").read_text())[1])["base"] == "../../zh/"
    assert json.loads(config.search((site / "ecs/index.html").read_text())[1])["base"] == ".."


@pytest.mark.parametrize("src", ["index.md", "ecs.md", "start/app-developer.md", "reference/index.md"])
def test_the_language_switcher_links_the_same_page(built_site: Built, src: str) -> None:
    site, _ = built_site
    for page, twin in ((src, translation_of(src)), (translation_of(src), src)):
        html = (site / page_url(page) / "index.html").read_text(encoding="utf-8")
        links = {lang: href for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', html)}
        other = page_language(twin)
        target = (site / page_url(page) / links[other]).resolve()
        assert target == (site / page_url(twin)).resolve(), f"{page}: switcher to {other} goes to {links[other]}"
        assert f'<html lang="{page_language(page)}"' in html
