#!/usr/bin/env bash
# Two OneStop nodes (two application contexts, postgres profile) on one embedded PostgreSQL; N
# deadline timers made due in one statement; prints the time until the last has fired and the count
# per node from the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_), and fails if any fired twice or
# failed. The test is @Disabled until its job-executor problem is solved (docs/benchmarks.md);
# remove the annotation locally to run it.
# Usage: docs/bench/cluster-timers.sh [N=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
mvn -B -q test -Dtest=TwoNodeTimerTest -Dsurefire.failIfNoSpecifiedTests=false -Donestop.cluster.timers="$n" || true
grep -h "CLUSTER-TIMERS" target/surefire-reports/vn.onestop.cluster.TwoNodeTimerTest-output.txt
grep -h "Tests run" target/surefire-reports/vn.onestop.cluster.TwoNodeTimerTest.txt
