#!/usr/bin/env bash
# Print the path of a Python interpreter of the wanted kind, or explain what to install.
#   find_python.sh 3.10     -> a Python 3.10 (Rasa 3.6 and rasa-sdk need exactly 3.10)
#   find_python.sh current  -> a Python 3.11 or newer (service_api and tests)
set -euo pipefail
want=${1:?usage: find_python.sh 3.10|current}

version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

fits() {
  local v; v=$(version_of "$1") || return 1
  if [ "$want" = current ]; then
    [ "${v%%.*}" -eq 3 ] && [ "${v#*.}" -ge 11 ]
  else
    [ "$v" = "$want" ]
  fi
}

candidates=()
if [ "$want" = current ]; then
  [ -n "${LOTSE_PYTHON:-}" ] && candidates+=("$LOTSE_PYTHON")
  candidates+=(python3.13 python3.12 python3.11 python3)
else
  [ -n "${LOTSE_PYTHON310:-}" ] && candidates+=("$LOTSE_PYTHON310")
  candidates+=("python$want")
  pyenv_root=${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}
  for path in "$pyenv_root"/versions/"$want".*/bin/python"$want"; do
    [ -x "$path" ] && candidates+=("$path")
  done
  if command -v uv >/dev/null 2>&1; then
    found=$(uv python find --no-python-downloads "$want" 2>/dev/null || true)
    [ -n "$found" ] && candidates+=("$found")
  fi
fi

for candidate in "${candidates[@]}"; do
  if command -v "$candidate" >/dev/null 2>&1 && fits "$candidate"; then
    command -v "$candidate"
    exit 0
  fi
done

if [ "$want" = current ]; then
  echo "No Python 3.11+ found. Install one (e.g. 'apt install python3.11' or 'pyenv install 3.12')," >&2
  echo "or point LOTSE_PYTHON at it." >&2
else
  echo "No Python $want found on PATH, in pyenv's versions or via uv." >&2
  echo "Rasa 3.6 needs it. Install it with one of:" >&2
  echo "  pyenv install $want        (then re-run)" >&2
  echo "  uv python install $want" >&2
  echo "  apt install python$want python$want-venv" >&2
  echo "or point LOTSE_PYTHON310 at an existing interpreter." >&2
fi
exit 1
