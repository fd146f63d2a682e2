"""The table macro: a data table as an HTML table whose caption names its sources and oldest check.

On a Chinese page every text comes from its `zh:` twin (title, column labels and units, row labels,
prose cells, description) and the macro's own words from handbook/words.py; values stay single."""

from __future__ import annotations

from markupsafe import Markup

from handbook.schema import Table
from handbook.translations import localized
from handbook.words import date_text, say

from .values import cell, html, link, source_label, time_element


def _source_numbers(table: Table) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for row in table.rows:
        for url in map(str, row.sources):
            numbers.setdefault(url, len(numbers) + 1)
    return numbers


def render_table(table: Table, language: str = "en") -> Markup:
    numbers = _source_numbers(table)
    head = Markup("").join(html("<th>{}</th>", localized(c.label, c.zh, "label", language)) for c in table.columns)
    if table.kind == "comparison":
        head = html("<th>{}</th>", say("dimension", language)) + head
    body = []
    for row in table.rows:
        verified = say("source_verified", language, date=date_text(row.verified, language))
        refs = Markup("").join(link(url, f"[{numbers[url]}]", verified) for url in map(str, row.sources))
        twins = row.zh.values if row.zh is not None else {}
        cells = [cell(row.values[c.key], c, language, twins.get(c.key)) for c in table.columns]
        if table.kind == "comparison":
            label = localized(row.label, row.zh, "label", language)
            first = html('<th scope="row">{}<sup class="hb-refs">{}</sup></th>', label, refs)
            rest = cells
        else:
            first = html('<td>{}<sup class="hb-refs">{}</sup></td>', cells[0], refs)
            rest = cells[1:]
        tds = Markup("").join(html("<td>{}</td>", c) for c in rest)
        body.append(html('<tr id="{}-{}">{}{}</tr>', table.id, row.id, first, tds))
    sources = Markup(" ").join(
        html("&#91;{}&#93;&nbsp;{}", n, link(url, source_label(url))) for url, n in numbers.items()
    )
    measured = sorted({(r.measured_by.command, r.measured_by.script) for r in table.rows if r.measured_by})
    if measured:  # a benchmark of ours: say what measured it; the sources document the procedure
        template = say("measured_by", language, command="<code>{}</code>", script="<code>{}</code>")
        said = [html(template, c, s) for c, s in measured]
        sources = Markup(" ").join([*said, html(say("procedure", language)), sources])
    caption = html(
        '<caption><span class="hb-title">{}</span><br><span class="hb-sources">{}</span>'
        ' · <span class="hb-verified">{}</span></caption>',
        localized(table.title, table.zh, "title", language),
        html(say("sources", language, sources="{}"), sources),
        html(say("oldest_verification", language, date="{}"), time_element(table.oldest_verified(), language)),
    )
    description = localized(table.description, table.zh, "description", language)
    note = html('<p class="hb-table-note">{}</p>', description) if description else ""
    return html(
        '<div class="hb-table" id="table-{}" data-table="{}">\n<table>{}<thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>{}\n</div>",
        table.id,
        table.id,
        caption,
        head,
        Markup("").join(body),
        note,
    )
