#!/usr/bin/env bash
# `make test` (and .ci/run): every check of the project, on a throwaway PostgreSQL
# cluster that this script starts and removes.
#
#   scripts/test.sh                  everything
#   scripts/test.sh GROUP…           only some groups: rust frontend e2e fuzz
#
# Environment: THIDUA_FUZZ_EXAMPLES (schemathesis examples per operation, default 30),
# THIDUA_FUZZ_SEED (default fixed, for reproducible runs), CHROMIUM_PATH.
#
# Steps fail fast; whatever happens, the servers are stopped and the cluster removed.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

ALL_GROUPS=(rust frontend e2e fuzz)
if (($# == 0)); then set -- "${ALL_GROUPS[@]}"; fi
declare -A SELECTED=()
for group in "$@"; do
  [[ " ${ALL_GROUPS[*]} " == *" $group "* ]] ||
    die "unknown group '$group' (choose from: ${ALL_GROUPS[*]})"
  SELECTED[$group]=1
done
selected() { [[ -n ${SELECTED[$1]:-} ]]; }

FUZZ_EXAMPLES=${THIDUA_FUZZ_EXAMPLES:-30}
FUZZ_SEED=${THIDUA_FUZZ_SEED:-20230426}
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
BIN=$REPO/target/debug/thidua

# A temp cluster inherited from the caller's shell is not ours to remove.
unset THIDUA_PG_TEMP_DIR
WORK=$(mktemp -d "${TMPDIR:-/tmp}/thidua-test.XXXXXX")
SERVER_PIDS=()
SERVER_LOGS=()
STEP_NAMES=()
STEP_MICROS=()
CURRENT_STEP=''
RUN_START=${EPOCHREALTIME//[!0-9]/}

now_micros() { echo "${EPOCHREALTIME//[!0-9]/}"; }
format_secs() { printf '%d.%01d s' $(($1 / 1000000)) $((($1 % 1000000) / 100000)); }

# run_step NAME COMMAND…: runs one step with a banner and records how long it took.
run_step() {
  local name=$1 start
  shift
  CURRENT_STEP=$name
  banner "$name"
  start=$(now_micros)
  "$@"
  STEP_NAMES+=("$name")
  STEP_MICROS+=("$(($(now_micros) - start))")
  CURRENT_STEP=''
}

print_summary() {
  local rc=$1 i passed=${#STEP_NAMES[@]} failed=0
  banner "Summary"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  ok      %-52s %10s\n' "${STEP_NAMES[$i]}" "$(format_secs "${STEP_MICROS[$i]}")" >&2
  done
  if [[ -n $CURRENT_STEP ]]; then
    failed=1
    printf '  FAILED  %s\n' "$CURRENT_STEP" >&2
  elif ((rc != 0)); then
    failed=1
    printf '  FAILED  (outside any step, exit code %d)\n' "$rc" >&2
  fi
  printf '  total   %62s\n\n' "$(format_secs $(($(now_micros) - RUN_START)))" >&2
  printf 'steps: %d passed, %d failed\n' "$passed" "$failed"
}

cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for i in "${!SERVER_PIDS[@]}"; do
    if ((rc != 0)) && [[ -s ${SERVER_LOGS[$i]} ]]; then
      warn "last lines of ${SERVER_LOGS[$i]}:"
      tail -n 40 "${SERVER_LOGS[$i]}" >&2 || true
    fi
    stop_server "${SERVER_PIDS[$i]}"
  done
  if [[ -n ${THIDUA_PG_TEMP_DIR:-} ]]; then
    scripts/pg.sh stop-temp "$THIDUA_PG_TEMP_DIR" || warn "could not remove $THIDUA_PG_TEMP_DIR"
  fi
  print_summary "$rc"
  if ((rc == 0)); then
    rm -rf -- "$WORK"
  else
    warn "logs kept in $WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ── helpers for the server-backed steps ──────────────────────────────────────

# create_database NAME: (re)creates NAME on the throwaway cluster; prints its URL.
create_database() {
  local name=$1
  PGOPTIONS="-c client_min_messages=warning" \
    "$(scripts/pg.sh bindir)/psql" -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" \
    -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >&2
  url_with_db "$DATABASE_URL" "$name"
}

# seeded_server NAME: a database NAME, migrated and seeded, served by the debug binary.
# Sets SERVER_URL and SERVER_PID.
seeded_server() {
  local name=$1 db
  # Its own evidence store: the demo files seed-demo writes are the ones it serves.
  local -x THIDUA_FILE_STORE=$WORK/$name-files
  db=$(create_database "$name")
  DATABASE_URL=$db "$BIN" migrate
  DATABASE_URL=$db "$BIN" seed-demo
  start_server "$BIN" "$db" "$WORK/$name-server.log"
  SERVER_PIDS+=("$SERVER_PID")
  SERVER_LOGS+=("$SERVER_LOG")
  wait_ready "$SERVER_URL" "$SERVER_PID" "$SERVER_LOG" 60
}

# ── steps ────────────────────────────────────────────────────────────────────

step_start_postgres() {
  local exports
  exports=$(scripts/pg.sh temp)
  eval "$exports"
  info "DATABASE_URL=$DATABASE_URL"
}

step_cargo_test() {
  if command -v cargo-nextest >/dev/null 2>&1; then
    cargo nextest run --workspace
  else
    cargo test --workspace
  fi
}

in_frontend() { (cd frontend && "$@"); }
in_e2e() { (cd tests/e2e && "$@"); }

step_e2e_server() {
  if spa_stale; then
    info "frontend/dist is missing or older than its sources; building the SPA"
    in_frontend npm ci --no-audit --no-fund
    in_frontend npm run build
  fi
  seeded_server thidua_e2e
  export E2E_BASE_URL=$SERVER_URL
  E2E_SERVER_PID=$SERVER_PID
}

step_playwright() {
  in_e2e npx --no-install playwright test
  stop_server "$E2E_SERVER_PID"
}

step_fuzz_server() {
  seeded_server thidua_fuzz
  FUZZ_BASE_URL=$SERVER_URL
  FUZZ_TOKEN=$(login "$FUZZ_BASE_URL" admin 'ThiDua@2023') ||
    die "could not log in as admin on $FUZZ_BASE_URL"
}

step_schemathesis() {
  info "seed $FUZZ_SEED, $FUZZ_EXAMPLES examples per operation (THIDUA_FUZZ_SEED, THIDUA_FUZZ_EXAMPLES)"
  # Phases: the documented examples, then generated valid and invalid inputs.
  # Health checks: a slow 2-core CI machine and strict schemas trip too_slow and
  # filter_too_much without saying anything about the API.
  .venv/bin/schemathesis run "$FUZZ_BASE_URL/api/v1/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --header "Authorization: Bearer $FUZZ_TOKEN" \
    --phases examples,fuzzing \
    --max-examples "$FUZZ_EXAMPLES" \
    --seed "$FUZZ_SEED" \
    --workers 2 \
    --request-timeout 10 \
    --suppress-health-check too_slow,filter_too_much \
    --generation-database none \
    --no-color
}

# ── the run ──────────────────────────────────────────────────────────────────

run_step "Requirements (scripts/require.sh test)" scripts/require.sh test
run_step "Throwaway PostgreSQL (scripts/pg.sh temp)" step_start_postgres

if selected rust; then
  run_step "Rust: cargo fmt --check" cargo fmt --all -- --check
  run_step "Rust: cargo clippy -D warnings" cargo clippy --workspace --all-targets -- -D warnings
  run_step "Rust: tests" step_cargo_test
fi

if selected frontend; then
  run_step "Frontend: npm ci" in_frontend npm ci --no-audit --no-fund
  run_step "Frontend: API types up to date (gen:api:check)" in_frontend npm run gen:api:check
  run_step "Frontend: typecheck" in_frontend npm run typecheck
  run_step "Frontend: lint" in_frontend npm run lint
  run_step "Frontend: unit tests (vitest)" in_frontend npm run test -- --run
  run_step "Frontend: build" in_frontend npm run build
fi

if selected e2e || selected fuzz; then
  run_step "Server binary (cargo build --bin thidua)" cargo build --bin thidua
fi

if selected e2e; then
  run_step "E2E: seeded server" step_e2e_server
  run_step "E2E: npm ci (tests/e2e)" in_e2e npm ci --no-audit --no-fund
  run_step "E2E: Playwright in Chromium" step_playwright
fi

if selected fuzz; then
  run_step "Fuzz: seeded server, admin login" step_fuzz_server
  run_step "Fuzz: schemathesis over the OpenAPI document" step_schemathesis
fi
