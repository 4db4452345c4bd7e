"""One settings object with documented defaults; the README's settings table mirrors it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Settings:
    db: str = "warehouse/baocao.duckdb"  # warehouse file, relative to the current directory
    db_wait_s: float = 0.0  # seconds to wait while another process holds the warehouse file
    office_command: str = "soffice"  # LibreOffice, which converts Word 97 .doc files to .docx
    office_timeout_s: float = 60.0  # one file's conversion
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # extraction processes
    max_file_bytes: int = 200 * 2**20  # a larger input file is refused unread
    max_part_bytes: int = 50 * 2**20  # one unpacked DOCX part (document.xml ...) — zip-bomb guard
    max_package_bytes: int = 200 * 2**20  # all unpacked DOCX parts together
    max_pages: int = 500  # PDF pages read; a longer PDF is refused
    max_table_rows: int = 5000  # rows read from one table
    max_table_nesting: int = 3  # tables inside table cells, deeper ones ignored
    doc_timeout_s: float = 120.0  # wall-clock limit for extracting one document
    doc_kill_grace_s: float = 2.0  # extra wait before a worker deaf to its alarm (stuck in C) is killed
    worker_max_tasks: int = 500  # documents one worker extracts before it is replaced (caps memory growth)
    worker_memory_mb: int = 2048  # address-space limit of one worker; 0 = none
    worker_prefetch: int = 2  # documents queued at one worker, so it never waits for the writer
    load_group_docs: int = 64  # documents the writer commits in one transaction (each still whole or absent)
    load_group_s: float = 1.0  # ... or fewer, once the group's first document has waited this long
    stage_batch: int = 20  # documents per task of the Ray engine (`--batch`): one shard per table per task
    stage_task_retries: int = 3  # times the Ray engine re-runs a task whose worker died
    ocr_command: str = "tesseract"  # Tesseract binary for scanned pages and garbled text layers
    ocr_lang: str = "vie"  # Tesseract language data
    ocr_dpi: int = 250  # page rendering resolution for OCR; 250 read the broken-font real doc's figures best
    ocr_table_dpi: int = 400  # rendering resolution for reading ruled tables on scanned pages cell by cell
    ocr_max_pixels: int = 40_000_000  # a larger page is rendered at a lower resolution (memory guard)
    ocr_page_timeout_s: float = 60.0  # one page's OCR
    ocr_page_budget_s: float = 30.0  # added to a document's time limit for each page it reads by OCR
    ocr_cores: int = 0  # tesseract processes at once in a batch (pages of one scan in parallel); 0 = cores
    ocr_min_line_conf: float = 30.0  # OCR lines with a lower mean confidence are noise (stamps, signatures)
    ocr_scan_max_chars: int = 200  # a page with fewer text-layer characters ...
    ocr_scan_min_image_share: float = 0.5  # ... whose images cover this share of it is a scan
    garbled_min_words: int = 20  # fewer words are too few to judge a text layer
    garbled_max_share: float = 0.7  # a text layer with a lower share of Vietnamese syllables is read by OCR
    diff_min_similarity: float = 80.0  # masked-sentence similarity (0-100) that pairs two figures in a diff
    diff_min_key_similarity: float = 40.0  # weaker similarity enough when indicator/role/period/basis agree
    # estimated Jaccard similarity of two texts' word shingles above which they are versions of one document
    # (real versions measured 0.91–0.99; successive monthly reports of one body 0.43–0.55)
    family_min_similarity: float = 0.7
    busy_wait_s: float = 3.0  # a writer, or a Python API call, waits this long for another process's hold
    eval_subject_extra_words: int = 4  # content syllables an extracted subject may add to the gold's (eval)
    # compiled rule patterns kept between runs (extract/pattern_cache.py); "" = compile them in every worker
    pattern_cache_dir: str = field(
        default_factory=lambda: os.environ.get(
            "BAOCAO_CACHE", os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "baocao")
        )
    )

    def resolve(self, **overrides) -> Settings:
        """A copy with the non-None overrides applied (CLI options pass None when not given)."""
        known = {f.name for f in fields(self)}
        values = {k: v for k, v in overrides.items() if v is not None and k in known}
        return Settings(**{**{f.name: getattr(self, f.name) for f in fields(self)}, **values})


SETTINGS_DOC = {
    "db": "DuckDB warehouse file (`--db`)",
    "db_wait_s": "seconds a command waits while another process holds the warehouse file (`--wait`)",
    "office_command": "LibreOffice binary that converts Word 97 `.doc` files to `.docx` (`scripts/setup.sh --with-office`)",
    "office_timeout_s": "seconds allowed to convert one `.doc` file",
    "workers": "extraction worker processes (`--workers`), default: number of cores",
    "max_file_bytes": "input files larger than this are refused unread (`--max-file-mb`)",
    "max_part_bytes": "largest unpacked part of a DOCX (zip-bomb guard)",
    "max_package_bytes": "largest unpacked DOCX in total",
    "max_pages": "PDFs with more pages are refused (`--max-pages`)",
    "max_table_rows": "rows read from one table",
    "max_table_nesting": "depth of tables nested in table cells",
    "doc_timeout_s": "seconds allowed to extract one document (`--timeout`)",
    "doc_kill_grace_s": "seconds past the time limit before a worker stuck in C code is killed and replaced",
    "worker_max_tasks": "documents a worker process extracts before a fresh one replaces it",
    "worker_memory_mb": "address-space limit of one worker process in MB; 0 = none",
    "worker_prefetch": "documents queued at each worker, so extraction never waits for the writer",
    "load_group_docs": "documents the writer commits in one transaction; each is still loaded whole or not at all",
    "load_group_s": "seconds the first document of a group waits before the group is committed anyway",
    "stage_batch": "documents per task of the Ray engine (`--batch`); each task writes one Parquet shard per table",
    "stage_task_retries": "times the Ray engine re-runs a task whose worker process or node died",
    "ocr_command": "Tesseract binary used for scanned pages and garbled text layers",
    "ocr_lang": "Tesseract language data (Debian tesseract-ocr-vie)",
    "ocr_dpi": "rendering resolution of a page sent to OCR",
    "ocr_table_dpi": "rendering resolution of a scanned page whose ruled tables are read cell by cell",
    "ocr_max_pixels": "pixel cap of a rendered page; larger pages are rendered at a lower resolution",
    "ocr_page_timeout_s": "seconds allowed to OCR one page",
    "ocr_page_budget_s": "seconds added to a document's time limit (`doc_timeout_s`) for each page it reads by OCR, so a long scan never fails for its length",
    "ocr_cores": "tesseract processes running at once across the workers of a batch; the pages of one scan are read in parallel up to it; 0 = number of cores",
    "ocr_min_line_conf": "OCR lines below this mean confidence are dropped (stamps, signatures)",
    "ocr_scan_max_chars": "a page with fewer text-layer characters than this ...",
    "ocr_scan_min_image_share": "... and images covering this share of it is treated as a scan",
    "garbled_min_words": "fewer words than this are too few to judge whether a text layer is Vietnamese",
    "garbled_max_share": "a text layer with a lower share of valid Vietnamese syllables is read by OCR",
    "diff_min_similarity": "similarity (0-100) of the number-masked sentences that pairs two figures in `baocao diff`",
    "diff_min_key_similarity": "weaker similarity accepted when indicator, role, period and basis agree",
    "family_min_similarity": "text similarity (0-1, shingle Jaccard) above which two files are versions of one document",
    "busy_wait_s": "seconds `ingest` and `check` wait for a reader (a query, a Python API call) to let go of the warehouse file, and a Python API call (`warehouse.api.Warehouse`) waits for a writer, before the busy message; `baocao query` does not wait",
    "pattern_cache_dir": "folder where worker processes keep the compiled rule patterns between runs (a worker then starts ~0.2–0.4 s sooner); default `$BAOCAO_CACHE`, else `$XDG_CACHE_HOME/baocao` or `~/.cache/baocao`; empty: compile them in every worker",
    "eval_subject_extra_words": "`baocao eval`: content syllables an extracted subject may add to the gold subject's and still name it",
}
