#!/usr/bin/env bash
# The crash tests in their long versions (issue 19 §2):
#  - NodeCrashTest: two nodes (node A a child JVM, node B in the test JVM) on one embedded PostgreSQL;
#    PER_NODE online submissions to each node while clerks accept them (dossier codes), kill -9 of node A
#    while it holds locked timer jobs; prints how long node B took to run them (lock time 10 s).
#  - DatabaseCrashTest: kill -9 of PostgreSQL under a working node, OUTAGE seconds down, started again on
#    the same data; prints the 503 latency, recovery times and the timers fired after the return.
# Both fail if a dossier answered 2xx is lost or duplicated, a code is reused or skipped, or an accepted
# dossier has lost its deadline timer.
# Usage: PER_NODE=500 OUTAGE=30 docs/bench/cluster-crash.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
mvn -B -q -Dbpmnlint.skip test-compile surefire:test@default-test -Dtest='NodeCrashTest,DatabaseCrashTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Donestop.crash.submissions="${PER_NODE:-500}" -Donestop.outage.seconds="${OUTAGE:-30}" || true
uptime
grep -h "NODE-CRASH\|DB-CRASH" target/surefire-reports/vn.onestop.cluster.*-output.txt
grep -h "Tests run" target/surefire-reports/vn.onestop.cluster.NodeCrashTest.txt target/surefire-reports/vn.onestop.cluster.DatabaseCrashTest.txt
