#!/usr/bin/env bash
# People per second from FHIR JSON (bundle -> case -> evaluation) beside case JSON, one thread and
# all cores: the JMH benchmark (about 6 minutes), then the interleaved harness (about 2 minutes).
# JMH results go to benchmarks/results-fhir.json; the harness prints a Markdown table.
#
#   benchmarks/fhir.sh
#   JMH_ARGS="-f 1 -wi 1 -w 2s -i 1 -r 2s" SIZE=1000 benchmarks/fhir.sh   # a smoke run
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${SIZE:-5000}"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 4 -w 10s -i 3 -r 10s}"
JAR=benchmarks/target/benchmarks.jar

mvn -q -pl benchmarks -am package -DskipTests
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$JAR" 'FhirBenchmark' $JMH_ARGS -p size="$SIZE" -prof gc -rf json -rff benchmarks/results-fhir.json
java -Xms2g -Xmx2g -cp "$JAR" uk.nhs.carecoord.benchmarks.FhirHarness 2000 6 8
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
