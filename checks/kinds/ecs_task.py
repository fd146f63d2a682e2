"""Amazon ECS task definitions (the JSON given to RegisterTaskDefinition).

First the AWS API's own input model (botocore), then the rules the model cannot express. Numbers
come from data/ through the handbook's typed accessors, the same data the ECS page renders.
"""

from __future__ import annotations

import graphlib
import itertools
import re
from collections.abc import Sequence
from typing import Any

from handbook.located import Located
from handbook.lookups import (
    fargate_ephemeral_storage,
    fargate_sizes,
    fargate_unsupported_linux_parameters,
    healthcheck_ranges,
)

from .. import awsmodel, templates
from ..model import CODES as MODEL_CODES
from ..model import CodeTable, Finding, Kind, Source, apply_rules
from ..parsed import load_json

CODES = CodeTable(
    (
        "ECS001",
        "error",
        "does not match the AWS API input model (botocore): unknown key, wrong type, bad enum value or missing field",
    ),
    ("ECS002", "error", "task cpu/memory is not a valid Fargate combination (data/tables/fargate-task-sizes.yaml)"),
    ("ECS003", "error", "a task that runs on Fargate must use networkMode awsvpc"),
    (
        "ECS004",
        "error",
        "a linuxParameters field that Fargate does not support "
        "(data/tables/ecs-fargate-unsupported-linux-parameters.yaml)",
    ),
    (
        "ECS005",
        "error",
        "no executionRoleArn although secrets, private-registry credentials, or awslogs / a private "
        "ECR image on Fargate need it",
    ),
    (
        "ECS006",
        "error",
        "the containers' cpu or memory add up to more than the task's, or a memoryReservation is above its memory",
    ),
    ("ECS007", "error", "hostPort differs from containerPort under awsvpc"),
    (
        "ECS008",
        "error",
        "healthCheck value outside its range (data/tables/ecs-healthcheck-ranges.yaml) or command not "
        "starting with CMD or CMD-SHELL",
    ),
    (
        "ECS009",
        "error",
        "awslogs log driver without a required option (awslogs-group, awslogs-region; "
        "awslogs-stream-prefix on Fargate)",
    ),
    ("ECS010", "error", "awsfirelens log driver but no container is a FireLens router (firelensConfiguration)"),
    ("ECS011", "error", "the FireLens router depends on a container whose logs it routes, so it would not start first"),
    ("ECS012", "error", "dependsOn, volumesFrom or links name a container that does not exist"),
    ("ECS013", "error", "containers depend on each other in a cycle"),
    ("ECS014", "error", "a mountPoints sourceVolume names a volume that the task does not define"),
    ("ECS015", "error", "no container is essential"),
    ("ECS016", "error", "an ARN whose account id is not 12 digits"),
    ("ECS017", "error", "a Fargate (awsvpc) service without networkConfiguration.awsvpcConfiguration"),
    ("ECS018", "error", "two containers share a name"),
    ("ECS019", "error", "a container without an image"),
    (
        "ECS020",
        "error",
        "ephemeralStorage.sizeInGiB outside the Fargate range (data/facts/fargate.yaml)",
    ),
    (
        "ECS021",
        "error",
        "describe-task-definition output, not RegisterTaskDefinition input: strip the read-only fields it names",
    ),
    ("ECS022", "error", "links under the awsvpc network mode, which does not support them"),
    ("ECS023", "error", "a port outside 0-65535"),
)
# Where ${VAR} is a shell expansion the container runs, not a placeholder in the file.
SHELL_KEYS = {"command", "entryPoint", "environment"}
DESCRIBE = ("ecs", "DescribeTaskDefinition", "taskDefinition", "RegisterTaskDefinition")

ARN = re.compile(r"^arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:([^:]*):")
PRIVATE_ECR = re.compile(r"^\d{12}\.dkr\.ecr\.")
HEALTH_COMMANDS = {"CMD", "CMD-SHELL"}


def _is_task(src: Source) -> bool:
    data = src.json_head() if src.path.suffix == ".json" else None
    if isinstance(data, dict) and isinstance(data.get("taskDefinition"), dict):
        data = data["taskDefinition"]  # the whole describe-task-definition response
    return isinstance(data, dict) and "containerDefinitions" in data


