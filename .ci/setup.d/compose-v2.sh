#!/usr/bin/env bash
# Installs the Docker Compose v2 binary (Debian trixie's docker-compose 2.26.x) used as the
# differential oracle by the compose module's conformance tests. Idempotent: does nothing when present.
# The system's apt sources are not changed: a temporary sources list and state directory are used.
set -euo pipefail

DEST=/opt/berth-peers/compose-v2/docker-compose
if [[ -x "$DEST" ]] && "$DEST" version >/dev/null 2>&1; then
  echo "compose-v2: already installed at $DEST ($("$DEST" version --short 2>/dev/null || true))"
  exit 0
fi

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../lib/trixie.sh
. "$here/lib/trixie.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
trixie_download "$TMP" docker-compose
DEB=$(ls "$TMP"/docker-compose_*.deb | head -n1)
dpkg -x "$DEB" "$TMP/x"
mkdir -p "$(dirname "$DEST")"
install -m 0755 "$TMP/x/usr/libexec/docker/cli-plugins/docker-compose" "$DEST"
echo "compose-v2: installed $("$DEST" version --short 2>/dev/null || echo '?') at $DEST"
