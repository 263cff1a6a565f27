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

URI=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [[ -z "$URI" ]]; then
  URI=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
if [[ -z "$URI" ]]; then
  echo "compose-v2: cannot find a Debian mirror URI in the apt sources" >&2
  exit 1
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/lists/partial" "$TMP/archives/partial"
echo "deb $URI trixie main" > "$TMP/sources.list"
APT_OPTS=(-o "Dir::Etc::SourceList=$TMP/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$TMP/lists" -o "Dir::Cache::Archives=$TMP/archives" -q)
apt-get "${APT_OPTS[@]}" update >/dev/null
(cd "$TMP" && apt-get "${APT_OPTS[@]}" download docker-compose >/dev/null)
DEB=$(ls "$TMP"/docker-compose_*.deb | head -n1)
dpkg -x "$DEB" "$TMP/x"
mkdir -p "$(dirname "$DEST")"
install -m 0755 "$TMP/x/usr/libexec/docker/cli-plugins/docker-compose" "$DEST"
echo "compose-v2: installed $("$DEST" version --short 2>/dev/null || echo '?') at $DEST"