def _amount(value: Any, unit_word: str, per_unit: int) -> int | None:
    """Task cpu or memory as the API accepts it: "256", 256, or with a unit word ("0.25 vCPU", "0.5 GB")."""
    text = str(value).strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    match = re.fullmatch(rf"(\d+(?:\.\d+)?)\s*{unit_word}", text, re.IGNORECASE)
    return round(float(match.group(1)) * per_unit) if match else None


def _cpu_units(value: Any) -> int | None:
    return _amount(value, "vcpu", 1024)


def _memory_mib(value: Any) -> int | None:
    return _amount(value, "gb", 1024)


def _ranges(values: list[int]) -> str:
    """[1024, 2048, 3072] as "1024..3072 (step 1024)"; short irregular lists as they are."""
    steps = {b - a for a, b in itertools.pairwise(values)}
    if len(values) > 2 and len(steps) == 1:
        return f"{values[0]}..{values[-1]} in steps of {steps.pop()}"
    return ", ".join(map(str, values))


class _Task:
    """One task definition and the facts the rules share."""

    def __init__(self, src: Source, doc: Located):
        self.src = src
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        raw = self.data.get("containerDefinitions")
        self.containers: list[dict[str, Any]] = [c for c in raw if isinstance(c, dict)] if isinstance(raw, list) else []
        compat = self.data.get("requiresCompatibilities") or []
        self.fargate = isinstance(compat, list) and "FARGATE" in compat
        self.awsvpc = self.data.get("networkMode") == "awsvpc"
        self.names = {c.get("name") for c in self.containers}
        self.findings: list[Finding] = []

    def report(self, path: tuple[Any, ...], code: str, message: str) -> None:
        self.findings.append(CODES.finding(self.src, self.doc.line(*path), code, message))

    def each(self) -> list[tuple[int, dict[str, Any]]]:
        return list(enumerate(self.containers))


def _fargate_rules(task: _Task) -> None:
    if not task.fargate:
        return
    if not task.awsvpc:
        task.report(
            ("networkMode",), "ECS003", f"networkMode is {task.data.get('networkMode')!r}; FARGATE needs 'awsvpc'"
        )
    cpu, memory = task.data.get("cpu"), task.data.get("memory")
    if cpu is None or memory is None:
        task.report(("requiresCompatibilities",), "ECS002", "a FARGATE task needs task-level cpu and memory")
    else:
        units, mib, sizes = _cpu_units(cpu), _memory_mib(memory), fargate_sizes()
        if units not in sizes:
            task.report(
                ("cpu",), "ECS002", f"cpu {cpu!r} is not a Fargate size; use one of {', '.join(map(str, sizes))}"
            )
        elif mib not in sizes[units]:
            allowed = sizes[units]
            task.report(
                ("memory",),
                "ECS002",
                f"memory {memory!r} does not fit cpu {cpu!r} on Fargate; allowed: {_ranges(allowed)} MiB",
            )
    unsupported = fargate_unsupported_linux_parameters()
    for index, container in task.each():
        params = container.get("linuxParameters")
        if not isinstance(params, dict):
            continue
        for key in params:
            if key in unsupported:
                task.report(
                    ("containerDefinitions", index, "linuxParameters", key),
                    "ECS004",
                    f"linuxParameters.{key} is not supported on Fargate; instead: {unsupported[key]}",
                )


def _execution_role_rules(task: _Task) -> None:
    if task.data.get("executionRoleArn"):
        return
    for index, container in task.each():
        log = container.get("logConfiguration") if isinstance(container.get("logConfiguration"), dict) else {}
        needs = []
        if container.get("secrets") or log.get("secretOptions"):
            needs.append("secrets (Secrets Manager / SSM Parameter Store)")
        if container.get("repositoryCredentials"):
            needs.append("private-registry credentials")
        if task.fargate and log.get("logDriver") == "awslogs":
            needs.append("the awslogs log driver on Fargate")
        if task.fargate and PRIVATE_ECR.match(str(container.get("image", ""))):
            needs.append("pulling a private ECR image on Fargate")
        if needs:
            task.report(
                ("containerDefinitions", index, "name"),
                "ECS005",
                f"container {container.get('name')!r} uses {' and '.join(needs)}: the task needs executionRoleArn",
            )


