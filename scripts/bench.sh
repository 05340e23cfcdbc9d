#!/usr/bin/env bash
# `make bench`: city-scale load test of a release server on a throwaway PostgreSQL cluster.
#
#  1. Migrates and demo-seeds a fresh database, then scripts/bench/generate.sql fills it to
#     city scale under district Q1 (5,000 units, 20,000 users, 200,000 initiatives,
#     1,000,000 roadmap steps) and the time it took is printed. scripts/bench/
#     generate-evaluation.sql then adds one evaluation round of the Q1 authority committee:
#     2,000 of those initiatives, 25 evaluators each, 50,000 submitted score sheets.
#  2. wrk drives a release server, logged in as noivu.quan1 (authority officer of Q1), on four
#     workloads — get-by-id, a filtered list, full-text search, statistics — at 16 and 64
#     connections; then the small benchmark of before (campaign list, health); evidence files
#     (upload, download) and the evaluation round — its ranking (the results over the 50,000
#     sheets) and the chair's board (the 2,000 entries with their evaluators) — at 16.
#  3. pgbench runs the same SQL straight against PostgreSQL (scripts/bench/pgbench/*.sql):
#     the floor the server is compared with.
#  4. scripts/bench/report.py prints requests/s, p50, p99, the server's peak RSS (VmHWM) and
#     the ratio to pgbench, checks the targets (PASS/FAIL, never failing the command) and
#     writes bench/results/<UTC timestamp>.json.
#
# Environment (defaults in brackets):
#   BENCH_DURATION [15s]           length of each wrk and pgbench run (seconds)
#   BENCH_CONNECTIONS ["16 64"]    connection / client counts
#   BENCH_THREADS [2]              wrk and pgbench threads
#   BENCH_DRAIN_SECONDS [60]       how long a run's queries may outlast it before they are
#                                  cancelled (a slow workload must not spill into the next)
#   BENCH_DB_POOL_SIZE [32]        the server's THIDUA_DB_POOL_SIZE
#   BENCH_PG_SHARED_BUFFERS [1GB]  the throwaway cluster's shared_buffers
#   BENCH_BUILD [1]                0: skip `cargo build --release` (use the binary as it is)
#   BENCH_ORGS [5000] BENCH_WARDS [50] BENCH_USERS [20000] BENCH_INITIATIVES [200000]
#   BENCH_STEPS [5]                scale of the generated data (steps per initiative)
#   BENCH_ROUND_INITIATIVES [2000] BENCH_SHEETS [50000]
#                                  the evaluation round: its entries, its submitted sheets
# Server, PostgreSQL and load generators share the machine: the numbers are a floor.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

DURATION=${BENCH_DURATION:-15s}
DURATION=${DURATION%s}
[[ $DURATION =~ ^[1-9][0-9]*$ ]] || die "BENCH_DURATION must be whole seconds (e.g. 15s), not '$BENCH_DURATION'"
read -r -a CONNECTIONS <<<"${BENCH_CONNECTIONS:-16 64}"
THREADS=${BENCH_THREADS:-2}
DRAIN=${BENCH_DRAIN_SECONDS:-60}
POOL=${BENCH_DB_POOL_SIZE:-32}
N_ORGS=${BENCH_ORGS:-5000}
N_WARDS=${BENCH_WARDS:-50}
N_USERS=${BENCH_USERS:-20000}
N_INITIATIVES=${BENCH_INITIATIVES:-200000}
N_STEPS=${BENCH_STEPS:-5}
N_ROUND_INITIATIVES=${BENCH_ROUND_INITIATIVES:-2000}
N_SHEETS=${BENCH_SHEETS:-50000}
[[ $N_ROUND_INITIATIVES =~ ^[1-9][0-9]*$ && $N_SHEETS =~ ^[1-9][0-9]*$ ]] ||
  die "BENCH_ROUND_INITIATIVES and BENCH_SHEETS must be positive whole numbers"
((N_SHEETS >= N_ROUND_INITIATIVES)) ||
  die "BENCH_SHEETS ($N_SHEETS) must be at least BENCH_ROUND_INITIATIVES ($N_ROUND_INITIATIVES)"
BIN=$REPO/target/release/thidua
BENCH_DIR=$REPO/scripts/bench
RESULTS_DIR=$REPO/bench/results
WORKLOADS=(get-by-id list search statistics)
# The demo officer whose reach (district Q1) holds the generated units.
BENCH_USER=noivu.quan1
PASSWORD='ThiDua@2023'

