#!/usr/bin/env bash
# Runs every test in the solution and ends with one line of totals: "N passed, N failed".
# Installs what the integration tests need when it is missing, so it works on a fresh machine.
set -uo pipefail
cd "$(dirname "$0")"

# The Redis cache's tests start their own redis-server (Debian package redis-server); they fail, never skip, without it.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server for the Redis cache tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 && apt-get install -y -q --no-install-recommends redis-server >&2 || {
    echo "Could not install the Debian package redis-server (needs root and apt)." >&2
    exit 1
  }
fi

# The NATS cache's tests start their own nats-server (Debian package nats-server, in /usr/sbin); likewise.
if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
  echo "Installing nats-server for the NATS cache tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 && apt-get install -y -q --no-install-recommends nats-server >&2 || {
    echo "Could not install the Debian package nats-server (needs root and apt)." >&2
    exit 1
  }
fi

# The federation's end-to-end tests build network namespaces, veth links and nftables rules (they need root): ip and nft.
for tool in ip:iproute2 nft:nftables; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1 && [ ! -x "/usr/sbin/${tool%%:*}" ]; then
    echo "Installing ${tool##*:} for the federation tests..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${tool##*:}" >&2 || {
      echo "Could not install the Debian package ${tool##*:} (needs root and apt)." >&2
      exit 1
    }
  fi
done

# The rendezvous README's curl session runs as written in bash (tests/CloudConfig.Rendezvous.Tests/CurlSessionTests.cs).
missing=""
for tool in curl jq openssl; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  echo "Installing$missing for the curl session test..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 && apt-get install -y -q --no-install-recommends$missing >&2 || {
    echo "Could not install the Debian packages$missing (needs root and apt)." >&2
    exit 1
  }
fi

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
