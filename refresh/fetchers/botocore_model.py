"""Claims read from botocore's service models: the documentation of a shape or member, as the API
reference renders it, searched with the hint's pattern.

The model is the one shipped inside the installed `awscli` (offline, as `python -m checks` uses it).
A value read from it moves a `verified` date only when that awscli is PyPI's latest release: an older
copy of the model cannot confirm today's API, so its findings are reported as "unconfirmed" instead.
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
from collections.abc import Callable
from typing import Any

from handbook.citations import Item
from handbook.hints import BotocoreHint

from ..client import FetchError
from ..text import plain_text
from . import registries
from .base import Context, FormatChanged, Outcome, compare, parse_scalar

NAME = "botocore-model"
ModelLoader = Callable[[str], Any]  # service name -> botocore ServiceModel


@functools.cache
def load_model(service: str) -> Any:
    import awscli  # noqa: F401  (makes the botocore bundled in awscli importable as `botocore`)
    import botocore.session

    return botocore.session.get_session().get_service_model(service)


def installed_awscli() -> str:
    return importlib.metadata.version("awscli")


def _currency(ctx: Context, installed: str) -> str | None:
    """None when the installed model is PyPI's latest; else why its findings cannot move a date."""
    try:
        newest = registries.latest(ctx, "pypi", "awscli")
    except (FetchError, FormatChanged) as exc:
        return f"could not ask PyPI for the latest awscli ({exc})"
    if newest != installed:
        return f"the model is awscli {installed}'s; PyPI has {newest}: install it and re-run to confirm"
    return None


def _documentation(model: Any, hint: BotocoreHint) -> str:
    try:
        shape = model.shape_for(hint.shape)
    except Exception:  # botocore raises its own NoShapeFoundError
        raise FormatChanged(f"the {hint.service} model has no shape {hint.shape}") from None
    if hint.member is None:
        return str(shape.documentation)
    members = getattr(shape, "members", {})
    if hint.member not in members:
        raise FormatChanged(f"{hint.shape} has no member {hint.member} any more")
    return str(members[hint.member].documentation)


def check(
    items: list[Item],
    ctx: Context,
    *,
    loader: ModelLoader = load_model,
    installed: Callable[[], str] = installed_awscli,
) -> list[Outcome]:
    version = installed()
    stale = _currency(ctx, version)
    models: dict[str, Any] = {}
    outcomes = []
    for item in items:
        hint = item.sourced.refresh
        assert isinstance(hint, BotocoreHint)
        where = f"{hint.shape}.{hint.member}" if hint.member else hint.shape
        try:
            model = models.setdefault(hint.service, loader(hint.service))
            text = plain_text(_documentation(model, hint))
        except FormatChanged as exc:
            outcomes.append(Outcome(item, "format-changed", detail=f"awscli {version}: {exc}"))
            continue
        found = re.search(hint.pattern, text)
        if found is None:
            detail = f"awscli {version}: {where} no longer says /{hint.pattern}/"
            outcomes.append(Outcome(item, "format-changed", detail=detail))
            continue
        derived = {name: parse_scalar(value) for name, value in found.groupdict().items()}
        outcome = compare(item, derived, f"awscli {version}: {where}")
        if stale is not None:
            outcome = Outcome(item, "unconfirmed", outcome.derived, outcome.changes, f"{outcome.detail}; {stale}")
        outcomes.append(outcome)
    return outcomes
