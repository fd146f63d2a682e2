"""The AWS CLI's own models: botocore service models and the CLI command table, loaded once per run.

Every call into awscli's and botocore's private API is in this file, behind public functions, so a
release that moves them breaks one module.

The PyPI `awscli` package ships botocore inside it (`awscli.botocore`, importable as `botocore`
once `awscli` is imported), so the input models used for task definitions and the command table
used for `aws ...` lines come from the same release (pinned in requirements/checks.txt).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Problem:
    path: Path_  # where in the input; a missing key is reported at its parent (it has no line)
    kind: str  # botocore's error type: "invalid type", "unknown field", "missing required field", ... or "enum"
    message: str


def validate(params: Any, service: str, operation: str) -> list[Problem]:
    """Every way params break the operation's input model, enums included."""
    shape = input_shape(service, operation)
    from botocore.validate import ParamValidator

    report = ParamValidator().validate(params, shape)
    problems: list[Problem] = []
    for error in report._errors:  # the public report is one string; we need each error's path
        kind, name, extra = error
        path = _path(name)
        if kind == "unknown field":
            path = (*path, extra["unknown_param"])
        problems.append(Problem(path, kind, report._format_error(error)))
    problems += [Problem(path, "enum", message) for path, message in _enum_problems(params, shape, ())]
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
def read_only_fields(service: str, describe: str, member: str, register: str) -> frozenset[str]:
    """Fields a describe operation returns that the register operation does not accept: for ECS task
    definitions, taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt..."""
    model = _session().get_service_model(service)
    described = model.operation_model(describe).output_shape.members[member]
    return frozenset(set(described.members) - set(model.operation_model(register).input_shape.members))


@functools.cache
def cli_driver() -> Any:
    _session()  # the botocore alias first
    from awscli.clidriver import create_clidriver

    return create_clidriver()


def services() -> dict[str, Any]:
    """The `aws` command table: service name (or CLI-only command group) -> its command object."""
    return cli_driver()._get_command_table()


def subcommands(command: Any) -> dict[str, Any] | None:
    """A command's own subcommands (operations of a service, `ecs wait`'s waiters), or None for a leaf."""
    if hasattr(command, "_get_command_table"):
        return command._get_command_table()
    table = getattr(command, "subcommand_table", None)
    return table or None


def _takes_value(argument: Any) -> bool:
    return getattr(argument, "cli_type_name", "string") != "boolean" and getattr(argument, "nargs", None) != 0


@functools.cache
def global_options() -> dict[str, bool]:
    """`aws` global option name -> whether it takes a value (--region X) or not (--debug)."""
    return {name: _takes_value(arg) for name, arg in cli_driver()._get_argument_table().items()}
