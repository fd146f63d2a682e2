"""`python -m checks PATH...`: check deployment files the way the handbook checks its own examples."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

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
        "output: one line per finding, PATH:LINE: error|warning CODE message.",
        "exit status: 1 if any error (or, with --strict, any warning), else 0; 2 for bad usage.",
    ]
    return "\n".join(lines)


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
    args = parser.parse_args(argv)
    findings, missing = run(args.paths)
    for path in missing:
        print(f"{path}: no such file or directory", file=sys.stderr)
    for finding in findings:
        print(finding.format())
    failing = {"error", "warning"} if args.strict else {"error"}
    if missing:
        return 2
    return 1 if any(f.severity in failing for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
