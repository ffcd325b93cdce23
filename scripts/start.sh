#!/usr/bin/env bash
# `npm start`: the first quick-start command. On a fresh clone it installs the dependencies, builds the
# server and the web app, creates the embedded database in ./data (or KIESKLUIS_DATA_DIR), loads the
# fictional demo party when the database is empty, and serves the app. It prints the URL and the logins.
#   PORT / HOST choose the address (default 127.0.0.1:8080); DATABASE_URL switches to PostgreSQL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/common.sh
source scripts/lib/common.sh
# shellcheck source=lib/deps.sh
source scripts/lib/deps.sh

kk_ensure_node_modules

# Build when there is no build yet or a source file is newer than it.
stamp=dist/.build-stamp
if [[ ! -f "$stamp" ]] || [[ -n "$(find src web package.json package-lock.json vite.config.ts tsconfig.json tsconfig.build.json -newer "$stamp" -type f -print -quit)" ]]; then
  kk_log "Kieskluis wordt gebouwd / building…"
  npm run build --silent
  touch "$stamp"
fi

exec node bin/kieskluis.js serve --demo "$@"
