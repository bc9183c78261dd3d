#!/usr/bin/env bash
# The scale model's measurements (BENCHMARKS.md, "Spark and the scale model"):
#  1. ScaleHarness: the same JSON-lines cases in one process (1 and 2 threads) and through Spark
#     local[2], in one JVM, wall clock and process CPU time per pass;
#  2. the shaded jar's CareSparkJob on those cases, with only Spark's jars beside it (as
#     spark-submit would run it), timed.
# PEOPLE=50000 PASSES=3 care-spark/scale.sh     (about 10 minutes on an idle 2-core machine)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${PEOPLE:-50000}
PASSES=${PASSES:-3}
WORK=care-spark/target/scale
OPENS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
 --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
 -Dio.netty.tryReflectionSetAccessible=true"

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -o -pl care-spark -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
  mvn -B -q -o -pl care-spark -am dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile=target/runtime-classpath.txt
  # What a Spark installation puts on the class path: Spark's own jars (the provided ones, without
  # test libraries), plus the Jackson and SLF4J jars Spark ships but Maven counts as ours.
  ( cd care-spark/target
    tr ':' '\n' < test-classpath.txt | sort > all.txt
    tr ':' '\n' < runtime-classpath.txt | sort > runtime.txt
    { comm -23 all.txt runtime.txt \
        | grep -v -E "/(care-[a-z-]+|junit-[a-z-]+|jqwik[a-z-]*|opentest4j|apiguardian-api|value-annotations)-[0-9]"
      grep -E "/(jackson-core|jackson-databind|jackson-annotations|slf4j-api)-[0-9]" runtime.txt
    } | paste -sd: > spark-classpath.txt )
fi
mkdir -p "$WORK"

# shellcheck disable=SC2086
java $OPENS -Xms3g -Xmx3g -cp "care-spark/target/test-classes:care-spark/target/classes:$(cat care-spark/target/test-classpath.txt)" \
  uk.nhs.carecoord.spark.ScaleHarness "$PEOPLE" "$PASSES" "$WORK" | tee "$WORK/harness.txt"

JAR=$(ls care-spark/target/care-spark-*-shaded.jar)
start=$(date +%s.%N)
# shellcheck disable=SC2086
java $OPENS -Xms3g -Xmx3g -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dspark.driver.host=localhost \
  -cp "$JAR:$(cat care-spark/target/spark-classpath.txt)" uk.nhs.carecoord.spark.CareSparkJob \
  --as-of 2026-11-24 --input "$WORK/cases.jsonl" --output "$WORK/job" --overwrite --round-to 5 2> "$WORK/job.log"
end=$(date +%s.%N)
echo "shaded jar, CareSparkJob over $PEOPLE people, new JVM, local[2]: $(echo "$end - $start" | bc) s wall" | tee -a "$WORK/harness.txt"
head -12 "$WORK"/job/aggregates/*.csv
