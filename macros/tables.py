"""The table macro: a data table as an HTML table whose caption names its sources and oldest check."""

from __future__ import annotations

from markupsafe import Markup

from handbook.schema import Table

from .values import cell, html, link, source_label


def _source_numbers(table: Table) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for row in table.rows:
        for url in map(str, row.sources):
            numbers.setdefault(url, len(numbers) + 1)
    return numbers


def render_table(table: Table) -> Markup:
    numbers = _source_numbers(table)
    head = Markup("").join(html("<th>{}</th>", c.label) for c in table.columns)
    if table.kind == "comparison":
        head = html("<th>{}</th>", "Dimension") + head
    body = []
    for row in table.rows:
        verified = f"Source, verified {row.verified.isoformat()}"
        refs = Markup("").join(link(url, f"[{numbers[url]}]", verified) for url in map(str, row.sources))
        cells = [cell(row.values[c.key], c) for c in table.columns]
        if table.kind == "comparison":
            first = html('<th scope="row">{}<sup class="hb-refs">{}</sup></th>', row.label, refs)
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
        sources = Markup(" ").join(
            [html("Measured by <code>{}</code> (<code>{}</code>);", c, s) for c, s in measured]
            + [Markup("procedure:"), sources]
        )
    caption = html(
        '<caption><span class="hb-title">{}</span><br><span class="hb-sources">Sources: {}</span>'
        ' · <span class="hb-verified">oldest verification: <time datetime="{}">{}</time></span></caption>',
        table.title,
        sources,
        table.oldest_verified().isoformat(),
        table.oldest_verified().isoformat(),
    )
    description = html('<p class="hb-table-note">{}</p>', table.description) if table.description else ""
    return html(
        '<div class="hb-table" id="table-{}" data-table="{}">\n<table>{}<thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>{}\n</div>",
        table.id,
        table.id,
        caption,
        head,
        Markup("").join(body),
        description,
    )
