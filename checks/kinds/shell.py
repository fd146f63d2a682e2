"""Shell scripts: `bash -n` (or `sh -n`), ShellCheck in the script's own dialect, and the heroku/aws lines in them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import tools
from ..commandlines import CODES as COMMAND_CODES
from ..commandlines import check_command_lines
from ..model import Finding, Kind, Source, tool_severity

CODES = COMMAND_CODES.extend(("SH001", "error", "the script does not parse (bash -n)"))


def _is_shell(src: Source) -> bool:
    if src.path.suffix in {".sh", ".bash"}:
        return True
    if src.path.suffix:
        return False
    try:
        with src.path.open("rb") as handle:
            first = handle.readline(200)
    except OSError:
        return False
    return bool(re.match(rb"#!\s*(/usr)?/bin/(env\s+)?(ba)?sh\b", first))


def _shellcheck(sources: Sequence[Source]) -> list[Finding]:
    by_path = {str(s.path): s for s in sources}
    report = tools.run_json([tools.find("shellcheck"), "--format=json1", "--shell=bash", *by_path])
    return [
        Finding(
            by_path[c["file"]].display,
            int(c["line"]),
            tool_severity(c["level"]),
            f"SC{c['code']}",
            f"{c['message']} (shellcheck)",
        )
        for c in report.get("comments", [])
        if c["file"] in by_path
    ]


def check(sources: Sequence[Source]) -> list[Finding]:
    if not sources:
        return []
    findings = _shellcheck(sources)
    bash = tools.find("bash")
    for src in sources:
        out = tools.run([bash, "-n", str(src.path)])
        for match in re.finditer(r"line (\d+): (.*)", out.stderr):
            findings.append(CODES.finding(src, int(match.group(1)), "SH001", match.group(2)))
        findings += check_command_lines(src, CODES, list(enumerate(src.text.splitlines(), start=1)))
    return findings


KIND = Kind(
    name="shell script",
    description="bash/sh scripts",
    recognised_by="*.sh, *.bash, or a #!/bin/sh / bash shebang",
    tools=("bash -n", "ShellCheck", "heroku/aws command tables"),
    codes=CODES,
    matches=_is_shell,
    check=check,
    tool_codes="ShellCheck's SC####",
)
