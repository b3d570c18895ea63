#!/usr/bin/env bash
# Creates Starling on AWS with the CDK: prepares the account and region for the CDK
# once (cdk bootstrap), then deploys the stack, building the images with Docker.
#
#   deploy/aws/create.sh                                  containers on ECS Fargate behind a load balancer
#   deploy/aws/create.sh -c compute=lambda                functions behind API Gateway
#   deploy/aws/create.sh -c publicUrl=https://starling.example.com -c certificateArn=arn:aws:acm:… \
#     -c alarmEmail=ops@example.com -c smtpSecretArn=arn:aws:secretsmanager:…
#
# Credentials come from the environment or the AWS profile (see common.sh). Other
# arguments go to `cdk deploy`. docs/operations.md, "Deploying on AWS", explains it all.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

require_tools
require_docker
require_credentials
remember_settings "$@"
compile_app
log "preparing the account and region for the CDK (cdk bootstrap; nothing happens if it was done)"
cdk bootstrap
log "deploying $(stack_name)"
cdk deploy "$(stack_name)" --require-approval "$(approval)" ${CDK_ARGS[@]+"${CDK_ARGS[@]}"}
log "done: the stack's outputs above say where Starling answers (Url) and where its media is"