unset THIDUA_PG_TEMP_DIR
WORK=$(mktemp -d "${TMPDIR:-/tmp}/thidua-bench.XXXXXX")
# The evidence store of the seeded demo data and of the server (uploads measured below).
export THIDUA_FILE_STORE=$WORK/files
SERVER_PID=''
WATCHDOG_PID=''

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $WATCHDOG_PID ]]; then kill "$WATCHDOG_PID" 2>/dev/null || true; fi
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
PG_BIN=$(scripts/pg.sh bindir)

if [[ ${BENCH_BUILD:-1} == 0 ]]; then
  [[ -x $BIN ]] || die "BENCH_BUILD=0 but there is no $BIN"
  warn "BENCH_BUILD=0: using $BIN as it is"
else
  banner "Building the release server"
  cargo build --release --bin thidua
fi

# ── database ─────────────────────────────────────────────────────────────────
banner "Throwaway cluster, migrated and demo-seeded"
# A quarter of this machine's memory is the usual shared_buffers; 1 GiB holds the whole
# generated database, so the runs measure the server and the queries, not the page cache.
eval "$(THIDUA_PG_SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-1GB} scripts/pg.sh temp)"
DB=$(url_with_db "$DATABASE_URL" thidua_bench)
psql_db() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$DB" "$@"; }
# psql_value SQL: prints the single value the query returns.
psql_value() { psql_db -tA -c "$1"; }

"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "CREATE DATABASE thidua_bench"
DATABASE_URL=$DB "$BIN" migrate
DATABASE_URL=$DB "$BIN" seed-demo

banner "Generating city-scale data ($N_ORGS units, $N_USERS users, $N_INITIATIVES initiatives × $N_STEPS steps)"
gen_start=$(date +%s.%N)
psql_db -v n_orgs="$N_ORGS" -v n_wards="$N_WARDS" -v n_users="$N_USERS" \
  -v n_initiatives="$N_INITIATIVES" -v n_steps="$N_STEPS" -f "$BENCH_DIR/generate.sql"
