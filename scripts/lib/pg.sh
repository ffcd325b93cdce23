# shellcheck shell=bash
# A throwaway PostgreSQL cluster for scripts/test.sh: temp dir, loopback only, free port, fast unsafe
# settings (fsync off: the data is thrown away), removed on exit. Needs common.sh and KK_PG_BIN/KK_PSQL
# from deps.sh.
#
# initdb, pg_ctl and postgres refuse to run as root: as root they run as user `postgres` (runuser, or su
# where runuser is missing); as a normal user they run as that user.

KK_PG_DIR=''
KK_PG_PORT=''
KK_PG_RUN_USER=''
KK_PG_SUPERUSER=postgres
KK_PG_OWNER_ROLE=kieskluis_owner
KK_PG_APP_ROLE=kieskluis_app
KK_PG_DATABASE=kieskluis_test

# kk_as_pg CMD ARGS... — run a PostgreSQL server binary as the cluster's OS user, from inside the cluster
# directory (so an unreadable working directory cannot trip initdb).
kk_as_pg() {
  if [[ -z "$KK_PG_RUN_USER" ]]; then
    (cd "$KK_PG_DIR" && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd "$KK_PG_DIR" && runuser -u "$KK_PG_RUN_USER" -- "$@")
  else
    local quoted
    quoted=$(printf '%q ' "$@")
    (cd "$KK_PG_DIR" && su -s /bin/sh "$KK_PG_RUN_USER" -c "$quoted")
  fi
}

# Prints a port that is free on 127.0.0.1 right now (the kernel picks it).
kk_free_port() {
  node -e '
    const s = require("node:net").createServer();
    s.on("error", (e) => { console.error(e.message); process.exit(1); });
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => console.log(port)); });
  '
}

kk_pg_make_dir() {
  local base=${TMPDIR:-/tmp}
  KK_PG_DIR=$(mktemp -d "${base%/}/kieskluis-pg.XXXXXX") || return 1
  if kk_is_root; then
    if ! id -u postgres >/dev/null 2>&1; then
      kk_err "running as root but there is no user 'postgres' to run the server as (install Debian's postgresql)"
      return 1
    fi
    KK_PG_RUN_USER=postgres
    chown postgres: "$KK_PG_DIR" || return 1
    # TMPDIR may sit somewhere user postgres cannot reach; fall back to /tmp.
    if ! kk_as_pg test -w "$KK_PG_DIR" 2>/dev/null; then
      rm -rf "$KK_PG_DIR"
      KK_PG_DIR=$(mktemp -d /tmp/kieskluis-pg.XXXXXX) || return 1
      chown postgres: "$KK_PG_DIR" || return 1
    fi
  fi
  return 0
}

# Step 4: initdb and start. Exports nothing yet (see kk_pg_provision).
kk_pg_start() {
  kk_pg_make_dir || return 1
  local data=$KK_PG_DIR/data sock=$KK_PG_DIR/sock log=$KK_PG_DIR/server.log
  kk_as_pg mkdir -m 700 "$sock" || return 1
  kk_log "initdb in ${data}${KK_PG_RUN_USER:+ (as user ${KK_PG_RUN_USER})}"
  if ! kk_as_pg "$KK_PG_BIN/initdb" -D "$data" -A trust -U "$KK_PG_SUPERUSER" -E UTF8 --no-locale \
    --no-sync --no-instructions >"$KK_PG_DIR/initdb.log" 2>&1; then
    kk_err "initdb failed:"
    cat "$KK_PG_DIR/initdb.log" >&2
    return 1
  fi
  local attempt
  for attempt in 1 2 3 4 5; do
    KK_PG_PORT=$(kk_free_port) || return 1
    if kk_as_pg "$KK_PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -s \
      -o "-c listen_addresses=127.0.0.1 -p ${KK_PG_PORT} -c unix_socket_directories=${sock} \
-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start; then
      kk_log "PostgreSQL listening on 127.0.0.1:${KK_PG_PORT}"
      return 0
    fi
    # Another process may have taken the port between choosing and binding it; try another one.
    if grep -q -e 'could not bind' -e 'Address already in use' "$log" 2>/dev/null; then
      kk_warn "port ${KK_PG_PORT} was taken (attempt ${attempt}); trying another"
      continue
    fi
    break
  done
  kk_err "PostgreSQL did not start; server log:"
  tail -n 40 "$log" >&2 2>/dev/null
  return 1
}

kk_psql() { # DATABASE — SQL on stdin, as the superuser over TCP
  "$KK_PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$KK_PG_PORT" -U "$KK_PG_SUPERUSER" -d "$1"
}

# Step 5: roles, database, privileges; exports the TEST_*_URL variables.
kk_pg_provision() {
  kk_psql postgres <<SQL || return 1
CREATE ROLE ${KK_PG_OWNER_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE ${KK_PG_APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE ${KK_PG_DATABASE} OWNER ${KK_PG_OWNER_ROLE};
REVOKE ALL ON DATABASE ${KK_PG_DATABASE} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${KK_PG_DATABASE} TO ${KK_PG_APP_ROLE};
SQL
  # PostgreSQL 15: schema public belongs to pg_database_owner; make the owner role own it outright.
  kk_psql "$KK_PG_DATABASE" <<SQL || return 1
ALTER SCHEMA public OWNER TO ${KK_PG_OWNER_ROLE};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO ${KK_PG_OWNER_ROLE};
GRANT USAGE ON SCHEMA public TO ${KK_PG_APP_ROLE};
SQL
  local hostport=127.0.0.1:${KK_PG_PORT}
  export TEST_DATABASE_URL="postgres://${KK_PG_OWNER_ROLE}@${hostport}/${KK_PG_DATABASE}"
  export TEST_APP_DATABASE_URL="postgres://${KK_PG_APP_ROLE}@${hostport}/${KK_PG_DATABASE}"
  export TEST_PG_ADMIN_URL="postgres://${KK_PG_SUPERUSER}@${hostport}/postgres"
  # Verify the app role really is a plain login role and can reach the database.
  local check
  check=$("$KK_PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$TEST_APP_DATABASE_URL" \
    -c "SELECT current_user || ' super=' || rolsuper FROM pg_roles WHERE rolname = current_user") || return 1
  if [[ "$check" != "${KK_PG_APP_ROLE} super=false" ]]; then
    kk_err "unexpected app role: ${check}"
    return 1
  fi
  kk_log "TEST_DATABASE_URL=${TEST_DATABASE_URL}"
  kk_log "TEST_APP_DATABASE_URL=${TEST_APP_DATABASE_URL}"
  kk_log "TEST_PG_ADMIN_URL=${TEST_PG_ADMIN_URL}"
}

# Stop the cluster and remove its directory. Safe to call at any point, and twice.
kk_pg_cleanup() {
  [[ -n "$KK_PG_DIR" && -d "$KK_PG_DIR" ]] || return 0
  local data=$KK_PG_DIR/data
  if [[ -f "$data/postmaster.pid" ]]; then
    kk_as_pg "$KK_PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 30 -s stop >/dev/null 2>&1 || true
    if [[ -f "$data/postmaster.pid" ]]; then
      local pid
      pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
      if [[ "$pid" =~ ^[0-9]+$ ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf "$KK_PG_DIR" 2>/dev/null || { sleep 1; rm -rf "$KK_PG_DIR" 2>/dev/null; } || true
  kk_log "PostgreSQL test cluster stopped and removed"
  KK_PG_DIR=''
}
