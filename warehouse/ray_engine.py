"""Extraction past one machine: documents grouped into tasks on a Ray cluster, each task writing Parquet
shards into a stage folder that one loader appends to the warehouse (warehouse/stage.py).

Ray is an optional extra (`pip install 'baocao[ray]'`), imported only here and only when asked for. A task
hashes its own files (the head node never reads them) and extracts them in a child process with the local
engine's guards: time limit, memory limit, a reader stuck in C code killed, each failure a row with its
reason. A task whose Ray worker dies is re-run by Ray; the loader keeps one copy of each document.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.pipeline import extract_file, sha256_of, size_problem
from extract.settings import Settings
from warehouse.batch import BatchResult, IngestError, WorkerPool, _Progress, discover_and_report
from warehouse.stage import ShardWriter, StageError, StageLoad, load_stage, open_stage, staged_hashes

Extractor = Callable[[str, Settings], object]
FileRef = tuple[str, str]  # (path as given, shown in the warehouse; absolute path, read by the task)


class EngineError(RuntimeError):
    """The engine cannot run (Ray not installed, cluster unreachable); str() says why."""


@dataclass
class TaskResult:
    """What one task staged; the documents themselves are in its shard."""

    shard: str | None = None
    staged: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    figures: int = 0
    tasks: int = 0
    pages: int = 0


# ---------------------------------------------------------------- the task (runs on a worker, or in-process)

_pools: dict[tuple, WorkerPool] = {}  # per (settings, extractor): a worker process kept between tasks


def _pool(settings: Settings, extractor: Extractor) -> WorkerPool:
    key = (settings, extractor)
    if key not in _pools:
        close_pools()
        _pools[key] = WorkerPool(settings, extractor)
    return _pools[key]


def stage_task(
    stage: str,
    task: str,
    files: list[FileRef],
    settings: Settings,
    known: Iterable[str] = frozenset(),
    extractor: Extractor = extract_file,
) -> TaskResult:
    """Hash, extract and stage `files` as one shard in `stage`; documents whose sha256 is in `known` or
    already in this shard are skipped. Each document is extracted by the local engine's worker pool, so a
    document that overruns the time limit, runs out of memory or crashes its reader fails alone."""
    writer = ShardWriter()
    out = TaskResult()
    shown: dict[str, str] = {}
    seen: set[str] = set()
    jobs = []
    for path, absolute in files:
        try:
            too_big = size_problem(Path(absolute), settings)
            if too_big:
                writer.add_failure(path, None, too_big)
                out.failures.append((path, too_big))
                continue
            digest = sha256_of(Path(absolute))
        except OSError as exc:
            reason = f"cannot open ({exc.strerror or exc})"
            writer.add_failure(path, None, reason)
            out.failures.append((path, reason))
            continue
        if digest in known or digest in seen:
            out.skipped += 1
            continue
        seen.add(digest)
        shown[absolute] = path
        jobs.append((Path(absolute), digest))
    if jobs:
        pool = _pool(settings, extractor)
        for (absolute, digest), status, payload in pool.run(jobs):
            path = shown[str(absolute)]
            if status == "ok":
                try:
                    writer.add(payload, path)
                except ValueError as exc:
                    status, payload = "error", str(exc)
                else:
                    out.staged += 1
                    out.figures += len(payload.figures)
                    out.tasks += len(payload.tasks)
                    out.pages += payload.document.pages or 0
                    continue
            writer.add_failure(path, digest, payload)
            out.failures.append((path, payload))
    if writer.documents or writer.failures:
        out.shard = writer.write(Path(stage), task).name
    return out


def close_pools() -> None:
    """Stop the worker processes kept between tasks (a Ray worker keeps its own until it exits)."""
    for pool in _pools.values():
        pool.__exit__(None, None, None)
    _pools.clear()


# ---------------------------------------------------------------- the driver


def _batches(files: list[Path], size: int) -> list[list[FileRef]]:
    refs = [(str(f), str(f.resolve())) for f in files]
    return [refs[i : i + size] for i in range(0, len(refs), size)]


def _ray(address: str | None, settings: Settings):
    """(the ray module, connected; whether this call connected it): to `address` ('auto',
    'ray://HOST:10001'), or a local cluster of `settings.workers` CPUs started for this run (~4-6 s), or the
    cluster this process already joined."""
    try:
        import ray
    except ImportError as exc:
        raise EngineError("the Ray engine needs Ray: pip install 'baocao[ray]'") from exc
    if ray.is_initialized():
        return ray, False
    kwargs = {"include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
    try:
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=settings.workers, **kwargs)
    except Exception as exc:  # ConnectionError, a bad address, a token mismatch: one line, no traceback
        raise EngineError(f"cannot start or reach the Ray cluster {address or '(local)'}: {exc}") from exc
    return ray, True


def extract_to_stage(
    files: list[Path],
    stage: Path,
    settings: Settings,
    engine: str = "ray",
    address: str | None = None,
    known: set[str] | frozenset[str] = frozenset(),
    extractor: Extractor = extract_file,
    on_task: Callable[[TaskResult, int], None] | None = None,
) -> list[TaskResult]:
    """Stage `files` in tasks of `settings.stage_batch` documents; `on_task(result, n_files)` after each."""
    batches = _batches(files, settings.stage_batch)
    results: list[TaskResult] = []

    def done(result: TaskResult, n: int) -> None:
        results.append(result)
        if on_task:
            on_task(result, n)

    if engine == "local":
        # the same tasks in this process, one after the other, each with a pool of `settings.workers`
        try:
            for i, batch in enumerate(batches):
                done(stage_task(str(stage), f"{i:06d}", batch, settings, known, extractor), len(batch))
        finally:
            close_pools()
        return results
    ray, started = _ray(address, settings)
    try:
        _run_tasks(ray, batches, stage, settings, known, extractor, done)
    finally:
        if started:  # the cluster's processes stop before the load, which then has the CPUs to itself
            ray.shutdown()
    return results


def _run_tasks(ray, batches, stage: Path, settings: Settings, known, extractor, done) -> None:
    task_settings = settings.resolve(workers=1)  # one extraction process per task: the task is one CPU
    remote = ray.remote(stage_task).options(num_cpus=1, max_retries=settings.stage_task_retries)
    known_ref = ray.put(frozenset(known))
    # a bounded number of tasks in flight: a million documents are not submitted at once
    cap = max(4, 2 * int(ray.cluster_resources().get("CPU", 1)))
    pending: dict = {}

    def collect(timeout: float | None) -> None:
        ready, _ = ray.wait(list(pending), num_returns=1, timeout=timeout)
        for ref in ready:
            task, batch = pending.pop(ref)
            try:
                result = ray.get(ref)
            except Exception as exc:  # retries exhausted (node or worker lost each time) or a bug in the task
                reason = (
                    f"its task failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
                )
                writer = ShardWriter()
                result = TaskResult()
                for path, _ in batch:
                    writer.add_failure(path, None, reason)
                    result.failures.append((path, reason))
                result.shard = writer.write(stage, f"{task}-lost").name
            done(result, len(batch))

    for i, batch in enumerate(batches):
        while len(pending) >= cap:
            collect(None)
        task = f"{i:06d}"
        pending[remote.remote(str(stage), task, batch, task_settings, known_ref, extractor)] = (task, batch)
    while pending:
        collect(None)


# ---------------------------------------------------------------- commands


def _discover(paths: list[str]) -> tuple[list[Path], int]:
    """The files to extract, and how many paths were missing; messages as `baocao ingest` prints them."""
    files, missing = discover_and_report(paths)
    return files, len(missing)


def _stage_with_progress(
    files, stage, settings, engine, address, known, extractor, progress, result: BatchResult
) -> list[TaskResult]:
    bar = _Progress(len(files), enabled=progress)

    def on_task(task: TaskResult, n: int) -> None:
        result.skipped += task.skipped
        result.failed += len(task.failures)
        result.loaded += task.staged
        result.pages += task.pages
        for path, reason in task.failures:
            bar.print(f"{path}: {reason}")
        bar.advance(result)

    try:
        return extract_to_stage(files, stage, settings, engine, address, known, extractor, on_task)
    finally:
        bar.close()


def run_extract(
    paths: list[str],
    out: str,
    settings: Settings,
    engine: str = "ray",
    address: str | None = None,
    db: str | None = None,
    progress: bool = True,
    extractor: Extractor = extract_file,
) -> int:
    """`baocao extract`: stage every .docx/.pdf under `paths` into the folder `out`; exit code as ingest."""
    files, missing = _discover(paths)
    if missing and not files:
        return 2
    started = time.perf_counter()
    try:
        stage, _ = open_stage(out, create=True)
        known = staged_hashes(stage)  # a re-run into the same stage skips what it staged before
        if db and Path(db).exists():
            from warehouse.load import WarehouseError, connect

            try:
                con = connect(db, read_only=True, wait_s=settings.db_wait_s)
            except WarehouseError as exc:
                raise EngineError(str(exc)) from exc
            known |= {sha for (sha,) in con.execute("select sha256 from documents").fetchall()}
            con.close()
        result = BatchResult()
        tasks = _stage_with_progress(
            files, stage, settings, engine, address, known, extractor, progress, result
        )
    except (EngineError, StageError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    shards = sum(1 for t in tasks if t.shard)
    print(
        f"staged {result.loaded}, skipped unchanged {result.skipped}, failed {result.failed}; "
        f"{result.pages} pages in {time.perf_counter() - started:.1f} s; {shards} shards in {stage}",
        file=sys.stderr,
    )
    return 1 if result.failed or missing else 0


def load_summary(load: StageLoad) -> str:
    rate = load.rows / load.seconds if load.seconds else 0.0
    return (
        f"bulk load: {load.rows} rows from {load.shards} shards in {load.seconds:.2f} s ({rate:,.0f} rows/s)"
    )


def run_load(stage: str, settings: Settings) -> int:
    """`baocao load`: append a stage's new shards to the warehouse and match tasks across documents."""
    from warehouse.families import assign_families
    from warehouse.load import WarehouseError, connect
    from warehouse.task_keys import assign_task_keys

    try:
        con = connect(settings.db, wait_s=max(settings.db_wait_s, settings.busy_wait_s))
    except WarehouseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        load = load_stage(con, stage)
        if load.loaded:
            assign_task_keys(con)
            assign_families(con)
    except StageError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        con.close()
    for path, reason in load.failed:
        print(f"{path}: {reason}", file=sys.stderr)
    if not load.shards:
        print(f"{stage}: nothing new to load (every shard was loaded before)", file=sys.stderr)
        return 0
    print(
        f"loaded {load.loaded}, skipped unchanged {load.duplicates}, failed {load.failures}; "
        f"{load.figures} figures, {load.tasks} tasks, {load.pages} pages; {load_summary(load)}",
        file=sys.stderr,
    )
    return 1 if load.failures else 0


