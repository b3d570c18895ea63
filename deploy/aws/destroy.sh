#!/usr/bin/env bash
# Removes the Starling stack. The database is deleted after a final snapshot (kept in
# RDS until you delete it), and the media bucket is kept with everyone's pictures:
# the script says their names. Asks first unless given --yes.
#
#   deploy/aws/destroy.sh [--yes]
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

yes=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--yes" ]; then yes=true; else args+=("$arg"); fi
done

require_tools
require_docker
require_credentials
remember_settings "${args[@]+"${args[@]}"}"
compile_app
stack="$(stack_name)"

if ! $yes; then
  read -r -p "Remove the stack $stack (the database goes, after a final snapshot)? Type its name: " answer
  [ "$answer" = "$stack" ] || die "not removed"
fi

bucket=""
if command -v aws >/dev/null; then
  bucket="$(aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='MediaBucket'].OutputValue" --output text 2>/dev/null || true)"
fi

# The database refuses to be deleted while protected: lift the protection first (its
# removal policy still takes a final snapshot). The images are those already published
# unless this checkout differs from the one deployed, when Docker builds them again.
log "lifting the database's deletion protection"
cdk deploy "$stack" -c deletionProtection=false --require-approval never \
  "${CDK_ARGS[@]+"${CDK_ARGS[@]}"}"
cdk destroy "$stack" --force "${CDK_ARGS[@]+"${CDK_ARGS[@]}"}"
log "removed $stack; kept: the database's final snapshot (RDS → Snapshots)${bucket:+ and the media bucket $bucket}"
