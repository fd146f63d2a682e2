"""snippets/cutover/config-to-aws.sh: Heroku config vars to Secrets Manager and Parameter Store, never echoed.

The script runs unchanged against stand-ins for `heroku` and `aws` (tests/live/fake_cli.py) that record
every call with its argv and standard input; jq is the real one.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.live import fake_cli
from tests.support import SNIPPETS, need_tool

SCRIPT = SNIPPETS / "cutover" / "config-to-aws.sh"

CONFIG = {
    "SESSION_SECRET": "s3cr3t with spaces, 'quotes', \"doubles\", $HOME and `ticks`",
    "STRIPE_API_KEY": "sk_live_0123456789abcdefghij",
    "SENTRY_URL": "https://public:private-token-42@sentry.example.com/7",
    "MULTILINE_TOKEN": "-----BEGIN KEY-----\nline two\n-----END KEY-----\n",
    "LOG_LEVEL": "verbose-logging-level",
    "FEATURE_FLAGS": "checkout,search ünïcode",
    "DATABASE_URL": "postgres://heroku-user:heroku-db-password@ec2.example.com:5432/d1",
    "REDIS_URL": "rediss://:heroku-redis-password@ec2.example.com:6380",
    "HEROKU_APP_NAME": "notes-dyno-metadata-name",
}
SKIPPED = {"DATABASE_URL", "REDIS_URL", "HEROKU_APP_NAME"}
SECRETS = {"SESSION_SECRET", "STRIPE_API_KEY", "SENTRY_URL", "MULTILINE_TOKEN"}


def run_script(state: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ) | fake_cli.install(state / "bin", state, {"config": CONFIG})
    env |= {"HEROKU_APP": "deploy-handbook-notes", "PREFIX": "deploy-handbook"}
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def state(tmp_path: Path) -> Path:
    need_tool("jq", hint="apt-get install jq")
    return tmp_path / "cli"


def test_every_key_lands_in_the_right_store_with_its_exact_value(state: Path) -> None:
    result = run_script(state)
    assert result.returncode == 0, result.stderr
    stored = fake_cli.store(state)
    assert stored["secrets"] == {f"deploy-handbook/{k}": CONFIG[k] for k in SECRETS}
    plain = set(CONFIG) - SECRETS - SKIPPED
    assert stored["parameters"] == {f"/deploy-handbook/{k}": {"value": CONFIG[k], "type": "String"} for k in plain}
    for key in SKIPPED:
        assert f"{key}: skipped" in result.stdout
    # The ARN with its random suffix is printed for the task definition's valueFrom.
    assert "SESSION_SECRET: created secret arn:aws:secretsmanager:" in result.stdout


def test_no_value_ever_appears_in_output_or_on_a_command_line(state: Path) -> None:
    first, second = run_script(state), run_script(state)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    argv = [" ".join(call["argv"]) for call in fake_cli.calls(state)]
    seen = "\n".join([first.stdout, first.stderr, second.stdout, second.stderr, *argv])
    for key, value in CONFIG.items():
        for line in filter(None, value.splitlines()):
            assert line not in seen, f"a value of {key} leaked"
    # Values went through standard input only.
    stdins = [call["stdin"] for call in fake_cli.calls(state) if call["stdin"]]
    assert sorted(stdins) == sorted(CONFIG[k] for k in CONFIG if k not in SKIPPED for _ in range(2))


def test_running_it_again_updates_instead_of_failing(state: Path) -> None:
    run_script(state)
    again = run_script(state)
    assert again.returncode == 0, again.stderr
    assert "SESSION_SECRET: updated secret deploy-handbook/SESSION_SECRET" in again.stdout
    operations = [" ".join(call["argv"][:2]) for call in fake_cli.calls(state) if call["cli"] == "aws"]
    assert operations.count("secretsmanager create-secret") == len(SECRETS)  # first run only
    assert operations.count("secretsmanager put-secret-value") == len(SECRETS)  # second run
    assert all("--overwrite" in call["argv"] for call in fake_cli.calls(state) if call["argv"][:1] == ["ssm"])
