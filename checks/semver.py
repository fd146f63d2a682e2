"""npm's own semver (the `semver` package npm uses), asked many questions in one Node.js process."""

from __future__ import annotations

import json

from handbook.paths import NODE_MODULES

from . import tools

# stdin: [[range, version], ...]; stdout: [true | false | null, ...]. A version of one number ("24")
# means the whole line: does the range include some 24.x? null: the range is not semver (a git URL,
# a tag such as `latest`, an npm: alias), so semver has nothing to say about it.
SCRIPT = r"""
const semver = require(process.argv[1]);
const questions = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(questions.map(([range, version]) => {
  if (semver.validRange(range) === null) return null;
  if (/^\d+$/.test(version)) return semver.intersects(range, `${version}.x`);
  const full = semver.coerce(version);
  return full === null ? null : semver.satisfies(full, range);
})));
"""


def satisfies(questions: list[tuple[str, str]]) -> list[bool | None]:
    """For each (range, version): does the version (or the whole major line) fall in the range?"""
    if not questions:
        return []
    out = tools.run([tools.find("node"), "-e", SCRIPT, str(NODE_MODULES / "semver")], stdin=json.dumps(questions))
    try:
        answers = json.loads(out.stdout)
    except ValueError:
        raise tools.ToolMissing(f"semver check failed: {tools.last_words(out)}") from None
    if not isinstance(answers, list) or len(answers) != len(questions):
        raise tools.ToolMissing("semver check failed: unexpected answer")
    return answers
