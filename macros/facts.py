"""The fact macro: one sourced value in a sentence.

    {{ fact("heroku.shutdown_grace_s") }}

becomes `<a class="hb-fact" data-fact="heroku.shutdown_grace_s" href="FIRST SOURCE"
title="Verified DATE; sources: …">30 seconds</a>`.
"""

from __future__ import annotations

from markupsafe import Markup

from handbook.loader import Handbook

from .values import html, plain


def render_fact(handbook: Handbook, name: str, *, unit: bool = True) -> Markup:
    """One sourced value for prose: the value (with unit) linking to its first source."""
    fact = handbook.fact(name)
    text = plain(fact.value, unit=fact.unit if unit else None)
    urls = [str(u) for u in fact.sources]
    title = f"Verified {fact.verified.isoformat()}; sources: {' '.join(urls)}"
    return html('<a class="hb-fact" data-fact="{}" href="{}" title="{}">{}</a>', name, urls[0], title, text)