def run_ingest_engine(
    paths: list[str],
    settings: Settings,
    engine: str = "ray",
    address: str | None = None,
    stage: str | None = None,
    progress: bool = True,
    extractor: Extractor = extract_file,
) -> int:
    """`baocao ingest --engine ray`: stage the files (in a temporary stage beside the warehouse unless
    `stage` is given: on a cluster it must be a folder every node sees), then bulk-load the stage."""
    from warehouse.families import assign_families
    from warehouse.load import WarehouseError, connect
    from warehouse.task_keys import assign_task_keys

    files, missing = _discover(paths)
    if missing and not files:
        return 2
    started = time.perf_counter()
    try:
        # taken first: a busy warehouse stops the run before any extraction
        con = connect(settings.db, wait_s=max(settings.db_wait_s, settings.busy_wait_s))
    except WarehouseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    temporary = stage is None
    folder = Path(stage) if stage else Path(tempfile.mkdtemp(prefix=".stage-", dir=Path(settings.db).parent))
    result = BatchResult()
    try:
        known = {sha for (sha,) in con.execute("select sha256 from documents").fetchall()}
        try:
            folder, _ = open_stage(folder, create=True)
            _stage_with_progress(files, folder, settings, engine, address, known, extractor, progress, result)
        except (EngineError, StageError, IngestError, OSError) as exc:
            print(str(exc), file=sys.stderr)
            return 1
        try:
            load = load_stage(con, folder)
        except (
            Exception
        ) as exc:  # the warehouse is unchanged (one transaction); the stage can be loaded later
            temporary = False
            print(
                f"{folder}: could not be loaded ({exc}); the stage is kept: baocao load {folder}",
                file=sys.stderr,
            )
            return 1
        # the failures were printed as their tasks finished; the loader decides what was loaded
        result.skipped += load.duplicates
        result.loaded, result.figures, result.tasks, result.pages = (
            load.loaded,
            load.figures,
            load.tasks,
            load.pages,
        )
        if load.loaded:
            t = time.perf_counter()
            assign_task_keys(con)
            assign_families(con)
            result.key_seconds = time.perf_counter() - t
    finally:
        con.close()
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    result.seconds = time.perf_counter() - started
    print(f"{result.summary()}; {load_summary(load)}", file=sys.stderr)
    return 1 if result.failed or missing else 0
