"""The page macros: good input, unknown names and arguments, escaping, and refusing paths outside snippets/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
import pytest
from markupsafe import Markup

import macros
from handbook.loader import load_data
from handbook.schema import Table
from handbook.snippets import SnippetError, extract, regions, resolve
from macros import sandbox
from macros.sources import render_sources
from macros.tables import render_table
from tests.htmltables import elements, table_texts
from tests.support import REPO


class FakeEnv:
    """Just enough of mkdocs-macros' env for define_env: a macro registry and the current page."""

    def __init__(self) -> None:
        self.macros: dict[str, Any] = {}
        self.page = None
        self.conf = {"config_file_path": str(REPO / "mkdocs.yml")}

    def macro(self, fn: Any) -> Any:
        self.macros[fn.__name__] = fn
        return fn


@pytest.fixture(scope="module")
def render() -> Any:
    """Render a page source the way the build does: in the sandbox, with mkdocs-macros' variables passed."""
    env = FakeEnv()
    macros.define_env(env)
    jinja = sandbox.sandboxed(jinja2.Environment(undefined=jinja2.StrictUndefined), env.macros)
    leaked = {"config": {"site_dir": "/secret/site"}, "environment": {"system": "Linux"}, "plugin": env}
    return lambda source: jinja.from_string(source).render(**leaked)


