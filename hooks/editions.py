"""MkDocs hook: the English and Chinese editions, built in one run by mkdocs-static-i18n.

The plugin builds the English site at / and then, from its own post-build step, the Chinese one at /zh/
(pages `*.zh.md` beside `*.md`; images and scripts shared). This hook adds what the handbook needs on top:

- every page exists in both languages: a missing or an extra translation fails the build, naming it;
- each page gets the glossary's abbreviations of its language as tooltips (includes/abbreviations.md,
  includes/abbreviations.zh.md), and templates get the handbook's own words (`hb_say`, handbook/words.py);
- search: Material's search plugin segments Chinese text with jieba (installed, pinned); jieba learns the
  edition's terms from i18n/terms.yml as words. The plugin leaves one index for both languages; this hook
  splits it, so that each edition searches its own pages with its own tokenizer (search/ and zh/search/),
  and splits the sitemap the same way, so that instant navigation stays within a language (the language
  switcher's links load the other edition as a new page; overrides/main.html points each edition's
  search at its own folder);
- the offline bundle gets each edition's index as a script too (what Material's offline plugin does for
  the one index it knows).
"""

from __future__ import annotations

import gzip
import json
import logging
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jieba
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.abbreviations import abbreviations_file
from handbook.editions import CHINESE, DEFAULT, LANGUAGES, load_terms, page_language, unpaired_pages
from handbook.loader import DataError
from handbook.words import date_text, say

PLUGIN = "i18n"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
log = logging.getLogger(f"mkdocs.hooks.{__name__}")
# The search settings of each edition, as Material's language files give them (set while it builds).
search_settings: dict[str, dict[str, Any]] = {}
jieba.setLogLevel(logging.WARNING)  # it prints its dictionary loading to stderr otherwise


def _plugin(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise PluginError(f"mkdocs.yml: the {PLUGIN} plugin (mkdocs-static-i18n) builds the editions; it is missing")
    return plugin


def _translate(config: MkDocsConfig, key: str) -> str:
    """One of Material's words for the theme's current language (as its search plugin reads them)."""
    template = config.theme.get_env().get_template("partials/language.html", None, {"config": config})
    return template.module.t(key)


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    locales = [lang.locale for lang in _plugin(config).config.languages]
    if tuple(locales) != LANGUAGES:
        raise PluginError(f"mkdocs.yml: the {PLUGIN} plugin's languages are {locales}; the handbook's are {LANGUAGES}")
    project = Path(config.config_file_path).resolve().parent
    try:
        terms = load_terms(project / "i18n" / "terms.yml")
    except DataError as exc:
        raise PluginError("invalid i18n/terms.yml:\n" + str(exc)) from None
    for word in terms.chinese_words():
        jieba.add_word(word)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Remember the search settings of the edition being built (the plugin has set the theme's language)."""
    language = config.theme["language"]
    search_settings[language] = {
        "lang": [language],
        "separator": _translate(config, "search.config.separator"),
        "pipeline": [p.strip() for p in _translate(config, "search.config.pipeline").split(",") if p.strip()],
    }


def on_files(files: Files, config: MkDocsConfig) -> Files:
    problems = unpaired_pages(f.src_uri for f in files.documentation_pages())
    if problems:
        raise PluginError("every page exists in English and in Chinese:\n" + "\n".join(problems))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["hb_say"] = say
    env.globals["hb_date"] = date_text
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Append the abbreviations of the page's language: `abbr` turns them into tooltips."""
    includes = Path(config.config_file_path).resolve().parent / "includes"
    path = abbreviations_file(includes, page_language(page.file.src_uri))
    return markdown + "\n\n" + path.read_text(encoding="utf-8")


def _write_index(site: Path, folder: str, docs: list[dict[str, Any]], fields: Any, offline: bool) -> None:
    language = CHINESE if folder else DEFAULT
    data = json.dumps(
        {"config": {**search_settings[language], "fields": fields}, "docs": docs},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    target = site / folder / "search"
    target.mkdir(parents=True, exist_ok=True)
    (target / "search_index.json").write_text(data, encoding="utf-8")
    if offline:  # as Material's offline plugin writes it: file:// pages load the index as a script
        (target / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def _split_search(site: Path, offline: bool) -> None:
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    prefix = f"{CHINESE}/"
    chinese = [
        {**d, "location": d["location"].removeprefix(prefix)} for d in index["docs"] if d["location"].startswith(prefix)
    ]
    english = [d for d in index["docs"] if not d["location"].startswith(prefix)]
    fields = index["config"]["fields"]
    _write_index(site, "", english, fields, offline)
    _write_index(site, CHINESE, chinese, fields, offline)


def _split_sitemap(site: Path, site_url: str) -> None:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
    path = site / "sitemap.xml"
    tree = ET.parse(path)
    urls = tree.getroot().findall(f"{{{SITEMAP_NS}}}url")
    chinese_root = site_url + f"{CHINESE}/"
    for folder, keep in (
        ("", lambda loc: not loc.startswith(chinese_root)),
        (CHINESE, lambda loc: loc.startswith(chinese_root)),
    ):
        root = ET.Element(tree.getroot().tag, tree.getroot().attrib)
        root.extend(u for u in urls if keep(u.findtext(f"{{{SITEMAP_NS}}}loc") or ""))
        data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        (site / folder / "sitemap.xml").write_bytes(data)
        (site / folder / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))


@event_priority(-150)  # after the plugin's post-build step, which built the Chinese edition and merged the indexes
def on_post_build(config: MkDocsConfig) -> None:
    if _plugin(config).building:
        return  # the Chinese edition's own build, inside the English one's post-build step: not finished yet
    site = Path(config.site_dir)
    offline = config.plugins.get("material/offline")
    _split_search(site, offline is not None and bool(offline.config.enabled))
    _split_sitemap(site, config.site_url or "")
