#!/usr/bin/env bash
# Copy a Heroku app's config vars to AWS, one key at a time, without ever printing a value.
#
#   HEROKU_APP=my-app PREFIX=deploy-handbook config-to-aws.sh
#
# Keys that look like secrets (SECRET, TOKEN, PASSWORD or KEY in the name, or ending in _URL, which
# usually carries a password) go to AWS Secrets Manager as PREFIX/KEY; the other settings go to SSM
# Parameter Store as plain String parameters /PREFIX/KEY. Keys that the add-ons own (DATABASE_URL,
# REDIS_URL: they will point at RDS and ElastiCache instead) and Heroku's own HEROKU_* are skipped.
# Running it again updates the values: every step is a create-or-update.
# Values travel from `heroku config --json` through jq into the AWS CLI's standard input
# (file:///dev/stdin), so they never appear on a command line, in the output or in shell tracing.
set -euo pipefail

: "${HEROKU_APP:?set HEROKU_APP to the Heroku app name}"
: "${PREFIX:?set PREFIX, the name prefix of the secrets and parameters (e.g. deploy-handbook)}"
SKIP_KEYS="${SKIP_KEYS:-DATABASE_URL REDIS_URL}"

# --8<-- [start:secrets]
is_secret() {
  case "$1" in
    *SECRET* | *TOKEN* | *PASSWORD* | *KEY* | *_URL) return 0 ;;
    *) return 1 ;;
  esac
}

config="$(heroku config --json --app "$HEROKU_APP")"

while IFS= read -r key; do
  if [[ " ${SKIP_KEYS} " == *" ${key} "* || "$key" == HEROKU_* ]]; then
    echo "${key}: skipped (provided differently on AWS)"
    continue
  fi
  if is_secret "$key"; then
    name="${PREFIX}/${key}"
    if aws secretsmanager describe-secret --secret-id "$name" >/dev/null 2>&1; then
      jq --join-output --arg key "$key" '.[$key]' <<<"$config" \
        | aws secretsmanager put-secret-value --secret-id "$name" --secret-string file:///dev/stdin \
          --query ARN --output text >/dev/null
      echo "${key}: updated secret ${name}"
    else
      # The ARN it prints (with its random suffix) is what a task definition's valueFrom needs.
      arn="$(jq --join-output --arg key "$key" '.[$key]' <<<"$config" \
        | aws secretsmanager create-secret --name "$name" --secret-string file:///dev/stdin \
          --query ARN --output text)"
      echo "${key}: created secret ${arn}"
    fi
  else
    jq --join-output --arg key "$key" '.[$key]' <<<"$config" \
      | aws ssm put-parameter --name "/${PREFIX}/${key}" --type String --overwrite \
        --value file:///dev/stdin --query Version --output text >/dev/null
    echo "${key}: parameter /${PREFIX}/${key}"
  fi
done < <(jq --raw-output 'keys[]' <<<"$config")
# --8<-- [end:secrets]
