# Shared by up.sh and down.sh (sourced, not run): where things are, and which processes are ours.
# The variables below are read by the scripts that source this file.
# shellcheck shell=bash disable=SC2034

# The repository root, found from this file's location (following symlinks to the scripts).
local_dir=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd -P "$local_dir/../.." && pwd)
state=$root/.local
logs=$state/logs
pids=$state/pids

# The components, in start order; the four services start together.
components=(kafka sandbox planner runner watcher cleanup)
services=(planner runner watcher cleanup)

# JVM flags of the four services (docs/benchmarks.md, "Memory"): a small serial-collected heap
# that is given back when idle, bounded metaspace and code cache, smaller thread stacks, and the
# C1 compiler only (C2 and its compiled code cost about 20 MiB per service for little gain here).
service_java_opts=(-Xmx128m -Xms16m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10
  -XX:MaxHeapFreeRatio=30 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k
  -XX:TieredStopAtLevel=1)

port_of() { # name
  case $1 in
    kafka) echo 9092 ;;
    sandbox) echo 18080 ;;
    planner) echo 8081 ;;
    runner) echo 8082 ;;
    watcher) echo 8083 ;;
    cleanup) echo 8084 ;;
    prometheus) echo 9090 ;;
  esac
}

# Prometheus (up.sh --with-prometheus): Debian's package, its configuration and data under .local.
prometheus_bin=/usr/bin/prometheus
prometheus_dir=$state/prometheus
prometheus_conf=$prometheus_dir/prometheus.yml

module_of() { # service name
  case $1 in
    planner) echo planner-service ;;
    runner) echo phase-runner-service ;;
    watcher) echo hook-watcher-service ;;
    cleanup) echo cleanup-service ;;
  esac
}

# Every process up.sh starts carries -Dwavesync.local=<name> as its first argument, so that a pid
# file is trusted only while its process is still the one started: a pid may have been reused.
# Prometheus is no JVM: its configuration file under .local marks it instead.
is_ours() { # name pid
  local args marker="-Dwavesync.local=$1 "
  if [[ $1 == prometheus ]]; then
    marker="--config.file=$prometheus_conf"
  fi
  args=$(ps -ww -p "$2" -o args= 2>/dev/null) || return 1
  [[ $args == *"$marker"* ]]
}

# Prints the pid of the component if the process up.sh started for it still runs; removes a pid
# file that no longer names it.
running_pid() { # name
  local file=$pids/$1.pid pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && is_ours "$1" "$pid"; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# Milliseconds since the epoch; bash 5 has the clock built in, older shells get whole seconds.
now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo $((t / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}

# "1.2 s" for a number of milliseconds.
seconds() { # ms
  printf '%d.%d s' $(($1 / 1000)) $((($1 % 1000) / 100))
}
