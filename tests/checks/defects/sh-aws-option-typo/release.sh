#!/usr/bin/env bash
# Tag and push the image to ECR.
set -euo pipefail

registry="111122223333.dkr.ecr.us-east-1.amazonaws.com"
tag="${1:?usage: release.sh TAG}"

aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin "$registry"
if [[ "$tag" == v* ]]; then
  docker push "$registry/notes-web:$tag"
fi
