#!/usr/bin/env bash
# Two local image registries (Debian's docker-registry, distribution 2.8) on loopback for the push/pull/auth tests:
#   127.0.0.1:5000  no authentication
#   127.0.0.1:5001  htpasswd (basic) authentication, user "berth-test", password "berth-test-password"
# Each has its own config and storage under /var/lib/berth-registry-*. Loopback registries are "insecure" (plain HTTP)
# by default in dockerd, so no TLS is needed. Idempotent: a registry that already answers is left alone.
# The tests read the addresses from berth.registry.plain / berth.registry.auth (these values are the defaults).
set -euo pipefail

PLAIN_ADDR=127.0.0.1:5000
AUTH_ADDR=127.0.0.1:5001
AUTH_USER=berth-test
AUTH_PASSWORD=berth-test-password

need=()
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "registry: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# answers ADDR: 0 when something speaks the registry API (200 or 401 on /v2/) at ADDR
answers() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$1/v2/" || true)
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

# start NAME ADDR [AUTH]: writes /var/lib/berth-registry-NAME/config.yml and starts the registry unless it answers
start() {
  local name=$1 addr=$2 auth=${3:-}
  local dir=/var/lib/berth-registry-$name
  if answers "$addr"; then
    echo "registry: $name already answering on $addr"
    return 0
  fi
  mkdir -p "$dir/storage"
  {
    echo "version: 0.1"
    echo "log:"
    echo "  level: warn"
    echo "storage:"
    echo "  filesystem:"
    echo "    rootdirectory: $dir/storage"
    echo "  delete:"
    echo "    enabled: true"
    echo "http:"
    echo "  addr: $addr"
    if [ -n "$auth" ]; then
      echo "auth:"
      echo "  htpasswd:"
      echo "    realm: berth-test-registry"
      echo "    path: $dir/htpasswd"
    fi
  } > "$dir/config.yml"
  if [ -n "$auth" ]; then
    htpasswd -Bbn "$AUTH_USER" "$AUTH_PASSWORD" > "$dir/htpasswd"
  fi
  setsid docker-registry serve "$dir/config.yml" >"/var/log/berth-registry-$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/pid"
  for _ in $(seq 1 30); do
    if answers "$addr"; then
      echo "registry: $name ready on $addr"
      return 0
    fi
    sleep 0.5
  done
  echo "registry: $name did not start on $addr; its log:" >&2
  tail -20 "/var/log/berth-registry-$name.log" >&2
  return 1
}

start plain "$PLAIN_ADDR"
start auth "$AUTH_ADDR" htpasswd
