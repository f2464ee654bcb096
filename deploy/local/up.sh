#!/usr/bin/env bash
# Starts the local wavesync stack and syncs the example application:
#   a Kafka broker (KRaft, from Maven Central jars) on 127.0.0.1:9092, the sandbox cluster on
#   127.0.0.1:18080, and the planner, phase runner, hook watcher and cleanup services on 8081-8084.
# Builds what is missing or older than its sources first. Components already running (by their
# pid file and health) are left alone, so running it again is safe and quick.
# Everything it writes is under .local/ at the repository root; deploy/local/down.sh stops it.
# With --with-prometheus it also runs Prometheus on 127.0.0.1:9090, scraping the four services every
# second with the alerting rules of deploy/prometheus/alerts.rules.yml (Debian's prometheus
# package, installed with apt-get when /usr/bin/prometheus is missing).
#
# Usage: deploy/local/up.sh [--no-demo] [--with-prometheus]
#
# Environment:
#   JAVA_HOME   the JDK to use (default: java on the PATH); 17 or newer
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: deploy/local/up.sh [--no-demo] [--with-prometheus]

Starts Kafka, the sandbox cluster and the four wavesync services on this machine, then syncs
examples/hooks-demo and follows it. --no-demo starts the stack only. --with-prometheus also starts
Prometheus on 127.0.0.1:9090 scraping the four services (installs Debian's prometheus package
with apt-get when /usr/bin/prometheus is missing).
TXT
}

demo=true
with_prometheus=false
for arg in "$@"; do
  case $arg in
    --no-demo) demo=false ;;
    --with-prometheus) with_prometheus=true ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "up.sh: unknown argument '$arg'" >&2
      usage >&2
      exit 2
      ;;
  esac
done

