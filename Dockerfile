# One image for every role, chosen by the command: web (default) | worker | portal | migrate | ...
#   docker build -t inbox-draft-assistant .
#   docker run --rm -e DATABASE_URL=... -e REDIS_URL=... -p 3000:3000 inbox-draft-assistant web
# Node is pinned to the release .ci/run tests with, inside the line package.json's engines allow (>=24 <25).
ARG NODE_IMAGE=node:24.22.3-slim

# Everything needed to compile: dependencies with the TypeScript toolchain, then dist/.
# Optional packages (the demo's embedded PostgreSQL, platform binaries of dev tools) are not needed
# to compile, so they are not fetched.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=optional --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY docker/build-dist.sh ./docker/
COPY src ./src
RUN npm run build

# Runtime dependencies only, installed exactly from the lockfile: no devDependencies (TypeScript,
# tsx, esbuild, jest) and no optional ones (embedded-postgres is the demo's; msgpackr's native
# speed-up is optional too, and msgpackr falls back to JavaScript without it).
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Read at run time: SQL migrations, and the prompts a clinic may override by mounting its own.
COPY migrations ./migrations
COPY prompts ./prompts
COPY --chmod=755 docker/entrypoint.sh /usr/local/bin/inbox-role
# Where the worker appends audit anchors when AUDIT_ANCHOR_FILE points there (compose mounts a volume).
RUN mkdir -p /anchors && chown node:node /anchors
# The node image's unprivileged user; nothing in /app is writable by it.
USER node
EXPOSE 3000 8090 9464
ENTRYPOINT ["/usr/local/bin/inbox-role"]
CMD ["web"]
