#!/usr/bin/env bash
# Create or refresh a virtual environment from a hash-locked requirements file.
#   make_env.sh <venv dir> <3.10|current> <lock file>
set -euo pipefail
venv=$1 want=$2 lock=$3
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x "$venv/bin/python" ]; then
  python=$("$here/find_python.sh" "$want")
  echo "==> creating $venv with $python"
  "$python" -m venv "$venv"
fi
echo "==> installing $lock into $venv (first time: a few minutes)"
"$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar on \
  --require-hashes --no-deps -r "$lock" 2>&1 | grep -v "^WARNING: Location" || true
# argostranslate's stanza and spacy are left out on purpose (requirements/api-overrides.txt).
problems=$("$venv/bin/python" -m pip check \
  | grep -Ev "^No broken requirements|^argostranslate .* requires (stanza|spacy)" || true)
if [ -n "$problems" ]; then
  echo "$problems" >&2
  exit 1
fi
touch "$venv/.installed"
