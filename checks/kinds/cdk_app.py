"""AWS CDK apps in TypeScript: tsc in strict mode, the synth with cdk-nag, and cfn-lint on its templates.

A file belongs to a CDK app when a cdk.json sits in its folder or above; the whole app is checked
once, whichever of its files were named, because what breaks an app often sits between its files.
Codes of the tools pass through: tsc's TS####, cdk-nag's AwsSolutions-*, cfn-lint's E####/W####.
Our rules cover what no tool says: strict mode off, a synth that fails or needs account lookups, and
a cdk-nag acknowledgement without a reason (CDK accepts an empty one).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..cdkapp import WORKDIR, AppRun, app_root, run_app
from ..model import CodeTable, Finding, Kind, Source, apply_rules, tool_severity

CODES = CodeTable(
    ("CDK001", "error", "tsconfig.json of a CDK app must exist and set compilerOptions.strict: true"),
    ("CDK002", "error", "the CDK app does not synthesize (its cdk.json app command, run offline as `cdk synth` would)"),
    ("CDK003", "error", "a cdk-nag acknowledgement (Validations.of(...).acknowledge) gives no reason"),
    ("CDK004", "error", "the synth needed context lookups: the template would depend on the account that runs it"),
)
SUFFIXES = {".ts", ".mts", ".cts"}
NAMES = {"cdk.json", "tsconfig.json"}
TSC_LINE = re.compile(
    r"^(?P<file>[^\s(][^(]*)\((?P<line>\d+),\d+\): (?P<level>error|warning) (?P<code>TS\d+): (?P<msg>.*)$"
)
FRAME = re.compile(re.escape(WORKDIR) + r"/(?P<file>[^:()\s]+):(?P<line>\d+)")
MIN_REASON = 10  # characters: "ok" or "n/a" is not a reason
ACKNOWLEDGED = "aws:cdk:acknowledged-rules"  # Validations.ACKNOWLEDGED_RULES_METADATA_KEY
CREATED = "aws:cdk:creationStack"


def _matches(src: Source) -> bool:
    name = src.path.name
    if not (name in NAMES or (src.path.suffix in SUFFIXES and not name.endswith(".d.ts"))):
        return False
    return app_root(src.path.resolve().parent) is not None


class _App:
    """Turns one app's run into findings on its files, named as the user named them."""

    def __init__(self, root: Path, sources: list[Source]) -> None:
        self.root = root
        self.by_path = {s.path.resolve(): s for s in sources}
        self.anchor = sources[0]

    def src(self, relative: str) -> Source:
        path = (self.root / relative).resolve()
        known = self.by_path.get(path)
        if known is not None:
            return known
        # The app's folder as the user named it: the anchor's display path less its depth in the app.
        display = Path(self.anchor.display)
        for _ in self.anchor.path.resolve().relative_to(self.root).parts:
            display = display.parent
        return Source(path, str(display / relative))

    def entry(self) -> tuple[Source, int]:
        """The app's entry file (cdk.json's app command), where findings on the whole template go."""
        try:
            command = str(json.loads((self.root / "cdk.json").read_text()).get("app", ""))
        except ValueError:
            command = ""
        for word in command.split():
            if (self.root / word).is_file():
                return self.src(word), 1
        return self.src("cdk.json"), 1

    def where(self, text: str) -> tuple[Source, int]:
        """The first frame of a stack trace (from `run.relative`) inside the app's own files, not its dependencies."""
        for match in FRAME.finditer(text):
            if not match.group("file").startswith("node_modules/"):
                return self.src(match.group("file")), int(match.group("line"))
        return self.entry()


def _strict(app: _App, _run: AppRun) -> list[Finding]:
    config = app.root / "tsconfig.json"
    src = app.src("tsconfig.json")
    if not config.is_file():
        return [
            CODES.finding(app.entry()[0], 1, "CDK001", "no tsconfig.json next to cdk.json: tsc cannot check the app")
        ]
    try:
        options = json.loads(config.read_text(encoding="utf-8")).get("compilerOptions") or {}
    except ValueError as exc:  # tsconfig allows comments; we ask for plain JSON so both tools agree
        return [CODES.finding(src, 1, "CDK001", f"tsconfig.json is not plain JSON: {exc}")]
    if options.get("strict") is not True:
        line = next((n for n, text in enumerate(src.text.splitlines(), 1) if '"strict"' in text), 1)
        return [
            CODES.finding(
                src, line, "CDK001", 'set "strict": true in compilerOptions: the app is checked in strict mode'
            )
        ]
    return []


def _tsc(app: _App, run: AppRun) -> list[Finding]:
    findings = []
    for raw in run.tsc_output.splitlines():
        match = TSC_LINE.match(raw.replace(f"{WORKDIR}/", ""))
        if match:
            findings.append(
                Finding(
                    app.src(match.group("file")).display,
                    int(match.group("line")),
                    tool_severity(match.group("level")),
                    match.group("code"),
                    f"{match.group('msg')} (tsc)",
                )
            )
    if run.tsc_code != 0 and not findings:
        src, line = app.entry()
        last = (run.tsc_output.strip().splitlines() or ["no output"])[-1]
        findings.append(Finding(src.display, line, "error", "TS", f"tsc failed: {last}"))
    return findings


