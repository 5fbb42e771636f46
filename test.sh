#!/usr/bin/env bash
# Runs every test in the solution and ends with one line of totals: "N passed, N failed".
# Installs what the integration tests need when it is missing, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

# The Redis cache's tests start their own redis-server (Debian package redis-server); they fail, never skip, without it.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server for the Redis cache tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends redis-server >&2
fi

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet test CloudConfig.sln -c Release --logger "trx" --results-directory "$results" || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

echo "${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
