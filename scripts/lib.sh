# shellcheck shell=bash
# shellcheck disable=SC2034  # REPO, DATA_ROOT, SERVER_* are read by the sourcing scripts
# Helpers shared by the scripts in this folder. Source it; do not run it.
#
# Messages go to stderr so that a script's stdout stays machine-readable
# (pg.sh prints a URL or `export` lines there).

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where local state lives: the durable PostgreSQL cluster, the JWT secret of `make run`.
DATA_ROOT=${THIDUA_DATA_DIR:-$REPO/.data}
[[ $DATA_ROOT == /* ]] || DATA_ROOT=$PWD/$DATA_ROOT

if [[ -t 2 && -z ${NO_COLOR:-} ]]; then
  _C_BOLD=$'\e[1m' _C_RED=$'\e[31m' _C_YELLOW=$'\e[33m' _C_BLUE=$'\e[34m' _C_RESET=$'\e[0m'
else
  _C_BOLD='' _C_RED='' _C_YELLOW='' _C_BLUE='' _C_RESET=''
fi

info() { printf '%s==>%s %s\n' "$_C_BLUE$_C_BOLD" "$_C_RESET" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_C_YELLOW$_C_BOLD" "$_C_RESET" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$_C_RED$_C_BOLD" "$_C_RESET" "$*" >&2
  exit 1
}

banner() {
  local line='════════════════════════════════════════════════════════════════════════'
  printf '\n%s%s\n  %s\n%s%s\n' "$_C_BOLD" "$line" "$*" "$line" "$_C_RESET" >&2
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a TCP port on 127.0.0.1 that nobody listens on right now. Another
# process may take it before we bind it; callers that can, retry on failure.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
    return
  fi
  local port tries
  for tries in {1..100}; do
    port=$((20000 + RANDOM % 40000))
    if ! port_in_use "$port"; then
      echo "$port"
      return
    fi
  done
  die "could not find a free TCP port after $tries tries"
}

# 64 hex characters from the kernel's CSPRNG.
random_secret() {
  od -An -tx1 -N32 /dev/urandom | tr -d ' \n'
}

# Prints the "postgres://…/NAME" URL with the database name of $1 replaced by $2.
url_with_db() {
  local url=$1 name=$2
  printf '%s/%s\n' "${url%/*}" "$name"
}

# Sets SERVER_PID and SERVER_URL; logs go to SERVER_LOG.
#   start_server BINARY DATABASE_URL LOGFILE [PORT]
# The caller kills SERVER_PID when done (see stop_server).
start_server() {
  local bin=$1 db_url=$2 log=$3 port=${4:-}
  [[ -n $port ]] || port=$(free_port)
  SERVER_LOG=$log
  SERVER_URL="http://127.0.0.1:$port"
  info "starting $bin serve on $SERVER_URL (log: $log)"
  DATABASE_URL=$db_url \
    THIDUA_HOST=127.0.0.1 \
    THIDUA_PORT=$port \
    THIDUA_JWT_SECRET=${THIDUA_JWT_SECRET:-$(random_secret)} \
    THIDUA_STATIC_DIR=${THIDUA_STATIC_DIR:-$REPO/frontend/dist} \
    THIDUA_COOKIE_SECURE=false \
    THIDUA_LOG_FORMAT=${THIDUA_LOG_FORMAT:-pretty} \
    RUST_LOG=${RUST_LOG:-info} \
    "$bin" serve >"$log" 2>&1 &
  SERVER_PID=$!
}

# wait_ready URL PID LOG [TIMEOUT_SECONDS]: waits for GET URL/ready to answer 200.
wait_ready() {
  local url=$1 pid=$2 log=$3 timeout=${4:-60}
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      warn "the server exited before it was ready; its log ($log):"
      tail -n 100 "$log" >&2 || true
      return 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "$url/ready" 2>/dev/null; then
      info "server ready at $url"
      return 0
    fi
    sleep 0.2
  done
  warn "the server at $url was not ready after ${timeout}s; its log ($log):"
  tail -n 100 "$log" >&2 || true
  return 1
}

# stop_server PID: SIGTERM, then SIGKILL if it has not exited after 10 s.
stop_server() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in {1..100}; do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "server $pid ignored SIGTERM for 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# login BASE_URL USERNAME PASSWORD: prints the access token.
login() {
  local base=$1 user=$2 password=$3 body
  body=$(python3 -c 'import json, sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$user" "$password")
  curl -fsS -X POST "$base/api/v1/auth/login" \
    -H 'content-type: application/json' -d "$body" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# spa_stale: true when frontend/dist is missing or older than any of the SPA's sources (the
# OpenAPI document included: the SPA's API types are generated from it).
spa_stale() {
  [[ -f frontend/dist/index.html ]] || return 0
  local f sources=()
  shopt -s nullglob
  for f in frontend/src frontend/public frontend/index.html frontend/package*.json \
    frontend/vite.config.* frontend/tsconfig*.json openapi/openapi.json; do
    if [[ -e $f ]]; then sources+=("$f"); fi
  done
  shopt -u nullglob
  [[ -n $(find "${sources[@]}" -newer frontend/dist/index.html -print -quit) ]]
}