def test_rendered_fargate_table_equals_golden_file() -> None:
    golden = [
        line.split(" | ")
        for line in (REPO / "tests/golden/fargate-task-sizes.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    table = load_data().table("fargate-task-sizes")
    [rendered] = table_texts(render_table(table))
    assert rendered == golden
    # and the rows are the data's rows, in order
    html = render_table(table)
    for row in table.rows:
        assert f'id="fargate-task-sizes-{row.id}"' in html


def test_comparison_table_cells_are_the_data_and_caption_names_sources() -> None:
    table = load_data().table("aws-vs-heroku")
    html = render_table(table)
    [rendered] = table_texts(html)
    assert rendered[0] == ["Dimension", *(c.label for c in table.columns)]
    for row, cells in zip(table.rows, rendered[1:], strict=True):
        assert cells == [row.label, *(str(row.values[c.key]) for c in table.columns)]
    hrefs = {attrs["href"] for attrs, _ in elements(html, "a")}
    assert {str(u) for r in table.rows for u in r.sources} <= hrefs
    oldest = min(r.verified for r in table.rows).isoformat()
    assert f'oldest verification: <time datetime="{oldest}">{oldest}</time>' in html


def test_table_values_are_html_escaped() -> None:
    table = Table.model_validate(
        {
            "id": "evil",
            "kind": "comparison",
            "title": "<b>Title</b>",
            "columns": [{"key": "a", "label": "A & <i>B</i>"}],
            "rows": [
                {
                    "id": "r",
                    "label": "<script>alert(1)</script>",
                    "values": {"a": '"quoted" & <img src=x onerror=alert(1)>'},
                    "sources": ["https://example.com/?a=1&b=<2>"],
                    "verified": "2026-01-01",
                }
            ],
        }
    )
    html = render_table(table)
    assert "<script>" not in html and "<img" not in html and "<b>Title" not in html and "<i>B" not in html
    [rows] = table_texts(html)
    assert rows[0] == ["Dimension", "A & <i>B</i>"]
    assert rows[1] == ["<script>alert(1)</script>", '"quoted" & <img src=x onerror=alert(1)>']


def test_table_macro(render: Any) -> None:
    assert 'data-table="fargate-task-sizes"' in render('{{ table("fargate-task-sizes") }}')


def test_table_macro_unknown_name_and_argument(render: Any) -> None:
    with pytest.raises(KeyError, match="no data table 'fargate'"):
        render('{{ table("fargate") }}')
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        render('{{ table("fargate-task-sizes", colour="red") }}')


def test_fact_macro_renders_value_unit_and_source(render: Any) -> None:
    html = render('{{ fact("fargate.max_task_memory_gb") }}')
    fact = load_data().fact("fargate.max_task_memory_gb")
    [(attrs, text)] = elements(html, "a")
    assert text == f"{fact.value} GB"
    assert attrs["href"] == str(fact.sources[0])
    assert attrs["title"].startswith(f"Verified {fact.verified.isoformat()}; sources: {fact.sources[0]}")
    assert elements(render('{{ fact("fargate.max_task_memory_gb", unit=False) }}'), "a")[0][1] == str(fact.value)


def test_fact_macro_unknown_name_and_argument(render: Any) -> None:
    with pytest.raises(KeyError, match=r"no fact 'fargate\.max_ram'"):
        render('{{ fact("fargate.max_ram") }}')
    with pytest.raises(KeyError, match=r"no fact 'nowhere\.x'"):
        render('{{ fact("nowhere.x") }}')
    with pytest.raises(TypeError, match="unexpected keyword argument 'units'"):
        render('{{ fact("fargate.max_task_memory_gb", units=False) }}')


def test_fact_value_is_escaped() -> None:
    from handbook.loader import Handbook
    from handbook.schema import FactSet
    from macros.facts import render_fact

    fact = {"value": "<b>1</b>", "sources": ["https://e.com"], "verified": "2026-01-01"}
    evil = FactSet.model_validate({"id": "x", "title": "X", "facts": {"v": fact}})
    html = render_fact(Handbook(factsets={"x": evil}), "x.v")
    assert isinstance(html, Markup) and "<b>" not in html
    assert elements(html, "a")[0][1] == "<b>1</b>"


def test_unknown_macro_is_an_error(render: Any) -> None:
    with pytest.raises(jinja2.UndefinedError, match="'tabel' is undefined"):
        render('{{ tabel("fargate-task-sizes") }}')


def test_snippet_macro_renders_the_real_file(render: Any) -> None:
    out = render('{{ snippet("ecs/nginx-task-definition.json") }}')
    text = (REPO / "snippets/ecs/nginx-task-definition.json").read_text().rstrip("\n")
    assert f'```json title="snippets/ecs/nginx-task-definition.json"\n{text}\n```' in out
    assert 'data-snippet="ecs/nginx-task-definition.json"' in out
    assert "File: [`snippets/ecs/nginx-task-definition.json`](snippets/ecs/nginx-task-definition.json)" in out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../mkdocs.yml", "without '..'"),
        ("/etc/passwd", "must be relative"),
        ("ecs/../../mkdocs.yml", "without '..'"),
        ("app/node_modules/express/package.json", "installed-dependency"),
        ("ecs/no-such-file.json", "does not exist"),
        ("", "must be relative"),
    ],
)
def test_snippet_macro_refuses_bad_paths(render: Any, path: str, message: str) -> None:
    with pytest.raises(SnippetError, match=message):
        render(f'{{{{ snippet("{path}") }}}}')


def test_snippet_symlink_out_of_snippets_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "snippets"
    root.mkdir()
    (root / "escape.txt").symlink_to(REPO / "mkdocs.yml")
    with pytest.raises(SnippetError, match="outside snippets/"):
        resolve("escape.txt", root)


def test_snippet_macro_unknown_argument_region_and_language(render: Any) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'language'"):
        render('{{ snippet("ecs/nginx-task-definition.json", language="json") }}')
    with pytest.raises(SnippetError, match="has no region 'nope'"):
        render('{{ snippet("ecs/nginx-task-definition.json", "nope") }}')
    with pytest.raises(SnippetError, match="hl_lines"):
        render('{{ snippet("ecs/nginx-task-definition.json", hl_lines="1;rm") }}')


CODE = """\
const a = 1;
// --8<-- [start:first]
function first() {
  return a;
}
// --8<-- [end:first]
# --8<-- [start:second]
second();
# --8<-- [end:second]
"""


