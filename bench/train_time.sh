#!/usr/bin/env bash
# Wall time of `rasa train` on this checkout's data, into a throwaway folder.
#   bench/train_time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
started=$(date +%s.%N)
PYTHONPATH=. PYTHONWARNINGS=ignore .venv-bot/bin/rasa train --config bot/config.yml \
  --domain bot/domain --data data/nlu data/rules --out "$out" --fixed-model-name bench \
  >"$out/train.log" 2>&1
ended=$(date +%s.%N)
echo "rasa train: $(echo "$ended - $started" | bc) s on $(nproc) cores"
