"""OCR of PDF pages: pypdfium2 renders the page, the `tesseract` binary reads it (TSV words with boxes).

Used for pages with no usable text layer (scans) and for garbled text layers (fonts without a character
map). Lines come back in PDF points, top-down, so the PDF reader joins them into paragraphs like text lines.
The pages of one document are read in parallel (`OcrPool`) within a core budget shared by all workers.
"""

from __future__ import annotations

import fcntl
import io
import os
import shutil
import statistics
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path


class CoreBudget:
    """At most `cores` tesseract processes at once across the worker processes of a batch.

    The tokens are lock files in a folder the batch creates: the kernel drops a flock when its holder dies,
    so a worker killed by the watchdog mid-OCR never keeps a token (a multiprocessing semaphore would).
    """

    def __init__(self, folder: str, cores: int):
        self.paths = [str(Path(folder) / f"core{i}.lock") for i in range(max(1, cores))]

    @contextmanager
    def slot(self) -> Iterator[None]:
        while True:
            for path in self.paths:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    os.close(fd)
                    continue
                try:
                    yield
                finally:
                    os.close(fd)  # closing the descriptor drops the lock
                return
            time.sleep(0.02)  # every core busy: a page takes about a second, so polling costs nothing


# Set in each ingest worker (extract/ingest.py): the batch's core budget, and a hook that extends the
# document's time limit when a page is queued for OCR. Outside a batch (tests, one-off reads) neither is set.
_core_budget: CoreBudget | None = None
_on_ocr_page: Callable[[], None] | None = None


def set_core_budget(budget: CoreBudget | None) -> None:
    global _core_budget
    _core_budget = budget


def set_page_hook(hook: Callable[[], None] | None) -> None:
    global _on_ocr_page
    _on_ocr_page = hook


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
    png, scale = render_page(page, settings)
    return _lines(_tesseract(png, settings), scale, setting(settings, "ocr_min_line_conf"))


def render_page(page, settings=None) -> tuple[bytes, float]:
    """The page as a grayscale PNG for Tesseract, and its scale (pixels per point). Raises OcrUnavailable."""
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
    return png.getvalue(), scale


class OcrPool:
    """Pages of one document read by Tesseract in parallel: `submit` renders a page (pdfium is not
    thread-safe, so in the caller's thread) and queues its OCR; each queued page extends the document's
    time limit by the per-page budget. Leaving the pool early (a time limit, an error) kills the running
    tesseract processes."""

    def __init__(self, settings=None):
        self.settings = settings
        threads = setting(settings, "ocr_cores") or os.cpu_count() or 1
        self.threads = max(1, threads)
        self.executor: ThreadPoolExecutor | None = None
        self.procs: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.inflight: deque[Future] = deque()
        self.closed = False

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc) -> None:
        self.closed = True
        if self.executor is None:
            return
        if exc[0] is not None:
            for fut in self.inflight:
                fut.cancel()
            with self.lock:
                for proc in self.procs:
                    proc.kill()
        self.executor.shutdown(wait=True, cancel_futures=exc[0] is not None)

    def submit(self, page) -> Future:
        """Render `page` now and read it in the background; the future gives its OcrLines."""
        png, scale = render_page(page, self.settings)
        if _on_ocr_page is not None:
            _on_ocr_page()
        if self.executor is None:
            self.executor = ThreadPoolExecutor(self.threads, thread_name_prefix="ocr")
        # rendered pages wait as PNGs: bound them so a 500-page scan does not hold every page in memory
        while len(self.inflight) >= 2 * self.threads:
            self.inflight.popleft().exception()
        min_conf = setting(self.settings, "ocr_min_line_conf")
        fut = self.executor.submit(lambda: _lines(_tesseract(png, self.settings, self), scale, min_conf))
        self.inflight.append(fut)
        return fut


def _tesseract(png: bytes, settings, pool: OcrPool | None = None) -> str:
    exe = shutil.which(setting(settings, "ocr_command"))
    timeout = setting(settings, "ocr_page_timeout_s")
    # Tesseract 5's OpenMP threads fight each other on a small machine (one thread is ~6x faster here):
    # parallelism comes from reading several pages at once, one single-threaded process per core.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with _core_budget.slot() if _core_budget is not None else _no_budget():
        if pool is not None and pool.closed:
            raise ValueError("OCR cancelled")
        proc = subprocess.Popen(
            [exe, "stdin", "stdout", "-l", setting(settings, "ocr_lang"), "--psm", "3", "tsv"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        if pool is not None:
            with pool.lock:
                pool.procs.add(proc)
        try:
            out, err = proc.communicate(png, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            proc.communicate()
            raise ValueError(f"OCR took longer than the {timeout:g} s limit for one page") from exc
        finally:
            if pool is not None:
                with pool.lock:
                    pool.procs.discard(proc)
    if proc.returncode != 0:
        first = (err.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise ValueError(f"OCR failed ({first})")
    return out.decode("utf-8", "replace")


@contextmanager
def _no_budget() -> Iterator[None]:
    yield


@dataclass(frozen=True)
class OcrWord:
    """One word of Tesseract's TSV, in the pixels of the image sent."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    line: tuple  # (block, paragraph, line) numbers: words of one line share it
    conf: float


def run_tesseract(png: bytes, settings=None, psm: int = 6, chars: str | None = None, raw: bool = False):
    """Tesseract on one image: its words (TSV), or with `raw` its plain output (orientation report of psm 0).
    `chars` limits the characters it may read ("0123456789.,"); a numbers-only read needs no language."""
    exe = shutil.which(setting(settings, "ocr_command"))
    if exe is None:
        raise OcrUnavailable("OCR not available (tesseract not installed)")
    args = [exe, "stdin", "stdout", "--psm", str(psm)]
    if psm != 0 and chars is None:
        args += ["-l", setting(settings, "ocr_lang")]
    if chars is not None:
        args += ["-c", f"tessedit_char_whitelist={chars}"]
    if not raw:
        args.append("tsv")
    try:
        with _core_budget.slot() if _core_budget is not None else _no_budget():  # the batch's core budget
            done = subprocess.run(
                args, input=png, capture_output=True, timeout=setting(settings, "ocr_page_timeout_s"),
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
    except subprocess.TimeoutExpired as exc:
        raise ValueError("OCR took longer than the limit for one page") from exc
    if done.returncode != 0:
        raise ValueError("OCR failed")
    out = done.stdout.decode("utf-8", "replace")
    if raw:
        return out
    words = []
    for row in out.splitlines()[1:]:
        f = row.split("\t")
        if len(f) != 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, w, h = (int(v) for v in f[6:10])
        words.append(OcrWord(f[11].strip(), left, top, left + w, top + h, (f[2], f[3], f[4]), float(f[10])))
    return words


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
