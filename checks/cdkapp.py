"""Run an AWS CDK app the way `cdk synth` does, type-check it and lint its templates, once per content.

An app is a folder with a `cdk.json`. Its `app` command runs with CDK_OUTDIR and CDK_CONTEXT_JSON set
(what the CDK CLI passes), on the project's Node.js, with no AWS credentials and no network, so a
synth that needed a lookup shows up as missing context instead of silently using an account. The
`aws-cdk` CLI itself is not needed for that, so it is not a dependency.

tsc, the synth and cfn-lint take seconds, and the checker, `make infra` and several tests ask for
the same app, so each result is kept under .cache/cdk-apps/ keyed by the app's files and the tools'
versions: a changed file means a new run. An app without its own node_modules (the checker's test
fixtures, a fork's app before `npm ci`) runs in a temporary copy linked to snippets/infra's
installed toolchain.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from handbook.paths import REPO, SNIPPETS_DIR

from . import tools

CACHE = REPO / ".cache" / "cdk-apps"
TOOLCHAIN = SNIPPETS_DIR / "infra"  # its package-lock.json pins aws-cdk-lib, cdk-nag, typescript
FORMAT = 1  # bump when what is cached changes
SKIPPED = {"node_modules", "cdk.out"}
WORKDIR = "@APP@"  # stands for the folder the app ran in, inside cached output


@cache
def app_root(directory: Path) -> Path | None:
    """The nearest folder at or above `directory` that holds a cdk.json."""
    for parent in (directory, *directory.parents):
        if (parent / "cdk.json").is_file():
            return parent
    return None


@dataclass(frozen=True)
class AppRun:
    """What tsc, the synth and cfn-lint said about one app. Paths in texts are relative to the app."""

    tsc_code: int
    tsc_output: str
    synth_code: int
    synth_output: str
    templates: list[str]  # relative to the cloud assembly
    lint: list[dict[str, Any]]  # cfn-lint's JSON, Filename relative to the cloud assembly
    workdir: str  # the folder the app ran in (file names in the assembly's stack traces start with it)
    assembly: str  # the cached cloud assembly folder (absolute)

    def relative(self, text: str) -> str:
        """Text with the folder the app ran in written as WORKDIR."""
        return _relative(text, Path(self.workdir))

    @property
    def assembly_dir(self) -> Path:
        return Path(self.assembly)

    def validation_report(self) -> dict[str, Any] | None:
        report = self.assembly_dir / "validation-report.json"
        return json.loads(report.read_text()) if report.is_file() else None

    def manifest(self) -> dict[str, Any]:
        manifest = self.assembly_dir / "manifest.json"
        return json.loads(manifest.read_text()) if manifest.is_file() else {}

    def construct_metadata(self) -> dict[str, list[dict[str, Any]]]:
        """Construct path ('/Stack/Construct') -> its metadata entries (creation stacks, acknowledgements)."""
        found: dict[str, list[dict[str, Any]]] = {}
        for path in sorted(self.assembly_dir.glob("*.metadata.json")):
            found.update(json.loads(path.read_text()))
        return found


def app_files(root: Path) -> list[Path]:
    """The files that make up the app (what its result depends on)."""
    found = []
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if path.is_file() and not SKIPPED & set(parts) and not any(p.startswith(".") for p in parts):
            found.append(path)
    return found


def _node_modules(root: Path) -> Path:
    own = root / "node_modules"
    if (own / "aws-cdk-lib").is_dir():
        return own
    shared = TOOLCHAIN / "node_modules"
    if (shared / "aws-cdk-lib").is_dir():
        return shared
    raise tools.ToolMissing(f"the CDK app {root} has no installed dependencies: run `npm ci` there (make infra)")


def _key(root: Path, node_modules: Path) -> str:
    digest = hashlib.sha256(f"{FORMAT}\n{tools.find('node')}\n".encode())
    for lock in (node_modules.parent / "package-lock.json",):
        digest.update(lock.read_bytes() if lock.is_file() else b"-")
    with contextlib.suppress(ImportError):
        from cfnlint.version import __version__ as cfn_lint_version

        digest.update(cfn_lint_version.encode())
    for path in app_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _app_command(root: Path) -> tuple[list[str], dict[str, Any]]:
    """cdk.json's `app` command, with `node` meaning the project's Node.js, and its context."""
    config = json.loads((root / "cdk.json").read_text(encoding="utf-8"))
    command = shlex.split(str(config.get("app", "")))
    if not command:
        raise ValueError("cdk.json has no `app` command")
    if command[0] == "node":
        command[0] = tools.find("node")
    return command, dict(config.get("context") or {})


def _relative(text: str, workdir: Path) -> str:
    return text.replace(f"file://{workdir}/", f"{WORKDIR}/").replace(f"{workdir}/", f"{WORKDIR}/")


def _typecheck(workdir: Path, node_modules: Path) -> tuple[int, str]:
    tsc = node_modules / "typescript" / "bin" / "tsc"
    if not tsc.is_file():
        raise tools.ToolMissing(f"TypeScript is not installed in {node_modules}: run `npm ci`")
    config = workdir / "tsconfig.json"
    if not config.is_file():
        return 0, ""  # CDK001 reports the missing tsconfig.json
    out = tools.run([tools.find("node"), str(tsc), "--noEmit", "--pretty", "false", "-p", str(config)], cwd=workdir)
    return out.returncode, _relative(out.stdout + out.stderr, workdir)


def _synth(workdir: Path, outdir: Path) -> tuple[int, str]:
    try:
        command, context = _app_command(workdir)
    except ValueError as exc:
        return 1, f"cdk.json: {exc}"
    env = {"CDK_OUTDIR": str(outdir), "CDK_CONTEXT_JSON": json.dumps(context), "CDK_DISABLE_VERSION_CHECK": "1"}
    # No credentials reach the app: a synth must never depend on the account that runs it.
    blocked = {name: "" for name in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")}
    out = tools.run(command, cwd=workdir, extra_env={**blocked, **env}, timeout=300)
    return out.returncode, _relative(out.stdout + out.stderr, workdir)


def _cfn_lint(templates: list[Path]) -> list[dict[str, Any]]:
    if not templates:
        return []
    results = tools.run_json([tools.find("cfn-lint"), "--format", "json", *map(str, templates)])
    return list(results)


@contextlib.contextmanager
def _workdir(root: Path, node_modules: Path) -> Iterator[Path]:
    """The app itself when it has its own node_modules, else a copy linked to the shared toolchain."""
    if node_modules.parent == root:
        yield root
        return
    with tempfile.TemporaryDirectory(prefix="cdk-app-") as scratch:
        copy = Path(scratch) / "app"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*SKIPPED))
        (copy / "node_modules").symlink_to(node_modules)
        yield copy


def run_app(root: Path) -> AppRun:
    """tsc, synth and cfn-lint for the app at `root`, from the cache when its files are unchanged."""
    root = root.resolve()
    node_modules = _node_modules(root)
    key = _key(root, node_modules)
    entry = CACHE / key
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / f"{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel test workers wait for the first run
        result_file = entry / "result.json"
        if result_file.is_file():
            return AppRun(**{**json.loads(result_file.read_text()), "assembly": str(entry / "cdk.out")})
        shutil.rmtree(entry, ignore_errors=True)
        entry.mkdir()
        outdir = entry / "cdk.out"
        with _workdir(root, node_modules) as workdir, ThreadPoolExecutor(max_workers=2) as pool:
            typecheck = pool.submit(_typecheck, workdir, node_modules)
            synth_code, synth_output = _synth(workdir, outdir)
            tsc_code, tsc_output = typecheck.result()
        # A failed validation (cdk-nag) still leaves the templates: lint them too.
        templates = sorted(outdir.glob("*.template.json"))
        lint = _cfn_lint(templates)
        for item in lint:
            item["Filename"] = Path(item["Filename"]).relative_to(outdir).as_posix()
        run = AppRun(
            tsc_code,
            tsc_output,
            synth_code,
            synth_output,
            [t.relative_to(outdir).as_posix() for t in templates],
            lint,
            str(workdir),
            str(outdir),
        )
        stored = {k: v for k, v in asdict(run).items() if k != "assembly"}
        result_file.write_text(json.dumps(stored))
        return run


def synth_to(root: Path, destination: Path) -> AppRun:
    """Synthesize the app and copy its cloud assembly to `destination` (`make infra`)."""
    run = run_app(root)
    if run.synth_code != 0:
        raise SystemExit(f"{root}: synth failed\n{run.synth_output.replace(WORKDIR, str(root))}")
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(run.assembly_dir, destination)
    return run


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m checks.cdkapp APP_DIR OUT_DIR", file=sys.stderr)
        return 2
    run = synth_to(Path(argv[0]), Path(argv[1]))
    for name in run.templates:
        template = json.loads((Path(argv[1]) / name).read_text())
        print(f"{Path(argv[1]) / name}: {len(template.get('Resources', {}))} resources")
    errors = sum(1 for item in run.lint if item.get("Level") == "Error")
    print(f"cfn-lint: {errors} errors, {len(run.lint) - errors} warnings or notes; tsc exit {run.tsc_code}")
    return 1 if errors or run.tsc_code else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
