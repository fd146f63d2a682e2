#!/usr/bin/env bash
# Walk-through: build the example app's image, push it to Amazon ECR and run it as an ECS
# service on Fargate, using the task and service definitions in snippets/ecs/.
#
# Usage: snippets/cli/aws-deploy.sh VERSION      (run from the repository root)
# Needs AWS CLI v2, Docker, and credentials for account AWS_ACCOUNT_ID. It creates the ECR
# repository, the log groups, the cluster and the service when they are missing, and never deletes
# anything. The network, load balancer, database, cache, secrets and roles must exist: create them
# with the CDK app in snippets/infra (the handbook's "AWS stack as code" page) and copy its outputs
# into the placeholders below and in snippets/ecs/*.json.
set -euo pipefail

# --8<-- [start:settings]
VERSION="${1:?usage: $0 VERSION (the image tag, e.g. 1.0.0)}"
AWS_REGION="${AWS_REGION:-us-east-1}"
AWS_ACCOUNT_ID="${AWS_ACCOUNT_ID:-111122223333}"
REPOSITORY="deploy-handbook-api"
CLUSTER="deploy-handbook"
SERVICE="deploy-handbook-api"
LOG_GROUP="/ecs/deploy-handbook-api"
REGISTRY="${AWS_ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com"
IMAGE="${REGISTRY}/${REPOSITORY}:${VERSION}"
TASK_DEFINITION="snippets/ecs/api-task-definition.json"
SERVICE_DEFINITION="snippets/ecs/api-service-definition.json"
# The service definition's network placement, for one-off tasks (placeholders, as there). These
# are private subnets: tasks without a public IP reach ECR, Secrets Manager and CloudWatch Logs
# through a NAT gateway (or VPC endpoints), or fail to start with ResourceInitializationError.
SUBNETS="subnet-0123456789abcdef0,subnet-0fedcba9876543210"
SECURITY_GROUPS="sg-0123456789abcdef0"
# Every log group the task definitions in snippets/ecs write to (a test keeps this list complete).
LOG_GROUPS=(/ecs/deploy-handbook-api /ecs/deploy-handbook-api/firelens /ecs/deploy-handbook-worker /ecs/web-nginx)
export AWS_REGION
# --8<-- [end:settings]

# The task definition names its image; refuse to push a tag it does not run.
if ! grep -q "\"${IMAGE}\"" "${TASK_DEFINITION}"; then
  echo "error: ${TASK_DEFINITION} does not use ${IMAGE}; update its image first" >&2
  exit 1
fi

# --8<-- [start:login]
# Check which account the credentials belong to, then log Docker in to ECR.
# The password is a token valid for 12 hours; it goes through a pipe, never the command line.
aws sts get-caller-identity --query Account --output text
aws ecr get-login-password --region "${AWS_REGION}" \
  | docker login --username AWS --password-stdin "${REGISTRY}"
# --8<-- [end:login]

# --8<-- [start:repository]
# Immutable tags: a pushed version can never be overwritten by a different image.
aws ecr describe-repositories --repository-names "${REPOSITORY}" >/dev/null 2>&1 \
  || aws ecr create-repository --repository-name "${REPOSITORY}" \
       --image-tag-mutability IMMUTABLE
# Scan on push is set for the registry (per account and Region), not per repository: the
# repository-level setting is deprecated. This replaces the registry's scanning rules.
aws ecr put-registry-scanning-configuration --scan-type BASIC \
  --rules '[{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{"filter": "deploy-handbook-*", "filterType": "WILDCARD"}]}]'
# --8<-- [end:repository]

# --8<-- [start:build]
# Build for the CPU architecture the task definition asks for (runtimePlatform X86_64).
docker build --platform linux/amd64 --tag "${IMAGE}" snippets/app
docker push "${IMAGE}"
# --8<-- [end:build]

# --8<-- [start:cluster]
# A task whose log group is missing cannot start. Creating every group here keeps
# logs:CreateLogGroup out of the tasks' roles; the retention keeps them from growing for ever.
for group in "${LOG_GROUPS[@]}"; do
  aws logs create-log-group --log-group-name "${group}" 2>/dev/null || true
  aws logs put-retention-policy --log-group-name "${group}" --retention-in-days 30
done
# create-cluster returns the existing cluster if it is already there.
aws ecs create-cluster --cluster-name "${CLUSTER}" \
  --capacity-providers FARGATE FARGATE_SPOT \
  --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1 \
  --query 'cluster.status' --output text
