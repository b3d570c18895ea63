# shellcheck shell=bash
# Shared by create.sh, update.sh and destroy.sh (sourced, not run).
#
# Credentials are the AWS CLI's and the CDK's usual ones: the environment
# (AWS_ACCESS_KEY_ID…, AWS_PROFILE, AWS_REGION) or the profile in ~/.aws. Nothing here
# holds or writes one.
#
# Settings are CDK context, given as `-c key=value` (deploy/aws/lib/settings.ts lists
# them: compute, workers, publicUrl, certificateArn, alarmEmail, smtpSecretArn,
# databaseInstanceType, multiAz, deletionProtection, stackName, image,
# imagePullSecretArn). Those given to any of the scripts are kept in
# deploy/aws/cdk.context.json, which the CDK reads on every run, so that update.sh and
# destroy.sh act on the stack create.sh made; commit it for CI's deploy to do the same.
# It holds no secret, only names and ARNs.
#
# STARLING_IMAGE, when set, is a published image the containers run instead of one
# built from this checkout (CI's deploy job sets it).

AWS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$AWS_DIR/../.." && pwd)"

# The repository's CDK CLI (package aws-cdk), run where cdk.json is.
cdk() { (cd "$AWS_DIR" && npx cdk "$@"); }

log() { printf 'starling-aws: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# Node and the repository's packages (aws-cdk, aws-cdk-lib) must be installed.
require_tools() {
  command -v node >/dev/null || die "node is needed (20 or later)"
  [ -d "$ROOT/node_modules/aws-cdk-lib" ] || die "run 'npm ci' in $ROOT first"
}

# Whether this deploy builds an image: the containers' unless STARLING_IMAGE names a
# published one, the functions' always (Lambda runs images from the account's ECR only).
builds_images() {
  [ -z "${STARLING_IMAGE:-}" ] && return 0
  node -e '
    const f = process.argv[1];
    const c = require("node:fs").existsSync(f) ? JSON.parse(require("node:fs").readFileSync(f, "utf8")) : {};
    const compute = c.compute || "fargate";
    process.exit(compute === "lambda" || (c.workers || compute) === "lambda" ? 0 : 1);
  ' "$AWS_DIR/cdk.context.json"
}

# The images are built locally by Docker during a deploy.
require_docker() {
  builds_images || return 0
  command -v docker >/dev/null || die "docker is needed to build Starling's images"
  docker info >/dev/null 2>&1 || die "docker is installed but its engine does not answer"
}

# Says which account and region the deploy goes to, or stops if there are no credentials.
require_credentials() {
  if command -v aws >/dev/null; then
    local identity
    identity="$(aws sts get-caller-identity --query '[Account, Arn]' --output text 2>&1)" ||
      die "no usable AWS credentials (set AWS_PROFILE or AWS_ACCESS_KEY_ID…): $identity"
    log "account and caller: $identity; region: ${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || echo 'the profile default')}}"
  else
    log "no aws CLI to show the account; the CDK will use the credentials of the environment or profile"
  fi
}

# The CDK app imports the topology and the API routes from the compiled CLI.
compile_app() {
  (cd "$ROOT" && npx tsc -b apps/cli) || die "could not compile apps/cli"
}

# Keeps every `-c key=value` of "$@" in cdk.context.json; sets CDK_ARGS to the other arguments.
remember_settings() {
  local settings=()
  CDK_ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -c | --context)
        [ $# -ge 2 ] || die "$1 needs key=value"
        settings+=("$2")
        shift 2
        ;;
      --context=*)
        settings+=("${1#--context=}")
        shift
        ;;
      *)
        CDK_ARGS+=("$1")
        shift
        ;;
    esac
  done
  [ ${#settings[@]} -eq 0 ] && return 0
  node - "$AWS_DIR/cdk.context.json" "${settings[@]}" <<'NODE'
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const [file, ...pairs] = process.argv.slice(2);
const context = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
for (const pair of pairs) {
  const at = pair.indexOf('=');
  if (at < 1) throw new Error(`a setting is key=value, not "${pair}"`);
  context[pair.slice(0, at)] = pair.slice(at + 1);
}
writeFileSync(file, JSON.stringify(context, null, 2) + '\n');
NODE
  log "settings kept in $AWS_DIR/cdk.context.json"
}

# Asks before a change that widens permissions or opens the network, where someone can
# answer; a pipeline (no terminal) has its own approval, before the job runs.
approval() {
  if [ -t 0 ]; then echo broadening; else echo never; fi
}

# The stack's name: the stackName setting, or Starling.
stack_name() {
  node -e '
    const f = process.argv[1];
    const c = require("node:fs").existsSync(f) ? JSON.parse(require("node:fs").readFileSync(f, "utf8")) : {};
    console.log(c.stackName || "Starling");
  ' "$AWS_DIR/cdk.context.json"
}
