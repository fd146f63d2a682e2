"""`python -m checks PATH...`: check deployment files the way the handbook checks its own examples."""

from __future__ import annotations

import argparse
import sys
import textwrap
from importlib import metadata
from pathlib import Path

from . import output
from .registry import KINDS, all_codes
from .runner import run


def _epilog() -> str:
    lines = ["kinds of file (recognised by name and content; node_modules is skipped):", ""]
    for kind in KINDS:
        lines.append(f"  {kind.name} ({kind.description}): {kind.recognised_by}")
        lines.append(
            textwrap.fill(
                f"runs: {', '.join(kind.tools)}",
                96,
                initial_indent="      ",
                subsequent_indent="      ",
                break_on_hyphens=False,
            )
        )
        if kind.tool_codes:
            lines.append(f"      tool codes: {kind.tool_codes}")
    lines += ["", "codes of our own rules (severity, meaning):", ""]
    for code in all_codes().values():
        lines.append(
            textwrap.fill(
                f"{code.code} {code.severity}: {code.summary}",
                96,
                initial_indent="  ",
                subsequent_indent="      ",
                break_on_hyphens=False,
            )
        )
    lines += [
        "",
        "output: one line per finding, PATH:LINE: error|warning|note CODE message (or --format json/sarif).",
        "errors: the platform refuses the file or it breaks at run time; warnings: style and risk;",
        "notes: information (a template not checked), never a failure.",
        "exit status: 1 if any error (or, with --strict, any warning), else 0; 2 for bad usage or a path",
        "that does not exist or is not a regular file.",
    ]
    return "\n".join(lines)


def _version() -> str:
    try:
        return metadata.version("deploy-handbook")
    except metadata.PackageNotFoundError:
        return "0"


def main(argv: list[str] | None = None) -> int:
    invoked = Path(sys.argv[0]).name
    parser = argparse.ArgumentParser(
        prog="python -m checks" if invoked in {"__main__.py", "-m"} else invoked,
        description="Check deployment files: ECS task and service definitions, Dockerfiles, Procfiles, "
        "Kubernetes manifests, JavaScript, Heroku app.json, package.json and the heroku/aws command "
        "lines in shell scripts and Markdown.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (searched recursively)")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument(
        "--format", choices=output.FORMATS, default="text", help="text lines (default), JSON, or SARIF 2.1.0"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="also list, on stderr, the files found in directories but not checked"
    )
    parser.add_argument(
        "--published",
        action="store_true",
        help="the directories are published as they are (like the handbook's snippets/): also refuse symlinks "
        "leaving them, dot-directories, dotfiles no kind knows and files that look like secrets (PUB001)",
    )
    parser.add_argument(
        "--skip-unknown",
        action="store_true",
        help="skip files no checker knows quietly even when named (pre-commit names every changed file)",
    )
    args = parser.parse_args(argv)
    outcome = run(args.paths, skip_unknown=args.skip_unknown, published=args.published)
    for path in outcome.missing:
        print(f"{path}: no such file or directory", file=sys.stderr)
    for path, what, _ in outcome.not_regular:
        print(f"{path}: skipped, {what}: only regular files are read", file=sys.stderr)
    if args.verbose:
        for path, reason in outcome.skipped:
            print(f"{path}: not checked: {reason}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(output.as_json(outcome.findings, outcome.skipped))
    elif args.format == "sarif":
        sys.stdout.write(output.sarif(outcome.findings, all_codes(), _version()))
    else:
        sys.stdout.write(output.text(outcome.findings))
    failing = {"error", "warning"} if args.strict else {"error"}
    if outcome.missing or any(named for _, _, named in outcome.not_regular):
        return 2
    return 1 if any(f.severity in failing for f in outcome.findings) else 0


if __name__ == "__main__":
    sys.exit(main())
