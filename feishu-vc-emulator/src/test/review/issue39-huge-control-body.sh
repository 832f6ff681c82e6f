#!/usr/bin/env bash
# Review of issue 39, expected to fail until fixed: the control API aggregates a whole request body in memory before
# it checks it, with no limit. A 200 MB body to POST /_emulator/reset (an operation that takes no body) exhausts the
# direct memory of an emulator run with -Xmx96m: 500 and an OutOfMemoryError on standard error, where a refusal (4xx)
# is expected without reading the body to its end.
# Usage: feishu-vc-emulator/src/test/review/issue39-huge-control-body.sh (after packaging the jar)
set -uo pipefail
cd "$(dirname "$0")/../../.."
jar=$(ls target/feishu-vc-emulator-*.jar | grep -v -- '-sources\|-javadoc' | head -1)
out=$(mktemp); err=$(mktemp); body=$(mktemp)
java -Xmx96m -jar "$jar" --port=0 >"$out" 2>"$err" &
pid=$!
for _ in $(seq 100); do grep -q '^ready$' "$out" && break; sleep 0.2; done
control=$(sed -n 's/^control-url: //p' "$out")
head -c 200000000 /dev/zero >"$body"
status=$(curl -s -m 60 -o /dev/null -w '%{http_code}' -X POST "$control/reset" --data-binary @"$body")
kill -TERM "$pid"; wait "$pid"
rm -f "$body"
failed=0
if [ "${status:0:1}" != 4 ]; then echo "FAIL: a 200 MB body to POST /reset answered $status, expected a 4xx refusal"; failed=1; fi
if grep -q OutOfMemoryError "$err"; then echo "FAIL: the emulator ran out of memory reading the body"; failed=1; fi
rm -f "$out" "$err"
[ "$failed" = 0 ] && echo "PASS"
exit "$failed"
