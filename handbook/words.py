"""The handbook's own words, in each edition's language: what the macros, the page templates and the PDF
write around the data (table captions, the snippet line, the Sources and Needs review pages, the PDF's
cover and footer). Data texts are not here: they sit in data/ with their `zh:` twins.

`say(key, language, **values)` fails on a key or a language it does not know, so a new word cannot be
shown untranslated. Dates are written the way each language writes them (`date_text`).
"""

from __future__ import annotations

import datetime as dt

WORDS: dict[str, dict[str, str]] = {
    # Tables (macros/tables.py)
    "dimension": {"en": "Dimension", "zh": "对比项"},
    "sources": {"en": "Sources: {sources}", "zh": "来源：{sources}"},
    "oldest_verification": {"en": "oldest verification: {date}", "zh": "最早核实：{date}"},
    "source_verified": {"en": "Source, verified {date}", "zh": "来源，核实于 {date}"},
    "measured_by": {"en": "Measured by {command} ({script});", "zh": "测量方式：{command}（{script}）；"},
    "procedure": {"en": "procedure:", "zh": "所测流程："},
    # Values (macros/values.py)
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "range_steps": {"en": "{start} to {stop} in steps of {step}", "zh": "{start} 至 {stop}，步长 {step}"},
    "mib_steps": {"en": "{start} to {stop} in {step} steps", "zh": "{start} 至 {stop}，每档 {step}"},
    "list_separator": {"en": ", ", "zh": "、"},
    # Facts (macros/facts.py)
    "fact_title": {"en": "Verified {date}; sources: {sources}", "zh": "核实于 {date}；来源：{sources}"},
    # Snippets (macros/snippets.py)
    "snippet_file": {"en": "File: {link} · Checked by: {checks}", "zh": "文件：{link} · 检查工具：{checks}"},
    # Sources page (macros/sources.py)
    "sources_summary": {
        "en": "{count} sources; {stale} verified more than {days} days before this build ({today}). "
        "Last automatic re-check of every source: {last_run}.",
        "zh": "共 {count} 个来源；其中 {stale} 个的核实时间早于本次构建（{today}）{days} 天以上。"
        "上次自动复查全部来源：{last_run}。",
    },
    "never": {"en": "never", "zh": "从未"},
    "not_checked_yet": {"en": "not checked yet", "zh": "尚未检查"},
    "recheck_flag": {"en": "re-check: older than {days} days", "zh": "需复查：超过 {days} 天"},
    "col_source": {"en": "Source", "zh": "来源"},
    "col_backs": {"en": "Backs", "zh": "支撑的数据"},
    "col_verified_by_person": {"en": "Verified by a person", "zh": "人工核实"},
    "col_rechecked": {"en": "Re-checked automatically", "zh": "自动复查"},
    "col_status": {"en": "Status", "zh": "状态"},
    "status_unchanged": {"en": "unchanged", "zh": "未变"},
    "status_value-changed": {"en": "value changed", "zh": "数值有变"},
    "status_text-changed": {"en": "text changed", "zh": "正文有变"},
    "status_unreachable": {"en": "unreachable", "zh": "无法访问"},
    "status_format-changed": {"en": "format changed", "zh": "格式有变"},
    "status_first-check": {"en": "first check", "zh": "首次检查"},
    # Needs review page (macros/reviews.py)
    "review_summary": {
        "en": "{due} of {total} pages and data rows are past the review age of {days} days ({today}).",
        "zh": "{total} 个页面和数据行中，有 {due} 个超过了 {days} 天的审阅期限（{today}）。",
    },
    "needs_review": {"en": "needs review", "zh": "需要审阅"},
    "col_what": {"en": "What", "zh": "内容"},
    "col_kind": {"en": "Kind", "zh": "类型"},
    "col_reviewed": {"en": "Reviewed or verified", "zh": "审阅或核实于"},
    "col_age": {"en": "Age (days)", "zh": "已过天数"},
    "col_owners": {"en": "Owners", "zh": "负责人"},
    "kind_page": {"en": "page", "zh": "页面"},
    "kind_data": {"en": "data", "zh": "数据"},
    # Under every page (overrides/partials/source-file.html)
    "reviewed_by": {"en": "Reviewed {date} by {owners}", "zh": "{owners} 于 {date} 审阅"},
    "last_changed": {"en": "Last changed {date}", "zh": "最后修改于 {date}"},
    # The PDF (scripts/pdf/build.py)
    "contents": {"en": "Contents", "zh": "目录"},
    "built_from": {"en": "Built {date} from commit {commit}", "zh": "构建于 {date}，提交 {commit}"},
    "page_of": {"en": "Page {page} of {pages}", "zh": "第 {page} 页，共 {pages} 页"},
    # Onboarding checklists (docs/assets/javascripts/checklists.js reads these from the page)
    "steps_done": {"en": "{done} of {total} steps done", "zh": "已完成 {done}/{total} 步"},
    "steps_not_remembered": {
        "en": " (not remembered: this browser blocks local storage)",
        "zh": "（未保存：此浏览器禁用了本地存储）",
    },
}

# Words inside the checker's names for what it ran ("Dockerfile rules"): tool names stay as they are.
CHECK_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        " rules": " 规则",
        " syntax check": " 语法检查",
        " command tables": " 命令表",
        " model": " 模型",
        " inputs (vendored)": " 输入（仓库内副本）",
        " schema": " schema",
    }
}


class UnknownWord(KeyError):
    pass


def say(key: str, language: str, **values: object) -> str:
    """The handbook's word or sentence `key` in `language`, with `values` filled in."""
    try:
        text = WORDS[key][language]
    except KeyError:
        raise UnknownWord(f"no {language!r} text for the handbook's word {key!r} (handbook/words.py)") from None
    return text.format(**values)


def date_text(day: dt.date, language: str) -> str:
    """A date as each edition writes it: 2026-11-30, or 2026 年 11 月 30 日."""
    if language == "zh":
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    return day.isoformat()


def check_name(name: str, language: str) -> str:
    """One of the checker's names for a check, in `language` (tool names are kept)."""
    for english, translated in CHECK_WORDS.get(language, {}).items():
        name = name.replace(english, translated)
    return name