def _synth(app: _App, run: AppRun) -> list[Finding]:
    if run.synth_code == 0 and run.templates:
        return []
    report = run.validation_report()
    if report and any(p.get("conclusion") == "failure" for p in report.get("pluginReports", [])):
        return []  # the validation plugins' findings say why (see _validation)
    src, line = app.where(run.relative(run.synth_output))
    lines = [text for text in run.synth_output.strip().splitlines() if text.strip()]
    reason = next((t for t in lines if re.match(r"\s*(\w*Error\b|«)", t)), lines[-1] if lines else "no cloud assembly")
    if run.synth_code == 0:
        reason = "the app wrote no CloudFormation template"
    return [CODES.finding(src, line, "CDK002", reason.replace(f"{WORKDIR}/", "").strip())]


def _violations(report: dict[str, Any], key: str) -> list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    return [
        (plugin, violation, construct)
        for plugin in report.get("pluginReports", [])
        for violation in plugin.get(key, [])
        for construct in violation.get("violatingConstructs", [])
    ]


def _validation(app: _App, run: AppRun) -> list[Finding]:
    """Unacknowledged findings of cdk-nag (and of any other validation plugin), at the line that made them."""
    report = run.validation_report() or {}
    findings = []
    for plugin, violation, construct in _violations(report, "violations"):
        src, line = app.where(run.relative("\n".join(construct.get("stackTraces") or [])))
        message = f"{violation.get('description', '')} [{construct.get('constructPath')}] ({plugin.get('pluginName')})"
        severity = "error" if violation.get("severity") in {"error", "fatal"} else "warning"
        findings.append(Finding(src.display, line, severity, str(violation.get("ruleName")), message))
    return findings


def _reasons(app: _App, run: AppRun) -> list[Finding]:
    """Every acknowledgement recorded on a construct, whether or not it suppressed a finding this time."""
    findings = []
    for entries in run.construct_metadata().values():
        for entry in entries:
            if entry.get("type") != ACKNOWLEDGED or not isinstance(entry.get("data"), dict):
                continue
            for rule, reason in entry["data"].items():
                if len(str(reason or "").strip()) < MIN_REASON:
                    src, line = app.where(run.relative("\n".join(entry.get("trace") or [])))
                    findings.append(
                        CODES.finding(src, line, "CDK003", f"acknowledge {rule.rpartition('::')[2]} with a reason")
                    )
    return findings


def _lookups(app: _App, run: AppRun) -> list[Finding]:
    missing = run.manifest().get("missing") or []
    if not missing:
        return []
    src, line = app.entry()
    keys = ", ".join(sorted({str(m.get("provider")) for m in missing}))
    return [CODES.finding(src, line, "CDK004", f"context lookups needed ({keys}): pass the values as context instead")]


def _created_at(app: _App, run: AppRun, template: dict[str, Any], logical_id: str) -> tuple[Source, int]:
    """Where the construct behind a template resource was created, from the assembly's creation stacks."""
    resource = template.get("Resources", {}).get(logical_id, {})
    path = str(resource.get("Metadata", {}).get("aws:cdk:path", ""))
    metadata = run.construct_metadata()
    while path:
        for entry in metadata.get("/" + path, []):
            if entry.get("type") == CREATED:
                return app.where(run.relative("\n".join(entry.get("data") or [])))
        path = path.rpartition("/")[0]
    return app.entry()


def _cfn_lint(app: _App, run: AppRun) -> list[Finding]:
    findings = []
    templates: dict[str, dict[str, Any]] = {}
    for item in run.lint:
        name = str(item.get("Filename"))
        if name not in templates:
            templates[name] = json.loads((run.assembly_dir / name).read_text())
        path = [str(p) for p in item.get("Location", {}).get("Path") or []]
        src, line = app.entry()
        if len(path) >= 2 and path[0] == "Resources":
            src, line = _created_at(app, run, templates[name], path[1])
        rule = str(item.get("Rule", {}).get("Id", "cfn-lint"))
        message = f"{name} {'.'.join(path[:4])}: {item.get('Message')} (cfn-lint)"
        findings.append(Finding(src.display, line, tool_severity(str(item.get("Level", "")).lower()), rule, message))
    return findings


RULES = (_strict, _tsc, _synth, _validation, _reasons, _lookups, _cfn_lint)


def check(sources: Sequence[Source]) -> list[Finding]:
    apps: defaultdict[Path, list[Source]] = defaultdict(list)
    for src in sources:
        root = app_root(src.path.resolve().parent)
        if root is not None:
            apps[root].append(src)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(apps, pool.map(run_app, apps), strict=True))
    findings: list[Finding] = []
    for root, members in apps.items():
        app = _App(root, members)
        findings += apply_rules(app.anchor, RULES, app, runs[root])
    return findings


KIND = Kind(
    name="AWS CDK app",
    description="TypeScript CDK apps: every .ts file, cdk.json and tsconfig.json under a folder with a cdk.json",
    recognised_by="*.ts/*.mts/*.cts, cdk.json, tsconfig.json in a folder with cdk.json (or below one)",
    tools=("tsc --noEmit (strict)", "cdk synth", "cdk-nag AwsSolutions", "cfn-lint", "CDK app rules"),
    codes=CODES,
    matches=_matches,
    check=check,
    tool_codes="tsc's TS####, cdk-nag's AwsSolutions-*, cfn-lint's E####/W####",
)
