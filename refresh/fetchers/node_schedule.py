"""Node.js release lines from nodejs/Release's schedule.json (the file the Node.js site's schedule is drawn from).

The file maps a line ("v22") to its dates ("start", "lts", "maintenance", "end", ISO dates) and its LTS
"codename" (empty until the line enters LTS). A hint maps the row's columns to these fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handbook.citations import Item
from handbook.hints import NodeScheduleHint

from ..client import FetchError
from .base import Context, FormatChanged, Outcome, all_failed, compare

NAME = "node-release-schedule"
URL = "https://raw.githubusercontent.com/nodejs/Release/main/schedule.json"


def _schedule(ctx: Context) -> dict[str, dict[str, Any]]:
    url = ctx.endpoint(NAME, URL)
    try:
        data = ctx.client.get(url).json()
    except ValueError:
        raise FormatChanged(f"{url}: not JSON any more") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) and "start" in v for v in data.values()):
        raise FormatChanged(f"{url}: no longer a map of release lines to their dates")
    return data


def _field(line: dict[str, Any], name: str) -> Any:
    raw = line.get(name)
    if name == "codename":
        return raw or None  # "" until the line has an LTS codename
    if raw is None:
        return None  # odd lines never get an "lts" date
    try:
        return dt.date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise FormatChanged(f"{name} is {raw!r}, not an ISO date") from None


def check(items: list[Item], ctx: Context) -> list[Outcome]:
    try:
        schedule = _schedule(ctx)
    except (FetchError, FormatChanged) as exc:
        return all_failed(items, exc)
    outcomes = []
    for item in items:
        hint = item.sourced.refresh
        assert isinstance(hint, NodeScheduleHint)
        line = schedule.get(hint.line)
        if line is None:
            outcomes.append(Outcome(item, "format-changed", detail=f"the schedule has no line {hint.line}"))
            continue
        try:
            derived = {column: _field(line, name) for column, name in hint.values.items()}
        except FormatChanged as exc:
            outcomes.append(Outcome(item, "format-changed", detail=f"{hint.line}: {exc}"))
            continue
        outcomes.append(compare(item, derived, f"schedule.json {hint.line}"))
    return outcomes
