"""The checker on ~1,000 real files from public repositories (tests/corpus, see its MANIFEST.yaml).

One directory run, as a user would start it: it must end (no hang, no traceback), and every finding
must be in the reviewed expectations (tests/corpus/EXPECTED.yaml: each with a one-line reason). A
new finding fails here until someone reviews it; so does a reviewed one that is no longer reported.
Time and memory are measured by `make bench` (checks.bench), not asserted here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.checks.conftest import need_tools, run_cli
from tests.support import REPO

CORPUS = REPO / "tests" / "corpus"
MANIFEST = CORPUS / "MANIFEST.yaml"
EXPECTED = CORPUS / "EXPECTED.yaml"
OUR_FILES = {MANIFEST, EXPECTED}
# Licenses that allow copying the files into this repository (the manifest must name one of these).
REDISTRIBUTABLE = {"MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "Unlicense"}
VERDICTS = {"true", "false-alarm"}

pytestmark = pytest.mark.xdist_group("checks-corpus")

Key = tuple[str, int, str]


@pytest.fixture(scope="module")
def corpus_run() -> dict:
    need_tools()
    result = run_cli("--format", "json", str(CORPUS.relative_to(REPO)))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _key(finding: dict) -> Key:
    path = (REPO / finding["path"]).resolve().relative_to(CORPUS.resolve()).as_posix()
    return path, int(finding["line"]), finding["code"]


def _reviewed() -> list[dict]:
    return yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))["findings"]


def test_corpus_files_are_listed_with_repository_commit_and_license() -> None:
    sources = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["sources"]
    listed: set[Path] = set()
    for source in sources:
        assert {"repository", "commit", "license", "files"} <= set(source), source.get("repository")
        assert len(source["commit"]) == 40, source["repository"]
        assert source["license"] in REDISTRIBUTABLE, source["repository"]
        for path in source["files"]:
            listed.add(CORPUS / source["repository"] / path)
    present = {p for p in CORPUS.rglob("*") if p.is_file()} - OUR_FILES
    assert sorted(map(str, present - listed)) == [], "files in tests/corpus that MANIFEST.yaml does not list"
    assert sorted(map(str, listed - present)) == [], "files MANIFEST.yaml lists that are missing"
    assert len(present) >= 300
    assert sum(p.stat().st_size for p in present) <= 5 * 10**6


def test_every_finding_is_reviewed(corpus_run: dict) -> None:
    found = Counter(_key(f) for f in corpus_run["findings"])
    wanted = Counter((e["at"].rpartition(":")[0], int(e["at"].rpartition(":")[2]), e["code"]) for e in _reviewed())
    new = found - wanted
    messages = {_key(f): f"{f['severity']} {f['message']}" for f in corpus_run["findings"]}
    assert not new, "findings nobody reviewed (add each to tests/corpus/EXPECTED.yaml with a reason):\n" + "\n".join(
        f"{path}:{line}: {code} {messages[(path, line, code)]}" for path, line, code in sorted(new)
    )
    gone = wanted - found
    assert not gone, f"reviewed findings no longer reported (remove them from EXPECTED.yaml): {sorted(gone)}"


def test_every_review_gives_a_verdict_and_a_reason() -> None:
    for entry in _reviewed():
        assert entry["verdict"] in VERDICTS, entry
        assert isinstance(entry["reason"], str) and len(entry["reason"]) > 10, entry
        path = entry["at"].rpartition(":")[0]
        assert (CORPUS / path).is_file(), entry


def test_files_no_checker_knows_are_skipped_quietly(corpus_run: dict) -> None:
    """Directory mode on a real repository: READMEs, images and configs are neither findings nor noise."""
    codes = Counter(f["code"] for f in corpus_run["findings"])
    assert codes["KIND001"] == 0
    reasons = {skipped["reason"] for skipped in corpus_run["skipped"]}
    assert "no checker knows this kind of file" in reasons
