#!/usr/bin/env bash
# Runs the benchmark suites (see BenchmarkMain) on JDK 17 and, when present, JDK 25, and writes BENCHMARKS.md.
# Build first: ./mvnw -B -q -Pbenchmarks -pl benchmarks -am -DskipTests package
# Extra arguments go to the throughput runs, e.g. benchmarks/run.sh --measure=2s
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
REPORT=$(mktemp)
{
  java -jar "$JAR" --suite=intro "$@"
  java -jar "$JAR" --suite=throughput "$@"
  if [ -x "$JDK25/bin/java" ]; then
    "$JDK25/bin/java" -jar "$JAR" --suite=throughput "$@"
  fi
  # Small fixed TLABs: JFR samples an allocation when a thread takes a new TLAB, and with large ones the samples of a
  # call that allocates alike each time land on the same few objects; with many, JFR's throttle picks at random.
  java -XX:TLABSize=4k -XX:-ResizeTLAB -jar "$JAR" --suite=profile
  # The breakdown before the work of issue 12, kept for comparison: the same profile suite and flags, run from a
  # worktree of commit c5d1411 with this benchmarks module, its heading renamed.
  cat benchmarks/profile-before.md
  java -Xmx2g -jar "$JAR" --suite=tenants
  java -jar "$JAR" --suite=rate-limits
  java -jar "$JAR" --suite=exports
  # Starts its own redis-server (Debian's) on a free port for the inbox runs; skips them without one.
  java -jar "$JAR" --suite=events
  # JMH forks JVMs on the launching JVM's classpath, so this suite runs from the classes, not the repackaged jar.
  java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath)" io.github.feishuvc.benchmarks.BenchmarkMain \
    --suite=operators
} > "$REPORT"
chmod 644 "$REPORT"
mv "$REPORT" BENCHMARKS.md
cat BENCHMARKS.md