def test_regions_are_extracted_without_markers() -> None:
    assert set(regions(CODE)) == {"first", "second"}
    assert extract(CODE, "first", "x.js") == "function first() {\n  return a;\n}"
    whole = extract(CODE, None, "x.js")
    assert "--8<--" not in whole and whole.startswith("const a = 1;\nfunction first()")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("// --8<-- [start:a]\nx\n", "never ended"),
        ("x\n// --8<-- [end:a]\n", "ends but was not started"),
        ("// --8<-- [start:a]\n// --8<-- [start:b]\n// --8<-- [end:b]\n// --8<-- [end:a]\n", "starts inside"),
        ("// --8<-- [start:a]\nx\n// --8<-- [end:a]\n// --8<-- [start:a]\ny\n// --8<-- [end:a]\n", "defined twice"),
        ("// --8<-- [start:a]\n// --8<-- [end:a]\n", "is empty"),
    ],
)
def test_malformed_regions_fail(text: str, message: str) -> None:
    with pytest.raises(SnippetError, match=message):
        extract(text, "a" if "start:a" in text else None, "x.js")


def test_sources_index_flags_old_verifications() -> None:
    handbook = load_data()
    newest = max(r.verified for t in handbook.tables.values() for r in t.rows)
    fresh = render_sources(handbook, today=newest, max_age_days=180)
    assert "hb-stale-row" not in fresh
    later = render_sources(handbook, today=newest + dt.timedelta(days=400), max_age_days=180)
    assert "re-check: older than 180 days" in later
    hrefs = {attrs["href"] for attrs, _ in elements(fresh, "a")}
    assert {str(u) for t in handbook.tables.values() for r in t.rows for u in r.sources} <= hrefs


# --- The page sandbox (macros/sandbox.py) --------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() | length }}",
        "{{ fact.__globals__['__builtins__']['__import__']('os').popen('id').read() }}",
        "{{ table.__code__.co_consts }}",
        "{{ self.__init__.__globals__ }}",
        "{{ ''|attr('__class__') }}",
        "{{ namespace.__init__.__globals__ }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{{ range(10) | list }}",
        "{{ config.site_dir }}",
        "{{ environment }}",
        "{{ plugin }}",
        "{{ macros_info() }}",
    ],
)
def test_pages_cannot_reach_python_or_the_build(render: Any, payload: str) -> None:
    with pytest.raises((jinja2.exceptions.SecurityError, jinja2.UndefinedError)):
        render(payload)


def test_documented_page_features_work_in_the_sandbox(render: Any) -> None:
    shown = render('=== "Tab"\n\n    {{ snippet("app/redis.js", "close") | indent(4) }}\n')
    assert "\n    ```js" in shown
    assert render("{% raw %}{{ github.sha }}{% endraw %}") == "{{ github.sha }}"
    assert render('{{ "a-b" | replace("-", "+") | upper }}') == "A+B"  # Jinja's built-in filters
    assert sorted(macros.PAGE_MACROS) == ["abbreviations", "fact", "needs_review", "snippet", "sources_index", "table"]


MARKDOWN_PAYLOAD = "30 [s](javascript:alert(1)) **bold** ![i](https://evil.example/t.png) `code` <b>x</b> | cell"


def test_values_are_inert_in_markdown() -> None:
    """Through Python-Markdown with the site's inline extensions, a fact stays literal text."""
    import markdown

    from handbook.loader import Handbook
    from handbook.schema import FactSet
    from macros.facts import render_fact

    fact = {"value": MARKDOWN_PAYLOAD, "sources": ["https://example.com/?a=`b`&c=[d](e)"], "verified": "2026-01-01"}
    evil = FactSet.model_validate({"id": "x", "title": "X", "facts": {"v": fact}})
    html = markdown.markdown(
        f"| A |\n|---|\n| {render_fact(Handbook(factsets={'x': evil}), 'x.v')} |\n",
        extensions=["tables", "attr_list", "md_in_html", "pymdownx.inlinehilite", "pymdownx.superfences"],
    )
    assert "<strong>" not in html and "<img" not in html and "<code>" not in html and "javascript:" not in html
    [(attrs, text)] = elements(html, "a")
    assert text == MARKDOWN_PAYLOAD and attrs["href"] == "https://example.com/?a=`b`&c=[d](e)"
    assert table_texts(html)[0][1] == [MARKDOWN_PAYLOAD]
