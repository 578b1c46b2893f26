#!/usr/bin/env bash
# The reception of an applicant's 100th dossier against her 1st (issue 18 item 5): A applicants, 100 dossiers
# each on the desk's path (submitted, scanned, accepted, digitised - the scans filed in the applicant's data
# store); medians of the submission and the acceptance of dossiers 1-5 and 96-100. The JUnit class
# FrequentApplicantBenchmark runs only when -Donestop.bench.frequent is set.
# Usage: docs/bench/frequent-applicant.sh [A=3]
# Note the machine load (uptime) beside every figure you copy into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
mvn -B -q -Dbpmnlint.skip test-compile surefire:test@default-test -Dtest=FrequentApplicantBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Donestop.bench.frequent="${1:-3}" || true
uptime
grep -h "FREQUENT-APPLICANT" target/surefire-reports/vn.onestop.dossier.FrequentApplicantBenchmark-output.txt
grep -h "Tests run" target/surefire-reports/vn.onestop.dossier.FrequentApplicantBenchmark.txt
