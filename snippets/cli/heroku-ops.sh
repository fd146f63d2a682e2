#!/usr/bin/env bash
# Day-two Heroku operations for the example app, one subcommand per task (Heroku CLI v11):
#
#   heroku-ops.sh pipeline STAGING PRODUCTION   staging -> production pipeline with review apps
#   heroku-ops.sh promote STAGING               ship the slug tested on staging to production
#   heroku-ops.sh preboot APP                   start new web dynos before the old ones stop
#   heroku-ops.sh memory APP                    cap the V8 heap below the dyno's memory
#   heroku-ops.sh domain APP HOSTNAME           custom domain with an ACM certificate
#   heroku-ops.sh postgres APP                  nightly backups, and what the database reports
#   heroku-ops.sh rotate APP                    new database credentials (restarts the dynos)
#   heroku-ops.sh logs APP DRAIN_URL            a log drain and runtime metrics in the log stream
#   heroku-ops.sh local                         run the Procfile locally, as the dynos would
set -euo pipefail

PIPELINE="deploy-handbook"
REPOSITORY="EXAMPLE-ORG/EXAMPLE-REPO"

# --8<-- [start:pipeline]
# Review apps are created from app.json (its "environments.review" section) for every pull request.
pipeline() {
  local staging="$1" production="$2"
  heroku pipelines:create "$PIPELINE" --app "$staging" --stage staging
  heroku pipelines:add "$PIPELINE" --app "$production" --stage production
  heroku pipelines:connect "$PIPELINE" --repo "$REPOSITORY"
  heroku reviewapps:enable --pipeline "$PIPELINE" --autodeploy --autodestroy --wait-for-ci
}
# --8<-- [end:pipeline]

# --8<-- [start:promote]
# Promotion copies the built slug: production runs exactly what staging ran, and the release
# phase (`release: node migrate.js`) runs again against production's database first.
promote() {
  heroku pipelines:promote --app "$1"
  heroku releases:output --app "$1"
}
# --8<-- [end:promote]

# --8<-- [start:preboot]
# Standard and Performance dynos only. For a few minutes old and new code run side by side.
preboot() {
  heroku features:enable preboot --app "$1"
}
# --8<-- [end:preboot]

# --8<-- [start:memory]
# Do not rely on V8's default heap limit: cap it below the dyno's memory quota (here for a 512 MB dyno),
# leaving room for buffers and native memory, so the process collects garbage before it reaches R14.
memory() {
  heroku config:set NODE_OPTIONS=--max-old-space-size=384 --app "$1"
  heroku ps --app "$1"
}
# --8<-- [end:memory]

# --8<-- [start:domain]
# The DNS target printed by domains:add (a *.herokudns.com name) is what the CNAME must point to.
domain() {
  heroku domains:add "$2" --app "$1"
  heroku certs:auto:enable --app "$1"
  heroku domains:wait "$2" --app "$1"
  heroku certs:auto --app "$1"
}
# --8<-- [end:domain]

# --8<-- [start:postgres]
postgres() {
  heroku pg:backups:schedule DATABASE_URL --at '02:00 UTC' --app "$1"
  heroku pg:backups --app "$1"
  heroku pg:info --app "$1" # plan, version, connections in use and the plan's limit
}
# --8<-- [end:postgres]

# --8<-- [start:rotate]
# Heroku updates DATABASE_URL and restarts the dynos; anything that copied the old URL breaks.
rotate() {
  heroku pg:credentials:rotate DATABASE_URL --app "$1" --confirm "$1"
}
# --8<-- [end:rotate]

# --8<-- [start:logs]
logs() {
  heroku drains:add "$2" --app "$1"
  heroku labs:enable log-runtime-metrics --app "$1"
}
# --8<-- [end:logs]

# --8<-- [start:local]
# Reads Procfile and .env; starts web and worker like the dynos (without the release phase).
local_run() {
  heroku local web=1,worker=1 --env .env
}
# --8<-- [end:local]

case "${1:-}" in
  pipeline) pipeline "$2" "$3" ;;
  promote) promote "$2" ;;
  preboot) preboot "$2" ;;
  memory) memory "$2" ;;
  domain) domain "$2" "$3" ;;
  postgres) postgres "$2" ;;
  rotate) rotate "$2" ;;
  logs) logs "$2" "$3" ;;
  local) local_run ;;
  *) echo "usage: see the top of $0" >&2 && exit 64 ;;
esac
