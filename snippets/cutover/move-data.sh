#!/usr/bin/env bash
# Move the example app's PostgreSQL data between Heroku Postgres and Amazon RDS, with the app stopped.
#
#   move-data.sh cutover      Heroku -> RDS: stop writes on Heroku, dump, restore into RDS, verify.
#   move-data.sh switchback   RDS -> Heroku: stop the ECS services, dump RDS, restore into Heroku, verify.
#
# Settings come from the environment, so no password is typed on this script's command line:
#   HEROKU_APP           the Heroku app (required)
#   RDS_DATABASE_URL     postgres://APP_USER:PASSWORD@HOST:5432/DB?sslmode=verify-full (required); a role  # pragma: allowlist secret
#                        that owns the database but is not a superuser, as on RDS
#   DUMP_VIA             backups (heroku pg:backups, default) or pg_dump (a direct pg_dump -Fc)
#   DUMP_FILE            where the dump is written (default: ./cutover.dump)
#   RESTORE_JOBS         parallel pg_restore jobs (default 2; about one per vCPU of the target)
#   QUEUE_KEY            the Redis list of pending jobs (default: jobs, as in snippets/app/queue.js)
#   QUEUE_DRAIN_TIMEOUT  seconds to wait for the worker to empty the queue (default 300)
#   ECS_CLUSTER, ECS_SERVICES   for switchback (defaults: the handbook's cluster and services)
# Needs the Heroku CLI, psql, pg_dump and pg_restore (at least the server's major version), curl,
# redis-cli, and for switchback the AWS CLI. It prints the downtime when it is done.
set -euo pipefail

: "${HEROKU_APP:?set HEROKU_APP to the Heroku app name}"
: "${RDS_DATABASE_URL:?set RDS_DATABASE_URL to the RDS database URL (a non-superuser role that owns the database)}"
DUMP_VIA="${DUMP_VIA:-backups}"
DUMP_FILE="${DUMP_FILE:-./cutover.dump}"
RESTORE_JOBS="${RESTORE_JOBS:-2}"
QUEUE_KEY="${QUEUE_KEY:-jobs}"
QUEUE_DRAIN_TIMEOUT="${QUEUE_DRAIN_TIMEOUT:-300}"
ECS_CLUSTER="${ECS_CLUSTER:-deploy-handbook}"
ECS_SERVICES="${ECS_SERVICES:-deploy-handbook-api deploy-handbook-worker}"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --8<-- [start:checks]
# One value from a query, with psql's decorations off; stops the script on any SQL error.
sql() { psql --dbname="$1" --no-psqlrc --tuples-only --no-align --quiet -v ON_ERROR_STOP=1 --command="$2"; }

server_major() { sql "$1" "SELECT current_setting('server_version_num')::int / 10000"; }

# pg_dump refuses a server newer than itself, and a restore into an older major version is not supported.
check_versions() {
  local source_url="$1" target_url="$2" source target client
  source="$(server_major "$source_url")"
  target="$(server_major "$target_url")"
  client="$(pg_dump --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
  log "PostgreSQL: source ${source}, target ${target}, pg_dump ${client}"
  [ "$target" -ge "$source" ] || die "target PostgreSQL ${target} is older than the source's ${source}"
  [ "$client" -ge "$source" ] || die "pg_dump ${client} is older than the source server ${source}: install a newer client"
}

# Every extension the source uses must be available on the target (on RDS: in its supported list).
check_extensions() {
  local source_url="$1" target_url="$2" name version missing=""
  while IFS='|' read -r name version; do
    [ -n "$name" ] || continue
    if [ "$(sql "$target_url" "SELECT count(*) FROM pg_available_extensions WHERE name = '${name}'")" = "0" ]; then
      missing="${missing} ${name}"
    else
      log "extension ${name} ${version}: available on the target"
    fi
  done < <(sql "$source_url" "SELECT extname, extversion FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")
  [ -z "$missing" ] || die "extensions missing on the target:${missing}"
}

# A restore into a database that already has tables would mix old and new rows.
check_target_empty() {
  local tables
  tables="$(sql "$1" "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
  [ "$tables" = "0" ] || die "the target database already has ${tables} tables; restore into an empty database"
}
# --8<-- [end:checks]

