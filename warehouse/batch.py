"""Batch ingest: extraction in worker processes, one writer loading documents whole, a group per transaction.

A bad file fails alone (`path: reason` on stderr and in `failures`); a worker that overruns the time limit or
dies is killed and replaced, and the batch goes on. Unchanged files (same sha256) are skipped unread.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from extract.pipeline import ExtractError, discover, extract_file, sha256_of, size_problem
from extract.settings import Settings

# Worker processes come from a fork server: forking the writer itself would copy DuckDB's threads (unsafe).
# The server imports only this light module: preloading spaCy and the readers there saved ~1 s per worker
# start but kept a third ~115 MB process alive for the whole batch (memory measured in bench/speed.py).
_PRELOAD = ["warehouse.batch"]
_START_FAILURES = 3  # workers in a row that die before they are ready: the environment is broken, stop

Job = tuple[Path, str]  # (file, sha256)
Extractor = Callable[[str, Settings], object]  # (path, settings) -> Extraction; module-level, picklable


class IngestError(RuntimeError):
    """The batch cannot go on at all (warehouse busy, workers cannot start); str() says why."""


@dataclass
class BatchResult:
    loaded: int = 0
    skipped: int = 0
    duplicates: int = 0  # files with the same bytes as an earlier file of the batch, which loaded
    failed: int = 0
    figures: int = 0
    tasks: int = 0
    pages: int = 0
    seconds: float = 0.0
    key_seconds: float = 0.0  # of `seconds`, matching tasks across documents and grouping document families
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.loaded + self.skipped + self.duplicates + self.failed

    def summary(self) -> str:
        return (
            f"loaded {self.loaded}, skipped unchanged {self.skipped}, "
            + (f"duplicates {self.duplicates}, " if self.duplicates else "")
            + f"failed {self.failed}; "
            f"{self.figures} figures, {self.tasks} tasks, {self.pages} pages in {self.seconds:.1f} s"
            + (
                f" ({self.key_seconds:.1f} s of it matching tasks and families across documents)"
                if self.key_seconds
                else ""
            )
        )


# ---------------------------------------------------------------- worker side


class _Timeout(Exception):
    pass


# The alarm repeats every _ALARM_REPEAT_S once due: an exception raised inside a finalizer (a `__del__` that the
# garbage collector runs, e.g. regex's parser objects) is printed and dropped by Python, which would let a document
# run past its limit; the next alarm lands in ordinary code. `_armed` keeps a late alarm from raising once the
# document's time is over.
_ALARM_REPEAT_S = 0.05
_armed = False


def _on_alarm(signum, frame):
    if _armed:
        raise _Timeout()


def _arm(seconds: float) -> None:
    global _armed
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds, _ALARM_REPEAT_S)


def _disarm() -> None:
    global _armed
    _armed = False
    signal.setitimer(signal.ITIMER_REAL, 0)


def timeout_reason(settings: Settings, ocr_pages: int = 0) -> str:
    if not ocr_pages or settings.ocr_page_budget_s <= 0:
        return f"took longer than the {settings.doc_timeout_s:g} s limit"
    limit = settings.doc_timeout_s + ocr_pages * settings.ocr_page_budget_s
    return (
        f"took longer than its {limit:g} s limit ({settings.doc_timeout_s:g} s and "
        f"{settings.ocr_page_budget_s:g} s for each of {ocr_pages} pages read by OCR)"
    )


_ocr_pages = 0  # pages of the current document queued for OCR: each extends its time limit


def _extend_for_ocr_page(conn, settings: Settings) -> None:
    """A page was queued for OCR: the document gets `ocr_page_budget_s` more, here and in the watchdog."""
    global _ocr_pages
    _ocr_pages += 1
    extra = settings.ocr_page_budget_s
    remaining = signal.getitimer(signal.ITIMER_REAL)[0]
    if extra > 0 and remaining > 0:
        signal.setitimer(signal.ITIMER_REAL, remaining + extra, _ALARM_REPEAT_S)
    conn.send(("extend", extra))


def _extract_one(path: str, settings: Settings, extractor: Extractor, sketch: bool = False) -> tuple:
    """(path) -> ('ok', Extraction) | ('ok', Extraction, sketch) | ('error', reason). Never raises, except a
    late _Timeout. With `sketch`, the document's family sketch is computed here, in parallel with the other
    workers, instead of at the batch's end (warehouse/families.py `document_sketch`)."""
    global _ocr_pages
    _ocr_pages = 0
    # The alarm interrupts Python code only; a reader stuck inside C is killed by the parent's watchdog.
    _arm(settings.doc_timeout_s)
    try:
        extraction = extractor(path, settings)
        if sketch:
            from warehouse.families import document_sketch

            return "ok", extraction, document_sketch(extraction.document.blocks)
        return "ok", extraction
    except _Timeout:
        return "error", timeout_reason(settings, _ocr_pages)
    except ExtractError as exc:
        return "error", str(exc)
    except MemoryError:
        return "error", f"out of memory while reading (limit {settings.worker_memory_mb} MB per worker)"
    except RecursionError:
        return "error", "structure nested too deeply to read"
    except Exception as exc:  # a reader bug must not abort the batch; the reason names it
        return "error", f"could not be read ({type(exc).__name__}: {exc})"
    finally:
        _disarm()


