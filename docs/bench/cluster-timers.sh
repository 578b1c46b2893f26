#!/usr/bin/env bash
# Two OneStop nodes (two application contexts, postgres profile) on one embedded PostgreSQL; N deadline
# timers made due in one statement, first with one node's job executor (node B's stopped), then with both;
# prints the time until the last has fired and the count per node from the engine's job log
# (ACT_HI_JOB_LOG.HOSTNAME_), and fails if any fired twice or failed. With SIZING=1 node A first runs
# the same N timers under other job executor settings (jobs per acquisition, threads).
# Usage: docs/bench/cluster-timers.sh [N=10000]        SIZING=1 docs/bench/cluster-timers.sh 1000
# Note the machine load (uptime) beside every figure you copy into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
uptime
mvn -B -q -Dbpmnlint.skip test-compile surefire:test@default-test -Dtest=TwoNodeTimerTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Donestop.cluster.timers="$n" -Donestop.cluster.sizing="${SIZING:-false}" || true
uptime
grep -h "CLUSTER-" target/surefire-reports/vn.onestop.cluster.TwoNodeTimerTest-output.txt
grep -h "Tests run" target/surefire-reports/vn.onestop.cluster.TwoNodeTimerTest.txt