def _container_rules(task: _Task) -> None:
    seen: dict[str, int] = {}
    for index, container in task.each():
        name = container.get("name")
        if isinstance(name, str) and name in seen:
            task.report(
                ("containerDefinitions", index, "name"),
                "ECS018",
                f"container name {name!r} is already used by containerDefinitions[{seen[name]}]",
            )
        elif isinstance(name, str):
            seen[name] = index
        if not container.get("image"):
            task.report(
                ("containerDefinitions", index),
                "ECS019",
                f"container {name!r} has no image; RegisterTaskDefinition refuses it",
            )
        if task.awsvpc and container.get("links"):
            task.report(
                ("containerDefinitions", index, "links"),
                "ECS022",
                f"container {name!r} has links, which awsvpc does not support: containers of the task reach each "
                "other on localhost",
            )
        memory, reservation = container.get("memory"), container.get("memoryReservation")
        if isinstance(memory, int) and isinstance(reservation, int) and reservation > memory:
            task.report(
                ("containerDefinitions", index, "memoryReservation"),
                "ECS006",
                f"container {name!r}: memoryReservation {reservation} is above its memory {memory} (the hard limit)",
            )
    storage = task.data.get("ephemeralStorage")
    size = storage.get("sizeInGiB") if isinstance(storage, dict) else None
    if isinstance(size, int):
        allowed = fargate_ephemeral_storage()
        if not allowed.low <= size <= allowed.high:
            task.report(
                ("ephemeralStorage", "sizeInGiB"),
                "ECS020",
                f"ephemeralStorage.sizeInGiB is {size}; Fargate accepts {allowed.low}..{allowed.high} "
                f"(without it the task gets {allowed.default} GiB)",
            )


def _size_rules(task: _Task) -> None:
    units, mib = _cpu_units(task.data.get("cpu", "")), _memory_mib(task.data.get("memory", ""))
    cpu_sum = sum(c.get("cpu", 0) for c in task.containers if isinstance(c.get("cpu", 0), int))
    mem_sum = sum(m for c in task.containers if isinstance(m := c.get("memory", c.get("memoryReservation", 0)), int))
    if units is not None and cpu_sum > units:
        task.report(
            ("cpu",), "ECS006", f"containers reserve {cpu_sum} cpu units in total, more than the task's {units}"
        )
    if mib is not None and mem_sum > mib:
        task.report(("memory",), "ECS006", f"containers reserve {mem_sum} MiB in total, more than the task's {mib}")


def _port_rules(task: _Task) -> None:
    for index, container in task.each():
        for pindex, mapping in enumerate(container.get("portMappings") or []):
            for key in ("containerPort", "hostPort"):
                port = mapping.get(key) if isinstance(mapping, dict) else None
                if isinstance(port, int) and not 0 <= port <= 65535:
                    task.report(
                        ("containerDefinitions", index, "portMappings", pindex, key),
                        "ECS023",
                        f"{key} {port} is not a port (0-65535)",
                    )
    if not task.awsvpc:
        return
    for index, container in task.each():
        for pindex, mapping in enumerate(container.get("portMappings") or []):
            if not isinstance(mapping, dict):
                continue
            host, port = mapping.get("hostPort"), mapping.get("containerPort")
            if host is not None and port is not None and host != port:
                task.report(
                    ("containerDefinitions", index, "portMappings", pindex, "hostPort"),
                    "ECS007",
                    f"hostPort {host} must equal containerPort {port} (or be omitted) under awsvpc",
                )


def _health_rules(task: _Task) -> None:
    ranges = healthcheck_ranges()
    for index, container in task.each():
        check = container.get("healthCheck")
        if not isinstance(check, dict):
            continue
        where = ("containerDefinitions", index, "healthCheck")
        command = check.get("command")
        if isinstance(command, list) and command and command[0] not in HEALTH_COMMANDS:
            task.report(
                (*where, "command"),
                "ECS008",
                f"healthCheck.command starts with {command[0]!r}; it must start with CMD or CMD-SHELL",
            )
        for key, allowed in ranges.items():
            value = check.get(key)
            if isinstance(value, int) and not allowed.low <= value <= allowed.high:
                task.report(
                    (*where, key), "ECS008", f"healthCheck.{key} is {value}; allowed {allowed.low}..{allowed.high}"
                )