def _warm() -> None:
    """Build the rule caches once per worker, outside any document's time limit. The readers (and pdfplumber,
    for ruled PDF pages only) are imported by the first document that needs them: a batch of Word files
    never loads the PDF libraries, and one small file starts ~0.1 s sooner."""
    try:
        from extract.model import Block, Document
        from extract.pipeline import extract_document

        # digits only: the cue words are rule data, and any text builds the sentence and number grammars
        doc = Document(
            path="warm-up",
            format="docx",
            sha256="",
            blocks=(
                Block("heading", "1. 2025", "p1", level=1),
                Block("paragraph", "1.234,5 (12,5%) 01/2026", "p2"),
            ),
        )
        extract_document(doc)
        from extract.figures.sentence import warm

        warm()  # patterns the digits-only text above does not reach
    except Exception:  # a broken rule file then fails each document with its own reason
        pass


_patterns_read: dict[str, Path] = {}  # cache folder -> its file, read by this process (a forked worker inherits it)


def _load_patterns(settings: Settings) -> Path | None:
    """The rule patterns compiled by earlier runs, put in regex's cache before the rule modules compile them;
    returns the cache file this worker writes back when it compiled new ones (None: no cache). A file this
    process read already (the writer, before it forked this worker) is not read again."""
    if not settings.pattern_cache_dir:
        return None
    if settings.pattern_cache_dir in _patterns_read:
        return _patterns_read[settings.pattern_cache_dir]
    from extract.catalog import RULES_DIR
    from extract.pattern_cache import cache_file, load_patterns

    path = cache_file(settings.pattern_cache_dir, RULES_DIR)
    load_patterns(path)
    _patterns_read[settings.pattern_cache_dir] = path
    return path


