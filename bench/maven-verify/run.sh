#!/usr/bin/env bash
# Times `mvn -o verify` of the sample project with the Berth plugin (-Pberth) and with fabric8's docker-maven-plugin
# (-Pfabric8), alternating which goes first each round, on the engine DOCKER_HOST names. For each run it prints the
# wall time and the time spent in the Docker plugin's own goals (from Maven's timestamped goal headers: build, up/start,
# down/stop), then the medians. Usage: run.sh LOCAL_REPO ROUNDS
# LOCAL_REPO must hold an installed Berth and, after one online run of each profile, fabric8 0.49.0 (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")"
repo=$1; rounds=${2:-5}
cp /bin/busybox busybox
out=$(mktemp -d)
one() {   # one PROFILE: prints "WALL_MS PLUGIN_MS" of one mvn -o verify; fails if the build fails
  local start end log=$out/$1.log
  start=$(date +%s%N)
  if ! mvn -B -o "-P$1" verify -Dmaven.repo.local="$repo" -Dorg.slf4j.simpleLogger.showDateTime=true \
       -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS > "$log" 2>&1; then
    echo "mvn -P$1 verify failed:" >&2; tail -30 "$log" >&2; exit 1
  fi
  end=$(date +%s%N)
  # a goal lasts from its "--- plugin:version:goal" header to the next header (or BUILD SUCCESS)
  local plugin
  plugin=$(awk -v p="$2" '
    function ms(t) { split(t, a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
    / --- | BUILD SUCCESS/ { now = ms($1); if (inside) total += now - since; inside = index($0, " --- " p ":") > 0; since = now }
    END { print total }' "$log")
  echo "$(( (end - start) / 1000000 )) $plugin"
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
one berth berth-maven-plugin > /dev/null; one fabric8 docker-maven-plugin > /dev/null   # warm-up
echo "round berth_wall_ms fabric8_wall_ms wall_ratio berth_goals_ms fabric8_goals_ms goals_ratio loadavg"
for i in $(seq 1 "$rounds"); do
  if (( i % 2 )); then b=$(one berth berth-maven-plugin); f=$(one fabric8 docker-maven-plugin)
  else f=$(one fabric8 docker-maven-plugin); b=$(one berth berth-maven-plugin); fi
  set -- $b $f
  printf '%d %d %d %.3f %d %d %.3f %s\n' "$i" "$1" "$3" "$(awk "BEGIN{print $1/$3}")" "$2" "$4" \
    "$(awk "BEGIN{print $2/$4}")" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" | tee -a "$out/rounds"
done
bw=$(cut -d' ' -f2 "$out/rounds" | median); fw=$(cut -d' ' -f3 "$out/rounds" | median)
bg=$(cut -d' ' -f5 "$out/rounds" | median); fg=$(cut -d' ' -f6 "$out/rounds" | median)
wr=$(cut -d' ' -f4 "$out/rounds" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
gr=$(cut -d' ' -f7 "$out/rounds" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
echo "medians: wall berth $bw ms, fabric8 $fw ms (median per-round ratio $wr);" \
     "plugin goals berth $bg ms, fabric8 $fg ms (median per-round ratio $gr); rounds $rounds"
rm -rf "$out" busybox
