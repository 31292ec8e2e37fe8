#!/usr/bin/env bash
# Installs a Debian package whose program is /usr/bin/NAME, for the tests that need a tool Chronicle did not write:
#   chromium — the browser tests (diff HTML report, --render, --assets offline);
#   wget     — the WARC import acceptance test (pages fetched by wget --warc-file).
# Does nothing when /usr/bin/NAME is already there. Non-interactive; needs root (or sudo) and apt-get.
# Usage: .ci/install-debian-tool.sh NAME
set -euo pipefail
name="${1:?usage: install-debian-tool.sh NAME}"
if [ -x "/usr/bin/$name" ]; then
  echo "install-debian-tool: /usr/bin/$name present" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-debian-tool: apt-get not found; cannot install $name (the tests that need it will skip)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "install-debian-tool: not root and no sudo; cannot install $name (the tests that need it will skip)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "$name"
"/usr/bin/$name" --version 2>/dev/null | sed -n 1p >&2 || true
