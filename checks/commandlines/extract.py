"""Finding `heroku ...` and `aws ...` invocations in shell text and in Markdown code fences.

The shell tokenizer is hand-written on purpose: the one Python shell parser (bashlex) is GPL-3 and
unreleased since 2023, and only the words of simple commands are needed here, not a full parse.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

SEPARATORS = {"|", "||", "&&", ";", "&", "(", ")", ";;", "|&", "$(", "`"}
PREFIXES = {"sudo", "env", "time", "exec", "command", "nohup", "then", "do", "else", "if", "while", "until", "!"}
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")
SHELL_FENCES = {"", "bash", "sh", "shell", "console", "shell-session", "zsh"}


@dataclass(frozen=True)
class CommandLine:
    line: int
    words: list[str]


def _logical_lines(lines: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Join backslash continuations; skip comments and heredoc bodies."""
    buffer, start, heredoc = "", 0, None
    for number, raw in lines:
        if heredoc:
            if raw.strip() == heredoc:
                heredoc = None
            continue
        if not buffer:
            start = number
            if raw.lstrip().startswith("#"):
                continue
        if raw.rstrip().endswith("\\"):
            buffer += raw.rstrip()[:-1] + " "
            continue
        buffer += raw
        marker = re.search(r"(?<!<)<<-?(?!<)\s*['\"]?(\w+)", buffer)  # a heredoc, not <<< or $((a << b))
        heredoc = marker.group(1) if marker else None
        yield start, buffer
        buffer = ""
    if buffer:
        yield start, buffer


def _substitutions(text: str) -> tuple[str, list[str]]:
    """Text with each `$( ... )` outside single quotes replaced by a placeholder, and the inner texts.

    Inner commands run too, even inside double quotes (`ARN="$(aws ecs ...)"`), so they are checked.
    """
    outer, inner, i, quote = "", [], 0, ""
    while i < len(text):
        char = text[i]
        if char == "'" and quote != '"':
            quote = "" if quote == "'" else "'"
        elif char == '"' and quote != "'":
            quote = "" if quote == '"' else '"'
        if quote != "'" and text.startswith("$(", i) and not text.startswith("$((", i):
            depth, j = 1, i + 2
            while j < len(text) and depth:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
            inner.append(text[i + 2 : j - 1])
            outer += "SUBSTITUTION"
            i = j
            continue
        outer += char
        i += 1
    return outer, inner


def _simple_commands(text: str) -> list[list[str]]:
    text, inner = _substitutions(text)
    nested = [words for part in inner for words in _simple_commands(part)]
    lexer = shlex.shlex(text.replace("`", " ` "), posix=True, punctuation_chars=";&|()")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        tokens = list(lexer)
    except ValueError:
        return nested  # unbalanced quotes: bash -n reports it for scripts
    commands, current = [], []
    for token in tokens:
        if token in SEPARATORS or set(token) <= set(";&|()"):
            commands.append(current)
            current = []
        else:
            current.append(token)
    commands.append(current)
    return [c for c in commands if c] + nested


def command_lines(lines: list[tuple[int, str]]) -> list[CommandLine]:
    """Every `heroku ...` / `aws ...` invocation, wherever it stands in a pipeline, list or substitution."""
    found = []
    for start, text in _logical_lines(lines):
        for words in _simple_commands(text):
            while words and (words[0] in PREFIXES or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0])):
                words = words[1:]
            if words and words[0] in {"heroku", "aws"}:
                found.append(CommandLine(start, words))
    return found


def markdown_command_lines(text: str) -> list[tuple[int, str]]:
    """(line, shell text) of command lines in shell-like fences; in `console` fences only `$ ` lines."""
    out: list[tuple[int, str]] = []
    fence: tuple[str, str] | None = None
    continuing = False
    for number, raw in enumerate(text.splitlines(), start=1):
        match = FENCE.match(raw)
        if fence is None:
            if match:
                fence = (match.group(2), match.group(3).lower())
            continue
        if match and raw.strip().startswith(fence[0][0] * len(fence[0])) and not match.group(3):
            fence, continuing = None, False
            continue
        if fence[1] not in SHELL_FENCES:
            continue
        line = raw.strip()
        if fence[1] in {"console", "shell-session"} and not continuing:
            if not line.startswith("$ "):
                continue
            line = line[2:]
        elif line.startswith("$ "):
            line = line[2:]
        continuing = line.endswith("\\")
        out.append((number, line))
    return out
