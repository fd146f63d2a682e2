"""The quality gate on every translated Chinese page: no untranslated English sentences (outside code, macro
ids, URLs and the terms kept in English in i18n/terms.yml), and Chinese punctuation and spacing, not ASCII
(tests/translation_gate.py has the rules; TRANSLATING.md explains them to translators).

Pages still being translated are listed in i18n/pending.txt and skipped; a listed page that already
passes must come off the list, so the list only ever names work left to do.

Run it for one page while translating: `.venv/bin/pytest tests/test_translation_quality.py -k ecs.zh`.
"""

from __future__ import annotations

import pytest

from handbook.editions import CHINESE, load_pending, load_terms, page_language
from tests.support import DOCS, REPO
from tests.translation_gate import check_line, gate

TERMS = load_terms()
PENDING = set(load_pending())
CHINESE_PAGES = sorted(p.relative_to(REPO).as_posix() for p in DOCS.rglob("*.md") if page_language(p.name) == CHINESE)
TRANSLATED = [page for page in CHINESE_PAGES if page not in PENDING]


@pytest.mark.parametrize("page", TRANSLATED)
def test_a_translated_page_passes_the_gate(page: str) -> None:
    findings = gate((REPO / page).read_text(encoding="utf-8"), TERMS)
    assert not findings, f"{page}: fix these, or keep terms in English in i18n/terms.yml:\n" + "\n".join(
        f"{page}:{finding}" for finding in findings
    )


def test_a_pending_page_is_still_pending() -> None:
    """The list names only work left to do (today: nothing; a fork adding pages may list its copies)."""
    done = [page for page in sorted(PENDING) if not gate((REPO / page).read_text(encoding="utf-8"), TERMS)]
    assert not done, f"these pass the translation gate: take them off i18n/pending.txt: {done}"


def test_the_edition_is_complete() -> None:
    """Every page of the handbook is translated: a page may wait in i18n/pending.txt while its
    translation is under way, but the handbook ships with none waiting."""
    assert not PENDING, f"pages still in English on the Chinese edition: {sorted(PENDING)}"


# --- The rules themselves, on lines a translator might write -----------------------------------------

GOOD = [
    "在 ECS 上，task definition（任务定义）描述任务中的容器。",
    "用 `heroku ps:scale web=2` 调整 dyno 的数量，见[迁移](migrating.md#mapping)。",
    "## 健康检查 { #health-checks }",
    '!!! danger "常见错误：在 Fargate 上使用 tmpfs"',
    '每个 Fargate 任务最多 {{ fact("fargate.max_task_vcpu") }}。',
    "| Heroku | AWS |",
    "- [x] **声明进程。** 在 Procfile 中写出 `web` 和 `worker`。",
    '{{ snippet("app/Procfile", annotations=["这里声明 web 进程。"]) }}',
]
BAD = [
    ("The worker reads jobs from Redis.", "untranslated English"),
    ("这一节讲 health checks and how they fail。", "untranslated English"),
    ("在 ECS 上,任务定义描述容器。", "ASCII punctuation"),
    ("这是一个句子.", "ASCII period"),
    ("在 Fargate 上(不是 EC2)运行。", "ASCII parentheses"),
    ("使用ECS部署。", "no space between Chinese and English"),
    ("共 30秒。", "no space between Chinese and English or a number"),
    ("Heroku，AWS", "full-width punctuation in English text"),
    ("先创建 task execution role（任务执行角色） 的策略。", "a space next to full-width punctuation"),
    ("运行 `heroku ps：scale`。", "full-width punctuation in code"),
    ("在 ECS 上 ，任务定义描述容器。", "a space next to full-width punctuation"),
    ('{{ snippet("app/Procfile", annotations=["Declares the web process here."]) }}', "untranslated English"),
]


@pytest.mark.parametrize("line", GOOD)
def test_the_gate_passes_good_chinese(line: str) -> None:
    assert check_line(line, TERMS) == [] if "{{" not in line else gate(line, TERMS) == []


@pytest.mark.parametrize(("line", "problem"), BAD)
def test_the_gate_refuses_each_mistake(line: str, problem: str) -> None:
    found = [f.problem for f in gate(line, TERMS)]
    assert any(problem in p for p in found), found


def test_code_blocks_and_front_matter_are_not_prose() -> None:
    page = "---\nowners: [Platform team]\nreviewed: 2026-11-30\n---\n\n```bash\nheroku ps:scale web=1 # a dyno\n```\n"
    assert gate(page, TERMS) == []