# --8<-- [start:stop-heroku]
# Jobs still in the queue would be lost: wait until the worker has emptied it, then stop the worker.
queue_depth() {
  local url="$1" depth key tls=()
  [[ "$url" == rediss://* ]] && tls=(--tls --insecure) # Heroku Key-Value Store: self-signed certificate
  depth="$(redis-cli "${tls[@]}" --no-auth-warning -u "$url" LLEN "$QUEUE_KEY")"
  while read -r key; do
    [ -n "$key" ] && depth=$((depth + $(redis-cli "${tls[@]}" --no-auth-warning -u "$url" LLEN "$key")))
  done < <(redis-cli "${tls[@]}" --no-auth-warning -u "$url" --scan --pattern "${QUEUE_KEY}:processing:*")
  echo "$depth"
}

stop_heroku_writes() {
  local redis_url waited=0
  heroku maintenance:on --app "$HEROKU_APP" # the router answers 503; no new requests, no new jobs
  redis_url="$(heroku config:get REDIS_URL --app "$HEROKU_APP")"
  until [ "$(queue_depth "$redis_url")" = "0" ]; do
    [ "$waited" -lt "$QUEUE_DRAIN_TIMEOUT" ] || die "the queue is not empty after ${QUEUE_DRAIN_TIMEOUT}s; is the worker running?"
    sleep 5
    waited=$((waited + 5))
  done
  heroku ps:scale worker=0 --app "$HEROKU_APP"
}
# --8<-- [end:stop-heroku]

# --8<-- [start:dump]
# A consistent snapshot either way: pg_dump reads everything in one transaction.
dump_heroku() {
  local source_url="$1" backup_url
  if [ "$DUMP_VIA" = "backups" ]; then
    # Heroku's own logical backup (recommended by Heroku up to 20 GB), then a download from its URL.
    heroku pg:backups:capture --app "$HEROKU_APP"
    backup_url="$(heroku pg:backups:url --app "$HEROKU_APP")"
    curl --fail --silent --show-error --retry 3 --output "$DUMP_FILE" "$backup_url"
  else
    pg_dump --format=custom --no-owner --no-acl --dbname="$source_url" --file="$DUMP_FILE"
  fi
}
# --8<-- [end:dump]

# --8<-- [start:restore]
# Objects get the restoring role as owner (--no-owner) and no GRANTs from the old provider (--no-acl):
# the target role is not a superuser and the source's role names do not exist there.
restore() {
  local target_url="$1"
  pg_restore --no-owner --no-acl --exit-on-error --jobs="$RESTORE_JOBS" --dbname="$target_url" "$DUMP_FILE"
  # Fresh planner statistics (a restored database has none); quiet about catalogs only a superuser may analyze.
  sql "$target_url" "SET client_min_messages TO error; ANALYZE"
}
# --8<-- [end:restore]

# --8<-- [start:verify]
# Exact row counts of every table, and the position of every sequence, must be equal on both sides.
row_counts() {
  local url="$1" table
  while read -r table; do
    [ -n "$table" ] && printf '%s %s\n' "$table" "$(sql "$url" "SELECT count(*) FROM ${table}")"
  done < <(sql "$url" "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                       WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")
}

sequence_positions() {
  sql "$1" "SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value::text, 'unused')
            FROM pg_sequences ORDER BY 1"
}

verify_copy() {
  local source_url="$1" target_url="$2"
  diff <(row_counts "$source_url") <(row_counts "$target_url") || die "row counts differ (source <, target >)"
  diff <(sequence_positions "$source_url") <(sequence_positions "$target_url") || die "sequences differ"
  log "verified: $(row_counts "$target_url" | wc -l) tables and $(sequence_positions "$target_url" | wc -l) sequences match"
}
# --8<-- [end:verify]

# --8<-- [start:cutover]
cutover() {
  local heroku_url
  heroku_url="$(heroku config:get DATABASE_URL --app "$HEROKU_APP")"
  check_versions "$heroku_url" "$RDS_DATABASE_URL"
  check_extensions "$heroku_url" "$RDS_DATABASE_URL"
  check_target_empty "$RDS_DATABASE_URL"
  SECONDS=0 # downtime starts when writes stop
  stop_heroku_writes
  dump_heroku "$heroku_url"
  restore "$RDS_DATABASE_URL"
  verify_copy "$heroku_url" "$RDS_DATABASE_URL"
  log "data moved; writes were stopped for ${SECONDS}s so far"
  log "next: run the migration task, start the ECS services, switch DNS; Heroku stays in maintenance mode"
}
# --8<-- [end:cutover]

# --8<-- [start:switchback]
# After the switch-back deadline the RDS copy is the only up-to-date one: copy it back before Heroku
# serves again. This empties the Heroku database first (pg:reset), so it asks nothing and checks a lot.
switchback() {
  local heroku_url service
  heroku_url="$(heroku config:get DATABASE_URL --app "$HEROKU_APP")"
  check_versions "$RDS_DATABASE_URL" "$heroku_url"
  check_extensions "$RDS_DATABASE_URL" "$heroku_url"
  SECONDS=0
  for service in $ECS_SERVICES; do
    aws ecs update-service --cluster "$ECS_CLUSTER" --service "$service" --desired-count 0 \
      --query 'service.desiredCount' --output text
  done
  # shellcheck disable=SC2086 # one argument per service name
  aws ecs wait services-stable --cluster "$ECS_CLUSTER" --services $ECS_SERVICES
  pg_dump --format=custom --no-owner --no-acl --dbname="$RDS_DATABASE_URL" --file="$DUMP_FILE"
  heroku pg:reset DATABASE_URL --app "$HEROKU_APP" --confirm "$HEROKU_APP"
  restore "$heroku_url"
  verify_copy "$RDS_DATABASE_URL" "$heroku_url"
  heroku ps:scale worker=1 --app "$HEROKU_APP"
  heroku maintenance:off --app "$HEROKU_APP"
  log "Heroku serves again after ${SECONDS}s of downtime; point DNS back at Heroku"
}
# --8<-- [end:switchback]

case "${1:-}" in
  cutover) cutover ;;
  switchback) switchback ;;
  *) die "usage: $0 cutover|switchback (settings in the environment, see the top of this file)" ;;
esac
