#!/usr/bin/env bash
# Builds the benchmark uber-jar and runs the suite with short settings (about 5 minutes on 2 cores).
# Results (JMH JSON, both runs merged into one array) go to benchmarks/results.json; the heap check
# (used heap after full GCs over 2,000,000 evaluations) goes to benchmarks/results-heap.json.
#
#   benchmarks/run.sh                 # 50,000 people
#   SIZE=10000 benchmarks/run.sh      # a smaller population
#   JMH_ARGS="-f 1 -wi 1 -i 2 -w 2s -r 3s" benchmarks/run.sh   # a smoke run (figures far from steady)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${SIZE:-50000}"
# Drools needs ~20 s of warm-up before the JIT settles (1 x 2 s gives a third of steady state).
JMH_ARGS="${JMH_ARGS:--f 1 -wi 4 -w 5s -i 2 -r 5s}"
COLD_FORKS="${COLD_FORKS:-3}"
OUT=benchmarks/results.json
JAR=benchmarks/target/benchmarks.jar

mvn -q -pl benchmarks -am package -DskipTests

# The floor (HandWritten) mirrors a pinned copy of the patient rule sets, not the built-in DRL
# (BENCHMARKS.md): say when the two have drifted apart, since the comparison is then less exact.
for f in benchmarks/src/test/resources/floor-rules/*.drl; do
  if ! cmp -s "$f" "care-rules/src/main/resources/uk/nhs/carecoord/rules/drl/$(basename "$f")"; then
    echo "note: built-in $(basename "$f") differs from the floor's pinned copy; the floor mirrors the copy" >&2
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 1 and 2: people per second, rules and hand-written, one thread and all cores; -prof gc gives
# gc.alloc.rate.norm = bytes allocated per person (one operation = one person).
java -jar "$JAR" 'EvaluationBenchmark' $JMH_ARGS -p size="$SIZE" -prof gc \
  -rf json -rff "$tmp/evaluation.json"

# 3: cold start, the first build in a fresh JVM: no warm-up, one shot per fork.
java -jar "$JAR" 'ColdStartBenchmark' -f "$COLD_FORKS" -wi 0 -i 1 \
  -rf json -rff "$tmp/coldstart.json"

# 4: heap does not grow with the number of evaluations (about half a minute).
java -Xms2g -Xmx2g -cp "$JAR" uk.nhs.carecoord.benchmarks.HeapGrowthCheck 2000000 250000 "$SIZE" \
  benchmarks/results-heap.json

jq -s 'add' "$tmp/evaluation.json" "$tmp/coldstart.json" > "$OUT"
echo "Results written to $OUT and benchmarks/results-heap.json"
jq -r '.[] | [.benchmark, .threads, .mode, (.primaryMetric.score|tostring), .primaryMetric.scoreUnit,
  ((.secondaryMetrics["gc.alloc.rate.norm"].score // "")|tostring)] | @tsv' "$OUT"
