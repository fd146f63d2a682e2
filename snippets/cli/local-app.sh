#!/usr/bin/env bash
# Run the handbook's example app (snippets/app) on a laptop the way Heroku runs it: `heroku local`
# starts the Procfile's web and worker processes with config from an .env file, against a
# throwaway PostgreSQL and Redis on 127.0.0.1. Ctrl-C stops everything and deletes the servers.
#
# Usage: local-app.sh [APP_DIR]          (default: ../app beside this script)
#   PORT, PG_PORT, REDIS_PORT choose the ports (5000, 55432, 56379).
# Needs PostgreSQL's server programs, redis-server, Node.js with npm, and the Heroku CLI
# (or honcho, which reads the same Procfile and .env).
set -euo pipefail

app_dir="$(cd "${1:-"$(dirname "$0")/../app"}" && pwd)"
port="${PORT:-5000}"
pg_port="${PG_PORT:-55432}"
redis_port="${REDIS_PORT:-56379}"

# --8<-- [start:servers]
if ! command -v initdb >/dev/null; then # (1)!
  for dir in /usr/lib/postgresql/*/bin; do PATH="$dir:$PATH"; done
fi
work="$(mktemp -d)"
chmod 755 "$work" && cd "$work"
as_db_owner() { # (2)!
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [[ -f "$work/redis.pid" ]]; then kill "$(cat "$work/redis.pid")" || true; fi
  if [[ -f "$work/pg/postmaster.pid" ]]; then as_db_owner pg_ctl -D "$work/pg" -m fast stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT # (3)!

mkdir "$work/pg"
if [[ "$(id -u)" -eq 0 ]]; then chown postgres "$work/pg"; fi
as_db_owner initdb -D "$work/pg" -U app --auth=trust --encoding=UTF8 --no-locale >/dev/null
as_db_owner pg_ctl -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
as_db_owner createdb -h 127.0.0.1 -p "$pg_port" -U app notes
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
# --8<-- [end:servers]

# --8<-- [start:run]
export DATABASE_URL="postgres://app@127.0.0.1:$pg_port/notes" REDIS_URL="redis://127.0.0.1:$redis_port"
printf 'DATABASE_URL=%s\nREDIS_URL=%s\n' "$DATABASE_URL" "$REDIS_URL" >"$work/.env" # (4)!
cd "$app_dir"
npm ci --no-audit --no-fund --loglevel=error
node migrate.js # (5)!
echo "web: http://127.0.0.1:$port/health  (Ctrl-C stops the app and deletes both servers)"
if command -v heroku >/dev/null; then
  heroku local web,worker -e "$work/.env" -p "$port" # (6)!
else
  honcho start -e "$work/.env" -p "$port" web worker
fi
# --8<-- [end:run]
