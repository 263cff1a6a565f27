#!/usr/bin/env bash
# Runs the README's test command against another engine, e.g. the Docker 26 engine that .ci/setup.d/engine-26.sh
# starts:   bash .ci/lib/suite-on.sh unix:///var/run/docker-26.sock [extra mvn args]
# Every test that needs "the engine" takes it from DOCKER_HOST (Berth's Engine.fromEnv(), the docker CLI, Docker
# Compose v2), so the whole suite runs there. The walk-throughs' images are copied from the main engine first: they
# install Debian packages, and the second engine has no outbound NAT (it runs without iptables so as not to disturb
# the main engine). Needs the main engine to have them (run the suite there first).
set -euo pipefail
cd "$(dirname "$0")/../.."
host=${1:?usage: suite-on.sh DOCKER_HOST [mvn args]}
shift
images=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^berth-examples/' || true)
if [ -n "$images" ]; then
  missing=()
  for i in $images; do
    DOCKER_HOST=$host docker image inspect "$i" >/dev/null 2>&1 || missing+=("$i")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== copying ${#missing[@]} walk-through images to $host"
    docker save "${missing[@]}" | DOCKER_HOST=$host docker load -q
  fi
fi
echo "== engine: $(DOCKER_HOST=$host docker version --format 'Docker {{.Server.Version}}, API {{.Server.APIVersion}}')"
DOCKER_HOST=$host mvn -B verify "$@"
