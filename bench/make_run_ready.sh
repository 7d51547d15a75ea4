#!/usr/bin/env bash
# Seconds from `make run` to a 200 from /healthz, in the checkout given (default: this one),
# then Ctrl-C. Run it once on a fresh clone (first run) and again (warm run):
#   git clone . /tmp/fresh && bench/make_run_ready.sh /tmp/fresh && bench/make_run_ready.sh /tmp/fresh
set -euo pipefail
checkout=$(cd "${1:-$(dirname "$0")/..}" && pwd)
port=${LOTSE_API_PORT:-8100}
log=$(mktemp)
start=$(date +%s.%N)
(cd "$checkout" && LOTSE_API_PORT=$port LOTSE_RASA_PORT=$((port + 5)) \
  LOTSE_ACTIONS_PORT=$((port + 55)) exec setsid make run) >"$log" 2>&1 &
runner=$!
until curl -sf "localhost:$port/healthz" >/dev/null; do
  kill -0 "$runner" 2>/dev/null || { tail -20 "$log"; exit 1; }
  sleep 0.5
done
echo "ready after $(echo "$(date +%s.%N) - $start" | bc) s (log: $log)"
kill -INT -- "-$runner"
wait "$runner" 2>/dev/null || true
