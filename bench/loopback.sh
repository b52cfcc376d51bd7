#!/usr/bin/env bash
# Loopback turn latency, StrategiBot beside the JS SDK's CloudAdapter, in one run on 127.0.0.1.
# Installs the reference bot's pinned npm packages when the lock file changed, builds Release, and
# passes any arguments to the driver (see: bash bench/loopback.sh --help).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

dir=bench/js-reference
stamp="$dir/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
  echo "== npm ci in $dir" >&2
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
fi

exec dotnet run -c Release --project bench/StrategiBot.Benchmarks -- loopback "$@"
