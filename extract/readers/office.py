"""Office formats baocao does not parse itself (Word 97 .doc, RTF, ODT): converted to .docx by LibreOffice
headless, then read by the DOCX reader. Without LibreOffice the file fails with a reason naming the fix.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

CONVERTED = (".doc", ".rtf", ".odt")  # suffixes LibreOffice turns into .docx for the DOCX reader
INSTALL_HINT = (
    "install LibreOffice (`sh scripts/setup.sh --with-office`, Debian package libreoffice-writer-nogui) "
    "or save the file as .docx"
)


class ConversionError(ValueError):
    """The file could not be converted; str() is the plain-words reason."""


def office_binary(command: str) -> str | None:
    return shutil.which(command)


def convert_to_docx(path: Path, workdir: Path, command: str = "soffice", timeout_s: float = 60.0) -> Path:
    """`path` converted into `workdir`/<stem>.docx by LibreOffice headless; ConversionError when it cannot be."""
    binary = office_binary(command)
    if binary is None:
        raise ConversionError(
            f"{path.suffix} files are read through LibreOffice, which is not installed: {INSTALL_HINT}"
        )
    # a profile of its own: two workers converting at once would otherwise fight over ~/.config/libreoffice
    profile = workdir / "profile"
    args = [
        binary,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx",
        "--outdir",
        str(workdir),
        str(path.resolve()),
    ]
    # its own process group, so a timeout kills LibreOffice's helper process too
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "HOME": str(workdir)},
    )
    try:
        _, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired as exc:
        raise ConversionError(
            f"LibreOffice took longer than the {timeout_s:g} s limit to convert it"
        ) from exc
    finally:
        # also when the document's own time limit interrupts the wait: no LibreOffice outlives its document
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    out = workdir / f"{path.stem}.docx"
    if proc.returncode != 0 or not out.exists():
        words = err.decode("utf-8", "replace").strip().splitlines()
        raise ConversionError(
            f"LibreOffice could not convert it (exit code {proc.returncode}{': ' + words[-1] if words else ''})"
        )
    return out


def read_converted(path: Path, settings):
    """The Document of an office file, through a temporary .docx; path, format and sha256 stay the original's."""
    import dataclasses
    import hashlib

    from extract.readers.docx_reader import read_docx

    with tempfile.TemporaryDirectory(prefix="baocao-office-") as tmp:
        docx = convert_to_docx(path, Path(tmp), settings.office_command, settings.office_timeout_s)
        doc = read_docx(docx, settings)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return dataclasses.replace(doc, path=str(path), format=path.suffix.lower().lstrip("."), sha256=digest)
