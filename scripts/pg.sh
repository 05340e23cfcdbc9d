#!/usr/bin/env bash
# Local PostgreSQL clusters built from the system's PostgreSQL binaries.
#
#   scripts/pg.sh durable          start (or reuse) the cluster under $THIDUA_DATA_DIR/postgres
#                                  and print its DATABASE_URL on stdout
#   scripts/pg.sh stop             stop the durable cluster
#   scripts/pg.sh status           exit 0 when the durable cluster is running
#   scripts/pg.sh psql [ARGS…]     psql into the durable cluster's `thidua` database
#   scripts/pg.sh temp             start a throwaway cluster in /tmp; prints lines for eval:
#                                    export DATABASE_URL=…; export THIDUA_PG_TEMP_DIR=…
#   scripts/pg.sh stop-temp [DIR]  stop and delete a throwaway cluster ($THIDUA_PG_TEMP_DIR by default)
#   scripts/pg.sh bindir           print the folder of the PostgreSQL binaries in use
#
# Environment: THIDUA_PG_PORT (durable port, default 54329), THIDUA_DATA_DIR (default
# <repo>/.data), PG_BINDIR (force a binary folder), THIDUA_PG_SHARED_BUFFERS (a throwaway
# cluster's shared_buffers, e.g. 1GB; PostgreSQL's default otherwise).
#
# initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` system
# user, which then owns the cluster's folders.
#
# Every message goes to stderr; stdout carries only what callers capture.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_PORT=${THIDUA_PG_PORT:-54329}
DURABLE_DIR=$DATA_ROOT/postgres
DURABLE_SOCK=$DATA_ROOT/pgsock
DURABLE_LOG=$DATA_ROOT/postgres.log
DB_NAME=thidua
TEMP_MARKER=.thidua-pg-temp

usage() {
  sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ── locating the binaries ────────────────────────────────────────────────────

find_bindir() {
  if [[ -n ${PG_BINDIR:-} ]]; then
    [[ -x $PG_BINDIR/initdb ]] || die "PG_BINDIR=$PG_BINDIR has no initdb"
    echo "$PG_BINDIR"
    return
  fi
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then
      echo "$dir"
      return
    fi
  fi
  # Debian/Ubuntu install server binaries per major version; take the newest.
  dir=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null |
    sort -V | tail -n 1)
  if [[ -n $dir ]]; then
    dirname "$dir"
    return
  fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found.
  Install PostgreSQL (Debian/Ubuntu: apt-get install -y postgresql), or set PG_BINDIR."
}

BINDIR=$(find_bindir)

# ── running as the right user ────────────────────────────────────────────────

if is_root; then
  id postgres >/dev/null 2>&1 ||
    die "running as root, but there is no 'postgres' user to run PostgreSQL as.
  Install PostgreSQL from the distribution (apt-get install -y postgresql), which creates it."
  # From /: the caller's folder may be closed to postgres (a warning otherwise).
  as_pg() { (cd / && runuser -u postgres -- "$@"); }
else
  as_pg() { "$@"; }
fi

# Hands a folder we created to the user that runs the server.
give_to_pg() {
  if is_root; then chown -R postgres:postgres "$@"; fi
}

# As root, the `postgres` user must be able to walk down to the data folder. A repository
# inside a private folder (a `mktemp -d` folder, /root) blocks it: grant search permission
# (o+x: enter, not list) on each blocking folder and say so.
ensure_traversable() {
  is_root || return 0
  local target=$1 path='' part
  local -a parts
  IFS=/ read -r -a parts <<<"${target#/}"
  for part in '' "${parts[@]}"; do
    [[ -n $part || -z $path ]] || continue
    path=${path%/}/$part
    [[ -d $path ]] || break
    if ! runuser -u postgres -- test -x "$path"; then
      warn "the postgres user cannot enter $path; running: chmod o+x $path"
      chmod o+x "$path" ||
        die "could not chmod o+x $path. Make it searchable by the postgres user, or set
  THIDUA_DATA_DIR to a folder it can reach (e.g. /var/tmp/thidua-data)."
      runuser -u postgres -- test -x "$path" ||
        die "the postgres user still cannot enter $path (ACL or mount option?). Set
  THIDUA_DATA_DIR to a folder it can reach (e.g. /var/tmp/thidua-data)."
    fi
  done
}

