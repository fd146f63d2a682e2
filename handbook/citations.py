"""Every sourced item of data/ (table rows and facts) and which source URLs back which items.

The Sources page lists them per URL; `make refresh` re-checks each URL and flags the items it backs.
An item's key (`tables/node-releases/node-22`, `facts/cost/hours_per_month`) names it in reports and
in the freshness state; `yaml_path` is where it sits in its file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .loader import Handbook
from .schema import Fact, Row
from .translations import localized


@dataclass(frozen=True)
class Item:
    key: str
    what: str  # for readers, e.g. "Node.js release lines and end-of-life dates: node-22"
    file: str  # relative to data/, e.g. "tables/node-releases.yaml"
    yaml_path: tuple[Any, ...]  # ("rows", 3) or ("facts", "hours_per_month")
    sourced: Row | Fact

    @property
    def verified(self) -> dt.date:
        return self.sourced.verified

    @property
    def values(self) -> dict[str, Any]:
        """Column -> value for a row; {"value": value} for a fact."""
        return dict(self.sourced.values) if isinstance(self.sourced, Row) else {"value": self.sourced.value}


def items(handbook: Handbook, language: str = "en") -> list[Item]:
    """Every row and fact; `what` names it in `language`."""
    out = []
    for table in handbook.tables.values():
        title = localized(table.title, table.zh, "title", language)
        for index, row in enumerate(table.rows):
            what = f"{title}: {localized(row.label, row.zh, 'label', language) or row.id}"
            out.append(Item(f"tables/{table.id}/{row.id}", what, f"tables/{table.id}.yaml", ("rows", index), row))
    for factset in handbook.factsets.values():
        title = localized(factset.title, factset.zh, "title", language)
        for key, fact in factset.facts.items():
            what = f"{title}: {localized(fact.label, fact.zh, 'label', language) or key}"
            out.append(Item(f"facts/{factset.id}/{key}", what, f"facts/{factset.id}.yaml", ("facts", key), fact))
    return out


def backings(handbook: Handbook, language: str = "en") -> dict[str, list[Item]]:
    """Source URL -> every table row and fact that cites it, sorted by URL."""
    out: dict[str, list[Item]] = defaultdict(list)
    for item in items(handbook, language):
        for url in item.sourced.sources:
            out[str(url)].append(item)
    return dict(sorted(out.items()))