GEN_SECONDS=$(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
info "generated in ${GEN_SECONDS} s (database: $(psql_value "SELECT pg_size_pretty(pg_database_size(current_database()))"))"

banner "Generating an evaluation round ($N_ROUND_INITIATIVES initiatives, $N_SHEETS submitted sheets)"
gen_start=$(date +%s.%N)
psql_db -v n_entries="$N_ROUND_INITIATIVES" -v n_sheets="$N_SHEETS" \
  -f "$BENCH_DIR/generate-evaluation.sql"
EVAL_GEN_SECONDS=$(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
info "generated in ${EVAL_GEN_SECONDS} s"
# Settle the fresh database before measuring: otherwise autovacuum's first pass over the
# million new rows (and the checkpoint after the load) run during the first workloads and
# not during pgbench's, which comes last.
settle_start=$(date +%s.%N)
psql_db -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
info "vacuumed and checkpointed in $(awk -v a="$settle_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"

Q1=$(psql_value "SELECT id FROM organizations WHERE code = 'Q1'")
CAMPAIGN=$(psql_value "SELECT id FROM campaigns WHERE code = '175/KH-UBND' ORDER BY year DESC LIMIT 1")
# The generated evaluation round (its id is derived as generate-evaluation.sql derives it).
ROUND=$(psql_value "SELECT id FROM evaluation_rounds WHERE id = md5('thidua-bench-round-board')::uuid")
[[ -n $ROUND ]] || die "the generated evaluation round is missing"
# Ids drawn at random from the generated initiatives, for the get-by-id workload.
IDS=$WORK/ids.txt
psql_db -tA -o "$IDS" -c "SELECT md5('thidua-bench-initiative-' || (1 + floor(random() * $N_INITIATIVES))::int)::uuid
                            FROM generate_series(1, 10000)"

# cancel_active: cancels the queries still running in the bench database (ours alone).
cancel_active() {
  psql_value "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity
               WHERE datname = current_database() AND state = 'active'
                 AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
}

# wait_idle: waits (at most DRAIN seconds) until no query runs in the bench database, then
# cancels what is left, so that one run's backlog does not weigh on the next.
wait_idle() {
  local i active
  for ((i = 0; i < DRAIN * 2; i++)); do
    active=$(psql_value "SELECT count(*) FROM pg_stat_activity
                          WHERE datname = current_database() AND state = 'active'
                            AND backend_type = 'client backend' AND pid <> pg_backend_pid()")
    ((active > 0)) || return 0
    sleep 0.5
  done
  warn "$active queries still running ${DRAIN}s after the run; cancelled $(cancel_active)"
}

ROWS=$WORK/rows.tsv
: >"$ROWS"

# ── server under wrk ─────────────────────────────────────────────────────────
banner "Release server on the generated database (pool $POOL)"
# Request logging at info level would measure the terminal, not the server.
# A token that lasts as long as the server allows (15 min) covers every run.
RUST_LOG=${RUST_LOG:-warn} THIDUA_DB_POOL_SIZE=$POOL THIDUA_ACCESS_TOKEN_TTL_SECS=900 \
  start_server "$BIN" "$DB" "$WORK/server.log"
wait_ready "$SERVER_URL" "$SERVER_PID" "$WORK/server.log" 60
token=$(login "$SERVER_URL" "$BENCH_USER" "$PASSWORD")
AUTH="Authorization: Bearer $token"

# The path wrk requests for a workload (get-by-id and search pick theirs in Lua).
declare -A PATHS=(
  [get-by-id]=/api/v1/initiatives
  [list]="/api/v1/initiatives?status=in_progress&reform_area=administrative_procedures&per_page=20&campaign_id=$CAMPAIGN"
  [search]=/api/v1/initiatives
  [statistics]="/api/v1/statistics/initiatives?campaign_id=$CAMPAIGN"
  [campaigns]=/api/v1/campaigns
  [health]=/health
  [ranking]=/api/v1/evaluation-rounds/$ROUND/results
  [board]=/api/v1/evaluation-rounds/$ROUND/entries
)
declare -A LUA=([get-by-id]=get_by_id.lua [search]=search.lua)

# A request of each kind first: fail here, clearly, rather than benchmark 401s or 404s.
for path in "${PATHS[@]}" "/api/v1/initiatives/$(head -n 1 "$IDS")" \
  "/api/v1/initiatives?q=cai%20cach%20thu%20tuc&per_page=20"; do
  curl -fsS -o /dev/null --max-time 120 -H "$AUTH" "$SERVER_URL$path" ||
    die "GET $path as $BENCH_USER failed"
done
# What one response of each evaluation workload weighs (the board names every evaluator).
declare -A RESPONSE_BYTES
for workload in ranking board; do
  RESPONSE_BYTES[$workload]=$(curl -fsS -o /dev/null -w '%{size_download}' --max-time 120 \
    -H "$AUTH" "$SERVER_URL${PATHS[$workload]}")
  info "$workload: one response is $((RESPONSE_BYTES[$workload] / 1024)) KiB"
done

server_rss_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status"; }

# run_wrk WORKLOAD CONNECTIONS: one wrk run; appends its row to ROWS.
run_wrk() {
  local workload=$1 conns=$2 out result
  banner "wrk: $workload, $conns connections, ${DURATION}s"
  # A generous timeout: slow responses must show in the percentiles, not vanish as errors.
  out=$(BENCH_LUA_DIR=$BENCH_DIR BENCH_IDS=$IDS BENCH_UPLOAD_BODY=${UPLOAD_BODY:-} \
    BENCH_UPLOAD_BOUNDARY=${UPLOAD_BOUNDARY:-} \
    wrk -t "$THREADS" -c "$conns" -d "${DURATION}s" --timeout 60s --latency -H "${WRK_AUTH:-$AUTH}" \
    -s "$BENCH_DIR/${LUA[$workload]:-static.lua}" "$SERVER_URL${PATHS[$workload]}")
  grep -v "^BENCH_RESULT " <<<"$out" >&2 || true
  result=$(sed -n 's/^BENCH_RESULT //p' <<<"$out")
  [[ -n $result ]] || die "wrk printed no result line for $workload"
  wait_idle
  python3 -c 'import json, sys
r = json.loads(sys.argv[1])
print("\t".join(map(str, ["server", sys.argv[2], sys.argv[3], r["requests"], r["duration_us"] / 1e6,
    r["p50_us"] / 1e3, r["p99_us"] / 1e3, r["non_2xx"] + r["socket_errors"], sys.argv[4]])))' \
    "$result" "$workload" "$conns" "$(server_rss_kb)" >>"$ROWS"
}

for workload in "${WORKLOADS[@]}"; do
  for conns in "${CONNECTIONS[@]}"; do run_wrk "$workload" "$conns"; done
done
# The small benchmark of before: campaign list and health, at the highest count.
for workload in campaigns health; do run_wrk "$workload" "${CONNECTIONS[-1]}"; done

# ── evidence files: upload and download of a 5 MiB file at 16 connections ───
# As a teacher of Cô Giang, an author of one of its initiatives (the district officer may
# not upload). The server's RSS must stay flat: uploads are streamed, never held whole.
FILE_USER=giaovien.cogiang.1
FILE_INITIATIVE=$(psql_value "SELECT i.id FROM initiatives i
  JOIN initiative_authors a ON a.initiative_id = i.id JOIN users u ON u.id = a.user_id
  WHERE u.username = '$FILE_USER' AND i.status NOT IN ('withdrawn', 'accepted', 'not_accepted')
  ORDER BY i.created_at LIMIT 1")
[[ -n $FILE_INITIATIVE ]] || die "no initiative of $FILE_USER to attach files to"
file_token=$(login "$SERVER_URL" "$FILE_USER" "$PASSWORD")
UPLOAD_BOUNDARY=thidua-bench-boundary
UPLOAD_BODY=$WORK/upload.body
{
  printf -- '--%s\r\nContent-Disposition: form-data; name="category"\r\n\r\ndata\r\n' "$UPLOAD_BOUNDARY"
  printf -- '--%s\r\nContent-Disposition: form-data; name="initiative_id"\r\n\r\n%s\r\n' \
    "$UPLOAD_BOUNDARY" "$FILE_INITIATIVE"
  printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="Số liệu khảo sát.pdf"\r\n' \
    "$UPLOAD_BOUNDARY"
  printf 'Content-Type: application/pdf\r\n\r\n%%PDF-1.4\n'
  head -c $((5 * 1024 * 1024 - 9)) /dev/urandom
  printf '\r\n--%s--\r\n' "$UPLOAD_BOUNDARY"
} >"$UPLOAD_BODY"
FILE_ID=$(curl -fsS --max-time 120 -H "Authorization: Bearer $file_token" \
  -H "Content-Type: multipart/form-data; boundary=$UPLOAD_BOUNDARY" --data-binary "@$UPLOAD_BODY" \
  "$SERVER_URL/api/v1/files" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])') ||
  die "uploading the benchmark file as $FILE_USER failed"
PATHS[upload]=/api/v1/files
PATHS[download]=/api/v1/files/$FILE_ID/content
LUA[upload]=upload.lua
RSS_BEFORE_FILES_KB=$(server_rss_kb)
for workload in upload download; do
  WRK_AUTH="Authorization: Bearer $file_token" run_wrk "$workload" 16
done
RSS_AFTER_FILES_KB=$(server_rss_kb)
info "server peak RSS: $((RSS_BEFORE_FILES_KB / 1024)) MB before the file workloads, $((RSS_AFTER_FILES_KB / 1024)) MB after"

# ── the evaluation round: its ranking and the chair's board at 16 connections ─
# As noivu.quan1 again, who manages the Q1 authority committee's rounds (the organiser).
# Last, so that the peak RSS of the workloads before is still known (the report's RSS
# target is over every workload).
RSS_BEFORE_EVALUATION_KB=$(server_rss_kb)
for workload in ranking board; do run_wrk "$workload" 16; done
info "server peak RSS: $((RSS_BEFORE_EVALUATION_KB / 1024)) MB before the evaluation workloads, $(($(server_rss_kb) / 1024)) MB after"

stop_server "$SERVER_PID"
SERVER_PID=''

# ── pgbench: the same SQL without the server ─────────────────────────────────
# run_pgbench WORKLOAD CONNECTIONS: one pgbench run; appends its row to ROWS. Latency
# percentiles come from the per-transaction log (its third field, in µs).
run_pgbench() {
  local workload=$1 conns=$2 out tps count aborted logs=$WORK/pglog/$1-$2
  mkdir -p "$logs"
  banner "pgbench: $workload, $conns clients, ${DURATION}s"
  # pgbench lets running transactions finish after -T; past DRAIN seconds they are cancelled.
  (
    for ((i = 0; i < DURATION + DRAIN; i++)); do sleep 1; done
    warn "pgbench $workload: cancelled $(cancel_active) queries ${DRAIN}s after the end"
  ) &
  WATCHDOG_PID=$!
  out=$("$PG_BIN/pgbench" -n -M prepared -c "$conns" -j "$THREADS" -T "$DURATION" \
    -D n_initiatives="$N_INITIATIVES" -D q1="$Q1" -D campaign="$CAMPAIGN" \
    --log --log-prefix="$logs/tx" -f "$BENCH_DIR/pgbench/${workload//-/_}.sql" "$DB" 2>&1) ||
    warn "pgbench $workload exited with status $? (aborted clients?); its figures are partial"
  kill "$WATCHDOG_PID" 2>/dev/null || true
  WATCHDOG_PID=''
  printf '%s\n' "$out" | grep -E 'transactions actually processed|failed|latency|tps|Run was aborted' >&2 || true
  tps=$(awk '/^tps = / {print $3}' <<<"$out")
  # Clients whose statement was cancelled count as errors (the run is then partial).
  aborted=$(grep -c 'aborted in command' <<<"$out" || true)
  count=$(cat "$logs"/tx* | wc -l)
  cat "$logs"/tx* | awk '{print $3 / 1000}' | sort -n | awk -v tool=pgbench -v w="$workload" \
    -v c="$conns" -v n="$count" -v tps="${tps:-0}" -v aborted="$aborted" '
      function at(q,  i) { i = int(NR * q + 0.5); return v[i < 1 ? 1 : i] }
      { v[NR] = $1 }
      END {
        secs = (tps > 0) ? n / tps : 0
        p50 = NR ? at(0.50) : 0
        p99 = NR ? at(0.99) : 0
        printf "%s\t%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t\n", tool, w, c, n, secs, p50, p99, aborted
      }' >>"$ROWS"
  wait_idle
}

for workload in "${WORKLOADS[@]}"; do
  for conns in "${CONNECTIONS[@]}"; do run_pgbench "$workload" "$conns"; done
done

# ── report ───────────────────────────────────────────────────────────────────
mkdir -p "$RESULTS_DIR"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
META=$WORK/meta.json
python3 -c 'import json, sys
keys = ["timestamp", "commit", "cpus", "postgresql", "duration_s", "threads", "db_pool_size",
        "generator_seconds", "organizations", "users", "initiatives", "roadmap_steps",
        "rss_before_files_kb", "rss_after_files_kb", "evaluation_generator_seconds",
        "round_entries", "score_sheets", "ranking_response_bytes", "board_response_bytes",
        "rss_before_evaluation_kb"]
vals = sys.argv[1:]
meta = dict(zip(keys, vals))
for k in keys[2:]:
    if k not in ("postgresql",):
        meta[k] = float(meta[k]) if "." in meta[k] else int(meta[k])
print(json.dumps(meta))' \
  "$stamp" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo -dirty)" \
  "$(nproc)" "$(psql_value "SHOW server_version")" "$DURATION" "$THREADS" "$POOL" "$GEN_SECONDS" \
  "$(psql_value "SELECT count(*) FROM organizations")" "$(psql_value "SELECT count(*) FROM users")" \
  "$(psql_value "SELECT count(*) FROM initiatives")" \
  "$(psql_value "SELECT count(*) FROM initiative_milestones")" \
  "$RSS_BEFORE_FILES_KB" "$RSS_AFTER_FILES_KB" "$EVAL_GEN_SECONDS" \
  "$(psql_value "SELECT count(*) FROM round_entries WHERE round_id = '$ROUND'")" \
  "$(psql_value "SELECT count(*) FROM score_sheets s JOIN round_assignments a ON a.id = s.assignment_id
                  JOIN round_entries e ON e.id = a.entry_id WHERE e.round_id = '$ROUND'")" \
  "${RESPONSE_BYTES[ranking]}" "${RESPONSE_BYTES[board]}" "$RSS_BEFORE_EVALUATION_KB" >"$META"

banner "Benchmark results ($(nproc) CPUs; data generated in ${GEN_SECONDS} s + ${EVAL_GEN_SECONDS} s; wrk/pgbench ${DURATION}s each)"
python3 "$BENCH_DIR/report.py" "$ROWS" "$META" "$RESULTS_DIR/$stamp.json"
info "written to bench/results/$stamp.json"
