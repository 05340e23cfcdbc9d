#!/usr/bin/env bash
# `make bench`: load test of a seeded release server on a throwaway PostgreSQL cluster.
#
# wrk drives GET /api/v1/campaigns (authenticated as admin) and GET /health, each for
# BENCH_DURATION (default 20s) at BENCH_CONNECTIONS (default 64) connections, and prints
# requests per second, latency percentiles and the server's peak memory (VmHWM).
# Server and load generator share the machine, so the numbers are a floor.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
BIN=$REPO/target/release/thidua

unset THIDUA_PG_TEMP_DIR
WORK=$(mktemp -d "${TMPDIR:-/tmp}/thidua-bench.XXXXXX")
SERVER_PID=''

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $SERVER_PID ]]; then
    if ((rc != 0)); then tail -n 40 "$WORK/server.log" >&2 || true; fi
    stop_server "$SERVER_PID"
  fi
  if [[ -n ${THIDUA_PG_TEMP_DIR:-} ]]; then scripts/pg.sh stop-temp "$THIDUA_PG_TEMP_DIR" || true; fi
  rm -rf -- "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/require.sh bench

banner "Building the release server"
cargo build --release --bin thidua

banner "Seeded server on a throwaway cluster"
eval "$(scripts/pg.sh temp)"
db=$(url_with_db "$DATABASE_URL" thidua_bench)
"$(scripts/pg.sh bindir)/psql" -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "CREATE DATABASE thidua_bench"
DATABASE_URL=$db "$BIN" migrate
DATABASE_URL=$db "$BIN" seed-demo
# Request logging at info level would measure the terminal, not the server.
RUST_LOG=${RUST_LOG:-warn} start_server "$BIN" "$db" "$WORK/server.log"
wait_ready "$SERVER_URL" "$SERVER_PID" "$WORK/server.log" 60
token=$(login "$SERVER_URL" admin 'ThiDua@2023')

# bench LABEL PATH [HEADER]: runs wrk and prints its figures under LABEL.
declare -a RESULTS=()
bench() {
  local label=$1 path=$2 header=${3:-} out rps p50 p90 p99
  local -a args=(-t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency)
  [[ -z $header ]] || args+=(-H "$header")
  banner "wrk: $label — GET $path, $CONNECTIONS connections, $DURATION"
  out=$(wrk "${args[@]}" "$SERVER_URL$path")
  printf '%s\n' "$out" >&2
  if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
    warn "$label: some responses were errors (see 'Non-2xx' above); the figures are not valid"
  fi
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  RESULTS+=("$(printf '  %-32s %12s req/s   p50 %9s   p90 %9s   p99 %9s' \
    "$label" "$rps" "$p50" "$p90" "$p99")")
}

# A quick request first: fail here, clearly, rather than benchmark 401s.
curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$SERVER_URL/api/v1/campaigns" ||
  die "GET /api/v1/campaigns with the admin token failed"

bench "campaign list (authenticated)" /api/v1/campaigns "Authorization: Bearer $token"
bench "health" /health

peak_rss=$(awk '/^VmHWM:/ {print $2, $3}' "/proc/$SERVER_PID/status")

banner "Benchmark results ($(nproc) CPUs, wrk -t$THREADS -c$CONNECTIONS -d$DURATION)"
printf '%s\n' "${RESULTS[@]}"
printf '  %-32s %s\n' "server peak RSS (VmHWM)" "$peak_rss"
