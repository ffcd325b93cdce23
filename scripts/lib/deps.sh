# shellcheck shell=bash
# Dependencies for scripts/test.sh: Node version, node_modules, Debian's chromium, PostgreSQL binaries.
# Needs scripts/lib/common.sh.

KK_NODE_MIN_MAJOR=20
KK_NODE_MIN_MINOR=19
KK_CHROMIUM_BIN=/usr/bin/chromium

kk_check_node() {
  local v
  v=$(node -p 'process.versions.node' 2>/dev/null) || { kk_err "node not found"; return 1; }
  local major=${v%%.*} rest=${v#*.}
  local minor=${rest%%.*}
  if (( major < KK_NODE_MIN_MAJOR || (major == KK_NODE_MIN_MAJOR && minor < KK_NODE_MIN_MINOR) )); then
    kk_err "Node ${v} is too old; need >= ${KK_NODE_MIN_MAJOR}.${KK_NODE_MIN_MINOR}"
    return 1
  fi
  kk_log "node ${v}, npm $(npm --version 2>/dev/null)"
}

# Step 1: `npm ci` when node_modules is missing or older than package-lock.json. npm writes
# node_modules/.package-lock.json on every install, so its age is the age of the install.
kk_ensure_node_modules() {
  kk_check_node || return 1
  local marker=node_modules/.package-lock.json reason=''
  if [[ ! -d node_modules ]]; then
    reason='node_modules is missing'
  elif [[ ! -f "$marker" ]]; then
    reason='node_modules has no install record'
  elif [[ package-lock.json -nt "$marker" ]]; then
    reason='package-lock.json is newer than node_modules'
  fi
  if [[ -z "$reason" ]]; then
    kk_log "node_modules is up to date with package-lock.json"
    return 0
  fi
  kk_log "${reason}: npm ci"
  kk_run npm ci --no-audit --no-fund </dev/null
}

# Step 2: Debian's chromium for the browser tests (never `npx playwright install`).
kk_ensure_chromium() {
  if [[ -x "$KK_CHROMIUM_BIN" ]]; then
    kk_log "chromium: ${KK_CHROMIUM_BIN}"
    return 0
  fi
  kk_log "chromium not found at ${KK_CHROMIUM_BIN}; installing Debian's chromium"
  kk_apt_install chromium || return 1
  if [[ ! -x "$KK_CHROMIUM_BIN" ]]; then
    kk_err "chromium was installed but ${KK_CHROMIUM_BIN} is still missing"
    return 1
  fi
  kk_log "chromium: ${KK_CHROMIUM_BIN}"
}

# Prints the newest /usr/lib/postgresql/*/bin holding initdb, pg_ctl and postgres (or $KK_PG_BIN).
kk_find_pg_bin() {
  local dir
  if [[ -n "${KK_PG_BIN:-}" ]]; then
    dir=$KK_PG_BIN
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]] && { printf '%s\n' "$dir"; return 0; }
    return 1
  fi
  local found=''
  while IFS= read -r dir; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]] && found=$dir
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
  [[ -n "$found" ]] || return 1
  printf '%s\n' "$found"
}

# Step 3: PostgreSQL server binaries; sets KK_PG_BIN and KK_PSQL.
kk_ensure_pg_binaries() {
  local dir
  if ! dir=$(kk_find_pg_bin); then
    if [[ -n "${KK_PG_BIN:-}" ]]; then
      kk_err "KK_PG_BIN=${KK_PG_BIN} does not hold initdb, pg_ctl and postgres"
      return 1
    fi
    kk_log "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin; installing Debian's postgresql"
    kk_apt_install postgresql || return 1
    dir=$(kk_find_pg_bin) || { kk_err "postgresql was installed but initdb/pg_ctl/postgres are missing"; return 1; }
  fi
  KK_PG_BIN=$dir
  if [[ -x "$dir/psql" ]]; then
    KK_PSQL=$dir/psql
  elif KK_PSQL=$(command -v psql); then
    :
  else
    kk_err "psql not found (Debian package postgresql-client)"
    return 1
  fi
  kk_log "PostgreSQL: $("$dir/postgres" --version) in ${dir}"
}
