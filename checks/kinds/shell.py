"""Shell scripts, in their own dialect: `#!/bin/sh` scripts are POSIX sh (dash parses them, ShellCheck
checks them as sh, so bashisms show), the rest bash; then the heroku/aws lines in them.

ShellCheck follows the files a script sources (-x, from the script's directory), so a variable set
there is not "unassigned"; its notes that it could not follow one (SC1090, SC1091) are about the
tool, not the script, and are left out, as is "unassigned" (SC2154) in a script that sources a file
whose path is a variable, and "unused" (SC2034) where the variables are read indirectly (${!name})
or by the scripts that source this one. A bashism that makes dash stop or fail (arrays, [[ ]],
`source`, `==` in test) is an error in a sh script, whatever level ShellCheck gives it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import tools
from ..commandlines import CODES as COMMAND_CODES
from ..commandlines import check_command_lines
from ..model import Finding, Kind, Source, tool_severity

CODES = COMMAND_CODES.extend(
    ("SH001", "error", "the script does not parse (bash -n; dash -n for a #!/bin/sh script)"),
)
SHEBANG = re.compile(rb"#!\s*(?:/usr)?/bin/(?:env\s+)?((?:ba|da)?sh)\b")
NOT_ABOUT_THE_SCRIPT = "SC1090,SC1091"
# `source "$DIR/lib.sh"`: a path ShellCheck cannot follow, so "referenced but not assigned" (SC2154)
# says nothing: the variable may well be set there.
SOURCES_UNKNOWN = re.compile(r"^\s*(?:source|\.)\s+[\"']?\$", re.MULTILINE)
# "appears unused" (SC2034) is wrong where the variable is read as ${!name} (ShellCheck cannot see it)
# or by the scripts that source this one (an env.sh of settings).
INDIRECT = re.compile(r"\$\{!\w")
# Bashisms after which dash (Debian's and Ubuntu's /bin/sh) stops with a syntax error or fails the command.
BREAKS_DASH = {
    "SC2113", "SC3001", "SC3005", "SC3010", "SC3011", "SC3014", "SC3018", "SC3020", "SC3030", "SC3040", "SC3046",
    "SC3054",
}  # fmt: skip


def dialect(src: Source) -> str | None:
    """ "sh" for a #!/bin/sh (or dash) script, "bash" for bash and for *.sh without a shebang, None: not shell."""
    try:
        first = src.head(200).split(b"\n", 1)[0]
    except OSError:
        return None
    match = SHEBANG.match(first)
    if match:
        return "bash" if match.group(1) == b"bash" else "sh"
    return "bash" if src.path.suffix in {".sh", ".bash"} else None


def _is_shell(src: Source) -> bool:
    if src.path.suffix and src.path.suffix not in {".sh", ".bash"}:
        return False
    return dialect(src) is not None


def _shellcheck(sources: Sequence[Source], shell: str) -> list[Finding]:
    by_path = {str(s.path): s for s in sources}
    report = tools.run_json(
        [
            tools.find("shellcheck"),
            "--format=json1",
            f"--shell={shell}",
            "--external-sources",
            "--source-path=SCRIPTDIR",
            f"--exclude={NOT_ABOUT_THE_SCRIPT}",
            *by_path,
        ]
    )
    findings = []
    for comment in report.get("comments", []):
        src = by_path.get(comment["file"])
        if src is None:
            continue  # a sourced file's own comments: it is checked when it is given itself
        code = f"SC{comment['code']}"
        if code == "SC2154" and SOURCES_UNKNOWN.search(src.text):
            continue
        if code == "SC2034" and (INDIRECT.search(src.text) or _sourced_by_neighbours(src)):
            continue
        severity = "error" if shell == "sh" and code in BREAKS_DASH else tool_severity(comment["level"])
        message = f"{comment['message']} (shellcheck --shell={shell})"
        findings.append(Finding(src.display, int(comment["line"]), severity, code, message))
    return findings


def _sourced_by_neighbours(src: Source) -> bool:
    """Another script in the same directory sources this one, so its variables are meant for that script."""
    pattern = re.compile(rf"^\s*(?:source|\.)\s+\S*\b{re.escape(src.name)}\b", re.MULTILINE)
    for other in sorted(src.path.parent.glob("*.sh")):
        if other != src.path:
            try:
                if pattern.search(other.read_text(encoding="utf-8", errors="replace")):
                    return True
            except OSError:
                continue
    return False


def _syntax(src: Source, shell: str) -> list[Finding]:
    parser = tools.find("dash" if shell == "sh" else "bash")
    out = tools.run([parser, "-n", str(src.path)])
    found = re.findall(r"line (\d+): (.*)", out.stderr) or re.findall(r": (\d+): (.*)", out.stderr)
    name = "dash" if shell == "sh" else "bash"
    # bash repeats the offending line after its message (line 3: `fi'): the message is enough
    return [
        CODES.finding(src, int(line), "SH001", f"{message} ({name} -n)")
        for line, message in found
        if not message.startswith("`")
    ]


def check(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    by_dialect: dict[str, list[Source]] = {"sh": [], "bash": []}
    for src in sources:
        by_dialect[dialect(src) or "bash"].append(src)
    for shell, members in by_dialect.items():
        if not members:
            continue
        findings += _shellcheck(members, shell)
        for src in members:
            findings += _syntax(src, shell)
            findings += check_command_lines(src, CODES, list(enumerate(src.text.splitlines(), start=1)))
    return findings


KIND = Kind(
    name="shell script",
    description="sh/bash scripts",
    recognised_by="*.sh, *.bash, or a #!/bin/sh, dash or bash shebang (#!/bin/sh scripts are checked as POSIX sh)",
    tools=("bash -n / dash -n", "ShellCheck", "heroku/aws command tables"),
    codes=CODES,
    matches=_is_shell,
    check=check,
    tool_codes="ShellCheck's SC#### (bashisms that break dash are errors in #!/bin/sh scripts)",
)
