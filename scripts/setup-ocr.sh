#!/bin/sh
# Installs Tesseract with its Vietnamese data (Debian tesseract-ocr, tesseract-ocr-vie), which baocao uses to
# read scanned PDF pages and garbled text layers; does nothing when `tesseract --list-langs` already has vie.
set -eu
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -q
$SUDO apt-get install -y -q tesseract-ocr tesseract-ocr-vie
tesseract --list-langs 2>/dev/null | grep -qx vie
