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

port_of() { # name
  case $1 in
    kafka) echo 9092 ;;
    sandbox) echo 18080 ;;
    planner) echo 8081 ;;
    runner) echo 8082 ;;
    watcher) echo 8083 ;;
    cleanup) echo 8084 ;;
  esac
}

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
is_ours() { # name pid
  local args
  args=$(ps -ww -p "$2" -o args= 2>/dev/null) || return 1
  [[ $args == *"-Dwavesync.local=$1 "* ]]
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
