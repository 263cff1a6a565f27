#!/usr/bin/env bash
# A second, newer engine (Docker 26.1.5, API 1.45) beside the system one, for the API-version matrix tests and for
# running the whole suite on a second engine (.ci/lib/suite-on.sh). Its dockerd and containerd come from Debian
# trixie; runc stays bookworm's. It uses its own bridge (never "--bridge none": that makes dockerd delete the main
# engine's docker0), its own address pool (10.226.0.0/16, so its networks never take the main engine's subnets) and
# no iptables rules of its own, so it cannot disturb the main engine; the few rules it needs are added here: the main
# engine's FORWARD policy is DROP, so traffic on this engine's bridges is accepted in DOCKER-USER, and its containers
# reach outside through a MASQUERADE rule. It also listens on TLS tcp://127.0.0.1:23760 with certificates made here.
# Its network store is removed before each start: a dockerd with a default address pool that finds its previous
# default "bridge" network in the store deletes the interface named docker0 — the main engine's bridge (moby
# daemon_unix.go configureNetworking, skipped only with --live-restore, which swarm mode refuses). Networks of a
# previous start are leftovers of an interrupted run; swarm-scoped networks live in the swarm's raft store, not there.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=/opt/berth-peers/docker26
sock=/var/run/docker-26.sock
if ! [ -x "$root/usr/sbin/dockerd" ]; then
  # shellcheck source=../lib/trixie.sh
  . "$here/lib/trixie.sh"
  debs=$(mktemp -d)
  trixie_download "$debs" docker.io containerd
  mkdir -p "$root"
  for d in "$debs"/*.deb; do dpkg -x "$d" "$root"; done
  rm -rf "$debs"
fi
tls=/opt/berth-peers/tls
if ! [ -f "$tls/client/key.pem" ]; then
  # A CA, a server certificate for 127.0.0.1 and a client certificate, as `docker --tlsverify` expects them.
  mkdir -p "$tls/client"
  (
    cd "$tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=berth-test-ca" \
      -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=berth-client" -keyout client/key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile client.ext -out client/cert.pem 2>/dev/null
    cp ca.pem client/ca.pem
  )
fi
pools="172.31.250.0/24 10.226.0.0/16"
rules() {
  for net in $pools; do
    iptables -C DOCKER-USER -s "$net" -j ACCEPT 2>/dev/null || iptables -I DOCKER-USER -s "$net" -j ACCEPT
    iptables -C DOCKER-USER -d "$net" -j ACCEPT 2>/dev/null || iptables -I DOCKER-USER -d "$net" -j ACCEPT
    iptables -t nat -C POSTROUTING -s "$net" ! -d "$net" -j MASQUERADE 2>/dev/null \
      || iptables -t nat -A POSTROUTING -s "$net" ! -d "$net" -j MASQUERADE
  done
}
if DOCKER_HOST=unix://$sock timeout 5 docker version >/dev/null 2>&1; then
  if grep -q 10.226.0.0 "/proc/$(cat /var/run/docker-26.pid)/cmdline" 2>/dev/null; then
    rules
    exit 0
  fi
  echo "engine 26: restarting it with its own address pool"
  kill "$(cat /var/run/docker-26.pid)"
  pid=$(cat /var/run/docker-26.pid)
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
fi
mkdir -p /var/lib/docker-26 /var/run/docker-26
rm -f /var/lib/docker-26/network/files/local-kv.db
if ! ip link show br-berth26 >/dev/null 2>&1; then
  ip link add br-berth26 type bridge
  ip addr add 172.31.250.1/24 dev br-berth26
  ip link set br-berth26 up
fi
PATH="$root/usr/bin:$root/usr/sbin:$PATH" setsid "$root/usr/sbin/dockerd" \
  --data-root /var/lib/docker-26 --exec-root /var/run/docker-26 --pidfile /var/run/docker-26.pid \
  -H unix://$sock -H tcp://127.0.0.1:23760 \
  --tlsverify --tlscacert "$tls/ca.pem" --tlscert "$tls/server-cert.pem" --tlskey "$tls/server-key.pem" \
  --bridge br-berth26 --iptables=false --ip-masq=false --default-address-pool base=10.226.0.0/16,size=24 \
  >/var/log/dockerd-26.log 2>&1 < /dev/null &
for _ in $(seq 1 60); do
  if DOCKER_HOST=unix://$sock docker version >/dev/null 2>&1; then
    echo "engine 26 ready on $sock: API $(DOCKER_HOST=unix://$sock docker version -f '{{.Server.APIVersion}}')"
    rules
    exit 0
  fi
  sleep 1
done
echo "engine 26 did not start; see /var/log/dockerd-26.log" >&2
tail -20 /var/log/dockerd-26.log >&2
exit 1