def _log_rules(task: _Task) -> None:
    routers = [c.get("name") for c in task.containers if c.get("firelensConfiguration")]
    routed = {
        c.get("name")
        for c in task.containers
        if isinstance(c.get("logConfiguration"), dict) and c["logConfiguration"].get("logDriver") == "awsfirelens"
    }
    for index, container in task.each():
        log = container.get("logConfiguration")
        if not isinstance(log, dict):
            continue
        where = ("containerDefinitions", index, "logConfiguration")
        if log.get("logDriver") == "awslogs":
            options = log.get("options") if isinstance(log.get("options"), dict) else {}
            required = ["awslogs-group", "awslogs-region"] + (["awslogs-stream-prefix"] if task.fargate else [])
            missing = [o for o in required if o not in options]
            if missing:
                task.report((*where, "options"), "ECS009", f"awslogs needs option(s) {', '.join(missing)}")
        if log.get("logDriver") == "awsfirelens" and not routers:
            task.report(
                (*where, "logDriver"),
                "ECS010",
                "awsfirelens sends logs to a FireLens router, but no container has firelensConfiguration",
            )
    for index, container in task.each():
        if not container.get("firelensConfiguration"):
            continue
        for dindex, dep in enumerate(container.get("dependsOn") or []):
            if isinstance(dep, dict) and dep.get("containerName") in routed:
                task.report(
                    ("containerDefinitions", index, "dependsOn", dindex),
                    "ECS011",
                    f"FireLens router {container.get('name')!r} waits for {dep.get('containerName')!r}, whose "
                    "logs it routes; remove this dependsOn so the router starts first",
                )


def _reference_rules(task: _Task) -> None:
    volumes = {v.get("name") for v in task.data.get("volumes") or [] if isinstance(v, dict)}
    graph: dict[str, list[str]] = {}
    for index, container in task.each():
        name = container.get("name")
        where = ("containerDefinitions", index)
        refs: list[tuple[tuple[Any, ...], str]] = []
        for dindex, dep in enumerate(container.get("dependsOn") or []):
            if isinstance(dep, dict):
                refs.append(((*where, "dependsOn", dindex), str(dep.get("containerName"))))
                graph.setdefault(str(name), []).append(str(dep.get("containerName")))
        for vindex, source in enumerate(container.get("volumesFrom") or []):
            if isinstance(source, dict):
                refs.append(((*where, "volumesFrom", vindex), str(source.get("sourceContainer"))))
        for lindex, link in enumerate(container.get("links") or []):
            refs.append(((*where, "links", lindex), str(link).split(":")[0]))
        for path, target in refs:
            if target not in task.names:
                task.report(path, "ECS012", f"container {name!r} refers to {target!r}, which is not a container here")
        for mindex, mount in enumerate(container.get("mountPoints") or []):
            if isinstance(mount, dict) and mount.get("sourceVolume") not in volumes:
                task.report(
                    (*where, "mountPoints", mindex),
                    "ECS014",
                    f"sourceVolume {mount.get('sourceVolume')!r} is not in volumes "
                    f"({', '.join(sorted(map(str, volumes))) or 'none defined'})",
                )
    cycle = _cycle(graph)
    if cycle:
        first = next(i for i, c in task.each() if c.get("name") == cycle[0])
        task.report(("containerDefinitions", first, "dependsOn"), "ECS013", "dependsOn cycle: " + " -> ".join(cycle))
    if task.containers and all(c.get("essential") is False for c in task.containers):
        task.report(
            ("containerDefinitions",), "ECS015", "every container has essential: false; at least one must be essential"
        )


def _cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A dependsOn cycle as [a, b, ..., a], or None."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        return list(reversed(exc.args[1]))
    return None


def arn_rules(src: Source, doc: Located) -> list[Finding]:
    """ECS016 for each ARN whose account id is not 12 digits; placeholders (XXXXXXXXXXXX, <account-id>)
    are named once, in a TPL001 note, as what is left to fill in."""
    findings = []
    placeholders: list[tuple[int, str]] = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*path, index))
        elif isinstance(value, str) and (match := ARN.match(value)):
            account = match.group(1)
            if account and templates.is_placeholder(account):
                placeholders.append((doc.line(*path), account))
            elif account and not re.fullmatch(r"\d{12}", account):
                findings.append(
                    CODES.finding(
                        src,
                        doc.line(*path),
                        "ECS016",
                        f"ARN account id {account!r} must be 12 digits (e.g. 111122223333)",
                    )
                )

    walk(doc.data, ())
    if placeholders:
        names = ", ".join(sorted({repr(p) for _, p in placeholders}))
        findings.append(
            MODEL_CODES.finding(
                src,
                placeholders[0][0],
                "TPL001",
                f"placeholder account id {names} in {len(placeholders)} ARN(s): fill it in before registering",
            )
        )
    return findings


