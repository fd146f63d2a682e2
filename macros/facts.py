"""The fact macro: one sourced value in a sentence.

    {{ fact("heroku.shutdown_grace_s") }}

becomes `<a class="hb-fact" data-fact="heroku.shutdown_grace_s" href="FIRST SOURCE"
title="Verified DATE; sources: …">30 seconds</a>`; on a Chinese page `30 秒`, from the fact's `zh:` twin.
"""

from __future__ import annotations

from markupsafe import Markup

from handbook.loader import Handbook
from handbook.translations import localized
from handbook.words import date_text, say

from .values import html, plain


def render_fact(handbook: Handbook, name: str, *, unit: bool = True, language: str = "en") -> Markup:
    """One sourced value for prose: the value (with unit) linking to its first source."""
    fact = handbook.fact(name)
    value = localized(fact.value, fact.zh, "value", language) if isinstance(fact.value, str) else fact.value
    shown_unit = localized(fact.unit, fact.zh, "unit", language) if unit else None
    text = plain(value, fact.format, unit=shown_unit, language=language)
    urls = [str(u) for u in fact.sources]
    title = say("fact_title", language, date=date_text(fact.verified, language), sources=" ".join(urls))
    return html('<a class="hb-fact" data-fact="{}" href="{}" title="{}">{}</a>', name, urls[0], title, text)
