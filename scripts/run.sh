#!/usr/bin/env bash
# Start Rasa, the action server and service_api under one process runner.
# Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export LOTSE_DATA_DIR=${LOTSE_DATA_DIR:-$PWD/var}
# Values from the environment win over the generated file.
while IFS='=' read -r name value; do
  case "$name" in ''|\#*) continue ;; esac
  [ -z "${!name:-}" ] && export "$name=$value"
done < "$LOTSE_DATA_DIR/lotse.env"

export LOTSE_LOG_FORMAT=${LOTSE_LOG_FORMAT:-text}  # JSON lines in production
export LOTSE_API_PORT=${LOTSE_API_PORT:-8000}
export LOTSE_RASA_PORT=${LOTSE_RASA_PORT:-5005}
export LOTSE_ACTIONS_PORT=${LOTSE_ACTIONS_PORT:-5055}
export LOTSE_RASA_URL=${LOTSE_RASA_URL:-http://127.0.0.1:$LOTSE_RASA_PORT}
export LOTSE_ACTION_SERVER_URL=${LOTSE_ACTION_SERVER_URL:-http://127.0.0.1:$LOTSE_ACTIONS_PORT}
export LOTSE_SERVICE_API_URL=${LOTSE_SERVICE_API_URL:-http://127.0.0.1:$LOTSE_API_PORT}
export LOTSE_NLG_URL=${LOTSE_NLG_URL:-$LOTSE_SERVICE_API_URL/nlg}
export LOTSE_ACTION_URL=${LOTSE_ACTION_URL:-$LOTSE_ACTION_SERVER_URL/webhook}

processes=(rasa actions api ready)
if [ -n "${TELEGRAM_BOT_TOKEN:-}" ]; then
  processes+=(telegram)
else
  echo "Telegram bridge skipped: set TELEGRAM_BOT_TOKEN (from @BotFather) to start it."
fi
exec .venv/bin/honcho -f Procfile start "${processes[@]}"
