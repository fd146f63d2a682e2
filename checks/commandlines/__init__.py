"""`heroku` and `aws` command lines, wherever they stand, checked against the CLIs' own command tables.

Used by the shell-script and Markdown kinds.
"""

from __future__ import annotations

from ..model import CodeTable, Finding, Source
from . import aws, heroku
from .extract import command_lines, markdown_command_lines

__all__ = ["CODES", "check_command_lines", "command_lines", "markdown_command_lines"]

CODES = CodeTable(
    ("CMD001", "error", "`heroku` command unknown to the heroku CLI's command manifest"),
    ("CMD002", "error", "a flag that this heroku command does not have"),
    ("CMD003", "error", "`aws` service (command group) unknown to the AWS CLI"),
    ("CMD004", "error", "`aws` operation or subcommand unknown for that service"),
    ("CMD005", "error", "an option that this aws command does not have"),
)


def check_command_lines(src: Source, codes: CodeTable, lines: list[tuple[int, str]]) -> list[Finding]:
    findings = []
    for cmd in command_lines(lines):
        findings += heroku.check(src, codes, cmd) if cmd.words[0] == "heroku" else aws.check(src, codes, cmd)
    return findings
