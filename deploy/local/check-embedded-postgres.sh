#!/usr/bin/env bash
# Proves the PostgreSQL part of `./percorsi up` on a machine without PostgreSQL: starts the
# embedded server (Maven jars, as the tests use) through lib.sh exactly as `up` does, on a free
# port and in a scratch runtime directory, checks that the role and databases exist and that it
# keeps its data across a restart, and stops it. No psql, pg_isready or jq is used.
#   deploy/local/check-embedded-postgres.sh          (CI runs it from .ci/run)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/percorsi-pg-check.XXXXXX")
port=$(java "$root/deploy/local/FreePort.java")
export PC_ROOT=$root PC_RUN=$scratch PC_PG_PORT=$port PC_PG_EMBEDDED=yes
# the classpath `up` resolved already, if any (else lib.sh resolves it with Maven)
[[ -s $root/.run/postgres.classpath ]] && cp "$root/.run/postgres.classpath" "$scratch/"
# shellcheck source=lib.sh
source "$root/deploy/local/lib.sh"
cleanup() {
  pc_pg_stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

t0=$(pc_now)
pc_pg_ensure
pc_pg_setup
[[ $PC_PG_STARTED == yes ]] && pc_pg_embedded || pc_die "the embedded server was not the one started"
grep -q "ready on 127.0.0.1:$port" "$(pc_logfile postgresql)" || pc_die "no ready line in the log"
pid=$(pc_pid postgresql)
pc_pg_stop
! kill -0 "$pid" 2>/dev/null || pc_die "the launcher (pid $pid) still runs after pc_pg_stop"
! pc_pg_ready || pc_die "something still answers on port $port after pc_pg_stop"
# again: the data directory is reused (no initdb), the role and databases are still there
pc_pg_ensure
pc_pg_setup
pc_pg_stop
pc_ok "embedded PostgreSQL: started, set up (role $PC_DB_USER, databases ${PC_DATABASES[*]}), restarted on its data and stopped in $(pc_elapsed "$t0")s"
