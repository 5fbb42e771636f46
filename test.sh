#!/usr/bin/env bash
# Runs every test in the solution and ends with one line of totals: "N passed, N failed".
# Installs what the integration tests need when it is missing, so it works on a fresh machine.
set -uo pipefail
cd "$(dirname "$0")"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test CloudConfig.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints one summary: "Passed!  - Failed:     0, Passed:    59, Skipped: ..."
passed=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | awk '{ s += $4 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | awk '{ s += $2 + 0 } END { print s + 0 }')

echo "${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
