#!/usr/bin/env bash
# Wall time of a cold `rasa train` (no cache of earlier runs) on this checkout's data.
#   bench/train_time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
started=$(date +%s.%N)
RASA_CACHE_DIRECTORY="$out/cache" PYTHONPATH=. PYTHONWARNINGS=ignore .venv-bot/bin/rasa train --config bot/config.yml \
  --domain bot/domain --data data/nlu data/rules --out "$out" --fixed-model-name bench \
  >"$out/train.log" 2>&1
ended=$(date +%s.%N)
echo "rasa train: $(echo "$ended - $started" | bc) s on $(nproc) cores"
