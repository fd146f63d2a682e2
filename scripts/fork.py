"""`make fork`: make this copy of the handbook your team's in one step.

Writes what you give into handbook.yml (name, description, URL, repository, branch, owners, review
age) and hands every page owned by the old default owners to the new ones. Everything else a fork
does (its own pages, facts and snippets) is ordinary editing; see README, "Forking it".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from handbook.fork import load_fork_settings, rewrite_values
from handbook.loader import DataError
from handbook.paths import REPO

Change = dict[tuple[str | int, ...], str | int | list[str]]


def settings_changes(args: argparse.Namespace, site_url_is_env: bool) -> Change:
    changes: Change = {}
    simple = {"name": ("site_name",), "description": ("site_description",), "repo": ("repo_url",)}
    for option, path in simple.items():
        if getattr(args, option) is not None:
            changes[path] = getattr(args, option)
    if args.url is not None:  # keep `!ENV [SITE_URL, default]`: only the default changes
        changes[("site_url", 1) if site_url_is_env else ("site_url",)] = args.url
    if args.branch is not None:
        changes[("edit_uri",)] = f"edit/{args.branch}/docs/"
    if args.owners is not None:
        changes[("extra", "handbook", "owners")] = args.owners
    if args.review_age_days is not None:
        changes[("extra", "handbook", "review_age_days")] = args.review_age_days
    return changes


def hand_over_pages(docs: Path, old: list[str], new: list[str]) -> list[Path]:
    """Rewrite `owners:` on every page owned by exactly the old default owners; returns those pages."""
    changed = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = YAML_RE.match(text)
        meta = yaml.safe_load(match.group(1)) if match else None
        if not isinstance(meta, dict) or meta.get("owners") != old:
            continue  # a page with owners of its own keeps them
        front = rewrite_values(match.group(1), {("owners",): new})
        path.write_text(text[: match.start(1)] + front + text[match.end(1) :], encoding="utf-8")
        changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO, help=argparse.SUPPRESS)
    parser.add_argument("--name", help="the site's name, e.g. 'Acme deploy handbook'")
    parser.add_argument("--description", help="one sentence under the name")
    parser.add_argument("--url", help="where readers reach it, ending in '/'")
    parser.add_argument("--repo", help="its repository, e.g. https://github.com/acme/deploy-handbook")
    parser.add_argument("--branch", help="the branch edit links open (default: unchanged)")
    parser.add_argument("--owners", type=lambda s: [o.strip() for o in s.split(",") if o.strip()], help="a,b")
    parser.add_argument("--review-age-days", type=int)
    args = parser.parse_args(argv)
    fork_file = args.project / "handbook.yml"
    try:
        before = load_fork_settings(fork_file)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    original = fork_file.read_text(encoding="utf-8")
    site_url_is_env = "site_url: !ENV" in original
    fork_file.write_text(rewrite_values(original, settings_changes(args, site_url_is_env)), encoding="utf-8")
    try:
        after = load_fork_settings(fork_file)
    except DataError as exc:
        fork_file.write_text(original, encoding="utf-8")
        print(f"handbook.yml left unchanged:\n{exc}", file=sys.stderr)
        return 2
    pages: list[Path] = []
    if after.extra.handbook.owners != before.extra.handbook.owners:
        pages = hand_over_pages(args.project / "docs", before.extra.handbook.owners, after.extra.handbook.owners)
    print(f"handbook.yml: {after.site_name} at {after.site_url}, source {after.repo_url}")
    print(f"{len(pages)} pages handed to {', '.join(after.extra.handbook.owners)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
