"""`python -m refresh` end to end: offline on the real data/, then two weekly runs on a small data/ whose
sources live on a local server, with the link check (the real lychee binary) on a small built site."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from handbook.freshness import load_state
from handbook.loader import load_data
from refresh.__main__ import main
from refresh.links import lychee_binary, parse
from tests.refresh.conftest import RECORDED
from tests.support import need


def test_offline_it_fails_fast_with_one_line_per_host_and_records_nothing(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    args = ["--data", str(data_copy), "--state", str(data_copy / "freshness.json"), "--out", str(out)]
    assert main([*args, "--work", str(tmp_path / "work")]) == 2
    err = capsys.readouterr().err.splitlines()
    hosts = [line for line in err if line.endswith(": unreachable (DNS lookup failed)")]
    assert len(hosts) == len(set(hosts)) >= 10  # one line per host, not per source
    assert "refresh: pricing.us-east-1.amazonaws.com: unreachable (DNS lookup failed)" in hosts
    assert err[-1].startswith("refresh: most hosts are unreachable (no network?): nothing was recorded")
    assert "Traceback" not in "\n".join(err)
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["network"] == "down" and not report["wrote_data"]
    hashed = {entry["source"] for entry in report["review"]["unreachable_sources"]}
    # the API reference page behind the botocore-model rows is hashed too: it also backs the tmpfs row
    assert "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html" in hashed
    assert "https://github.com/nodejs/Release/blob/main/schedule.json" not in hashed  # its fetcher reads it
    assert "this machine's network is down or filtered" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "data.diff").read_text(encoding="utf-8") == ""


def small_data(root: Path, base: str) -> Path:
    data = root / "data"
    (data / "facts").mkdir(parents=True)
    (data / "facts" / "local.yaml").write_text(
        textwrap.dedent(f"""\
            # A small data set whose sources the local server answers.
            id: local
            title: Local facts
            facts:
              page_fact:
                value: 30
                unit: seconds
                sources: [{base}/article]
                verified: 2026-11-01
              node_eol:
                label: End of life of Node.js 22
                value: 2027-04-30
                sources: [https://github.com/nodejs/Release/blob/main/schedule.json]
                verified: 2026-11-01
                refresh: {{fetcher: node-release-schedule, line: v22, values: {{value: end}}}}
              gone_fact:
                value: H12
                sources: [{base}/gone]
                verified: 2026-11-01
            """),
        encoding="utf-8",
    )
    return data


def run_week(data: Path, tmp_path: Path, base: str, today: str, site: Path | None = None) -> int:
    args = ["--data", str(data), "--state", str(data / "freshness.json"), "--out", str(tmp_path / "out")]
    args += ["--work", str(tmp_path / "work"), "--today", today, "--interval", "0", "--include-private-links"]
    args += ["--endpoint", f"node-release-schedule={base}/nodejs/schedule.json"]
    return main(args + (["--site", str(site)] if site else []))


def test_two_weekly_runs_record_move_dates_and_flag_changes(httpserver: HTTPServer, tmp_path: Path) -> None:
    base = httpserver.url_for("").rstrip("/")
    page = (RECORDED / "pages" / "request-timeout.html").read_text(encoding="utf-8")
    schedule = (RECORDED / "nodejs-release" / "schedule.json").read_bytes()
    httpserver.expect_request("/nodejs/schedule.json").respond_with_data(schedule, content_type="application/json")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    httpserver.expect_oneshot_request("/article").respond_with_data(page, content_type="text/html")
    data = small_data(tmp_path, base)

    assert run_week(data, tmp_path, base, "2026-11-23") == 0
    state = load_state(data / "freshness.json")
    assert state.last_run == dt.date(2026, 11, 23)
    assert state.sources[f"{base}/article"].status == "first-check"
    assert state.sources[f"{base}/gone"].status == "unreachable" and state.sources[f"{base}/gone"].detail == "HTTP 404"
    schedule_url = "https://github.com/nodejs/Release/blob/main/schedule.json"
    assert state.sources[schedule_url].status == "unchanged"
    facts = load_data(data).factsets["local"].facts
    assert facts["node_eol"].verified == dt.date(2026, 11, 23)  # re-derived: the date moves
    assert facts["page_fact"].verified == dt.date(2026, 11, 1)  # hashed only: a person must re-read it
    assert state.person_verified("facts/local/node_eol", dt.date(2026, 11, 23)) == dt.date(2026, 11, 1)
    diff = (tmp_path / "out" / "data.diff").read_text(encoding="utf-8")
    assert "-    verified: 2026-11-01\n+    verified: 2026-11-23\n" in diff

    httpserver.expect_oneshot_request("/article").respond_with_data(
        page.replace("initial 30 second window", "initial 60 second window"), content_type="text/html"
    )
    assert run_week(data, tmp_path, base, "2026-11-30") == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    [changed] = report["review"]["text_changed"]
    assert changed["source"] == f"{base}/article"
    assert changed["backs"] == [
        {"item": "facts/local/page_fact", "what": "Local facts: page_fact", "file": "data/facts/local.yaml"}
    ]
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert f"- [ ] **source changed — review** {base}/article: main text changed since 2026-11-23" in markdown
    assert f"- [ ] **source unreachable** {base}/gone: HTTP 404" in markdown
    assert report["coverage"]["re_derived"] == 1 and report["coverage"]["values"] == 3
    assert load_state(data / "freshness.json").sources[f"{base}/article"].status == "text-changed"


def test_the_link_check_reports_broken_links_and_down_hosts(httpserver: HTTPServer, tmp_path: Path) -> None:
    need(lychee_binary() is not None, "lychee is not installed (pip install -r requirements/refresh.txt)")
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/fine").respond_with_data("fine")
    httpserver.expect_request("/missing").respond_with_data("", status=404)
    httpserver.expect_request("/nodejs/schedule.json").respond_with_data(
        (RECORDED / "nodejs-release" / "schedule.json").read_bytes(), content_type="application/json"
    )
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "guide" / "index.html").write_text(
        f'<html><body><a href="{base}/fine">ok</a> <a href="{base}/missing">gone</a> '
        '<a href="http://127.0.0.1:1/closed">closed</a> <a href="https://example.com/x">placeholder</a>'
        '<a href="../index.html">home</a></body></html>',
        encoding="utf-8",
    )
    data = small_data(tmp_path, base)
    httpserver.expect_request("/article").respond_with_data("<p>text</p>", content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    assert run_week(data, tmp_path, base, "2026-11-23", site=site) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["review"]["broken_links"] == [
        {"url": f"{base}/missing", "reason": "HTTP 404", "pages": ["guide/index.html"]}
    ]
    assert report["hosts_unreachable"] == {"127.0.0.1:1": report["hosts_unreachable"]["127.0.0.1:1"]}
    assert report["link_check"] == {"checked": 3, "error": None}


def test_lychee_json_is_grouped_by_host(tmp_path: Path) -> None:
    page = str(tmp_path / "a" / "index.html")
    down = {"text": "Network error: Connection failed", "details": "Connection failed. Check network connectivity"}
    raw = {
        "total": 4,
        "excludes": 0,
        "error_map": {
            page: [
                {"url": "https://docs.example.net/x", "status": down},
                {"url": "https://docs.example.net/y", "status": down},
                {"url": "https://blog.example.net/z", "status": {"text": "404 Not Found", "code": 404}},
            ]
        },
        "timeout_map": {page: [{"url": "https://slow.example.net/", "status": {"text": "Timeout"}}]},
    }
    parsed = parse(raw, tmp_path)
    assert parsed.hosts_down == {"docs.example.net": "Connection failed. Check network connectivity"}
    assert [(b.url, b.reason, b.pages) for b in parsed.broken] == [
        ("https://blog.example.net/z", "HTTP 404", ("a/index.html",)),
        ("https://slow.example.net/", "Timeout", ("a/index.html",)),
    ]
