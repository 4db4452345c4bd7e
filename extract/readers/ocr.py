"""OCR of PDF pages: pypdfium2 renders the page, the `tesseract` binary reads it (TSV words with boxes).

Used for pages with no usable text layer (scans) and for garbled text layers (fonts without a character
map). Lines come back in PDF points, top-down, so the PDF reader joins them into paragraphs like text lines.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from functools import cache


def setting(settings, name: str):
    """An OCR setting from the given settings object, or its default in extract.settings.Settings."""
    from extract.settings import Settings

    return getattr(settings, name, getattr(Settings, name))


class OcrUnavailable(ValueError):
    """Tesseract or its Vietnamese data is missing; str() is the plain-words reason."""


@dataclass(frozen=True)
class OcrLine:
    """One line read by OCR, in PDF points with y growing downwards."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    height: float  # median word height: the line's type size, roughly
    base: float  # median word bottom
    conf: float  # mean word confidence, 0..100


@cache
def unavailable_reason(command: str, lang: str) -> str | None:
    """None when `command` runs and has every language in `lang` ("vie", "vie+eng"); else why not."""
    exe = shutil.which(command)
    if exe is None:
        return "OCR not available (tesseract not installed)"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"OCR not available (tesseract does not run: {exc})"
    have = {ln.strip() for ln in (out.stdout + out.stderr).splitlines()}
    missing = [code for code in lang.split("+") if code not in have]
    if missing:
        return f"OCR not available (tesseract has no {'+'.join(missing)} language data)"
    return None


def ocr_page(page, settings=None) -> list[OcrLine]:
    """The text lines of a pypdfium2 page, read by Tesseract. Raises OcrUnavailable, ValueError."""
    command, lang = setting(settings, "ocr_command"), setting(settings, "ocr_lang")
    reason = unavailable_reason(command, lang)
    if reason:
        raise OcrUnavailable(reason)
    width, height = page.get_size()
    scale = setting(settings, "ocr_dpi") / 72
    max_pixels = setting(settings, "ocr_max_pixels")
    if width * height * scale * scale > max_pixels:
        scale = (max_pixels / max(width * height, 1.0)) ** 0.5
    image = page.render(scale=scale, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, format="PNG", compress_level=1)
    tsv = _tesseract(png.getvalue(), settings)
    return _lines(tsv, scale, setting(settings, "ocr_min_line_conf"))


def _tesseract(png: bytes, settings) -> str:
    exe = shutil.which(setting(settings, "ocr_command"))
    timeout = setting(settings, "ocr_page_timeout_s")
    # Tesseract's OpenMP threads fight each other on a small machine: one thread is ~6x faster here,
    # and the batch already runs one worker per core.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [exe, "stdin", "stdout", "-l", setting(settings, "ocr_lang"), "--psm", "3", "tsv"],
            input=png,
            capture_output=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        raise ValueError(f"OCR took longer than the {timeout:g} s limit for one page") from exc
    if done.returncode != 0:
        first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise ValueError(f"OCR failed ({first})")
    return done.stdout.decode("utf-8", "replace")


def _lines(tsv: str, scale: float, min_conf: float) -> list[OcrLine]:
    """Words of Tesseract's TSV grouped by (block, paragraph, line), boxes scaled back to points."""
    groups: dict[tuple, list[tuple]] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        f = row.split("\t")
        if len(f) != 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, w, h = (int(v) / scale for v in f[6:10])
        groups.setdefault((f[2], f[3], f[4]), []).append((f[11].strip(), left, top, w, h, float(f[10])))
    out = []
    for words in groups.values():
        conf = statistics.fmean(w[5] for w in words)
        if conf < min_conf:
            continue
        out.append(
            OcrLine(
                text=" ".join(w[0] for w in words),
                x0=min(w[1] for w in words),
                top=min(w[2] for w in words),
                x1=max(w[1] + w[3] for w in words),
                bottom=max(w[2] + w[4] for w in words),
                height=statistics.median(w[4] for w in words),
                base=statistics.median(w[2] + w[4] for w in words),
                conf=conf,
            )
        )
    return out  # in Tesseract's block order: columns stay whole
