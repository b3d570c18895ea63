# syntax=docker/dockerfile:1
#
# One image for every way Starling runs:
#   docker run -p 3000:3000 -v starling-data:/data IMAGE     embedded: every service in one process
#   docker run IMAGE start tweets                            one role of the distributed mode
#   docker run IMAGE migrate                                 any other `starling` command
#   docker build --target lambda .                           the same code as Lambda functions (deploy/aws)
# deploy/compose.yaml runs the whole distributed stack from it; deploy/README.md explains.

ARG NODE_IMAGE=node:20-bookworm-slim

# ----------------------------------------------------------------------------- manifests
# Only the package manifests and the lock file, at their paths, so that the `npm ci`
# layer below is rebuilt when dependencies change and not on every source edit.
# (COPY with a glob such as services/*/package.json flattens directories, hence this
# stage; COPY --from compares contents, so a new source file leaves the cache intact.)
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
  && cp --parents package.json package-lock.json .npmrc \
    packages/*/package.json services/*/package.json apps/*/package.json /manifests/

# --------------------------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
# --ignore-scripts: the root `prepare` script builds, and the sources are not here yet
# (no dependency has an install script of its own). The build runs below instead.
RUN --mount=type=cache,target=/root/.npm \
  npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# Generates the contract types, compiles every workspace (tsc -b) and builds the web app.
RUN npm run build
# Drop the build tools (TypeScript, Vite, test libraries) from node_modules. The web
# app's own libraries (React and co., ~20 MB) stay: npm keeps a workspace's dependencies,
# though the server only sends their bundled form in apps/web/dist.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund
# Gather what `node bin/starling.js` loads at run time into /out, keeping the tree:
# the root manifest, bin/ and node_modules (whose node_modules/@starling/* entries are
# relative symlinks to the workspaces, preserved by cp -a and COPY), and of each
# workspace its package.json, dist/ (compiled code, migrations included; the web app's
# build for apps/web, and site.js that tells where it is), bin/, worker/ (plain
# JavaScript run in worker threads), the openapi.yaml a service reads at start
# (services/*/src/index.ts: new URL('../openapi.yaml', import.meta.url)) and the
# shared contract files it imports (packages/contracts/openapi), which dist/openapi.json
# (the contract bundled at build time) is checked against. Sources,
# tests and type declarations stay behind.
RUN set -eu; \
  mkdir /out; \
  cp -a --parents package.json bin node_modules /out/; \
  for ws in packages/* services/* apps/*; do \
    for part in package.json dist bin worker openapi.yaml openapi site.js node_modules; do \
      if [ -e "$ws/$part" ]; then cp -a --parents "$ws/$part" /out/; fi; \
    done; \
  done; \
  find /out/packages /out/services -path '*/dist/*' \( -name '*.d.ts' -o -name '*.d.ts.map' \) -delete; \
  find /out -name '*.tsbuildinfo' -delete; \
  test -f /out/apps/web/dist/index.html; \
  test -f /out/apps/cli/dist/main.js; \
  test -f /out/apps/web/site.js

# -------------------------------------------------------------------------------- lambda
# The same code as AWS Lambda functions (deploy/aws): `docker build --target lambda`.
# One image, a handler per role of the topology, chosen by each function's command
# (apps/cli/dist/lambda/index.handlers.<role>). Lambda's own Node.js image brings the
# runtime interface; the code is the runtime stage's, copied from the build.
FROM public.ecr.aws/lambda/nodejs:20 AS lambda
# Lambda's file system is read-only but for /tmp, where the mail folder goes without SMTP_URL.
ENV NODE_ENV=production \
  DATA_DIR=/tmp/starling
COPY --from=build /out/ ${LAMBDA_TASK_ROOT}/
CMD ["apps/cli/dist/lambda/index.handlers.identity"]

# ------------------------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  DATA_DIR=/data
WORKDIR /app
# The code belongs to root, so the process (user node) cannot change it.
COPY --from=build /out/ ./
# Embedded mode keeps its database in DATA_DIR (DATA_DIR/pglite); the distributed
# roles use DATABASE_URL and leave it empty.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# Liveness of any role: every process answers GET /healthz on PORT. The slim image has
# no curl, so node's fetch asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Starling stops gracefully on SIGTERM (SHUTDOWN_TIMEOUT); run with `--init` (compose:
# `init: true`) so that signals and orphans are handled as they are outside a container.
ENTRYPOINT ["node", "bin/starling.js"]
CMD ["start"]
