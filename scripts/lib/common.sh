# shellcheck shell=bash
# Shared helpers for scripts/test.sh: step reporting, time budget, root/sudo, apt.
# Functions return non-zero on failure and never rely on `set -e` (which bash ignores inside functions
# called from a condition).

KK_STEP_NAMES=()
KK_STEP_RESULTS=()
KK_STEP_SECONDS=()
KK_STEP_TOTAL=${KK_STEP_TOTAL:-0}
KK_STEP_INDEX=0
KK_APT_UPDATED=0

kk_log() { printf '%s\n' "$*"; }
kk_warn() { printf 'warning: %s\n' "$*" >&2; }
kk_err() { printf 'error: %s\n' "$*" >&2; }

# --- time budget -------------------------------------------------------------------------------------
# In CI (CI set) or when KK_TEST_BUDGET_MIN is set, every long command runs under `timeout` with what is
# left of the budget (default 80 minutes), so a hang cannot outlive the CI limit (90 minutes).
# `--foreground` keeps the command in our process group, so Ctrl-C or a CI runner signalling the group
# still reaches it; on time-out the command gets TERM, then KILL 30 s later.
KK_BUDGET_START=$SECONDS
if [[ -n "${KK_TEST_BUDGET_MIN:-}" || -n "${CI:-}" ]]; then
  KK_BUDGET_SECONDS=$(( ${KK_TEST_BUDGET_MIN:-80} * 60 ))
else
  KK_BUDGET_SECONDS=0
fi

# kk_run CMD ARGS... — run a command, under the remaining time budget when one is active.
kk_run() {
  if (( KK_BUDGET_SECONDS == 0 )); then
    "$@"
    return
  fi
  local left=$(( KK_BUDGET_SECONDS - (SECONDS - KK_BUDGET_START) ))
  if (( left <= 0 )); then
    kk_err "time budget of $(( KK_BUDGET_SECONDS / 60 )) minutes used up; not running: $*"
    return 124
  fi
  local rc=0
  timeout --foreground --kill-after=30 "${left}s" "$@" || rc=$?
  if (( rc == 124 || rc == 137 )); then
    kk_err "timed out (time budget of $(( KK_BUDGET_SECONDS / 60 )) minutes): $*"
  fi
  return "$rc"
}

# --- steps -------------------------------------------------------------------------------------------
kk_record() { # NAME RESULT SECONDS
  KK_STEP_NAMES+=("$1")
  KK_STEP_RESULTS+=("$2")
  KK_STEP_SECONDS+=("$3")
}

# kk_step NAME CMD ARGS... — run one step in the current shell (so it may export variables), print a
# header and a one-line result, record it for the summary. Returns the command's exit code.
kk_step() {
  local name=$1
  shift
  KK_STEP_INDEX=$(( KK_STEP_INDEX + 1 ))
  local label="[${KK_STEP_INDEX}/${KK_STEP_TOTAL}] ${name}"
  kk_log ""
  kk_log "==> ${label}"
  local start=$SECONDS rc=0
  "$@" || rc=$?
  local took=$(( SECONDS - start ))
  if (( rc == 0 )); then
    kk_log "--> ok    ${label} (${took}s)"
    kk_record "$name" ok "$took"
  else
    kk_log "--> FAIL  ${label} (exit ${rc}, ${took}s)"
    kk_record "$name" FAIL "$took"
  fi
  return "$rc"
}

# kk_skip NAME REASON — record a step that was not run.
kk_skip() {
  KK_STEP_INDEX=$(( KK_STEP_INDEX + 1 ))
  kk_log "--> skip  [${KK_STEP_INDEX}/${KK_STEP_TOTAL}] $1 ($2)"
  kk_record "$1" skip 0
}

# kk_summary — print one line per step; returns 1 when any step failed or was skipped.
kk_summary() {
  local i failed=0
  kk_log ""
  kk_log "==> summary"
  for i in "${!KK_STEP_NAMES[@]}"; do
    printf '    %-5s %-34s %5ss\n' "${KK_STEP_RESULTS[$i]}" "${KK_STEP_NAMES[$i]}" "${KK_STEP_SECONDS[$i]}"
    [[ "${KK_STEP_RESULTS[$i]}" == ok ]] || failed=1
  done
  if (( failed )); then
    kk_log "==> npm test FAILED after $(( SECONDS - KK_BUDGET_START ))s"
  else
    kk_log "==> npm test passed in $(( SECONDS - KK_BUDGET_START ))s"
  fi
  return "$failed"
}

# --- privileges --------------------------------------------------------------------------------------
kk_is_root() { [[ "$(id -u)" == 0 ]]; }

# kk_root_prefix — set KK_ROOT_PREFIX to what runs a command as root: nothing when root, else sudo
# (non-interactive when there is no terminal or in CI, so CI never hangs on a password prompt).
# A prefix rather than a wrapper function, so the command can still run under `timeout`.
KK_ROOT_PREFIX=()
kk_root_prefix() {
  if kk_is_root; then
    KK_ROOT_PREFIX=()
  elif command -v sudo >/dev/null 2>&1; then
    if [[ -t 0 && -z "${CI:-}" ]]; then
      KK_ROOT_PREFIX=(sudo --)
    else
      KK_ROOT_PREFIX=(sudo -n --)
    fi
  else
    kk_err "not root and no sudo: cannot install system packages"
    return 1
  fi
}

# kk_apt_install PACKAGE... — Debian packages, no recommends, no prompts; `apt-get update` once per run.
kk_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    kk_err "apt-get not found; install these packages yourself: $*"
    return 1
  fi
  if ! kk_root_prefix; then
    kk_err "install these Debian packages as root, then run npm test again: $*"
    return 1
  fi
  local apt=("${KK_ROOT_PREFIX[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q)
  if (( KK_APT_UPDATED == 0 )); then
    kk_log "apt-get update"
    kk_run "${apt[@]}" update </dev/null || return 1
    KK_APT_UPDATED=1
  fi
  kk_log "apt-get install -y --no-install-recommends $*"
  kk_run "${apt[@]}" install -y --no-install-recommends "$@" </dev/null
}
