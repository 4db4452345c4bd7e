"""Batch ingest: extraction in worker processes, one writer loading each document in its own transaction.

A bad file fails alone: its reason is printed as `path: reason`, recorded in `failures`, and the batch goes
on. Files whose sha256 is already in the warehouse are skipped before any extraction work.
"""

from __future__ import annotations

import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .pipeline import ExtractError, discover, extract_file, sha256_of
from .settings import Settings


@dataclass
class BatchResult:
    loaded: int = 0
    skipped: int = 0
    failed: int = 0
    figures: int = 0
    tasks: int = 0
    pages: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


def _extract_one(args: tuple[str, Settings]):
    """Worker entry: (path, settings) -> ('ok', Extraction) | ('error', reason). Never raises."""
    path, settings = args
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, settings.doc_timeout_s)
    try:
        return "ok", extract_file(path, settings)
    except _Timeout:
        return "error", f"took longer than the {settings.doc_timeout_s:g} s limit"
    except ExtractError as exc:
        return "error", str(exc)
    except MemoryError:
        return "error", "out of memory while reading"
    except Exception as exc:  # a reader bug must not abort the batch; the reason names it
        return "error", f"could not be read ({type(exc).__name__}: {exc})"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_ingest(paths: list[str], settings: Settings, progress: bool = True) -> int:
    from warehouse.load import WarehouseBusy, connect, is_loaded, load_extraction, record_failure
    from warehouse.task_keys import assign_task_keys

    files, missing = discover(paths)
    for m in missing:
        print(f"{m}: no such file or folder", file=sys.stderr)
    if missing and not files:
        return 2
    try:
        con = connect(settings.db)
    except WarehouseBusy as exc:
        print(str(exc), file=sys.stderr)
        return 1
    result = BatchResult()
    started = time.perf_counter()

    todo: list[tuple[Path, str]] = []
    for f in files:
        try:
            digest = sha256_of(f)
        except OSError as exc:
            _fail(con, result, f, None, f"cannot open ({exc.strerror or exc})", record_failure)
            continue
        if is_loaded(con, digest):
            result.skipped += 1
        else:
            todo.append((f, digest))

    bar = _Progress(len(todo), enabled=progress)
    jobs = [(str(f), settings) for f, _ in todo]
    digests = {str(f): d for f, d in todo}
    if settings.workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=settings.workers, max_tasks_per_child=50) as pool:
            outcomes = pool.map(_extract_one, jobs, chunksize=1)
            _consume(con, result, jobs, outcomes, digests, bar, load_extraction, record_failure)
    else:
        outcomes = map(_extract_one, jobs)
        _consume(con, result, jobs, outcomes, digests, bar, load_extraction, record_failure)
    bar.close()
    assign_task_keys(con)
    con.close()
    secs = time.perf_counter() - started
    print(
        f"loaded {result.loaded}, skipped unchanged {result.skipped}, failed {result.failed}; "
        f"{result.figures} figures, {result.tasks} tasks, {result.pages} pages in {secs:.1f} s",
        file=sys.stderr,
    )
    return 1 if result.failed or missing else 0


def _consume(con, result, jobs, outcomes, digests, bar, load_extraction, record_failure):
    for (path, _), (status, payload) in zip(jobs, outcomes, strict=True):
        if status == "ok":
            try:
                doc_id = load_extraction(con, payload)
            except Exception as exc:  # a load error rolls back this document only
                _fail(con, result, Path(path), digests[path], f"could not be loaded ({exc})", record_failure)
            else:
                if doc_id is None:
                    result.skipped += 1
                else:
                    result.loaded += 1
                    result.figures += len(payload.figures)
                    result.tasks += len(payload.tasks)
                    result.pages += payload.document.pages or 0
        else:
            _fail(con, result, Path(path), digests[path], payload, record_failure)
        bar.advance(result)


def _fail(con, result, path: Path, digest, reason: str, record_failure) -> None:
    result.failed += 1
    result.failures.append((str(path), reason))
    print(f"{path}: {reason}", file=sys.stderr, flush=True)
    record_failure(con, str(path), digest, reason)


class _Progress:
    """A rich progress bar on stderr with files/s and pages/s; silent when disabled or not a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.enabled = enabled and total > 0
        self.started = time.perf_counter()
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(), console=Console(stderr=True), transient=False,
            )
            self.task = self.progress.add_task("ingest", total=total, rate="")
            self.progress.start()

    def advance(self, result: BatchResult) -> None:
        if not self.enabled:
            return
        secs = max(time.perf_counter() - self.started, 1e-6)
        done = result.loaded + result.failed
        self.progress.update(self.task, advance=1, rate=f"{done / secs:.1f} files/s {result.pages / secs:.1f} pages/s")

    def close(self) -> None:
        if self.enabled:
            self.progress.stop()
