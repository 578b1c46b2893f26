#!/usr/bin/env bash
# The Decision 766 index for a province-year on 1,000,000 dossiers (issue 20), median of >= 9 calls.
# Runs vn.onestop.evaluation.bench.Index766Benchmark on a throw-away embedded PostgreSQL whose data live
# in $BENCH_DIR (default /tmp/index766-bench: never ./data). The classes are copied out of target/ first,
# so a build in the worktree cannot disturb a running benchmark. Figures go to docs/benchmarks.md.
#   docs/bench/index-766.sh [dossiers=1000000] [runs=9]
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_DIR=${BENCH_DIR:-/tmp/index766-bench}
mvn -B -q -Dbpmnlint.skip test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
mkdir -p "$BENCH_DIR"
rm -rf "$BENCH_DIR/classes" "$BENCH_DIR/test-classes"
cp -r target/classes "$BENCH_DIR/classes"
cp -r target/test-classes "$BENCH_DIR/test-classes"
cp target/cp.txt "$BENCH_DIR/cp.txt"
echo "$(date -u '+%Y-%m-%d %H:%M UTC') $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx1g -cp "$BENCH_DIR/test-classes:$BENCH_DIR/classes:$(cat "$BENCH_DIR/cp.txt")" \
  vn.onestop.evaluation.bench.Index766Benchmark "${1:-1000000}" "${2:-9}" "$BENCH_DIR/pg"
