"""A small Dockerfile reader: enough to replay the app image's steps natively in the tests."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Instruction:
    keyword: str  # upper case, e.g. COPY
    args: str  # the rest of the line, continuations joined
    line: int

    def exec_form(self) -> list[str] | None:
        """The JSON array of CMD/ENTRYPOINT in exec form, else None (shell form)."""
        try:
            value = json.loads(self.args)
        except ValueError:
            return None
        return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None

    def flags_and_operands(self) -> tuple[dict[str, str], list[str]]:
        """For COPY/ADD: ({"from": "deps"}, [sources..., dest])."""
        flags: dict[str, str] = {}
        words = shlex.split(self.args)
        while words and words[0].startswith("--"):
            name, _, value = words.pop(0)[2:].partition("=")
            flags[name] = value
        return flags, words


@dataclass
class Stage:
    image: str
    name: str
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]

    def last(self, keyword: str) -> Instruction | None:
        found = self.all(keyword)
        return found[-1] if found else None


def parse(path: Path) -> list[Stage]:
    """Stages in order. Comments, parser directives and blank lines are dropped."""
    stages: list[Stage] = []
    pending, start = "", 0
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue  # comment lines inside a continuation are ignored by Docker too
        start = start if pending else number
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        keyword, _, args = (pending + stripped).partition(" ")
        pending = ""
        keyword = keyword.upper()
        if keyword == "FROM":
            words = args.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else str(len(stages))
            stages.append(Stage(words[0], name))
            continue
        assert stages, f"{path}:{start}: {keyword} before the first FROM"
        stages[-1].instructions.append(Instruction(keyword, args.strip(), start))
    assert not pending, f"{path}: ends inside a line continuation"
    return stages


# The one download the image makes: AWS's bundle of RDS root CAs, at the address AWS documents in
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
RDS_CA_BUNDLE_URL = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem"


def rds_ca_destination(dockerfile: Path) -> str:
    """Where the final stage puts the RDS CA bundle (the path DATABASE_CA_CERT must name)."""
    adds = parse(dockerfile)[-1].all("ADD")
    assert len(adds) == 1, "the final stage should ADD exactly one file: the RDS CA bundle"
    flags, operands = adds[0].flags_and_operands()
    assert operands[:-1] == [RDS_CA_BUNDLE_URL], f"ADD fetches {operands[:-1]}, expected the RDS CA bundle"
    assert flags.get("chmod") == "444", "the CA bundle should be read-only (--chmod=444)"
    assert operands[-1].startswith("/") and not operands[-1].endswith("/"), "ADD it to an absolute file path"
    return operands[-1]
