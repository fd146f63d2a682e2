"""JavaScript: ESLint (flat config in checks/node/eslint.config.mjs) and Node's parser in the file's module mode.

The module mode is decided once, here, and given to both tools: `.mjs` is an ES module, `.cjs`
CommonJS, and `.js` follows the nearest package.json `type` (CommonJS without one). `node --check
file.js` would silently re-parse a CommonJS file that fails as an ES module (Node's module-syntax
detection), accepting top-level await in a `require` file. So checks/node/node_syntax.mjs compiles each
file the way Node's loaders do for the decided mode (the CommonJS wrapper via vm.compileFunction,
ES modules via vm.SourceTextModule), all files in one Node.js process, with no detection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .. import tools
from ..model import CodeTable, Finding, Kind, Source

CODES = CodeTable(
    ("JS001", "error", "a syntax error in the file's module mode (Node.js parser, as node --check without detection)"),
    ("JS002", "error", "a typographic quote (‘ ’ “ ”) where JavaScript needs an ASCII quote"),
)
SUFFIXES = {".js", ".cjs", ".mjs"}
SMART = "\u2018\u2019\u201c\u201d"
NODE_DIR = Path(__file__).resolve().parent.parent / "node"
CONFIG = NODE_DIR / "eslint.config.mjs"
SYNTAX = NODE_DIR / "node_syntax.mjs"


@cache
def _package_type(directory: Path) -> str:
    for parent in (directory, *directory.parents):
        manifest = parent / "package.json"
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except ValueError:
                return "commonjs"
            return "module" if isinstance(data, dict) and data.get("type") == "module" else "commonjs"
    return "commonjs"


def module_mode(path: Path) -> str:
    """'module' or 'commonjs', as Node decides it without syntax detection."""
    if path.suffix == ".mjs":
        return "module"
    if path.suffix == ".cjs":
        return "commonjs"
    return _package_type(path.resolve().parent)


def smart_quotes(text: str) -> list[int]:
    """Lines where a typographic quote stands in code, not inside a string, template or comment."""
    lines: list[int] = []
    line, i, quote = 1, 0, ""
    while i < len(text):
        char = text[i]
        if char == "\n":
            line += 1
        if quote:
            if char == "\\":
                i += 2
                continue
            if char == quote or (char == "\n" and quote in "'\""):
                quote = ""
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
            continue
        elif char in "'\"`":
            quote = char
        elif char in SMART and (not lines or lines[-1] != line):
            lines.append(line)
        i += 1
    return lines


def _node_syntax(sources: Sequence[Source]) -> dict[str, Finding]:
    """The first syntax error of each file, from one Node.js process (checks/node/node_syntax.mjs)."""
    by_path = {str(s.path.resolve()): s for s in sources}
    request = json.dumps([[path, module_mode(src.path)] for path, src in by_path.items()])
    out = tools.run([tools.find("node"), "--experimental-vm-modules", "--no-warnings", str(SYNTAX)], stdin=request)
    if out.returncode != 0:
        raise tools.ToolMissing(f"node syntax check failed: {tools.last_words(out)}")
    errors = {}
    for line in out.stdout.splitlines():
        result = json.loads(line)
        src = by_path[result["file"]]
        where = re.search(rf"^{re.escape(result['file'])}:(\d+)", result["stack"], re.MULTILINE)
        if where is None:  # vm.SourceTextModule errors carry no position; node --check on stdin does
            check = tools.run([tools.find("node"), f"--input-type={module_mode(src.path)}", "--check"], stdin=src.text)
            where = re.search(r"^\[stdin\]:(\d+)", check.stderr, re.MULTILINE)
        message = re.search(r"^(\w*Error: .*)$", result["stack"], re.MULTILINE)
        text = message.group(1) if message else result["stack"].splitlines()[0]
        errors[result["file"]] = CODES.finding(
            src, int(where.group(1)) if where else 1, "JS001", f"{text} (parsed as {module_mode(src.path)})"
        )
    return errors


def _eslint(sources: Sequence[Source]) -> list[Finding]:
    by_path = {str(s.path.resolve()): s for s in sources}
    modules = [p for p, s in by_path.items() if module_mode(s.path) == "module"]
    results = tools.run_json(
        [tools.find("eslint"), "--config", str(CONFIG), "--format", "json", "--no-warn-ignored", *by_path],
        cwd=Path("/"),
        stdin="",
        extra_env={"CHECKS_ESLINT_MODULES": json.dumps(modules)},
    )
    findings = []
    for result in results:
        src = by_path.get(result["filePath"])
        if src is None:
            continue
        for message in result["messages"]:
            if message.get("fatal"):
                continue  # a parse error: the syntax check reports it in Node's own words
            rule = str(message.get("ruleId") or "eslint")
            code = "ESLINT-" + re.sub(r"[^A-Z0-9]+", "-", rule.upper()).strip("-")
            severity = "error" if message.get("severity") == 2 else "warning"
            line = int(message.get("line") or 1)
            findings.append(Finding(src.display, line, severity, code, f"{message['message']} (eslint {rule})"))
    return findings


def check(sources: Sequence[Source]) -> list[Finding]:
    if not sources:
        return []
    syntax = _node_syntax(sources)
    findings = _eslint(sources)
    for src in sources:
        quotes = smart_quotes(src.text)
        findings += [
            CODES.finding(
                src,
                n,
                "JS002",
                "typographic quote: use ASCII ' or \" in code (a word processor or web page replaced them)",
            )
            for n in quotes
        ]
        error = syntax.get(str(src.path.resolve()))
        if error is not None and not quotes:  # a quote is the syntax error: say it once, clearly
            findings.append(error)
    return findings


KIND = Kind(
    name="JavaScript",
    description="Node.js source",
    recognised_by="*.js, *.cjs, *.mjs (module mode from the extension and the nearest package.json type)",
    tools=("ESLint", "Node.js syntax check", "JavaScript rules"),
    codes=CODES,
    matches=lambda src: src.path.suffix in SUFFIXES,
    check=check,
    tool_codes="ESLINT-<RULE-ID>, e.g. ESLINT-NO-UNDEF for ESLint's no-undef",
)
