#!/usr/bin/env bash
# Start-up time and resident memory of the OneStop jar on the embedded PostgreSQL (demo profile).
# Usage: mvn -B -q -DskipTests package && docs/bench/startup.sh [runs]
# Each run starts the jar on the same data directory (the first, unmeasured run creates it), waits
# for "Started OneStopApplication", reads the JVM's RSS (plus the PostgreSQL processes' PSS) and
# stops the JVM. Prints one line per run and the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=$(ls target/onestop-*.jar | grep -v original | head -n 1)
data=$(mktemp -d)
port=18089

start() {
  java -jar "$jar" --server.port=$port --onestop.embedded-db.data-dir="$data/pg" --onestop.embedded-db.port=0 \
    > "$data/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "Started OneStopApplication" "$data/log" && break
    sleep 0.2
  done
  secs=$(grep -o "Started OneStopApplication in [0-9.]* seconds" "$data/log" | grep -o "[0-9.]*" | head -n 1)
  sleep 2
  jvm_kb=$(ps -o rss= -p $pid | tr -d ' ')
  # PostgreSQL forks several processes that share memory: sum the PSS of the postmaster (the process
  # started on the data directory) and of its children.
  pm=$(pgrep -f -- "-D $data/pg" | grep -vx "$pid" | head -n 1 || true)
  pg_kb=$( { [ -n "$pm" ] && { echo "$pm"; pgrep -P "$pm"; }; } | while read -r p; do
    awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null; done | awk '{s+=$1} END {print s+0}')
  kill $pid; wait $pid 2>/dev/null || true
}

start   # warm-up: initdb, schema, first deployment
echo "first start (empty data directory): ${secs}s, JVM RSS $((jvm_kb / 1024)) MB"
results=()
for i in $(seq 1 "$runs"); do
  start
  echo "run $i: started in ${secs}s, JVM RSS $((jvm_kb / 1024)) MB, PostgreSQL PSS $((pg_kb / 1024)) MB"
  results+=("$secs $((jvm_kb / 1024)) $((pg_kb / 1024))")
done
printf '%s\n' "${results[@]}" | sort -n -k1 | awk '{t[NR]=$1} END {print "median start-up: " t[int((NR+1)/2)] " s"}'
printf '%s\n' "${results[@]}" | sort -n -k2 | awk '{m[NR]=$2} END {print "median JVM RSS: " m[int((NR+1)/2)] " MB"}'
printf '%s\n' "${results[@]}" | sort -n -k3 | awk '{m[NR]=$3} END {print "median PostgreSQL PSS: " m[int((NR+1)/2)] " MB"}'
rm -rf "$data"
