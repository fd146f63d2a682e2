"""The freshness state: what `make refresh` last found for each source, read by the Sources page.

`data/freshness.json` is written by `make refresh` (the `refresh` package) and committed with its data
diff. It records, per source URL, when it was last re-checked automatically, how, and the outcome; the
hash of a page's main text (the next run compares against it); and, per item whose `verified` date a
fetcher moved, the date a person last verified it. A missing file means nothing was checked yet; a bad
one raises DataError with `data/freshness.json:LINE: key path: reason`, like every data file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError

from .loader import DataError
from .located import ParseError, nearest_line, parse_json
from .paths import FRESHNESS_STATE, shown
from .schema import Strict, VerifiedDate

# What a check found. "first-check": a page hashed for the first time (nothing to compare with yet).
Status = Literal["unchanged", "value-changed", "text-changed", "unreachable", "format-changed", "first-check"]
# How the Sources page names each status: handbook/words.py, `status_<status>`, in every language.
# How a source was checked: the main text's hash, or one of the fetchers in handbook/hints.py.
Method = Literal["text-hash", "node-release-schedule", "aws-price-list", "botocore-model", "npm", "pypi"]
ItemKey = Annotated[str, Field(pattern=r"^(tables/[a-z0-9-]+/[a-z0-9-]+|facts/[a-z0-9-]+/[a-z0-9_]+)$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class SourceCheck(Strict):
    checked: VerifiedDate  # the day of the last automatic check
    status: Status
    method: Method
    text_sha256: Sha256 | None = None  # text-hash only: the main text the next check compares against
    detail: str | None = None  # e.g. "HTTP 404", or which value changed


class ItemDates(Strict):
    person_verified: VerifiedDate  # the `verified` date a person wrote, before a fetcher moved it
    machine_verified: VerifiedDate  # the date a fetcher last wrote into `verified`


class FreshnessState(Strict):
    format: Literal[1] = 1
    last_run: VerifiedDate | None = None
    sources: dict[Annotated[str, Field(pattern=r"^https?://")], SourceCheck] = Field(default_factory=dict)
    items: dict[ItemKey, ItemDates] = Field(default_factory=dict)

    def person_verified(self, item_key: str, verified: dt.date) -> dt.date:
        """The date a person last verified an item whose data says `verified`."""
        dates = self.items.get(item_key)
        # A `verified` date that differs from what the fetcher wrote was written by a person.
        return dates.person_verified if dates is not None and dates.machine_verified == verified else verified


def _key_path(loc: tuple[Any, ...]) -> str:
    # URLs contain dots, so map keys that are URLs are shown in brackets.
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) or "/" in str(part) else (f".{part}" if out else str(part))
    return out or "(top level)"


def load_state(path: Path = FRESHNESS_STATE) -> FreshnessState:
    if not path.exists():
        return FreshnessState()
    rel = shown(path)
    try:
        located = parse_json(path.read_text(encoding="utf-8"))
    except ParseError as exc:
        raise DataError([f"{rel}:{exc.line}: (json): {exc.reason}"]) from None
    try:
        return FreshnessState.model_validate(located.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(f"{rel}:{nearest_line(located.lines, loc)}: {_key_path(loc)}: {err['msg']}")
        raise DataError(problems) from None


def dump_state(state: FreshnessState) -> str:
    """The state as the committed file holds it: sorted keys, two-space indents, one trailing newline."""
    data = state.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
