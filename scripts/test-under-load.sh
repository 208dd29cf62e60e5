#!/usr/bin/env bash
# Runs the whole suite several times in a row (RUNS, default 3) while busy loops keep every core busy
# (LOAD_PROCESSES, default one per core), and stops at the first failing run. Extra arguments go to
# `vitest run`. Proof that the tests hold on a loaded machine; too slow for CI (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
load=${LOAD_PROCESSES:-$(nproc)}
logs=node_modules/.cache/test-under-load
mkdir -p "$logs"

busy=()
stop_load() { [ ${#busy[@]} -eq 0 ] || kill "${busy[@]}" 2>/dev/null || true; }
trap stop_load EXIT
for _ in $(seq "$load"); do
  node -e 'for (;;) {}' &
  busy+=($!)
done

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB"
database=embedded; [ -z "${DATABASE_URL:-}" ] || database="the server at DATABASE_URL"
bus=PostgreSQL; [ -z "${REDIS_URL:-}" ] || bus="Redis at REDIS_URL"
echo "services: PostgreSQL $database, bus $bus"
echo "load: $load busy loops (node -e 'for (;;) {}'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  started=$(date +%s)
  status=pass
  npx vitest run "$@" >"$logs/run-$run.log" 2>&1 || status=fail
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/run-$run.log" | grep -E '^ +Tests ' | tail -1 | xargs)
  echo "run $run: $status in $(( $(date +%s) - started )) s; ${tests:-no summary}; load average $(cut -d' ' -f1-3 /proc/loadavg); log $logs/run-$run.log"
  [ "$status" = pass ] || exit 1
done
echo "all $runs runs passed"
