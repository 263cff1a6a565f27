#!/usr/bin/env bash
# Tools the swarm module's three-node test harness (LocalCluster) runs as root: ip (iproute2) for the bridge, veth
# pairs and network namespaces, nsenter (util-linux) to start a dockerd in each namespace, iptables for the
# DOCKER-USER rule. docker.io brings iptables; iproute2 is only a recommendation of Debian's base image.
# Idempotent: installs nothing when the tools are there.
set -euo pipefail
need=()
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v nsenter >/dev/null 2>&1 || need+=(util-linux)
command -v iptables >/dev/null 2>&1 || need+=(iptables)
if [ ${#need[@]} -gt 0 ]; then
  echo "swarm-harness: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "swarm-harness: ip, nsenter and iptables present"
