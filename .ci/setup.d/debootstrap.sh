#!/usr/bin/env bash
# debootstrap, with which the examples' walk-throughs make their Debian bookworm base image (no registry is reachable
# here). Idempotent: does nothing when installed. The image itself is made by the first walk-through that needs it and
# stays on the engine, tagged by a hash of its inputs, so later runs reuse it.
set -euo pipefail
if [ -x /usr/sbin/debootstrap ]; then
  echo "debootstrap: already installed ($(dpkg-query -W -f '${Version}' debootstrap 2>/dev/null || echo '?'))"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
echo "debootstrap: installed $(dpkg-query -W -f '${Version}' debootstrap)"
