"""JavaScript: ESLint (flat config in checks/node/eslint.config.mjs) and Node's parser in the file's module mode.

Where the code runs is decided here too. A file under public/, static/, assets/ (or one that uses
window/document and nothing of Node.js) runs in a browser: browser globals, not Node's. Minified,
bundled and vendored library builds are third-party code, not the author's: they are skipped
(KIND002 when named on the command line). Only ESLint rules whose violation throws at run time
(no-undef, no-const-assign ...) are errors; the rest of ESLint's recommended set is style and risk.

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
# ESLint rules pass through as ESLINT-<RULE>; these are errors (a ReferenceError or TypeError when the
# line runs), the rest of the recommended set warnings.
ERROR_RULES = {
    "no-undef", "no-const-assign", "no-import-assign", "no-obj-calls", "no-new-native-nonconstructor",
    "no-this-before-super", "no-class-assign", "no-func-assign", "no-unsafe-optional-chaining",
}  # fmt: skip
BROWSER_DIRS = {"public", "static", "assets", "www", "wwwroot", "htdocs"}
BROWSER_CODE = re.compile(r"\b(?:window|document)\.|\bjQuery\b|\$\(")
NODE_CODE = re.compile(r"\brequire\(|\bmodule\.exports\b|\bprocess\.|from\s+[\"']node:|\b__dirname\b")
ESM_SYNTAX = re.compile(r"^\s*(?:import\s*[\w{*\"']|export\s+(?:default|const|function|class|let|var|\{|\*))", re.M)
BUNDLE_MARKERS = re.compile(r"__webpack_require__|__nccwpck_require__|^\s*exports\.ids = \[|^/\*{6}/", re.M)
BUNDLERS = {"webpack", "vite", "rollup", "esbuild", "parcel", "@vercel/ncc", "react-scripts", "next", "browserify"}
MINIFIED_LINE = 1000  # characters: no hand-written line is this long
STRICT = re.compile(r"\A(?:\s|//[^\n]*\n|/\*.*?\*/)*[\"']use strict[\"']", re.S)
SMART = "\u2018\u2019\u201c\u201d"
NODE_DIR = Path(__file__).resolve().parent.parent / "node"
CONFIG = NODE_DIR / "eslint.config.mjs"
SYNTAX = NODE_DIR / "node_syntax.mjs"


@cache
def _nearest_package(directory: Path) -> dict:
    """The nearest package.json above a directory, {} without one (or when it is not a JSON object)."""
    for parent in (directory, *directory.parents):
        manifest = parent / "package.json"
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def _bundled(package: dict) -> bool:
    """The package builds its code with a bundler, which reads ES module syntax whatever the type is."""
    names = set()
    for field in ("dependencies", "devDependencies"):
        if isinstance(package.get(field), dict):
            names |= set(package[field])
    return bool(BUNDLERS & names)


def module_mode(path: Path, text: str = "") -> str:
    """'module' or 'commonjs', as Node decides it without syntax detection; ES module syntax in the
    source of a bundled package is a module too (the bundler, not Node, reads it)."""
    if path.suffix == ".mjs":
        return "module"
    if path.suffix == ".cjs":
        return "commonjs"
    package = _nearest_package(path.resolve().parent)
    if package.get("type") == "module":
        return "module"
    return "module" if text and _bundled(package) and ESM_SYNTAX.search(text) else "commonjs"


@cache
def _html_scripts(directory: Path) -> str:
    """The <script src> values of the HTML pages in a directory, joined (to find the scripts they load)."""
    found = []
    for page in sorted(directory.glob("*.htm*")):
        try:
            found += re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", page.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return "\n".join(found)


def runs_in_browser(src: Source) -> bool:
    """Browser code: under public/, static/, assets/ ..., loaded by a <script src> of an HTML page next to
    it or one folder up, or using window/document and nothing of Node.js."""
    if BROWSER_DIRS & set(src.path.parent.parts):
        return True
    for directory, name in (
        (src.path.parent, src.name),
        (src.path.parent.parent, f"{src.path.parent.name}/{src.name}"),
    ):
        if re.search(rf"(?:^|/){re.escape(name)}$", _html_scripts(directory.resolve()), re.MULTILINE):
            return True
    return bool(BROWSER_CODE.search(src.text)) and not NODE_CODE.search(src.text)


def third_party(src: Source) -> str | None:
    """Why the file is a build of third-party code (minified, bundled, a library release), or None."""
    name = src.name
    if re.search(r"[.-]min\.[cm]?js$|\.bundle\.[cm]?js$", name):
        return "minified JavaScript (a library build, not source)"
    text = src.text
    if text.lstrip().startswith("/*!"):
        return "a library release (its /*! banner): third-party code"
    if BUNDLE_MARKERS.search(text):
        return "bundled JavaScript (webpack/ncc output): check the sources it was built from"
    if any(len(line) > MINIFIED_LINE for line in text.splitlines()):
        return f"minified JavaScript (a line over {MINIFIED_LINE} characters)"
    return None


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
    request = json.dumps([[path, module_mode(src.path, src.text)] for path, src in by_path.items()])
    out = tools.run([tools.find("node"), "--experimental-vm-modules", "--no-warnings", str(SYNTAX)], stdin=request)
    if out.returncode != 0:
        raise tools.ToolMissing(f"node syntax check failed: {tools.last_words(out)}")
    errors = {}
    for line in out.stdout.splitlines():
        result = json.loads(line)
        src = by_path[result["file"]]
        where = re.search(rf"^{re.escape(result['file'])}:(\d+)", result["stack"], re.MULTILINE)
        mode = module_mode(src.path, src.text)
        if where is None:  # vm.SourceTextModule errors carry no position; node --check on stdin does
            check = tools.run([tools.find("node"), f"--input-type={mode}", "--check"], stdin=src.text)
            where = re.search(r"^\[stdin\]:(\d+)", check.stderr, re.MULTILINE)
        message = re.search(r"^(\w*Error: .*)$", result["stack"], re.MULTILINE)
        text = message.group(1) if message else result["stack"].splitlines()[0]
        errors[result["file"]] = CODES.finding(
            src, int(where.group(1)) if where else 1, "JS001", f"{text} (parsed as {mode})"
        )
    return errors


def _implicit_global(src: Source, message: str) -> bool:
    """An undeclared name the file assigns (`total = 0`) outside strict mode: sloppy CommonJS makes it a
    global and runs, so it is a risk (a ReferenceError once the file is strict), not a crash."""
    name = re.match(r"'([\w$]+)' is not defined", message)
    if not name or module_mode(src.path, src.text) == "module" or STRICT.match(src.text):
        return False
    return re.search(rf"(?<![\w$.]){re.escape(name.group(1))}\s*=(?!=)", src.text) is not None


def _eslint(sources: Sequence[Source]) -> list[Finding]:
    by_path = {str(s.path.resolve()): s for s in sources}
    groups: dict[str, list[str]] = {"MODULES": [], "BROWSER_SCRIPTS": [], "BROWSER_MODULES": []}
    for path, src in by_path.items():
        module = module_mode(src.path, src.text) == "module"
        if runs_in_browser(src):
            groups["BROWSER_MODULES" if module or ESM_SYNTAX.search(src.text) else "BROWSER_SCRIPTS"].append(path)
        elif module:
            groups["MODULES"].append(path)
    results = tools.run_json(
        [tools.find("eslint"), "--config", str(CONFIG), "--format", "json", "--no-warn-ignored", *by_path],
        cwd=Path("/"),
        stdin="",
        extra_env={f"CHECKS_ESLINT_{group}": json.dumps(paths) for group, paths in groups.items()},
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
            severity = "error" if message.get("severity") == 2 and rule in ERROR_RULES else "warning"
            if rule == "no-undef" and _implicit_global(src, str(message.get("message", ""))):
                severity = "warning"
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
    recognised_by="*.js, *.cjs, *.mjs (module mode from the extension and the nearest package.json type; "
    "browser code by its folder or its use of window/document; minified and bundled code skipped)",
    tools=("ESLint", "Node.js syntax check", "JavaScript rules"),
    codes=CODES,
    matches=lambda src: src.path.suffix in SUFFIXES,
    check=check,
    skip=third_party,
    tool_codes="ESLINT-<RULE-ID>, e.g. ESLINT-NO-UNDEF for ESLint's no-undef (errors only for rules that throw)",
)
