#!/usr/bin/env bash
# How long the packaged emulator takes from `java -jar` to printing `ready`, ten times, in milliseconds: the figure
# docs/emulator.md gives. Measured, never asserted: a test that times itself fails on a busy machine, not on a slow jar.
# Usage: feishu-vc-emulator/src/test/startup-time.sh [jar] [options for the emulator...]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${1:-$(ls target/feishu-vc-emulator-*.jar | grep -v -e sources -e javadoc | head -1)}
shift || true
for _ in $(seq 10); do
  start=$(date +%s%N)
  coproc EMULATOR { exec java -jar "$jar" "$@" 2>/dev/null; }
  while IFS= read -r line <&"${EMULATOR[0]}"; do [ "$line" = ready ] && break; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$EMULATOR_PID"
  wait "$EMULATOR_PID" 2>/dev/null || true
done
