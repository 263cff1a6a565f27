#!/usr/bin/env bash
# An isolated parent link for macvlan network tests: a bridge with no uplink and no address, so macvlan containers
# can only reach each other. Idempotent. (The VM kernel has macvlan but no dummy links, so the engine cannot make
# its own parent.)
set -euo pipefail
if ! ip link show berth-mvl0 >/dev/null 2>&1; then
  ip link add berth-mvl0 type bridge
fi
ip link set berth-mvl0 up
