#!/bin/sh
# Install Debian's Chromium for the real-browser tests (tests/browser), unless it is there.
# Runs as root in CI. Playwright drives this browser; `playwright install` is never used.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install_browser.sh: run as root (or: sudo apt-get install -y chromium)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium
