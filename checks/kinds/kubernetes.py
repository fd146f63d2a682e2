"""Kubernetes manifests: kubernetes-validate (strict), then what the API server or kubelet enforce beyond schemas."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from handbook.located import Located

from ..model import CodeTable, Finding, Kind, Source, apply_rules
from ..parsed import load_yaml
from ..schemas import error_path

KUBERNETES_VERSION = "1.34.0"  # a recent release that EKS supports; kubernetes-validate ships its schemas

CODES = CodeTable(
    (
        "K8S001",
        "error",
        f"does not match the Kubernetes {KUBERNETES_VERSION} schema (kubernetes-validate, strict: unknown fields fail)",
    ),
    ("K8S002", "warning", "no schema for this apiVersion/kind (a custom resource?), so only our rules ran"),
    ("K8S003", "error", "the selector does not match the pod template's labels"),
    ("K8S004", "error", "a resource request is larger than its limit"),
    ("K8S005", "error", "a probe uses a named port that the container does not declare"),
    ("K8S006", "warning", "a probe uses a port number that the container does not declare"),
)
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
SUFFIX = {
    "": 1,
    "m": Decimal("0.001"),
    "k": 10**3,
    "M": 10**6,
    "G": 10**9,
    "T": 10**12,
    "P": 10**15,
    "Ki": 2**10,
    "Mi": 2**20,
    "Gi": 2**30,
    "Ti": 2**40,
    "Pi": 2**50,
}


def _is_manifest(src: Source) -> bool:
    if src.path.suffix not in {".yaml", ".yml"}:
        return False
    docs = load_yaml(src)
    if not isinstance(docs, list):
        return False
    objects = [d.data for d in docs if d.data is not None]
    return bool(objects) and all(isinstance(o, dict) and "apiVersion" in o and "kind" in o for o in objects)


def quantity(value: Any) -> Decimal | None:
    match = re.fullmatch(r"([0-9.]+)(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?", str(value).strip())
    return Decimal(match.group(1)) * SUFFIX[match.group(2) or ""] if match else None


def _pod_specs(obj: dict[str, Any]) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    kind = obj.get("kind")
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    if kind == "Pod":
        return [(("spec",), spec)]
    if kind in WORKLOADS:
        return [(("spec", "template", "spec"), (spec.get("template") or {}).get("spec") or {})]
    if kind == "CronJob":
        template = ((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}
        return [(("spec", "jobTemplate", "spec", "template", "spec"), template.get("spec") or {})]
    return []


def _selector_matches(selector: dict[str, Any], labels: dict[str, Any]) -> bool:
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr.get("key"), expr.get("operator"), expr.get("values") or []
        ok = {
            "In": labels.get(key) in values,
            "NotIn": labels.get(key) not in values,
            "Exists": key in labels,
            "DoesNotExist": key not in labels,
        }.get(op, True)
        if not ok:
            return False
    return True


def _rules(src: Source, doc: Located) -> list[Finding]:
    obj = doc.data
    findings: list[Finding] = []
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    if obj.get("kind") in WORKLOADS - {"Job"} and isinstance(spec.get("selector"), dict):
        labels = ((spec.get("template") or {}).get("metadata") or {}).get("labels") or {}
        if not _selector_matches(spec["selector"], labels):
            findings.append(
                CODES.finding(
                    src,
                    doc.line("spec", "selector"),
                    "K8S003",
                    f"{obj['kind']} selector {spec['selector']} does not select its pod template "
                    f"labels {labels}; the API server rejects it",
                )
            )
    for base, pod in _pod_specs(obj):
        for group in ("initContainers", "containers"):
            for index, container in enumerate(pod.get(group) or []):
                if isinstance(container, dict):
                    findings += _container_rules(src, doc, (*base, group, index), container)
    return findings


def _container_rules(src: Source, doc: Located, where: tuple[Any, ...], container: dict[str, Any]) -> list[Finding]:
    findings = []
    resources = container.get("resources") or {}
    requests, limits = resources.get("requests") or {}, resources.get("limits") or {}
    for name, wanted in requests.items():
        if name in limits:
            low, high = quantity(wanted), quantity(limits[name])
            if low is not None and high is not None and low > high:
                findings.append(
                    CODES.finding(
                        src,
                        doc.line(*where, "resources", "requests", name),
                        "K8S004",
                        f"{name} request {wanted} is larger than its limit {limits[name]}",
                    )
                )
    ports = [p for p in container.get("ports") or [] if isinstance(p, dict)]
    names = {p.get("name") for p in ports if p.get("name")}
    numbers = {p.get("containerPort") for p in ports}
    for probe_name in ("livenessProbe", "readinessProbe", "startupProbe"):
        probe = container.get(probe_name) or {}
        for handler in ("httpGet", "tcpSocket", "grpc"):
            action = probe.get(handler)
            if not isinstance(action, dict) or "port" not in action:
                continue
            port, line = action["port"], doc.line(*where, probe_name, handler, "port")
            if isinstance(port, str) and not port.isdigit() and port not in names:
                findings.append(
                    CODES.finding(
                        src,
                        line,
                        "K8S005",
                        f"{probe_name} uses port {port!r}, but the container "
                        f"declares {', '.join(sorted(names)) or 'no named ports'}",
                    )
                )
            elif (isinstance(port, int) or str(port).isdigit()) and int(port) not in numbers:
                findings.append(
                    CODES.finding(
                        src,
                        line,
                        "K8S006",
                        f"{probe_name} probes port {port}, which the container does not declare in ports",
                    )
                )
    return findings


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        docs = load_yaml(src)
        if isinstance(docs, Finding):
            findings.append(docs)
            continue
        for doc in docs:
            if not isinstance(doc.data, dict):
                continue
            schema, mistyped = _schema(src, doc)
            findings += schema
            if not mistyped:  # a value of the wrong type: K8S001 names it, and our rules would misread it
                findings += apply_rules(src, (_rules,), src, doc)
    return findings


@functools.cache
def _kubernetes_validate() -> Any:
    """The library, imported on first use (the site build only needs the labels)."""
    import kubernetes_validate

    # It re-reads and re-parses its multi-megabyte schema files for every document; they never
    # change within a run, so read each once.
    utils = kubernetes_validate.utils
    utils.schema_contents = functools.lru_cache(maxsize=None)(utils.schema_contents)
    return kubernetes_validate


def _schema(src: Source, doc: Located) -> tuple[list[Finding], bool]:
    """(findings, whether a value has the wrong type)."""
    kubernetes_validate = _kubernetes_validate()
    try:
        kubernetes_validate.validate(doc.data, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.SchemaNotFoundError:
        finding = CODES.finding(
            src,
            doc.line("kind"),
            "K8S002",
            f"no {KUBERNETES_VERSION} schema for {doc.data.get('apiVersion')}/{doc.data.get('kind')}",
        )
        return [finding], False
    except kubernetes_validate.ValidationError as error:
        where = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        message = f"{doc.data.get('kind')} {where}: {error.message}"
        return [CODES.finding(src, doc.line(*error_path(error)), "K8S001", message)], error.validator == "type"
    return [], False


KIND = Kind(
    name="Kubernetes manifest",
    description="Kubernetes objects",
    recognised_by="*.yaml / *.yml whose documents all have apiVersion and kind (multi-document)",
    tools=(f"kubernetes-validate (strict, Kubernetes {KUBERNETES_VERSION})", "Kubernetes rules"),
    codes=CODES,
    matches=_is_manifest,
    check=check,
)
