#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what the tests need (Chromium for the
# Web Chat end-to-end test, the npm reference packages), runs `dotnet test`, and prints one summary line
# `N passed, N failed[, N skipped]`. Exits non-zero when anything fails. manifest/ holds the Teams schemas
# (npm @microsoft/app-manifest) that the package command and its tests validate against.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

if ! command -v node >/dev/null 2>&1; then
  echo "== installing Node.js (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi

# npm ci only when the lock file changed since the last install, so repeated local runs stay quick.
for dir in tests/e2e manifest; do
  if [ -f "$dir/package-lock.json" ]; then
    stamp="$dir/node_modules/.package-lock.json"
    if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
      echo "== npm ci in $dir"
      npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    fi
  fi
done

results="$root/TestResults"
rm -f "$results"/*.trx
set +e
dotnet test "$root/StrategiBot.sln" -c Release --nologo \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results"
status=$?
set -e

trx="$results/tests.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  total=$(get total); passed=$(get passed); executed=$(get executed)
  failed=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
  skipped=$(( total - executed ))
  line="$passed passed, $failed failed"
  if [ "$skipped" -gt 0 ]; then line="$line, $skipped skipped"; fi
  echo "$line"
  if [ "$passed" = 0 ]; then echo "no test ran" >&2; exit 1; fi
else
  echo "0 passed, 1 failed"
  echo "dotnet test produced no results (build failure?)" >&2
  exit 1
fi
exit $status
