"""handbook.yml: the one file a fork of the handbook changes (schema: ForkSettings).

mkdocs.yml inherits it (`INHERIT: handbook.yml`), so MkDocs, the output scripts and this module read
the same values. It is read with MkDocs' own YAML loader, so `!ENV [SITE_URL, …]` resolves the way the
build resolves it. `rewrite_values` edits values in place, keeping comments, order and `!ENV` tags:
`make fork` (scripts/fork.py) uses it on handbook.yml and on pages' `owners:`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import get_yaml_loader
from pydantic import ValidationError

from .loader import DataError, parse_yaml, validation_problems
from .located import StrictLoader
from .paths import REPO, shown
from .schema import ForkSettings

FORK_FILE = REPO / "handbook.yml"
FORK_KEYS = ("site_name", "site_description", "site_url", "repo_url", "edit_uri", "copyright")


def load_fork_settings(path: Path = FORK_FILE) -> ForkSettings:
    """Validate handbook.yml; raise DataError naming file, line, key and reason."""
    rel = shown(path, path.parent)
    if not path.is_file():
        raise DataError([f"{rel}:1: (file): missing; mkdocs.yml inherits the fork's settings from it"])
    node, raw = parse_yaml(path.read_text(encoding="utf-8"), rel, loader=get_yaml_loader(StrictLoader))
    if not isinstance(raw, dict):
        raise DataError([f"{rel}:1: (top level): expected a mapping, found {type(raw).__name__}"])
    try:
        return ForkSettings.model_validate(raw)
    except ValidationError as exc:
        raise DataError(validation_problems(exc, node, rel)) from None


def overridden_keys(settings: ForkSettings, config: dict[str, Any]) -> list[str]:
    """Fork keys whose value in the final MkDocs config differs from handbook.yml (set again in mkdocs.yml)."""
    wanted = settings.model_dump(mode="json")
    return [key for key in FORK_KEYS if str(config.get(key) or "") != str(wanted[key])]


def yaml_scalar(value: str | int) -> str:
    """A value as YAML text: numbers bare, strings double-quoted (JSON's escapes are YAML's)."""
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def _node_at(node: yaml.Node, path: tuple[str | int, ...]) -> yaml.Node | None:
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if k.value == part), None)  # type: ignore[assignment]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return None
        if node is None:
            return None
    return node


def rewrite_values(text: str, changes: dict[tuple[str | int, ...], str | int | list[str]]) -> str:
    """`text` with the value at each key path replaced, everything else (comments, tags, order) kept.
    A key path that is not in the YAML raises KeyError. Lists are written in flow style: [a, b]."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python composer: marks are str indexes
    spans: list[tuple[int, int, str]] = []
    for path, value in changes.items():
        node = _node_at(root, path) if root is not None else None
        if node is None:
            raise KeyError(f"no key {'.'.join(map(str, path))} to set")
        new = "[" + ", ".join(yaml_scalar(v) for v in value) + "]" if isinstance(value, list) else yaml_scalar(value)
        end = node.end_mark.index
        if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
            end = node.value[-1].end_mark.index  # a block list ends where the next key starts: keep that line break
        spans.append((node.start_mark.index, end, new))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text
