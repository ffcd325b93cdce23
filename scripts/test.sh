#!/usr/bin/env bash
# `npm test`: everything, from a fresh Debian 12 machine with only Node and npm, as root or as a user
# with sudo, locally or in CI (CI=true, no stdin).
#
#   1. npm ci when node_modules is missing or older than package-lock.json
#   2. Debian's chromium (/usr/bin/chromium) for the browser tests
#   3. PostgreSQL server binaries (/usr/lib/postgresql/*/bin, else Debian's postgresql)
#   4. a throwaway PostgreSQL cluster on a free 127.0.0.1 port, removed on exit
#   5. database kieskluis_test, roles kieskluis_owner (owner) and kieskluis_app (not owner), and
#      TEST_DATABASE_URL, TEST_APP_DATABASE_URL, TEST_PG_ADMIN_URL for the tests
#   6. typecheck (tsc: tsconfig.json, and web/tsconfig.json when present) and lint/format (biome check)
#   7. build (npm run build)
#   8. all tests (vitest run); extra arguments go to vitest: `npm test -- src/domain`
#
# Steps 1–5 stop the run when they fail; steps 6–8 all run and the summary shows each result.
# In CI (or with KK_TEST_BUDGET_MIN=N) long commands share a time budget (default 80 minutes).
# KK_PG_BIN=/path/to/bin uses PostgreSQL server binaries from elsewhere than /usr/lib/postgresql.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/common.sh
source scripts/lib/common.sh
# shellcheck source=lib/deps.sh
source scripts/lib/deps.sh
# shellcheck source=lib/pg.sh
source scripts/lib/pg.sh

KK_STEP_TOTAL=9

trap kk_pg_cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

setup_failed() {
  kk_log ""
  kk_log "setup failed; the remaining steps were not run"
  kk_summary || true
  exit 1
}

kk_step 'dependencies (npm ci)' kk_ensure_node_modules || setup_failed
kk_step 'chromium' kk_ensure_chromium || setup_failed
kk_step 'PostgreSQL binaries' kk_ensure_pg_binaries || setup_failed
kk_step 'PostgreSQL test cluster' kk_pg_start || setup_failed
kk_step 'PostgreSQL roles and database' kk_pg_provision || setup_failed

# The server, tests and scripts (tsconfig.json), and the web app, which has its own tsconfig.
typecheck() {
  local rc=0
  kk_log "tsc --noEmit -p tsconfig.json"
  kk_run npx --no -- tsc --noEmit -p tsconfig.json || rc=1
  if [[ -f web/tsconfig.json ]]; then
    kk_log "tsc --noEmit -p web/tsconfig.json"
    kk_run npx --no -- tsc --noEmit -p web/tsconfig.json || rc=1
  fi
  return "$rc"
}

kk_step 'typecheck (tsc --noEmit)' typecheck || true
kk_step 'lint and format (biome check)' kk_run npx --no -- biome check . || true
kk_step 'build (npm run build)' kk_run npm run build || true
kk_step 'tests (vitest run)' kk_run npx --no -- vitest run "$@" || true

kk_summary