# --8<-- [end:cluster]

# --8<-- [start:register]
# Every registration adds a revision to the family; the ARN names family:revision.
TASK_DEFINITION_ARN="$(aws ecs register-task-definition \
  --cli-input-json "file://${TASK_DEFINITION}" \
  --query 'taskDefinition.taskDefinitionArn' --output text)"
echo "registered ${TASK_DEFINITION_ARN}"
# --8<-- [end:register]

# --8<-- [start:migrate]
# Run the schema migration once, as a one-off task of the new revision, before new web tasks
# start: the ECS counterpart of Heroku's release phase. A failed migration stops the deploy.
MIGRATION_TASK="$(aws ecs run-task --cluster "${CLUSTER}" \
  --task-definition "${TASK_DEFINITION_ARN}" --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[${SUBNETS}],securityGroups=[${SECURITY_GROUPS}],assignPublicIp=DISABLED}" \
  --overrides '{"containerOverrides": [{"name": "api", "command": ["node", "migrate.js"]}]}' \
  --query 'tasks[0].taskArn' --output text)"
aws ecs wait tasks-stopped --cluster "${CLUSTER}" --tasks "${MIGRATION_TASK}"
EXIT_CODE="$(aws ecs describe-tasks --cluster "${CLUSTER}" --tasks "${MIGRATION_TASK}" \
  --query "tasks[0].containers[?name=='api'].exitCode | [0]" --output text)"
if [ "${EXIT_CODE}" != "0" ]; then
  echo "error: migration task ${MIGRATION_TASK} exited with ${EXIT_CODE}" >&2
  exit 1
fi
# --8<-- [end:migrate]

# --8<-- [start:deploy]
# First run: create the service from its definition. Later runs: point it at the new revision.
ACTIVE="$(aws ecs describe-services --cluster "${CLUSTER}" --services "${SERVICE}" \
  --query "length(services[?status=='ACTIVE'])" --output text)"
if [ "${ACTIVE}" = "0" ]; then
  aws ecs create-service --cli-input-json "file://${SERVICE_DEFINITION}" \
    --task-definition "${TASK_DEFINITION_ARN}" --query 'service.serviceArn' --output text
else
  aws ecs update-service --cluster "${CLUSTER}" --service "${SERVICE}" \
    --task-definition "${TASK_DEFINITION_ARN}" --query 'service.deployments[0].id' --output text
fi
# --8<-- [end:deploy]

# --8<-- [start:wait]
# Returns when the deployment is steady; fails after its polling limit (about ten minutes).
aws ecs wait services-stable --cluster "${CLUSTER}" --services "${SERVICE}"
# --8<-- [end:wait]

# --8<-- [start:inspect]
# Recent service events (placement failures, unhealthy targets, circuit-breaker rollbacks).
aws ecs describe-services --cluster "${CLUSTER}" --services "${SERVICE}" \
  --query 'services[0].events[:5].[createdAt,message]' --output text
# Why the most recent tasks stopped, if any did.
STOPPED="$(aws ecs list-tasks --cluster "${CLUSTER}" --service-name "${SERVICE}" \
  --desired-status STOPPED --query 'taskArns[:5]' --output text)"
if [ -n "${STOPPED}" ] && [ "${STOPPED}" != "None" ]; then
  # shellcheck disable=SC2086 # one argument per task ARN
  aws ecs describe-tasks --cluster "${CLUSTER}" --tasks ${STOPPED} \
    --query 'tasks[].[taskArn,stopCode,stoppedReason]' --output text
fi
# The app's recent log lines (AWS CLI v2).
aws logs tail "${LOG_GROUP}" --since 10m
# --8<-- [end:inspect]

# --8<-- [start:rollout]
# Secrets are read when a task starts. After RDS rotates the database password, replace the tasks:
#   aws ecs update-service --cluster deploy-handbook --service deploy-handbook-api --force-new-deployment
# Roll back by pointing the service at the previous revision (immutable tags keep its image):
#   aws ecs update-service --cluster deploy-handbook --service deploy-handbook-api \
#     --task-definition deploy-handbook-api:PREVIOUS_REVISION
# ECS Exec is off: it does not work with readonlyRootFilesystem, which these containers use.
# --8<-- [end:rollout]
