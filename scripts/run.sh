#!/usr/bin/env bash
# `make run`: serves the SPA, the API and its docs with the demo data on
# http://127.0.0.1:${THIDUA_PORT:-8080}.
#
# - Uses DATABASE_URL when set; otherwise starts (or reuses) the durable local cluster
#   of scripts/pg.sh, and stops it on exit if this script started it.
# - Variables in ./.env (see .env.example) are loaded first when the file exists.
# - Ctrl-C stops the server cleanly, then the cluster.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

if [[ -f .env ]]; then
  info "loading .env"
  set -a
  # shellcheck disable=SC1091
  source .env
  set +a
  DATA_ROOT=${THIDUA_DATA_DIR:-$REPO/.data}
  [[ $DATA_ROOT == /* ]] || DATA_ROOT=$PWD/$DATA_ROOT
fi

scripts/require.sh run

STARTED_PG=0
cleanup() {
  if ((STARTED_PG)); then
    scripts/pg.sh stop || warn "could not stop the PostgreSQL cluster; run: scripts/pg.sh stop"
  fi
}
trap cleanup EXIT
# The server gets Ctrl-C itself (it runs in the foreground); the script then exits
# through the EXIT trap above.
trap 'exit 130' INT
trap 'exit 143' TERM

# ── database ─────────────────────────────────────────────────────────────────
if [[ -z ${DATABASE_URL:-} ]]; then
  if ! scripts/pg.sh status >/dev/null 2>&1; then
    STARTED_PG=1
  fi
  DATABASE_URL=$(scripts/pg.sh durable)
  export DATABASE_URL
else
  info "using DATABASE_URL from the environment"
fi

# ── JWT secret: generated once, kept across runs so sessions survive a restart ──
if [[ -z ${THIDUA_JWT_SECRET:-} ]]; then
  secret_file=$DATA_ROOT/jwt_secret
  if [[ ! -s $secret_file ]]; then
    mkdir -p "$DATA_ROOT"
    (
      umask 077
      random_secret >"$secret_file"
    )
    info "generated a JWT secret in $secret_file"
  fi
  chmod 600 "$secret_file"
  THIDUA_JWT_SECRET=$(<"$secret_file")
  export THIDUA_JWT_SECRET
fi

# ── SPA: rebuilt when a source is newer than dist/index.html ─────────────────
if [[ ! -f frontend/package.json ]]; then
  warn "frontend/package.json not found: serving the API only"
elif spa_stale; then
  banner "Building the SPA (frontend/dist)"
  if [[ ! -d frontend/node_modules ]] ||
    [[ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; then
    (cd frontend && npm ci --no-audit --no-fund)
  fi
  (cd frontend && npm run build)
else
  info "the SPA in frontend/dist is up to date"
fi

# ── server ───────────────────────────────────────────────────────────────────
banner "Building the server (cargo build --release --bin thidua)"
cargo build --release --bin thidua
bin=target/release/thidua

banner "Migrating and loading the demo data"
"$bin" migrate
"$bin" seed-demo

host=${THIDUA_HOST:-127.0.0.1}
case $host in 0.0.0.0 | :: | '[::]') host=127.0.0.1 ;; esac
url="http://$host:${THIDUA_PORT:-8080}"
# Never print a password that came with DATABASE_URL.
db_shown=$(sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$DATABASE_URL")
banner "Thi đua CCHC"
cat >&2 <<EOF
  App:        $url
  API docs:   $url/api/docs
  Demo login: admin / ThiDua@2023   (others: see README)
  Database:   $db_shown
  Stop:       Ctrl-C

EOF

status=0
"$bin" serve || status=$?
exit "$status"
