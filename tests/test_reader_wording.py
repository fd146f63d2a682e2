"""Pages speak to readers, who never saw the articles the handbook grew from: no page refers to "the seed
article" or to "the article" as if the reader had it open. A mistake people make is a Pitfall box that says
what is commonly got wrong and why."""

from __future__ import annotations

import re

import pytest

from tests.support import DOCS

# "the seed article(s)", "the comparison article", "the article's team", "as the article says", ...
SOURCE_ARTICLE = re.compile(
    r"\bseed articles?\b|\bthe (?:comparison |source |original )?articles?(?:'s|’s)?\b(?! (?:on|about) )",
    re.IGNORECASE,
)
PAGES = sorted(p.name for p in DOCS.glob("*.md"))


@pytest.mark.parametrize("page", PAGES)
def test_no_page_speaks_of_a_source_article(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    found = [
        f"{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), start=1)
        if SOURCE_ARTICLE.search(line)
    ]
    assert not found, f"docs/{page} refers to a source article readers never saw:\n" + "\n".join(found)


def test_the_wording_rule_catches_the_phrases_it_is_for() -> None:
    for phrase in ("The seed article said", "as the article says", "The article's team", "the comparison article"):
        assert SOURCE_ARTICLE.search(phrase), phrase
    assert not SOURCE_ARTICLE.search("An article about preboot on Heroku's Dev Center")
