#!/usr/bin/env bash
# Train the Rasa model only when the training data changed.
# The model is named after a hash of everything that shapes it.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=(bot/config.yml bot/components bot/domain data/nlu data/rules requirements/bot.lock)
fingerprint=$(find "${inputs[@]}" -type f -not -path "*/__pycache__/*" | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
model="models/lotse-$fingerprint.tar.gz"
if [ -f "$model" ]; then
  echo "==> model up to date: $model"
  touch "$model"  # newest in models/, so `rasa run --model models` loads it
  exit 0
fi
echo "==> training $model (about a minute on 2 cores)"
mkdir -p models
PYTHONPATH=. .venv-bot/bin/rasa train --config bot/config.yml --domain bot/domain \
  --data data/nlu data/rules --out models --fixed-model-name "lotse-$fingerprint"