script=${BASH_SOURCE[0]}
while [ -L "$script" ]; do
  dir=$(cd -P "$(dirname "$script")" && pwd)
  script=$(readlink "$script")
  case $script in /*) ;; *) script=$dir/$script ;; esac
done
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(cd -P "$(dirname "$script")" && pwd)/common.sh"

# Relative paths in the broker's server.properties are relative to the repository root.
cd "$root"
mkdir -p "$logs" "$pids"

kafka_libs=$state/kafka/libs
kafka_conf=$local_dir/kafka
bootstrap=127.0.0.1:$(port_of kafka)
sandbox_url=http://127.0.0.1:$(port_of sandbox)
kubeconfig=$state/kubeconfig
started_at=$(now_ms)

# One line per step: what, its outcome, how long it took.
say() { # what message [ms]
  if [[ -n ${3:-} ]]; then
    printf '%-9s %-62s %8s\n' "$1" "$2" "$(seconds "$3")"
  else
    printf '%-9s %s\n' "$1" "$2"
  fi
}

die() {
  echo "up.sh: $*" >&2
  if compgen -G "$pids/*.pid" >/dev/null; then
    echo "up.sh: what was started keeps running; deploy/local/down.sh stops it" >&2
  fi
  exit 1
}

# The last lines of a component's log, after it failed to come up.
show_log() { # name
  echo "--- last lines of $logs/$1.log" >&2
  tail -n 25 "$logs/$1.log" >&2 || true
  echo "---" >&2
}

java=java
if [[ -n ${JAVA_HOME:-} ]]; then
  java=$JAVA_HOME/bin/java
fi
command -v "$java" >/dev/null 2>&1 || die "java is not on the PATH: install a JDK 17 or newer (or set JAVA_HOME)"
java_version=$("$java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
java_major=${java_version%%.*}
if ! [[ $java_major =~ ^[0-9]+$ ]] || ((java_major < 17)); then
  die "wavesync needs Java 17 or newer; $java is version ${java_version:-unknown}"
fi

port_open() { # port
  (
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$1"
  )
}

# An HTTP GET answered with 200, without curl: plain bash, so a fresh machine needs nothing more.
http_ok() { # port path
  local status_line
  status_line=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3 || exit 1
    IFS= read -r -t 3 line <&3 || exit 1
    printf '%s' "$line"
  ) || return 1
  [[ $status_line =~ ^HTTP/1\.[01]\ 200 ]]
}

# Starts a JVM in the background, detached from this shell, with its log and pid file.
start_java() { # name, then the java arguments
  local name=$1
  shift
  if [[ -f $logs/$name.log ]]; then
    mv -f "$logs/$name.log" "$logs/$name.log.1"
  fi
  nohup "$java" "-Dwavesync.local=$name" "$@" >"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pids/$name.pid"
}

# Waits until check succeeds; fails early if the process is gone. Prints nothing.
await_ready() { # name timeout-seconds check...
  local name=$1 timeout=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ! running_pid "$name" >/dev/null; then
      show_log "$name"
      die "$name exited while starting (log: $logs/$name.log)"
    fi
    if ((SECONDS >= deadline)); then
      show_log "$name"
      die "$name is not ready after $timeout s (log: $logs/$name.log)"
    fi
    sleep 0.2
  done
}

# --- build -------------------------------------------------------------------------------------

# What each component runs, relative to the repository root.
artifact_of() { # module
  case $1 in
    sandbox-cluster) echo sandbox-cluster/target/sandbox-cluster.jar ;;
    cli) echo cli/target/wavesync-cli.jar ;;
    *) echo "$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}

# Missing, or older than its main sources, its pom, the root pom or (except for the sandbox,
# which uses none of them) the shared libraries.
needs_build() { # module
  local artifact inputs=()
  artifact=$(artifact_of "$1")
  [[ -f $artifact ]] || return 0
  inputs=("$1/src/main" "$1/pom.xml" pom.xml)
  if [[ $1 != sandbox-cluster ]]; then
    local lib
    for lib in events-schema sync-engine kubernetes-support; do
      [[ -d $lib ]] && inputs+=("$lib/src/main" "$lib/pom.xml")
    done
  fi
  [[ -n $(find "${inputs[@]}" -newer "$artifact" -print -quit 2>/dev/null) ]]
}

build() {
  local modules=(sandbox-cluster cli) stale=() missing=() running=() m c t0
  for c in "${services[@]}"; do
    modules+=("$(module_of "$c")")
  done
  for m in "${modules[@]}"; do
    if [[ ! -d $m ]]; then
      missing+=("$m")
    elif needs_build "$m"; then
      stale+=("$m")
    fi
  done
  if ((${#missing[@]} > 0)); then
    say build "not in this checkout: ${missing[*]} (their components cannot start)"
  fi
  if ((${#stale[@]} == 0)); then
    say build "up to date"
    return
  fi
  for c in "${components[@]}"; do
    if running_pid "$c" >/dev/null; then
      running+=("$c")
    fi
  done
  if ((${#running[@]} > 0)); then
    # a build rewrites jars that running JVMs still read from
    say build "not rebuilding ${stale[*]} while ${running[*]} run:"
    say "" "deploy/local/down.sh && deploy/local/up.sh rebuilds and restarts"
    return
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn is not on the PATH, and ${stale[*]} must be built"
  t0=$(now_ms)
  local list
  list=$(IFS=,; echo "${stale[*]}")
  # the output goes to a log, shown only when the build fails
  if ! mvn -q -B -DskipTests package -pl "$list" -am >"$logs/build.log" 2>&1; then
    show_log build
    die "the build failed: mvn -B -DskipTests package -pl $list -am (log: $logs/build.log)"
  fi
  say build "built ${stale[*]}" $(($(now_ms) - t0))
}

# --- kafka -------------------------------------------------------------------------------------

fetch_kafka() {
  local marker=$kafka_libs/.fetched t0
  if [[ -f $marker && $marker -nt $kafka_conf/pom.xml ]]; then
    return
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn is not on the PATH, and the Kafka jars must be fetched"
  t0=$(now_ms)
  rm -rf "$kafka_libs"
  if ! mvn -q -B -f "$kafka_conf/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$kafka_libs" >"$logs/kafka-fetch.log" 2>&1; then
    show_log kafka-fetch
    die "fetching the Kafka broker jars from Maven Central failed (log: $logs/kafka-fetch.log)"
  fi
  touch "$marker"
  say jars "fetched Apache Kafka 4.1.2 into .local/kafka/libs" $(($(now_ms) - t0))
}

kafka_java_opts=(-Dlog4j2.configurationFile="$kafka_conf/log4j2.properties" -cp "$kafka_libs/*")
kafka_t0=
kafka_new=false

start_kafka() {
  local p
  if running_pid kafka >/dev/null; then
    return
  fi
  for p in "$(port_of kafka)" 9093; do
    port_open "$p" && die "port $p is in use by a process up.sh did not start; stop it first"
  done
  kafka_t0=$(now_ms)
  if [[ ! -f $state/kafka/data/meta.properties ]]; then
    # a new cluster: the planner's local store belongs to the old one and would be restored
    # against topics that no longer hold its changelog
    rm -rf "$state/planner-state" "$state/kafka/topics.created"
    local cluster_id
    cluster_id=$("$java" -cp "$kafka_libs/*" kafka.tools.StorageTool random-uuid)
    "$java" "${kafka_java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$kafka_conf/server.properties" >"$logs/kafka-format.log" 2>&1 ||
      die "formatting the broker's storage failed (log: $logs/kafka-format.log)"
  fi
  start_java kafka -Xms256m -Xmx512m "${kafka_java_opts[@]}" kafka.Kafka "$kafka_conf/server.properties"
  kafka_new=true
}

await_kafka() {
  local pid topics_done=$state/kafka/topics.created
  pid=$(running_pid kafka) || die "kafka is not running"
  if ! $kafka_new && [[ -f $topics_done && $topics_done -nt $pids/kafka.pid ]] && port_open "$(port_of kafka)"; then
    say kafka "already running on $bootstrap (pid $pid)"
    return
  fi
  [[ -n $kafka_t0 ]] || kafka_t0=$(now_ms)
  await_ready kafka 90 port_open "$(port_of kafka)"
  # TopicCommand --list answers once the broker serves requests; then the topics are created
  "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${kafka_java_opts[@]}" \
    "$kafka_conf/CreateTopics.java" "$bootstrap" >"$logs/topics.log" 2>&1 || {
    show_log topics
    die "creating the topics failed (log: $logs/topics.log)"
  }
  touch "$topics_done"
  say kafka "ready on $bootstrap, $(tail -n 1 "$logs/topics.log") (pid $pid)" $(($(now_ms) - kafka_t0))
}

# --- sandbox cluster ---------------------------------------------------------------------------

sandbox_t0=
sandbox_new=false

start_sandbox() {
  local jar
  jar=$(artifact_of sandbox-cluster)
  if running_pid sandbox >/dev/null; then
    return
  fi
  [[ -f $jar ]] || die "$jar is missing: the sandbox cluster cannot start"
  port_open "$(port_of sandbox)" && die "port $(port_of sandbox) is in use by a process up.sh did not start; stop it first"
  sandbox_t0=$(now_ms)
  start_java sandbox -Xmx256m -XX:+UseSerialGC -jar "$jar" \
    --host 127.0.0.1 --port "$(port_of sandbox)" --kubeconfig "$kubeconfig"
  sandbox_new=true
}

await_sandbox() {
  local pid
  pid=$(running_pid sandbox) || die "the sandbox cluster is not running"
  if ! $sandbox_new && http_ok "$(port_of sandbox)" /version; then
    say sandbox "already running on $sandbox_url (pid $pid)"
    return
  fi
  [[ -n $sandbox_t0 ]] || sandbox_t0=$(now_ms)
  await_ready sandbox 60 http_ok "$(port_of sandbox)" /version
  say sandbox "ready on $sandbox_url (pid $pid)" $(($(now_ms) - sandbox_t0))
}

# --- services ----------------------------------------------------------------------------------

not_started=()
started_now=()
services_t0=

start_service() { # name
  local name=$1 jar
  jar=$(artifact_of "$(module_of "$name")")
  if running_pid "$name" >/dev/null; then
    return
  fi
  if [[ ! -f $jar ]]; then
    not_started+=("$name")
    return
  fi
  port_open "$(port_of "$name")" &&
    die "port $(port_of "$name") is in use by a process up.sh did not start; stop it first"
  local extra=()
  if [[ $name == planner ]]; then
    # the store survives restarts; a stable member id takes the partitions back at once
    extra=(-Dkafka-streams.state.dir="$state/planner-state"
      -Dkafka-streams.group.instance.id=planner-local-0)
  fi
  # memory flags: docs/benchmarks.md ("Memory") has what each saves; glibc's per-thread malloc
  # arenas are capped at two, which Kafka clients' and Netty's many threads otherwise multiply
  MALLOC_ARENA_MAX=2 start_java "$name" "${service_java_opts[@]}" \
    -Dquarkus.http.port="$(port_of "$name")" \
    -Dkafka.bootstrap.servers="$bootstrap" \
    -Dquarkus.kubernetes-client.api-server-url="$sandbox_url" \
    -Dquarkus.kubernetes-client.namespace=default \
    "${extra[@]}" -jar "$jar"
  started_now+=("$name")
}

await_service() { # name
  local name=$1 pid jar note="" t0
  jar=$(artifact_of "$(module_of "$name")")
  if [[ " ${not_started[*]} " == *" $name "* ]]; then
    say "$name" "NOT STARTED: $jar is missing"
    return
  fi
  pid=$(running_pid "$name") || die "$name is not running"
  if [[ $jar -nt $pids/$name.pid ]]; then
    note=", an older build"
  fi
  local port url
  port=$(port_of "$name")
  url=http://127.0.0.1:$port
  if [[ " ${started_now[*]} " != *" $name "* ]] && http_ok "$port" /q/health/ready; then
    say "$name" "already running on $url (pid $pid$note)"
    return
  fi
  # the services start together: each one's time counts from then
  t0=${services_t0:-$(now_ms)}
  await_ready "$name" 120 http_ok "$port" /q/health/ready
  say "$name" "ready on $url (pid $pid$note)" $(($(now_ms) - t0))
}

# --- prometheus (--with-prometheus) -------------------------------------------------------------

prometheus_port=$(port_of prometheus)
prometheus_t0=

# Debian's prometheus package when /usr/bin/prometheus is missing; without recommends, so that no
# node exporter comes along.
install_prometheus() {
  [[ -x $prometheus_bin ]] && return
  command -v apt-get >/dev/null 2>&1 ||
    die "--with-prometheus: $prometheus_bin is missing and there is no apt-get to install Debian's prometheus package; install Prometheus so that $prometheus_bin exists, or run without --with-prometheus"
  local sudo=() t0
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 ||
      die "--with-prometheus: $prometheus_bin is missing, and installing Debian's prometheus package needs root or sudo: run 'apt-get install prometheus' as root, or run without --with-prometheus"
    sudo=(sudo)
  fi
  t0=$(now_ms)
  say prometheus "installing Debian's prometheus package (${sudo[*]:+sudo }apt-get install prometheus)"
  if ! { "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } \
    >"$logs/prometheus-install.log" 2>&1 </dev/null; then
    show_log prometheus-install
    die "--with-prometheus: installing Debian's prometheus package failed (log: $logs/prometheus-install.log); install it by hand or run without --with-prometheus"
  fi
  [[ -x $prometheus_bin ]] ||
    die "--with-prometheus: the prometheus package is installed but $prometheus_bin is missing"
  say prometheus "installed $("$prometheus_bin" --version 2>&1 | head -n 1 || true)" $(($(now_ms) - t0))
}

# The scrape of the four services every second, and the alerting rules of deploy/prometheus.
write_prometheus_config() {
  local s job
  mkdir -p "$prometheus_dir/data"
  {
    echo "# written by deploy/local/up.sh --with-prometheus; rewritten at every start"
    echo "global:"
    echo "  scrape_interval: 1s"
    echo "  scrape_timeout: 1s"
    echo "  evaluation_interval: 1s"
    echo "rule_files:"
    echo "  - $root/deploy/prometheus/alerts.rules.yml"
    echo "scrape_configs:"
    for s in "${services[@]}"; do
      # the job names of the Kubernetes Services, so that the same queries work in both places
      job=wavesync-$(module_of "$s")
      job=${job%-service}
      echo "  - job_name: $job"
      echo "    metrics_path: /q/metrics"
      echo "    static_configs:"
      echo "      - targets: ['127.0.0.1:$(port_of "$s")']"
    done
  } >"$prometheus_conf"
}

start_prometheus() {
  if running_pid prometheus >/dev/null; then
    return
  fi
  install_prometheus
  port_open "$prometheus_port" &&
    die "port $prometheus_port is in use by a process up.sh did not start (Debian's prometheus service? sudo systemctl disable --now prometheus); stop it first"
  write_prometheus_config
  if [[ -f $logs/prometheus.log ]]; then
    mv -f "$logs/prometheus.log" "$logs/prometheus.log.1"
  fi
  prometheus_t0=$(now_ms)
  # the configuration file under .local is what marks this process as ours (common.sh: is_ours)
  nohup "$prometheus_bin" --config.file="$prometheus_conf" \
    --storage.tsdb.path="$prometheus_dir/data" --storage.tsdb.retention.time=7d \
    --web.listen-address="127.0.0.1:$prometheus_port" >"$logs/prometheus.log" 2>&1 </dev/null &
  echo $! >"$pids/prometheus.pid"
}

await_prometheus() {
  local pid
  pid=$(running_pid prometheus) || die "prometheus is not running"
  if [[ -z $prometheus_t0 ]] && http_ok "$prometheus_port" /-/ready; then
    say prometheus "already running on http://127.0.0.1:$prometheus_port (pid $pid)"
    return
  fi
  [[ -n $prometheus_t0 ]] || prometheus_t0=$(now_ms)
  await_ready prometheus 60 http_ok "$prometheus_port" /-/ready
  say prometheus "ready on http://127.0.0.1:$prometheus_port (pid $pid)" $(($(now_ms) - prometheus_t0))
}

# --- the stack ---------------------------------------------------------------------------------

echo "wavesync local stack: logs and state in $state"
build
fetch_kafka
start_kafka
# the sandbox needs nothing from Kafka: let it start while the broker does
start_sandbox
await_kafka
await_sandbox

services_t0=$(now_ms)
for s in "${services[@]}"; do
  start_service "$s"
done
if $with_prometheus; then
  start_prometheus
fi
for s in "${services[@]}"; do
  await_service "$s"
done
if $with_prometheus; then
  await_prometheus
fi
say stack "ready" $(($(now_ms) - started_at))

status=0
if ((${#not_started[@]} > 0)); then
  echo
  echo "Not started: ${not_started[*]} (jar missing); the pipeline cannot run a sync without them."
  status=1
elif $demo; then
  echo
  echo "\$ bin/wavesync sync hooks-demo -f examples/hooks-demo --namespace hooks-demo --follow"
  WAVESYNC_BOOTSTRAP_SERVERS=$bootstrap "$root/bin/wavesync" sync hooks-demo \
    -f examples/hooks-demo --namespace hooks-demo --follow || status=$?
fi

cat <<TXT

Kafka        $bootstrap          bin/wavesync status hooks-demo
Kubernetes   $sandbox_url    KUBECONFIG=.local/kubeconfig kubectl get jobs -A
Services     planner :$(port_of planner)  runner :$(port_of runner)  watcher :$(port_of watcher)  cleanup :$(port_of cleanup)   (/q/health, /q/metrics)
Logs         .local/logs/<component>.log
Stop         deploy/local/down.sh
TXT
if running_pid prometheus >/dev/null; then
  echo "Prometheus   http://127.0.0.1:$prometheus_port   alerts: /alerts   rules: deploy/prometheus/alerts.rules.yml"
fi
exit "$status"