def template_note(src: Source, data: Any = None) -> Finding | None:
    """TPL001 for a definition that is a template ({{ }}, or ${VAR} outside the container's own shell
    strings): it is checked once rendered, not as it stands."""
    why = templates.template_syntax(src.text)
    if why is None and data is not None:
        found = sorted(set(_variables(data)))
        why = f"variables {', '.join(found[:3])}" + (" ..." if len(found) > 3 else "") if found else None
    elif why is None:
        found = templates.variables(src.text)
        why = f"variables {', '.join(found[:3])}" if found else None
    if why is None:
        return None
    return MODEL_CODES.finding(src, 1, "TPL001", f"templated ({why}): not checked; check the rendered file")


def _variables(value: Any, key: str = "") -> list[str]:
    if key in SHELL_KEYS:
        return []
    if isinstance(value, dict):
        return [v for k, child in value.items() for v in _variables(child, str(k))]
    if isinstance(value, list):
        return [v for child in value for v in _variables(child, key)]
    return templates.variables(value) if isinstance(value, str) else []


def load_definition(src: Source, findings: list[Finding]) -> Located | None:
    """The parsed JSON, or None when the file is a template or does not parse (its one finding added)."""
    doc = load_json(src)
    if isinstance(doc, Finding):
        findings.append(template_note(src) or doc)
        return None
    note = template_note(src, doc.data)
    if note is not None:
        findings.append(note)
        return None
    return doc


def definition(src: Source, findings: list[Finding]) -> tuple[Located, tuple[str, ...]] | None:
    """The task definition to check, and the key path it sits under (("taskDefinition",) for a whole
    describe response); None for a template or a file that does not parse."""
    doc = load_definition(src, findings)
    if doc is None:
        return None
    if isinstance(doc.data, dict) and set(doc.data) - {"tags"} == {"taskDefinition"}:
        inner = {path[1:]: line for path, line in doc.lines.items() if path[:1] == ("taskDefinition",)}
        return Located(doc.data["taskDefinition"], inner), ("taskDefinition",)
    return doc, ()


def describe_rule(src: Source, doc: Located, wrapper: tuple[str, ...]) -> tuple[Located, list[Finding]]:
    """ECS021 once for describe output (its read-only fields, and the wrapper), and the definition without them."""
    if not isinstance(doc.data, dict):
        return doc, []
    read_only = [key for key in doc.data if key in awsmodel.read_only_fields(*DESCRIBE)]
    if not read_only and not wrapper:
        return doc, []
    parts = []
    if wrapper:
        parts.append("it is the whole response: save `aws ecs describe-task-definition ... --query taskDefinition`")
    if read_only:
        parts.append(f"strip the read-only fields {', '.join(read_only)} before register-task-definition")
    line = doc.line(read_only[0]) if read_only else 1
    finding = CODES.finding(src, line, "ECS021", "describe-task-definition output: " + "; ".join(parts))
    stripped = {k: v for k, v in doc.data.items() if k not in read_only}
    return Located(stripped, doc.lines), [finding]


def model_rules(src: Source, doc: Located, operation: str) -> tuple[list[Finding], bool]:
    """(ECS001 findings, whether a value has the wrong type: our rules would misread such a document)."""
    problems = awsmodel.validate(doc.data, "ecs", operation)
    findings = [CODES.finding(src, doc.line(*p.path), "ECS001", f"{operation}: {p.message}") for p in problems]
    return findings, any(p.kind == "invalid type" for p in problems)


TASK_RULES = (
    _container_rules,
    _fargate_rules,
    _execution_role_rules,
    _size_rules,
    _port_rules,
    _health_rules,
    _log_rules,
    _reference_rules,
)


def check_tasks(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        found = definition(src, findings)
        if found is None:
            continue
        doc, found_findings = describe_rule(src, *found)
        findings += found_findings
        model, mistyped = model_rules(src, doc, "RegisterTaskDefinition")
        findings += model + arn_rules(src, doc)
        if mistyped or not isinstance(doc.data, dict):
            continue  # a value of the wrong type: ECS001 names it, and our rules would read it wrongly
        task = _Task(src, doc)
        findings += apply_rules(src, TASK_RULES, task) + task.findings
    return findings


KIND = Kind(
    name="ECS task definition",
    description="RegisterTaskDefinition input",
    recognised_by="*.json with containerDefinitions (also describe-task-definition output, wrapped or not)",
    tools=("botocore RegisterTaskDefinition model", "ECS task definition rules"),
    codes=CODES,
    matches=_is_task,
    check=check_tasks,
)
