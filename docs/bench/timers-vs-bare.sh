#!/usr/bin/env bash
# OneStop's deadline timers against a bare model's, side by side on one node (issue 18 item 3):
# N dossiers seeded through the real path (started ONLINE, accepted at the check, waiting in the handling)
# and N bare instances (timer -> one user task) per bare round; then bare, OneStop, bare - each round's N
# timers made due in one UPDATE, timed until the last has fired. Prints one TIMERS-VS-BARE line per job
# executor setting. The JUnit class DeadlineTimerBenchmark runs only when -Donestop.bench.timers is set.
# Usage: docs/bench/timers-vs-bare.sh [N=10000] [settings, e.g. 20:4:8,40:4:8 = jobs per acquisition:core:max threads]
# Note the machine load (uptime) beside every figure you copy into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
settings=${2:-}
uptime
mvn -B -q -Dbpmnlint.skip test-compile surefire:test@default-test -Dtest=DeadlineTimerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Donestop.bench.timers="$n" -Donestop.bench.timers.settings="$settings" || true
uptime
grep -h "TIMERS-" target/surefire-reports/vn.onestop.cluster.DeadlineTimerBenchmark-output.txt
grep -h "Tests run" target/surefire-reports/vn.onestop.cluster.DeadlineTimerBenchmark.txt