# A Unix socket path is limited to 107 bytes. A deep checkout would overflow it, so then
# the socket goes to a short folder under /tmp named after the data folder.
socket_dir_for() {
  local wanted=$1
  if ((${#wanted} + 20 <= 100)); then
    echo "$wanted"
  else
    echo "${TMPDIR:-/tmp}/thidua-pgsock-$(printf '%s' "$wanted" | cksum | cut -d' ' -f1)"
  fi
}

pg_version_of_bindir() {
  "$BINDIR/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/'
}

# Prints the port of the running cluster in DIR (from its postmaster.pid).
running_port() {
  as_pg sed -n 4p "$1/postmaster.pid"
}

cluster_running() {
  [[ -f $1/PG_VERSION ]] && as_pg "$BINDIR/pg_ctl" -D "$1" status >/dev/null 2>&1
}

psql_cmd() {
  "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

# ── durable cluster ──────────────────────────────────────────────────────────

durable_url() {
  echo "postgres://postgres@127.0.0.1:$1/$DB_NAME"
}

cmd_durable() {
  local port=$PG_PORT sock
  mkdir -p "$DATA_ROOT"
  ensure_traversable "$DATA_ROOT"
  sock=$(socket_dir_for "$DURABLE_SOCK")

  if cluster_running "$DURABLE_DIR"; then
    port=$(running_port "$DURABLE_DIR")
    info "reusing the PostgreSQL cluster already running in $DURABLE_DIR (port $port)"
  else
    if [[ ! -f $DURABLE_DIR/PG_VERSION ]]; then
      if [[ -d $DURABLE_DIR ]] && [[ -n $(ls -A "$DURABLE_DIR") ]]; then
        die "$DURABLE_DIR exists, is not empty and holds no PostgreSQL cluster; move it away."
      fi
      info "creating a PostgreSQL cluster in $DURABLE_DIR"
      mkdir -p "$DURABLE_DIR"
      chmod 700 "$DURABLE_DIR"
      give_to_pg "$DURABLE_DIR"
      # Trust authentication is acceptable only because the server listens on the
      # loopback interface and a socket folder no other user can write to. Do not
      # widen listen_addresses without changing this.
      as_pg "$BINDIR/initdb" -D "$DURABLE_DIR" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >"$DATA_ROOT/initdb.log" 2>&1 || {
        cat "$DATA_ROOT/initdb.log" >&2
        die "initdb failed (log above)"
      }
    fi
    local have want
    have=$(as_pg cat "$DURABLE_DIR/PG_VERSION")
    want=$(pg_version_of_bindir)
    [[ $have == "$want" ]] ||
      die "$DURABLE_DIR was created by PostgreSQL $have but the binaries in $BINDIR are
  version $want. Point PG_BINDIR at PostgreSQL $have binaries, or dump and recreate the cluster."
    if port_in_use "$port"; then
      die "port $port on 127.0.0.1 is taken by another program; choose another with THIDUA_PG_PORT=…"
    fi
    mkdir -p "$sock"
    chmod 700 "$sock"
    touch "$DURABLE_LOG"
    give_to_pg "$sock" "$DURABLE_LOG"
    info "starting PostgreSQL on 127.0.0.1:$port (data: $DURABLE_DIR, log: $DURABLE_LOG)"
    # fsync stays on (the default): this cluster holds the user's data.
    as_pg "$BINDIR/pg_ctl" -D "$DURABLE_DIR" -l "$DURABLE_LOG" -w -t 60 \
      -o "-p $port -k '$sock' -c listen_addresses=127.0.0.1" start >/dev/null || {
      tail -n 30 "$DURABLE_LOG" >&2
      die "PostgreSQL did not start (end of $DURABLE_LOG above)"
    }
  fi

  local exists
  exists=$(psql_cmd -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA \
    -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
  if [[ $exists != 1 ]]; then
    info "creating database $DB_NAME"
    psql_cmd -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $DB_NAME"
  fi
  durable_url "$port"
}

cmd_stop() {
  if cluster_running "$DURABLE_DIR"; then
    info "stopping the PostgreSQL cluster in $DURABLE_DIR"
    as_pg "$BINDIR/pg_ctl" -D "$DURABLE_DIR" -m fast -w -t 60 stop >/dev/null
  else
    info "no PostgreSQL cluster running in $DURABLE_DIR"
  fi
}

cmd_status() {
  if cluster_running "$DURABLE_DIR"; then
    info "running: $(durable_url "$(running_port "$DURABLE_DIR")")"
  else
    info "not running ($DURABLE_DIR)"
    return 1
  fi
}

cmd_psql() {
  cluster_running "$DURABLE_DIR" || die "the durable cluster is not running: scripts/pg.sh durable"
  exec "$BINDIR/psql" "$(durable_url "$(running_port "$DURABLE_DIR")")" "$@"
}

# ── throwaway cluster ────────────────────────────────────────────────────────

cmd_temp() {
  local dir port attempt
  dir=$(mktemp -d "${TMPDIR:-/tmp}/thidua-pg.XXXXXX")
  touch "$dir/$TEMP_MARKER"
  mkdir "$dir/data" "$dir/sock"
  chmod 700 "$dir/data" "$dir/sock"
  give_to_pg "$dir"
  # Until the cluster is up and announced, any exit removes the half-made cluster.
  HALF_MADE_TEMP_DIR=$dir
  trap 'if [[ -n ${HALF_MADE_TEMP_DIR:-} ]]; then cmd_stop_temp "$HALF_MADE_TEMP_DIR" >/dev/null 2>&1 || true; fi' EXIT

  as_pg "$BINDIR/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed (log above)"
  }
  # Durability is pointless for a cluster deleted after the run, and costly.
  # Many connections: the API tests run in parallel, each with its own pool.
  as_pg tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF

# ── throwaway test cluster (scripts/pg.sh temp) ──
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF
  # The benchmark's city-scale database (~1 GiB) stays in PostgreSQL's own cache.
  if [[ -n ${THIDUA_PG_SHARED_BUFFERS:-} ]]; then
    echo "shared_buffers = '${THIDUA_PG_SHARED_BUFFERS}'" | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
  fi

  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_pg "$BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port" start >/dev/null; then
      info "throwaway PostgreSQL on 127.0.0.1:$port in $dir"
      printf 'export DATABASE_URL=%q; export THIDUA_PG_TEMP_DIR=%q\n' \
        "postgres://postgres@127.0.0.1:$port/postgres" "$dir"
      HALF_MADE_TEMP_DIR=''
      return 0
    fi
    warn "PostgreSQL did not start on port $port (attempt $attempt); retrying on another port"
    tail -n 5 "$dir/postgres.log" >&2 || true
  done
  die "could not start a throwaway PostgreSQL cluster"
}

cmd_stop_temp() {
  local dir=${1:-${THIDUA_PG_TEMP_DIR:-}}
  [[ -n $dir ]] || die "usage: scripts/pg.sh stop-temp DIR (or set THIDUA_PG_TEMP_DIR)"
  [[ -d $dir ]] || {
    info "$dir is already gone"
    return 0
  }
  # Refuse to delete anything this script did not create.
  [[ -f $dir/$TEMP_MARKER ]] || die "$dir is not a throwaway cluster made by scripts/pg.sh temp"
  if cluster_running "$dir/data"; then
    as_pg "$BINDIR/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir"
  info "removed throwaway PostgreSQL cluster $dir"
}

case ${1:-} in
  durable) cmd_durable ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  psql) shift && cmd_psql "$@" ;;
  temp) cmd_temp ;;
  stop-temp) cmd_stop_temp "${2:-}" ;;
  bindir) echo "$BINDIR" ;;
  -h | --help | help) usage ;;
  *) usage ;;
esac
