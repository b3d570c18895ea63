#!/usr/bin/env bash
# Brings the Starling stack up to date with this checkout: shows what changes
# (cdk diff), then deploys it, rebuilding the images. Settings given to create.sh are
# kept (cdk.context.json); give `-c key=value` to change one (-c compute=lambda moves
# the roles from containers to functions; the data stays).
#
#   deploy/aws/update.sh [-c key=value …] [cdk deploy options]
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

require_tools
require_docker
require_credentials
remember_settings "$@"
compile_app
stack="$(stack_name)"
log "what changes in $stack:"
cdk diff "$stack" || true
cdk deploy "$stack" --require-approval "$(approval)" ${CDK_ARGS[@]+"${CDK_ARGS[@]}"}
