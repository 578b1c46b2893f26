#!/usr/bin/env bash
# The single-window lifecycle through the engine REST API against a bare model of the same shape
# (issue 18.2; see docs/bench/lifecycle.md). Usage:
#   docs/bench/lifecycle.sh [driver options...]        e.g. --clients=1,4 --rounds=5 --lifecycles=6 --rows
#   JFR=1 docs/bench/lifecycle.sh --models=onestop ...  also records target/lifecycle.jfr and prints the top frames
# JVM flags: README's run command (JAVA_OPTS overrides them).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Dbpmnlint.skip test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
opts=${JAVA_OPTS:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=200m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC}
if [ -n "${JFR:-}" ]; then
  opts="$opts -XX:StartFlightRecording=filename=target/lifecycle.jfr,settings=profile,dumponexit=true"
fi
# shellcheck disable=SC2086
java $opts -cp target/test-classes:target/classes:"$(cat target/cp.txt)" vn.onestop.bench.LifecycleBenchmark "$@"
if [ -n "${JFR:-}" ]; then
  jfr print --stack-depth 64 --events jdk.ExecutionSample target/lifecycle.jfr > target/lifecycle-samples.txt
  python3 docs/bench/jfr-top.py target/lifecycle-samples.txt
fi
