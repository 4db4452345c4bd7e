#!/bin/sh
# Installs LibreOffice without its GUI (Debian libreoffice-writer-nogui, ~50 packages, no X11), which baocao
# runs headless to convert Word 97 .doc (and .rtf, .odt) files to .docx; does nothing when soffice is present.
set -eu
if command -v soffice >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends libreoffice-writer-nogui
command -v soffice >/dev/null 2>&1
