#!/usr/bin/env bash
# Stops a testbed started by start.sh: SIGTERM to each process by its own PID, wait up to 5 s, then SIGKILL.
# Removes the run directory afterwards unless KEEP_RUN=1. Usage: stop.sh RUN_DIR
set -u
RUN=${1:?usage: stop.sh RUN_DIR}
# A zombie counts as stopped: its parent (our caller's shell) may not have reaped it yet.
alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }

stop_pid_file() {
  local file=$RUN/$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.05; done
    if alive "$pid"; then
      echo "dns-testbed: $1 ($pid) ignored SIGTERM for 5 s, sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$file"
}

# The watcher calls this script itself; it must not kill the process running us.
[ "${TESTBED_FROM_WATCHER:-0}" = 1 ] || stop_pid_file watcher.run.pid
stop_pid_file dnsdist.run.pid
stop_pid_file named.run.pid
[ "${KEEP_RUN:-0}" = 1 ] || rm -rf "$RUN"
