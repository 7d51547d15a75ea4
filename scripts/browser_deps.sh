#!/usr/bin/env bash
# What the browser tests need besides Python: Debian's Chromium (driven by
# Playwright; Playwright's own browser download does not work offline) and
# axe-core from npm; an emoji font so that 👍/👎 show in the screenshots;
# poppler-utils (pdftoppm) to render the monthly PDF report to PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ] || [ ! -x /usr/bin/pdftoppm ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "The browser tests need: sudo apt-get install chromium fonts-noto-color-emoji poppler-utils" >&2
    exit 1
  fi
  echo "==> installing Debian's chromium for the browser tests"
  packages=(chromium fonts-noto-color-emoji poppler-utils)
  apt-get install -y -q "${packages[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && apt-get install -y -q "${packages[@]}" >/dev/null; }
fi
echo "==> installing axe-core from npm"
npm ci --no-audit --no-fund --silent
touch node_modules/.installed
