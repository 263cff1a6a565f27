#!/usr/bin/env bash
# A Docker engine that the fault-injection tests may stop, kill and restart: the system's dockerd (20.10) on its own
# socket, data root and exec root, in its own network namespace (berthfault), so that restarting it never disturbs the
# main engine: started in the host's namespace, a second dockerd's start-up deleted the main engine's docker0 bridge.
# Its socket is a file, reachable from the host. Usage: fault-engine.sh start | stop | kill | restart | status
#   start    starts it unless it answers; waits until it answers (at most 60 s)
#   stop     SIGTERM, waits until the process is gone (dockerd stops its containers first)
#   kill     SIGKILL to dockerd: the engine vanishes mid-call, as after a crash
#   restart  stop, then start
set -euo pipefail
sock=/var/run/docker-fault.sock
pidfile=/var/run/docker-fault.pid
log=/var/log/dockerd-fault.log

cpidfile=/var/run/docker-fault/containerd/containerd.pid

answers() { DOCKER_HOST=unix://$sock timeout 5 docker version >/dev/null 2>&1; }

pid() { [ -f "$pidfile" ] && cat "$pidfile" 2>/dev/null || true; }

await_gone() {
  local p=$1
  for _ in $(seq 1 300); do
    kill -0 "$p" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "fault engine (pid $p) did not exit within 30 s" >&2
  return 1
}

# The containerd a killed dockerd started dies with it (dockerd gives it a parent-death SIGKILL), but not at once, and
# until it is reaped `kill -0` still finds it. A dockerd started in that window reads containerd's pid file, takes the
# dying process for a live containerd ("containerd is still running"), and then retries its socket for minutes instead
# of starting a new one (seen in CI: the restart outlived start's 60 s). So wait until that containerd is gone or a
# zombie (at most 10 s), then drop its pid file: the next dockerd starts its own containerd.
forget_dead_containerd() {
  local p state
  p=$(cat "$cpidfile" 2>/dev/null || true)
  [ -n "$p" ] || return 0
  for _ in $(seq 1 100); do
    [ "$(cat /proc/"$p"/comm 2>/dev/null || true)" = containerd ] || break # gone (or the pid is someone else's)
    state=$(awk '{print $3}' /proc/"$p"/stat 2>/dev/null || true)
    [ "$state" = Z ] && break
    sleep 0.1
  done
  rm -f "$cpidfile"
}

start() {
  answers && return 0
  local p
  p=$(pid)
  if ! { [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }; then
    forget_dead_containerd # no dockerd: whatever containerd it left is dying
  fi
  mkdir -p /var/lib/docker-fault /var/run/docker-fault
  if ! [ -e /var/run/netns/berthfault ]; then
    ip netns add berthfault
    ip -n berthfault link set lo up
  fi
  # nsenter, not `ip netns exec`: that remounts /sys and dockerd then fails ("Devices cgroup isn't mounted").
  setsid nsenter --net=/var/run/netns/berthfault dockerd --data-root /var/lib/docker-fault \
    --exec-root /var/run/docker-fault --pidfile "$pidfile" -H "unix://$sock" \
    >>"$log" 2>&1 < /dev/null &
  for _ in $(seq 1 600); do
    answers && return 0
    sleep 0.1
  done
  echo "fault engine did not start; see $log" >&2
  tail -20 "$log" >&2
  return 1
}

stop() {
  local p
  p=$(pid)
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 0
  kill -TERM "$p"
  await_gone "$p"
}

hard_kill() {
  local p
  p=$(pid)
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 0
  kill -KILL "$p"
  await_gone "$p"
  forget_dead_containerd
  # containerd-shim processes outlive a killed dockerd; the next start reattaches to them or cleans them up.
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  kill) hard_kill ;;
  restart) stop; start ;;
  status) answers && echo "up: unix://$sock" || { echo "down"; exit 1; } ;;
  *) echo "usage: $0 start|stop|kill|restart|status" >&2; exit 2 ;;
esac
