"""The AWS CLI's own models: botocore service models and the CLI command table, loaded once per run.

The PyPI `awscli` package ships botocore inside it (`awscli.botocore`, importable as `botocore`
once `awscli` is imported), so the input models used for task definitions and the command table
used for `aws ...` lines come from the same release (pinned in requirements/checks.txt).
"""

from __future__ import annotations

import functools
import re
from typing import Any

Path_ = tuple[Any, ...]
# awscli and botocore are imported on first use: the site build imports this package for the
# snippet labels only, and should not pay for the AWS models.


@functools.cache
def _session() -> Any:
    import awscli  # noqa: F401  (registers the `botocore` import alias)
    import botocore.session

    return botocore.session.get_session()


@functools.cache
def input_shape(service: str, operation: str) -> Any:
    return _session().get_service_model(service).operation_model(operation).input_shape


def _path(name: str) -> Path_:
    """botocore's `.containerDefinitions[0].cpu` as ('containerDefinitions', 0, 'cpu')."""
    parts: list[Any] = []
    for key, index in re.findall(r"\.?([^.\[\]]+)|\[(\d+)\]", name):
        parts.append(int(index) if index else key)
    return tuple(parts)


def validate(params: Any, service: str, operation: str) -> list[tuple[Path_, str]]:
    """(key path, message) for every way params break the operation's input model, enums included."""
    shape = input_shape(service, operation)
    from botocore.validate import ParamValidator

    report = ParamValidator().validate(params, shape)
    problems: list[tuple[Path_, str]] = []
    for error in report._errors:  # the public report is one string; we need each error's path
        kind, name, extra = error
        path = _path(name)
        if kind == "unknown field":
            path = (*path, extra["unknown_param"])
        elif kind == "missing required field":
            path = path  # the parent: the missing key has no line of its own
        problems.append((path, report._format_error(error)))
    problems += _enum_problems(params, shape, ())
    return problems


def _enum_problems(value: Any, shape: Any, path: Path_) -> list[tuple[Path_, str]]:
    # ParamValidator does not check enums; the API does, so a typo such as "awsvpcc" must fail here.
    found: list[tuple[Path_, str]] = []
    if shape.type_name == "string" and shape.enum and isinstance(value, str) and value not in shape.enum:
        found.append((path, f"{value!r} is not one of {', '.join(shape.enum)}"))
    elif shape.type_name == "structure" and isinstance(value, dict):
        for key, child in value.items():
            if key in shape.members:
                found += _enum_problems(child, shape.members[key], (*path, key))
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            found += _enum_problems(item, shape.member, (*path, index))
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, child in value.items():
            found += _enum_problems(child, shape.value, (*path, key))
    return found


@functools.cache
def cli_driver() -> Any:
    _session()  # the botocore alias first
    from awscli.clidriver import create_clidriver

    return create_clidriver()
