"""How long the scripted cut-over keeps the app down, for databases of several sizes (`make bench`).

Runs snippets/cutover/move-data.sh (cutover, direct pg_dump) unchanged between two throw-away
PostgreSQL servers, as tests/live/test_cutover.py does, on the example app's schema filled with N notes,
and writes data/tables/cutover-downtime.yaml: rows, database size, dump size and the downtime the
script measured, plus seconds per GB as the rule of thumb. `--no-write` only prints.

    python -m tests.live.restore_bench [--no-write]
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from handbook.paths import DATA_DIR
from tests.live import fake_cli
from tests.live.services import Postgres, Redis
from tests.servers import Certs, run

SIZES = (250_000, 1_000_000)  # notes rows
SCRIPT = Path(__file__).resolve().parents[2] / "snippets" / "cutover" / "move-data.sh"
OUT = DATA_DIR / "tables" / "cutover-downtime.yaml"
SCHEMA = """
CREATE TABLE notes (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), word_count integer, processed_at timestamptz,
  process_count integer NOT NULL DEFAULT 0);
CREATE TABLE processed_jobs (job_id text PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now());
INSERT INTO notes (body, word_count, processed_at, process_count)
  SELECT repeat(md5(g::text) || ' ', 1 + g % 8), 1 + g % 8, now(), 1 FROM generate_series(1, {rows}) g;
INSERT INTO processed_jobs (job_id) SELECT 'wordcount:' || g FROM generate_series(1, {rows}) g;
"""


class _Plain(yaml.SafeDumper):
    """Writes repeated values out in full: no YAML anchors in a file people read."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def measure(rows: int, work: Path, certs: Certs, redis: Redis) -> dict[str, float]:
    source, target = Postgres(certs), Postgres(certs)
    try:
        heroku_url = source.owned_database("herokudb", "heroku_user")
        rds_url = target.owned_database("rds", "rds_app")
        run(["psql", f"--dbname={heroku_url}", "-v", "ON_ERROR_STOP=1", "-qc", SCHEMA.format(rows=rows)], timeout=600)
        size = int(source.psql("SELECT pg_database_size('herokudb')"))
        state = work / f"cli-{rows}"
        heroku = {"config": {"DATABASE_URL": heroku_url, "REDIS_URL": redis.url(0)}}
        env = dict(os.environ) | fake_cli.install(state / "bin", state, heroku)
        env |= {"HEROKU_APP": "bench", "RDS_DATABASE_URL": rds_url, "DUMP_VIA": "pg_dump"}
        env |= {"DUMP_FILE": str(state / "cutover.dump"), "QUEUE_DRAIN_TIMEOUT": "0"}
        start = time.monotonic()
        result = subprocess.run(["bash", str(SCRIPT), "cutover"], env=env, capture_output=True, text=True, timeout=900)
        seconds = time.monotonic() - start
        if result.returncode != 0:
            raise SystemExit(f"cut-over failed for {rows} rows:\n{result.stderr}")
        return {
            "rows": rows,
            "db_mb": round(size / 2**20),
            "dump_mb": round((state / "cutover.dump").stat().st_size / 2**20),
            "downtime_s": round(seconds, 1),
            "s_per_gb": round(seconds / (size / 2**30)),
        }
    finally:
        source.close()
        target.close()


def table(results: list[dict[str, float]], today: dt.date) -> dict[str, object]:
    columns = [
        ("rows", "Notes rows"),
        ("db_mb", "Database size (MiB)"),
        ("dump_mb", "Dump size (MiB)"),
        ("downtime_s", "Writes stopped (s)"),
        ("s_per_gb", "Seconds per GiB of database"),
    ]
    procedure = [
        "https://www.postgresql.org/docs/current/app-pgdump.html",
        "https://www.postgresql.org/docs/current/app-pgrestore.html",
    ]
    return {
        "id": "cutover-downtime",
        "kind": "reference",
        "title": "Downtime of the scripted cut-over (move-data.sh cutover, direct pg_dump), by database size",
        "description": (
            "Measured on the handbook's CI machine (2 shared vCPUs, both servers on one host, no network "
            "between them): real moves add the transfer between Heroku and AWS and run on other hardware. "
            "Rehearse with your own data."
        ),
        "columns": [{"key": k, "label": label} for k, label in columns],
        "rows": [
            {
                "id": f"rows-{r['rows']}",
                "values": {k: r[k] for k, _ in columns},
                "sources": procedure,
                "verified": today,
                "measured_by": {"script": "tests/live/restore_bench.py", "command": "make bench"},
            }
            for r in results
        ],
    }


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="restore-bench-") as tmp:
        work = Path(tmp)
        certs = Certs.make(work / "certs")
        redis = Redis(work / "redis")
        try:
            results = []
            for rows in SIZES:
                result = measure(rows, work, certs, redis)
                results.append(result)
                print(
                    f"cut-over:       {result['rows']:>9,} rows, {result['db_mb']:.0f} MiB database, "
                    f"{result['dump_mb']:.0f} MiB dump: writes stopped {result['downtime_s']:.1f} s "
                    f"({result['s_per_gb']:.0f} s per GiB)"
                )
        finally:
            redis.close()
    if "--no-write" not in argv:
        header = "# Written by `make bench` (tests/live/restore_bench.py); do not edit by hand.\n"
        text = yaml.dump(table(results, dt.date.today()), Dumper=_Plain, sort_keys=False, allow_unicode=True)
        OUT.write_text(header + text)
        print(f"cut-over:       wrote {OUT.relative_to(DATA_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