def _worker(
    conn, settings: Settings, extractor: Extractor, max_tasks: int, ocr_folder: str, sketch: bool = False
) -> None:
    """Worker loop: warm up, say ready, then extract up to max_tasks paths received on conn, in order."""
    # The warm-up (spaCy's import, the rule modules: ~10^6 objects made, next to no garbage) runs without the
    # cycle collector, which ran ~150 times there (~0.08 s of CPU, most of it in spaCy's import); what it
    # built lives as long as the worker and is frozen (out of the collector's sight) before the collector
    # comes back on for the documents.
    gc.disable()
    from extract.readers import ocr

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
    ocr.set_core_budget(ocr.CoreBudget(ocr_folder, settings.ocr_cores or mp.cpu_count()))
    ocr.set_page_hook(lambda: _extend_for_ocr_page(conn, settings))
    if settings.worker_memory_mb > 0:
        import resource

        limit = settings.worker_memory_mb * 2**20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.signal(signal.SIGALRM, _on_alarm)
    patterns = _load_patterns(settings)
    _warm()
    if patterns is not None:
        from extract.pattern_cache import mark_started

        mark_started()
    gc.freeze()
    gc.enable()
    conn.send(("ready", None))
    done = 0
    while done < max_tasks:
        try:
            path = conn.recv()
        except EOFError:
            break
        if path is None:
            break
        if isinstance(path, Settings):  # an early worker adopted by a batch: that batch's settings
            settings = path
            continue
        done += 1
        try:
            outcome = _extract_one(path, settings, extractor, sketch)
        except _Timeout:  # the alarm fired between the extractor's return and its cancellation
            _disarm()
            outcome = "error", timeout_reason(settings, _ocr_pages)
        conn.send(outcome)
    conn.close()
    if patterns is not None:
        from extract.pattern_cache import save_patterns

        save_patterns(patterns)


# ---------------------------------------------------------------- writer side: the pool


