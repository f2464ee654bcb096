#!/usr/bin/env bash
# Stops the local wavesync stack: exactly the processes deploy/local/up.sh started (Prometheus too,
# when it was started with --with-prometheus), found by their pid files under .local/pids. Each gets SIGTERM, then SIGKILL if it is still there after a grace
# period. The pid files are removed; logs and data under .local/ stay.
#
# Usage: deploy/local/down.sh
set -euo pipefail

if (($# > 0)); then
  case $1 in
    -h | --help)
      echo "Usage: deploy/local/down.sh   (stops what deploy/local/up.sh started)"
      exit 0
      ;;
    *)
      echo "down.sh: unknown argument '$1'" >&2
      exit 2
      ;;
  esac
fi

script=${BASH_SOURCE[0]}
while [ -L "$script" ]; do
  dir=$(cd -P "$(dirname "$script")" && pwd)
  script=$(readlink "$script")
  case $script in /*) ;; *) script=$dir/$script ;; esac
done
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(cd -P "$(dirname "$script")" && pwd)/common.sh"

# Stops a group of components together and waits for all of them.
stop() { # grace-seconds names...
  local grace=$1 name pid
  shift
  local names=() pids_of=() t0
  t0=$(now_ms)
  for name in "$@"; do
    if pid=$(running_pid "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      names+=("$name")
      pids_of+=("$pid")
    elif [[ -f $pids/$name.pid ]]; then
      rm -f "$pids/$name.pid"
    fi
  done
  local deadline=$((SECONDS + grace)) i
  for i in "${!names[@]}"; do
    name=${names[$i]}
    pid=${pids_of[$i]}
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      printf '%-9s killed (pid %s): still running %d s after SIGTERM\n' "$name" "$pid" "$grace"
    else
      printf '%-9s stopped (pid %s) %s\n' "$name" "$pid" "$(seconds $(($(now_ms) - t0)))"
    fi
    rm -f "$pids/$name.pid"
  done
}

if ! compgen -G "$pids/*.pid" >/dev/null; then
  echo "nothing to stop: no pid files in $pids"
  exit 0
fi

# Prometheus (up.sh --with-prometheus) first, so that it does not record the services going away;
# the services next, while Kafka is still there for them to leave cleanly; the broker last
stop 10 prometheus
stop 20 "${services[@]}"
stop 10 sandbox
stop 30 kafka
