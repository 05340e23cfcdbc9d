#!/usr/bin/env bash
# Checks (and, as root, installs) what the scripts need.
#
#   scripts/require.sh run     what `make run` needs: cargo, node ≥ 20, npm, PostgreSQL
#   scripts/require.sh test    the above plus python3, curl, Chromium and a .venv with
#                              schemathesis — what `make test` needs (default)
#   scripts/require.sh bench   what `make bench` needs: cargo, python3, curl, PostgreSQL, wrk
#
# Missing Debian packages are installed with apt-get when running as root; otherwise the
# script stops and says what to install. Toolchains (Rust, Node) are never installed here.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCHEMATHESIS_VERSION=4.32.5
NODE_MAJOR_MIN=20
MODE=${1:-test}

APT_UPDATED=0
# apt_install PACKAGE…: installs Debian packages when root; otherwise says what to run.
apt_install() {
  if ! is_root || ! command -v apt-get >/dev/null 2>&1; then
    die "missing: $*. Install it, e.g.: sudo apt-get install -y $*"
  fi
  info "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ((APT_UPDATED == 0)); then
    apt-get update -qq
    APT_UPDATED=1
  fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_cargo() {
  command -v cargo >/dev/null 2>&1 ||
    die "cargo not found. Install Rust (https://rustup.rs) and make sure cargo is on PATH."
}

need_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    die "node and npm not found. Install Node.js $NODE_MAJOR_MIN or newer (with npm)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= NODE_MAJOR_MIN)) ||
    die "Node.js $(node --version) is too old; install Node.js $NODE_MAJOR_MIN or newer."
}

need_postgres() {
  if ! "$REPO/scripts/pg.sh" bindir >/dev/null 2>&1; then
    apt_install postgresql
  fi
  "$REPO/scripts/pg.sh" bindir >/dev/null
}

need_command() { # need_command COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

need_chromium() {
  local path=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [[ ! -x $path ]]; then
    [[ $path == /usr/bin/chromium ]] ||
      die "CHROMIUM_PATH=$path is not an executable; unset it to use /usr/bin/chromium."
    apt_install chromium
  fi
}

# A project-local virtualenv keeps schemathesis off the system Python.
need_schemathesis() {
  local venv=$REPO/.venv
  need_command python3 python3
  if [[ -x $venv/bin/python ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    warn "$venv is broken (its Python moved?); recreating it"
    rm -rf -- "$venv"
  fi
  if [[ ! -x $venv/bin/python ]]; then
    info "creating $venv"
    if ! python3 -m venv "$venv" 2>/dev/null; then
      rm -rf -- "$venv"
      # Debian's own python3 ships venv support separately.
      apt_install python3-venv
      python3 -m venv "$venv"
    fi
  fi
  local have
  have=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null || true)
  if [[ $have != "$SCHEMATHESIS_VERSION" ]]; then
    info "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check \
      "schemathesis==$SCHEMATHESIS_VERSION"
  fi
}

case $MODE in
  run)
    need_cargo
    need_node
    need_postgres
    ;;
  test)
    need_cargo
    need_node
    need_postgres
    need_command curl curl
    need_command python3 python3
    need_chromium
    need_schemathesis
    ;;
  bench)
    need_cargo
    need_postgres
    need_command curl curl
    need_command python3 python3
    need_command wrk wrk
    ;;
  *)
    die "usage: scripts/require.sh [run|test|bench]"
    ;;
esac
info "requirements for '$MODE' are met"