class _Slot:
    """One worker process, its pipe, and the jobs queued at it; the oldest job is the one running."""

    def __init__(self, ctx, settings: Settings, extractor: Extractor, ocr_folder: str, sketch: bool = False):
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker,
            args=(child, settings, extractor, settings.worker_max_tasks, ocr_folder, sketch),
            daemon=True,
        )
        self.proc.start()
        child.close()
        self.conn = parent
        self.queue: deque[Job] = deque()
        self.sent = 0
        self.ready = False
        self.broken = False  # its pipe is closed: it gets no more work
        self.since = time.monotonic()  # when the head job started: the worker's last message
        self.ocr_pages = 0  # pages the head job has queued for OCR: each extends its time limit

    def retiring(self, max_tasks: int) -> bool:
        return self.sent >= max_tasks

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        self.proc.join(timeout=None if kill else 5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def start_fork_server() -> None:
    """Start the process workers are forked from (and multiprocessing's resource tracker) now, so the two
    interpreters start while the caller parses its arguments; a WorkerPool then forks from the running server."""
    mp.get_context("forkserver").set_forkserver_preload(_PRELOAD)
    from multiprocessing import forkserver

    forkserver.ensure_running()


# Settings a worker uses while it starts (before its first document): an early worker started with the
# defaults serves a batch only if the batch's settings agree on these; the rest reach it before any job.
_START_FIELDS = ("ocr_cores", "worker_memory_mb", "worker_max_tasks", "pattern_cache_dir")
_early: tuple[WorkerPool, threading.Thread | None] | None = None


def _forks_safely() -> bool:
    """Whether this process can be forked directly: no thread but the main one and DuckDB not loaded (a fork
    would copy its threads' locks; that is why workers otherwise come from the fork server)."""
    return threading.active_count() == 1 and "duckdb" not in sys.modules


def start_early_worker() -> None:
    """Start the first worker with the default settings before the command line is parsed: the worker's imports
    and warm-up (most of a small ingest) begin ~0.1 s sooner. Called before DuckDB is imported, the worker is
    forked from this process itself: no fork server and resource tracker to start for a one-worker batch
    (their interpreters and imports, ~0.1 s of CPU), and it inherits the imports made so far; otherwise the fork
    server starts and the worker comes from it, in a thread. The batch that follows adopts it
    (`ingest_files`); a process that runs no batch kills it at exit."""
    global _early
    import atexit

    pool = WorkerPool(Settings(), extract_file, sketch=True)
    if _forks_safely():
        # modules both processes import are imported once before the fork instead of twice after it (the
        # worker's chain is as long): pydantic (typer's parse here, spaCy's schemas in the worker: ~0.08 s of
        # CPU), importlib.metadata (typer here, spaCy's version there) and the family grouping (the families
        # here, each document's sketch there): ~0.025 s
        import importlib.metadata  # noqa: F401

        import pydantic

        import warehouse.families  # noqa: F401

        _ = pydantic.BaseModel, pydantic.TypeAdapter, pydantic.Field, pydantic.types  # the lazy parts the two use
        # the pattern cache file too: the worker reads its rule files and patterns, and the writer the same rule
        # files (indicators, checks, families: ~0.025 s of YAML parsed again after the fork)
        _load_patterns(pool.settings)
        pool.start(1, ctx=mp.get_context("fork"))
        _early = pool, None
    else:
        start_fork_server()
        starter = threading.Thread(target=pool.start, args=(1,), daemon=True)
        starter.start()
        _early = pool, starter
    atexit.register(_discard_early)


def _discard_early() -> None:
    global _early
    if _early is not None:
        pool, starter = _early
        _early = None
        if starter is not None:
            starter.join()
        pool.__exit__(RuntimeError, None, None)  # kill: it never got a job


def _adopt_early(settings: Settings, extractor: Extractor) -> WorkerPool | None:
    """The early worker's pool, now working with `settings`, when it can serve them; else None (it is killed)."""
    global _early
    if _early is None:
        return None
    pool, starter = _early
    if starter is not None:
        starter.join()
    if extractor is not pool.extractor or any(
        getattr(settings, f) != getattr(pool.settings, f) for f in _START_FIELDS
    ):
        _discard_early()
        return None
    _early = None
    pool.settings = settings
    for slot in pool.slots:
        try:
            slot.conn.send(settings)
        except OSError:  # it died already: run() replaces it
            slot.broken = True
    return pool


_OCR_PREFIX = "baocao-ocr-"


def _sweep_ocr_folders() -> None:
    """Remove the OCR lock folders of batches whose process is gone (killed with -9, or a Ray worker stopped by its
    cluster): their own exit could not. A folder's name carries the pid that made it; a live pid's is kept."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_OCR_PREFIX}*-*"):
        pid = folder.name[len(_OCR_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive, another user's
            pass


class WorkerPool:
    """Extraction in `workers` processes with bounded in-flight work and a watchdog.

    At most `worker_prefetch` jobs wait at each worker, so results never pile up however long the batch;
    a worker is replaced after `worker_max_tasks` jobs, when it overruns the time limit (killed), or when
    it dies (a crash in C code fails only the document it was reading).
    """

    def __init__(self, settings: Settings, extractor: Extractor = extract_file, sketch: bool = False):
        self.settings = settings
        self.extractor = extractor
        # with `sketch`, workers also compute each document's family sketch: sha256 -> sketch, for
        # assign_families
        self.sketch = sketch
        self.sketches: dict[str, list[int]] = {}
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(_PRELOAD)
        self.slots: list[_Slot] = []
        self.retry: deque[Job] = deque()
        self.start_failures = 0
        self.released: list[_Slot] = []  # workers told to stop (`release`), not yet waited for
        # the OCR core budget's lock files (extract/readers/ocr.py CoreBudget), shared by every worker of the
        # batch; named for this process so a later batch can remove it if this one is killed (`_sweep_ocr_folders`)
        self.ocr_folder = tempfile.mkdtemp(prefix=f"{_OCR_PREFIX}{os.getpid()}-")

    def __enter__(self) -> WorkerPool:
        return self

    def start(self, n: int, ctx=None) -> None:
        """Start up to `n` workers now, so they warm up while the caller does other work (`ctx`: another
        multiprocessing context than the pool's fork server, for these workers only)."""
        try:
            while len(self.slots) < min(n, self.settings.workers):
                self.slots.append(
                    _Slot(ctx or self.ctx, self.settings, self.extractor, self.ocr_folder, self.sketch)
                )
        except OSError:  # run() starts the missing workers again and reports why they fail
            pass

    def __exit__(self, *exc) -> None:
        for slot in self.slots:
            slot.stop(kill=exc[0] is not None)
        self.slots.clear()
        shutil.rmtree(self.ocr_folder, ignore_errors=True)
        _sweep_ocr_folders()

    def release(self) -> None:
        """Tell the workers to stop once the batch's last result is in, without waiting for them to exit (a
        worker's exit takes the writer ~0.1 s on a loaded machine): `join_released` waits later."""
        for slot in self.slots:
            try:
                slot.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        self.released = self.slots
        self.slots = []

    def join_released(self) -> None:
        """Wait for the workers `release` stopped (killed when one has not exited within 5 s)."""
        for slot in self.released:
            slot.stop()
        self.released = []

    def run(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, str, object]]:
        """Yield (job, 'ok' | 'error', Extraction | reason) in completion order."""
        source = iter(jobs)
        exhausted = False

        def next_job() -> Job | None:
            nonlocal exhausted
            if self.retry:
                return self.retry.popleft()
            if exhausted:
                return None
            job = next(source, None)
            exhausted = job is None
            return job

        s = self.settings
        while True:
            for slot in list(self.slots):
                if not slot.queue and (slot.broken or slot.retiring(s.worker_max_tasks)):
                    self._replace(slot, [], reason=None)
            # fill every slot up to the prefetch depth, starting workers as long as there is work
            for slot in self.slots:
                self._fill(slot, next_job)
            while len(self.slots) < s.workers:
                job = next_job()
                if job is None:
                    break
                slot = _Slot(self.ctx, s, self.extractor, self.ocr_folder, self.sketch)
                self.slots.append(slot)
                self._send(slot, job)
                self._fill(slot, next_job)
            busy = [slot for slot in self.slots if slot.queue]
            if not busy:
                return
            yield from self._collect(busy)

    def _fill(self, slot: _Slot, next_job: Callable[[], Job | None]) -> None:
        s = self.settings
        while (
            not slot.broken and len(slot.queue) < s.worker_prefetch and not slot.retiring(s.worker_max_tasks)
        ):
            job = next_job()
            if job is None:
                return
            self._send(slot, job)

    def _send(self, slot: _Slot, job: Job) -> None:
        try:
            slot.conn.send(str(job[0]))
        except OSError:  # the worker died since the last look: the job waits for another one
            self.retry.appendleft(job)
            slot.broken = True
            return
        slot.queue.append(job)
        slot.sent += 1

    def _collect(self, busy: list[_Slot]) -> list[tuple[Job, str, object]]:
        """Wait for messages, a dead worker or the nearest deadline; return the finished jobs."""
        s = self.settings
        limit = s.doc_timeout_s + s.doc_kill_grace_s
        now = time.monotonic()
        deadlines = [slot.since + limit + slot.ocr_pages * s.ocr_page_budget_s for slot in busy if slot.ready]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        ready = set(wait([slot.conn for slot in busy] + [slot.proc.sentinel for slot in busy], timeout))
        out: list[tuple[Job, str, object]] = []
        for slot in busy:
            dead = slot.proc.sentinel in ready
            if slot.conn in ready or dead:
                dead = self._drain(slot, out) or dead
            if dead:
                self._replace(slot, out, reason=self._death_reason(slot))
            elif (
                slot.ready
                and slot.queue
                and time.monotonic() >= slot.since + limit + slot.ocr_pages * s.ocr_page_budget_s
            ):
                self._replace(slot, out, reason=timeout_reason(s, slot.ocr_pages))
        return out

    def _drain(self, slot: _Slot, out: list) -> bool:
        """Read every message waiting on the slot's pipe; True when the worker has gone (end of file)."""
        try:
            while slot.conn.poll():
                kind, payload, *sketch = slot.conn.recv()
                if kind == "extend":
                    slot.ocr_pages += 1
                    continue
                slot.since = time.monotonic()
                slot.ocr_pages = 0
                if kind == "ready":
                    slot.ready = True
                    self.start_failures = 0
                else:
                    job = slot.queue.popleft()
                    if sketch:
                        self.sketches[job[1]] = sketch[0]
                    out.append((job, kind, payload))
        except (EOFError, OSError):
            return True
        return False

    def _death_reason(self, slot: _Slot) -> str:
        slot.proc.join(timeout=1)
        code = slot.proc.exitcode
        if code is not None and code < 0:
            try:
                return f"the reader crashed (worker killed by {signal.Signals(-code).name})"
            except ValueError:
                return f"the reader crashed (worker killed by signal {-code})"
        return f"the reader crashed (worker exit code {code})"

    def _replace(self, slot: _Slot, out: list, reason: str | None) -> None:
        """Retire or bury a worker: its running job fails with `reason`, the jobs queued behind it go back."""
        if slot.queue and reason is not None:
            if slot.ready:
                out.append((slot.queue.popleft(), "error", reason))
            else:
                self.start_failures += 1
                if self.start_failures >= _START_FAILURES:
                    raise IngestError(f"worker processes die while starting ({reason})")
        self.retry.extendleft(reversed(slot.queue))
        slot.queue.clear()
        slot.stop(kill=reason is not None)
        self.slots.remove(slot)


# ---------------------------------------------------------------- writer side: the batch


def discover_and_report(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The documents under `paths` and the paths that do not exist; says on stderr what is missing and what
    was left out for not being a document (every engine's ingest prints the same lines)."""
    files, missing, ignored = discover(paths)
    for m in missing:
        print(f"{m}: no such file or folder", file=sys.stderr)
    if ignored:
        kinds = Counter(f.suffix.lower() or "(no suffix)" for f in ignored)
        listed = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in kinds.most_common())
        files_word = "file that is" if len(ignored) == 1 else "files that are"
        print(f"left out {len(ignored)} {files_word} not documents ({listed})", file=sys.stderr)
    return files, missing


def run_ingest(
    paths: list[str],
    settings: Settings,
    progress: bool = True,
    extractor: Extractor = extract_file,
    replace: bool = False,
) -> int:
    """Ingest every .docx/.pdf under `paths`; prints failures and a summary on stderr; returns the exit code."""
    files, missing = discover_and_report(paths)
    if missing and not files:
        return 2
    try:
        result = ingest_files(files, settings, progress=progress, extractor=extractor, replace=replace)
    except IngestError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(result.summary(), file=sys.stderr)
    return 1 if result.failed or missing else 0


def ingest_files(
    files: list[Path],
    settings: Settings,
    progress: bool = False,
    extractor: Extractor = extract_file,
    replace: bool = False,
) -> BatchResult:
    # the workers start (fork server, imports, warm-up) while this thread imports DuckDB and opens the
    # warehouse: starting waits on the fork server, so the two overlap; a worker that fails to start is
    # retried by pool.run
    pool = _adopt_early(settings, extractor) or WorkerPool(settings, extractor, sketch=True)
    starter = threading.Thread(target=pool.start, args=(len(files),), daemon=True)
    starter.start()
    try:
        from warehouse.families import assign_families
        from warehouse.families import prepare as prepare_families
        from warehouse.load import Loader, WarehouseError, connect, record_failure
        from warehouse.task_keys import assign_task_keys

        # a query opened a moment earlier holds the file for a fraction of a second: wait it out
        con = connect(settings.db, wait_s=max(settings.db_wait_s, settings.busy_wait_s))
    except BaseException as exc:
        starter.join()
        pool.__exit__(type(exc), exc, None)
        from warehouse.load import WarehouseError

        if isinstance(exc, WarehouseError):
            raise IngestError(str(exc)) from exc
        raise
    finally:
        starter.join()
    # the families' place names are read while the workers extract (the writer mostly waits for them)
    families_ready = threading.Thread(target=_quietly, args=(prepare_families,), daemon=True)
    families_ready.start()
    # the writer appends a few hundred rows per transaction: DuckDB's worker threads gain nothing there and
    # took ~0.3 s of CPU per 200 documents from the extraction workers (bench/speed.py); back for task keys
    con.execute("set threads = 1")
    loader = Loader(con, settings.load_group_docs, settings.load_group_s, replace=replace)
    result = BatchResult()
    started = time.perf_counter()
    bar = _Progress(len(files), enabled=progress)

    def fail(path: Path, digest: str | None, reason: str) -> None:
        result.failed += 1
        result.failures.append((str(path), reason))
        bar.print(f"{path}: {reason}")
        record_failure(con, str(path), digest, reason)
        bar.advance(result)

    first: dict[str, Path] = {}  # sha256 -> the batch's first file with those bytes
    outcome: dict[str, str | None] = {}  # sha256 -> None when loaded, else the reason it failed
    later: list[tuple[Path, str]] = []  # files with the same bytes as an earlier one, settled at the end

    def triage() -> Iterator[Job]:
        """Files to extract, hashed lazily as workers need work; size failures and unchanged files settled here."""
        for f in files:
            try:
                too_big = size_problem(f, settings)
                if too_big:
                    fail(f, None, too_big)
                    continue
                digest = sha256_of(f)
            except OSError as exc:
                fail(f, None, f"cannot open ({exc.strerror or exc})")
                continue
            if digest in first:
                later.append((f, digest))
                continue
            if loader.is_loaded(digest):
                if replace:
                    loader.drop_stale(str(f), digest)  # the file went back to a version already loaded
                result.skipped += 1
                bar.advance(result)
                continue
            first[digest] = f
            yield f, digest

    def settle(done) -> None:
        """Count the documents a group commit settled; a load error failed only its own document."""
        for item in done:
            ex = item.extraction
            if item.error:
                outcome[ex.document.sha256] = item.error
                fail(item.tag, ex.document.sha256, item.error)
                continue
            if item.doc_id is None:
                result.skipped += 1
            else:
                result.loaded += 1
                result.figures += len(ex.figures)
                result.tasks += len(ex.tasks)
                result.pages += ex.document.pages or 0
            bar.advance(result)

    try:
        with pool:
            for (path, digest), status, payload in pool.run(triage()):
                if status != "ok":
                    outcome[digest] = payload
                    fail(path, digest, payload)
                    continue
                settle(loader.add(payload, tag=path))
            settle(loader.flush())
            pool.release()  # they exit while the writer ends the batch (task keys, families)
        for path, digest in later:
            reason = outcome.get(digest)
            if reason is None:
                result.duplicates += 1
                bar.print(f"{path}: duplicate of {first[digest]} (same bytes), not loaded again")
                bar.advance(result)
            else:
                fail(path, digest, f"duplicate of {first[digest]} (same bytes), which failed: {reason}")
        con.execute("reset threads")
        if result.loaded or loader.dropped:
            t = time.perf_counter()
            assign_task_keys(con)
            families_ready.join()
            assign_families(con, pool.sketches)
            result.key_seconds = time.perf_counter() - t
    finally:
        bar.close()
        con.close()
        pool.join_released()
    result.seconds = time.perf_counter() - started
    return result


def _quietly(fn: Callable[[], object]) -> None:
    """Run fn in a helper thread; an error is raised again where its work is needed, in the main thread."""
    try:
        fn()
    except Exception:
        pass


class _Progress:
    """A rich progress bar on stderr with files/s and pages/s; messages printed above it."""

    def __init__(self, total: int, enabled: bool):
        self.enabled = enabled and total > 0
        self.started = time.perf_counter()
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self.task = self.progress.add_task("ingest", total=total, rate="")
            self.progress.start()

    def print(self, msg: str) -> None:
        if self.enabled:
            self.progress.console.print(msg, markup=False, highlight=False, soft_wrap=True)
        else:
            print(msg, file=sys.stderr, flush=True)

    def advance(self, result: BatchResult) -> None:
        if not self.enabled:
            return
        secs = max(time.perf_counter() - self.started, 1e-6)
        self.progress.update(
            self.task,
            completed=result.done,
            rate=f"{result.done / secs:.1f} files/s {result.pages / secs:.1f} pages/s",
        )

    def close(self) -> None:
        if self.enabled:
            self.progress.stop()
