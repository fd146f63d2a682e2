#!/usr/bin/env bash
# Deploy the handbook's example app (snippets/app) to Heroku with the Heroku CLI (v11).
#
# Usage: heroku-deploy.sh APP_NAME
#   Run it from the root of the app's git repository, on a branch named main.
#   It creates a NEW app called APP_NAME with paid add-ons; it never deletes or
#   overwrites anything. Each step is a named region shown on the Heroku page.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 APP_NAME  (creates a new Heroku app with that name)" >&2
  exit 64
fi
app="$1"

# --8<-- [start:preflight]
# Fail early, before anything is created.
command -v heroku >/dev/null || { echo "install the Heroku CLI first" >&2; exit 69; }
git rev-parse --verify --quiet main >/dev/null || { echo "no local branch 'main'" >&2; exit 65; }
# --8<-- [end:preflight]

# --8<-- [start:login]
# Interactive use: `heroku login` opens a browser (multi-factor authentication is
# mandatory, so email and password alone no longer work). In CI, export an API
# token as HEROKU_API_KEY instead; it takes precedence over the stored login.
if [[ -z "${HEROKU_API_KEY:-}" ]] && ! heroku auth:whoami >/dev/null 2>&1; then
  heroku login
fi
heroku auth:whoami
# --8<-- [end:login]

# --8<-- [start:create]
# Creates the app and a git remote named "heroku". The default web address gets a
# random suffix (https://APP_NAME-<random>.herokuapp.com/); `heroku apps:info`
# prints the real one.
heroku create "$app" --stack heroku-24
# --8<-- [end:create]

# --8<-- [start:addons]
# Heroku Postgres sets DATABASE_URL; Heroku Key-Value Store (plan slug still
# heroku-redis) sets REDIS_URL. Both are paid plans and both require TLS.
heroku addons:create heroku-postgresql:essential-0 --app "$app" --wait
heroku addons:create heroku-redis:mini --app "$app" --wait
# --8<-- [end:addons]

# --8<-- [start:config]
# Settings the app reads at boot (the Node.js buildpack already sets NODE_ENV=production).
# Never set DATABASE_URL or REDIS_URL yourself: the add-ons own them and change them when
# credentials rotate.
heroku config:set DATABASE_SSL=no-verify REDIS_TLS=no-verify --app "$app"
# --8<-- [end:config]

# --8<-- [start:deploy]
# Builds a slug with the Node.js buildpack, runs the release phase
# (`release: node migrate.js` in the Procfile), then starts the new release.
git push heroku main
# --8<-- [end:deploy]

# --8<-- [start:scale]
# One web and one worker dyno on the Basic type (dynos never sleep on Basic).
heroku ps:type basic --app "$app"
heroku ps:scale web=1 worker=1 --app "$app"
# --8<-- [end:scale]

# --8<-- [start:inspect]
heroku apps:info --app "$app"
heroku releases --app "$app" --num 5
heroku logs --tail --app "$app"
# --8<-- [end:inspect]
