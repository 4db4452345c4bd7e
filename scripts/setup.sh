#!/bin/sh
# Sets up baocao on a fresh machine: system tools (Tesseract + Vietnamese data for scanned PDFs; with --dev
# also Chromium for the report screenshot test), then a virtual environment .venv with the pinned Python
# dependencies. System tools are best effort: without root/apt the OCR and screenshot tests skip and
# scanned PDFs fail with a plain reason, but everything else works. --with-office also installs LibreOffice
# (headless, no GUI) so Word 97 .doc files are converted and read; without it they fail naming this option.
set -eu
cd "$(dirname "$0")/.."
DEV=""
OFFICE=""
for arg in "$@"; do
    case "$arg" in
        --dev) DEV=1 ;;
        --with-office) OFFICE=1 ;;
        *) echo "setup: unknown option $arg (--dev, --with-office)" >&2; exit 2 ;;
    esac
done
sh scripts/setup-ocr.sh || echo "setup: Tesseract (vie) not installed: scanned PDFs cannot be read" >&2
if [ -n "$OFFICE" ]; then
    sh scripts/setup-office.sh || echo "setup: LibreOffice not installed: .doc files cannot be read" >&2
fi
if [ -n "$DEV" ]; then
    bash scripts/setup-browser.sh || echo "setup: Chromium not installed: the report screenshot test will skip" >&2
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ -n "$DEV" ]; then
    .venv/bin/pip install -q -e '.[dev]'
else
    .venv/bin/pip install -q -e .
fi
