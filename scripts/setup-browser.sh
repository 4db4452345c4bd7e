#!/usr/bin/env bash
# Installs Debian's Chromium for the report screenshot test (tests/test_report.py); the test skips only when
# this cannot run (no root, no apt). Idempotent: does nothing when chromium is already on PATH.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-browser: chromium missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# fonts-dejavu-core carries the Vietnamese diacritics the report's text needs
apt-get install -y -q chromium fonts-dejavu-core
