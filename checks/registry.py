"""THE list of what the checker knows: kinds of file, how each is recognised, what runs on it, its codes.

Everything else reads this module: the CLI (`--help` is generated from it), the runner, the tests
(every code needs a failing and a passing fixture) and the handbook's snippet macro, whose
"Checked by" line comes from `checks_for()` so a page can never claim a check that did not run.
"""

from __future__ import annotations

from pathlib import Path

from .kinds import (
    app_json,
    cdk_app,
    dockerfile,
    dockerignore,
    ecs_service,
    ecs_task,
    github_workflow,
    iam_policy,
    javascript,
    kubernetes,
    markdown,
    package_json,
    package_lock,
    procfile,
    shell,
)
from .model import CODES, Code, Kind, Source

# Order matters: the first kind whose matcher accepts a file owns it.
KINDS: tuple[Kind, ...] = (
    dockerfile.KIND,
    dockerignore.KIND,
    procfile.KIND,
    app_json.KIND,
    package_json.KIND,
    package_lock.KIND,
    javascript.KIND,
    cdk_app.KIND,
    ecs_task.KIND,
    ecs_service.KIND,
    kubernetes.KIND,
    shell.KIND,
    markdown.KIND,
    github_workflow.KIND,
    iam_policy.KIND,
)


class UnknownKind(ValueError):
    """No checker recognises the file."""


def kind_of(src: Source) -> Kind | None:
    return next((kind for kind in KINDS if kind.matches(src)), None)


def known_kind(path: Path) -> bool:
    """Whether some kind claims this file: for publishing, the dotfiles that are snippets (.dockerignore)."""
    return kind_of(Source(path, str(path))) is not None


def checks_for(path: Path) -> list[str]:
    """Labels of the tools and rule sets that `python -m checks` runs on this file; raises if none."""
    kind = kind_of(Source(path, str(path)))
    if kind is None:
        raise UnknownKind(f"{path}: no checker knows this kind of file (see `python -m checks --help`)")
    return list(kind.tools)


def all_codes() -> dict[str, Code]:
    """Every code of ours, across kinds (tools' own codes such as DL3008 pass through as they are)."""
    codes: dict[str, Code] = {c.code: c for c in CODES}
    for kind in KINDS:
        for code in kind.codes:
            if code.code in codes and codes[code.code] != code:
                raise RuntimeError(f"code {code.code} is declared twice with different meanings")
            codes[code.code] = code
    return dict(sorted(codes.items()))
