#!/usr/bin/env bash
# Installs Debian's wget for the WARC import acceptance test (test/warc/wget-import.test.ts: pages fetched by wget --warc-file).
# Does nothing when /usr/bin/wget is already there. Non-interactive; needs root (or sudo) and apt-get.
set -euo pipefail
if [ -x /usr/bin/wget ]; then
  echo "install-wget: /usr/bin/wget present ($(/usr/bin/wget --version 2>/dev/null | sed -n 1p))" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-wget: apt-get not found; cannot install wget (the wget test will skip)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "install-wget: not root and no sudo; cannot install wget (the wget test will skip)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q wget
/usr/bin/wget --version | sed -n 1p >&2
