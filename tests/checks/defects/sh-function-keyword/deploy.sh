#!/bin/sh
# Roll the ECS service to the image tagged $IMAGE_TAG, then scale the Heroku app.
set -eu

function log {
  echo "$*" >&2
}

cluster="${CLUSTER:-prod}"
service="${SERVICE:-notes-web}"

if [ -z "${IMAGE_TAG:-}" ]; then
  echo "IMAGE_TAG is not set" >&2
  exit 1
fi

echo "deploying $IMAGE_TAG"
aws ecs update-service --cluster "$cluster" --service "$service" --force-new-deployment
aws ecs wait services-stable --cluster "$cluster" --services "$service"
heroku ps:scale web=2 --app notes-web
