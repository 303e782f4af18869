# One image, four roles chosen by the command: web (default) | worker | portal | migrate.
#   docker build -t inbox-draft-assistant .
#   docker run --rm -e DATABASE_URL=... -e REDIS_URL=... -p 3000:3000 inbox-draft-assistant web
# Node is pinned to the release .ci/run tests with, inside the line package.json's engines allow (>=24 <25).
ARG NODE_IMAGE=node:24.22.3-slim

# Everything needed to compile: all dependencies, then TypeScript to dist/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# Page stylesheets and scripts are served from beside the compiled code of their feature.
RUN for dir in src/*/assets; do mkdir -p "dist/$dir" && cp -R "$dir/." "dist/$dir/"; done

# Runtime dependencies only, installed exactly from the lockfile.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

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
EXPOSE 3000 8090
ENTRYPOINT ["/usr/local/bin/inbox-role"]
CMD ["web"]
