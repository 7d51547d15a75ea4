#!/usr/bin/env bash
# Build the tiny it->en, en->it and en->de argostranslate packages the translation
# tests use, offline, from synthetic sentence pairs (tests/tiny_argos/).
# torch lives only in the throwaway build environment, never in Lotse's.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-var/tiny-argos}
venv=var/tiny-argos-build
if [ ! -x "$venv/bin/python" ]; then
  echo "==> creating $venv for the tiny translation packages (torch, CPU build)"
  "$(.venv/bin/python -c 'import sys; print(sys._base_executable)')" -m venv "$venv"
  "$venv/bin/pip" install --disable-pip-version-check -q torch==2.13.0 2>&1 | grep -v "^WARNING: Location" || true
  "$venv/bin/pip" install --disable-pip-version-check -q -r requirements/tiny-argos-build.txt \
    2>&1 | grep -v "^WARNING: Location" || true
fi
mkdir -p "$out"
for pair in "it en" "en it" "en de"; do
  set -- $pair
  echo "==> training the tiny $1->$2 package"
  "$venv/bin/python" tests/tiny_argos/build.py --source "$1" --target "$2" --out "$out" \
    | grep -E "exact match|package:" || exit 1
done
touch "$out/.built"
