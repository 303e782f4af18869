#!/bin/sh
# Picks the process this container runs. exec, so the role's own SIGTERM handling (graceful
# shutdown) gets the signal directly; run the container with an init (compose: init: true).
set -eu
role="${1:-web}"
[ "$#" -gt 0 ] && shift
case "$role" in
  web) exec node dist/src/main.js "$@" ;;
  worker) exec node dist/src/worker.js "$@" ;;
  portal) exec node dist/src/portal/sandbox/main.js "$@" ;;
  migrate) exec node dist/src/db/migrate-cli.js "$@" ;;
  demo-users) exec node dist/src/demo/seed-users-cli.js "$@" ;;
  user) exec node dist/src/auth/user-cli.js "$@" ;;
  reports-export) exec node dist/src/reports/export-cli.js "$@" ;;
  *)
    echo "unknown role '$role': use web, worker, portal, migrate, demo-users, user or reports-export" >&2
    exit 64
    ;;
esac
