"""Stand-ins for the `heroku` and `aws` CLIs, for runbook scripts that must run here without either cloud.

`install(bin_dir, state_dir)` writes `heroku` and `aws` executables into bin_dir; put bin_dir first on
PATH. Each call is appended to state_dir/calls.jsonl as {"cli", "argv", "stdin"} so a test can assert
what the script asked for (and that no secret value ever reached an argv). Behaviour is the minimum
the handbook's scripts need, driven by state_dir/heroku.json:

- heroku: `config:get VAR` and `config --json` answer from "config"; `pg:backups:capture` runs the real
  pg_dump -Fc against "database_url" into the backup file and `pg:backups:url` prints its file:// URL
  (curl downloads it as it would the signed URL); `pg:reset` empties "database_url" through "admin_url";
  anything else (maintenance:on, ps:scale ...) just succeeds.
- aws: Secrets Manager and SSM Parameter Store calls keep values in state_dir/aws-store.json, reading
  `file:///dev/stdin` values from stdin like the real CLI; `ecs update-service` prints the desired count;
  anything else succeeds with no output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

NOT_FOUND = 254  # the AWS CLI's exit status for a service error such as ResourceNotFoundException


def install(bin_dir: Path, state_dir: Path, heroku: dict[str, Any] | None = None) -> dict[str, str]:
    """Write the fakes and their state; returns the environment variables that activate them."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / "heroku.json").write_text(json.dumps(heroku or {}))
    for cli in ("heroku", "aws"):
        exe = bin_dir / cli
        exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{Path(__file__).resolve()}" {cli} "$@"\n')
        exe.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "FAKE_CLI_STATE": str(state_dir)}


def calls(state_dir: Path) -> list[dict[str, Any]]:
    log = state_dir / "calls.jsonl"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def store(state_dir: Path) -> dict[str, Any]:
    path = state_dir / "aws-store.json"
    return json.loads(path.read_text()) if path.exists() else {"secrets": {}, "parameters": {}}


def _option(argv: list[str], name: str) -> str | None:
    for index, word in enumerate(argv):
        if word == name and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith(name + "="):
            return word.split("=", 1)[1]
    return None


def _value(argv: list[str], name: str, stdin: str) -> str | None:
    raw = _option(argv, name)
    return stdin if raw == "file:///dev/stdin" else raw


def _heroku(argv: list[str], state: Path) -> int:
    conf = json.loads((state / "heroku.json").read_text())
    command = argv[0] if argv else ""
    if command == "config:get":
        print(conf["config"][argv[1]])
    elif command == "config" and "--json" in argv:
        print(json.dumps(conf["config"]))
    elif command == "pg:backups:capture":
        backup = state / "backup.dump"
        subprocess.run(["pg_dump", "-Fc", f"--dbname={conf['database_url']}", f"--file={backup}"], check=True)
    elif command == "pg:backups:url":
        print((state / "backup.dump").resolve().as_uri())
    elif command == "pg:reset":
        reset = "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION " + conf["owner"]
        subprocess.run(["psql", f"--dbname={conf['admin_url']}", "-v", "ON_ERROR_STOP=1", "-qc", reset], check=True)
    return 0


def _aws(argv: list[str], stdin: str, state: Path) -> int:
    path = state / "aws-store.json"
    data = store(state)
    service, operation = [*argv, "", ""][:2]
    status = 0
    if service == "secretsmanager":
        name = _option(argv, "--secret-id") or _option(argv, "--name") or ""
        secrets = data["secrets"]
        if operation == "describe-secret" and name not in secrets:
            print(f"An error occurred (ResourceNotFoundException): {name} not found", file=sys.stderr)
            status = NOT_FOUND
        elif operation in {"create-secret", "put-secret-value"}:
            secrets[name] = _value(argv, "--secret-string", stdin)
            print(f"arn:aws:secretsmanager:us-east-1:111122223333:secret:{name}-AbCdEf")
    elif service == "ssm" and operation == "put-parameter":
        name = _option(argv, "--name") or ""
        if name in data["parameters"] and "--overwrite" not in argv:
            print("An error occurred (ParameterAlreadyExists)", file=sys.stderr)
            status = NOT_FOUND
        else:
            data["parameters"][name] = {"value": _value(argv, "--value", stdin), "type": _option(argv, "--type")}
    elif service == "ecs" and operation == "update-service":
        print(_option(argv, "--desired-count") or "")
    path.write_text(json.dumps(data))
    return status


def main(cli: str, argv: list[str]) -> int:
    state = Path(os.environ["FAKE_CLI_STATE"])
    # Read stdin only when the command says a value comes from it; otherwise never block on it.
    stdin = sys.stdin.read() if any("file:///dev/stdin" in word for word in argv) else ""
    with (state / "calls.jsonl").open("a") as log:
        log.write(json.dumps({"cli": cli, "argv": argv, "stdin": stdin}) + "\n")
    return _heroku(argv, state) if cli == "heroku" else _aws(argv, stdin, state)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
