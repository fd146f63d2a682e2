"""Kubernetes manifests: kubernetes-validate (strict), then what the API server or kubelet enforce beyond schemas.

The published OpenAPI schemas leave out much of what the API server validates in code: quantity
syntax, enum values such as imagePullPolicy, required container images, unique container names,
object name syntax, port ranges. Those rules are ours, each one line of the API server's own
validation. API versions the server no longer serves come from data/tables/kubernetes-removed-apis.yaml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from handbook.located import Located
from handbook.lookups import kubernetes_removed_apis

from .. import templates
from ..model import CODES as MODEL_CODES
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
    ("K8S002", "note", "no schema for this apiVersion/kind (a custom resource?), so only our rules ran"),
    ("K8S003", "error", "the selector does not match the pod template's labels"),
    ("K8S004", "error", "a resource request is larger than its limit"),
    ("K8S005", "error", "a probe uses a named port that the container does not declare"),
    ("K8S006", "warning", "a probe uses a port number that the container does not declare"),
    (
        "K8S007",
        "error",
        "an API version the API server no longer serves (data/tables/kubernetes-removed-apis.yaml): use the one named",
    ),
    ("K8S008", "error", "a resource quantity Kubernetes cannot parse (e.g. 256MB: the suffixes are Mi, M, Gi, G ...)"),
    ("K8S009", "error", "imagePullPolicy other than Always, IfNotPresent or Never (they are case-sensitive)"),
    ("K8S010", "error", "a container without an image, or two containers of a pod with the same name"),
    ("K8S011", "error", "an object or container name that is not a valid DNS name (lower case, digits, '-', '.')"),
    ("K8S012", "error", "a Deployment/StatefulSet/DaemonSet/ReplicaSet pod template whose restartPolicy is not Always"),
    ("K8S013", "error", "a port outside 1-65535"),
)
# The API server's grammar for quantities (k8s.io/apimachinery resource.Quantity).
QUANTITY = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[mkMGTPE]|[eE][+-]?\d+)?$")
PULL_POLICIES = {"Always", "IfNotPresent", "Never"}
DNS_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$")
DNS_LABEL = re.compile(r"^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$")
# Kinds whose names the API server checks as DNS subdomains (RBAC and others accept more, e.g. ':').
SUBDOMAIN_NAMES = {
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "ConfigMap", "Secret",
    "Ingress", "PersistentVolumeClaim", "PersistentVolume", "ServiceAccount", "HorizontalPodAutoscaler",
    "PodDisruptionBudget", "NetworkPolicy", "StorageClass", "ReplicationController",
}  # fmt: skip
LABEL_NAMES = {"Service", "Namespace"}  # DNS labels: no dots, at most 63 characters
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
APPS = WORKLOADS - {"Job"}
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


def _looks_templated(src: Source) -> bool:
    """A Helm/Go template of a manifest: template syntax and the apiVersion and kind lines of an object."""
    text = src.text
    return bool(templates.template_syntax(text)) and bool(
        re.search(r"^apiVersion:", text, re.M) and re.search(r"^kind:", text, re.M)
    )


def _is_manifest(src: Source) -> bool:
    if src.path.suffix not in {".yaml", ".yml"}:
        return False
    if _looks_templated(src):
        return True
    docs = load_yaml(src)
    if not isinstance(docs, list):
        return False
    objects = [d.data for d in docs if d.data is not None]
    return bool(objects) and all(isinstance(o, dict) and "apiVersion" in o and "kind" in o for o in objects)


def quantity(value: Any) -> Decimal | None:
    match = re.fullmatch(r"([0-9.]+)(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?", str(value).strip())
    return Decimal(match.group(1)) * SUFFIX[match.group(2) or ""] if match else None


def valid_quantity(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or QUANTITY.match(str(value)) is not None


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


def _name_rules(src: Source, doc: Located) -> list[Finding]:
    obj = doc.data
    metadata = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    name, kind = metadata.get("name"), obj.get("kind")
    if not isinstance(name, str) or templates.is_placeholder(name):
        return []
    label = kind in LABEL_NAMES
    if (kind in SUBDOMAIN_NAMES or label) and not _dns_name(name, label):
        what = "a DNS label (at most 63 of a-z, 0-9, '-')" if label else "a DNS subdomain (a-z, 0-9, '-', '.')"
        return [CODES.finding(src, doc.line("metadata", "name"), "K8S011", f"{kind} name {name!r} is not {what}")]
    return []


def _dns_name(name: str, label: bool) -> bool:
    if label:
        return len(name) <= 63 and DNS_LABEL.match(name) is not None
    return len(name) <= 253 and DNS_SUBDOMAIN.match(name) is not None


def _service_rules(src: Source, doc: Located) -> list[Finding]:
    obj = doc.data
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    if obj.get("kind") != "Service":
        return []
    findings = []
    for index, port in enumerate(spec.get("ports") or []):
        for key in ("port", "targetPort", "nodePort"):
            value = port.get(key) if isinstance(port, dict) else None
            unset = key != "port" and value == 0  # 0 is the API's "not set": the port, or one allocated
            if isinstance(value, int) and not unset and not 1 <= value <= 65535:
                findings.append(
                    CODES.finding(src, doc.line("spec", "ports", index, key), "K8S013", f"{key} {value} is not 1-65535")
                )
    return findings


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
        findings += _pod_rules(src, doc, obj, base, pod)
        for group in ("initContainers", "containers"):
            for index, container in enumerate(pod.get(group) or []):
                if isinstance(container, dict):
                    findings += _container_rules(src, doc, (*base, group, index), container)
    return findings


def _pod_rules(
    src: Source, doc: Located, obj: dict[str, Any], base: tuple[Any, ...], pod: dict[str, Any]
) -> list[Finding]:
    findings = []
    policy = pod.get("restartPolicy")
    if obj.get("kind") in APPS and policy not in (None, "Always"):
        findings.append(
            CODES.finding(
                src,
                doc.line(*base, "restartPolicy"),
                "K8S012",
                f"{obj.get('kind')} pod templates only accept restartPolicy Always, not {policy!r}",
            )
        )
    seen: dict[str, str] = {}
    for group in ("initContainers", "containers"):
        for index, container in enumerate(pod.get(group) or []):
            if not isinstance(container, dict):
                continue
            name = container.get("name")
            where = (*base, group, index)
            if isinstance(name, str) and name in seen:
                findings.append(
                    CODES.finding(
                        src,
                        doc.line(*where, "name"),
                        "K8S010",
                        f"container name {name!r} is already used in {seen[name]}",
                    )
                )
            elif isinstance(name, str):
                seen[name] = group
                if not DNS_LABEL.match(name) or len(name) > 63:
                    findings.append(
                        CODES.finding(
                            src, doc.line(*where, "name"), "K8S011", f"container name {name!r} is not a DNS label"
                        )
                    )
            if not container.get("image"):
                findings.append(
                    CODES.finding(
                        src, doc.line(*where), "K8S010", f"container {name!r} has no image; the API server refuses it"
                    )
                )
    for index, volume in enumerate(pod.get("volumes") or []):
        empty = volume.get("emptyDir") if isinstance(volume, dict) else None
        if isinstance(empty, dict) and "sizeLimit" in empty and not valid_quantity(empty["sizeLimit"]):
            findings.append(
                _bad_quantity(src, doc.line(*base, "volumes", index, "emptyDir", "sizeLimit"), empty["sizeLimit"])
            )
    return findings


def _bad_quantity(src: Source, line: int, value: Any) -> Finding:
    hint = re.sub(r"([KMGTPE])B$", r"\1i", str(value).strip())
    suggestion = f" (did you mean {hint}?)" if hint != str(value).strip() and QUANTITY.match(hint) else ""
    return CODES.finding(src, line, "K8S008", f"{value!r} is not a Kubernetes quantity{suggestion}")


def _container_rules(src: Source, doc: Located, where: tuple[Any, ...], container: dict[str, Any]) -> list[Finding]:
    findings = []
    resources = container.get("resources") or {}
    requests, limits = resources.get("requests") or {}, resources.get("limits") or {}
    for group, amounts in (("requests", requests), ("limits", limits)):
        for name, amount in amounts.items():
            if not valid_quantity(amount):
                findings.append(_bad_quantity(src, doc.line(*where, "resources", group, name), amount))
    policy = container.get("imagePullPolicy")
    if policy is not None and policy not in PULL_POLICIES:
        findings.append(
            CODES.finding(
                src,
                doc.line(*where, "imagePullPolicy"),
                "K8S009",
                f"imagePullPolicy {policy!r} is not one of Always, IfNotPresent, Never",
            )
        )
    for pindex, port in enumerate(container.get("ports") or []):
        for key in ("containerPort", "hostPort"):
            value = port.get(key) if isinstance(port, dict) else None
            unset = key == "hostPort" and value == 0
            if isinstance(value, int) and not unset and not 1 <= value <= 65535:
                findings.append(
                    CODES.finding(
                        src, doc.line(*where, "ports", pindex, key), "K8S013", f"{key} {value} is not 1-65535"
                    )
                )
    for name, wanted in requests.items():
        if name in limits and valid_quantity(wanted) and valid_quantity(limits[name]):
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


RULES = (_rules, _name_rules, _service_rules)


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src in sources:
        if _looks_templated(src):
            template = templates.template_syntax(src.text) or ""
            message = f"templated ({template[:40]!r}): not checked; check what `helm template` renders"
            findings.append(MODEL_CODES.finding(src, 1, "TPL001", message))
            continue
        docs = load_yaml(src)
        if isinstance(docs, Finding):
            findings.append(docs)
            continue
        for doc in docs:
            if not isinstance(doc.data, dict):
                continue
            removed = kubernetes_removed_apis().get((str(doc.data.get("apiVersion")), str(doc.data.get("kind"))))
            if removed is not None:
                findings.append(
                    CODES.finding(
                        src,
                        doc.line("apiVersion"),
                        "K8S007",
                        f"{doc.data['apiVersion']} {doc.data['kind']} is no longer served since Kubernetes "
                        f"{removed.removed_in}: use {removed.replacement}",
                    )
                )
                schema, mistyped = [], False
            else:
                schema, mistyped = _schema(src, doc)
            findings += schema
            if not mistyped:  # a value of the wrong type: K8S001 names it, and our rules would misread it
                findings += apply_rules(src, RULES, src, doc)
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
        if isinstance(error.instance, str) and templates.is_placeholder(error.instance):
            message = f"{where} is the placeholder {error.instance!r}: fill it in before applying"
            return [MODEL_CODES.finding(src, doc.line(*error_path(error)), "TPL001", message)], True
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
