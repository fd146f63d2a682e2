"""What must hold for the Heroku-side pages (home, choosing, compare, heroku, migrating, glossary).

- Numbers come from data: no digits in their prose outside macro calls, code and link targets.
- Every real-world mistake from the seed articles that belongs on these pages is a pitfall box.
- The CLI walk-through is shown region by region, and the app's Procfile and app.json are shown.
- Headings carry explicit anchors; side-by-side steps are content tabs; the diagram is a local SVG.
- The cost example table can be recomputed from the dyno prices and the Fargate rates.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from handbook.loader import cached_data
from handbook.lookups import aws_stack_costs, cost_formations, fargate_rates, fargate_sizes, fargate_vcpus, heroku_dynos
from handbook.snippets import SNIPPETS_DIR, regions
from tests.htmltables import snippet_attrs
from tests.prose import bare_numbers
from tests.support import DATA, DOCS

Built = tuple[Path, subprocess.CompletedProcess[str]]

PAGES = ["index.md", "choosing.md", "compare.md", "heroku.md", "migrating.md", "glossary.md"]
OWNED_TABLE_PREFIXES = ("heroku-", "platform-", "migration-", "cost-")
OWNED_TABLES = {"aws-vs-heroku"}

# page -> fragments that must each appear in the title of one pitfall box on that page.
PITFALLS = {
    "heroku.md": [
        "re-energized",
        "free tier",
        "email and a password",
        "herokuapp.com",
        "database URL",
        "git push heroku master",
        "missing `start` script",
        "comments in `package.json`",
        "Scheduler or the autoscaler",
        "rejectUnauthorized: false",
        "Heroku Redis",
        "Librato",
    ],
    "compare.md": ["Outposts and Local Zones", "Graviton", "Spot", "training-to-edge", "Read Committed"],
    "migrating.md": ["execution role", "Kubernetes", "Spot"],
    "choosing.md": ["App Runner", "free tier"],
}

PITFALL_TITLE = re.compile(r'^!!! (?:danger|warning) "Pitfall: (?P<title>[^"]+)"', re.M)


def _source(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def test_prose_lint_finds_numbers_and_ignores_macros_and_code() -> None:
    sample = (
        "A dyno restarts every 24 hours.\n"
        'It has {{ fact("heroku.shutdown_grace_s") }} and runs `node:24-alpine` on EC2 and heroku-24.\n'
        "```bash\nheroku ps:scale web=2\n```\n"
        "1. First step, see [the page](page.md#step-3).\n"
        "重启间隔为24小时，见 EC2 和 v5。\n"
    )
    assert [f.split(":")[0] for f in bare_numbers(sample)] == ["1", "7"]
    assert "'24'" in bare_numbers(sample)[0] and "'24'" in bare_numbers(sample)[1]


@pytest.mark.parametrize("page", [*PAGES, *(p.replace(".md", ".zh.md") for p in PAGES)])
def test_numbers_in_prose_come_from_data(page: str) -> None:
    found = bare_numbers(_source(page))
    assert not found, f"docs/{page}: numbers must come from data via fact() or table():\n" + "\n".join(found)


@pytest.mark.parametrize("page", PAGES)
def test_every_section_heading_has_an_explicit_anchor(page: str) -> None:
    headings = [line for line in _source(page).splitlines() if re.match(r"^#{2,4} ", line)]
    missing = [h for h in headings if not re.search(r"\{ #[a-z0-9-]+ \}\s*$", h)]
    assert not missing, f"docs/{page}: headings without a stable {{ #anchor }}: {missing}"


@pytest.mark.parametrize(("page", "fragments"), sorted(PITFALLS.items()))
def test_seed_mistakes_appear_as_pitfalls(page: str, fragments: list[str]) -> None:
    titles = PITFALL_TITLE.findall(_source(page))
    missing = [f for f in fragments if not any(f in t for t in titles)]
    assert not missing, f"docs/{page}: no pitfall box whose title mentions {missing}; titles are {titles}"


@pytest.mark.parametrize("page", sorted(PITFALLS))
def test_pitfalls_render_as_admonitions(built_site: Built, page: str) -> None:
    site, _ = built_site
    html = (site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    rendered = re.findall(r'<div class="admonition (?:danger|warning)">\s*<p class="admonition-title">Pitfall:', html)
    assert len(rendered) == len(PITFALL_TITLE.findall(_source(page)))


def test_heroku_page_walks_through_every_region_of_the_deploy_script(built_site: Built) -> None:
    site, _ = built_site
    html = (site / "heroku" / "index.html").read_text(encoding="utf-8")
    script = SNIPPETS_DIR / "cli" / "heroku-deploy.sh"
    names = list(regions(script.read_text(encoding="utf-8")))
    assert names, "snippets/cli/heroku-deploy.sh has no regions"
    shown = {
        attrs["data-region"]
        for attrs in snippet_attrs(html)
        if attrs.get("data-snippet") == "cli/heroku-deploy.sh" and "data-region" in attrs
    }
    assert shown == set(names)


@pytest.mark.parametrize(
    ("page", "snippet"),
    [
        ("heroku", "app/Procfile"),
        ("heroku", "app/app.json"),
        ("heroku", "app/db.js"),
        ("heroku", "app/redis.js"),
        ("migrating", "app/Procfile"),
    ],
)
def test_app_files_are_shown(built_site: Built, page: str, snippet: str) -> None:
    site, _ = built_site
    html = (site / page / "index.html").read_text(encoding="utf-8")
    assert snippet in {attrs.get("data-snippet") for attrs in snippet_attrs(html)}


def test_deploy_script_is_safe_to_run() -> None:
    text = (SNIPPETS_DIR / "cli" / "heroku-deploy.sh").read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    assert re.search(r"if \[\[ \$# -ne 1 \]\]", text), "the script must refuse to run without an app name"
    destructive = re.findall(r"heroku (?:apps:destroy|destroy|addons:destroy|pg:reset|config:unset)\b.*", text)
    assert not destructive, f"the walk-through must not destroy anything: {destructive}"
    assert "push --force" not in text and "push -f" not in text


def test_migration_steps_use_heroku_and_aws_tabs(built_site: Built) -> None:
    site, _ = built_site
    html = (site / "migrating" / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'<label for="__tabbed_\d+_\d+">([^<]+)</label>', html)
    assert labels.count("Heroku") >= 3 and labels.count("AWS") >= 3, labels


def test_migration_diagram_is_a_local_svg_with_its_source(built_site: Built) -> None:
    site, _ = built_site
    html = (site / "migrating" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img alt="Migration flow from Heroku to AWS" src="\.\./diagrams/migration-flow\.svg"', html)
    assert (DOCS / "diagrams" / "migration-flow.mmd").is_file()
    assert (site / "diagrams" / "migration-flow.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_owned_data_tables_are_all_shown() -> None:
    owned = {t for t in cached_data().tables if t.startswith(OWNED_TABLE_PREFIXES) or t in OWNED_TABLES}
    used = {m for page in PAGES for m in re.findall(r'table\("([a-z0-9-]+)"\)', _source(page))}
    assert owned, f"no owned tables found in {DATA}"
    assert owned <= used, f"data tables shown on no page: {sorted(owned - used)}"


def test_cost_example_is_recomputed_from_its_inputs() -> None:
    dynos, rates = heroku_dynos(), fargate_rates()
    for row in cost_formations():
        assert row.heroku_usd == row.processes * dynos[row.dyno].price_usd_month, row.id
        fargate = row.processes * (row.vcpu * rates.vcpu_hour_usd + row.memory_gb * rates.gb_hour_usd)
        assert row.fargate_usd == pytest.approx(round(fargate * rates.hours_per_month, 2), abs=0.005), row.id
        stack = sum(cost.monthly_usd for cost in aws_stack_costs())
        assert row.aws_total_usd == pytest.approx(row.fargate_usd + stack, abs=0.005), row.id


def test_aws_stack_costs_are_recomputed_from_their_prices() -> None:
    hours = fargate_rates().hours_per_month
    for cost in aws_stack_costs():
        monthly = cost.price_usd * cost.quantity * (hours if cost.hourly else 1)
        assert cost.monthly_usd == pytest.approx(monthly, abs=0.005), cost.id


def test_cost_example_tasks_are_valid_fargate_sizes() -> None:
    vcpus = {vcpu: cpu for cpu, vcpu in fargate_vcpus().items()}
    sizes = fargate_sizes()
    for row in cost_formations():
        assert row.vcpu in vcpus, f"{row.id}: {row.vcpu} vCPU is not a Fargate size"
        assert int(row.memory_gb * 1024) in sizes[vcpus[row.vcpu]], f"{row.id}: {row.memory_gb} GB does not fit"


def test_cost_example_dynos_fit_in_their_fargate_tasks() -> None:
    dynos = heroku_dynos()
    for row in cost_formations():
        assert row.memory_gb * 1024 >= dynos[row.dyno].memory_mib, row.id
